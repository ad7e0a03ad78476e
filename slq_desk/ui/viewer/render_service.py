"""Pixels off the UI thread: one render thread owning every open PDFium document.

PyMuPDF holds the GIL while it renders, so a render in a thread freezes the window for a whole
page. PDFium, called through ctypes (pypdfium2), releases the GIL for the duration of the
render, so one background thread can render while the UI thread keeps painting. PDFium is not
thread-safe, hence exactly one thread owns all PDFium documents; the UI thread only queues
requests and receives finished ``QImage`` objects through a queued signal.

PDFium draws straight into the ``QImage`` that is handed over (no intermediate buffer, no copy).
Finished images wait in a small outbox; the render thread signals the UI thread only when the
outbox goes from empty to non-empty, and the UI thread takes everything waiting at once, so a
burst of renders (thumbnails, prefetch) wakes the UI thread once, not once per page.

Requests carry a priority (smaller first) and an owner; an owner can withdraw the requests it
no longer needs (pages scrolled away) with :meth:`RenderService.retain`.

A page predicted cheap (a text page) need not wait for the thread at all: :meth:`render_now`
draws it on the UI thread with a second, UI-owned PyMuPDF copy of the document (see
``fast_path``), which saves the two thread wake-ups of a cold request.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from slq_desk.ui.viewer.fast_path import FastPages, available
from slq_desk.ui.viewer.geometry import PX_PER_PT, PageSize
from slq_desk.ui.viewer.image_cache import ImageCache, RenderKey

# Largest page image (pixels, 4 bytes each). Bigger requests (a hostile page size, or 300 %+
# on a DPR-2 screen) are rendered at this size and stretched: softer, never out of memory.
# Tiling would keep extreme zooms sharp; not done yet.
MAX_PIXELS = 24_000_000
# The fast path's page costs are read ahead in slices of this many seconds of the UI thread,
# one slice every PREPARE_INTERVAL_MS: never a noticeable stall, and idle most of the time.
PREPARE_SLICE = 0.002
PREPARE_INTERVAL_MS = 8


@dataclass(frozen=True)
class DocumentInfo:
    doc: str
    pages: list[PageSize]


def open_error_message(err: Exception) -> str:
    """The reader-facing reason PDFium could not open a file."""
    text = str(err)
    if "password" in text.lower():
        return "该文件已加密（需要密码），无法显示。请向申报单位索取未加密的版本。"
    if isinstance(err, FileNotFoundError):
        return f"找不到文件：{err.filename}"
    if isinstance(err, OSError):
        return f"无法读取文件：{err.strerror or err}"
    return f"该文件已损坏或不是有效的 PDF，无法显示。（{text}）"


class RenderService(QObject):
    """Queue renders for the render thread; results arrive on the UI thread as signals."""

    opened = Signal(str, object)  # doc, DocumentInfo
    failed = Signal(str, str)  # doc, message for the reader
    rendered = Signal(object, object)  # RenderKey, QImage
    # Internal: hands results from the render thread to the UI thread (queued connection).
    _opened_bg = Signal(str, object)
    _failed_bg = Signal(str, str)
    _rendered_bg = Signal()  # the outbox has images

    def __init__(self, cache: ImageCache | None = None, parent: QObject | None = None,
                 fast_path: bool = True) -> None:
        super().__init__(parent)
        self.cache = cache if cache is not None else ImageCache()
        self.infos: dict[str, DocumentInfo] = {}
        self.errors: dict[str, str] = {}
        self._refs: dict[str, int] = {}
        self._paths: dict[str, Path] = {}
        # Documents' UI-thread copies for the synchronous path (UI thread only).
        self.fast_path = fast_path and available()
        self.fast: dict[str, FastPages] = {}
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setInterval(PREPARE_INTERVAL_MS)
        self._prepare_timer.timeout.connect(self._prepare_fast)
        self._cond = threading.Condition()
        self._opens: deque[tuple[str, Path]] = deque()
        self._closes: deque[str] = deque()
        self._queue: dict[RenderKey, tuple[float, str]] = {}  # key → (priority, owner)
        self._inflight: RenderKey | None = None
        self._outbox: deque[tuple[RenderKey, QImage]] = deque()
        self._stop = False
        # When a dict (benchmarks set it), each request's phases are stamped into it with
        # time.perf_counter(): queued, picked, rendered, delivered (and painted, by the view).
        self.trace: dict[RenderKey, dict[str, float]] | None = None
        self._opened_bg.connect(self._on_opened)
        self._failed_bg.connect(self._on_failed)
        self._rendered_bg.connect(self._take_rendered)
        self._thread = threading.Thread(target=self._run, name="slq-render", daemon=True)
        self._thread.start()

    # -- UI-thread API -------------------------------------------------------------------
    def open(self, doc: str, path: Path) -> None:
        """Open (or take another reference to) a document; ``opened`` or ``failed`` follows."""
        self._refs[doc] = self._refs.get(doc, 0) + 1
        if self._refs[doc] > 1:
            if doc in self.infos:
                self.opened.emit(doc, self.infos[doc])
            elif doc in self.errors:
                self.failed.emit(doc, self.errors[doc])
            return
        self._paths[doc] = path
        with self._cond:
            self._opens.append((doc, path))
            self._cond.notify()

    def release(self, doc: str) -> None:
        count = self._refs.get(doc, 0) - 1
        if count > 0:
            self._refs[doc] = count
            return
        self._refs.pop(doc, None)
        self._paths.pop(doc, None)
        fast = self.fast.pop(doc, None)
        if fast is not None:
            fast.close()
        self.infos.pop(doc, None)
        self.errors.pop(doc, None)
        self.cache.drop_document(doc)
        with self._cond:
            for key in [k for k in self._queue if k.doc == doc]:
                del self._queue[key]
            self._closes.append(doc)
            self._cond.notify()

    def request(self, key: RenderKey, priority: float, owner: str) -> None:
        """Ask for ``key`` unless it is cached or already on its way."""
        if key in self.cache:
            return
        with self._cond:
            if key == self._inflight:
                return
            current = self._queue.get(key)
            if current is None or priority < current[0]:
                self._queue[key] = (priority, owner)
                if current is None and self.trace is not None:
                    self.trace[key] = {"queued": time.perf_counter()}
                self._cond.notify()

    def render_now(self, key: RenderKey) -> bool:
        """Draw ``key`` here, on the UI thread, if its page is predicted cheap (see ``fast_path``).

        True when ``key`` is cached (already, or drawn now and ``rendered`` emitted, which
        paints it before this returns); False to leave it to the render thread.
        """
        if key in self.cache:
            return True
        fast = self.fast.get(key.doc)
        if fast is None or not fast.enabled:
            return False
        with self._cond:
            if key == self._inflight:
                return False  # the thread is drawing it already
        started = time.perf_counter()
        image = fast.render(key.page, key.zoom * PX_PER_PT * key.dpr, key.rotation)
        if image is None:
            return False
        with self._cond:
            self._queue.pop(key, None)  # asked for earlier (by this view or another): done now
        if self.trace is not None:
            self.trace[key] = {"queued": started, "fast": time.perf_counter()}
        image.setDevicePixelRatio(key.dpr)
        self.cache.put(key, image)
        self.rendered.emit(key, image)
        return True

    def retain(self, owner: str, keep: set[RenderKey]) -> None:
        """Withdraw ``owner``'s queued requests that are not in ``keep``."""
        with self._cond:
            for key, (_, who) in list(self._queue.items()):
                if who == owner and key not in keep:
                    del self._queue[key]

    def pending(self) -> int:
        with self._cond:
            return (len(self._queue) + (1 if self._inflight is not None else 0) + len(self._opens)
                    + len(self._outbox))

    def shutdown(self) -> None:
        self._prepare_timer.stop()
        for fast in self.fast.values():
            fast.close()
        self.fast.clear()
        with self._cond:
            self._stop = True
            self._queue.clear()
            self._cond.notify()
        self._thread.join(timeout=10)

    # -- results, on the UI thread --------------------------------------------------------
    @Slot(str, object)
    def _on_opened(self, doc: str, info: DocumentInfo) -> None:
        if doc not in self._refs:
            return  # released before it finished opening
        self.infos[doc] = info
        path = self._paths.get(doc)
        if self.fast_path and path is not None and doc not in self.fast:
            try:
                self.fast[doc] = FastPages(path, info.pages)
                self._prepare_timer.start()
            except Exception:  # noqa: BLE001 - no second copy: every page goes to the render thread
                pass
        self.opened.emit(doc, info)

    @Slot()
    def _prepare_fast(self) -> None:
        """One slice of reading ahead the open documents' page costs (see ``FastPages.prepare``)."""
        for fast in self.fast.values():
            if fast.prepare(PREPARE_SLICE):
                return
        self._prepare_timer.stop()

    @Slot(str, str)
    def _on_failed(self, doc: str, message: str) -> None:
        if doc not in self._refs:
            return
        self.errors[doc] = message
        self.failed.emit(doc, message)

    @Slot()
    def _take_rendered(self) -> None:
        """Take every image the render thread has finished (one signal may stand for many)."""
        while True:
            with self._cond:
                if not self._outbox:
                    return
                key, image = self._outbox.popleft()
            self._on_rendered(key, image)

    def _on_rendered(self, key: RenderKey, image: QImage) -> None:
        if key.doc not in self._refs:
            return  # the document was closed while this page rendered: never shown
        if self.trace is not None and key in self.trace:
            self.trace[key]["delivered"] = time.perf_counter()
        self.cache.put(key, image)
        self.rendered.emit(key, image)

    # -- the render thread ----------------------------------------------------------------
    def _run(self) -> None:
        # Imported with the first document, not while the window builds its first frame: the
        # import is Python work that would share the interpreter lock with it (issue 18, item 1).
        pdfium: Any = None
        documents: dict[str, Any] = {}
        try:
            while True:
                with self._cond:
                    while not (self._stop or self._opens or self._closes or self._queue):
                        self._cond.wait()
                    if self._stop:
                        return
                    closing = self._closes.popleft() if self._closes else None
                    opening = self._opens.popleft() if closing is None and self._opens else None
                    key: RenderKey | None = None
                    if closing is None and opening is None:
                        key = min(self._queue, key=lambda k: self._queue[k][0])
                        del self._queue[key]
                        self._inflight = key
                        if self.trace is not None and key in self.trace:
                            self.trace[key]["picked"] = time.perf_counter()
                if closing is not None:
                    pdf = documents.pop(closing, None)
                    if pdf is not None:
                        pdf.close()
                elif opening is not None:
                    if pdfium is None:
                        import pypdfium2

                        pdfium = pypdfium2
                        if self.fast_path:
                            # Here, not when the UI thread opens its copy: the import takes
                            # ~100 ms of the interpreter, in slices on this thread.
                            import pymupdf  # noqa: F401
                    self._open_in_thread(pdfium, documents, opening[0], opening[1])
                elif key is not None:
                    image = self._render_in_thread(pdfium, documents, key)
                    if self.trace is not None and key in self.trace:
                        self.trace[key]["rendered"] = time.perf_counter()
                    with self._cond:
                        self._inflight = None
                        wake = image is not None and not self._outbox
                        if image is not None:
                            self._outbox.append((key, image))
                    if wake:
                        self._rendered_bg.emit()
        except RuntimeError:
            pass  # the QObject was deleted without shutdown(): the application is exiting
        finally:
            for pdf in documents.values():
                pdf.close()

    def _open_in_thread(self, pdfium: Any, documents: dict[str, Any], doc: str, path: Path) -> None:
        try:
            if doc in documents:
                documents.pop(doc).close()
            pdf = pdfium.PdfDocument(str(path))
            pages = []
            for i in range(len(pdf)):
                page = pdf[i]
                rotation = page.get_rotation()
                w, h = page.get_size()  # as displayed, i.e. after the page's /Rotate
                page.close()
                if rotation in (90, 270):
                    w, h = h, w
                pages.append(PageSize(float(w), float(h), rotation))
            if not pages:
                pdf.close()
                raise ValueError("文件中没有页面")
            documents[doc] = pdf
            self._opened_bg.emit(doc, DocumentInfo(doc, pages))
        except Exception as err:  # noqa: BLE001 - any failure of a hostile file becomes a message
            self._failed_bg.emit(doc, open_error_message(err))

    def _render_in_thread(self, pdfium: Any, documents: dict[str, Any], key: RenderKey) -> QImage | None:
        pdf = documents.get(key.doc)
        if pdf is None or not 0 <= key.page < len(pdf):
            return None
        scale = key.zoom * PX_PER_PT * key.dpr
        try:
            page = pdf[key.page]
            try:
                w, h = page.get_size()
                if w * h * scale * scale > MAX_PIXELS:
                    # A hostile or huge page: render what memory allows; the view stretches it.
                    scale = 0.999 * (MAX_PIXELS / max(w * h, 1.0)) ** 0.5  # PDFium rounds up
                image = render_into_qimage(pdfium, page, scale, key.rotation)
            finally:
                page.close()
        except Exception:  # noqa: BLE001 - a page PDFium cannot draw must not stop the others
            # A flat grey stand-in, cached like a page, so the view settles and shows the gap.
            image = QImage(8, 8, QImage.Format.Format_RGB32)
            image.fill(0xFFD0D0D0)
        image.setDevicePixelRatio(key.dpr)
        return image


def render_into_qimage(pdfium: Any, page: Any, scale: float, rotation: int) -> QImage:
    """Render ``page`` with PDFium directly into the pixel buffer of a new ``QImage``.

    PDFium's BGRx is Qt's RGB32 on little-endian machines, so PDFium can draw into the QImage's
    own memory: no intermediate buffer (which ctypes would zero first) and no copy of a
    several-megabyte page afterwards. The QImage owns its memory, so it outlives the bitmap.
    """
    made: list[QImage] = []

    def into_qimage(width: int, height: int, format: int, rev_byteorder: bool = False) -> Any:
        if format != pdfium.raw.FPDFBitmap_BGRx or rev_byteorder:
            raise ValueError(f"unexpected PDFium bitmap format {format}")
        image = QImage(width, height, QImage.Format.Format_RGB32)
        if image.isNull():
            raise MemoryError(f"no memory for a {width}×{height} page image")
        stride = image.bytesPerLine()
        buffer = (ctypes.c_ubyte * (stride * height)).from_buffer(image.bits())
        made.append(image)
        return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder,
                                           buffer=buffer, stride=stride)

    bitmap = page.render(scale=scale, rotation=rotation, prefer_bgrx=True,
                         fill_color=(255, 255, 255, 255), bitmap_maker=into_qimage)
    bitmap.close()
    return made[0]
