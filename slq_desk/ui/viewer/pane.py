"""One viewer pane: document picker, toolbar, thumbnails, find bar and the page view.

Two of these sit side by side in the main window. The pane turns the application's document
rows into open documents (through the shared render and text services), shows a message instead
of pages when a file cannot be shown, and offers ``show_evidence`` so any other part of the UI
can land the reader on the proof of a value.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from slq_desk.ui import i18n
from slq_desk.ui.viewer.document_picker import DocumentPicker
from slq_desk.ui.viewer.geometry import Rect
from slq_desk.ui.viewer.page_view import PageView
from slq_desk.ui.viewer.render_service import DocumentInfo, RenderService
from slq_desk.ui.viewer.search_bar import SearchBar
from slq_desk.ui.viewer.text_service import TextService
from slq_desk.ui.viewer.thumbnails import ThumbnailModel, ThumbnailView
from slq_desk.ui.workspace_data import DocumentRef
from slq_desk.vocabulary import finding_label

ZOOM_PRESETS = ["50%", "75%", "100%", "125%", "150%", "200%", "300%", "400%"]
SEARCH_DELAY_MS = 250


def parse_rect(rect: object) -> Rect | None:
    """Four numbers (or numeric strings, as the database keeps them) with x0<x1, y0<y1."""
    try:
        values = [float(str(v)) for v in rect]  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return None
    if len(values) != 4 or not all(abs(v) < 1e6 for v in values):
        return None
    x0, y0, x1, y1 = values
    if x1 < x0 or y1 < y0:
        return None
    return x0, y0, x1, y1


class ViewerPane(QWidget):
    document_changed = Signal(object)  # DocumentRef | None
    document_ready = Signal(object)  # DocumentRef, once its pages can be shown

    def __init__(self, renderer: RenderService, texts: TextService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.texts = texts
        self.doc: DocumentRef | None = None
        self.message: str | None = None
        self._pending_evidence: tuple[int, Rect, str] | None = None
        self._hits: dict[int, list[Rect]] = {}
        self._hit_order: list[tuple[int, int]] = []
        self._current_hit: int | None = None
        self._search_generation = -1
        self._searching = False

        self.picker = DocumentPicker(self)
        self.picker.setAccessibleName(self.tr("选择材料"))
        self.page_box = QSpinBox(self)
        self.page_box.setRange(0, 0)
        self.page_box.setToolTip(self.tr("页码"))
        self.page_box.setAccessibleName(self.tr("页码"))
        self.page_box.setKeyboardTracking(False)
        self.page_total = QLabel("/ 0", self)
        self.zoom_box = QComboBox(self)
        self.zoom_box.setEditable(True)
        self.zoom_box.addItems([self.tr("适合宽度"), self.tr("适合页面"), *ZOOM_PRESETS])
        self.zoom_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_box.setAccessibleName(self.tr("缩放"))
        self.zoom_box.setToolTip(self.tr("缩放（Ctrl+滚轮，Ctrl+加号/减号，Ctrl+0 适合宽度）"))
        zoom_out = self._button("−", self.tr("缩小 (Ctrl+-)"))
        zoom_in = self._button("+", self.tr("放大 (Ctrl++)"))
        rotate = self._button("⟳", self.tr("顺时针旋转 90°"))
        self.thumbs_button = self._button(self.tr("缩略图"), self.tr("显示/隐藏页面缩略图"))
        self.thumbs_button.setCheckable(True)
        self.find_button = find = self._button(self.tr("查找"), self.tr("查找 (Ctrl+F)"))

        # A QToolBar folds what does not fit into its overflow menu, so two panes side by side
        # never force the window wider than a laptop screen. It folds from the end, so 缩略图
        # and 查找 come first: a narrow pane hides rotate and zoom (which have shortcuts), never
        # those two.
        toolbar = QToolBar(self)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.addWidget(self.thumbs_button)
        toolbar.addWidget(find)
        toolbar.addSeparator()
        for widget in (self.page_box, self.page_total, zoom_out, self.zoom_box, zoom_in, rotate):
            toolbar.addWidget(widget)
        picker_row = QHBoxLayout()
        picker_row.setContentsMargins(4, 4, 4, 0)
        picker_row.addWidget(self.picker, 1)

        self.search_bar = SearchBar(self)
        self.search_bar.hide()
        self.view = PageView(renderer, texts, self)
        self.view.setAccessibleName(self.tr("文档页面"))
        self.thumbnail_model = ThumbnailModel(renderer, self)
        self.thumbnails = ThumbnailView(self.thumbnail_model, self)
        self.thumbnails.hide()
        self.message_label = QLabel(self)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message_label)
        self.stack.addWidget(self.view)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.thumbnails)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(picker_row)
        layout.addWidget(toolbar)
        layout.addWidget(self.search_bar)
        layout.addLayout(body, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._start_search)

        self.picker.document_chosen.connect(self.open_document)
        self.page_box.valueChanged.connect(self._on_page_box)
        self.zoom_box.activated.connect(self._on_zoom_choice)
        zoom_edit = self.zoom_box.lineEdit()
        assert zoom_edit is not None  # editable combo boxes always have one
        zoom_edit.editingFinished.connect(self._on_zoom_typed)
        zoom_in.clicked.connect(self.view.zoom_in)
        zoom_out.clicked.connect(self.view.zoom_out)
        rotate.clicked.connect(self.rotate)
        self.thumbs_button.toggled.connect(self._show_thumbnails)
        self.thumbnails.clicked.connect(lambda index: self.view.go_to_page(index.row()))
        find.clicked.connect(self.search_bar.open_bar)
        self.view.current_page_changed.connect(self._on_current_page)
        self.view.zoom_changed.connect(self._show_zoom)
        self.search_bar.query_changed.connect(lambda _: self._search_timer.start())
        self.search_bar.next_requested.connect(self.next_hit)
        self.search_bar.previous_requested.connect(self.previous_hit)
        self.search_bar.closed.connect(self._clear_search)
        renderer.opened.connect(self._on_opened)
        renderer.failed.connect(self._on_failed)
        texts.search_hits.connect(self._on_search_hits)
        texts.search_done.connect(self._on_search_done)
        for keys, slot in ((QKeySequence.StandardKey.Find, self.search_bar.open_bar),
                           ("F3", self.next_hit), ("Shift+F3", self.previous_hit)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show_message(self.tr("请选择要查看的材料。"))
        self._show_zoom(self.view.zoom)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])  # the tip without its shortcut: "缩小", "放大"…
        button.setAutoRaise(True)
        return button

    # -- documents ---------------------------------------------------------------------
    def set_documents(self, documents: list[DocumentRef], empty_message: str | None = None) -> None:
        """The documents the picker offers; ``empty_message`` is what an empty pane says when
        that is not "this application has no documents" (no workspace or no application open)."""
        self.close_document()
        self.picker.set_documents(documents)
        if documents:
            self._show_message(self.tr("请从上方列表选择一份材料。"))
        else:
            self._show_message(empty_message or self.tr("该申报没有材料。"))

    def documents(self) -> list[DocumentRef]:
        return self.picker.documents()

    @Slot(object)
    def open_document(self, doc: DocumentRef) -> None:
        if self.doc is not None and self.doc.key == doc.key:
            self.picker.select(doc)
            return
        self.close_document()
        self.doc = doc
        self.picker.select(doc)
        self.document_changed.emit(doc)
        if not doc.readable:
            self._show_message(self.tr("无法显示“{0}”：{1}").format(doc.original_name, unreadable_reason(doc.error)))
            return
        if not doc.path.is_file():
            self._show_message(self.tr("找不到“{0}”的文件：{1}").format(doc.original_name, doc.path))
            return
        self._show_message(self.tr("正在打开“{0}”…").format(doc.original_name))
        self.renderer.open(doc.key, doc.path)
        self.texts.open(doc.key, doc.path)

    def close_document(self) -> None:
        if self.doc is None:
            return
        key = self.doc.key
        self.doc = None
        self._pending_evidence = None
        self._clear_search()
        self.view.clear()
        self.thumbnail_model.set_document(None, None, 1.0)
        self.renderer.release(key)
        self.texts.release(key)
        self.page_box.setRange(0, 0)
        self.page_total.setText("/ 0")
        self.document_changed.emit(None)

    def is_loaded(self) -> bool:
        return self.doc is not None and self.view.doc == self.doc.key

    def is_settled(self) -> bool:
        """Nothing left to render for what is on screen (pages, or a message)."""
        if self.doc is not None and self.stack.currentWidget() is self.message_label:
            return self.message is not None and not self.message.startswith(self.tr("正在打开"))
        return self.view.is_settled()

    def _show_message(self, text: str) -> None:
        self.message = text
        self.message_label.setText(text)
        self.stack.setCurrentWidget(self.message_label)

    @Slot(str, object)
    def _on_opened(self, key: str, info: DocumentInfo) -> None:
        if self.doc is None or key != self.doc.key or self.view.doc == key:
            return
        self.message = None
        self.stack.setCurrentWidget(self.view)
        self.view.set_document(key, info)
        self.thumbnail_model.set_document(key, info, self.view.dpr())
        self.page_box.setRange(1, len(info.pages))
        self.page_total.setText(f"/ {len(info.pages)}")
        if self._pending_evidence is not None:
            page, rect, label = self._pending_evidence
            self._pending_evidence = None
            self.view.show_evidence(page, rect, label)
        if self.search_bar.isVisible() and self.search_bar.edit.text().strip():
            self._start_search()
        self.document_ready.emit(self.doc)

    @Slot(str, str)
    def _on_failed(self, key: str, message: str) -> None:
        if self.doc is not None and key == self.doc.key:
            self._show_message(self.tr("无法显示“{0}”：{1}").format(self.doc.original_name, message))

    # -- evidence ----------------------------------------------------------------------
    def find_document(self, document: str | Path) -> DocumentRef | None:
        text = str(document)
        for doc in self.documents() + ([self.doc] if self.doc else []):
            if text in (doc.key, doc.sha256, str(doc.path)):
                return doc
        candidate = Path(text)
        if candidate.is_file():
            resolved = candidate.resolve()
            for doc in self.documents():
                if doc.path == resolved:
                    return doc
            return DocumentRef(0, "", "other", candidate.name, resolved, 0, True, None)
        return None

    def show_evidence(self, document: str | Path, page: int, rect: object, label: str = "") -> bool:
        """Open ``document`` (SHA-256 or path) if needed, scroll to ``rect`` on ``page`` and box it.

        ``rect`` is (x0, y0, x1, y1) in PDF points with PyMuPDF's top-left origin. Returns False
        (and changes nothing) when the document is unknown or the rectangle is malformed.
        """
        doc = self.find_document(document)
        box = parse_rect(rect)
        if doc is None or box is None or page < 0:
            return False
        if self.doc is None or self.doc.key != doc.key:
            self.open_document(doc)
        if self.is_loaded():
            return self.view.show_evidence(page, box, label)
        self._pending_evidence = (page, box, label)
        return True

    # -- navigation and zoom -----------------------------------------------------------
    def rotate(self) -> None:
        self.view.rotate(90)
        self.thumbnail_model.set_rotation(self.view.rotation)

    @Slot(bool)
    def _show_thumbnails(self, visible: bool) -> None:
        self.thumbnails.setVisible(visible)
        page = self.view.current_page()
        if visible and page >= 0:
            self.thumbnails.setCurrentIndex(self.thumbnail_model.index(page))

    @Slot(int)
    def _on_page_box(self, value: int) -> None:
        if value >= 1 and value - 1 != self.view.current_page():
            self.view.go_to_page(value - 1)

    @Slot(int)
    def _on_current_page(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        if self.thumbnails.isVisible() and page >= 0:
            self.thumbnails.setCurrentIndex(self.thumbnail_model.index(page))

    @Slot(int)
    def _on_zoom_choice(self, index: int) -> None:
        if index == 0:
            self.view.set_fit("width")
        elif index == 1:
            self.view.set_fit("page")
        else:
            self._apply_zoom_text(self.zoom_box.itemText(index))
        self.view.setFocus()

    def _on_zoom_typed(self) -> None:
        self._apply_zoom_text(self.zoom_box.currentText())

    def _apply_zoom_text(self, text: str) -> None:
        try:
            percent = float(text.strip().rstrip("%").strip())
        except ValueError:
            self._show_zoom(self.view.zoom)  # not a number: show the zoom in force again
            return
        self.view.set_zoom(percent / 100)
        self._show_zoom(self.view.zoom)

    @Slot(float)
    def _show_zoom(self, zoom: float) -> None:
        labels = {"width": self.tr("适合宽度"), "page": self.tr("适合页面")}
        self.zoom_box.setEditText(labels.get(self.view.fit or "", f"{zoom * 100:.0f}%"))

    # -- search ------------------------------------------------------------------------
    def search(self, query: str) -> None:
        """Show the find bar with ``query`` and search at once (used by shortcuts and tests)."""
        self.search_bar.open_bar()
        self.search_bar.edit.setText(query)
        self._search_timer.stop()
        self._start_search()

    def hit_count(self) -> int:
        return len(self._hit_order)

    def current_hit(self) -> tuple[int, int] | None:
        return None if self._current_hit is None else self._hit_order[self._current_hit]

    def _start_search(self) -> None:
        self._hits, self._hit_order, self._current_hit = {}, [], None
        query = self.search_bar.edit.text()
        self.view.set_hits({}, None)
        if not self.is_loaded() or not query.strip():
            self._searching = False
            self._search_generation = -1
            self.search_bar.set_count(None, 0, False)
            return
        assert self.doc is not None
        self._searching = True
        self._search_generation = self.texts.search(self.doc.key, query)
        self.search_bar.set_count(None, 0, True)

    @Slot(str, int, int, object)
    def _on_search_hits(self, key: str, generation: int, page: int, rects: list[Rect]) -> None:
        if self.doc is None or key != self.doc.key or generation != self._search_generation:
            return
        self._hits[page] = rects
        self._hit_order.extend((page, i) for i in range(len(rects)))
        self._hit_order.sort()
        if self._current_hit is None:
            self._current_hit = 0
            self.view.set_hits(self._hits, self._hit_order[0])
        else:
            self.view.set_hits(self._hits, None)
            self.view.current_hit = self._hit_order[self._current_hit]
        self.search_bar.set_count(self._current_hit, len(self._hit_order), self._searching)

    @Slot(str, int, int)
    def _on_search_done(self, key: str, generation: int, total: int) -> None:
        if self.doc is None or key != self.doc.key or generation != self._search_generation:
            return
        self._searching = False
        self.search_bar.set_count(self._current_hit, len(self._hit_order), False)

    def next_hit(self) -> None:
        self._step_hit(1)

    def previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self._hit_order:
            if not self.search_bar.isVisible():
                self.search_bar.open_bar()
            return
        current = -1 if self._current_hit is None and step > 0 else (self._current_hit or 0)
        self._current_hit = (current + step) % len(self._hit_order)
        self.view.set_hits(self._hits, self._hit_order[self._current_hit])
        self.search_bar.set_count(self._current_hit, len(self._hit_order), self._searching)

    def _clear_search(self) -> None:
        self._search_timer.stop()
        self._search_generation = -1
        self._hits, self._hit_order, self._current_hit = {}, [], None
        self._searching = False
        if self.view.doc is not None:
            self.view.set_hits({}, None)


def unreadable_reason(error: str | None) -> str:
    """Why a document cannot be shown, in the window's language: the importer stores
    "code: library detail" ("pdf_broken: truncated file"); the code's label says it, the
    library's English detail is kept only in English mode."""
    if not error:
        return QCoreApplication.translate("ViewerPane", "导入时无法读取")
    code, sep, detail = error.partition(":")
    code = code.strip()
    if not sep or " " in code:
        # A reason already written in Chinese (the importer's own words) is shown as it is;
        # a library's English text only in English mode.
        if i18n.current() == "en" or not error.isascii():
            return error
        return QCoreApplication.translate("ViewerPane", "导入时无法读取")
    label = i18n.label(finding_label(code))
    return f"{label} ({detail.strip()})" if i18n.current() == "en" and detail.strip() else label
