"""The main window: application list, two viewer panes side by side, the review dock.

A shell that issue 7 fills: the right dock already holds an (empty) tab widget for the
检查清单 / 评分 / 测算 tabs, added with :meth:`MainWindow.add_review_tab`. Geometry and dock
layout are remembered with QSettings (organisation "slq-desk").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from slq_desk.errors import SlqError
from slq_desk.ui.application_list import ROW_ROLE, ApplicationListModel
from slq_desk.ui.viewer.image_cache import ImageCache
from slq_desk.ui.viewer.pane import ViewerPane
from slq_desk.ui.viewer.render_service import RenderService
from slq_desk.ui.viewer.sync import SyncController
from slq_desk.ui.viewer.text_service import TextService
from slq_desk.ui.workspace_data import (
    ApplicationRow,
    DocumentRef,
    list_applications,
    list_documents,
)
from slq_desk.workspace import DB_NAME, MARKER, Workspace

# Which document each pane opens first: a contract on the left, the invoice it pays on the right.
LEFT_FIRST = ("contract", "application_form", "usage_report")
RIGHT_FIRST = ("invoice", "payment_receipt", "usage_log")


def first_of(documents: list[DocumentRef], kinds: tuple[str, ...],
             exclude: DocumentRef | None = None) -> DocumentRef | None:
    for kind in kinds:
        for doc in documents:
            if doc.kind == kind and doc is not exclude:
                return doc
    return next((d for d in documents if d is not exclude), None)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace | None = None, settings: QSettings | None = None,
                 remember_geometry: bool = True) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("算力券申报审核工作台"))
        self.settings = settings if settings is not None else QSettings("slq-desk", "slq-desk")
        self.remember_geometry = remember_geometry
        self.workspace: Workspace | None = None
        self.application_id: str | None = None
        self.cache = ImageCache()
        self.renderer = RenderService(self.cache, self)
        self.texts = TextService(self)
        self._shut_down = False
        self._pending_splitter: object = None

        self.left_pane = ViewerPane(self.renderer, self.texts, self)
        self.right_pane = ViewerPane(self.renderer, self.texts, self)
        self.left_pane.setObjectName("LeftPane")
        self.right_pane.setObjectName("RightPane")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left_pane)
        self.splitter.addWidget(self.right_pane)
        self.setCentralWidget(self.splitter)
        self.sync = SyncController(self.left_pane.view, self.right_pane.view, self)

        self._build_application_dock()
        self._build_review_dock()
        self._build_actions()
        self.statusBar().showMessage(self.tr("就绪"))
        self.resize(1500, 950)
        self.resizeDocks([self.application_dock, self.review_dock], [360, 280],
                         Qt.Orientation.Horizontal)
        if remember_geometry:
            self._restore_layout()
        self.set_workspace(workspace)

    # -- construction -------------------------------------------------------------------
    def _build_application_dock(self) -> None:
        self.app_model = ApplicationListModel(self)
        self.app_table = QTableView(self)
        self.app_table.setModel(self.app_model)
        self.app_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.app_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.app_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.app_table.verticalHeader().hide()
        self.app_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.app_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.app_table.activated.connect(self._on_application_activated)
        self.app_table.clicked.connect(self._on_application_activated)
        self.app_message = QLabel(self)
        self.app_message.setWordWrap(True)
        self.app_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.app_message.setMargin(16)
        self.app_stack = QStackedWidget(self)
        self.app_stack.addWidget(self.app_message)
        self.app_stack.addWidget(self.app_table)
        dock = QDockWidget(self.tr("申报列表"), self)
        dock.setObjectName("ApplicationDock")
        dock.setWidget(self.app_stack)
        dock.setMinimumWidth(220)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.application_dock = dock

    def _build_review_dock(self) -> None:
        self.review_tabs = QTabWidget(self)
        self.review_tabs.hide()
        self.review_placeholder = QLabel(
            self.tr("检查清单、评分表和补贴测算将显示在这里。\n请先在左侧打开一份申报。"), self)
        self.review_placeholder.setWordWrap(True)
        self.review_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.review_placeholder)
        layout.addWidget(self.review_tabs)
        dock = QDockWidget(self.tr("检查清单 / 评分 / 测算"), self)
        dock.setObjectName("ReviewDock")
        dock.setWidget(holder)
        dock.setMinimumWidth(220)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.review_dock = dock

    def _build_actions(self) -> None:
        self.sync_action = QAction(self.tr("同步滚动"), self)
        self.sync_action.setCheckable(True)
        self.sync_action.setShortcut(QKeySequence("Ctrl+L"))
        self.sync_action.setToolTip(self.tr("按当前位置对齐两侧文档并同步滚动 (Ctrl+L)"))
        self.sync_action.toggled.connect(self.sync.set_enabled)
        self.sync.toggled.connect(self.sync_action.setChecked)
        open_action = QAction(self.tr("打开工作区…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._choose_workspace)
        refresh_action = QAction(self.tr("刷新申报列表"), self)
        refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh_action.triggered.connect(self.refresh_applications)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addAction(open_action)
        file_menu.addAction(refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.sync_action)
        view_menu.addSeparator()
        view_menu.addAction(self.application_dock.toggleViewAction())
        view_menu.addAction(self.review_dock.toggleViewAction())
        toolbar = self.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("MainToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(open_action)
        toolbar.addAction(self.sync_action)

    # -- workspace and applications -------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.application_id = None
        for pane in (self.left_pane, self.right_pane):
            pane.set_documents([])
        if workspace is None:
            self.setWindowTitle(self.tr("算力券申报审核工作台"))
            self._show_app_message(self.tr(
                "尚未打开工作区。\n\n请用「文件 › 打开工作区…」选择一个工作区文件夹，"
                "或在命令行运行 slq-desk demo-workspace 目录 生成演示工作区。"))
            self.statusBar().showMessage(self.tr("未打开工作区"))
            return
        self.setWindowTitle(self.tr("算力券申报审核工作台 — {0}").format(workspace.path.name))
        self.statusBar().showMessage(self.tr("工作区：{0}").format(workspace.path))
        self.refresh_applications()

    @Slot()
    def refresh_applications(self) -> None:
        if self.workspace is None:
            return
        rows = list_applications(self.workspace)
        self.app_model.set_rows(rows)
        if not rows:
            self._show_app_message(self.tr(
                "工作区中还没有申报材料。\n\n导入申报包（文件夹或 .zip）后，申报会出现在这里；"
                "也可以运行 slq-desk demo-workspace 目录 生成一个演示工作区。"))
        else:
            self.app_stack.setCurrentWidget(self.app_table)
        if self.application_id is not None:
            row = self.app_model.row_of(self.application_id)
            if row >= 0:
                self.app_table.selectRow(row)

    def _show_app_message(self, text: str) -> None:
        self.app_message.setText(text)
        self.app_stack.setCurrentWidget(self.app_message)

    def open_application(self, application_id: str) -> bool:
        """Show the application's documents in both panes; False if there is no such application."""
        if self.workspace is None:
            return False
        documents = list_documents(self.workspace, application_id)
        if documents is None:
            return False
        self.application_id = application_id
        row = self.app_model.row_of(application_id)
        if row >= 0:
            self.app_table.selectRow(row)
        for pane in (self.left_pane, self.right_pane):
            pane.set_documents(documents)
        left = first_of(documents, LEFT_FIRST)
        right = first_of(documents, RIGHT_FIRST, exclude=left) or left
        if left is not None:
            self.left_pane.open_document(left)
        if right is not None:
            self.right_pane.open_document(right)
        self.statusBar().showMessage(self.tr("申报 {0}：{1} 份材料").format(application_id, len(documents)))
        self.review_placeholder.setText(self.tr(
            "已打开申报 {0}。\n检查清单、评分表和补贴测算将显示在这里。").format(application_id))
        return True

    @Slot(QModelIndex)
    def _on_application_activated(self, index: QModelIndex) -> None:
        row = self.app_model.data(index, ROW_ROLE)
        if isinstance(row, ApplicationRow) and row.id != self.application_id:
            self.open_application(row.id)

    def _choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开工作区"))
        if folder:
            self.open_workspace_folder(Path(folder))

    def open_workspace_folder(self, folder: Path) -> bool:
        if not ((folder / DB_NAME).exists() or (folder / MARKER).exists()):
            QMessageBox.warning(self, self.tr("打开工作区"),
                                self.tr("“{0}”不是 slq-desk 工作区（没有 {1}）。").format(folder, DB_NAME))
            return False
        try:
            workspace = Workspace.open(folder, create=False)
        except SlqError as err:
            QMessageBox.warning(self, self.tr("打开工作区"), str(err))
            return False
        if self.workspace is not None:
            self.workspace.close()
        self.set_workspace(workspace)
        self.settings.setValue("workspace/last", str(folder))
        return True

    # -- evidence and review tabs (used by issue 7) ----------------------------------------
    def show_evidence(self, document: str, page: int, rect: object, label: str = "",
                      pane: str = "left") -> bool:
        target = self.left_pane if pane == "left" else self.right_pane
        return target.show_evidence(document, page, rect, label)

    def add_review_tab(self, widget: QWidget, title: str) -> int:
        self.review_placeholder.hide()
        self.review_tabs.show()
        return self.review_tabs.addTab(widget, title)

    def is_settled(self) -> bool:
        return self.left_pane.is_settled() and self.right_pane.is_settled()

    # -- geometry and shutdown ------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        # The splitter is restored once the window has its final size (see showEvent):
        # restoring it earlier lets the first resize redistribute the panes.
        self._pending_splitter = self.settings.value("window/splitter")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        state, self._pending_splitter = self._pending_splitter, None
        if isinstance(state, QByteArray):
            QTimer.singleShot(0, lambda: self.splitter.restoreState(state))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_geometry:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            self.settings.setValue("window/splitter", self.splitter.saveState())
            self.settings.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker threads and let go of the workspace (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.left_pane.close_document()
        self.right_pane.close_document()
        self.renderer.shutdown()
        self.texts.shutdown()
        if self.workspace is not None:
            self.workspace.close()
