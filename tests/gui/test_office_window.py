"""The 初审 office through the real main window on demo packages (issue 15's window part):
status moves with their guards, notices drafted, edited and signed, 补正 import and its report,
manual 查验 records, reference lists, 查重 across applications and the 初审汇总表.

Set SLQ_OFFICE_SHOTS=<folder> to keep screenshots of the window (1600×1000) with the dialog
drawn on it, as a person sees it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from tests.gui.signing_support import PASS, Asker, install, isolate, make_p12

pytestmark = pytest.mark.gui

FLAWED = "wuhan-flawed-1"
CLEAN = "hunan-clean-1"
PAIR = ("dazhou-flawed-1", "dazhou-flawed-2")  # a duplicate invoice is planted across them
PACKAGES = (FLAWED, CLEAN, *PAIR)
OFFICIAL = "王承办"


@pytest.fixture(scope="module")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four packages imported as the window imports them (Desk: checks, 查重 index)."""
    from slq_desk.checks.dedup import index_imported
    from slq_desk.checks.runner import run_checks
    from slq_desk.demo.generate import generate_packages
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from slq_desk.workspace import Workspace

    root = tmp_path_factory.mktemp("office-window")
    index = generate_packages(root / "packages", seed=1, only=set(PACKAGES))
    ws = Workspace.open(root / "ws")
    try:
        for entry in index:
            result = import_package(ws, root / "packages" / str(entry["path"]), reader=InlineReader())
            index_imported(ws, result.application_id)
            run_checks(ws, result.application_id)
    finally:
        ws.close()
    return root / "ws"


@pytest.fixture(scope="module")
def p12() -> bytes:
    return make_p12(OFFICIAL, "武汉市数据局")


@pytest.fixture()
def opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """What the window asked the desktop to open (nothing is really started)."""
    from slq_desk.ui import outputs

    seen: list[str] = []

    def record(url: QUrl) -> bool:
        seen.append(url.toLocalFile())
        return True

    monkeypatch.setattr(outputs, "DEFAULT_OPENER", [record])
    return seen


@pytest.fixture()
def win(qtbot, office_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        p12: bytes) -> Iterator[object]:
    from PySide6.QtCore import QSettings

    from slq_desk.ui.main_window import MainWindow
    from slq_desk.workspace import Workspace

    iso = isolate(monkeypatch, tmp_path)
    next(iso)
    install(p12)
    target = tmp_path / "ws"
    shutil.copytree(office_template, target)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", OFFICIAL)
    window = MainWindow(Workspace.open(target), settings, remember_geometry=False)
    window.synchronous_operations = True
    window.office.ask = Asker(PASS, PASS, PASS)
    window.resize(1600, 1000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for dialog in list(window.office.dialogs):
        dialog.close()
    window.close()
    window.shutdown()
    next(iso, None)


def shot(window: QWidget, dialog: QWidget | None, name: str) -> None:
    """The window with the dialog drawn where a window manager would put it (centred)."""
    folder = os.environ.get("SLQ_OFFICE_SHOTS")
    if not folder:
        return
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(15000)  # the pages drawn, as a person would wait for them
    while not window.is_settled() and not deadline.hasExpired():  # type: ignore[attr-defined]
        QApplication.processEvents()
    pixmap = window.grab()
    if dialog is not None:
        over = dialog.grab()
        painter = QPainter(pixmap)
        painter.drawPixmap(QPoint((pixmap.width() - over.width()) // 2,
                                  max(0, (pixmap.height() - over.height()) // 2)), over)
        painter.end()
    Path(folder).mkdir(parents=True, exist_ok=True)
    assert pixmap.save(str(Path(folder) / f"{name}.png"))


def visible_ids(window) -> list[str]:
    from slq_desk.ui.application_list import ROW_ROLE

    f = window.app_filter
    return [f.data(f.index(r, 0), ROW_ROLE).id for r in range(f.rowCount())]


def open_app(qtbot, window, app_id: str) -> None:
    assert window.open_application(app_id)
    qtbot.waitUntil(lambda: window.office.tab.data is not None
                    and window.office.tab.data.status.application_id == app_id, timeout=15000)


# --- 1. status moves -------------------------------------------------------------------------------

def test_the_office_menu_and_tab_follow_the_open_application(qtbot, win) -> None:
    texts = [a.text() for a in win.menus["office"].actions()]
    assert "更改申报状态(&S)…" in texts and "查重(&D)…" in texts and "导出初审汇总表(&X)…" in texts
    assert win.office.status_action.shortcut().toString() == "Ctrl+Alt+S"
    open_app(qtbot, win, FLAWED)
    assert [win.review_tabs.tabText(i) for i in range(win.review_tabs.count())][-1] == "初审"
    tab = win.office.tab
    assert "待初审" in tab.status_label.text()
    assert set(tab.move_buttons) == {"supplementing", "check_passed", "check_failed", "withdrawn"}
    win.office.tab_action.trigger()
    assert win.review_tabs.currentWidget() is tab
    win.office._fill_move_menu()
    assert [a.text() for a in win.office.move_menu.actions()] == ["补正中", "初审通过", "初审不通过", "撤销"]


def test_a_refused_move_says_why_and_an_override_needs_a_reason(qtbot, win) -> None:
    open_app(qtbot, win, FLAWED)
    win.office.tab.move_buttons["check_passed"].click()
    dialog = win.office.dialogs[-1]
    assert dialog.objectName() == "StatusMoveDialog" and dialog.target() == "check_passed"
    guard = dialog.guard.text()
    assert "阻断问题未解决，不能初审通过" in guard and "越过阻断问题" in guard
    assert "缺少必备材料" in guard and "material_missing" not in guard  # sentences, not codes
    assert dialog.override_box.isVisible() and not dialog.move_button.isEnabled()
    dialog.reason_edit.setPlainText("经科室集体研究，承诺函可后补")
    assert not dialog.move_button.isEnabled()  # a reason alone does not pass over the guard
    shot(win, dialog, "status-move-refused")
    # 补正中 needs the signed 补正 notice first; 初审不通过 is allowed as it is.
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("supplementing"))
    assert "尚未签发补正材料通知书" in dialog.guard.text() and dialog.override_box.isVisible()
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("check_failed"))
    assert "可以转为“初审不通过”" in dialog.guard.text() and not dialog.override_box.isVisible()
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("check_passed"))
    dialog.override_box.setChecked(True)
    assert dialog.move_button.isEnabled()
    dialog.move_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "初审通过" in win.office.tab.status_label.text(), timeout=15000)
    history = win.office.tab.history_label.text()
    assert "待初审 → 初审通过" in history and OFFICIAL in history and "越过" in history
    # The list shows the new status and filters by it.
    win.status_filter.setCurrentIndex(win.status_filter.findData("check_passed"))
    assert visible_ids(win) == [FLAWED]
    win.status_filter.setCurrentIndex(win.status_filter.findData("pending_check"))
    assert FLAWED not in visible_ids(win) and CLEAN in visible_ids(win)
    # The audit log names the person, the reason and what was passed over.
    events = [e for e in win.desk.audit_events(20) if e["action"] == "application.status"]
    assert events[-1]["actor"] == OFFICIAL and events[-1]["after"]["override"]
    assert events[-1]["after"]["reason"] == "经科室集体研究，承诺函可后补"


def test_a_move_the_table_does_not_allow_is_not_offered(qtbot, win) -> None:
    open_app(qtbot, win, CLEAN)
    dialog = win.office.move_status("reviewed")
    assert dialog.target() != "reviewed"
    assert dialog.target_box.findData("reviewed") == -1


# --- 2. notices ------------------------------------------------------------------------------------

def test_a_supplement_notice_is_drafted_edited_signed_and_listed(qtbot, win, opened) -> None:
    open_app(qtbot, win, FLAWED)
    win.office.notice_action.trigger()
    dialog = win.office.dialogs[-1]
    assert dialog.objectName() == "NoticeDialog" and dialog.official_edit.text() == OFFICIAL
    dialog.draft_button.click()
    assert "发文机关" in dialog.result_label.text()  # no office yet: said, nothing numbered
    dialog.office_edit.setText("武汉市数据局")
    dialog.draft_button.click()
    assert dialog.draft is not None, dialog.result_label.text()
    number = dialog.draft.number
    assert number.startswith("武汉市数据局补正告字〔") and number in dialog.header.text()
    rows = dialog.items.rowCount()
    assert rows >= 2
    codes = [i.code for i in dialog.draft.items]
    row = codes.index("material_missing")
    assert dialog.items.item(row, 0).checkState() == Qt.CheckState.Checked
    dialog.items.item(row, 4).setText("补交加盖公章的承诺函原件扫描件")
    dialog.contact_edit.setText("027-12345678（王承办）")
    shot(win, dialog, "notice-draft")
    assert dialog.save()
    assert win.desk.office.notice_draft(dialog.draft.notice_id).contact == "027-12345678（王承办）"
    dialog.sign_button.click()
    assert dialog.written is not None and dialog.written.is_file(), dialog.result_label.text()
    assert "已签发" in dialog.result_label.text() and dialog.final
    assert not dialog.sign_button.isEnabled()
    dialog.open_folder_button.click()
    dialog.open_file_button.click()
    assert opened == [str(dialog.written.parent), str(dialog.written)]
    text = _pdf_text(dialog.written)
    assert "补交加盖公章的承诺函原件扫描件" in text and number in text and "一次性告知" in text
    _signature_valid(dialog.written)
    dialog.close()
    qtbot.waitUntil(lambda: win.office.tab.notices.rowCount() == 1, timeout=15000)
    tab = win.office.tab
    assert tab.notices.item(0, 0).text() == number and tab.notices.item(0, 2).text().startswith("已签发")
    # Now 补正中 is allowed without an override.
    check = win.desk.office.check_move(FLAWED, "supplementing")
    assert check.allowed


def test_acceptance_and_rejection_notices(qtbot, win) -> None:
    open_app(qtbot, win, FLAWED)
    win.office.rejection_action.trigger()
    dialog = win.office.dialogs[-1]
    dialog.office_edit.setText("武汉市数据局")
    dialog.draft_button.click()
    assert dialog.draft is not None and dialog.draft.kind == "rejection"
    assert dialog.reasons_edit.isVisibleTo(dialog) and not dialog.items.isVisibleTo(dialog)
    assert dialog.reasons_edit.toPlainText().strip()  # the blocking findings, as reasons
    dialog.unsigned_box.setChecked(True)
    dialog.sign_button.click()
    assert dialog.written is not None and dialog.written.is_file() and not dialog.final
    assert "不予受理通知书" in _pdf_text(dialog.written)
    dialog.close()
    notices = win.desk.office.notices(FLAWED)
    assert [(n["kind"], n["status"]) for n in notices] == [("rejection", "draft")]
    # A stored draft opens again from the tab.
    qtbot.waitUntil(lambda: win.office.tab.notices.rowCount() == 1, timeout=15000)
    win.office.tab.notices.setCurrentCell(0, 0)
    win.office.tab.edit_button.click()
    again = win.office.dialogs[-1]
    assert again.draft is not None and again.draft.number == notices[0]["number"]


# --- 3. 补正 import ----------------------------------------------------------------------------------

def test_supplement_import_reports_what_changed(qtbot, win, tmp_path) -> None:
    from slq_desk.demo.supplement import write_supplement

    open_app(qtbot, win, FLAWED)
    write_supplement(tmp_path / "补正", FLAWED, seed=1)
    before = len(win.desk.documents(FLAWED) or [])
    op = win.office.import_supplement(tmp_path / "补正")
    assert op is not None and op.error is None, op.error
    report = win.office.dialogs[-1]
    assert report.objectName() == "SupplementReport"
    assert "第 2 版" in report.header.text()
    sections = [report.tree.topLevelItem(i).text(0) for i in range(report.tree.topLevelItemCount())]
    assert sections[0].startswith("文件") and sections[1].startswith("补正已解决的问题")
    closed = report.tree.topLevelItem(1)
    closed_text = " ".join(closed.child(i).text(1) for i in range(closed.childCount()))
    assert "承诺函" in closed_text
    assert "替换" in " ".join(report.tree.topLevelItem(0).child(i).text(0)
                              for i in range(report.tree.topLevelItem(0).childCount()))
    shot(win, report, "supplement-report")
    report.close()
    win.office.show_tab()
    shot(win, None, "office-tab")
    assert len(win.desk.documents(FLAWED) or []) > before  # the panes list the new file
    qtbot.waitUntil(lambda: "第 2 版" in win.office.tab.versions_label.text(), timeout=15000)


def test_a_broken_supplement_package_is_a_message(qtbot, win, tmp_path) -> None:
    open_app(qtbot, win, FLAWED)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip at all")
    op = win.office.import_supplement(bad, folder=False)
    assert op is not None and op.error
    box = win.office.dialogs[-1]
    assert box.objectName() == "SupplementFailed" and "bad.zip" in box.text()


# --- 4. 查验 and credit records --------------------------------------------------------------------------

def test_manual_checks_are_recorded_and_shown(qtbot, win) -> None:
    open_app(qtbot, win, CLEAN)
    tab = win.office.tab
    assert tab.invoices.rowCount() >= 1 and tab.invoices.item(0, 1).text() == "未查验"
    assert "尚未记录" in tab.credit_label.text()
    win.office.checks_action.trigger()
    dialog = win.office.dialogs[-1]
    assert dialog.invoice_by.text() == OFFICIAL
    dialog.invoice_result.setCurrentIndex(dialog.invoice_result.findData("不一致"))
    dialog.invoice_note.setText("金额与查验平台不符")
    dialog.invoice_button.click()
    assert "已记录" in dialog.message.text()
    shot(win, dialog, "manual-checks")
    dialog.credit_report.setText("XYBG-2026-001")
    dialog.credit_button.click()
    assert "已记录：信用核查" in dialog.message.text()
    qtbot.waitUntil(lambda: tab.invoices.item(0, 1).text() == "不一致", timeout=15000)
    assert tab.invoices.item(0, 3).text() == OFFICIAL
    assert "无失信记录" in tab.credit_label.text() and "XYBG-2026-001" in tab.credit_label.text()
    # The checklist shows them too, beside the findings.
    tree = win.checklist_tab.tree
    tops = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    manual = next(item for title, item in tops.items() if title.startswith("人工查验"))
    assert manual.text(0).startswith("人工查验（发票 1/")
    rows = {manual.child(i).text(0): manual.child(i).text(1) for i in range(manual.childCount())}
    assert any(v.startswith("不一致（") and OFFICIAL in v for v in rows.values())
    assert rows["信用核查"].startswith("无失信记录（")
    dialog.invoice_by.setText("")
    dialog.invoice_button.click()
    assert "未记录" in dialog.message.text()


# --- 5. reference lists ------------------------------------------------------------------------------

def test_a_reference_list_is_imported_and_shown(qtbot, win, tmp_path) -> None:
    win.office.lists_action.trigger()
    dialog = win.office.dialogs[-1]
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
    csv = tmp_path / "失信名单.csv"
    csv.write_text("名称,统一社会信用代码,列入日期\n某失信公司,91420100MA4K0000XX,2025-01-02\n"
                   "另一公司,91420100MA4K0000YY,2025-03-04\n", encoding="utf-8")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("credit_blacklist"))
    dialog.file_edit.setText(str(csv))
    dialog.source_edit.setText("信用中国 2026-11-30 导出")
    dialog.import_button.click()
    assert "已导入" in dialog.message.text(), dialog.message.text()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    shot(win, dialog, "lists")
    assert row[0] == "是" and "失信" in row[1] and row[3] == "2" and row[4] == "信用中国 2026-11-30 导出"
    bad = tmp_path / "bad.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    dialog.file_edit.setText(str(bad))
    dialog.import_button.click()
    assert "未导入" in dialog.message.text() and dialog.table.rowCount() == 1


# --- 6. 查重 ----------------------------------------------------------------------------------------------

def test_dedup_names_both_applications_and_opens_the_other(qtbot, win) -> None:
    open_app(qtbot, win, PAIR[0])
    win.office.dedup_action.trigger()
    dialog = win.office.dialogs[-1]
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text(),
             dialog.table.item(r, 2).text()) for r in range(dialog.table.rowCount())]
    invoice = [r for r in rows if r[0] == "同一发票"]
    assert invoice and {invoice[0][1].split()[0], invoice[0][2].split()[0]} == set(PAIR), rows
    dialog.table.setCurrentCell(rows.index(invoice[0]), 1)
    shot(win, dialog, "dedup")
    assert dialog.open_button.text() == f"打开另一份申报 {PAIR[1]}(&O)"
    dialog.open_button.click()
    assert win.application_id == PAIR[1]
    # The pair is a finding on both applications, naming the other.
    findings = win.desk.checklist(PAIR[1]).findings
    assert any(f.code == "dedup_invoice" and PAIR[0] in f.message_zh for f in findings)


# --- 7. 初审汇总表 --------------------------------------------------------------------------------------

def test_the_summary_is_exported_signed_from_the_window(qtbot, win, opened, tmp_path) -> None:
    win.office.summary_action.trigger()
    dialog = win.office.dialogs[-1]
    assert "0 份" in dialog.count_label.text() and not dialog.export_button.isEnabled()
    win.desk.office.move(CLEAN, "初审通过", "材料齐全", OFFICIAL)
    dialog.status_boxes["check_failed"].setChecked(True)
    dialog.status_boxes["check_failed"].setChecked(False)
    assert "1 份" in dialog.count_label.text() and dialog.export_button.isEnabled()
    dialog.office_edit.setText("湖南省数据局")
    dialog.out_edit.setText(str(tmp_path / "汇总"))
    dialog.export_button.click()
    assert dialog.written is not None, dialog.message.text()
    assert dialog.written.xlsx.is_file() and dialog.written.pdf.is_file()
    assert "已签名" in dialog.message.text()
    shot(win, dialog, "summary")
    _signature_valid(dialog.written.pdf)
    dialog.open_pdf_button.click()
    dialog.open_folder_button.click()
    assert opened == [str(dialog.written.pdf), str(dialog.written.pdf.parent)]


# --- helpers ---------------------------------------------------------------------------------------

def _pdf_text(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


def _signature_valid(path: Path) -> None:
    if shutil.which("pdfsig") is None:
        pytest.skip("poppler's pdfsig is not installed (scripts/sysdeps.sh installs it)")
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    assert "Signature is Valid." in sig.stdout, sig.stdout




def test_the_office_speaks_english_when_switched(qtbot, win, qapp) -> None:
    from slq_desk.ui import i18n

    assert i18n.install(qapp, "en")
    try:
        open_app(qtbot, win, FLAWED)
        dialog = win.office.move_status("check_passed")
        assert dialog.windowTitle() == "Change the application's status"
        assert dialog.target_box.currentText() == "passed preliminary review"
        assert "blocking findings are still open" in dialog.guard.text()
        dialog.close()
        from slq_desk.ui.main_window import MainWindow

        fresh = MainWindow(None, win.settings, remember_geometry=False)
        qtbot.addWidget(fresh)
        assert fresh.office.menu.title() == "&Office"
        assert fresh.office.summary_action.text() == "E&xport the preliminary review summary…"
        fresh.shutdown()
    finally:
        i18n.install(qapp, "zh_CN")
