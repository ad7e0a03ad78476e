"""From the demo panel: aggregation with a divergence alert, the signed panel opinion carrying
the individual opinions' hashes, and the exports (signed summary, 名单 CSV/XLSX, raw scores)
with no float anywhere."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from slq_desk.errors import BadInput
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.opinion.verify import embedded_file, verify_bytes
from slq_desk.panel import aggregate
from slq_desk.panel.charts import calibration_svg
from slq_desk.panel.demo import (
    REVIEWERS,
    DemoPanel,
    build_demo_panel,
    throwaway_identity,
)
from slq_desk.panel.exports import (
    LIST_XLSX,
    SCORES_JSON,
    export_all,
    list_csv_bytes,
    verify_summary,
)
from slq_desk.panel.panel_opinion import (
    PANEL_ATTACHMENT,
    ConclusionConflict,
    export_panel_opinion,
    save_conclusion,
)
from slq_desk.panel.rank_allocate import (
    MAIN,
    RESERVE,
    candidates,
    default_cut_off,
    rank_and_allocate,
)
from slq_desk.review.aggregate import PanelSettings
from slq_desk.workspace import Workspace

# One worker builds the demo panel once for the module; `make test` uses --dist loadgroup.
pytestmark = pytest.mark.xdist_group("panel-demo")


@pytest.fixture(scope="module")
def idents() -> dict[str, LoadedIdentity]:
    made = {n: throwaway_identity(n, o) for n, o in REVIEWERS}
    made["赵敏"] = throwaway_identity("赵敏", "湖南省评审组")
    return made


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory, idents: dict) -> tuple[Workspace, DemoPanel]:
    ws = Workspace.open(tmp_path_factory.mktemp("panel") / "ws")
    demo = build_demo_panel(ws, 3, identities=idents)
    return ws, demo


def test_demo_panel_has_one_divergence_alert(panel: tuple[Workspace, DemoPanel]) -> None:
    ws, demo = panel
    assert len(demo.report.imported) == 18 and not demo.report.refused
    with ws.session() as s:
        agg = aggregate.run(s)
    alerted = {a.application_id for a in agg.results if a.alerts}
    assert alerted == {demo.divergent}
    assert any(a.metric == "range" and a.value >= 30 for a in agg.by_id()[demo.divergent].alerts)
    assert [c.reviewer for c in agg.calibration] == ["张伟", "李娜", "王强"]
    assert "张伟" in calibration_svg(agg.calibration)
    # Median and z-score normalisation are settings; too few scores keep the raw ones.
    with ws.session() as s:
        med = aggregate.run(s, PanelSettings(method="median"))
        z = aggregate.run(s, PanelSettings(normalise=True, z_min_samples=5))
        z_guarded = aggregate.run(s, PanelSettings(normalise=True, z_min_samples=10))
    assert med.results[0].score == med.results[0].total.median
    assert z.normalisation is not None and len(z.normalisation.normalised) == 3
    assert z_guarded.normalisation is not None and not z_guarded.normalisation.normalised
    assert all("< 10" in why for why in z_guarded.normalisation.skipped.values())


def test_panel_list_from_the_demo(panel: tuple[Workspace, DemoPanel]) -> None:
    ws, _demo = panel
    with ws.session() as s:
        agg = aggregate.run(s)
        cands = candidates(s, agg)
    assert default_cut_off(agg) == Decimal("60")
    plist = rank_and_allocate(cands, budget=Decimal("700000"), cut_off=default_cut_off(agg))
    assert plist.of(MAIN) and plist.of(RESERVE)
    assert plist.granted == Decimal("700000")
    scores = [e.candidate.score for e in plist.entries]
    assert scores == sorted(scores, reverse=True)


def test_panel_conclusion_and_concurrent_edit(panel: tuple[Workspace, DemoPanel]) -> None:
    ws, demo = panel
    app = demo.applications[0]
    with ws.session() as s:
        row = save_conclusion(s, "测试员", app, "赵敏")
        assert "3 位评审专家" in row.comment and row.recommendation == "推荐"
        assert len(row.source_hashes) == 3
        version = row.version
    with ws.session() as s:
        save_conclusion(s, "测试员", app, "赵敏", comment="评审组一致推荐。", expected_version=version)
    with pytest.raises(ConclusionConflict, match="nothing was overwritten"):
        with ws.session() as s:
            save_conclusion(s, "测试员", app, "赵敏", comment="另一窗口的修改", expected_version=version)
    with pytest.raises(BadInput, match="exceeds"), ws.session() as s:
        save_conclusion(s, "测试员", app, "赵敏", amount="99999999.00")
    with ws.session() as s:
        row2 = save_conclusion(s, "测试员", app, "赵敏")
        assert row2.comment == "评审组一致推荐。"


def test_signed_panel_opinion_carries_the_individual_hashes(panel: tuple[Workspace, DemoPanel],
                                                            idents: dict, tmp_path: Path) -> None:
    ws, demo = panel
    out = tmp_path / "综合意见.pdf"
    done = export_panel_opinion(ws, demo.divergent, out, idents["赵敏"])
    result = verify_bytes(out.read_bytes())
    assert result.valid, result.reasons
    assert result.data is not None and result.data.kind == "panel"
    sources = {p.read_bytes() for p in demo.opinions_dir.glob(f"{demo.divergent}-*.pdf")}
    import hashlib

    assert {d.sha256 for d in result.data.documents} == {hashlib.sha256(b).hexdigest() for b in sources}
    from pyhanko.pdf_utils.reader import PdfFileReader

    panel_json = json.loads(embedded_file(PdfFileReader(io.BytesIO(out.read_bytes())),
                                          PANEL_ATTACHMENT))
    assert {o["reviewer"] for o in panel_json["opinions"]} == {"张伟", "李娜", "王强"}
    assert done.signed and done.signer == "赵敏"
    with pytest.raises(BadInput, match="already exists"):
        export_panel_opinion(ws, demo.divergent, out, idents["赵敏"])


def _no_float(text: str) -> dict:
    def refuse(value: str) -> None:
        raise AssertionError(f"a float in JSON: {value}")
    return json.loads(text, parse_float=refuse)


def test_exports_are_signed_exact_and_readable(panel: tuple[Workspace, DemoPanel], idents: dict,
                                               tmp_path: Path) -> None:
    ws, _demo = panel
    with ws.session() as s:
        agg = aggregate.run(s)
        plist = rank_and_allocate(candidates(s, agg), budget=Decimal("700000.50"),
                                  cut_off=Decimal("60"))
        written = export_all(s, agg, plist, tmp_path, idents["赵敏"], "赵敏")
        with pytest.raises(BadInput, match="already exists"):
            export_all(s, agg, plist, tmp_path, idents["赵敏"], "赵敏")
    names = {w.path.name for w in written}
    assert names == {"评审结果汇总表.pdf", "名单.csv", "名单.xlsx", "评分明细.csv", "评分明细.json"}
    pdf = (tmp_path / "评审结果汇总表.pdf").read_bytes()
    ok, reasons, payload = verify_summary(pdf)
    assert ok, reasons
    assert payload is not None and payload["list"]["totals"]["granted"] == "700000.50"
    tampered = bytearray(pdf)
    tampered[len(pdf) // 4] ^= 1
    assert not verify_summary(bytes(tampered))[0]
    with pymupdf.open(stream=pdf) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "评审结果汇总表" in text and "正选" in text and "分歧提示" in text
    # An official Chinese PDF: the reasons' Chinese halves, no English from the core.
    squashed = text.replace("\n", "")
    assert "partly" not in squashed and "diverge" not in squashed and "stdev" not in squashed
    if any(e.granted != e.candidate.amount for e in plist.of("main")):
        assert "获部分金额" in squashed or "等比例核减" in squashed
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(tmp_path / "评审结果汇总表.pdf")],
                             capture_output=True, text=True)
        assert "Signature is Valid" in out.stdout and "Total document signed" in out.stdout

    raw = (tmp_path / "名单.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "排名" and any(r[-3] == "备选" for r in rows[1:])
    assert rows[0][-1] == "汇总方法" and all(r[-1] for r in rows[1:])  # the method on every row
    assert sum(Decimal(r[10]) for r in rows[1:]) == Decimal("700000.50")

    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / LIST_XLSX)["名单"]
    for row in sheet.iter_rows(min_row=3, values_only=True):
        assert all(v is None or isinstance(v, str) for v in row), row
    doc = _no_float((tmp_path / SCORES_JSON).read_text("utf-8"))
    assert len(doc["scores"]) == 18 * 4
    score_csv = (tmp_path / "评分明细.csv").read_text("utf-8-sig")
    assert "real_usage" in score_csv and "e+" not in score_csv


def test_list_csv_has_no_float_formatting() -> None:
    from datetime import UTC, datetime

    from slq_desk.panel.rank_allocate import Candidate

    big = Candidate("X", "某公司", "", "hunan-2026", Decimal("88.125"), 3, 0,
                    datetime(2026, 6, 1, tzinfo=UTC), Decimal("12345678901234567.89"),
                    Decimal("12345678901234567.89"), "computed")
    plist = rank_and_allocate([big], cut_off=None, budget=Decimal("12345678901234567.89"))
    text = list_csv_bytes(replace(plist)).decode("utf-8-sig")
    assert "12345678901234567.89" in text and "e+" not in text


def test_panel_steps_are_in_the_audit_chain(panel: tuple[Workspace, DemoPanel], idents: dict,
                                            tmp_path: Path) -> None:
    from sqlalchemy import select

    from slq_desk import audit
    from slq_desk.models.schema import AuditEvent

    ws, demo = panel
    app = demo.applications[1]
    with ws.session() as s:
        save_conclusion(s, "测试员", app, "赵敏")
    export_panel_opinion(ws, app, tmp_path / "p.pdf", idents["赵敏"])
    with ws.session() as s:
        agg = aggregate.run(s)
        plist = rank_and_allocate(candidates(s, agg), budget=Decimal("500000"), cut_off=None)
        export_all(s, agg, plist, tmp_path / "out", None, "赵敏", actor="测试员")
    with ws.session() as s:
        actions = set(s.scalars(select(AuditEvent.action)))
        assert audit.verify(s).ok
    assert {"panel.import", "panel.conclusion", "panel.opinion.sign", "panel.export"} <= actions
    # Both signed panel exports carry the audit chain head of their moment.
    from slq_desk.cli.audit_cmd import export_anchor
    from slq_desk.panel.exports import SUMMARY_NAME

    for pdf in (tmp_path / "p.pdf", tmp_path / "out" / SUMMARY_NAME):
        anchored = export_anchor(pdf)
        assert anchored is not None and anchored["seq"] > 0 and len(anchored["hash"]) == 64
