"""The window's 初审 entries: the 初审 menu, the 初审 tab, and the dialogs they open.

Kept out of main_window.py (like ``signing_actions.py``): the window makes one ``OfficeActions``
and tells it when an application is opened (``application_opened``). Everything goes through
the desk service's office part (``Desk.office``); long work (drafting runs the checks, 补正
import, 查重, list import, signing) runs as operations through the window's ``run_operation``,
so the window's shutdown waits for it and tests run it synchronously.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QProgressDialog

from slq_desk.ui.operations import Operation, Report

if TYPE_CHECKING:  # the tab, the desk's office part and their modules: on first use, after the
    # window's first paint (issue 18, item 1)
    from slq_desk.desk.service import Desk
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.ui.office.office_tab import OfficeData, OfficeTab

Asker = Callable[[str], "str | None"]


class OfficeActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # Tests answer the passphrase prompt here instead of a dialog.
        self.ask: Asker | None = None
        self.dialogs: list[QDialog] = []  # the open ones (tests and screenshots look at them)
        self._tab: OfficeTab | None = None  # built when an application is first opened
        self._tab_added = False

        self.status_action = self._action(self.tr("更改申报状态(&S)…"), "Ctrl+Alt+S",
                                          lambda: self.move_status())
        self.notice_action = self._action(self.tr("起草补正材料通知书(&N)…"), "Ctrl+Alt+N",
                                          lambda: self.draft_notice("supplement"))
        self.acceptance_action = self._action(self.tr("起草受理通知书(&A)…"), None,
                                              lambda: self.draft_notice("acceptance"))
        self.rejection_action = self._action(self.tr("起草不予受理通知书(&J)…"), None,
                                             lambda: self.draft_notice("rejection"))
        self.supplement_action = self._action(self.tr("导入补正材料文件夹(&B)…"), "Ctrl+Alt+B",
                                              lambda: self.import_supplement(folder=True))
        self.supplement_zip_action = self._action(self.tr("导入补正包（.zip）(&Z)…"), None,
                                                  lambda: self.import_supplement(folder=False))
        self.checks_action = self._action(self.tr("记录发票查验与信用核查(&V)…"), "Ctrl+Alt+V",
                                          self.record_checks)
        self.dedup_action = self._action(self.tr("查重(&D)…"), "Ctrl+Alt+U", self.run_dedup)
        self.lists_action = self._action(self.tr("参考名单(&L)…"), "Ctrl+Alt+M", self.show_lists)
        self.summary_action = self._action(self.tr("导出初审汇总表(&X)…"), "Ctrl+Alt+X",
                                           self.export_summary)
        self.tab_action = self._action(self.tr("初审面板(&P)"), "Ctrl+Alt+O", self.show_tab)

        menu = window.add_menu("office", self.tr("初审(&O)"))
        self.menu = menu
        menu.addAction(self.tab_action)
        menu.addAction(self.status_action)
        self.move_menu = QMenu(self.tr("转为(&T)"), menu)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        menu.addMenu(self.move_menu)
        menu.addSeparator()
        menu.addAction(self.notice_action)
        menu.addAction(self.acceptance_action)
        menu.addAction(self.rejection_action)
        menu.addSeparator()
        menu.addAction(self.supplement_action)
        menu.addAction(self.supplement_zip_action)
        menu.addAction(self.checks_action)
        menu.addSeparator()
        menu.addAction(self.dedup_action)
        menu.addAction(self.lists_action)
        menu.addAction(self.summary_action)

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # --- the window's state -------------------------------------------------------------------------

    @property
    def desk(self) -> Desk | None:
        return self.window.desk

    def _current(self) -> tuple[Desk, str] | None:
        """The desk and the open application, or None after saying what is missing."""
        w = self.window
        if w.desk is None:
            w.statusBar().showMessage(self.tr("请先打开工作区"), 5000)
            return None
        if w.application_id is None:
            w.statusBar().showMessage(self.tr("请先在左侧选择一份申报"), 5000)
            return None
        return w.desk, w.application_id

    def person(self) -> str:
        """Who acts: the reviewer's name as given in the window's settings (may be empty)."""
        return self.window.reviewer()

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def launch(self, op: Operation) -> Operation:
        return self.window.run_operation(op)

    # --- the tab ------------------------------------------------------------------------------------

    @property
    def tab(self) -> OfficeTab:
        """The 初审 tab, built once."""
        if self._tab is None:
            from slq_desk.ui.office.office_tab import OfficeTab

            self._tab = OfficeTab(self)
        return self._tab

    def add_tab(self) -> None:
        """The 初审 tab beside the review tabs (once; the window adds it when it builds them,
        after the first frame)."""
        if not self._tab_added:
            self._tab_added = True
            self.window.add_review_tab(self.tab, self.tr("初审"))
            # Read again whenever it is shown: a correction or a re-check elsewhere changes the
            # blocking count and what may be moved; another workspace changes everything.
            self.window.review_tabs.currentChanged.connect(self._tab_shown)

    def application_opened(self, application_id: str) -> None:
        """The window's one hook: an application was opened (its tabs are there by now)."""
        self.add_tab()
        self.reload()

    def _tab_shown(self, _index: int) -> None:
        if (self._tab is not None and self.window.review_tabs.currentWidget() is self._tab
                and self.window.review_tabs_shown()):
            self.reload()

    def show_tab(self) -> None:
        if self._tab_added and self.window.review_tabs_shown():
            self.window.review_dock.show()
            self.window.review_tabs.setCurrentWidget(self.tab)
            self.tab.setFocus()
        else:
            self.window.statusBar().showMessage(self.tr("请先在左侧选择一份申报"), 5000)

    def reload(self) -> None:
        """Read the open application's office data again (status, notices, checks, versions)."""
        current = self._current()
        if current is None:
            if self._tab is not None:
                self._tab.set_data(None)
            return
        desk, app_id = current
        from slq_desk.ui.office.office_tab import OfficeData

        def work(report: Report) -> OfficeData:
            return OfficeData(desk.office.status(app_id), desk.office.notices(app_id),
                              desk.office.manual_checks(app_id), desk.office.versions(app_id))

        op = Operation(work)
        op.finished.connect(lambda data: self._loaded(app_id, data))
        op.failed.connect(lambda message: self.window.statusBar().showMessage(message, 10000))
        self.launch(op)

    def _loaded(self, app_id: str, data: OfficeData) -> None:
        if app_id == self.window.application_id:
            self.tab.set_data(data)

    def _changed(self, message: str = "") -> None:
        """After a status move, a 补正 or a record: the list, the checklist and this tab."""
        self.window.refresh_applications()
        self.window.reload_review_data()
        self.reload()
        if message:
            self.window.statusBar().showMessage(message, 10000)

    # --- status -------------------------------------------------------------------------------------

    def _fill_move_menu(self) -> None:
        from slq_desk.ui.office.common import status_name

        self.move_menu.clear()
        current = self._current()
        if current is None:
            self.move_menu.addAction(self.tr("（未打开申报）")).setEnabled(False)
            return
        desk, app_id = current
        allowed = desk.office.status(app_id).allowed
        for code in allowed:
            action = self.move_menu.addAction(status_name(code))
            action.setData(code)
            action.triggered.connect(lambda _checked=False, a=action: self.move_status(str(a.data())))
        if not allowed:
            self.move_menu.addAction(self.tr("（终态，不能再更改）")).setEnabled(False)

    def move_status(self, target: str | None = None) -> QDialog | None:
        current = self._current()
        if current is None:
            return None
        from slq_desk.ui.office.common import status_name
        from slq_desk.ui.office.status_dialog import StatusMoveDialog

        desk, app_id = current
        dialog = StatusMoveDialog(desk, app_id, self.person(), target, self.window)
        dialog.moved.connect(lambda move: self._changed(self.tr("申报 {0}：{1} → {2}").format(
            move.application_id, status_name(move.before), status_name(move.after))))
        return self._show(dialog)

    # --- notices ------------------------------------------------------------------------------------

    def draft_notice(self, kind: str = "supplement") -> QDialog | None:
        current = self._current()
        if current is None:
            return None
        from slq_desk.ui.office.notice_dialog import NoticeDialog

        desk, app_id = current
        dialog = NoticeDialog(desk, app_id, self.launch, official=self.person(), kind=kind,
                              ask=self.ask, parent=self.window)
        dialog.changed.connect(self.reload)
        return self._show(dialog)

    def open_notice(self, notice_id: int) -> QDialog | None:
        current = self._current()
        if current is None:
            return None
        from slq_desk.errors import SlqError
        from slq_desk.ui.office.notice_dialog import NoticeDialog

        desk, app_id = current
        try:
            draft = desk.office.notice_draft(notice_id)
        except SlqError as err:
            self.window.statusBar().showMessage(str(err), 10000)
            return None
        dialog = NoticeDialog(desk, app_id, self.launch, draft=draft, ask=self.ask,
                              parent=self.window)
        dialog.changed.connect(self.reload)
        return self._show(dialog)

    # --- 补正 ----------------------------------------------------------------------------------------

    def import_supplement(self, path: Path | None = None, folder: bool = True) -> Operation | None:
        """Import a 补正 package into the open application, behind a busy dialog; the report
        shows what changed."""
        current = self._current()
        if current is None:
            return None
        desk, app_id = current
        if path is None:
            if folder:
                chosen = QFileDialog.getExistingDirectory(
                    self.window, self.tr("选择申报 {0} 的补正材料文件夹").format(app_id))
            else:
                chosen, _ = QFileDialog.getOpenFileName(
                    self.window, self.tr("选择申报 {0} 的补正包").format(app_id), "",
                    self.tr("补正包 (*.zip)"))
            if not chosen:
                return None
            path = Path(chosen)
        # No cancel button: the core's 补正 import takes no progress callback, so it could not
        # stop part-way (one transaction, then the re-check); the dialog says it is busy.
        progress = QProgressDialog(self.tr("正在导入补正材料 {0}，并重新检查与测算…").format(path.name),
                                   "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setObjectName("SupplementProgress")
        progress.setWindowTitle(self.tr("导入补正材料"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)

        def work(report: Report) -> Any:
            report(0, 0, path.name)
            return desk.office.import_supplement(app_id, path)

        op = Operation(work)
        op.finished.connect(lambda result: self._supplemented(result))
        op.failed.connect(lambda message: self._supplement_failed(path, message))
        op.ended.connect(progress.close)
        return self.launch(op)

    def _supplemented(self, result: Any) -> None:
        from slq_desk.ui.office.supplement_report import SupplementReportDialog

        # New files: the panes list them too, so the application is opened again.
        self.window.refresh_applications()
        self.window.open_application(result.application_id)
        self.window.statusBar().showMessage(self.tr("申报 {0}：补正材料已导入为第 {1} 版").format(
            result.application_id, result.version), 10000)
        self._show(SupplementReportDialog(result, self.window))

    def _supplement_failed(self, path: Path, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导入补正材料"),
                          self.tr("未能导入 {0}：\n{1}").format(path.name, message),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("SupplementFailed")
        self._show(box)

    # --- 查验 records ---------------------------------------------------------------------------------

    def record_checks(self) -> QDialog | None:
        current = self._current()
        if current is None:
            return None
        from slq_desk.ui.office.manual_check_dialog import ManualCheckDialog

        desk, app_id = current
        dialog = ManualCheckDialog(desk, app_id, self.person(), self.window)
        dialog.recorded.connect(lambda: self._changed())
        return self._show(dialog)

    # --- workspace-wide: lists, 查重, summary ------------------------------------------------------------

    def show_lists(self) -> QDialog | None:
        if self.desk is None:
            self.window.statusBar().showMessage(self.tr("请先打开工作区"), 5000)
            return None
        from slq_desk.ui.office.lists_dialog import ListsDialog

        dialog = ListsDialog(self.desk, self.launch, self.window)
        # A new list changes what the rules find: the open application is checked again.
        dialog.imported.connect(lambda _done: self.window.run_checks())
        return self._show(dialog)

    def run_dedup(self) -> QDialog | None:
        if self.desk is None:
            self.window.statusBar().showMessage(self.tr("请先打开工作区"), 5000)
            return None
        from slq_desk.ui.office.dedup_dialog import DedupDialog

        dialog = DedupDialog(self.desk, self.launch, lambda: self.window.application_id, self.window)
        dialog.open_requested.connect(self.window.open_application)
        # The pairs are findings now: the open application's checklist shows its own.
        dialog.found.connect(lambda _dups: self._changed())
        self._show(dialog)
        dialog.run()
        return dialog

    def export_summary(self) -> QDialog | None:
        if self.desk is None:
            self.window.statusBar().showMessage(self.tr("请先打开工作区"), 5000)
            return None
        from slq_desk.ui.office.summary_dialog import SummaryDialog

        return self._show(SummaryDialog(self.desk, self.launch, self.person(), ask=self.ask,
                                        parent=self.window))
