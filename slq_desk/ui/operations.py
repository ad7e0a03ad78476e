"""Background work as small operation objects that report through signals (Picard / Anki style).

The one operation framework of the window. An ``Operation`` wraps a plain function (usually a
``Desk`` call). ``start()`` runs it on the global thread pool and delivers exactly one outcome
on the UI thread (queued signals): ``finished(result)``, ``failed(message)`` or ``cancelled()``,
then ``ended()``. ``run()`` runs it right here, which is what tests do to stay deterministic
(each widget's ``run_sync`` / the window's ``synchronous_operations`` is that one switch).

Progress and cancellation go through the same object: the function gets
``report(done, total, text)`` and ``report`` raises ``Cancelled`` once ``cancel()`` was called,
so the core needs no Qt and no cancellation API of its own — the import's transaction rolls
back like any other error. A closed passphrase prompt raises ``Cancelled`` too.

Secrets: a passphrase handed to an operation travels as a ``Secret``; the operation wipes it
when it ends, whatever the outcome, so no reference outlives the call (Python strings cannot be
zeroed in place; dropping every reference is what can be done). Messages never carry it.

Keep-alive: ``start()`` holds the operation until it has ended. Shutdown waits on the
operations a widget started (``wait(ops)``), never on the whole thread pool.
"""

from __future__ import annotations

import gc
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n

if TYPE_CHECKING:  # the desk service (SQLAlchemy) is imported once a workspace is open
    from slq_desk.desk.review_data import CalculationData, ChecklistData
    from slq_desk.desk.service import Desk
    from slq_desk.workspace import Workspace

Report = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside the work function when the person cancelled; not an error."""


class Secret:
    """A passphrase handed to an operation: readable while it runs, wiped when it ends."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value: str | None = value

    def reveal(self) -> str:
        if self._value is None:
            raise RuntimeError("the secret was already cleared")
        return self._value

    def clear(self) -> None:
        self._value = None

    @property
    def cleared(self) -> bool:
        return self._value is None

    def __repr__(self) -> str:  # never the value, even in a traceback or a log
        return "Secret(cleared)" if self._value is None else "Secret(***)"


_running: set[Operation] = set()


class Operation(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()  # after whichever outcome: for busy flags and keep-alive

    def __init__(self, work: Callable[[Report], Any], parent: QObject | None = None, *,
                 secrets: Iterable[Secret] = ()) -> None:
        super().__init__(parent)
        self._work: Callable[[Report], Any] | None = work
        self._secrets = list(secrets)
        self._cancel = threading.Event()
        self.done = threading.Event()
        self.result: Any = None
        self.error: str | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def is_done(self) -> bool:
        return self.done.is_set()

    def _report(self, done: int, total: int, text: str) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.progress.emit(done, total, text)

    def run(self) -> None:
        """Do the work in the calling thread, then emit exactly one of the outcome signals."""
        outcome: Callable[[], None]
        try:
            if self._cancel.is_set() or self._work is None:
                raise Cancelled()
            self.result = self._work(self._report)
        except Cancelled:
            outcome = self.cancelled.emit
        except SlqError as err:
            # The core's Chinese sentence in Chinese mode ("bad.zip 既不是文件夹…").
            self.error = localised(err, i18n.current() != "en")
            outcome = lambda: self.failed.emit(self.error)  # noqa: E731
        except Exception as err:  # noqa: BLE001 — a bug or a hostile file: report it, never kill the thread
            # Our exceptions never carry a passphrase: secrets travel as Secret objects only.
            self.error = f"{type(err).__name__}: {err}"
            traceback.print_exc()
            outcome = lambda: self.failed.emit(self.error)  # noqa: E731
        else:
            outcome = lambda: self.finished.emit(self.result)  # noqa: E731
        finally:
            for secret in self._secrets:
                secret.clear()
            self._secrets.clear()
            self._work = None  # the closure may hold the secret object too
            self.done.set()
        try:
            outcome()
            self.ended.emit()
        except RuntimeError:
            # Its parent (the window) was destroyed while the work ran on a pool thread: the
            # application is quitting (``gui --open`` of an application that is not there exits
            # while the opening's warm-up still runs) and there is nobody left to tell.
            if shiboken6.isValid(self):
                raise

    def start(self, pool: QThreadPool | None = None) -> Operation:
        """Run on the thread pool; the operation is kept alive until it has ended."""
        _running.add(self)
        self.ended.connect(lambda: _running.discard(self))
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def launch(self, synchronous: bool) -> Operation:
        """``run()`` here when ``synchronous`` (tests), else ``start()``."""
        if synchronous:
            self.run()
            return self
        return self.start()


class _Runner(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        self.op.run()


def wait(ops: Iterable[Operation | None], timeout_s: float = 30.0) -> bool:
    """For shutdown: wait until these operations (the ones a widget started) have ended."""
    return all(op.done.wait(timeout_s) for op in ops if op is not None)


def _desk(where: Desk | Workspace) -> Desk:
    from slq_desk.desk.service import Desk

    return where if isinstance(where, Desk) else Desk(where)


# --- the operations the window uses ------------------------------------------------------------

def import_operation(where: Desk | Workspace, path: Path, parent: QObject | None = None,
                     run_checks_after: bool = True) -> Operation:
    """Import a package (folder or .zip), then run its 初审 so the list shows amount and findings."""
    desk = _desk(where)

    def work(report: Report) -> Any:
        report(0, 0, path.name)
        # What is alive now (modules, the window, caches) lives as long as the window: out of
        # the collector's way. A full collection walks every tracked object with the GIL held,
        # and the import and its checks trigger several: with the whole process in each, that
        # was 300–700 ms without a heartbeat on the UI thread (issue 18, item 3). Frozen
        # objects are still freed when their last reference goes.
        gc.freeze()
        result = desk.import_package(path, progress=report)
        if run_checks_after:
            report(1, 1, "初审检查")
            desk.run_checks(result.application_id)
        return result

    return Operation(work, parent)


def checks_operation(where: Desk | Workspace, application_id: str,
                     parent: QObject | None = None) -> Operation:
    desk = _desk(where)
    return Operation(lambda report: desk.run_checks(application_id), parent)


def load_operation(where: Desk | Workspace, application_id: str,
                   parent: QObject | None = None, reviewer: str | None = None) -> Operation:
    """Checklist and calculation of one application, read together (one round trip per open);
    with ``reviewer`` (an opening), that reviewer's scoring form too — the form itself, or the
    ``SlqError`` saying why there is none (no rubric for the policy) — else None."""
    desk = _desk(where)

    def work(report: Report) -> tuple[ChecklistData, CalculationData, object]:
        form: object = None
        if reviewer is not None:
            try:
                form = desk.review_form(application_id, reviewer)
            except SlqError as err:  # shown in the form, in the window's language
                form = err
        return desk.checklist(application_id), desk.calculation(application_id), form

    return Operation(work, parent)

