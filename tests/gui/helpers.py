"""Small helpers shared by the GUI tests."""

from __future__ import annotations

from slq_desk.ui.workspace_data import DocumentRef

WAIT_MS = 15000


def doc_named(pane, name: str) -> DocumentRef:
    return next(d for d in pane.documents() if d.original_name == name)


def open_and_wait(qtbot, pane, name: str) -> DocumentRef:
    doc = doc_named(pane, name)
    pane.open_document(doc)
    qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
    qtbot.waitUntil(pane.is_settled, timeout=WAIT_MS)
    return doc


def wait_settled(qtbot, pane) -> None:
    qtbot.waitUntil(pane.is_settled, timeout=WAIT_MS)
    pane.view.viewport().repaint()
