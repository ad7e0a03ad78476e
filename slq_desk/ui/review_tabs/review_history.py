"""Undo and redo of the changes a person makes to an application's review data in the window:
facts set (认定事实), a document's kind (更改文档类型), a field corrected, withdrawn or entered
(更正字段值 / 撤回更正 / 补录字段).

Each change went through the desk as an operation (off the UI thread, audited, the checks run
again). Its undo is another such change that puts back what was there before, signed by the
reviewer and audited like the first: the audit log keeps both, nothing is erased. A step is
pushed once its change has succeeded (a refused change leaves none), so its first ``redo()``
does nothing. While a step is applied the history is switched off, so Ctrl+Z cannot start a
second change beside it; if a step fails, the history no longer matches the data and is
emptied, and the window says so beside the reason.

The window's 撤销 / 重做 act on this history while the checklist or the calculation tab is in
front, and on the scoring form's own history while the scoring tab is (``MainWindow.
choose_undo_stack``); the action's text names the step (撤销 认定事实). The history belongs to
one application: opening another empties it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.ui.operations import Operation

State = dict[str, Any]
# Builds the change to ``state`` (the one wanted) as an operation, not started; it may note in
# ``other`` (the state of the way back) what the change learned, e.g. the corrections a
# relabel had no field for.
Apply = Callable[[State, State], "Operation | None"]


class ReviewChange(QUndoCommand):
    def __init__(self, history: ReviewHistory, label: str, apply: Apply, before: State,
                 after: State) -> None:
        super().__init__(label)
        self.history = history
        self.apply = apply
        self.before = before
        self.after = after
        self.made = True  # pushed after the change was made: the push's redo() is not a change

    def redo(self) -> None:
        if self.made:
            self.made = False
            return
        self.history.run(self, self.after, self.before, undoing=False)

    def undo(self) -> None:
        self.history.run(self, self.before, self.after, undoing=True)


class ReviewHistory(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.stack = QUndoStack(self)
        self.stack.setObjectName("ReviewHistory")
        self.application_id: str | None = None
        self.running = False

    def record(self, application_id: str, label: str, apply: Apply, before: State,
               after: State) -> None:
        """A change just made to ``application_id``: one step back and forth."""
        if application_id != self.window.application_id:
            return  # the person moved on while it ran: no step for a screen not shown
        if application_id != self.application_id:
            self.stack.clear()
            self.application_id = application_id
        self.stack.push(ReviewChange(self, label, apply, before, after))

    def forget(self) -> None:
        self.stack.clear()
        self.application_id = None

    def run(self, change: ReviewChange, state: State, other: State, undoing: bool) -> None:
        label = change.text()
        done = self.tr("已撤销：{0}") if undoing else self.tr("已重做：{0}")
        lost = (self.tr("撤销“{0}”未完成，撤销记录已清空") if undoing
                else self.tr("重做“{0}”未完成，撤销记录已清空")).format(label)
        op = change.apply(state, other)
        if op is None:  # no workspace any more
            self._lost(lost)
            return
        self.running = True
        self.window.choose_undo_stack()  # off while it runs
        op.finished.connect(lambda _result: self.window.statusBar().showMessage(done.format(label), 10000))
        op.failed.connect(lambda _message: self._lost(lost))
        op.ended.connect(self._ended)
        self.window.run_operation(op)

    def _ended(self) -> None:
        self.running = False
        self.window.choose_undo_stack()

    def _lost(self, message: str) -> None:
        # Later: the stack is inside the step's undo()/redo() (synchronous operations finish
        # there), and clearing it would delete the step that is running.
        QTimer.singleShot(0, self.stack.clear)
        self.window.statusBar().showMessage(message, 15000)
