"""Small pieces the panel-process screens share: read-only table cells, a table, Beijing time,
and the "open file / open folder" buttons shown after every export.

The open buttons hand the path to the desktop through ``ui.outputs`` (the window's one opener,
which tests replace to record the URL instead of starting a viewer).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from slq_desk.desk.service import Desk
from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n, outputs
from slq_desk.ui.operations import Operation, Report
from slq_desk.ui.signing.common import BAD_STYLE, INFO_STYLE, show_message
from slq_desk.ui.theme import muted_qcolor, row_tint_light, themed_tint, tint_text

BEIJING = timezone(timedelta(hours=8))
ALERT_BG = row_tint_light("bad")
OK_BG = row_tint_light("ok")
INFO_BG = row_tint_light("info")



def beijing(value: datetime | None) -> str:
    """A stored UTC time as the window shows it (Beijing time, to the minute)."""
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def item(text: Any, tip: str = "", right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        it.setToolTip(tip)
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


def table(parent: QWidget, headers: list[str], name: str = "") -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.setWordWrap(False)
    t.setTabKeyNavigation(False)
    if name:
        t.setAccessibleName(name)
    return t


def fill_row(t: QTableWidget, row: int, cells: list[QTableWidgetItem],
             bg: QColor | None = None, muted: bool = False) -> None:
    for col, cell in enumerate(cells):
        if bg is not None:
            cell.setBackground(QBrush(themed_tint(bg)))
            cell.setForeground(QBrush(tint_text()))
        if muted:
            cell.setForeground(QBrush(muted_qcolor()))
        t.setItem(row, col, cell)


def open_path(path: Path) -> None:
    """Hand the file or folder to the desktop (``ui.outputs``' one opener)."""
    outputs.desktop_opener(QUrl.fromLocalFile(str(path)))


class OpenButtons(QWidget):
    """"打开文件" and "打开所在文件夹" for the last file written; hidden until there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file = QPushButton(self.tr("打开文件"), self)
        self.open_folder = QPushButton(self.tr("打开所在文件夹"), self)
        self.open_file.clicked.connect(self._open_file)
        self.open_folder.clicked.connect(self._open_folder)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_file)
        row.addWidget(self.open_folder)
        self.hide()

    def _open_file(self) -> None:
        if self.path is not None:
            open_path(self.path)

    def _open_folder(self) -> None:
        if self.path is not None:
            open_path(self.path if self.path.is_dir() else self.path.parent)

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.label.setText("" if path is None else str(path))
        self.setVisible(path is not None)
        if path is not None:
            self.open_file.setEnabled(path.is_file())


class ProcessPage(QWidget):
    """A panel-process tab of the chair's view: shares the view's desk, its one operation at a
    time (progress bar, shutdown wait) and its passphrase prompt."""

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.view = view
        self.desk: Desk = view.desk

    def attempt(self, label: QLabel, work: Callable[[], Any]) -> Any:
        """Run a quick desk call here; bad input is shown on ``label`` and gives None."""
        try:
            return work()
        except SlqError as err:
            show_message(label, localised(err, i18n.current() != "en"), BAD_STYLE)
            return None

    def launch(self, work: Callable[[Report], Any], label: QLabel,
               done: Callable[[Any], None]) -> bool:
        """Run ``work`` as the view's operation (off the GUI thread unless ``run_sync``)."""
        if self.view.is_busy():
            show_message(label, self.tr("另一项操作正在进行，请稍候。"), INFO_STYLE)
            return False
        # No parent: a page closed mid-run must not delete the operation under its thread.
        op = Operation(work)
        op.progress.connect(lambda _d, _t, text: show_message(label, text, INFO_STYLE))
        op.finished.connect(done)
        op.failed.connect(lambda m: show_message(label, self.tr("未完成：{0}").format(m),
                                                 BAD_STYLE))
        op.cancelled.connect(lambda: show_message(label, self.tr("已取消。"), BAD_STYLE))
        self.view._start(op)
        return True

    def identity(self, report: Report) -> Any:
        """The installed signing identity, unlocked (asks the passphrase on the GUI thread)."""
        from slq_desk.ui.signing.signing_ops import unlock_identity

        report(0, 0, self.tr("正在解锁签名密钥…"))
        bridge = self.view._bridge
        return unlock_identity(None, bridge, bridge.notify)


def choose_folder(parent: QWidget, title: str, edit: QLineEdit) -> None:
    path = QFileDialog.getExistingDirectory(parent, title, edit.text())
    if path:
        edit.setText(path)


def path_row(parent: QWidget, edit: QLineEdit, title: str, *, file_filter: str | None = None
             ) -> QWidget:
    """A path field with its 浏览… button (a folder, or a file when ``file_filter`` is given)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    button = QPushButton(QCoreApplication.translate("PanelPaths", "浏览…"), box)

    def browse() -> None:
        if file_filter is None:
            choose_folder(parent, title, edit)
            return
        path, _f = QFileDialog.getOpenFileName(parent, title, edit.text(), file_filter)
        if path:
            edit.setText(path)

    button.clicked.connect(browse)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return box
