"""Outputs in reach: "open file", "open folder" (and "print…" for a PDF) after every export.

``OutputBar`` is a small strip any window adds below its result: ``bar.show_file(path)`` says
where the file went and offers the buttons. Opening goes through one ``Opener`` (by default
``QDesktopServices.openUrl``); tests and other windows pass their own, so nothing is launched
during a test. ``open_file`` / ``open_folder`` are the same actions as plain functions.

Reusable by any window: ``OutputBar(parent, opener=None, printable=True, mnemonics=True)``
(Alt+F open file, Alt+D open folder, Alt+P print; ``mnemonics=False`` where the host window
uses those letters); the print button (PDF files only) opens ``ui.printing.PrintPdfDialog``
with a preview.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from slq_desk.ui import theme

Opener = Callable[[QUrl], bool]


def desktop_opener(url: QUrl) -> bool:
    """The system's handler for the file or folder (a PDF reader, the file manager)."""
    return DEFAULT_OPENER[0](url)


# The one place every window's "open" ends up when it was given no opener of its own; tests
# replace the entry to see what would be opened without starting a desktop program.
DEFAULT_OPENER: list[Opener] = [QDesktopServices.openUrl]


def open_file(path: Path, opener: Opener | None = None) -> bool:
    """Open ``path`` with the system's application for it; False when it is gone or refused."""
    if not path.is_file():
        return False
    return (opener or desktop_opener)(QUrl.fromLocalFile(str(path.resolve())))


def open_folder(path: Path, opener: Opener | None = None) -> bool:
    """Open the folder holding ``path`` (or ``path`` itself when it is a folder)."""
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        return False
    return (opener or desktop_opener)(QUrl.fromLocalFile(str(folder.resolve())))


class OutputBar(QWidget):
    """"已导出：name  [打开文件] [打开所在文件夹] [打印…]" — hidden until ``show_file``."""

    opened = Signal(Path)  # the file or folder that was handed to the opener
    failed = Signal(str)  # what could not be opened, said to the person too

    def __init__(self, parent: QWidget | None = None, *, opener: Opener | None = None,
                 printable: bool = True, mnemonics: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("OutputBar")
        self.opener = opener
        self.printable = printable
        self.path: Path | None = None
        self.label = QLabel(self)
        self.label.setObjectName("OutputBarLabel")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.open_button = QPushButton(self.tr("打开文件(&F)"), self)
        self.open_button.setObjectName("OpenFileButton")
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("打开所在文件夹(&D)"), self)
        self.folder_button.setObjectName("OpenFolderButton")
        self.folder_button.clicked.connect(self.open_folder)
        self.print_button = QPushButton(self.tr("打印(&P)…"), self)
        self.print_button.setObjectName("PrintButton")
        self.print_button.clicked.connect(self.print_file)
        if not mnemonics:  # the host window's own letters come first (Alt+D, Alt+P …)
            for button in (self.open_button, self.folder_button, self.print_button):
                button.setText(re.sub(r"\(&\w\)", "", button.text()).replace("&", ""))
        self.message = QLabel(self)
        self.message.setStyleSheet(theme.error_css())
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.hide()

    def show_file(self, path: Path, text: str | None = None) -> None:
        """Show the bar for ``path``: ``text`` (default "已导出：name") and the buttons."""
        self.path = Path(path)
        self.label.setText(text or self.tr("已导出：{0}").format(self.path.name))
        self.label.setToolTip(str(self.path))
        self.print_button.setVisible(self.printable and self.path.suffix.lower() == ".pdf")
        self.message.hide()
        self.show()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.failed.emit(text)

    def open_file(self) -> bool:
        if self.path is None:
            return False
        if open_file(self.path, self.opener):
            self.opened.emit(self.path)
            return True
        self._say(self.tr("无法打开文件：{0}").format(self.path))
        return False

    def open_folder(self) -> bool:
        if self.path is None:
            return False
        if open_folder(self.path, self.opener):
            self.opened.emit(self.path.parent)
            return True
        self._say(self.tr("无法打开文件夹：{0}").format(self.path.parent))
        return False

    def print_file(self) -> None:
        if self.path is None:
            return
        from slq_desk.ui.printing import PrintPdfDialog

        dialog = PrintPdfDialog(self.path, self.window())
        dialog.open()
