"""The pane's find bar: query, hit count, previous/next; hidden until Ctrl+F."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class SearchBar(QWidget):
    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("在文档中查找（不区分大小写）"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("在文档中查找"))
        self.count = QLabel(self)
        self.count.setMinimumWidth(56)
        self.previous = QToolButton(self)
        self.previous.setText(self.tr("上一个"))
        self.previous.setToolTip(self.tr("上一个匹配 (Shift+F3)"))
        self.next = QToolButton(self)
        self.next.setText(self.tr("下一个"))
        self.next.setToolTip(self.tr("下一个匹配 (F3)"))
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("关闭查找 (Esc)"))
        close.setAccessibleName(self.tr("关闭查找"))
        for widget in (self.edit, self.count, self.previous, self.next, close):
            layout.addWidget(widget)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.returnPressed.connect(self._on_return)
        self.previous.clicked.connect(self.previous_requested)
        self.next.clicked.connect(self.next_requested)
        close.clicked.connect(self.close_bar)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, current: int | None, total: int, searching: bool) -> None:
        if not self.edit.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("查找中…") if searching else self.tr("无匹配"))
        else:
            position = f"{current + 1} / {total}" if current is not None else f"{total}"
            self.count.setText(position + (self.tr(" …") if searching else ""))

    def _on_return(self) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_requested.emit()
        else:
            self.next_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
