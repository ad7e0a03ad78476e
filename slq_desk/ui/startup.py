"""Show the window first, open the workspace after (issue 18, item 1).

``open_in_background(window, folder)`` puts an empty window into its "opening" state — the
docks in place, the panes' stand-in (``PanesPlaceholder``; the panes are built right after the
first paint) and the application list showing 正在打开工作区… with a busy bar, every action
that needs a workspace disabled (the window has none yet) — and starts an
operation that, on a worker thread, imports SQLAlchemy, the models and the desk service, opens
and migrates the database and reads the queue (``desk.opening.open_for_window``). When it
reports back, the window adopts the workspace and the list fills from the rows already read.

A failure (a damaged or locked database, a workspace from a newer slq-desk, a server that
cannot be reached) shows the start page with the message in words, never a traceback; the
person can pick another workspace from there. ``slq-desk gui`` and ``bench/startup.py`` start
this way; tests hold the operation back (``launch``) to look at the window before it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from slq_desk.ui import operations

if TYPE_CHECKING:
    from slq_desk.desk.opening import Opened
    from slq_desk.ui.main_window import MainWindow

Launcher = Callable[[operations.Operation], operations.Operation]

# Should the window not be painted (hidden, minimised), the workspace opens anyway after this.
FIRST_PAINT_FALLBACK_MS = 1000


# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate


def step_text(step: str) -> str:
    """The words for ``desk.opening.STEPS``."""
    return {
        "load": translate("WorkspaceOpening", "正在载入数据库组件…"),
        "open": translate("WorkspaceOpening", "正在打开并检查工作区数据库…"),
        "queue": translate("WorkspaceOpening", "正在读取申报列表…"),
    }.get(step, step)


class WorkspaceOpening(QWidget):
    """What the application list shows while the workspace opens: a sentence and a busy bar."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkspaceOpening")
        self.title = QLabel(self.tr("正在打开工作区…"), self)
        self.title.setObjectName("WorkspaceOpeningTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.path = QLabel(str(folder), self)
        self.path.setWordWrap(True)
        self.path.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("WorkspaceOpeningProgress")
        self.bar.setAccessibleName(self.tr("打开工作区的进度"))
        self.bar.setRange(0, 0)  # busy until the first step reports
        self.bar.setTextVisible(False)
        self.step = QLabel(self)
        self.step.setWordWrap(True)
        self.step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.path)
        layout.addWidget(self.bar)
        layout.addWidget(self.step)
        layout.addStretch(2)

    def report(self, done: int, total: int, step: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.step.setText(step_text(step))


def open_in_background(window: MainWindow, folder: Path, database_url: str | None = None, *,
                       open_app: str | None = None, tab: int | None = None,
                       strict: bool = False,
                       on_failed: Callable[[BaseException], None] | None = None,
                       launch: Launcher | None = None) -> operations.Operation:
    """Open ``folder`` off the UI thread while ``window`` shows that it is opening.

    ``open_app`` (and the review ``tab`` index) are shown once it is open; with ``strict`` an
    unknown ``open_app`` fails the opening (``--screenshot`` exits 2 on it), otherwise the
    window opens the workspace and says that the application is not in it. ``on_failed`` gets
    the exception after the window has shown its message. ``launch`` starts the operation
    (default: the window's ``run_operation``); tests pass one that holds it back."""
    from slq_desk.ui import start_page

    if window.workspace is not None:
        window.close_workspace()
    errors: list[BaseException] = []
    op: operations.Operation

    def work(report: operations.Report) -> Opened:
        from slq_desk.desk.opening import open_for_window

        try:
            opened = open_for_window(folder, database_url, open_app if strict else None, report)
        except BaseException as err:
            errors.append(err)
            raise
        if op.is_cancelled:  # the window closed meanwhile: nobody will adopt it
            opened.workspace.close()
            raise operations.Cancelled()
        return opened

    op = operations.Operation(work)  # kept alive by start() until it ends, not by the window
    window.opening = op  # before the window lays out its opening state: docks wait for rows
    placeholder = WorkspaceOpening(folder, window)
    window.app_stack.addWidget(placeholder)
    window.app_stack.setCurrentWidget(placeholder)
    window.show_opening(folder)
    op.progress.connect(placeholder.report)

    def finished(result: Any) -> None:
        opened: Opened = result
        placeholder.deleteLater()
        if window.opening is not op or window.is_shut_down:
            opened.workspace.close()  # another workspace was chosen meanwhile
            return
        window.opening = None
        window.set_workspace(opened.workspace, desk=opened.desk, rows=opened.applications)
        start_page.note_opened(window.settings, opened.workspace.path)
        window.start_page.refresh_recent()
        if open_app is not None:
            if window.open_application(open_app):
                if tab is not None:
                    window.show_review_tab(tab)
            else:
                window.statusBar().showMessage(
                    translate("WorkspaceOpening", "工作区中没有申报 {0}").format(open_app), 10000)
        if window.isVisible():  # the docks fit the rows now in the list
            QTimer.singleShot(0, window.size_docks_once)
        # The review tabs, while the person looks at the list: the first application opened
        # does not wait for them.
        QTimer.singleShot(0, window.build_review_tabs)

    def failed(message: str) -> None:
        placeholder.deleteLater()
        if window.opening is not op:
            return
        window.opening = None
        window.set_workspace(None)  # the start page: pick another workspace from there
        window.start_page.say(translate("WorkspaceOpening", "未能打开工作区“{0}”：\n{1}").format(folder, message))
        window.statusBar().showMessage(translate("WorkspaceOpening", "未能打开工作区"))
        if on_failed is not None:
            on_failed(errors[0] if errors else RuntimeError(message))

    def cancelled() -> None:
        placeholder.deleteLater()
        if window.opening is op:
            window.opening = None
            window.set_workspace(None)

    op.finished.connect(finished)
    op.failed.connect(failed)
    op.cancelled.connect(cancelled)
    start = launch or window.run_operation
    if window.isVisible():
        return start(op)
    after_first_paint(window, lambda: start(op))
    return op


class PanesPlaceholder(QWidget):
    """Where the two viewer panes go until they are built, right after the window's first
    paint (``MainWindow.build_viewer_panes``), so the first frame waits for neither the
    viewer's modules nor its widgets. Each half is an empty pane's frame: the document picker
    (empty, as a pane's is before an application is open), the toolbar's height, and the
    message the pane would show (正在打开工作区…), where the pane shows it; the same minimum
    width, so the docks do not move when the panes take its place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PanesPlaceholder")
        style = self.style()
        # As ViewerPane lays itself out: picker row, toolbar (as tall as its spin box), body.
        toolbar = QSpinBox().sizeHint().height() + 2 * (
            style.pixelMetric(QStyle.PixelMetric.PM_ToolBarItemMargin)
            + style.pixelMetric(QStyle.PixelMetric.PM_ToolBarFrameWidth))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.pixelMetric(QStyle.PixelMetric.PM_SplitterWidth))
        labels = []
        for _ in range(2):
            picker = QComboBox(self)
            picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            picker.setMinimumContentsLength(8)  # as DocumentPicker
            picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            picker.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # nothing to pick
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setMargin(24)  # as the pane's own message
            labels.append(label)
            row = QHBoxLayout()
            row.setContentsMargins(4, 4, 4, 0)
            row.addWidget(picker, 1)
            half = QVBoxLayout()
            half.setContentsMargins(0, 0, 0, 0)
            half.setSpacing(2)
            half.addLayout(row)
            half.addSpacing(toolbar)
            half.addWidget(label, 1)
            layout.addLayout(half, 1)
        self.halves = (labels[0], labels[1])

    def set_message(self, text: str) -> None:
        for half in self.halves:
            half.setText(text)


class _FirstPaint(QObject):
    """Runs ``then`` once, right after the first paint of ``window`` (or a second later, should
    the window not be painted: hidden, minimised).

    It watches the window itself, which is painted before its children: an application-wide
    Python event filter would make PySide wrap Qt's internal objects (QWidgetWindow and the
    like) on their first event, and that builds the Python enums of about 170 Qt classes,
    ~20 ms before the first frame."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.window_ = window
        self.then: Callable[[], object] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.then is not None and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.fire)  # once this paint (the whole window's) is drawn
            self._stop_watching()
        return False

    def _stop_watching(self) -> None:
        if shiboken6.isValid(self.window_):
            self.window_.removeEventFilter(self)

    def fire(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            self._stop_watching()
            then()


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """Run ``then`` once the window has painted its first frame.

    The workspace's worker would otherwise import SQLAlchemy while the UI thread builds the
    first frame, and the two share the interpreter's lock: the window would show later."""
    _FirstPaint(window, then)
