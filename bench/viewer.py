"""Viewer benchmark: request→shown latency, UI-thread stalls, memory with a 1,000-page document.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/viewer.py [--pages 60] [--big 1000]

Figures are printed beside peers measured in the same process, as ratios:
  * request→shown p50/p95 (the view asks for a page until its sharp image is painted) against
    raw PyMuPDF ``get_pixmap`` and raw pypdfium2 ``render`` of the same pages at the same size,
    each raw render run right after the viewer's request of the same page (same load), in two
    rows: a cold random-access request (the image cache emptied, nothing prefetched) and "next
    page in reading order" (the page after the one being read, which the view prefetched),
    with the cold request's time split into phases (render thread woken, render, hand-off to
    the UI thread, paint; or, for a page predicted cheap and drawn on the UI thread by its own
    PyMuPDF copy, prediction + render, then paint), and, for the cold row, beside the floor of
    any threaded viewer: a bare thread rendering with pypdfium2 and handing the image to the UI
    thread by a queued signal, which draws it (two thread wake-ups, which grow with the load),
    and the floor of any viewer rendering on the UI thread: PyMuPDF drawing the page into a
    QImage and one blit of it into a window-sized image (the render plus the least paint);
  * the UI thread's longest stall (a 2 ms QTimer heartbeat) while the view scrolls through 50
    pages, against the same 50 pages rendered by PyMuPDF in a background thread (the approach
    ARCHITECTURE.md warns about);
  * resident memory with a 1,000-page document open and scrolled, against the process before.
Aims (issues 6, 18): p95 shown ≤ 1.5 × the faster raw engine; longest stall < 20 ms; RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb(pid: int | None = None) -> float:
    with open(f"/proc/{pid or 'self'}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60, help="pages of the latency document")
    parser.add_argument("--big", type=int, default=1000, help="pages of the memory document")
    parser.add_argument("--zoom", type=float, default=1.0)
    parser.add_argument("--memory-only", action="store_true",
                        help="only part 3 (run by part 3 itself in a fresh process)")
    args = parser.parse_args()

    import pymupdf
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from slq_desk.ui.qt_fonts import install_cjk_font
    from slq_desk.ui.viewer.geometry import PX_PER_PT
    from slq_desk.ui.viewer.pane import ViewerPane
    from slq_desk.ui.viewer.render_service import RenderService
    from slq_desk.ui.viewer.text_service import TextService
    from slq_desk.ui.workspace_data import DocumentRef
    from tests.gui.factory import make_pdf

    app = QApplication([])
    install_cjk_font(app)
    tmp = Path(tempfile.mkdtemp(prefix="slq-bench-"))
    doc_path = tmp / "contract.pdf"
    doc_path.write_bytes(make_pdf(args.pages, lines_per_page=40))

    def pump_until(condition, timeout: float = 60.0) -> None:
        """Run the event loop (idle between events, as in the real app) until ``condition``."""
        if condition():
            return
        loop = QEventLoop()
        deadline = time.perf_counter() + timeout
        failed = []

        def check() -> None:
            if condition():
                loop.quit()
            elif time.perf_counter() > deadline:
                failed.append(True)
                loop.quit()

        poll = QTimer()
        poll.setInterval(1)
        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()
        if failed:
            raise TimeoutError("benchmark step did not finish")

    renderer, texts = RenderService(), TextService()
    pane = ViewerPane(renderer, texts)
    pane.resize(1000, 900)
    pane.show()
    view = pane.view
    if args.memory_only:
        memory_part(args, app, pane, pump_until, tmp)
        renderer.shutdown()
        texts.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
        return 0
    scan_path = tmp / "scanned.pdf"
    scan_path.write_bytes(make_scanned_pdf(doc_path, min(args.pages, 30)))
    print(f"viewer benchmark — zoom {args.zoom:.0%}, load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    print("\n1. request → shown (the view scrolls to a page until its sharp image is painted; "
          "before each request the\n   render thread and text worker are idle, as after reading a page)")
    print(f"   {'':50}{'p50':>11}{'p95':>11}")
    for label, path, count in ((f"{args.pages}-page Chinese text A4", doc_path, args.pages),
                               ("30-page scanned A4 (200 dpi JPEG)", scan_path, min(args.pages, 30))):
        latency_part(label, path, count, pane, pump_until, args.zoom)

    doc = DocumentRef(1, "bench-doc", "contract", doc_path.name, doc_path, args.pages, True, None)
    pane.open_document(doc)
    pump_until(pane.is_loaded)
    view.set_zoom(args.zoom)
    pump_until(pane.is_settled)
    dpr = view.dpr()
    scale = args.zoom * PX_PER_PT * dpr
    matrix = pymupdf.Matrix(scale, scale)

    # 2. UI-thread stalls while 50 pages render.
    def heartbeat_during(work_started, is_done) -> float:
        """Longest gap between 2 ms heartbeats, less the interval, while the work runs."""
        gaps: list[float] = []
        last = [time.perf_counter()]
        beat = QTimer()
        beat.setInterval(2)

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        beat.timeout.connect(tick)
        beat.start()
        last[0] = time.perf_counter()
        work_started()
        pump_until(is_done, timeout=120)
        beat.stop()
        return max(gaps) - 0.002 if gaps else float("nan")

    idle_until = time.perf_counter() + 1.0
    stall_idle = heartbeat_during(lambda: None, lambda: time.perf_counter() > idle_until)
    print("\n2. UI thread's longest stall while pages render (2 ms QTimer heartbeat)")
    print(f"   idle event loop for 1 s (noise floor)        {ms(stall_idle)}   (the machine's own "
          f"scheduling jitter; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    pane.close_document()
    for label, path, count in ((f"{min(50, args.pages)} text pages", doc_path, min(50, args.pages)),
                               (f"{min(30, args.pages)} scanned pages", scan_path, min(30, args.pages))):
        flick = DocumentRef(3, f"flick-{path.name}", "other", path.name, path, count, True, None)
        pane.open_document(flick)
        pump_until(pane.is_loaded)
        view.set_zoom(args.zoom)
        pump_until(pane.is_settled)
        renderer.cache.drop_document(flick.key)
        step = {"page": 0}
        stepper = QTimer()
        stepper.setInterval(40)  # a page every 40 ms: a fast flick through the document

        def advance(step: dict[str, int] = step, count: int = count) -> None:
            if step["page"] < count - 1:
                step["page"] += 1
                view.go_to_page(step["page"])

        stepper.timeout.connect(advance)
        rendered_pages: set[int] = set()

        def note(key: Any, image: Any, pages: set[int] = rendered_pages) -> None:
            pages.add(key.page)

        renderer.rendered.connect(note)

        def viewer_done(step: dict[str, int] = step, count: int = count) -> bool:
            # Pages scrolled past before their render finished are withdrawn, as in real use.
            return step["page"] >= count - 1 and pane.is_settled()

        view.go_to_page(0)
        stall_viewer = heartbeat_during(stepper.start, viewer_done)
        stepper.stop()
        renderer.rendered.disconnect(note)
        pane.close_document()

        done = threading.Event()

        def mupdf_thread(path: Path = path, count: int = count, done: threading.Event = done) -> None:
            local = pymupdf.open(path)
            for page in range(count):
                local[page].get_pixmap(matrix=matrix)
            local.close()
            done.set()

        stall_mupdf = heartbeat_during(lambda: threading.Thread(target=mupdf_thread).start(),
                                       done.is_set)
        print(f"   {label}: viewer flicking through them   {ms(stall_viewer)}   "
              f"[{len(rendered_pages)} pages rendered, on demand or prefetched] "
              f"(aim < 20 ms: {'met' if stall_viewer < 0.020 else 'NOT met'})")
        print(f"   {label}: PyMuPDF get_pixmap in a thread {ms(stall_mupdf)}   (peer; "
              f"viewer / peer = {stall_viewer / stall_mupdf:.2f}×)")

    # 3. Memory, in a fresh process: this one has PyMuPDF's own caches from the raw peers.
    print(flush=True)
    import subprocess

    subprocess.run([sys.executable, __file__, "--memory-only", "--big", str(args.big)], check=False)

    pane.close_document()
    renderer.shutdown()
    texts.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def make_scanned_pdf(source: Path, pages: int) -> bytes:
    """Image-only pages, as a scanner makes them: each page of ``source`` as a 200-dpi JPEG."""
    import pymupdf

    text = pymupdf.open(source)
    scanned = pymupdf.open()
    for n in range(pages):
        jpeg = text[n % text.page_count].get_pixmap(dpi=200).tobytes("jpg", jpg_quality=80)
        page = scanned.new_page(width=text[0].rect.width, height=text[0].rect.height)
        page.insert_image(page.rect, stream=jpeg)
    data = scanned.tobytes(garbage=3, deflate=True)
    text.close()
    scanned.close()
    return data


def wait_for(signal: Any, condition: Any, timeout: float = 60.0, start: Any = None) -> None:
    """Call ``start`` (if given), then run the event loop until ``condition`` holds, checking it
    only when ``signal`` fires (connected before ``start``, so no emission is missed).

    No polling timer runs meanwhile: a timer waking the UI thread every millisecond would
    compete for the GIL with the render thread and be part of what is measured.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    expired: list[bool] = []

    def check(*_: object) -> None:
        if condition():
            loop.quit()

    def give_up() -> None:
        expired.append(True)
        loop.quit()

    signal.connect(check)
    if start is not None:
        start()
    if not condition():
        QTimer.singleShot(round(timeout * 1000), give_up)
        loop.exec()
    signal.disconnect(check)
    if expired and not condition():
        raise TimeoutError("benchmark step did not finish")


def make_handoff_peer(path: Path, scale: float) -> Any:
    """The floor of a viewer that renders off the UI thread: one bare thread renders the page
    with pypdfium2 into a QImage and a queued signal hands it to the UI thread, which draws it.
    No cache, queue, layout or widget: what is left is two thread wake-ups and the GIL."""
    import pypdfium2 as pdfium
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QImage, QPainter

    from slq_desk.ui.viewer.render_service import render_into_qimage

    class HandOffPeer(QObject):
        done = Signal(object)

        def __init__(self) -> None:
            super().__init__()
            self.cond = threading.Condition()
            self.job: int | None = None
            self.stop = False
            self.shown: float | None = None
            self.screen = QImage(1000, 900, QImage.Format.Format_ARGB32_Premultiplied)
            self.done.connect(self._draw)
            self.thread = threading.Thread(target=self._run, daemon=True)
            self.thread.start()

        def _run(self) -> None:
            pdf = pdfium.PdfDocument(str(path))
            while True:
                with self.cond:
                    while self.job is None and not self.stop:
                        self.cond.wait()
                    if self.stop:
                        break
                    page, self.job = self.job, None
                p = pdf[page]
                image = render_into_qimage(pdfium, p, scale, 0)
                p.close()
                self.done.emit(image)
            pdf.close()

        def _draw(self, image: Any) -> None:
            painter = QPainter(self.screen)
            painter.drawImage(0, 0, image)
            painter.end()
            self.shown = time.perf_counter()

        def measure(self, page: int) -> float:
            self.shown = None
            t0: list[float] = []

            def start() -> None:
                t0.append(time.perf_counter())
                with self.cond:
                    self.job = page
                    self.cond.notify()

            wait_for(self.done, lambda: self.shown is not None, start=start)
            assert self.shown is not None
            return self.shown - t0[0]

        def close(self) -> None:
            with self.cond:
                self.stop = True
                self.cond.notify()
            self.thread.join(timeout=10)

    return HandOffPeer()


def make_ui_thread_peer(mdoc: Any, scale: float) -> Any:
    """The floor of any viewer that renders on the UI thread: PyMuPDF draws the page straight
    into a QImage (as ``fast_path`` does, no prediction) and the image is drawn once into a
    window-sized image over the background. No widget, cache, signal or repaint: what is left
    is the render and one blit of an image just written, the least a page shown costs."""
    from pymupdf import mupdf
    from PySide6.QtGui import QColor, QImage, QPainter

    screen = QImage(1000, 900, QImage.Format.Format_ARGB32_Premultiplied)
    background = QColor(82, 86, 89)

    def measure(number: int) -> float:
        t0 = time.perf_counter()
        page = mupdf.fz_load_page(mdoc.this, number)
        ctm = mupdf.fz_scale(scale, scale)
        box = mupdf.fz_round_rect(mupdf.fz_transform_rect(mupdf.fz_bound_page(page), ctm))
        image = QImage(box.x1 - box.x0, box.y1 - box.y0, QImage.Format.Format_RGB32)
        pixmap = mupdf.fz_new_pixmap_with_bbox_and_data(
            mupdf.fz_device_bgr(), box, mupdf.FzSeparations(), 1,
            mupdf.python_mutable_buffer_data(image.bits()))
        mupdf.fz_clear_pixmap_with_value(pixmap, 255)
        device = mupdf.fz_new_draw_device(mupdf.FzMatrix(), pixmap)
        mupdf.fz_run_page(page, device, ctm, mupdf.FzCookie())
        mupdf.fz_close_device(device)
        painter = QPainter(screen)
        painter.fillRect(screen.rect(), background)
        painter.drawImage(100, 0, image)
        painter.end()
        return time.perf_counter() - t0

    return measure


def latency_part(label: str, path: Path, count: int, pane: Any, pump_until: Any, zoom: float) -> None:
    """Request → shown for pages of ``path``, cold and next-in-reading-order, beside raw renders."""
    import pymupdf
    import pypdfium2 as pdfium

    from slq_desk.ui.viewer.geometry import PX_PER_PT
    from slq_desk.ui.viewer.image_cache import render_key
    from slq_desk.ui.workspace_data import DocumentRef

    view, renderer, texts = pane.view, pane.renderer, pane.texts
    doc = DocumentRef(9, f"latency-{path.name}", "other", path.name, path, count, True, None)
    pane.open_document(doc)
    pump_until(pane.is_loaded)
    view.set_zoom(zoom)
    pump_until(pane.is_settled)
    dpr = view.dpr()
    scale = zoom * PX_PER_PT * dpr
    mdoc = pymupdf.open(path)
    matrix = pymupdf.Matrix(scale, scale)
    pdoc = pdfium.PdfDocument(str(path))
    handoff = make_handoff_peer(path, scale)
    floor: list[float] = []
    ui_floor: list[float] = []
    ui_floor_peer = make_ui_thread_peer(mdoc, scale)

    def idle() -> None:
        """The reader has been on the page a while: prefetch and text extraction are done."""
        pump_until(lambda: view.is_idle() and renderer.pending() == 0 and texts.pending() == 0)

    def raw_mupdf(page: int) -> float:
        t0 = time.perf_counter()
        mdoc[page].get_pixmap(matrix=matrix)
        return time.perf_counter() - t0

    def raw_pdfium(page: int) -> float:
        t0 = time.perf_counter()
        p = pdoc[page]
        p.render(scale=scale, prefer_bgrx=True).close()
        p.close()
        return time.perf_counter() - t0

    def request(page: int) -> tuple[float, Any, bool]:
        key = render_key(doc.key, page, view.zoom, view.rotation, dpr)
        cached = key in renderer.cache
        view.shown_latency.pop(key, None)  # a page already on screen is measured afresh
        wait_for(view.page_shown, lambda: key in view.shown_latency,
                 start=lambda: view.go_to_page(page))
        return view.shown_latency[key], key, cached

    peers: dict[str, tuple[list[float], list[float]]] = {}
    rows: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    renderer.trace = {}
    cold_stamps: list[dict[str, float]] = []
    # Cold random access: a page far from the last one, the cache emptied first.
    pages = list(range(1, count))
    random.Random(18).shuffle(pages)
    pages = pages[:max(2, min(len(pages), 30))]
    for name, targets, before in (("cold, random page (cache emptied)", pages, None),
                                  ("next page in reading order", list(range(0, min(count - 1, 30))), -1)):
        shown: list[float] = []
        mu: list[float] = []
        pd: list[float] = []
        hit = 0
        for n, page in enumerate(targets):
            if before is None:
                idle()
                renderer.cache.drop_document(doc.key)
                target = page
            else:
                view.go_to_page(page)  # the page being read; its next pages are prefetched
                idle()
                target = page + 1
            latency, key, cached = request(target)
            shown.append(latency)
            hit += cached
            if before is None:
                cold_stamps.append(dict(renderer.trace.get(key, {})))
            idle()
            # The raw peers on the same page right after it, alternating which goes first.
            for fn, out in ((raw_mupdf, mu), (raw_pdfium, pd))[:: 1 if n % 2 else -1]:
                out.append(fn(target))
            if before is None:
                floor.append(handoff.measure(target))
                ui_floor.append(ui_floor_peer(target))
        rows[name], peers[name], hits[name] = shown, (mu, pd), hit
    renderer.trace = None
    handoff.close()
    mdoc.close()
    pdoc.close()
    pane.close_document()

    print(f"   {label}, at load average {os.getloadavg()[0]:.1f}")
    for name, shown in rows.items():
        mu, pd = peers[name]
        best = min(pct(mu, .95), pct(pd, .95))
        print(f"     viewer: {name:41}{ms(pct(shown, .5))}{ms(pct(shown, .95))}   "
              f"({len(shown)} requests, {hits[name]} served from the cache)")
        print(f"       raw PyMuPDF get_pixmap, same pages{'':12}{ms(pct(mu, .5))}{ms(pct(mu, .95))}")
        print(f"       raw pypdfium2 render, same pages{'':14}{ms(pct(pd, .5))}{ms(pct(pd, .95))}")
        print(f"       shown p95 / raw pypdfium2 p95 = {pct(shown, .95) / pct(pd, .95):.2f}×, "
              f"/ raw PyMuPDF p95 = {pct(shown, .95) / pct(mu, .95):.2f}×  (aim ≤ 1.5× the faster raw "
              f"engine: {'met' if pct(shown, .95) <= 1.5 * best else 'NOT met'})")
        if name.startswith("cold") and floor:
            print(f"       floor: bare thread renders, queued signal, drawn{ms(pct(floor, .5))}"
                  f"{ms(pct(floor, .95))}   (viewer / floor p95 = {pct(shown, .95) / pct(floor, .95):.2f}×)")
        if name.startswith("cold") and ui_floor:
            best_raw = min(pct(mu, .95), pct(pd, .95))
            print(f"       floor: PyMuPDF on the UI thread, drawn once{ms(pct(ui_floor, .5))}"
                  f"{ms(pct(ui_floor, .95))}   (floor p95 / faster raw p95 = "
                  f"{pct(ui_floor, .95) / best_raw:.2f}×; viewer / floor p95 = "
                  f"{pct(shown, .95) / pct(ui_floor, .95):.2f}×)")
    phases = [("queued → render thread picks it up", "queued", "picked"),
              ("PDFium renders into the QImage", "picked", "rendered"),
              ("queued signal → UI thread has it", "rendered", "delivered"),
              ("cached → update → painted", "delivered", "painted")]
    fast_phases = [("predicted cheap, drawn on the UI thread (PyMuPDF)", "queued", "fast"),
                   ("drawn → painted", "fast", "painted")]
    for how, chosen, which in (("by the render thread", phases, "picked"),
                               ("on the UI thread (fast path)", fast_phases, "fast")):
        stamps = [t for t in cold_stamps if "queued" in t and "painted" in t and which in t]
        if stamps:
            print(f"     where a cold request's time goes, {len(stamps)} of {len(cold_stamps)} "
                  f"drawn {how}, p50 / p95:")
            for text, a, b in chosen:
                values = [t[b] - t[a] for t in stamps if a in t and b in t]
                if values:
                    print(f"       {text:48}{ms(pct(values, .5))}{ms(pct(values, .95))}")


def memory_part(args: argparse.Namespace, app: object, pane: object, pump_until: object,
                tmp: Path) -> None:
    """Part 3: RSS of a process showing one pane with a 1,000-page document, scrolled and searched."""
    from slq_desk.ui.workspace_data import DocumentRef
    from tests.gui.factory import make_pdf

    view, renderer, texts = pane.view, pane.renderer, pane.texts  # type: ignore[attr-defined]
    big_path = tmp / "big.pdf"
    t0 = time.perf_counter()
    big_path.write_bytes(make_pdf(args.big, title="使用记录", lines_per_page=12))
    made = time.perf_counter() - t0
    before = rss_mb()
    big = DocumentRef(2, "bench-big", "usage_log", big_path.name, big_path, args.big, True, None)
    t0 = time.perf_counter()
    pane.open_document(big)  # type: ignore[attr-defined]
    pump_until(pane.is_loaded)  # type: ignore[attr-defined,operator]
    opened = time.perf_counter() - t0
    pump_until(pane.is_settled)  # type: ignore[attr-defined,operator]
    for page in range(0, args.big, max(1, args.big // 40)):  # scroll through the document
        view.go_to_page(page)
        pump_until(pane.is_settled)  # type: ignore[attr-defined,operator]
    pane.search("金额")  # type: ignore[attr-defined]
    pump_until(lambda: not pane._searching, 300)  # type: ignore[attr-defined,operator]
    after = rss_mb()
    worker = texts.process.pid if texts.process is not None else None
    worker_rss = rss_mb(worker) if worker else 0.0
    print(f"3. memory with a {args.big}-page document open (generated in {made:.1f} s; fresh process)")
    print(f"   open to first layout {ms(opened)}; scrolled through 40 places; searched "
          f"({pane.hit_count()} hits); image cache {renderer.cache.bytes / 2**20:.0f} MB "  # type: ignore[attr-defined]
          f"in {len(renderer.cache)} images (budget {renderer.cache.budget / 2**20:.0f} MB)")
    print(f"   RSS with the window shown, before open {before:6.0f} MB   after {after:6.0f} MB   "
          f"(aim < 400 MB: {'met' if after < 400 else 'NOT met'}; ratio after / before = {after / before:.2f}×)")
    print(f"   text worker process RSS {worker_rss:6.0f} MB (separate process; both together "
          f"{after + worker_rss:.0f} MB)")
    pane.close_document()  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
