"""The start page: what the window shows while no workspace is open.

Three ways to begin, all inside the window: create a workspace in an empty (or new) folder,
open an existing one, or build the demo workspace — generated packages imported and checked
(``desk.first_run.build_demo_workspace``) as a background operation with a progress bar and a
cancel button. Below them, the workspaces opened recently (kept in the user's settings, shown
only while they still exist). Refusals (a folder holding other files, an empty folder chosen to
open) appear on the page, in words saying what to do instead; an empty folder chosen to open
offers to create the workspace there.

``install(window)`` adds the page and its File-menu entries to a ``MainWindow``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk import first_run
from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n, operations
from slq_desk.ui.theme import message_css, muted_css

if TYPE_CHECKING:
    from slq_desk.ui.main_window import MainWindow

RECENT_KEY = "workspace/recent"
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def stored_recent(settings: QSettings) -> list[object]:
    """The recent list as stored (an INI file gives a single entry back as a plain string)."""
    value = settings.value(RECENT_KEY)
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, (list, tuple)) else []


def note_opened(settings: QSettings, folder: Path) -> None:
    settings.setValue(RECENT_KEY, first_run.remember_recent(stored_recent(settings), folder))
    settings.setValue("workspace/last", str(folder))


class StartPage(QWidget):
    """Create / open / demo, the recent workspaces, and the demo build's progress."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("StartPage")
        self.window_ = window
        self.demo_op: operations.Operation | None = None
        self._pending_folder: Path | None = None
        self.menu_actions: tuple[QAction, ...] = ()

        title = QLabel(self.tr("算力券申报审核工作台"), self)
        title.setObjectName("StartTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("请先新建或打开一个工作区。工作区是一个文件夹，保存导入的申报材料、"
                               "检查结果、评审记录和审计日志。"), self)
        intro.setWordWrap(True)

        self.new_button = QPushButton(self.tr("新建工作区(&N)…"), self)
        self.new_button.setObjectName("StartNew")
        self.open_button = QPushButton(self.tr("打开工作区(&O)…"), self)
        self.open_button.setObjectName("StartOpen")
        self.demo_button = QPushButton(self.tr("生成演示工作区(&D)…"), self)
        self.demo_button.setObjectName("StartDemo")
        choices = QGridLayout()
        choices.setHorizontalSpacing(16)
        choices.setVerticalSpacing(10)
        for row, (button, text) in enumerate((
                (self.new_button, self.tr("选择一个空文件夹（或在对话框中新建文件夹），在其中创建工作区。")),
                (self.open_button, self.tr("打开已有的工作区文件夹。")),
                (self.demo_button, self.tr("生成五项政策的 16 份演示申报（其中一部分有问题），导入并完成初审，"
                                           "约需一分钟。")))):
            button.setMinimumWidth(180)
            explanation = QLabel(text, self)
            explanation.setWordWrap(True)
            explanation.setStyleSheet(muted_css())
            explanation.setBuddy(button)
            choices.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            choices.addWidget(explanation, row, 1)
        choices.setColumnStretch(1, 1)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("DemoProgress")
        self.progress.setAccessibleName(self.tr("演示工作区生成进度"))
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_demo)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget(self)
        box_layout = QVBoxLayout(self.progress_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.progress_label)
        box_layout.addLayout(progress_row)
        self.progress_box.hide()

        self.message = QLabel(self)
        self.message.setObjectName("StartMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.create_here_button = QPushButton(self.tr("在这里新建工作区"), self)
        self.create_here_button.clicked.connect(self._create_pending)
        self.create_here_button.hide()

        recent_title = QLabel(self.tr("最近使用的工作区(&R)"), self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("RecentWorkspaces")
        self.recent.setAccessibleName(self.tr("最近使用的工作区"))
        self.recent.setMinimumHeight(90)
        self.recent.setMaximumHeight(220)
        recent_title.setBuddy(self.recent)
        self.no_recent = QLabel(self.tr("还没有打开过工作区。"), self)
        self.no_recent.setStyleSheet(muted_css())

        card = QFrame(self)
        card.setObjectName("StartCard")
        card.setMaximumWidth(760)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(choices)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.message)
        layout.addWidget(self.create_here_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(recent_title)
        layout.addWidget(self.no_recent)
        layout.addWidget(self.recent)
        layout.addStretch(1)

        # Centred on a wide window, scrollable on a short one (a 1366×768 laptop at 2×).
        holder = QWidget(self)
        holder_layout = QHBoxLayout(holder)
        holder_layout.addStretch(1)
        holder_layout.addWidget(card, 4, Qt.AlignmentFlag.AlignTop)
        holder_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.new_button.clicked.connect(self.choose_new)
        self.open_button.clicked.connect(self.choose_open)
        self.demo_button.clicked.connect(self.choose_demo)
        self.recent.itemActivated.connect(self._open_recent)
        self.refresh_recent()

    # -- the recent list ---------------------------------------------------------------------
    def refresh_recent(self) -> None:
        self.recent.clear()
        for path in first_run.recent_workspaces(stored_recent(self.window_.settings)):
            item = QListWidgetItem(f"{path.name}    {path}", self.recent)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
        has = self.recent.count() > 0
        self.recent.setVisible(has)
        self.no_recent.setVisible(not has)
        if has:
            self.recent.setCurrentRow(0)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.open_folder(Path(str(item.data(PATH_ROLE))))

    # -- messages ----------------------------------------------------------------------------
    def say(self, text: str, kind: str = "bad") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(message_css(kind))
        self.message.show()

    def clear_message(self) -> None:
        self.message.hide()
        self.create_here_button.hide()
        self._pending_folder = None

    def _refusal(self, err: SlqError) -> str:
        return localised(err, i18n.current() != "en")

    # -- create and open ----------------------------------------------------------------------
    def choose_new(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择或新建一个空文件夹作为工作区"))
        if folder:
            self.create_in(Path(folder))

    def choose_open(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开工作区"))
        if folder:
            self.open_folder(Path(folder))

    def create_in(self, folder: Path) -> bool:
        self.clear_message()
        try:
            workspace = first_run.create_workspace(folder)
        except SlqError as err:
            self.say(self._refusal(err))
            return False
        self.window_.adopt_workspace(workspace)
        return True

    def open_folder(self, folder: Path) -> bool:
        self.clear_message()
        if first_run.inspect_folder(folder) is first_run.FolderKind.EMPTY:
            # Not silently turned into a workspace: say so and offer it.
            self.say(self.tr("“{0}”是空文件夹，还不是工作区。要在这里新建一个工作区吗？").format(folder), "info")
            self._pending_folder = folder
            self.create_here_button.show()
            self.create_here_button.setFocus()
            return False
        try:
            workspace = first_run.open_existing(folder)
        except SlqError as err:
            self.say(self._refusal(err))
            return False
        self.window_.adopt_workspace(workspace)
        return True

    def _create_pending(self) -> None:
        if self._pending_folder is not None:
            self.create_in(self._pending_folder)

    # -- the demo workspace --------------------------------------------------------------------
    def choose_demo(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择一个空文件夹，用来生成演示工作区"), str(Path.home()))
        if folder:
            self.build_demo(Path(folder))

    def build_demo(self, folder: Path) -> operations.Operation | None:
        """Build the demo workspace in ``folder`` off the UI thread, then open it."""
        self.clear_message()
        kind = first_run.inspect_folder(folder)
        if kind in (first_run.FolderKind.OTHER, first_run.FolderKind.FILE):
            try:
                first_run.create_workspace(folder)  # raises the refusal that says why
            except SlqError as err:
                self.say(self._refusal(err))
            return None
        self._busy(True)
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("正在生成演示申报包…"))
        op = operations.Operation(lambda report: first_run.build_demo_workspace(folder, report))
        self.demo_op = op

        def progress(done: int, total: int, step: str) -> None:
            if total > 0:
                self.progress.setRange(0, total)
                self.progress.setValue(done)
            self.progress_label.setText(self.step_text(step))

        def finished(result: Any) -> None:
            self._busy(False)
            self.demo_op = None
            self.open_folder(Path(str(result)))

        def failed(message: str) -> None:
            self._busy(False)
            self.demo_op = None
            self.say(self.tr("未能生成演示工作区：{0}").format(message))

        def cancelled() -> None:
            self._busy(False)
            self.demo_op = None
            self.say(self.tr("已取消生成演示工作区。已导入的申报保留在“{0}”中，可以打开它，"
                             "或在同一文件夹中再次生成以补全。").format(folder), "info")
            self.refresh_recent()

        op.progress.connect(progress)
        op.finished.connect(finished)
        op.failed.connect(failed)
        op.cancelled.connect(cancelled)
        return self.window_.run_operation(op)

    def step_text(self, step: str) -> str:
        kind, _, name = step.partition(":")
        if kind == "generate":
            return self.tr("正在生成演示申报包…")
        if kind == "import":
            return self.tr("正在导入 {0}…").format(name)
        if kind == "check":
            return self.tr("正在初审检查 {0}…").format(name)
        if kind == "panel":
            return self.tr("正在生成演示评审组…")
        return self.tr("即将完成…")

    def cancel_demo(self) -> None:
        if self.demo_op is not None:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("正在取消（当前这份申报导入完后停止）…"))
            self.demo_op.cancel()

    def _busy(self, busy: bool) -> None:
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setEnabled(not busy)
        self.recent.setEnabled(not busy)
        self.progress_box.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.cancel_button.setFocus()

    def first_focus(self) -> QWidget:
        """Where the keyboard starts on the page: the recent list when it has entries."""
        return self.recent if self.recent.count() else self.new_button


def install(window: MainWindow) -> StartPage:
    """The start page and its File-menu entries (新建工作区, 生成演示工作区, 关闭工作区)."""
    page = StartPage(window)
    new_action = QAction(page.tr("新建工作区…"), window)
    new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    new_action.triggered.connect(page.choose_new)
    demo_action = QAction(page.tr("生成演示工作区…"), window)
    demo_action.triggered.connect(page.choose_demo)
    close_action = QAction(page.tr("关闭工作区"), window)
    close_action.triggered.connect(window.close_workspace)
    menu = window.menus.get("file")
    if menu is not None:
        actions = menu.actions()
        if len(actions) > 1:  # after 打开工作区…
            for action in (new_action, demo_action, close_action):
                menu.insertAction(actions[1], action)
            menu.insertSeparator(actions[1])
        else:
            menu.addActions([new_action, demo_action, close_action])
    else:
        window.addActions([new_action, demo_action, close_action])
    page.menu_actions = (new_action, demo_action, close_action)
    return page
