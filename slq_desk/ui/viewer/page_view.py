"""The continuous page view: pages stacked vertically, drawn from the image cache.

The view never renders anything itself: it asks the render service for the pages it shows
(plus the next pages in reading order, so "next page" is served from the cache; the service
draws the page looked at on the spot when it is cheap, see ``fast_path``), draws the sharp
image when it is cached and the nearest cached zoom until then, and paints search hits, the
text selection and the evidence box on top. Its position is
a continuous "page + fraction" (see ``geometry.Layout.position_of``), which is what zoom changes
preserve and what synchronised scrolling exchanges.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QWidget

from slq_desk.ui.viewer.evidence import Evidence, paint_evidence
from slq_desk.ui.viewer.geometry import PAGE_GAP, PX_PER_PT, Layout, Rect, unmap_point
from slq_desk.ui.viewer.image_cache import RenderKey, render_key
from slq_desk.ui.viewer.render_service import DocumentInfo, RenderService
from slq_desk.ui.viewer.text_service import TextService

ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0]
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
# Pages rendered ahead of the visible ones in the direction the reader is moving (reading order:
# forwards unless they last moved back) and behind them. Each A4 page at 100 % is 3.5 MB (14 MB on
# a DPR-2 screen), well inside the image cache's budget.
PREFETCH_AHEAD = 3
PREFETCH_BEHIND = 1
# The visible pages' text (for selection) is asked for once the reader has stayed this long:
# asking at once woke the text worker process in the middle of every page turn, where it took
# a core from the paint, and extracted the text of every page flicked past.
TEXT_DELAY_MS = 150
SHADOW = QColor(0, 0, 0, 60)
PAPER = QColor("white")
BACKGROUND = QColor(82, 86, 89)
# The shadow always falls on the background (pages are PAGE_GAP apart), so it is drawn as the
# blend itself, an opaque fill: blending a translucent 2-pixel strip the height of a page cost
# ~0.3 ms of every paint, a tenth of a cold page's request → shown.
SHADOW_ON_BACKGROUND = QColor(*(round(c * (1 - SHADOW.alpha() / 255)) for c in
                                (BACKGROUND.red(), BACKGROUND.green(), BACKGROUND.blue())))
HIT_COLOR = QColor(255, 213, 0, 110)
CURRENT_HIT_COLOR = QColor(255, 128, 0, 150)
SELECTION_COLOR = QColor(0, 120, 215, 80)


class PageView(QAbstractScrollArea):
    position_changed = Signal(float)
    current_page_changed = Signal(int)
    zoom_changed = Signal(float)
    page_shown = Signal(object)  # RenderKey, the first time its sharp image is painted
    selection_changed = Signal(str)
    document_shown = Signal(str)  # the document's pages are laid out (position 0)

    def __init__(self, renderer: RenderService, texts: TextService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.texts = texts
        self.owner = f"view-{id(self)}"
        self.doc: str | None = None
        self.info: DocumentInfo | None = None
        self.zoom = 1.0
        self.fit: str | None = "width"  # "width" | "page" | None (a fixed percentage)
        self.rotation = 0
        self.dpr_override: float | None = None
        self.layout_: Layout | None = None
        self.evidence: Evidence | None = None
        self.hits: dict[int, list[Rect]] = {}
        self.current_hit: tuple[int, int] | None = None
        self.selection: tuple[int, int, int] | None = None  # page, first char, last char
        # When each visible page was first wanted (cached or not) and how long until its sharp
        # image was painted: the request → shown latency the benchmark reports.
        self.requested_at: dict[RenderKey, float] = {}
        self.shown_latency: dict[RenderKey, float] = {}
        self._current_page = -1
        self._direction = 1  # +1 reading forwards, -1 when the reader last moved back
        # True once every visible page has been painted from its sharp image since the last
        # move; only then are the next pages prefetched, so their rendering never competes
        # with showing the page the reader asked for.
        self._painted_sharp = False
        self._painted_since_move = False  # a paint happened since the last scroll
        self._quiet = False
        self._pinned: tuple[int, int] | None = None  # (page, scroll value) of go_to_page
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(False)
        # paintEvent covers every pixel of the viewport: Qt need not paint the window's
        # background under it first (a full-viewport fill on every repaint).
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setSingleStep(40)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self._request_texts_now)
        renderer.rendered.connect(self._on_rendered)

    # -- document ----------------------------------------------------------------------
    def set_document(self, doc: str, info: DocumentInfo) -> None:
        self.renderer.retain(self.owner, set())
        self.doc, self.info = doc, info
        self.evidence = None
        self.hits, self.current_hit, self.selection = {}, None, None
        self.shown_latency.clear()
        self.requested_at.clear()
        self._current_page = -1
        self._direction = 1
        # A new document starts at its top; that is not a move the other pane should follow.
        self._quiet = True
        try:
            self._relayout(keep_position=False)
            self.verticalScrollBar().setValue(0)
            self._after_scroll()
        finally:
            self._quiet = False
        self.document_shown.emit(doc)

    def clear(self) -> None:
        self.renderer.retain(self.owner, set())
        self._text_timer.stop()
        self.doc, self.info, self.layout_ = None, None, None
        self.evidence, self.hits, self.current_hit, self.selection = None, {}, None, None
        self._update_scrollbars()
        self.viewport().update()

    def page_count(self) -> int:
        return len(self.info.pages) if self.info else 0

    def dpr(self) -> float:
        return self.dpr_override or self.viewport().devicePixelRatioF()

    # -- zoom and rotation ---------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self.fit = None
        self._apply_zoom(min(max(zoom, MIN_ZOOM), MAX_ZOOM))

    def set_fit(self, fit: str) -> None:
        self.fit = fit
        self._apply_zoom(self._fit_zoom())

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), MAX_ZOOM))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-6), MIN_ZOOM))

    def rotate(self, degrees: int = 90) -> None:
        position = self.position()
        self.rotation = (self.rotation + degrees) % 360
        if self.fit:
            self.zoom = self._fit_zoom()
        self._relayout(keep_position=False)
        self.set_position(position)

    def _fit_zoom(self) -> float:
        if not self.info:
            return self.zoom
        probe = Layout(self.info.pages, self.rotation, PX_PER_PT, 0)
        widest = max(w for w, _ in probe.sizes)
        zoom = (self.viewport().width() - 2 * PAGE_GAP) / widest
        if self.fit == "page":
            page = max(self.current_page(), 0)
            tallest = probe.sizes[page][1]
            zoom = min(zoom, (self.viewport().height() - 2 * PAGE_GAP) / tallest)
        return min(max(zoom, 0.05), MAX_ZOOM)

    def _apply_zoom(self, zoom: float) -> None:
        if abs(zoom - self.zoom) < 1e-9 and self.layout_ is not None:
            return
        position = self.position()
        self.zoom = zoom
        self._relayout(keep_position=False)
        self.set_position(position)
        self.zoom_changed.emit(zoom)

    # -- position ----------------------------------------------------------------------
    def position(self) -> float:
        """Continuous position of the viewport's top edge: page index + fraction of its slot."""
        if not self.layout_:
            return 0.0
        return self.layout_.position_of(float(self.verticalScrollBar().value()))

    def set_position(self, position: float) -> None:
        if self.layout_:
            self.verticalScrollBar().setValue(round(self.layout_.y_of(position)))

    def go_to_page(self, index: int) -> None:
        if self.layout_ and 0 <= index < self.page_count():
            bar = self.verticalScrollBar()
            # Round up: rounding down would leave a sliver of the previous page to render.
            target = min(math.ceil(self.layout_.y_of(float(index)) - 1e-6), bar.maximum())
            self._pinned = (index, target)
            if bar.value() == target:
                self._after_scroll()
            bar.setValue(target)
            if self.is_settled() and self.isVisible() and not self._painted_since_move:
                # Every page it lands on is cached (prefetched): show it now rather than after
                # whatever else waits in the event queue. Only for jumps by page: wheel and
                # drag scrolling keep Qt's coalesced updates.
                self.viewport().repaint()

    def current_page(self) -> int:
        """The page at the top third of the viewport (what the reader is looking at)."""
        if not self.layout_:
            return -1
        bar = self.verticalScrollBar()
        if self._pinned is not None and self._pinned[1] == bar.value():
            # Asked for by number (page box, thumbnail, End): near the end the scroll clamps,
            # and the page the reader asked for is still the one being read.
            return self._pinned[0]
        return self.layout_.page_at(bar.value() + self.viewport().height() / 3)

    def visible_pages(self) -> list[int]:
        if not self.layout_:
            return []
        top = self.verticalScrollBar().value()
        return self.layout_.visible_pages(top, top + self.viewport().height())

    def scroll_to_rect(self, page: int, rect: Rect) -> None:
        """Centre a PDF-point rectangle of ``page`` in the viewport."""
        if not self.layout_ or not 0 <= page < self.page_count():
            return
        x0, y0, x1, y1 = self.layout_.rect_in_content(page, rect)
        self.verticalScrollBar().setValue(round((y0 + y1) / 2 - self.viewport().height() / 2))
        self.horizontalScrollBar().setValue(round((x0 + x1) / 2 - self.viewport().width() / 2))

    # -- overlays ----------------------------------------------------------------------
    def show_evidence(self, page: int, rect: Rect, label: str = "") -> bool:
        if not self.info or not 0 <= page < self.page_count():
            return False
        self.evidence = Evidence(page, tuple(float(v) for v in rect), label)  # type: ignore[arg-type]
        self.scroll_to_rect(page, self.evidence.rect)
        self.viewport().update()
        return True

    def view_rect(self, page: int, rect: Rect) -> QRectF:
        """Where a PDF-point rectangle of ``page`` is drawn, in viewport pixels."""
        assert self.layout_ is not None
        x0, y0, x1, y1 = self.layout_.rect_in_content(page, rect)
        left = self.horizontalScrollBar().value()
        top = self.verticalScrollBar().value()
        return QRectF(x0 - left, y0 - top, x1 - x0, y1 - y0)

    def evidence_view_rect(self) -> QRectF | None:
        if self.evidence is None or self.layout_ is None:
            return None
        return self.view_rect(self.evidence.page, self.evidence.rect)

    def set_hits(self, hits: dict[int, list[Rect]], current: tuple[int, int] | None) -> None:
        self.hits, self.current_hit = hits, current
        if current is not None:
            page, index = current
            self.scroll_to_rect(page, hits[page][index])
        self.viewport().update()

    # -- selection ---------------------------------------------------------------------
    def selected_text(self) -> str:
        if self.selection is None or self.doc is None:
            return ""
        page, a, b = self.selection
        text = self.texts.texts.get((self.doc, page))
        return text.text_between(a, b) if text else ""

    def copy_selection(self) -> bool:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        return bool(text)

    def _char_at(self, pos: QPointF) -> tuple[int, int] | None:
        if not self.layout_ or not self.doc or not self.info:
            return None
        cx = pos.x() + self.horizontalScrollBar().value()
        cy = pos.y() + self.verticalScrollBar().value()
        page = self.layout_.page_at(cy)
        x0, y0, x1, y1 = self.layout_.page_rect(page)
        if not (x0 <= cx <= x1 and y0 <= cy <= y1):
            return None
        text = self.texts.page_text(self.doc, page)
        if text is None:
            return None
        px, py = unmap_point(self.info.pages[page], self.rotation, self.layout_.scale, cx - x0, cy - y0)
        index = text.index_at(px, py)
        return None if index is None else (page, index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self._char_at(event.position())
            self.selection = (hit[0], hit[1], hit[1]) if hit else None
            self.viewport().update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.selection is not None and event.buttons() & Qt.MouseButton.LeftButton:
            hit = self._char_at(event.position())
            if hit and hit[0] == self.selection[0]:
                self.selection = (self.selection[0], self.selection[1], hit[1])
                self.viewport().update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.selection is not None:
            self.selection_changed.emit(self.selected_text())
        super().mouseReleaseEvent(event)

    # -- keyboard and wheel --------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif ctrl and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif ctrl and key == Qt.Key.Key_0:
            self.set_fit("width")
        elif key == Qt.Key.Key_PageDown:
            vbar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        elif key == Qt.Key.Key_PageUp:
            vbar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
        elif key == Qt.Key.Key_Home:
            vbar.setValue(vbar.minimum())
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count() - 1)
            vbar.setValue(vbar.maximum())
        elif key == Qt.Key.Key_Down:
            vbar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
        elif key == Qt.Key.Key_Up:
            vbar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepSub)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            forward = key == Qt.Key.Key_Right
            if hbar.maximum() > 0:
                hbar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd if forward
                                   else QAbstractSlider.SliderAction.SliderSingleStepSub)
            else:  # nothing to pan sideways: move by a page, as readers expect
                self.go_to_page(self.current_page() + (1 if forward else -1))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * (1.1 ** steps))
            event.accept()
            return
        super().wheelEvent(event)

    # -- layout, scrolling, rendering requests -----------------------------------------------
    def _relayout(self, keep_position: bool = True) -> None:
        position = self.position() if keep_position else None
        if self.info:
            if self.fit:
                self.zoom = self._fit_zoom()
            self.layout_ = Layout(self.info.pages, self.rotation, self.zoom * PX_PER_PT,
                                  self.viewport().width())
        else:
            self.layout_ = None
        self._update_scrollbars()
        if position is not None:
            self.set_position(position)
        self._after_scroll()

    def _update_scrollbars(self) -> None:
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        size = self.viewport().size()
        if self.layout_ is None:
            vbar.setRange(0, 0)
            hbar.setRange(0, 0)
            return
        vbar.setPageStep(max(size.height() - 40, 1))
        vbar.setRange(0, max(0, round(self.layout_.content_height) - size.height()))
        hbar.setPageStep(max(size.width(), 1))
        hbar.setRange(0, max(0, round(self.layout_.content_width) - size.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.info:
            position = self.position()
            old_zoom = self.zoom
            self._relayout(keep_position=False)
            self.set_position(position)
            if abs(old_zoom - self.zoom) > 1e-9:
                self.zoom_changed.emit(self.zoom)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._after_scroll()

    def _after_scroll(self) -> None:
        self._painted_sharp = False
        self._painted_since_move = False
        self.viewport().update()
        page = self.current_page()
        changed = page != self._current_page
        if changed and self._current_page >= 0 and page >= 0:
            self._direction = 1 if page > self._current_page else -1
        self._current_page = page
        self._update_requests()
        if not self._quiet:
            self.position_changed.emit(self.position())
        if changed:
            self.current_page_changed.emit(page)

    def wanted_keys(self) -> list[RenderKey]:
        """Keys of the visible pages, nearest to the centre of the viewport first."""
        if not self.doc or not self.layout_:
            return []
        visible = self.visible_pages()
        if not visible:
            return []
        centre = self.current_page()
        dpr = self.dpr()
        ordered = sorted(visible, key=lambda i: abs(i - centre))
        return [render_key(self.doc, i, self.zoom, self.rotation, dpr) for i in ordered]

    def prefetch_keys(self) -> list[RenderKey]:
        """Keys of the pages to render before they are scrolled to, in the order they are
        asked for: the next pages in the direction of reading, then those just behind."""
        if not self.doc or not self.layout_:
            return []
        visible = self.visible_pages()
        if not visible:
            return []
        first, last = visible[0], visible[-1]
        ahead, behind = (last, first) if self._direction > 0 else (first, last)
        pages = [ahead + self._direction * d for d in range(1, PREFETCH_AHEAD + 1)]
        pages += [behind - self._direction * d for d in range(1, PREFETCH_BEHIND + 1)]
        dpr = self.dpr()
        return [render_key(self.doc, page, self.zoom, self.rotation, dpr)
                for page in pages if 0 <= page < self.page_count()]

    def _update_requests(self) -> None:
        if not self.doc or not self.layout_:
            return
        wanted = self.wanted_keys()
        keep = set(wanted)
        now = time.perf_counter()
        cache = self.renderer.cache
        for rank, key in enumerate(wanted):
            if key not in self.shown_latency:
                self.requested_at.setdefault(key, now)
            if key in cache:
                continue
            # The page the reader looks at, if cheap, is drawn here and now (and painted by
            # _on_rendered); the others, and any page that is not cheap, by the render thread.
            if rank == 0 and self.renderer.render_now(key):
                continue
            self.renderer.request(key, float(rank), self.owner)
        # A page scrolled away before it was shown: its request is withdrawn, and its clock too.
        for key in [k for k in self.requested_at if k not in keep]:
            del self.requested_at[key]
        # Prefetches already queued for this place stay queued; new ones are asked for once
        # the visible pages are painted (see paintEvent).
        keep.update(self.prefetch_keys())
        self.renderer.retain(self.owner, keep)
        self._request_texts()

    def _request_prefetch(self) -> None:
        cache = self.renderer.cache
        for rank, key in enumerate(self.prefetch_keys()):
            if key not in cache:
                self.renderer.request(key, 10.0 + rank, self.owner)

    def is_idle(self) -> bool:
        """The reader could have been on this place a while: the visible pages are painted
        sharp, their prefetch is asked for, and their text is asked for (or about to be)."""
        return self.doc is None or (self._painted_sharp and self.is_settled()
                                    and not self._text_timer.isActive())

    def _request_texts(self) -> None:
        """Ask for the visible pages' text (for selection) once their pixels are there and the
        reader has stayed on them for ``TEXT_DELAY_MS``.

        Text extraction competes with rendering for the CPU, and pixels are what the reader
        waits for; the text is needed only when they start selecting (a press on a page whose
        text is not there yet asks for it at once, see ``_char_at``).
        """
        if self.doc is not None and self.is_settled():
            self._text_timer.start()  # restarted by every scroll: only where the reader stops

    @Slot()
    def _request_texts_now(self) -> None:
        if self.doc is not None and self.is_settled():
            for page in self.visible_pages():
                self.texts.page_text(self.doc, page)

    def is_settled(self) -> bool:
        """True when every visible page shows its sharp image."""
        if not self.doc or not self.layout_:
            return True
        return all(key in self.renderer.cache for key in self.wanted_keys())

    @Slot(object, object)
    def _on_rendered(self, key: RenderKey, image: object) -> None:
        if key.doc == self.doc and key.page in self.visible_pages():
            if self.isVisible() and key == render_key(key.doc, key.page, self.zoom, self.rotation,
                                                      self.dpr()):
                # The reader is waiting for exactly this: paint now, not after the event queue.
                self.viewport().repaint()
            else:  # another zoom (or a thumbnail) of a visible page: whenever Qt next paints
                self.viewport().update()
            self._request_texts()

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted_since_move = True
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), BACKGROUND)
        if not self.layout_ or not self.doc:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        left = self.horizontalScrollBar().value()
        top = self.verticalScrollBar().value()
        dpr = self.dpr()
        sharp = True
        for page in self.visible_pages():
            x0, y0, x1, y1 = self.layout_.page_rect(page)
            target = QRectF(x0 - left, y0 - top, x1 - x0, y1 - y0)
            # The shadow is the two 2-pixel strips the page does not cover: blending a whole
            # page-sized translucent rectangle under it cost a millisecond per page.
            painter.fillRect(QRectF(target.right(), target.top() + 2, 2, target.height()),
                             SHADOW_ON_BACKGROUND)
            painter.fillRect(QRectF(target.left() + 2, target.bottom(), target.width() - 2, 2),
                             SHADOW_ON_BACKGROUND)
            key = render_key(self.doc, page, self.zoom, self.rotation, dpr)
            image = self.renderer.cache.get(key)
            if image is not None:
                self._draw_sharp(painter, target, image, dpr)
                if key not in self.shown_latency and key in self.requested_at:
                    now = time.perf_counter()
                    self.shown_latency[key] = now - self.requested_at.pop(key)
                    trace = self.renderer.trace
                    if trace is not None and key in trace:
                        trace[key]["painted"] = now
                    self.page_shown.emit(key)
            else:
                sharp = False
                painter.fillRect(target, PAPER)
                stand_in = self.renderer.cache.nearest(key)
                if stand_in is not None:
                    painter.drawImage(target, stand_in)
            self._paint_overlays(painter, page)
        painter.end()
        if sharp and not self._painted_sharp:
            self._painted_sharp = True
            self._request_prefetch()

    @staticmethod
    def _draw_sharp(painter: QPainter, target: QRectF, image: QImage, dpr: float) -> None:
        """Draw a page's image rendered for this zoom: pixel for pixel when its size is the
        page's (PDFium rounds the size up, so it is at most a device pixel larger), which is a
        plain copy; resampled into the page's rectangle otherwise (a page over MAX_PIXELS)."""
        width, height = image.width() / dpr, image.height() / dpr
        if abs(width - target.width()) <= 1.0 and abs(height - target.height()) <= 1.0:
            # At a whole device pixel, so no resampling; the image covers the page's rectangle
            # (to within the half pixel of that snap), so no paper is filled under it.
            corner = QPointF(round(target.left() * dpr) / dpr, round(target.top() * dpr) / dpr)
            painter.drawImage(corner, image)
        else:
            painter.fillRect(target, PAPER)
            painter.drawImage(target, image)

    def _paint_overlays(self, painter: QPainter, page: int) -> None:
        for index, rect in enumerate(self.hits.get(page, [])):
            colour = CURRENT_HIT_COLOR if self.current_hit == (page, index) else HIT_COLOR
            painter.fillRect(self.view_rect(page, rect), colour)
        if self.selection is not None and self.selection[0] == page and self.doc:
            text = self.texts.texts.get((self.doc, page))
            if text is not None:
                for rect in text.boxes_between(self.selection[1], self.selection[2]):
                    painter.fillRect(self.view_rect(page, rect), SELECTION_COLOR)
        if self.evidence is not None and self.evidence.page == page:
            assert self.layout_ is not None
            x0, y0, x1, y1 = self.layout_.page_rect(page)
            left, top = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
            page_rect = QRectF(x0 - left, y0 - top, x1 - x0, y1 - y0)
            # The page's lines of text (when read) are what the label must not cover.
            text = self.texts.texts.get((self.doc, page)) if self.doc else None
            lines = [self.view_rect(page, r) for r in text.boxes_between(0, len(text) - 1)] if text else []
            paint_evidence(painter, self.view_rect(page, self.evidence.rect), self.evidence.label,
                           page_rect, QRectF(self.viewport().rect()), lines)
