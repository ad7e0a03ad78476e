"""The chair's panel view over the demo panel: import, divergence, calibration, ranking,
budget simulation, exports (signed and draft)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gui.signing_support import PASS, Asker, install, isolate, make_p12

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo panel (three reviewers' signed opinions, imported), built once."""
    from slq_desk.panel.demo import build_demo_panel
    from slq_desk.workspace import Workspace

    folder = tmp_path_factory.mktemp("panel") / "ws"
    ws = Workspace.open(folder)
    try:
        d = build_demo_panel(ws, 1)
    finally:
        ws.close()
    return folder, d.divergent


@pytest.fixture(scope="module")
def chair_p12() -> bytes:
    return make_p12("周主任", "评审组")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    yield from isolate(monkeypatch, tmp_path)


@pytest.fixture()
def ws(demo: tuple[Path, str], tmp_path: Path) -> Iterator[object]:
    from slq_desk.workspace import Workspace

    target = tmp_path / "ws"
    shutil.copytree(demo[0], target)
    for wal in target.glob("workspace.db-*"):
        wal.unlink()
    w = Workspace.open(target)
    yield w
    w.close()


def view(qtbot: object, ws: object, **kw: object) -> object:
    from slq_desk.ui.panel.panel_view import PanelView

    v = PanelView(ws, **({"run_sync": True} | kw))  # type: ignore[arg-type]
    v.resize(1200, 800)
    qtbot.addWidget(v)  # type: ignore[attr-defined]
    return v


def test_scores_with_divergence_alert_highlighted(qtbot: object, ws: object,
                                                  demo: tuple[Path, str]) -> None:
    from slq_desk.ui.panel.panel_view import ALERT_BG

    v = view(qtbot, ws)
    t = v.scores_table
    assert t.rowCount() == 6
    rows = {t.item(i, 0).text(): i for i in range(t.rowCount())}
    alerted = rows[demo[1]]
    assert "⚠" in t.item(alerted, 8).text()
    assert t.item(alerted, 0).background().color() == ALERT_BG
    others = [i for i in rows.values() if i != alerted]
    assert all(t.item(i, 8).text() == "" for i in others)
    assert "分歧" in v.alert_summary.text()
    v.method_box.setCurrentIndex(1)  # median: a different panel score, same alert
    assert t.item(alerted, 2).text() == t.item(alerted, 4).text()


def test_calibration_chart_and_table(qtbot: object, ws: object) -> None:
    v = view(qtbot, ws)
    assert v.calibration_table.rowCount() == 3
    names = {v.calibration_table.item(i, 0).text() for i in range(3)}
    assert names == {"张伟", "李娜", "王强"}
    assert v.calibration_chart.renderer().isValid()


def test_ranking_within_budget(qtbot: object, ws: object) -> None:
    from decimal import Decimal

    v = view(qtbot, ws)
    v.budget_edit.setText("700000")
    v.rank()
    pl = v.plist
    assert pl is not None and pl.pool == Decimal(700000)
    assert pl.granted <= Decimal(700000)
    assert pl.of("main") and pl.of("reserve")
    statuses = [v.rank_table.item(i, 4).text() for i in range(v.rank_table.rowCount())]
    assert "正选" in statuses and "备选" in statuses
    assert "700,000.00" in v.rank_totals.text()
    v.budget_edit.setText("12.345")  # typed past the validator: still refused, not rounded
    v.rank()
    assert v.plist is None and "分" in v.rank_message.text()
    v.budget_edit.setText("abc")
    v.rank()
    assert "预算不是有效金额" in v.rank_message.text()


def test_budget_simulation_table_and_chart(qtbot: object, ws: object) -> None:
    v = view(qtbot, ws)
    v.budget_edit.setText("700000")
    v.rank()
    v.sim_budgets.setText("300000，1200000")
    v.simulate()
    assert v.sim is not None and v.sim_table.rowCount() == 2
    assert v.sim_table.item(0, 6).text() != "—"  # a smaller pool pushes someone out
    assert v.sim_table.item(1, 5).text() != "—"  # a larger one lets the reserve in
    assert v.sim_chart.renderer().isValid()
    v.sim_budgets.setText("很多")
    v.simulate()
    assert "不是数字" in v.sim_message.text() and v.sim_table.rowCount() == 0


def test_import_folder_lists_refused_and_not_held(qtbot: object, demo: tuple[Path, str],
                                                  tmp_path: Path) -> None:
    from slq_desk.workspace import Workspace

    src = tmp_path / "incoming"
    shutil.copytree(demo[0] / "demo-panel" / "opinions", src)
    (src / "readme.pdf").write_text("not a pdf", "utf-8")
    first = min(src.glob("*张伟.pdf"))
    data = bytearray(first.read_bytes())
    data[data.find(b"stream") + 300] ^= 1
    (src / "tampered.pdf").write_bytes(bytes(data))
    chair = Workspace.open(tmp_path / "chair")  # holds none of the applications
    try:
        v = view(qtbot, chair)
        assert v.agg is None and "没有可汇总" in v.message.text()
        with qtbot.waitSignal(v.imported, timeout=30000):  # type: ignore[attr-defined]
            v.import_path(src)
        report = v.last_report
        assert len(report.imported) == 18 and len(report.refused) == 2
        assert len(report.not_held) == 18
        t = v.import_table
        results = [t.item(i, 1).text() for i in range(t.rowCount())]
        assert results.count("拒绝") == 2
        assert any("本工作区无此申报" in t.item(i, 5).text() for i in range(t.rowCount()))
        assert v.opinions_table.rowCount() == 18
        assert "拒绝 2 份" in v.import_summary.text()
    finally:
        chair.close()


def test_export_signed_and_verify_summary(qtbot: object, ws: object, chair_p12: bytes,
                                          tmp_path: Path) -> None:
    from slq_desk.panel.exports import SUMMARY_NAME
    from slq_desk.ui.signing.verify_window import VerifyWindow

    install(chair_p12)
    asker = Asker(PASS)
    v = view(qtbot, ws, ask=asker)
    v.budget_edit.setText("700000")
    v.rank()
    out = tmp_path / "exports"
    v.export_dir.setText(str(out))
    with qtbot.waitSignal(v.exported, timeout=30000):  # type: ignore[attr-defined]
        v.export()
    assert asker.asked == 1 and len(v.written) == 5
    assert (out / SUMMARY_NAME).exists() and v.export_table.rowCount() == 5
    win = VerifyWindow(run_sync=True)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.verify_path(out / SUMMARY_NAME)
    assert win.outcome.kind == "summary" and win.outcome.summary_valid
    assert "汇总表" in win.verdict.text() and "有效" in win.verdict.text()
    v.export()  # again, without "replace": refused, files kept
    assert "未导出" in v.export_message.text()


def test_export_draft_asks_nothing_and_empty_panel_refuses(qtbot: object, ws: object,
                                                           tmp_path: Path) -> None:
    from slq_desk.workspace import Workspace

    asker = Asker()
    v = view(qtbot, ws, ask=asker)
    assert v.plist is None and "资金池" in v.rank_message.text()  # the policy sets no pool
    v.budget_edit.setText("900000")
    v.rank()
    v.export_dir.setText(str(tmp_path / "draft"))
    v.draft_box.setChecked(True)
    v.export()
    assert asker.asked == 0 and len(v.written) == 5 and not any(w.signed for w in v.written)
    empty = Workspace.open(tmp_path / "empty")
    try:
        e = view(qtbot, empty)
        e.export()
        assert "还没有名单" in e.export_message.text()
        e.simulate()
        assert "没有可排序" in e.sim_message.text()
    finally:
        empty.close()


def test_roster_lists_members_and_adds_a_certificate(qtbot: object, ws: object,
                                                     tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    from tests.support.attacks import make_identity

    v = view(qtbot, ws)
    assert v.roster_table.rowCount() == 0  # type: ignore[attr-defined]
    assert "名册为空" in v.roster_message.text()  # type: ignore[attr-defined]
    ident = make_identity("张伟", "湖南省评审专家库")
    cert = tmp_path / "zhang.pem"
    cert.write_bytes(ident.certificate.public_bytes(serialization.Encoding.PEM))
    assert v.add_roster_certificate("张伟", cert)  # type: ignore[attr-defined]
    assert v.roster_table.rowCount() == 1  # type: ignore[attr-defined]
    assert v.roster_table.item(0, 0).text() == "张伟"  # type: ignore[attr-defined]
    shown = v.roster_table.item(0, 3).text().replace(":", "").lower()  # type: ignore[attr-defined]
    assert shown == ident.info.cert_sha256
    assert not v.add_roster_certificate("张三", cert)  # type: ignore[attr-defined]
    assert "already on the roster" in v.roster_message.text()  # type: ignore[attr-defined]
