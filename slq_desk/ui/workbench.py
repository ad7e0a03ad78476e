"""The window's overview and record-keeping entries: the 备注 tab, the 工作概况 dock, the
审计日志 window and the application's output files (open, open folder, print).

Kept out of main_window.py (like ``signing_actions.py``): it adds its menu entries and widgets
to the window and follows the window's two signals — ``workspace_changed`` (every view here
resets, so nothing of the previous workspace stays) and ``application_opened``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.clock import to_beijing
from slq_desk.ui.outputs import Opener, OutputBar

if TYPE_CHECKING:  # the overview's modules load on first use, not at the window's start
    from slq_desk.desk.overview import OutputFile
    from slq_desk.desk.service import Desk
    from slq_desk.ui.audit_viewer import AuditViewer
    from slq_desk.ui.dashboard import DashboardView
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.ui.notes_tab import NotesTab


class Workbench(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # What opens files and folders (QDesktopServices by default); tests put their own here.
        self.opener: Opener | None = None
        self.audit_viewer: AuditViewer | None = None
        self.outputs_dialog: OutputsDialog | None = None
        self._notes: NotesTab | None = None
        self._notes_added = False
        self._dashboard: DashboardView | None = None

        self.notes_action = self._action(self.tr("备注(&N)"), "Ctrl+4", self.show_notes)
        self.dashboard_action = self._action(self.tr("工作概况(&B)"), "Ctrl+Shift+H",
                                             self.show_dashboard)
        self.audit_action = self._action(self.tr("审计日志(&A)…"), "Ctrl+Shift+U",
                                         self.show_audit_log)
        self.outputs_action = self._action(self.tr("输出文件与打印(&P)…"), "Ctrl+P",
                                           self.show_outputs)
        self.outputs_action.setToolTip(self.tr("本申报的评审意见与通知书：打开、打开所在文件夹、打印 (Ctrl+P)"))
        menus = window.menus
        menus["view"].addSeparator()
        menus["view"].addAction(self.notes_action)
        menus["view"].addAction(self.dashboard_action)
        file_menu = menus["file"]
        quit_action = file_menu.actions()[-1]  # 退出 stays last
        file_menu.insertAction(quit_action, self.outputs_action)
        file_menu.insertSeparator(quit_action)
        tools = window.add_menu("tools", self.tr("工具(&T)"))
        tools.addAction(self.audit_action)

        window.workspace_changed.connect(self._workspace_changed)
        window.application_opened.connect(self._application_opened)
        # The list was re-read (import, checks, signing): the dashboard follows when shown.
        window.app_model.modelReset.connect(self._refresh_dashboard)

    def _action(self, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # --- notes --------------------------------------------------------------------------------

    @property
    def notes(self) -> NotesTab:
        if self._notes is None:
            from slq_desk.ui.notes_tab import NotesTab

            self._notes = NotesTab(self.window.reviewer, self.window,
                                   run=self.window.run_operation)
            self._notes.identity_needed.connect(
                lambda: self.window.ask_reviewer(lambda: self.notes.add_note()))
        return self._notes

    def add_notes_tab(self) -> None:
        """The 备注 tab beside the review tabs (once; the window adds it when it builds them)."""
        if not self._notes_added:
            self._notes_added = True
            self.window.add_review_tab(self.notes, self.tr("备注"))

    def _application_opened(self, application_id: str) -> None:
        self.add_notes_tab()
        self.notes.set_context(self.window.desk, application_id)

    def show_notes(self) -> None:
        if self._notes_added and self.window.review_tabs_shown():
            self.window.show_review_tab(self.window.review_tabs.indexOf(self.notes))
            self.notes.editor.setFocus()
        else:
            self.window.statusBar().showMessage(self.tr("请先在左侧选择一份申报"), 5000)

    # --- dashboard ----------------------------------------------------------------------------

    @property
    def dashboard(self) -> DashboardView:
        if self._dashboard is None:
            from slq_desk.ui.dashboard import DashboardView

            view = DashboardView(self.window)
            view.open_requested.connect(self.window.open_application)
            dock = QDockWidget(self.tr("工作概况"), self.window)
            dock.setObjectName("DashboardDock")
            dock.setWidget(view)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.visibilityChanged.connect(self._dock_visibility)
            self.dashboard_dock = dock
            self._dashboard = view
            view.set_desk(self.window.desk)
        return self._dashboard

    def show_dashboard(self) -> None:
        view = self.dashboard
        self.dashboard_dock.show()
        self.dashboard_dock.raise_()
        view.refresh()
        view.refresh_button.setFocus()

    def _dock_visibility(self, shown: bool) -> None:
        if shown:
            self._refresh_dashboard()

    def _refresh_dashboard(self) -> None:
        if self._dashboard is not None and self.dashboard_dock.isVisible():
            self._dashboard.refresh()

    # --- audit log ----------------------------------------------------------------------------

    def show_audit_log(self) -> None:
        w = self.window
        if w.desk is None:
            w.statusBar().showMessage(self.tr("请先打开工作区"), 5000)
            return
        from slq_desk.ui.audit_viewer import AuditViewer

        if self.audit_viewer is None:
            self.audit_viewer = AuditViewer(w.desk, w, run_sync=w.synchronous_operations)
        viewer = self.audit_viewer
        viewer.show()
        viewer.raise_()
        viewer.activateWindow()

    # --- outputs ------------------------------------------------------------------------------

    def show_outputs(self) -> None:
        w = self.window
        if w.desk is None or w.application_id is None:
            w.statusBar().showMessage(self.tr("请先在左侧选择一份申报"), 5000)
            return
        if self.outputs_dialog is not None:
            self.outputs_dialog.close()
        dialog = OutputsDialog(w.desk, w.application_id, w, opener=self.opener)
        self.outputs_dialog = dialog
        dialog.open()

    # --- another workspace --------------------------------------------------------------------

    def _workspace_changed(self, desk: Desk | None) -> None:
        if self._notes is not None:
            self._notes.set_context(desk, None)
        if self._dashboard is not None:
            self._dashboard.set_desk(desk)
        if self.audit_viewer is not None:
            if desk is None:
                self.audit_viewer.close()
            self.audit_viewer.set_desk(desk)
        if self.outputs_dialog is not None:
            self.outputs_dialog.close()
            self.outputs_dialog = None


class OutputsDialog(QDialog):
    """The open application's opinions and notices: open, open the folder, print."""

    def __init__(self, desk: Desk, application_id: str, parent: QWidget | None = None, *,
                 opener: Opener | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutputsDialog")
        self.setWindowTitle(self.tr("申报 {0} 的输出文件").format(application_id))
        self.files: list[OutputFile] = desk.outputs(application_id)
        self.table = QTableWidget(len(self.files), 4, self)
        self.table.setObjectName("OutputsTable")
        self.table.setAccessibleName(self.tr("输出文件"))
        self.table.setHorizontalHeaderLabels([self.tr("文件"), self.tr("类型"), self.tr("签署"),
                                              self.tr("时间（北京时间）")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, f in enumerate(self.files):
            kind = self.kind_label(f)
            signed = (self.tr("已签署：{0}").format(f.label) if f.signed
                      else self.tr("未签署（草稿）")) if f.source == "opinion" else (
                f.label + (self.tr("（已签署）") if f.signed else self.tr("（草稿）")))
            when = to_beijing(f.at).strftime("%Y-%m-%d %H:%M") if f.at else ""
            name = f.path.name if f.exists else self.tr("{0}（文件已不在）").format(f.path.name)
            for c, text in enumerate([name, kind, signed, when]):
                item = QTableWidgetItem(text)
                item.setToolTip(str(f.path))
                self.table.setItem(r, c, item)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.bar = OutputBar(self, opener=opener)
        self.empty = QLabel(self.tr("本申报还没有导出的评审意见或通知书。"), self)
        self.empty.setVisible(not self.files)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if isinstance(close, QPushButton):
            close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.resize(760, 360)
        if self.files:
            self.table.selectRow(0)
            self._select(0)

    def kind_label(self, f: OutputFile) -> str:
        if f.source == "notice":
            return {"supplement": self.tr("补正材料通知书"), "acceptance": self.tr("受理通知书"),
                    "rejection": self.tr("不予受理通知书")}.get(f.kind, f.kind)
        return {"expert": self.tr("专家评审意见表"), "preliminary": self.tr("初审意见"),
                "panel": self.tr("评审组意见")}.get(f.kind, f.kind)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.files):
            f = self.files[row]
            self.bar.show_file(f.path, self.tr("{0}：{1}").format(self.kind_label(f), f.path.name))
            self.bar.open_button.setEnabled(f.exists)
            self.bar.print_button.setEnabled(f.exists)

    def selected(self) -> Path | None:
        row = self.table.currentRow()
        return self.files[row].path if 0 <= row < len(self.files) else None
