"""The 备注 tab: a reviewer's notes on the open application, oldest first, each with its
author and Beijing time; a box to add one (Ctrl+Enter).

Notes are kept in the workspace through ``Desk.add_note`` (append-only, audited), signed with
the reviewer's name from the settings — never the login name: without a name the window asks
for it first and the text typed so far stays in the box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from slq_desk.clock import to_beijing
from slq_desk.desk.service import Desk
from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n, operations
from slq_desk.ui.theme import error_css, muted_css

if TYPE_CHECKING:
    from slq_desk.desk.overview import Note


class NotesTab(QWidget):
    identity_needed = Signal()  # a note was written before the reviewer gave a name
    added = Signal(object)  # the Note just kept

    def __init__(self, author: Callable[[], str], parent: QWidget | None = None,
                 run: Callable[[operations.Operation], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NotesTab")
        self.author = author
        # The window's run_operation: the notes are read on a worker (tracked, so shutdown waits
        # for it) and opening an application never waits on the database here (issue 18,
        # item 3). None: read here, at once.
        self.run = run
        self._generation = 0  # a load still running for a previous application is dropped
        self.desk: Desk | None = None
        self.application_id: str | None = None
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("NotesList")
        self.list.setAccessibleName(self.tr("备注列表"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty = QLabel(self.tr("尚无备注。"), self)
        self.empty.setStyleSheet(muted_css())
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("NoteEditor")
        self.editor.setAccessibleName(self.tr("新备注"))
        self.editor.setPlaceholderText(self.tr("写下备注（例如待核实的问题、与申报单位的沟通），Ctrl+Enter 保存"))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(90)
        self.editor.textChanged.connect(self._update_buttons)
        self.signature = QLabel(self)
        self.signature.setStyleSheet(muted_css())
        self.add_button = QPushButton(self.tr("添加备注(&A)"), self)
        self.add_button.setObjectName("AddNoteButton")
        self.add_button.setToolTip(self.tr("保存备注 (Ctrl+Enter)"))
        self.add_button.clicked.connect(lambda: self.add_note())
        QShortcut(QKeySequence("Ctrl+Return"), self.editor,
                  context=Qt.ShortcutContext.WidgetShortcut).activated.connect(lambda: self.add_note())
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_css())
        self.error.hide()
        foot = QHBoxLayout()
        foot.addWidget(self.signature, 1)
        foot.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        layout.addLayout(foot)
        self.set_context(None, None)

    def set_context(self, desk: Desk | None, application_id: str | None) -> None:
        """Show the notes of ``application_id`` (nothing, for None); a half-typed note is kept
        only while the application stays the same."""
        if application_id != self.application_id or desk is not self.desk:
            self.editor.clear()
        self.desk, self.application_id = desk, application_id
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.list.clear()
        self.error.hide()
        if self.desk is None or self.application_id is None:
            self.header.setText(self.tr("未打开申报。"))
            self.empty.show()
            self._update_buttons()
            return
        self.header.setText(self.tr("申报 {0} 的备注").format(self.application_id))
        generation, desk, application_id = self._generation, self.desk, self.application_id
        op = operations.Operation(lambda _report: desk.notes(application_id))

        def current() -> bool:
            return shiboken6.isValid(self) and generation == self._generation

        def shown(notes: list[Note]) -> None:
            if current():
                self._show(notes)

        def failed(message: str) -> None:
            if current():
                self._show([])
                self._say(message)

        op.finished.connect(shown)
        op.failed.connect(failed)
        if self.run is None:
            op.run()
        else:
            self.run(op)

    def _show(self, notes: list[Note]) -> None:
        self.list.clear()
        for note in notes:
            when = to_beijing(note.created_at).strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(self.tr("{0} · {1}（北京时间）").format(note.author, when)
                                   + "\n" + note.text)
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            item.setToolTip(note.text)
            self.list.addItem(item)
        self.empty.setVisible(not notes)
        if notes:
            self.list.scrollToBottom()
        self._update_buttons()

    def _update_buttons(self) -> None:
        name = self.author().strip()
        self.signature.setText(self.tr("署名：{0}").format(name) if name
                               else self.tr("署名：（未设置，保存时将询问姓名）"))
        has_app = self.desk is not None and self.application_id is not None
        self.editor.setEnabled(has_app)
        self.add_button.setEnabled(has_app and bool(self.editor.toPlainText().strip()))

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def add_note(self) -> bool:
        """Keep the typed note; True when it was saved."""
        if self.desk is None or self.application_id is None:
            return False
        text = self.editor.toPlainText().strip()
        if not text:
            return False
        author = self.author().strip()
        if not author:
            self.identity_needed.emit()  # the window asks; the text stays in the box
            return False
        try:
            note = self.desk.add_note(self.application_id, author, text)
        except SlqError as err:
            self._say(localised(err, i18n.current() != "en"))
            return False
        self.editor.clear()
        self.reload()
        self.added.emit(note)
        return True
