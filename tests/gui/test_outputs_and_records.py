"""Issue 19 item 13, outputs in reach: open file / open folder after every export, printing a
signed opinion and a notice (through QPrinter into a PDF file), notes per application, the
dashboard and the audit-log viewer with its `audit verify` check — in the real window."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt, QUrl

from slq_desk.ui.outputs import OutputBar
from tests.gui.signing_support import PASS, Asker, install, isolate, make_p12

APP = "hunan-clean-1"
FLAWED = "wuhan-flawed-1"


class Opener:
    """Stands in for QDesktopServices.openUrl: records what would have been opened."""

    def __init__(self, answer: bool = True) -> None:
        self.urls: list[QUrl] = []
        self.answer = answer

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.answer

    @property
    def paths(self) -> list[Path]:
        return [Path(u.toLocalFile()) for u in self.urls]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    yield from isolate(monkeypatch, tmp_path)


# --- the open file / open folder bar ---------------------------------------------------------------

def test_output_bar_opens_the_file_and_its_folder(qtbot: object, tmp_path: Path) -> None:
    opener = Opener()
    bar = OutputBar(opener=opener)
    qtbot.addWidget(bar)  # type: ignore[attr-defined]
    assert bar.isHidden()
    pdf = tmp_path / "out" / "意见.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.7\n")
    bar.show_file(pdf)
    assert not bar.isHidden() and "意见.pdf" in bar.label.text()
    assert not bar.print_button.isHidden()
    bar.open_button.click()
    bar.folder_button.click()
    assert opener.paths == [pdf.resolve(), pdf.parent.resolve()]
    assert all(u.isLocalFile() for u in opener.urls)
    # Not a PDF: no print button. A file gone since: said, the opener is not asked.
    other = tmp_path / "out" / "备份.p12"
    other.write_bytes(b"x")
    bar.show_file(other)
    assert bar.print_button.isHidden()
    other.unlink()
    assert not bar.open_file()
    assert len(opener.urls) == 2 and "无法打开文件" in bar.message.text()
    # The system refuses (no handler): said as well.
    refusing = OutputBar(opener=Opener(answer=False))
    qtbot.addWidget(refusing)  # type: ignore[attr-defined]
    refusing.show_file(pdf)
    assert not refusing.open_file() and not refusing.message.isHidden()


# --- signing: the bar after the export, and printing the signed PDF ------------------------------

@pytest.fixture(scope="module")
def p12() -> bytes:
    from slq_desk.opinion.sample import REVIEWER

    return make_p12(REVIEWER)


def _ink(pdf: Path, point: tuple[float, float]) -> int:
    """Grey level (0 black … 255 white) of the first page at ``point`` (PDF points)."""
    with pymupdf.open(pdf) as doc:
        pix = doc[0].get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
        return int(pix.pixel(int(point[0]), int(point[1]))[0])


def _dark_share(pdf: Path) -> float:
    """The share of dark pixels on the first page: ink, wherever it is."""
    with pymupdf.open(pdf) as doc:
        samples = doc[0].get_pixmap(dpi=36, colorspace=pymupdf.csGRAY).samples
    return sum(1 for b in samples if b < 128) / len(samples)


def test_signing_ends_with_open_and_print(qtbot: object, tmp_path: Path, p12: bytes) -> None:
    from slq_desk.opinion.sample import add_reviewed_application
    from slq_desk.ui.printing import print_to_pdf_file
    from slq_desk.ui.signing.sign_dialog import SignDialog
    from slq_desk.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    try:
        add_reviewed_application(ws, "hunan-sign-1", tmp_path / "pkg")
        install(p12)
        opener = Opener()
        dlg = SignDialog(ws, "hunan-sign-1", ask=Asker(PASS), run_sync=True, opener=opener)
        qtbot.addWidget(dlg)  # type: ignore[attr-defined]
        out = tmp_path / "out" / "意见.pdf"
        dlg.out_edit.setText(str(out))
        assert dlg.output_bar.isHidden()
        with qtbot.waitSignal(dlg.signed, timeout=30000):  # type: ignore[attr-defined]
            dlg.sign()
        assert not dlg.output_bar.isHidden() and not dlg.output_bar.print_button.isHidden()
        dlg.output_bar.open_button.click()
        dlg.output_bar.folder_button.click()
        assert opener.paths == [out.resolve(), out.parent.resolve()]
    finally:
        ws.close()
    # Printed through Qt's printer into a PDF: every page, the page's ink where it was.
    printed = tmp_path / "printed.pdf"
    with pymupdf.open(out) as signed:
        pages = signed.page_count
    assert print_to_pdf_file(out, printed) == pages
    with pymupdf.open(printed) as doc:
        assert doc.page_count == pages
        assert all(page.get_images() for page in doc)  # each page a rendered image
    assert _ink(printed, (300, 830)) > 240  # the page's blank foot stays blank
    # The same ink, scaled a little into the printer's margins (not a blank or a black page).
    assert 0.5 * _dark_share(out) < _dark_share(printed) < 1.1 * _dark_share(out)


def test_print_preview_paints_every_page_and_prints_to_the_printer(qtbot: object,
                                                                   tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from slq_desk.ui.printing import PrintPdfDialog, paint_pdf
    from tests.gui.factory import BLOCK, make_pdf

    src = tmp_path / "三页.pdf"
    src.write_bytes(make_pdf(3))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog = PrintPdfDialog(src, printer=printer)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    qtbot.waitUntil(lambda: dialog.painted == 3, timeout=15000)  # type: ignore[attr-defined]
    assert dialog.error is None and "三页.pdf" in dialog.windowTitle()
    dialog.close()
    # What the dialog's print button does with the chosen printer: here a PDF file.
    printer.setFromTo(2, 3)
    assert paint_pdf(src, printer) == 2
    with pymupdf.open(tmp_path / "printed.pdf") as doc:
        assert doc.page_count == 2
    # The black block of the source page is black on paper too (scaled into the margins).
    centre = ((BLOCK[0] + BLOCK[2]) / 2, (BLOCK[1] + BLOCK[3]) / 2 + 10)
    assert _ink(tmp_path / "printed.pdf", centre) < 80


def test_a_broken_pdf_is_a_message_not_a_crash(qtbot: object, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from slq_desk.errors import BadInput
    from slq_desk.ui.printing import print_to_pdf_file

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 truncated")
    with pytest.raises(BadInput):
        print_to_pdf_file(bad, tmp_path / "x.pdf")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: said.append(text))
    from slq_desk.ui.printing import PrintPdfDialog

    dialog = PrintPdfDialog(bad)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    qtbot.waitUntil(lambda: bool(said), timeout=15000)  # type: ignore[attr-defined]
    assert "无法打印" in said[0] and dialog.painted == 0
    dialog.close()


# --- the window: outputs of the application (a notice), notes, dashboard, audit log --------------

def _notice(window: object, tmp_path: Path) -> Path:
    """A real 补正材料通知书 (unsigned draft copy) for the flawed application."""
    from slq_desk.office.notices import draft_notice, sign_notice

    ws = window.workspace  # type: ignore[attr-defined]
    draft = draft_notice(ws, FLAWED, office="武汉市数据局", official="王经办")
    out = tmp_path / "notices" / "补正通知.pdf"
    out.parent.mkdir()
    sign_notice(ws, draft, out)
    return out


def test_outputs_dialog_opens_and_prints_a_notice(review_window: object, tmp_path: Path) -> None:
    from slq_desk.ui.printing import print_to_pdf_file

    win = review_window
    notice = _notice(win, tmp_path)
    opener = Opener()
    win.workbench.opener = opener  # type: ignore[attr-defined]
    win.workbench.show_outputs()  # type: ignore[attr-defined]
    assert win.workbench.outputs_dialog is None  # type: ignore[attr-defined]  # nothing open yet
    assert win.open_application(FLAWED)  # type: ignore[attr-defined]
    win.workbench.outputs_action.trigger()  # type: ignore[attr-defined]
    dialog = win.workbench.outputs_dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.table.rowCount() == 1
    assert "补正材料通知书" in dialog.table.item(0, 1).text()
    assert dialog.selected() == notice.resolve()
    dialog.bar.open_button.click()
    dialog.bar.folder_button.click()
    assert opener.paths == [notice.resolve(), notice.parent.resolve()]
    printed = tmp_path / "printed-notice.pdf"
    with pymupdf.open(notice) as doc:
        pages = doc.page_count
    assert print_to_pdf_file(notice, printed) == pages
    with pymupdf.open(printed) as doc:
        assert doc.page_count == pages
    dialog.close()


def test_notes_per_application(review_window: object, qtbot: object) -> None:
    win = review_window
    bench = win.workbench  # type: ignore[attr-defined]
    assert win.open_application(APP)  # type: ignore[attr-defined]
    notes = bench.notes
    assert win.review_tabs.indexOf(notes) == 3  # type: ignore[attr-defined]
    bench.notes_action.trigger()
    assert win.review_tabs.currentWidget() is notes  # type: ignore[attr-defined]
    assert not notes.add_button.isEnabled()  # nothing typed yet
    notes.editor.setPlainText("合同第 3 页金额待核实。")
    assert notes.add_button.isEnabled()
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert notes.list.count() == 1 and notes.editor.toPlainText() == ""
    text = notes.list.item(0).text()
    assert "张评审" in text and "北京时间" in text and "合同第 3 页金额待核实。" in text
    # Another application has its own notes; coming back shows this one's again.
    assert win.open_application(FLAWED)  # type: ignore[attr-defined]
    assert notes.list.count() == 0 and "尚无备注" in notes.empty.text() and notes.empty.isVisible()
    assert win.open_application(APP)  # type: ignore[attr-defined]
    assert notes.list.count() == 1
    # Kept in the workspace, audited under the reviewer's name.
    assert [n.author for n in win.desk.notes(APP)] == ["张评审"]  # type: ignore[attr-defined]
    assert win.desk.audit_log()[0].action == "note.add"  # type: ignore[attr-defined]


def test_a_note_without_a_name_asks_for_it_and_keeps_the_text(
        review_window: object, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    win = review_window
    monkeypatch.delenv("SLQ_DESK_USER", raising=False)  # never the login name
    win.settings.remove("reviewer/name")  # type: ignore[attr-defined]
    assert win.open_application(APP)  # type: ignore[attr-defined]
    notes = win.workbench.notes  # type: ignore[attr-defined]
    assert "未设置" in notes.signature.text()
    notes.editor.setPlainText("先记下：发票号重复。")
    assert not notes.add_note()
    dialog = win._reviewer_dialog  # type: ignore[attr-defined]
    assert dialog is not None and notes.editor.toPlainText() == "先记下：发票号重复。"
    dialog.name.setText("李审核")
    dialog.accept()
    qtbot.waitUntil(lambda: notes.list.count() == 1)  # type: ignore[attr-defined]
    assert "李审核" in notes.list.item(0).text()


def test_dashboard_counts_blocks_and_opens(review_window: object) -> None:
    win = review_window
    bench = win.workbench  # type: ignore[attr-defined]
    bench.dashboard_action.trigger()
    view = bench.dashboard
    assert bench.dashboard_dock.isVisible()
    assert view.data is not None and view.data.total == 2
    assert "共 2 份申报" in view.summary.text()
    # Counts: a row per policy and a total row; the last column is the total.
    assert view.counts.rowCount() == 3
    assert view.counts.item(2, view.counts.columnCount() - 1).text() == "2"
    headers = [view.counts.horizontalHeaderItem(c).text() for c in range(view.counts.columnCount())]
    assert all(not h.isascii() for h in headers)  # Chinese labels, never status codes
    # The flawed application is blocked, its findings named in Chinese.
    blocked = [view.blocked.item(r, 0).text() for r in range(view.blocked.rowCount())]
    assert FLAWED in blocked
    row = blocked.index(FLAWED)
    findings = view.blocked.item(row, 4).text()
    assert findings and "_" not in findings
    # Waiting for whom, in words.
    waits = {view.waiting.item(r, 0).text(): view.waiting.item(r, 3).text()
             for r in range(view.waiting.rowCount())}
    assert waits and all(w and "_" not in w for w in waits.values())
    # Double-clicking a blocked application opens it.
    view._open(view.blocked, row)
    assert win.application_id == FLAWED  # type: ignore[attr-defined]
    # The list re-read (after an import, checks, a status move): the dashboard follows.
    from slq_desk.office.status import move_status

    move_status(win.workspace, APP, "check_passed", "材料齐全", "王经办")  # type: ignore[attr-defined]
    win.refresh_applications()  # type: ignore[attr-defined]
    assert view.data.by_status.get("check_passed") == 1
    waits = {view.waiting.item(r, 0).text(): view.waiting.item(r, 3).text()
             for r in range(view.waiting.rowCount())}
    assert waits[APP] == "评审组组长"


def test_audit_viewer_filters_and_verifies(review_window: object, tmp_path: Path) -> None:
    win = review_window
    bench = win.workbench  # type: ignore[attr-defined]
    assert win.open_application(APP)  # type: ignore[attr-defined]
    win.desk.add_note(APP, "张评审", "一条备注")  # type: ignore[attr-defined]
    bench.audit_action.trigger()
    viewer = bench.audit_viewer
    assert viewer is not None and viewer.isVisible()
    everything = viewer.table.rowCount()
    assert everything >= 5
    # Newest first, Beijing time, actions named in Chinese (the code in the tooltip).
    assert viewer.table.item(0, 3).text() == "添加备注"
    assert viewer.table.item(0, 3).toolTip() == "note.add"
    assert all(not viewer.table.item(r, 3).text().isascii() for r in range(everything))
    assert viewer.table.horizontalHeaderItem(1).text() == "时间（北京时间）"
    viewer.show_application(FLAWED)
    apps = {viewer.table.item(r, 5).text() for r in range(viewer.table.rowCount())}
    assert apps == {FLAWED} and 0 < viewer.table.rowCount() < everything
    viewer.clear_filters()
    assert viewer.set_action("note.")
    viewer.actor.setCurrentText("张评审")
    viewer.apply_filters()
    assert viewer.table.rowCount() == 1
    viewer.table.setCurrentCell(0, 0)
    assert "一条备注" in viewer.detail.toPlainText()
    viewer.clear_filters()
    viewer.use_since.setChecked(True)
    viewer.use_until.setChecked(True)
    viewer.since.setDate(viewer.until.date().addDays(1))
    viewer.apply_filters()
    assert viewer.table.rowCount() == 0 and "晚于" in viewer.count.text()
    # audit verify: intact …
    viewer.verify_button.click()
    assert viewer.verdict_ok is True and "审计链完整" in viewer.verdict.text()
    # … then an event edited behind the desk's back: broken, said in red.
    db = win.workspace.path / "workspace.db"  # type: ignore[attr-defined]
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2")
    viewer.verify_button.click()
    assert viewer.verdict_ok is False
    assert "审计链断裂" in viewer.verdict.text() and "第 2 条" in viewer.verdict.text()
    assert "content changed" not in viewer.verdict.text()


def test_every_overview_resets_on_another_workspace(review_window: object, tmp_path: Path) -> None:
    from slq_desk.workspace import Workspace

    win = review_window
    bench = win.workbench  # type: ignore[attr-defined]
    assert win.open_application(APP)  # type: ignore[attr-defined]
    bench.notes.editor.setPlainText("未保存的半句")
    win.desk.add_note(APP, "张评审", "旧工作区的备注")  # type: ignore[attr-defined]
    bench.notes.reload()
    bench.show_dashboard()
    bench.show_audit_log()
    assert bench.notes.list.count() == 1 and bench.dashboard.data.total == 2
    empty = tmp_path / "empty"
    Workspace.open(empty, create=True).close()
    assert win.open_workspace_folder(empty)  # type: ignore[attr-defined]
    assert bench.notes.list.count() == 0 and bench.notes.application_id is None
    assert bench.notes.editor.toPlainText() == "" and not bench.notes.editor.isEnabled()
    assert bench.dashboard.data is not None and bench.dashboard.data.total == 0
    assert bench.audit_viewer.desk is win.desk  # type: ignore[attr-defined]
    assert all(bench.audit_viewer.table.item(r, 3).toolTip() != "note.add"
               for r in range(bench.audit_viewer.table.rowCount()))


@pytest.fixture()
def english(qapp: object) -> Iterator[None]:
    from slq_desk.ui import i18n

    assert i18n.install(qapp, "en")  # type: ignore[arg-type]
    yield
    i18n.install(qapp, "zh_CN")  # type: ignore[arg-type]


def _no_chinese(text: str) -> bool:
    return not any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


def test_overviews_in_english(english: None, review_window: object) -> None:
    win = review_window
    bench = win.workbench  # type: ignore[attr-defined]
    assert win.open_application(APP)  # type: ignore[attr-defined]
    win.desk.add_note(APP, "张评审", "一条备注")  # type: ignore[attr-defined]
    bench.show_dashboard()
    view = bench.dashboard
    headers = [view.counts.horizontalHeaderItem(c).text() for c in range(view.counts.columnCount())]
    assert all(_no_chinese(h) for h in headers) and _no_chinese(view.summary.text())
    waits = [view.waiting.item(r, 3).text() for r in range(view.waiting.rowCount())]
    assert waits and all(_no_chinese(w) for w in waits)
    bench.show_audit_log()
    viewer = bench.audit_viewer
    actions = [viewer.table.item(r, 3).text() for r in range(viewer.table.rowCount())]
    assert actions[0] == "note added" and all(_no_chinese(a) for a in actions)
    bench.notes.reload()
    assert "(Beijing time)" in bench.notes.list.item(0).text()
    assert [a.text() for a in win.menus["tools"].actions()][-1] == "&Audit log…"  # type: ignore[attr-defined]
