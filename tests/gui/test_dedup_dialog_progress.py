"""The 查重 dialog shows how far a rebuild over the whole workspace is and can cancel it; a
cancel leaves the index and the findings as they were (issue 18: every long step with
progress)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from slq_desk.desk.service import Desk
from slq_desk.models.schema import Finding
from slq_desk.ui.office.dedup_dialog import DedupDialog
from slq_desk.ui.operations import Operation
from tests.unit.office_builders import add_application, invoice, workspace

SHUDIAN = "26422000000012345678"


def _workspace(tmp_path: Path):
    ws = workspace(tmp_path)
    for i in range(5):
        add_application(ws, f"app-{i}", applicant=f"武汉科技有限公司{i}", uscc=f"91420100MA4K{i:06d}",
                        claimed=datetime(2026, 3, 1 + i, tzinfo=UTC),
                        documents=[("发票.pdf", "invoice",
                                    invoice(SHUDIAN if i in (1, 3) else f"2642200000009{i:07d}"))])
    return ws


def _dedup_findings(ws) -> list[tuple[str, str]]:
    with ws.session() as s:
        return sorted((f.application_id, f.code)
                      for f in s.scalars(select(Finding).where(Finding.stage == "dedup")))


def test_a_rebuild_shows_its_progress_then_the_pairs(qtbot, tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    heard: list[tuple[int, int, str]] = []
    shown: list[tuple[int, int, str]] = []

    def launch(op: Operation) -> Operation:
        op.progress.connect(lambda d, t, text: heard.append((d, t, text)))
        op.progress.connect(lambda *_: shown.append((dialog.progress.value(),
                                                     dialog.progress.maximum(),
                                                     dialog.message.text())))
        assert dialog.cancel_button.isEnabled() and dialog.progress.isVisibleTo(dialog)
        return op.launch(True)

    dialog = DedupDialog(Desk(ws), launch, lambda: None)
    qtbot.addWidget(dialog)
    assert not dialog.cancel_button.isEnabled()
    dialog.reindex_box.setChecked(True)
    dialog.run()
    assert (5, 5) in [(d, t) for d, t, _ in heard]  # the rebuild reached every application
    assert (5, 5, "正在重建查重索引：5 / 5 份申报") in shown
    assert any(text == "正在记录查重结果…" for _, _, text in shown)
    assert [(d.first, d.second) for d in dialog.duplicates] == [("app-1", "app-3")]
    assert dialog.table.rowCount() == 1 and not dialog.progress.isVisibleTo(dialog)
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()
    ws.close()


def test_cancel_stops_the_rebuild_and_changes_nothing(qtbot, tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    Desk(ws).office.find_duplicates(reindex=True)
    before = _dedup_findings(ws)
    add_application(ws, "app-late", applicant="另一家公司", uscc="91420100MA4K999999",
                    documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
    ended: list[str] = []

    def launch(op: Operation) -> Operation:
        if not ended:  # the first run: the person presses 取消 as soon as the rebuild started
            op.progress.connect(lambda done, total, _text: dialog.cancel_button.click()
                                if total and dialog.cancel_button.isEnabled() else None)
        op.cancelled.connect(lambda: ended.append("cancelled"))
        op.finished.connect(lambda _r: ended.append("finished"))
        return op.launch(True)

    dialog = DedupDialog(Desk(ws), launch, lambda: None)
    qtbot.addWidget(dialog)
    dialog.reindex_box.setChecked(True)
    dialog.run()
    assert ended == ["cancelled"]
    assert dialog.message.text() == "已取消查重，索引与已有结果保持不变。"
    assert _dedup_findings(ws) == before and dialog.table.rowCount() == 0
    assert dialog.run_button.isEnabled() and not dialog.progress.isVisibleTo(dialog)
    dialog.run()  # run again without cancelling: the late application's duplicate is found
    assert ("app-late", "dedup_invoice") in _dedup_findings(ws)
    ws.close()
