"""The opinion pre-warm waits while other work runs (its Python work beside an import's stalled
the UI thread at the import's start: issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from slq_desk.ui import signing_actions
from slq_desk.ui.main_window import MainWindow


def _recording_window(qtbot, settings, monkeypatch) -> tuple[MainWindow, list[object], list[int]]:
    """A window whose operations started and timers asked for are recorded, not run."""
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    started: list[object] = []
    later: list[int] = []
    monkeypatch.setattr(win, "run_operation", lambda op: started.append(op))
    monkeypatch.setattr(signing_actions.QTimer, "singleShot",
                        staticmethod(lambda ms, _slot: later.append(ms)))
    win.synchronous_operations = False  # as in the real window, where the pre-warm runs
    return win, started, later


def test_prewarm_is_put_off_while_an_operation_runs(qtbot, settings, monkeypatch) -> None:
    win, started, later = _recording_window(qtbot, settings, monkeypatch)
    busy = QObject()
    win.operations.add(busy)  # type: ignore[arg-type]  # any running operation
    win.signing._prewarm()
    assert started == [] and later == [signing_actions.PREWARM_RETRY_MS]

    win.operations.discard(busy)  # type: ignore[arg-type]
    win.signing._prewarm()
    # Idle now, but work has just ended (an import, whose application the window opens next):
    # one more quiet interval first.
    assert started == [] and later == [signing_actions.PREWARM_RETRY_MS] * 2
    win.signing._prewarm()
    assert len(started) == 1  # quiet for a whole interval: it starts
    win.synchronous_operations = True
    started[0].deleteLater()  # type: ignore[attr-defined]


def test_prewarm_waits_for_the_window_to_settle(qtbot, settings, monkeypatch) -> None:
    """Steps of an opening still queued (no operation running between them) hold it off too."""
    win, started, later = _recording_window(qtbot, settings, monkeypatch)
    monkeypatch.setattr(win, "is_settled", lambda: False)
    win.signing._prewarm()
    assert started == [] and later == [signing_actions.PREWARM_RETRY_MS]
    win.synchronous_operations = True


def test_a_workspace_shown_warms_the_opening_modules_once(qtbot, settings, workspace_path,
                                                          monkeypatch) -> None:
    """The first opening of an application would import the review service and its statistics
    on the UI thread: they are imported on a worker once the queue is shown, once per window."""
    from slq_desk.desk import opening
    from slq_desk.workspace import Workspace

    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    started: list[object] = []
    monkeypatch.setattr(win, "run_operation", lambda op: started.append(op))
    calls: list[bool] = []
    monkeypatch.setattr(opening, "warm_for_opening", lambda: calls.append(True))
    win.synchronous_operations = False
    ws = Workspace.open(workspace_path)
    win.set_workspace(ws)
    qtbot.waitUntil(lambda: len(started) == 1)
    assert calls == []  # not on the UI thread
    started[0]._work(lambda *_: None)  # type: ignore[attr-defined]  # what the worker runs
    assert calls == [True]
    win.set_workspace(ws)  # the same window again: nothing more to import
    qtbot.wait(20)
    assert len(started) == 1
    win.synchronous_operations = True
    win.set_workspace(None)
    ws.close()


def test_the_window_is_built_without_its_review_tabs(qtbot, settings) -> None:
    """The 检查清单 / 评分 / 测算 tabs are built after the first paint (start-up, issue 18); the
    facts actions connect to their buttons when they are built, not by building them early."""
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    assert win.review_tabs_if_built() is None
    checklist, _scoring, calculation = win.build_review_tabs()
    for requested in (checklist.facts_requested, calculation.facts_requested):
        win.statusBar().clearMessage()
        requested.emit()  # wired to the facts actions: no workspace, so it says what is missing
        assert win.statusBar().currentMessage() == "请先打开工作区"


def test_after_the_warm_up_what_is_alive_is_out_of_the_collectors_way(qtbot, settings,
                                                                       workspace_path) -> None:
    """A full collection walked the whole window (~250,000 objects, over 100 ms with the
    interpreter held) whenever it came: once the window is warm, what is alive is frozen."""
    import gc

    from slq_desk.workspace import Workspace

    gc.unfreeze()
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    win.synchronous_operations = False
    ws = Workspace.open(workspace_path)
    try:
        win.set_workspace(ws)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=30000)
        qtbot.waitUntil(lambda: not win.operations, timeout=30000)
    finally:
        gc.unfreeze()  # the rest of the test session collects as before
        win.synchronous_operations = True
        win.set_workspace(None)
        ws.close()
