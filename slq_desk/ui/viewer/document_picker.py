"""The pane's document chooser: the application's documents grouped under their kinds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from slq_desk.ui.workspace_data import DocumentRef, kind_label

DOC_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentPicker(QComboBox):
    document_chosen = Signal(object)  # DocumentRef

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._quiet = False
        self.currentIndexChanged.connect(self._on_index)
        self.set_documents([])

    def set_documents(self, documents: list[DocumentRef]) -> None:
        self._quiet = True
        self._model.clear()
        if not documents:
            placeholder = QStandardItem(self.tr("（未打开申报）"))
            placeholder.setEnabled(False)
            self._model.appendRow(placeholder)
        current_kind: str | None = None
        for doc in documents:
            if doc.kind != current_kind:
                current_kind = doc.kind
                header = QStandardItem(kind_label(doc.kind))
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont(header.font())
                font.setBold(True)
                header.setFont(font)
                self._model.appendRow(header)
            suffix = "" if doc.readable else self.tr("（无法读取）")
            item = QStandardItem("    " + doc.original_name + suffix)
            item.setData(doc, DOC_ROLE)
            item.setToolTip(f"{kind_label(doc.kind)} · {doc.original_name} · {doc.pages} 页")
            self._model.appendRow(item)
        self.setCurrentIndex(-1)
        self._quiet = False

    def documents(self) -> list[DocumentRef]:
        out = []
        for row in range(self._model.rowCount()):
            doc = self._model.item(row).data(DOC_ROLE)
            if doc is not None:
                out.append(doc)
        return out

    def select(self, doc: DocumentRef | None) -> None:
        """Show ``doc`` as the current choice without emitting ``document_chosen``."""
        self._quiet = True
        self.setCurrentIndex(-1)
        for row in range(self._model.rowCount()):
            if doc is not None and self._model.item(row).data(DOC_ROLE) == doc:
                self.setCurrentIndex(row)
                break
        self._quiet = False

    def _on_index(self, row: int) -> None:
        if self._quiet or row < 0:
            return
        doc = self._model.item(row).data(DOC_ROLE)
        if doc is not None:
            self.document_chosen.emit(doc)
