"""The one operation framework: one outcome per run, cancel, secrets wiped, waiting on own ops."""

from __future__ import annotations

import threading

import pytest

from slq_desk.errors import BadInput
from slq_desk.ui import operations
from slq_desk.ui.operations import Cancelled, Operation, Secret


def _outcomes(op: Operation) -> list[object]:
    seen: list[object] = []
    op.finished.connect(lambda r: seen.append(("finished", r)))
    op.failed.connect(lambda m: seen.append(("failed", m)))
    op.cancelled.connect(lambda: seen.append("cancelled"))
    op.ended.connect(lambda: seen.append("ended"))
    return seen


def test_finished_carries_the_result_and_progress_is_int_int_str(qapp: object) -> None:
    def work(report: operations.Report) -> int:
        report(1, 2, "half")
        return 42

    op = Operation(work)
    progress: list[tuple[int, int, str]] = []
    op.progress.connect(lambda d, t, s: progress.append((d, t, s)))
    seen = _outcomes(op)
    op.run()
    assert seen == [("finished", 42), "ended"] and progress == [(1, 2, "half")]
    assert op.is_done and op.result == 42 and op.error is None


def test_refusal_and_bug_become_one_failed_message(qapp: object) -> None:
    def refuse(report: operations.Report) -> None:
        raise BadInput("no such application")

    op = Operation(refuse)
    seen = _outcomes(op)
    op.run()
    assert seen == [("failed", "no such application"), "ended"]


def test_cancel_stops_at_the_next_report(qapp: object) -> None:
    steps: list[int] = []

    def work(report: operations.Report) -> None:
        for i in range(5):
            report(i, 5, "")
            steps.append(i)

    op = Operation(work)
    op.progress.connect(lambda d, t, s: op.cancel() if d == 1 else None)
    seen = _outcomes(op)
    op.run()
    assert seen == ["cancelled", "ended"] and steps == [0, 1] and op.error is None


def test_a_closed_prompt_is_a_cancel_not_an_error(qapp: object) -> None:
    def work(report: operations.Report) -> None:
        raise Cancelled()

    op = Operation(work)
    seen = _outcomes(op)
    op.run()
    assert seen == ["cancelled", "ended"]


@pytest.mark.parametrize("outcome", ["finished", "failed", "cancelled"])
def test_secret_is_wiped_whatever_the_outcome(qapp: object, outcome: str) -> None:
    secret = Secret("correct horse")
    read: list[str] = []

    def work(report: operations.Report) -> str:
        read.append(secret.reveal())
        if outcome == "failed":
            raise BadInput("wrong passphrase")
        if outcome == "cancelled":
            raise Cancelled()
        return "signed"

    op = Operation(work, secrets=[secret])
    op.run()
    assert read == ["correct horse"]
    assert secret.cleared and "correct horse" not in repr(secret)
    with pytest.raises(RuntimeError):
        secret.reveal()
    assert "correct horse" not in str(op.error)


def test_start_keeps_the_op_alive_and_wait_waits_on_it(qtbot: object) -> None:
    gate = threading.Event()
    op = Operation(lambda report: gate.wait(10) and "done")
    op.start()
    assert op in operations._running and not op.is_done
    gate.set()
    assert operations.wait([op, None], timeout_s=10)
    qtbot.waitUntil(lambda: op not in operations._running, timeout=5000)  # type: ignore[attr-defined]
    assert op.result == "done"


def test_an_operation_whose_window_is_gone_ends_quietly(qapp: object, capfd: pytest.CaptureFixture[str]) -> None:
    """The window (its parent) destroyed while the work runs on a pool thread — the application
    quitting: the outcome has nobody to go to, and nothing is printed (``gui --open`` of a
    missing application printed a traceback on its way out)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool

    window = QObject()
    gate = threading.Event()
    op = Operation(lambda report: gate.wait(10) and "done", window)
    op.start()
    window.deleteLater()
    del window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(10000)
    assert "Signal source has been deleted" not in capfd.readouterr().err
