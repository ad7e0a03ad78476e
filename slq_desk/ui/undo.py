"""Undo/redo for the scoring form: one QUndoCommand per value change, typing merged.

The form keeps its values as strings keyed ``score:KEY``, ``comment:KEY``, ``recommendation``,
``amount``, ``reason``. A command holds the old and new string of one key and asks the form to
apply one or the other; applying goes through the same path as a person's edit, so an undo is
autosaved like any change. Consecutive keystrokes in one text field merge into one command, so
Ctrl+Z takes back a sentence, not a letter.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

MERGE_ID = 7301
# Only free text merges; a score or a recommendation is one step each.
MERGEABLE = ("comment:", "amount", "reason")


class ValueTarget(Protocol):
    def apply_value(self, key: str, value: str) -> None: ...


class SetValueCommand(QUndoCommand):
    def __init__(self, target: ValueTarget, key: str, old: str, new: str, label: str) -> None:
        super().__init__(label)
        self.target = target
        self.key = key
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.target.apply_value(self.key, self.new)

    def undo(self) -> None:
        self.target.apply_value(self.key, self.old)

    def id(self) -> int:
        return MERGE_ID if self.key.startswith(MERGEABLE) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True
