"""A worker process that reads untrusted files, so a hostile one can neither hang nor crash us.

PyMuPDF calls cannot be interrupted from another thread, and a malformed file can make MuPDF
spin, eat memory or (rarely) crash. So files are read in a separate process, one per package
rather than one per file (a new process costs an interpreter start and the PyMuPDF import):
each file gets a time limit; past it the process is killed, the file gets a finding, and a new
process takes the next file. The worker's address space is capped, so a decompression bomb
inside a PDF fails that file instead of the machine.

Scanned pages are read by OCR in the same process (``extract/ocr.py``). A page takes about a
second, so the worker sends a progress message after each OCR'd page: it restarts the
file's clock (the time limit is per page for OCR, a 100-page scan is not a hanging file) and
reaches the caller's ``on_page`` callback, which may raise to cancel (the process is then
killed, since the file cannot be abandoned half way otherwise). OCR results are cached in the
workspace by file hash and page, so a second import of the same scan costs nothing.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any

from slq_desk.ingest.analyse import (
    FileReport,
    OcrContext,
    analyse_file,
    failed_report,
    set_ocr_context,
)
from slq_desk.ingest.limits import DEFAULT_LIMITS, Limits

# "spawn": a fresh interpreter, safe whatever threads (Qt, SQLite) the parent runs.
_CONTEXT = multiprocessing.get_context("spawn")


Analyse = Callable[[str, bytes, int, "str | None"], FileReport]
# on_page(done, total): one more OCR'd page of the file being read; may raise to cancel.
OnPage = Callable[[int, int], None]
_PAGE = "page"
# How much nicer than the window the reader process runs while it OCRs (see _lower_priority):
# enough for the UI thread to win the CPU when it wakes; not so much that a page on a machine
# busy with other work takes longer than the per-file time limit (10 did, under load).
READER_NICENESS = 5


def _ocr_context(ocr_cache: str | None, send: OnPage | None) -> OcrContext:
    from slq_desk.extract.ocr import OcrCache

    return OcrContext(cache=OcrCache(ocr_cache) if ocr_cache else None, on_page=send,
                      before_ocr=_lower_priority)


_lowered: list[bool] = []


def _lower_priority() -> None:
    """Run OCR below the window: it keeps every core busy for minutes, and on a two-core
    machine a reader at the window's priority takes the CPU from the UI thread for tens of
    milliseconds at a time (the 223 ms stalls of a scanned import). A niced reader still gets
    every idle cycle, so the import is no slower on an otherwise quiet machine. Only from the
    first OCR'd page on: reading text pages is short work with a per-file time limit, which a
    busy machine must not turn into timeouts. Once per process (nice cannot be undone)."""
    if _lowered:
        return
    _lowered.append(True)
    try:
        os.nice(READER_NICENESS)
    except (AttributeError, OSError):
        pass  # not on this platform (Windows has no nice); the import still works


def _serve(conn: multiprocessing.connection.Connection, memory_bytes: int,
           max_pages: int, analyse: Analyse, ocr_cache: str | None = None) -> None:
    if memory_bytes:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except (ImportError, ValueError, OSError):
            pass  # not on this platform; the time limit still holds
    def page_done(done: int, total: int) -> None:
        conn.send((_PAGE, done, total))

    set_ocr_context(_ocr_context(ocr_cache, page_done))
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
        # Thousands of item rows go as a few JSON strings, not one object per value: unpickling
        # those took the window's process seconds in one call that never lets go of the GIL.
        result.extraction.pack_items()
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
                 start: bool = True, ocr_cache: str | Path | None = None) -> None:
        # ``analyse`` must be a module-level function: the child process imports it by name.
        self.limits = limits
        self.analyse_fn = analyse
        self.ocr_cache = str(ocr_cache) if ocr_cache else None
        self._proc: BaseProcess | None = None
        self._conn: multiprocessing.connection.Connection | None = None
        self._ready = False
        self.restarts = 0
        if start:
            # Start now: the child's interpreter start-up and imports (~0.2 s) then overlap
            # with the caller's unpacking and hashing instead of delaying the first file.
            self._start()

    @property
    def pid(self) -> int | None:
        """The reader process's id while it runs."""
        return self._proc.pid if self._proc is not None and self._proc.is_alive() else None

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
                                          self.limits.max_pages, self.analyse_fn,
                                          self.ocr_cache))
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

    def analyse(self, name: str, data: bytes, on_page: OnPage | None = None) -> FileReport:
        return self.analyse_as(name, data, None, on_page)

    def analyse_as(self, name: str, data: bytes, kind: str | None,
                   on_page: OnPage | None = None) -> FileReport:
        """Read a file as ``kind`` (None: classify it); ``on_page`` hears of each OCR'd page."""
        conn = self._start()
        try:
            self._wait_ready(conn)
            conn.send((name, data, kind))
            # Each OCR'd page restarts the clock: the limit is per page, not per scanned book.
            while conn.poll(self.limits.file_timeout_s):
                result = conn.recv()
                if isinstance(result, FileReport):
                    return result
                if isinstance(result, tuple) and result and result[0] == _PAGE:
                    if on_page is not None:
                        on_page(int(result[1]), int(result[2]))
                    continue
                break  # anything else is a confused worker: treat it as a hang
        except (EOFError, OSError, BrokenPipeError):
            self._stop(kill=True)
            self.restarts += 1
            return failed_report(name, data, "pdf_broken",
                                 f"读取“{name}”时解析进程异常退出，文件无法读取",
                                 f"the reader process died on '{name}'; the file cannot be read")
        except BaseException:
            # Cancelled from on_page (or interrupted): the worker is mid-file; drop it.
            self._stop(kill=True)
            raise
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

    def __init__(self, limits: Limits = DEFAULT_LIMITS, ocr_cache: str | Path | None = None) -> None:
        self.limits = limits
        self.ocr_cache = str(ocr_cache) if ocr_cache else None

    def __enter__(self) -> InlineReader:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def analyse(self, name: str, data: bytes, on_page: OnPage | None = None) -> FileReport:
        return self.analyse_as(name, data, None, on_page)

    def analyse_as(self, name: str, data: bytes, kind: str | None,
                   on_page: OnPage | None = None) -> FileReport:
        previous = set_ocr_context(_ocr_context(self.ocr_cache, on_page))
        try:
            return analyse_file(name, data, self.limits.max_pages, kind)
        finally:
            set_ocr_context(previous)

    def close(self) -> None:
        return None
