"""The opinion pre-warm waits while other work runs (its Python work beside an import's stalled
the UI thread at the import's start: issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from slq_desk.ui import signing_actions
from slq_desk.ui.main_window import MainWindow


def test_prewarm_is_put_off_while_an_operation_runs(qtbot, settings, monkeypatch) -> None:
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    started: list[object] = []
    later: list[int] = []
    monkeypatch.setattr(win, "run_operation", lambda op: started.append(op))
    monkeypatch.setattr(signing_actions.QTimer, "singleShot",
                        staticmethod(lambda ms, _slot: later.append(ms)))
    win.synchronous_operations = False  # as in the real window, where the pre-warm runs
    busy = QObject()
    win.operations.add(busy)  # type: ignore[arg-type]  # any running operation
    win.signing._prewarm()
    assert started == [] and later == [signing_actions.PREWARM_RETRY_MS]

    win.operations.discard(busy)  # type: ignore[arg-type]
    win.signing._prewarm()
    assert len(started) == 1  # idle now: it starts
    win.synchronous_operations = True
    started[0].deleteLater()  # type: ignore[attr-defined]
