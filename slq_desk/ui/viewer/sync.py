"""Synchronised scrolling of two page views by anchor, not by scroll fraction.

When sync is switched on, each view's current position (page + fraction, see
``geometry.Layout.position_of``) becomes its anchor. From then on, moving one view by Δ pages
moves the other by the same Δ from its own anchor, so a 40-page contract and its 47-page
revision stay aligned exactly where the reviewer aligned them. Switching it off and on again
re-anchors at the current positions; opening another document in either pane does too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from slq_desk.ui.viewer.page_view import PageView


class SyncController(QObject):
    toggled = Signal(bool)

    def __init__(self, left: PageView, right: PageView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views = (left, right)
        self.enabled = False
        self.anchors = (0.0, 0.0)
        self._moving = False
        left.position_changed.connect(lambda pos: self._follow(0, pos))
        right.position_changed.connect(lambda pos: self._follow(1, pos))
        left.document_shown.connect(self._on_document_shown)
        right.document_shown.connect(self._on_document_shown)

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            self.reanchor()
        if enabled != self.enabled:
            self.enabled = enabled
            self.toggled.emit(enabled)

    def toggle(self) -> None:
        self.set_enabled(not self.enabled)

    @Slot()
    def reanchor(self) -> None:
        self.anchors = (self.views[0].position(), self.views[1].position())

    @Slot(str)
    def _on_document_shown(self, doc: str) -> None:
        if self.enabled:
            self.reanchor()

    def _follow(self, source: int, position: float) -> None:
        if not self.enabled or self._moving:
            return
        other = 1 - source
        target_view = self.views[other]
        if target_view.doc is None or self.views[source].doc is None:
            return
        self._moving = True
        try:
            target_view.set_position(self.anchors[other] + position - self.anchors[source])
        finally:
            self._moving = False
