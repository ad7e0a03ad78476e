"""Background work as small operation objects that report through signals (Picard / Anki style).

An ``Operation`` wraps a plain function of the core. ``start()`` runs it on the global thread
pool and delivers ``finished(result)`` or ``failed(message)`` on the UI thread (queued signals);
``run()`` runs it right here, which is what tests do to stay deterministic. Progress and
cancellation go through the same object: the function gets ``report(done, total, text)`` and
raises ``Cancelled`` out of it once ``cancel()`` was called, so the core needs no Qt and no
cancellation API of its own — the import's transaction rolls back like any other error.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from slq_desk.errors import SlqError
from slq_desk.workspace import Workspace

Report = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside the work function when the person cancelled; not an error."""


class Operation(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Report], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()
        self.result: Any = None
        self.error: str | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, done: int, total: int, text: str) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.progress.emit(done, total, text)

    def run(self) -> None:
        """Do the work in the calling thread, then emit exactly one of the outcome signals."""
        try:
            if self._cancel.is_set():
                raise Cancelled()
            self.result = self._work(self._report)
        except Cancelled:
            self.cancelled.emit()
        except SlqError as err:
            self.error = str(err)
            self.failed.emit(self.error)
        except Exception as err:  # noqa: BLE001 — a bug or a hostile file: report it, never kill the thread
            self.error = f"{type(err).__name__}: {err}"
            traceback.print_exc()
            self.failed.emit(self.error)
        else:
            self.finished.emit(self.result)
        finally:
            self.done.set()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runner(self))


class _Runner(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        self.op.run()


# --- the operations the window uses ------------------------------------------------------------

def import_operation(ws: Workspace, path: Path, parent: QObject | None = None,
                     run_checks_after: bool = True) -> Operation:
    """Import a package (folder or .zip), then run its 初审 so the list shows amount and findings."""

    def work(report: Report) -> Any:
        from slq_desk.ingest.importer import import_package

        report(0, 0, path.name)
        result = import_package(ws, path, progress=report)
        if run_checks_after:
            from slq_desk.checks.runner import run_checks

            report(1, 1, "初审检查")
            run_checks(ws, result.application_id)
        return result

    return Operation(work, parent)


def checks_operation(ws: Workspace, application_id: str, parent: QObject | None = None) -> Operation:
    def work(report: Report) -> Any:
        from slq_desk.checks.runner import run_checks

        return run_checks(ws, application_id)

    return Operation(work, parent)


def load_operation(ws: Workspace, application_id: str, parent: QObject | None = None) -> Operation:
    """Checklist and calculation of one application, read together (one round trip per open)."""

    def work(report: Report) -> Any:
        from slq_desk.ui.review_data import load_calculation, load_checklist

        return load_checklist(ws, application_id), load_calculation(ws, application_id)

    return Operation(work, parent)


def correction_operation(ws: Workspace, field_id: int, value: str | None, who: str,
                         parent: QObject | None = None) -> Operation:
    def work(report: Report) -> Any:
        from slq_desk.ui.review_data import correct_field

        return correct_field(ws, field_id, value, who)

    return Operation(work, parent)
