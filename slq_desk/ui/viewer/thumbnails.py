"""Page thumbnails: a list model that asks for a small render only when a row is painted."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QListView, QWidget

from slq_desk.ui.viewer.geometry import PX_PER_PT, displayed_size
from slq_desk.ui.viewer.image_cache import RenderKey, render_key
from slq_desk.ui.viewer.render_service import DocumentInfo, RenderService

THUMB_WIDTH = 110


# The invalid index, Qt's "no parent"; one instance instead of a call per default.
_ROOT = QModelIndex()


class ThumbnailModel(QAbstractListModel):
    def __init__(self, renderer: RenderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.owner = f"thumbs-{id(self)}"
        self.doc: str | None = None
        self.info: DocumentInfo | None = None
        self.rotation = 0
        self.dpr = 1.0
        self._blank: dict[tuple[int, int], QImage] = {}
        renderer.rendered.connect(self._on_rendered)

    def set_document(self, doc: str | None, info: DocumentInfo | None, dpr: float) -> None:
        self.beginResetModel()
        self.renderer.retain(self.owner, set())
        self.doc, self.info, self.dpr = doc, info, dpr
        self.endResetModel()

    def set_rotation(self, rotation: int) -> None:
        self.beginResetModel()
        self.rotation = rotation
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.info is None else len(self.info.pages)

    def key_for(self, row: int) -> RenderKey:
        assert self.info is not None and self.doc is not None
        page = self.info.pages[row]
        width, _ = displayed_size(page, self.rotation, PX_PER_PT)
        return render_key(self.doc, row, THUMB_WIDTH / width, self.rotation, self.dpr)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.info is None:
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            key = self.key_for(row)
            image = self.renderer.cache.get(key)
            if image is None:
                # Painted rows only: the view asks for decorations of what it shows.
                self.renderer.request(key, 100.0 + row, self.owner)
                return self._placeholder(row)
            return image
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignHCenter
        return None

    def _placeholder(self, row: int) -> QImage:
        assert self.info is not None
        w, h = displayed_size(self.info.pages[row], self.rotation, THUMB_WIDTH / displayed_size(
            self.info.pages[row], self.rotation, 1.0)[0])
        size = (round(w), round(h))
        if size not in self._blank:
            image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            self._blank[size] = image
        return self._blank[size]

    @Slot(object, object)
    def _on_rendered(self, key: RenderKey, image: object) -> None:
        if self.info is not None and key.doc == self.doc and key.rotation == self.rotation \
                and 0 <= key.page < len(self.info.pages) and key == self.key_for(key.page):
            index = self.index(key.page)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ThumbnailView(QListView):
    def __init__(self, model: ThumbnailModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.5)))
        self.setSpacing(6)
        self.setUniformItemSizes(True)
        self.setFixedWidth(THUMB_WIDTH + 40)
