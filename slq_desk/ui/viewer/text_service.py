"""Text, search and character boxes for the UI, computed in the text worker process.

The service is the UI-side half: it sends small requests down a socket to
``text_worker`` (a child process owning every PyMuPDF document, so PyMuPDF never holds the
UI's GIL) and a reader thread turns replies into queued Qt signals. Where a child process
cannot be started (a frozen bundle, a platform without socket pipes) the same worker loop runs
in a thread instead: slower to the UI under load, but correct.

The UI keeps recently used page texts (for selection and copy) in a small LRU; a new search on a
document supersedes the running one, and replies of stale searches are dropped by generation.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections import OrderedDict
from multiprocessing.connection import Connection, Pipe
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from slq_desk.ui.viewer.page_text import PageText

UI_TEXT_PAGES = 128


class TextService(QObject):
    page_text_ready = Signal(str, int, object)  # doc, page, PageText
    search_hits = Signal(str, int, int, object)  # doc, generation, page, list[Rect]
    search_done = Signal(str, int, int)  # doc, generation, total hits
    _page_text_bg = Signal(str, int, object)
    _hits_bg = Signal(str, int, int, object)
    _done_bg = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None, use_process: bool = True) -> None:
        super().__init__(parent)
        self.use_process = use_process and not getattr(sys, "frozen", False)
        self.texts: OrderedDict[tuple[str, int], PageText] = OrderedDict()
        self.process: subprocess.Popen[bytes] | None = None
        self._requested: set[tuple[str, int]] = set()
        self._generation: dict[str, int] = {}
        self._refs: dict[str, int] = {}
        self._conn: Connection | None = None
        self._threads: list[threading.Thread] = []
        self._page_text_bg.connect(self._on_page_text)
        self._hits_bg.connect(self._on_hits)
        self._done_bg.connect(self._on_done)

    # -- worker lifetime -------------------------------------------------------------------
    def start(self) -> None:
        """Start the text worker now (the window does it while the person looks at the queue),
        so the first document opened does not start a process on the UI thread."""
        try:
            self._ensure_worker()
        except (OSError, EOFError):
            pass  # _send tries again, and text features stop if it cannot

    def _ensure_worker(self) -> Connection:
        if self._conn is not None:
            return self._conn
        if self.use_process:
            try:
                ours, theirs = socket.socketpair()
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "slq_desk.ui.viewer.text_worker"],
                    stdin=theirs.fileno(), stdout=subprocess.DEVNULL, close_fds=True)
                theirs.close()
                self._conn = Connection(ours.detach())
            except OSError:
                self.process = None
                self._conn = None
        if self._conn is None:
            from slq_desk.ui.viewer.text_worker import serve

            ours_c, theirs_c = Pipe()

            def run() -> None:
                try:
                    serve(theirs_c)
                finally:
                    theirs_c.close()

            worker = threading.Thread(target=run, name="slq-text-worker", daemon=True)
            worker.start()
            self._threads.append(worker)
            self._conn = ours_c
        reader = threading.Thread(target=self._read, args=(self._conn,), name="slq-text-reader",
                                  daemon=True)
        reader.start()
        self._threads.append(reader)
        return self._conn

    def _send(self, message: tuple[Any, ...]) -> None:
        try:
            self._ensure_worker().send(message)
        except (OSError, EOFError):
            pass  # the worker is gone (shutting down): text features simply stop

    def shutdown(self) -> None:
        if self._conn is None:
            return
        try:
            self._conn.send(("stop",))
        except (OSError, EOFError):
            pass
        if self.process is not None:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._conn.close()
        self._conn = None

    def _read(self, conn: Connection) -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return
            try:
                kind = message[0]
                if kind == "text":
                    self._page_text_bg.emit(message[1], message[2], message[3])
                elif kind == "hits":
                    self._hits_bg.emit(message[1], message[2], message[3], message[4])
                elif kind == "done":
                    self._done_bg.emit(message[1], message[2], message[3])
            except RuntimeError:
                return  # the QObject is gone: the application is closing

    # -- UI-thread API -------------------------------------------------------------------
    def open(self, doc: str, path: Path) -> None:
        self._refs[doc] = self._refs.get(doc, 0) + 1
        if self._refs[doc] == 1:
            self._send(("open", doc, str(path)))

    def release(self, doc: str) -> None:
        count = self._refs.get(doc, 0) - 1
        if count > 0:
            self._refs[doc] = count
            return
        self._refs.pop(doc, None)
        for key in [k for k in self.texts if k[0] == doc]:
            del self.texts[key]
        self._requested = {k for k in self._requested if k[0] != doc}
        self._generation[doc] = self._generation.get(doc, 0) + 1
        self._send(("close", doc))

    def page_text(self, doc: str, page: int) -> PageText | None:
        """The page's text if known; otherwise ask for it (``page_text_ready`` follows)."""
        key = (doc, page)
        text = self.texts.get(key)
        if text is not None:
            self.texts.move_to_end(key)
            return text
        if key not in self._requested and doc in self._refs:
            self._requested.add(key)
            self._send(("text", doc, page))
        return None

    def pending(self) -> int:
        """Page texts asked for and not yet back."""
        return len(self._requested)

    def search(self, doc: str, query: str) -> int:
        """Start a search; returns its generation (results carry it, stale ones are dropped)."""
        generation = self._generation.get(doc, 0) + 1
        self._generation[doc] = generation
        self._send(("search", doc, query, generation))
        return generation

    @Slot(str, int, object)
    def _on_page_text(self, doc: str, page: int, text: PageText) -> None:
        self._requested.discard((doc, page))
        if doc in self._refs:
            self.texts[(doc, page)] = text
            while len(self.texts) > UI_TEXT_PAGES:
                self.texts.popitem(last=False)
            self.page_text_ready.emit(doc, page, text)

    @Slot(str, int, int, object)
    def _on_hits(self, doc: str, generation: int, page: int, rects: object) -> None:
        if self._generation.get(doc) == generation:
            self.search_hits.emit(doc, generation, page, rects)

    @Slot(str, int, int)
    def _on_done(self, doc: str, generation: int, total: int) -> None:
        if self._generation.get(doc) == generation:
            self.search_done.emit(doc, generation, total)
