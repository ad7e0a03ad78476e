"""A worker process that reads untrusted files, so a hostile one can neither hang nor crash us.

PyMuPDF calls cannot be interrupted from another thread, and a malformed file can make MuPDF
spin, eat memory or (rarely) crash. So files are read in a separate process, one per package
rather than one per file (a new process costs an interpreter start and the PyMuPDF import):
each file gets a time limit; past it the process is killed, the file gets a finding, and a new
process takes the next file. The worker's address space is capped, so a decompression bomb
inside a PDF fails that file instead of the machine.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any

from slq_desk.ingest.analyse import FileReport, analyse_file, failed_report
from slq_desk.ingest.limits import DEFAULT_LIMITS, Limits

# "spawn": a fresh interpreter, safe whatever threads (Qt, SQLite) the parent runs.
_CONTEXT = multiprocessing.get_context("spawn")


Analyse = Callable[[str, bytes, int, "str | None"], FileReport]


def _serve(conn: multiprocessing.connection.Connection, memory_bytes: int,
           max_pages: int, analyse: Analyse) -> None:
    if memory_bytes:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except (ImportError, ValueError, OSError):
            pass  # not on this platform; the time limit still holds
    # Tell the parent the interpreter and imports are up: the per-file clock starts after this,
    # so a slow start on a loaded laptop is never mistaken for a hanging file.
    try:
        conn.send(_READY)
    except (OSError, ValueError):
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        name, data, kind = job
        try:
            result: Any = analyse(name, data, max_pages, kind)
        except MemoryError:
            result = failed_report(name, data, "pdf_broken", f"读取“{name}”所需内存超出上限，已放弃",
                                   f"reading '{name}' needed more memory than allowed; gave up")
        except Exception as err:  # never let one file take the worker down with it
            result = failed_report(name, data, "pdf_broken",
                                   f"文件“{name}”无法读取（{type(err).__name__}）",
                                   f"'{name}' cannot be read ({type(err).__name__}: {err})"[:300])
        try:
            conn.send(result)
        except (OSError, ValueError):
            return


_READY = "ready"
# How long a fresh reader process may take to start (interpreter + PyMuPDF import).
STARTUP_TIMEOUT_S = 120.0


class ParseWorker:
    """Reads files one at a time in a child process with a per-file time limit."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS, analyse: Analyse = analyse_file,
                 start: bool = True) -> None:
        # ``analyse`` must be a module-level function: the child process imports it by name.
        self.limits = limits
        self.analyse_fn = analyse
        self._proc: BaseProcess | None = None
        self._conn: multiprocessing.connection.Connection | None = None
        self._ready = False
        self.restarts = 0
        if start:
            # Start now: the child's interpreter start-up and imports (~0.2 s) then overlap
            # with the caller's unpacking and hashing instead of delaying the first file.
            self._start()

    def __enter__(self) -> ParseWorker:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _start(self) -> multiprocessing.connection.Connection:
        if self._conn is None or self._proc is None or not self._proc.is_alive():
            self._stop(kill=True)
            parent, child = _CONTEXT.Pipe()
            proc = _CONTEXT.Process(target=_serve, daemon=True, name="slq-desk-reader",
                                    args=(child, self.limits.worker_memory_bytes,
                                          self.limits.max_pages, self.analyse_fn))
            proc.start()
            child.close()
            self._proc, self._conn = proc, parent
            self._ready = False
        return self._conn

    def _wait_ready(self, conn: multiprocessing.connection.Connection) -> None:
        if self._ready:
            return
        if not conn.poll(STARTUP_TIMEOUT_S) or conn.recv() != _READY:
            raise OSError("the reader process did not start")
        self._ready = True

    def analyse(self, name: str, data: bytes) -> FileReport:
        return self.analyse_as(name, data, None)

    def analyse_as(self, name: str, data: bytes, kind: str | None) -> FileReport:
        """Read a file as ``kind`` (None: classify it)."""
        conn = self._start()
        try:
            self._wait_ready(conn)
            conn.send((name, data, kind))
            ready = conn.poll(self.limits.file_timeout_s)
            if ready:
                result = conn.recv()
                if isinstance(result, FileReport):
                    return result
        except (EOFError, OSError, BrokenPipeError):
            self._stop(kill=True)
            self.restarts += 1
            return failed_report(name, data, "pdf_broken",
                                 f"读取“{name}”时解析进程异常退出，文件无法读取",
                                 f"the reader process died on '{name}'; the file cannot be read")
        self._stop(kill=True)
        self.restarts += 1
        seconds = f"{self.limits.file_timeout_s:g}"
        return failed_report(name, data, "pdf_timeout",
                             f"读取“{name}”超过 {seconds} 秒仍未完成，已中止，需人工核对",
                             f"reading '{name}' took longer than {seconds} s and was stopped")

    def _stop(self, kill: bool) -> None:
        conn, proc = self._conn, self._proc
        self._conn = self._proc = None
        if conn is not None:
            if not kill:
                try:
                    conn.send(None)
                except (OSError, ValueError):
                    pass
            conn.close()
        if proc is not None:
            if kill:
                proc.kill()
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=5)

    def close(self) -> None:
        self._stop(kill=False)


class InlineReader:
    """The same interface without a process, for trusted files in tests and benchmarks."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def __enter__(self) -> InlineReader:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def analyse(self, name: str, data: bytes) -> FileReport:
        return analyse_file(name, data, self.limits.max_pages)

    def analyse_as(self, name: str, data: bytes, kind: str | None) -> FileReport:
        return analyse_file(name, data, self.limits.max_pages, kind)

    def close(self) -> None:
        return None
