"""The main window: application list, two viewer panes side by side, the review dock.

Left: the workspace's applications (status, computed subsidy, blocking findings; search, status
filter, sort by any column). Middle: two viewer panes. Right: the 检查清单 / 评分 / 测算 tabs
(more can be added with :meth:`MainWindow.add_review_tab`; menus are in ``self.menus`` for other
modules to extend). Packages are imported by menu or by dropping a folder or .zip on the window,
in a background operation behind a cancellable progress dialog; checks, corrections and the
tabs' data are background operations too (``operations.py``). Geometry, dock layout, reviewer
and language are remembered with QSettings (organisation "slq-desk").
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import shiboken6
from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n, operations, start_page
from slq_desk.ui.application_list import (
    ROW_ROLE,
    ApplicationFilter,
    ApplicationListModel,
)
from slq_desk.ui.keyboard import KeyboardNavigation
from slq_desk.ui.settings_dialog import SettingsDialog, reviewer_name
from slq_desk.ui.startup import PanesPlaceholder, after_first_paint
from slq_desk.ui.window_fit import dock_layout, fit_window
from slq_desk.ui.workspace_data import ApplicationRow, DocumentRef
from slq_desk.vocabulary import STATUSES

if TYPE_CHECKING:  # imported once a workspace opens: the window shows first (issue 18, item 1)
    from slq_desk.desk.service import Desk
    from slq_desk.ui.review_data import CalculationData, ChecklistData
    from slq_desk.ui.review_tabs.calculation_tab import CalculationTab
    from slq_desk.ui.review_tabs.checklist_tab import ChecklistTab
    from slq_desk.ui.review_tabs.scoring_tab import ScoringTab
    from slq_desk.ui.viewer.image_cache import ImageCache
    from slq_desk.ui.viewer.pane import ViewerPane
    from slq_desk.ui.viewer.render_service import RenderService
    from slq_desk.ui.viewer.sync import SyncController
    from slq_desk.ui.viewer.text_service import TextService
    from slq_desk.workspace import Workspace

# Which document each pane opens first: a contract on the left, the invoice it pays on the right.
LEFT_FIRST = ("contract", "application_form", "usage_report")
RIGHT_FIRST = ("invoice", "payment_receipt", "usage_log")
# An opening's reads on workers start this long after its documents are shown: past Qt's
# update interval (5 ms), so the paint of the opened application comes first.
AFTER_PAINT_MS = 20


def first_of(documents: list[DocumentRef], kinds: tuple[str, ...],
             exclude: DocumentRef | None = None) -> DocumentRef | None:
    for kind in kinds:
        for doc in documents:
            if doc.kind == kind and doc is not exclude:
                return doc
    return next((d for d in documents if d is not exclude), None)


class _Viewer(NamedTuple):
    """The viewer's parts, built together (MainWindow.build_viewer_panes)."""

    cache: ImageCache
    renderer: RenderService
    texts: TextService
    left: ViewerPane
    right: ViewerPane
    splitter: QSplitter
    sync: SyncController


def droppable(path: Path) -> bool:
    """What can be dropped on the window to import: a folder or a .zip file."""
    return path.is_dir() or (path.is_file() and path.suffix.lower() == ".zip")


class MainWindow(QMainWindow):
    # Tests set this to run background operations in the calling thread (deterministic).
    synchronous_operations = False
    # Another workspace (or none) was opened: every dock and window showing workspace data
    # resets on it, so nothing of the previous workspace stays on screen.
    workspace_changed = Signal(object)  # the new Desk, or None
    application_opened = Signal(str)  # after open_application showed it
    review_tabs_built = Signal(object, object)  # the checklist and calculation tabs, once built
    viewer_panes_built = Signal(object, object)  # the left and right viewer panes, once built

    def __init__(self, workspace: Workspace | None = None, settings: QSettings | None = None,
                 remember_geometry: bool = True) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.operations: set[operations.Operation] = set()
        self.menus: dict[str, QMenu] = {}
        self.setWindowTitle(self.tr("算力券申报审核工作台"))
        self.settings = settings if settings is not None else QSettings("slq-desk", "slq-desk")
        self.remember_geometry = remember_geometry
        self.workspace: Workspace | None = None
        # The desk service over the open workspace: every read and write goes through it.
        self.desk: Desk | None = None
        self.application_id: str | None = None
        self._shut_down = False
        self._pending_turns = 0  # steps of _in_turns still queued
        self._warmed = False  # the modules an opening needs were imported on a worker
        # The background opening of a workspace while the window shows (ui/startup.py).
        self.opening: operations.Operation | None = None
        self._pending_splitter: object = None
        self._reviewer_dialog: SettingsDialog | None = None

        # The two viewer panes (with their modules, the render and the text service) are built
        # right after the window's first paint, or on first use before it (build_viewer_panes);
        # until then a stand-in of their size says what they would say. Building them first
        # took a quarter of the window's start (issue 18, item 1).
        self._viewer: _Viewer | None = None
        self._panes_message = ""
        self._panes_scheduled = False  # to be built once the window has painted
        self.panes_placeholder = PanesPlaceholder(self)
        # The two panes, or the start page while no workspace is open.
        self.central_stack = QStackedWidget(self)
        self.central_stack.addWidget(self.panes_placeholder)
        self.setCentralWidget(self.central_stack)
        self._docks_before_start: list[QDockWidget] = []

        self._build_application_dock()
        self._build_review_dock()
        self._build_actions()
        self.keyboard = KeyboardNavigation(self)  # Tab order, Alt+1…4 / F6, the focus ring
        self.start_page = start_page.install(self)
        self.central_stack.addWidget(self.start_page)
        self.statusBar().showMessage(self.tr("就绪"))
        self._docks_sized = False  # True once a saved layout or the first show sized them
        restored = self._restore_layout() if remember_geometry else False
        fit_window(self, restored)  # never larger than the screen it opens on
        self.set_workspace(workspace)

    # -- construction -------------------------------------------------------------------
    def _build_application_dock(self) -> None:
        self.app_model = ApplicationListModel(self)
        self.app_filter = ApplicationFilter(self)
        self.app_filter.setSourceModel(self.app_model)
        self.app_table = QTableView(self)
        self.app_table.setObjectName("ApplicationTable")
        self.app_table.setAccessibleName(self.tr("申报列表"))
        self.app_table.setModel(self.app_filter)
        self.app_table.setSortingEnabled(True)
        self.app_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.app_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.app_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.app_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.app_table.verticalHeader().hide()
        header = self.app_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the rows on screen, not from the first 1,000 (a province's queue would be
        # measured at every search, filter and sort: bench/scale.py).
        header.setResizeContentsPrecision(0)
        # The applicant's name takes what is left (elided; the tooltip has it whole), so the
        # amount and the blocking count stay in view in a narrow dock.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        # A narrow dock cannot show all seven columns: policy and document count start hidden
        # (the search matches the policy; the tooltip names it); the header's context menu
        # shows or hides any column.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in range(self.app_model.columnCount()):
            action = QAction(str(self.app_model.headerData(column, Qt.Orientation.Horizontal)), header)
            action.setCheckable(True)
            action.setChecked(column not in (1, 4))
            action.toggled.connect(lambda on, c=column: self.app_table.setColumnHidden(c, not on))
            header.addAction(action)
            self.app_table.setColumnHidden(column, not action.isChecked())
        self.app_table.activated.connect(self._on_application_activated)
        self.app_table.clicked.connect(self._on_application_activated)
        # One model: the highlighted row IS the open application. Moving the highlight (arrow
        # keys, Page Up/Down, Home/End) opens that application; opening one by any other way
        # moves the highlight to it (_sync_highlight). Filtering and refreshing never open.
        self._syncing_highlight = False
        selection = self.app_table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_row_changed)
        self.app_message = QLabel(self)
        self.app_message.setWordWrap(True)
        self.app_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.app_message.setMargin(16)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("ApplicationSearch")
        self.search_edit.setPlaceholderText(self.tr("搜索编号、申报单位、政策 (Ctrl+K)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("搜索申报"))
        self.search_edit.textChanged.connect(
            lambda text: self._change_list(lambda: self.app_filter.set_text(text)))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("StatusFilter")
        self.status_filter.setAccessibleName(self.tr("按状态筛选"))
        self.status_filter.addItem(self.tr("全部状态"), "")
        for code, label in STATUSES.items():
            self.status_filter.addItem(self.tr(label), code)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._change_list(
                lambda: self.app_filter.set_status(str(self.status_filter.currentData() or ""))))
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.status_filter)
        self.app_stack = QStackedWidget(self)
        self.app_stack.addWidget(self.app_message)
        self.app_stack.addWidget(self.app_table)
        holder = QWidget(self)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(2, 2, 2, 2)
        holder_layout.addLayout(filters)
        holder_layout.addWidget(self.app_stack, 1)
        dock = QDockWidget(self.tr("申报列表"), self)
        dock.setObjectName("ApplicationDock")
        dock.setWidget(holder)
        dock.setMinimumWidth(220)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.application_dock = dock

    def _build_review_dock(self) -> None:
        self.review_tabs = QTabWidget(self)
        self.review_tabs.setAccessibleName(self.tr("检查清单 / 评分 / 测算"))
        self.review_placeholder = QLabel(
            self.tr("检查清单、评分表和补贴测算将显示在这里。\n请先在左侧打开一份申报。"), self)
        self.review_placeholder.setWordWrap(True)
        self.review_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # One stack for the placeholder and the tabs: it is as large as its largest page, so
        # the dock keeps its size when an application opens, and the window is not laid out
        # again in the middle of an opening (issue 18, item 3).
        self.review_stack = QStackedWidget(self)
        self.review_stack.addWidget(self.review_placeholder)
        self.review_stack.addWidget(self.review_tabs)
        dock = QDockWidget(self.tr("检查清单 / 评分 / 测算"), self)
        dock.setObjectName("ReviewDock")
        dock.setWidget(self.review_stack)
        dock.setMinimumWidth(220)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.review_dock = dock
        # The tabs are built on first use (or once the queue is in, ui/startup.py): they are
        # not on screen before an application is opened, and building them (with their
        # modules) took a third of the window's start (issue 18, item 1).
        self._review_tab_set: tuple[ChecklistTab, ScoringTab, CalculationTab] | None = None

    def build_review_tabs(self) -> tuple[ChecklistTab, ScoringTab, CalculationTab]:
        """The 检查清单 / 评分 / 测算 tabs, built once."""
        if self._review_tab_set is None:
            from slq_desk.ui.review_tabs.calculation_tab import CalculationTab
            from slq_desk.ui.review_tabs.checklist_tab import ChecklistTab
            from slq_desk.ui.review_tabs.scoring_tab import ScoringTab

            checklist = ChecklistTab(self)
            checklist.evidence_requested.connect(self._on_evidence_requested)
            checklist.correction_requested.connect(self.correct_field)
            scoring = ScoringTab(self)
            scoring.identity_needed.connect(self.ask_reviewer)
            self._review_tab_set = (checklist, scoring, CalculationTab(self))
            # Into the (hidden) tab widget at once: laid out while the person looks at the
            # queue, not while the first application opens.
            self.add_review_tab(checklist, self.tr("检查清单"))
            self.add_review_tab(scoring, self.tr("评分"))
            self.add_review_tab(self._review_tab_set[2], self.tr("测算"))
            self.review_tabs_built.emit(checklist, self._review_tab_set[2])
            # The notes and the 初审 tab beside them, in this order, for the same reason.
            self.workbench.add_notes_tab()
            self.office.add_tab()
            # Styled now too: the first opening no longer polishes every widget of the tabs.
            self.review_tabs.ensurePolished()
            # Edit › Undo / Redo act on the scoring form's stack or the review changes' from
            # now on, by the tab in front.
            self.undo_group.addStack(scoring.undo_stack)
            self.review_tabs.currentChanged.connect(self.choose_undo_stack)
            self.choose_undo_stack()
        return self._review_tab_set

    def choose_undo_stack(self, _index: int = -1) -> None:
        """Edit › Undo acts on what is in front: the review changes (facts, kinds, fields:
        ``review_history.py``) on the checklist and the calculation, the scoring form's edits
        elsewhere; nothing while a review change is being applied."""
        built = self._review_tab_set
        if built is None:
            return
        history = self.review_history
        front = self.review_tabs.currentWidget()
        if front is built[0] or front is built[2]:
            # None (no stack: the actions disabled) is what Qt takes; the stubs say otherwise.
            self.undo_group.setActiveStack(None if history.running else history.stack)  # type: ignore[arg-type]
        else:
            self.undo_group.setActiveStack(built[1].undo_stack)

    def review_tabs_if_built(self) -> tuple[ChecklistTab, ScoringTab, CalculationTab] | None:
        return self._review_tab_set

    @property
    def checklist_tab(self) -> ChecklistTab:
        return self.build_review_tabs()[0]

    @property
    def scoring_tab(self) -> ScoringTab:
        return self.build_review_tabs()[1]

    @property
    def calculation_tab(self) -> CalculationTab:
        return self.build_review_tabs()[2]

    def _flush_scoring(self) -> None:
        """Save what the scoring form has queued (nothing to save before it was built)."""
        if self._review_tab_set is not None:
            self._review_tab_set[1].flush()

    def _show_review_tabs(self) -> None:
        """The tabs in place of the placeholder (an application is open)."""
        self.build_review_tabs()
        self.review_stack.setCurrentWidget(self.review_tabs)

    def review_tabs_shown(self) -> bool:
        return self.review_stack.currentWidget() is self.review_tabs

    # -- the viewer panes -------------------------------------------------------------------
    def build_viewer_panes(self) -> _Viewer:
        """The two viewer panes side by side, with the render and text services and the
        scroll sync, built once: right after the window's first paint (``showEvent``), or by
        whatever needs them first (opening an application, a shortcut, a test)."""
        if self._viewer is None:
            from slq_desk.ui.viewer.image_cache import ImageCache
            from slq_desk.ui.viewer.pane import ViewerPane
            from slq_desk.ui.viewer.render_service import RenderService
            from slq_desk.ui.viewer.sync import SyncController
            from slq_desk.ui.viewer.text_service import TextService

            cache = ImageCache()
            renderer = RenderService(cache, self)
            texts = TextService(self)
            left = ViewerPane(renderer, texts, self)
            right = ViewerPane(renderer, texts, self)
            left.setObjectName("LeftPane")
            right.setObjectName("RightPane")
            for pane in (left, right):
                pane.set_documents([], self._panes_message)
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            splitter.addWidget(left)
            splitter.addWidget(right)
            sync = SyncController(left.view, right.view, self)
            sync.toggled.connect(self.sync_action.setChecked)
            self._viewer = _Viewer(cache, renderer, texts, left, right, splitter, sync)
            # In the stand-in's place (the start page may be showing instead).
            placeholder = self.panes_placeholder
            self.central_stack.insertWidget(self.central_stack.indexOf(placeholder), splitter)
            if self.central_stack.currentWidget() is placeholder:
                self.central_stack.setCurrentWidget(splitter)
            self.central_stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if self.isVisible():
                self._restore_splitter()
            if hasattr(self, "keyboard"):
                self.keyboard.set_tab_order()
            if self._warmed:  # _warm_for_opening ran before the panes were built
                QTimer.singleShot(0, lambda: None if self._shut_down else texts.start())
            self.viewer_panes_built.emit(left, right)
        return self._viewer

    def viewer_panes_if_built(self) -> tuple[ViewerPane, ViewerPane] | None:
        return None if self._viewer is None else (self._viewer.left, self._viewer.right)

    @property
    def left_pane(self) -> ViewerPane:
        return self.build_viewer_panes().left

    @property
    def right_pane(self) -> ViewerPane:
        return self.build_viewer_panes().right

    @property
    def splitter(self) -> QSplitter:
        return self.build_viewer_panes().splitter

    @property
    def sync(self) -> SyncController:
        return self.build_viewer_panes().sync

    @property
    def renderer(self) -> RenderService:
        return self.build_viewer_panes().renderer

    @property
    def texts(self) -> TextService:
        return self.build_viewer_panes().texts

    @property
    def cache(self) -> ImageCache:
        return self.build_viewer_panes().cache

    def _build_panes_after_paint(self) -> None:
        # Another event-loop turn first: what else waited for the first paint (the workspace's
        # opening, ui/startup.py) starts before this.
        QTimer.singleShot(0, lambda: None if self._shut_down or not shiboken6.isValid(self)
                          else self.build_viewer_panes())

    def _set_panes_message(self, text: str) -> None:
        """What both empty panes say (or their stand-in, before they are built)."""
        self._panes_message = text
        if self._viewer is None:
            self.panes_placeholder.set_message(text)
            return
        for pane in (self._viewer.left, self._viewer.right):
            pane.set_documents([], text)

    def _panes_area(self) -> QWidget:
        return self.panes_placeholder if self._viewer is None else self._viewer.splitter

    def _build_actions(self) -> None:
        self.sync_action = QAction(self.tr("同步滚动"), self)
        self.sync_action.setCheckable(True)
        self.sync_action.setShortcut(QKeySequence("Ctrl+L"))
        self.sync_action.setToolTip(self.tr("按当前位置对齐两侧文档并同步滚动 (Ctrl+L)"))
        # The panes are built first when they are not yet (SyncController.toggled comes back).
        self.sync_action.toggled.connect(lambda on: self.sync.set_enabled(on))
        open_action = QAction(self.tr("打开工作区…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._choose_workspace)
        refresh_action = QAction(self.tr("刷新申报列表"), self)
        refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh_action.triggered.connect(self.refresh_applications)
        self.refresh_action = refresh_action
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.import_zip_action = QAction(self.tr("导入申报包（.zip）…"), self)
        self.import_zip_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_zip_action.setToolTip(self.tr("导入 .zip 申报包；也可把文件夹或 .zip 拖到窗口上 (Ctrl+I)"))
        self.import_zip_action.triggered.connect(self._choose_zip)
        self.import_folder_action = QAction(self.tr("导入申报文件夹…"), self)
        self.import_folder_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_folder_action.triggered.connect(self._choose_folder)
        self.check_action = QAction(self.tr("重新检查与测算"), self)
        self.check_action.setShortcut(QKeySequence("Ctrl+R"))
        self.check_action.triggered.connect(self.run_checks)
        self.settings_action = QAction(self.tr("评审人与语言…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.edit_settings)
        self.search_action = QAction(self.tr("搜索申报"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.triggered.connect(self._focus_search)
        self.next_action = QAction(self.tr("下一份申报"), self)
        self.next_action.setShortcut(QKeySequence("Ctrl+]"))
        self.next_action.triggered.connect(lambda: self.step_application(1))
        self.previous_action = QAction(self.tr("上一份申报"), self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+["))
        self.previous_action.triggered.connect(lambda: self.step_application(-1))
        self.declare_action = QAction(self.tr("声明无利益冲突"), self)
        self.declare_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.declare_action.triggered.connect(lambda: self.scoring_tab.declare_no_conflict())
        # Through a group, so the actions exist before the scoring form (built on first use).
        self.undo_group = QUndoGroup(self)
        # Disambiguated: 撤销 is also an application's status in this class ("withdrawn").
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("撤销", "edit: undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)  # every platform binding
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Y and Ctrl+Shift+Z
        from slq_desk.ui.review_tabs.review_history import ReviewHistory

        self.review_history = ReviewHistory(self)  # facts, kinds, fields: undone as changes
        self.undo_group.addStack(self.review_history.stack)
        tab_actions = []
        for n, title in enumerate((self.tr("检查清单"), self.tr("评分"), self.tr("测算"))):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _c=False, i=n: self._show_review_tab_by_key(i))
            tab_actions.append(action)

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addAction(open_action)
        file_menu.addAction(self.import_zip_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addAction(refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.sync_action)
        view_menu.addSeparator()
        for action in tab_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.application_dock.toggleViewAction())
        view_menu.addAction(self.review_dock.toggleViewAction())
        review_menu = self.menuBar().addMenu(self.tr("审核(&R)"))
        review_menu.addAction(self.check_action)
        review_menu.addAction(self.declare_action)
        review_menu.addSeparator()
        review_menu.addAction(self.previous_action)
        review_menu.addAction(self.next_action)
        self.menus = {"file": file_menu, "edit": edit_menu, "view": view_menu, "review": review_menu}
        from slq_desk.ui.signing_actions import SigningActions

        self.signing = SigningActions(self)
        from slq_desk.ui.office.actions import OfficeActions

        self.office = OfficeActions(self)  # the 初审 menu and tab (issue 15)
        from slq_desk.ui.review_tabs.facts_actions import FactsActions

        self.facts = FactsActions(self)  # 认定事实 and 更改文档类型 (issue 13)
        from slq_desk.ui.workbench import Workbench

        self.workbench = Workbench(self)  # notes, dashboard, audit log, outputs and printing
        toolbar = self.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("MainToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(open_action)
        toolbar.addAction(self.import_zip_action)
        toolbar.addAction(self.check_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.sync_action)
        self.toolbar = toolbar

    def add_menu(self, key: str, title: str) -> QMenu:
        """A top-level menu other modules can fill (signing, panel); one per key."""
        if key not in self.menus:
            self.menus[key] = self.menuBar().addMenu(title)
        return self.menus[key]

    # -- workspace and applications -------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None, desk: Desk | None = None,
                      rows: list[ApplicationRow] | None = None) -> None:
        """Show ``workspace`` (None: the start page). ``desk`` and the queue's ``rows`` when
        they were already read off the UI thread (ui/startup.py)."""
        if self.opening is not None:  # chosen while another one was opening: that one is dropped
            self.opening.cancel()
            self.opening = None
        if self._review_tab_set is not None:
            # Another workspace: save what is queued, then forget the previous application.
            self.scoring_tab.set_context(None, None, "")
            self.checklist_tab.set_data(None)
            self.calculation_tab.set_data(None)
        self.workspace = workspace
        if workspace is not None and (desk is None or desk.workspace is not workspace):
            from slq_desk.desk.service import Desk

            desk = Desk(workspace)
        self.desk = desk if workspace is not None else None
        self.application_id = None
        self.review_history.forget()
        self._set_panes_message(self.tr("尚未打开工作区。") if workspace is None
                                else self.tr("请在左侧申报列表中打开一份申报。"))
        self.review_placeholder.setText(
            self.tr("检查清单、评分表和补贴测算将显示在这里。\n请先在左侧打开一份申报。"))
        self.review_stack.setCurrentWidget(self.review_placeholder)
        self._show_start_page(workspace is None)
        for action in self.workspace_actions():
            action.setEnabled(workspace is not None)
        self.workspace_changed.emit(self.desk)
        if workspace is None:
            self.setWindowTitle(self.tr("算力券申报审核工作台"))
            self._show_app_message(self.tr(
                "尚未打开工作区。\n\n请在开始页新建或打开一个工作区，或生成演示工作区。"))
            self.statusBar().showMessage(self.tr("未打开工作区"))
            return
        self.setWindowTitle(self.tr("算力券申报审核工作台 — {0}").format(workspace.path.name))
        self.statusBar().showMessage(self.tr("工作区：{0}").format(workspace.path))
        self._fill_applications(rows if rows is not None else cast("Desk", self.desk).applications())
        self._warm_for_opening()

    def _warm_for_opening(self) -> None:
        """Once, while the person looks at the queue: import on a worker what the first
        opening of an application would otherwise import on the UI thread (desk.opening)."""
        if self._warmed or self.synchronous_operations or self._shut_down:
            return
        self._warmed = True
        from slq_desk.desk.opening import warm_for_opening

        def warm(_report: object) -> None:
            warm_for_opening()
            # The window's own: the viewer's engines (its render thread imported them in the
            # middle of the first opening, ~100 ms of the interpreter for PyMuPDF) and the
            # notes tab.
            import pymupdf  # noqa: F401
            import pypdfium2  # noqa: F401

            import slq_desk.ui.notes_tab  # noqa: F401

        def warmed(_result: object) -> None:
            # What is alive now (modules, the window, the workspace) lives as long as the
            # window: out of the cyclic collector's way. A full collection walked all of it
            # (~250,000 objects, 110-140 ms with the interpreter held) whenever it came, in the
            # middle of whatever the person was doing; frozen objects are still freed when their
            # last reference goes (issue 18, item 3).
            gc.freeze()

        def start() -> None:
            if not self._shut_down:
                op = operations.Operation(warm, self)
                op.finished.connect(warmed)
                self.run_operation(op)

        QTimer.singleShot(0, start)
        # The text worker's process too: started on the first document, it cost the UI thread
        # a process spawn in the middle of opening an application. (Panes not built yet: it
        # starts when they are.)
        QTimer.singleShot(0, lambda: None if self._shut_down or self._viewer is None
                          else self._viewer.texts.start())

    def workspace_actions(self) -> list[QAction]:
        """What needs an open workspace: disabled while there is none (the start page, and
        while one opens after the window has shown, ui/startup.py)."""
        actions = [self.import_zip_action, self.import_folder_action, self.check_action,
                   self.refresh_action]
        if hasattr(self, "signing"):
            actions += [self.signing.sign_action, self.signing.panel_action]
        if hasattr(self, "office"):
            actions += [a for a in self.office.menu.actions() if not a.isSeparator()]
        if hasattr(self, "start_page"):
            actions += self.start_page.menu_actions[2:]  # 关闭工作区 (new, demo, close)
        return actions

    def show_opening(self, folder: Path) -> None:
        """The window while a workspace opens off the UI thread (ui/startup.py): the panes and
        docks in place, no workspace yet, so nothing that needs one is enabled."""
        self._show_start_page(False)
        self._set_panes_message(self.tr("正在打开工作区…"))
        self.setWindowTitle(self.tr("算力券申报审核工作台 — {0}").format(folder.name))
        self.statusBar().showMessage(self.tr("正在打开工作区：{0}").format(folder))

    @property
    def is_shut_down(self) -> bool:
        return self._shut_down

    @Slot()
    def refresh_applications(self) -> None:
        if self.desk is None:
            return
        self._fill_applications(self.desk.applications())

    def _fill_applications(self, rows: list[ApplicationRow]) -> None:
        self._change_list(lambda: self.app_model.set_rows(rows))
        if not rows:
            self._show_app_message(self.tr(
                "工作区中还没有申报材料。\n\n导入申报包（文件夹或 .zip）后，申报会出现在这里；"
                "也可以用「文件 › 生成演示工作区…」生成一个演示工作区。"))
        else:
            self.app_stack.setCurrentWidget(self.app_table)

    def _change_list(self, change: Any) -> None:
        """Refill, filter or re-sort the list without opening anything, then put the highlight
        back on the open application (or on nothing, when it is filtered out)."""
        self._syncing_highlight = True
        try:
            change()
            self._sync_highlight()
        finally:
            self._syncing_highlight = False

    def _sync_highlight(self) -> None:
        """Make the highlighted row the open application (none when it is not listed)."""
        was = self._syncing_highlight
        self._syncing_highlight = True
        try:
            index = QModelIndex()
            if self.application_id is not None:
                row = self.app_model.row_of(self.application_id)
                if row >= 0:
                    index = self.app_filter.mapFromSource(self.app_model.index(row, 0))
            selection = self.app_table.selectionModel()
            if index.isValid():
                self.app_table.selectRow(index.row())
                self.app_table.scrollTo(index)
            else:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), selection.SelectionFlag.NoUpdate)
        finally:
            self._syncing_highlight = was

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_highlight or not current.isValid():
            return
        row = self.app_filter.data(current, ROW_ROLE)
        if isinstance(row, ApplicationRow) and row.id != self.application_id:
            if not self.open_application(row.id):
                self._sync_highlight()

    def _show_app_message(self, text: str) -> None:
        self.app_message.setText(text)
        self.app_stack.setCurrentWidget(self.app_message)

    def open_application(self, application_id: str) -> bool:
        """Show the application's documents in both panes; False if there is no such application."""
        if self.desk is None:
            return False
        documents = self.desk.documents(application_id)
        if documents is None:
            return False
        self._flush_scoring()
        if application_id != self.review_history.application_id:
            self.review_history.forget()  # its steps are another application's
        self.application_id = application_id
        self._sync_highlight()
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
        self._show_review_tabs()
        # The scoring form switches now and is read with the checklist on a worker (issue 18,
        # item 3: its database read was the UI thread's largest piece of an opening).
        self.scoring_tab.begin_context(self.workspace, application_id, self.reviewer())

        def load() -> None:
            if self.application_id == application_id:
                self.reload_review_data(with_form=True)  # on a worker

        def announce() -> None:
            if self.application_id == application_id:
                self.application_opened.emit(application_id)  # the notes tab first (Ctrl+4), then 初审
                self.office.application_opened(application_id)

        # The reads on workers (checklist, calculation and form; the notes; the 初审 office)
        # start once the window has painted the opened application: started at once, their
        # Python work shared the interpreter with that paint and doubled it (issue 18, item 3).
        # The notes and the office in a turn of their own.
        self._in_turns([load, announce], now=False, delay_ms=AFTER_PAINT_MS)
        return True

    def _in_turns(self, steps: list[Any], now: bool = True, delay_ms: int = 0) -> None:
        """Run ``steps`` one per event-loop turn (the first at once when ``now``, else after
        ``delay_ms``), so a long piece of UI work never holds the window; all at once when
        operations are synchronous (tests). A step is skipped once the window is shut down."""
        if self.synchronous_operations:
            for step in steps:
                step()
            return

        def run(index: int) -> None:
            self._pending_turns -= 1
            if self._shut_down:
                return
            steps[index]()
            if index + 1 < len(steps):
                self._pending_turns += 1
                QTimer.singleShot(0, lambda: run(index + 1))

        if not steps:
            return
        self._pending_turns += 1
        if now:
            run(0)
        else:
            QTimer.singleShot(delay_ms, lambda: run(0))

    @Slot(QModelIndex)
    def _on_application_activated(self, index: QModelIndex) -> None:
        # The view's indexes are the filter's; a source-model index (scripts, tests) works too.
        model = self.app_model if index.model() is self.app_model else self.app_filter
        row = model.data(index, ROW_ROLE)
        if isinstance(row, ApplicationRow) and row.id != self.application_id:
            self.open_application(row.id)

    def _choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开工作区"))
        if folder:
            self.open_workspace_folder(Path(folder))

    def open_workspace_folder(self, folder: Path) -> bool:
        if self.workspace is None:
            return self.start_page.open_folder(folder)  # refusals and offers appear on the page
        from slq_desk.desk import first_run

        try:
            workspace = first_run.open_existing(folder)
        except SlqError as err:
            QMessageBox.warning(self, self.tr("打开工作区"), localised(err, i18n.current() != "en"))
            return False
        self.adopt_workspace(workspace)
        return True

    def adopt_workspace(self, workspace: Workspace) -> None:
        """Switch to ``workspace`` (the previous one is closed) and remember it as recent."""
        if self.workspace is not None:
            self._flush_scoring()
            self.workspace.close()
        self.set_workspace(workspace)
        start_page.note_opened(self.settings, workspace.path)
        self.start_page.refresh_recent()

    def close_workspace(self) -> None:
        """Back to the start page."""
        if self.workspace is None:
            return
        self._flush_scoring()
        workspace = self.workspace
        self.set_workspace(None)
        workspace.close()

    def showing_start_page(self) -> bool:
        return self.central_stack.currentWidget() is self.start_page

    def _show_start_page(self, show: bool) -> None:
        """The start page instead of the panes; the docks step aside while it shows."""
        if not hasattr(self, "start_page") or show == self.showing_start_page():
            return
        docks = [self.application_dock, self.review_dock]
        if show:
            self._docks_before_start = [d for d in docks if not d.isHidden()]
            for dock in docks:
                dock.hide()
            self.central_stack.setCurrentWidget(self.start_page)
            self.start_page.refresh_recent()
            if self.isVisible():
                self.start_page.first_focus().setFocus()
        else:
            self.central_stack.setCurrentWidget(self._panes_area())
            for dock in self._docks_before_start:
                dock.show()
            if self.isVisible():  # once the docks are laid out again
                QTimer.singleShot(0, self.size_docks_once)

    # -- evidence and review tabs -------------------------------------------------------------
    def show_evidence(self, document: str, page: int, rect: object, label: str = "",
                      pane: str = "left") -> bool:
        target = self.left_pane if pane == "left" else self.right_pane
        return target.show_evidence(document, page, rect, label)

    def pane_for(self, document: str) -> str:
        """Where evidence goes: the pane already showing that document, else the left one."""
        right = self.right_pane.doc
        left = self.left_pane.doc
        if right is not None and right.key == document and (left is None or left.key != document):
            return "right"
        return "left"

    @Slot(str, int, object, str)
    def _on_evidence_requested(self, document: str, page: int, rect: object, label: str) -> None:
        pane = self.pane_for(document)
        if rect is not None and self.show_evidence(document, page, rect, label, pane):
            self.statusBar().showMessage(self.tr("证据：{0} 第 {1} 页").format(label, page + 1), 5000)
            return
        self.show_page(document, page, pane)

    def show_page(self, document: str, page: int, pane: str = "left") -> bool:
        """Open a document at a page, for evidence without a box (a whole document or page)."""
        target = self.left_pane if pane == "left" else self.right_pane
        doc = target.find_document(document)
        if doc is None:
            return False
        if target.doc is None or target.doc.key != doc.key:
            target.open_document(doc)
        if target.is_loaded():
            target.view.go_to_page(page)
        else:
            def go(_opened: object, pane_: Any = target, page_: int = page) -> None:
                pane_.document_ready.disconnect(go)
                pane_.view.go_to_page(page_)
            target.document_ready.connect(go)
        return True

    def show_review_tab(self, index: int) -> None:
        if self.review_tabs_shown() and 0 <= index < self.review_tabs.count():
            self.review_dock.show()
            self.review_dock.raise_()  # in front of the list when the two share a dock column
            self.review_tabs.setCurrentIndex(index)

    def _show_review_tab_by_key(self, index: int) -> None:
        """Ctrl+1…3: show the tab and put the keyboard focus in it."""
        self.show_review_tab(index)
        self.keyboard.focus_region("review")

    def reviewer(self) -> str:
        """The reviewer's name as they gave it (asked once, kept in the user's settings), else
        a name set on purpose in SLQ_DESK_USER (scripted runs); empty until then — never the
        machine's login name."""
        return reviewer_name(self.settings, os.environ.get("SLQ_DESK_USER", "").strip())

    def ask_reviewer(self, then: Any = None) -> None:
        """Ask who is reviewing (name and organisation), once; the form then reopens under
        that name and ``then()`` runs. Window-modal but not blocking, so nothing waits."""
        if self._reviewer_dialog is not None:
            self._reviewer_dialog.raise_()
            return
        dialog = SettingsDialog(self.settings, self, require_name=True)
        dialog.setObjectName("ReviewerDialog")
        dialog.setWindowTitle(self.tr("评审专家信息"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._reviewer_dialog = dialog

        def done(result: int) -> None:
            self._reviewer_dialog = None
            dialog.deleteLater()
            if not (result and self.reviewer()):
                return
            if self.application_id is not None:
                self.scoring_tab.set_context(self.workspace, self.application_id, self.reviewer())
            self.statusBar().showMessage(self.tr("评审专家：{0}").format(self.reviewer()), 5000)
            if then is not None:
                then()

        dialog.finished.connect(done)
        dialog.open()

    # -- background operations ----------------------------------------------------------------
    def run_operation(self, op: operations.Operation) -> operations.Operation:
        """Start ``op`` off the UI thread (or here, in tests); the window keeps it alive."""
        self.operations.add(op)

        def forget(*_args: object) -> None:
            self.operations.discard(op)

        op.ended.connect(forget)
        return op.launch(self.synchronous_operations)

    def reload_review_data(self, with_form: bool = False) -> None:
        """Read the checklist and the calculation again on a worker (after checks, corrections);
        ``with_form`` when opening: the scoring form too, for ``ScoringTab.begin_context``."""
        if self.desk is None or self.application_id is None:
            return
        app_id, desk = self.application_id, self.desk
        reviewer = self.scoring_tab.reviewer if with_form else None
        op = operations.load_operation(desk, app_id, reviewer=reviewer)
        op.finished.connect(lambda result: self._show_review_data(app_id, result, desk, reviewer))

        def failed(message: str) -> None:
            self.statusBar().showMessage(message)
            if reviewer is not None and app_id == self.application_id:
                self.scoring_tab.show_form(app_id, reviewer, message)  # not left waiting

        op.failed.connect(failed)
        self.run_operation(op)

    def _show_review_data(self, app_id: str, result: object, desk: Desk | None = None,
                          reviewer: str | None = None) -> None:
        if app_id != self.application_id or self._shut_down:
            return  # the person moved on while it loaded
        if desk is not None and desk is not self.desk:
            return  # loaded from the previous workspace (which may hold the same ids)
        checklist, calculation, form = cast("tuple[ChecklistData, CalculationData, object]", result)

        def still(step: Any) -> Any:
            # A later turn: only if the same application is still open in the same workspace.
            return lambda: step() if app_id == self.application_id and desk in (None, self.desk) \
                else None

        def scoring() -> None:
            if reviewer is not None:  # an opening: the form read with the checklist
                self.scoring_tab.show_form(app_id, reviewer, form)
            else:  # after checks: the new computed amount, the form untouched
                self.scoring_tab.refresh_computed()

        # The checklist, the calculation and the scoring form each in an event-loop turn of
        # their own (issue 18, item 3: together ~60 ms plus Qt's layout after them).
        # Not at once: this runs as a queued signal, which Qt delivers before due timers, so a
        # step queued just before (opening the notes) would run back to back with it.
        self._in_turns([still(lambda: self.checklist_tab.set_data(checklist)),
                        still(lambda: self.calculation_tab.set_data(calculation)),
                        still(scoring)], now=False)

    @Slot(int, object)
    def correct_field(self, field_id: int, value: object) -> None:
        """更正字段值 / 撤回更正 from the checklist: a step in the undo history."""
        if self.desk is None:
            return
        if not self.reviewer():
            # A correction is signed with a person's name, never the login name: ask, then do it.
            self.ask_reviewer(lambda: self.correct_field(field_id, value))
            return
        key = self.checklist_tab.field_key(field_id)
        if key is None:  # the checklist was read again meanwhile
            self.checklist_tab.busy.clear()
            self.statusBar().showMessage(self.tr("该字段已不在检查清单中，请重新选择"), 5000)
            return
        withdraw = value is None
        self.facts.change_field(
            key, None if withdraw else str(value),
            self.tr("撤回更正") if withdraw else self.tr("更正字段值"), self.tr("正在重新检查与测算…"),
            self.tr("已撤回更正并重新检查与测算：测算补贴 {0}") if withdraw
            else self.tr("已更正字段并重新检查与测算：测算补贴 {0}"))

    def run_checks(self) -> None:
        if self.desk is None or self.application_id is None:
            return
        self.statusBar().showMessage(self.tr("正在检查与测算…"))
        op = operations.checks_operation(self.desk, self.application_id)
        op.finished.connect(lambda _r: self._after_checks(self.tr("检查与测算已完成")))
        op.failed.connect(self._operation_failed)
        self.run_operation(op)

    def _after_checks(self, message: str) -> None:
        if self._shut_down:
            return
        self.refresh_applications()
        self.reload_review_data()
        self.statusBar().showMessage(message, 5000)

    def _operation_failed(self, message: str) -> None:
        self.checklist_tab.busy.clear()
        QMessageBox.warning(self, self.tr("操作未完成"), message)

    # -- importing packages -----------------------------------------------------------------------
    def _choose_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入申报包"), "",
                                              self.tr("申报包 (*.zip)"))
        if path:
            self.import_package(Path(path))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导入申报文件夹"))
        if folder:
            self.import_package(Path(folder))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.workspace is not None and urls and all(
                u.isLocalFile() and droppable(Path(u.toLocalFile())) for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if droppable(p)]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Leave the drop handler first: the source application waits for it to return.
        QTimer.singleShot(0, lambda: self.import_packages(paths))

    def import_packages(self, paths: list[Path]) -> None:
        if paths:
            first, rest = paths[0], paths[1:]
            self.import_package(first, then=lambda: self.import_packages(rest))

    def import_package(self, path: Path, then: Any = None) -> operations.Operation | None:
        """Import a folder or .zip behind a cancellable progress dialog, then open it."""
        if self.desk is None:
            QMessageBox.information(self, self.tr("导入申报包"), self.tr("请先打开一个工作区。"))
            return None
        dialog = QProgressDialog(self.tr("正在导入 {0}…").format(path.name), self.tr("取消"), 0, 0, self)
        dialog.setObjectName("ImportProgress")
        dialog.setWindowTitle(self.tr("导入申报包"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.import_dialog = dialog
        op = operations.import_operation(self.desk, path)
        self.import_op = op

        def progress(done: int, total: int, name: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(self.tr("正在导入 {0}：{1}/{2} {3}").format(path.name, done, total, name))

        def finished(result: Any) -> None:
            dialog.close()
            self.statusBar().showMessage(result.summary(), 10000)
            # The list, then the application, then the next package: one event-loop turn each,
            # so the window paints and answers between them (issue 18, item 3).
            self._in_turns([self.refresh_applications,
                            lambda: self.open_application(result.application_id),
                            then or (lambda: None)])

        def failed(message: str) -> None:
            dialog.close()
            QMessageBox.warning(self, self.tr("导入申报包"),
                                self.tr("未能导入 {0}：\n{1}").format(path.name, message))

        def cancelled() -> None:
            dialog.close()
            self.statusBar().showMessage(self.tr("已取消导入 {0}，未写入任何内容").format(path.name), 10000)

        op.progress.connect(progress)
        op.finished.connect(finished)
        op.failed.connect(failed)
        op.cancelled.connect(cancelled)
        dialog.canceled.connect(op.cancel)
        self.run_operation(op)
        return op

    # -- settings and navigation --------------------------------------------------------------
    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        before = (self.reviewer(), dialog.language_code())
        if dialog.exec():
            from PySide6.QtWidgets import QApplication

            from slq_desk.ui import i18n

            if dialog.language_code() != before[1]:
                i18n.install(QApplication.instance(), dialog.language_code())  # type: ignore[arg-type]
                self.statusBar().showMessage(self.tr("界面语言将在重新启动后完全生效"), 10000)
            if self.reviewer() != before[0] and self.application_id is not None:
                self.scoring_tab.set_context(self.workspace, self.application_id, self.reviewer())

    def _focus_search(self) -> None:
        self.application_dock.show()
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def step_application(self, delta: int) -> None:
        rows = self.app_filter.rowCount()
        if rows == 0:
            return
        current = self.app_table.currentIndex().row()
        target = min(max(current + delta, 0), rows - 1) if current >= 0 else 0
        row = self.app_filter.data(self.app_filter.index(target, 0), ROW_ROLE)
        if isinstance(row, ApplicationRow):
            self.open_application(row.id)

    def add_review_tab(self, widget: QWidget, title: str) -> int:
        """A tab beside 检查清单 / 评分 / 测算 (shown once an application is open)."""
        return self.review_tabs.addTab(widget, title)

    def is_settled(self) -> bool:
        if self._viewer is None:  # not settled while the panes wait to be built in view
            return self._pending_turns == 0 and (self.showing_start_page() or not self._panes_scheduled)
        return (self._pending_turns == 0 and self._viewer.left.is_settled()
                and self._viewer.right.is_settled())

    # -- geometry and shutdown ------------------------------------------------------------
    def _restore_layout(self) -> bool:
        """Restore the saved geometry, docks and splitter; True when a geometry was restored."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self._docks_sized = self.restoreState(state)
        # The splitter is restored once the window has its final size (see showEvent):
        # restoring it earlier lets the first resize redistribute the panes.
        self._pending_splitter = self.settings.value("window/splitter")
        return bool(restored)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.showing_start_page():
            self.size_docks_once()
        if self._viewer is not None:
            self._restore_splitter()
        elif not self._panes_scheduled:
            self._panes_scheduled = True
            after_first_paint(self, self._build_panes_after_paint)

    def _restore_splitter(self) -> None:
        """The saved split between the panes, once (after the window has its final size and
        the panes exist)."""
        state, self._pending_splitter = self._pending_splitter, None
        if isinstance(state, QByteArray):
            QTimer.singleShot(0, lambda: self.splitter.restoreState(state))

    def size_docks_once(self) -> None:
        """First start: docks in proportion to the window, so the two panes keep about half
        the width; on a laptop the docks share one column (window_fit.dock_layout). Done when
        the docks first show with a workspace (after the start page), so the list's width
        fits its rows."""
        if self._docks_sized or self.opening is not None:  # sized to the rows, once they are in
            return
        self._docks_sized = True
        tabbed, list_width, review_width = dock_layout(self.width(), self._list_needs())
        if tabbed:
            # A laptop: the list and the review tabs share one dock column (tabs at its foot;
            # Alt+1 / Alt+4 bring either forward), so each PDF pane keeps ~490 px.
            self.tabifyDockWidget(self.review_dock, self.application_dock)
            # The list in front, unless an application is open already (`--open`, a saved
            # session): then its review tabs, which were asked for before the docks were sized.
            (self.review_dock if self.application_id is not None else self.application_dock).raise_()
            self.resizeDocks([self.review_dock], [review_width], Qt.Orientation.Horizontal)
        else:
            self.resizeDocks([self.application_dock, self.review_dock],
                             [list_width, review_width], Qt.Orientation.Horizontal)

    def _list_needs(self) -> int:
        """Width the application list's columns take (the applicant's name ~5 characters)."""
        header = self.app_table.horizontalHeader()
        # Computed from the contents: before the first layout the sections have no size yet.
        columns = sum(max(self.app_table.sizeHintForColumn(c), header.sectionSizeHint(c))
                      for c in range(self.app_model.columnCount())
                      if not header.isSectionHidden(c) and c != 2)
        name = self.app_table.fontMetrics().horizontalAdvance("武汉瀚海数") + 12
        chrome = self.app_table.verticalScrollBar().sizeHint().width() + 2 * self.app_table.frameWidth() + 12
        return columns + name + chrome

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flush_scoring()
        if self.remember_geometry:
            self.settings.setValue("window/geometry", self.saveGeometry())
            if not self.showing_start_page():  # its hidden docks are not the person's layout
                self.settings.setValue("window/state", self.saveState())
                if self._viewer is not None:  # else the saved split stays as it was
                    self.settings.setValue("window/splitter", self._viewer.splitter.saveState())
            self.settings.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker threads and let go of the workspace (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.keyboard.shutdown()
        self._flush_scoring()
        for op in list(self.operations):
            # Background work finishes its transaction (or rolls back) before the DB goes.
            op.cancel()
            op.done.wait(30)
        self.signing.shutdown()
        if self._viewer is not None:
            self._viewer.left.close_document()
            self._viewer.right.close_document()
            self._viewer.renderer.shutdown()
            self._viewer.texts.shutdown()
        if self.workspace is not None:
            self.workspace.close()
