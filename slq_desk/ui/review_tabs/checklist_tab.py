"""The 检查清单 tab: materials present or missing, findings by severity, fields by document.

Every row that has evidence (a finding with its document and box, an extracted field with its
page and box) asks the window to show it through ``evidence_requested``; the window picks the
pane. Corrections are requested through ``correction_requested`` and carried out by the window
in a background operation, because they re-run the checks; this widget only shows data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.correction import MONEY_FIELDS
from slq_desk.money import D, MoneyError, yuan
from slq_desk.ui import i18n
from slq_desk.ui.review_data import (
    SEVERITY_LABELS,
    ChecklistData,
    DocumentFields,
    FieldRow,
    FindingGroup,
)
from slq_desk.ui.review_tabs.correction_dialog import CorrectionDialog
from slq_desk.ui.theme import severity_color
from slq_desk.vocabulary import document_kind_label, field_label, finding_label, material_en, value_label

if TYPE_CHECKING:
    from slq_desk.desk.entry import FieldKey  # imported when used: the database layer

# What each tree row carries (UserRole): ("finding", FindingRow, sha) / ("field", FieldRow, sha)
# / ("document", sha, name).
PAYLOAD = Qt.ItemDataRole.UserRole + 1
SEVERITY_COLORS = {"block": QColor(200, 30, 30), "warn": QColor(190, 110, 0), "info": QColor(40, 90, 160)}
MISSING_COLOR = QColor(200, 30, 30)
PRESENT_COLOR = QColor(30, 130, 60)
CORRECTED_COLOR = QColor(120, 60, 170)
# Up to this many field rows the tree is filled at once; above, FILL_SLICE rows per event-loop
# turn (a 2,000-page package has ~15,000 fields: 1 s of item building in one go).
FILL_AT_ONCE = 2000
FILL_SLICE = 300
# Below this confidence (percent) a document's kind is shown as one to check (ingest/classify.py
# keeps a kind guessed from the file name alone under 60%).
LOW_CONFIDENCE = 60


# The severity names come from review_data (no Qt); marked here so lupdate collects them.
_SEVERITY_NAMES = (QT_TRANSLATE_NOOP("ChecklistTab", "阻断"), QT_TRANSLATE_NOOP("ChecklistTab", "警告"),
                   QT_TRANSLATE_NOOP("ChecklistTab", "提示"))



class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped content: QTreeView asks for a row's height without the
    column's width, so long Chinese messages were cut at "统一社会信用代…"; this measures the
    text at the width the column really has."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        # The columns' widths as last resized. Asking the header instead made it lay out
        # (column 2 fits its contents: every row measured again) from inside each row's
        # measure — about 900 measures per fill of a 150-row checklist, ~20 ms of an opening.
        self.widths: dict[int, int] = {}
        # Wrapped heights by (text, width, font): a fill measures the same rows several times.
        self.heights: dict[tuple[str, int, str], int] = {}
        tree.header().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, new: int) -> None:
        self.widths[column] = new
        if len(self.heights) > 20000:  # many widths seen (a dragged splitter): start afresh
            self.heights.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        column = index.column()
        if column not in (0, 1):
            return hint
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.widths.get(column)
        if width is None:
            width = self.widths[column] = self.tree.header().sectionSize(column)
        width -= 8
        if column == 0:
            # 项目 wraps too (on a laptop's narrow dock "letter of commitment" and "letter of
            # authorization" were both cut to "letter of …"); it is indented by its depth.
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.tree.indentation() * depth
        if width <= 20 or not opt.text:
            return hint
        key = (opt.text, width, opt.font.key())
        height = self.heights.get(key)
        if height is None:
            height = self.heights[key] = QFontMetrics(opt.font).boundingRect(
                QRect(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap), opt.text).height()
        return QSize(hint.width(), max(hint.height(), height + 6))


class ChecklistTab(QWidget):
    # document sha256, page (0-based), bbox (strings) or None, label
    evidence_requested = Signal(str, int, object, str)
    # field id, new value (None: withdraw the correction)
    correction_requested = Signal(int, object)
    # the 认定事实 dialog (facts_actions.py carries it out), and a document's 更改文档类型 (its id)
    facts_requested = Signal()
    relabel_requested = Signal(int)
    entry_requested = Signal(int)  # 补录字段: a field the reader did not find, on this document

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChecklistTab")
        self.data: ChecklistData | None = None
        self._generation = 0
        self.correction_dialog: CorrectionDialog | None = None
        self.context_menu: QMenu | None = None  # the last one shown (tests look at it)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("筛选字段或问题…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("筛选字段或问题"))
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ChecklistTree")
        self.tree.setAccessibleName(self.tr("检查清单"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("项目"), self.tr("内容"), self.tr("页")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(0, 190)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        # A wider or narrower column changes how many lines each row needs.
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_clicked)
        self.tree.itemDoubleClicked.connect(self._on_double_clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.correct_button = QPushButton(self.tr("更正字段值…"), self)
        self.correct_button.setToolTip(self.tr("更正所选字段的值；原提取值保留 (F2)"))
        self.correct_button.clicked.connect(self.edit_current)
        self.withdraw_button = QPushButton(self.tr("撤回更正"), self)
        self.withdraw_button.clicked.connect(self.withdraw_current)
        self.relabel_button = QPushButton(self.tr("更改文档类型…"), self)
        self.relabel_button.setToolTip(self.tr("按所选材料的正确类型重新读取，并记住此文件的类型 (Ctrl+Shift+K)"))
        self.relabel_button.clicked.connect(self.relabel_current)
        self.facts_button = QPushButton(self.tr("认定事实…"), self)
        self.facts_button.setToolTip(self.tr("人工认定申报方向、服务期限、是否国产等事实 (Ctrl+Shift+F)"))
        self.facts_button.clicked.connect(lambda: self.facts_requested.emit())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.busy = QLabel(self)
        # Two rows (a field's actions, then the document's and the application's): in one row
        # the four buttons made the dock column on a laptop wider than the PDF panes can spare.
        field_buttons = QHBoxLayout()
        field_buttons.addWidget(self.correct_button)
        field_buttons.addWidget(self.withdraw_button)
        field_buttons.addStretch(1)
        field_buttons.addWidget(self.busy)
        other_buttons = QHBoxLayout()
        other_buttons.addWidget(self.relabel_button)
        other_buttons.addWidget(self.facts_button)
        other_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addLayout(field_buttons)
        layout.addLayout(other_buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.tree, self.edit_current)
        self._update_buttons()

    # -- data ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 — Qt's name
        super().resizeEvent(event)
        # 项目 takes ~40 % of a narrow dock (a fixed 190 px left 内容 a word per line on a
        # 1366×768 laptop), never less than 110 px nor more than 190 px.
        width = self.tree.viewport().width()
        if width > 0:
            self.tree.setColumnWidth(0, max(110, min(190, width * 40 // 100)))

    def set_data(self, data: ChecklistData | None) -> None:
        """Fill the tree; keeps which sections were open and which row was current."""
        self.data = data
        current = self._current_key()
        self._generation += 1  # a slice of the previous data still queued stops there
        self.tree.clear()
        self.busy.clear()
        if data is None:
            self.summary.setText(self.tr("未打开申报。"))
            self._update_buttons()
            return
        blocking = sum(f.severity == "block" for f in data.findings)
        missing = sum(not m.present for m in data.materials)
        subsidy = yuan(data.computed_subsidy)
        if data.checked:
            self.summary.setText(
                self.tr("<b>{0}</b> {1}<br>测算补贴 <b>{2}</b> · 阻断问题 <b>{3}</b> 项 · 缺少材料 <b>{4}</b> 项")
                .format(data.application_id, data.applicant, subsidy, blocking, missing))
        else:
            # Never a reassuring "0 blocking": nothing has been checked yet.
            self.summary.setText(
                self.tr("<b>{0}</b> {1}<br><span style='color:{2}'>尚未检查与测算</span>"
                        "（Ctrl+R）· 下列问题仅为读取文件时发现的")
                .format(data.application_id, data.applicant, severity_color(MISSING_COLOR).name()))

        english = i18n.current() == "en"
        groups = data.finding_groups
        # Every section first, spanned and open, while the tree is empty: spanning a row or
        # opening one lays the tree out at once, and done after the rows it measured every
        # wrapped row again each time (the fill of an opening, issue 18 item 3). Rows added
        # under an open section wait for one layout at the next paint, and so do the groups
        # opened among them.
        materials = self._section(self.tr("材料（{0} 项，缺 {1} 项）").format(len(data.materials), missing))
        findings = self._section(self.tr("发现问题（{0} 项）").format(len(groups)))
        manual = self._section(self._manual_title(data))
        fields = self._section(self.tr("提取字段（{0} 份材料）").format(len(data.documents)))
        for top in self._top_items():
            top.setExpanded(True)
        for m in data.materials:
            item = QTreeWidgetItem(materials, [
                material_en(m.material) if english and m.material else m.name, self.tr("✔ 已提交：{0}").format("、".join(m.files)) if m.present else self.tr("✘ 缺少"),
                ""])
            item.setForeground(1, QBrush(severity_color(PRESENT_COLOR if m.present else MISSING_COLOR)))
            # A present material opens its (first) file; materials name files, not hashes.
            doc = next((d for d in data.documents if m.files and d.name == m.files[0]), None)
            if doc is not None:
                item.setData(0, PAYLOAD, ("document", doc.sha256, doc.name))
            item.setToolTip(0, self.tr("条款：{0}").format(m.article))
            item.setToolTip(1, "、".join(m.files))
        if data.materials_error:
            QTreeWidgetItem(materials, [self.tr("无法列出材料"), data.materials_error, ""])

        for severity in ("block", "warn", "info"):
            rows = [g for g in groups if g.severity == severity]
            if not rows:
                continue
            group = QTreeWidgetItem(findings, [
                self.tr("{0}（{1}）").format(self.tr(SEVERITY_LABELS[severity]), len(rows)), "", ""])
            group.setForeground(0, QBrush(severity_color(SEVERITY_COLORS[severity])))
            group.setExpanded(True)
            for g in rows:
                self._finding_item(group, g)
        if not data.findings:
            QTreeWidgetItem(findings, [self.tr("未发现问题"), "", ""])

        self._manual_checks(manual, data)
        steps = self._field_steps(fields, data, english)
        if sum(len(doc.fields) for doc in data.documents) <= FILL_AT_ONCE:
            for _ in steps:
                pass
            self._finish_fill(current)
            return
        # A large package (thousands of fields) fills the fields in slices between events, so
        # opening it never stalls the window (issue 18, item 3); the rest is shown at once.
        self._fill_slice(steps, current, self._generation)

    def _field_steps(self, fields: QTreeWidgetItem, data: ChecklistData,
                     english: bool) -> Iterator[None]:
        """Add the documents' field rows under ``fields``, one row per step."""
        for doc in data.documents:
            kind = document_kind_label(doc.kind).en if english else doc.kind_label
            head = QTreeWidgetItem(fields, [kind, doc.name, self._kind_note(doc)])
            head.setData(0, PAYLOAD, ("document", doc.sha256, doc.name))
            head.setToolTip(1, doc.name)
            head.setToolTip(0, self._kind_tip(doc))
            head.setToolTip(2, self._kind_tip(doc))
            if not doc.kind_by_person and doc.kind_confidence < LOW_CONFIDENCE:
                head.setForeground(2, QBrush(severity_color(SEVERITY_COLORS["warn"])))
            items: dict[int, QTreeWidgetItem] = {}
            for row in doc.fields:
                parent = head
                if row.item_index is not None:
                    parent = items.get(row.item_index) or QTreeWidgetItem(
                        head, [self.tr("明细第 {0} 行").format(row.item_index + 1), "", ""])
                    items[row.item_index] = parent
                self._field_item(parent, row, doc.sha256)
                if row.corrected:
                    # Corrections are what a second reader looks for first: keep them in view.
                    head.setExpanded(True)
                    parent.setExpanded(True)
                yield
            if doc.table_rows:
                self._table_rows(head, doc)
                yield

    def _table_rows(self, head: QTreeWidgetItem, doc: DocumentFields) -> None:
        """A usage log's thousands of table lines, summarised: the count and the first rows
        (they are kept as a table, read by the checks; a row is not corrected one by one)."""
        table = QTreeWidgetItem(head, [
            self.tr("明细共 {0} 行").format(f"{doc.table_rows:,}"),
            self.tr("按表格存储，下列前 {0} 行，其余见原文件").format(len(doc.table_preview)), ""])
        table.setToolTip(1, self.tr("逐行数据已全部读入并用于检查；行数较多，在此只列出前几行"))
        for n, cells in enumerate(doc.table_preview, 1):
            text = "；".join(f"{i18n.label(field_label('item.' + name))} {shown_value('item.' + name, value)}"
                            for name, value in cells)
            item = QTreeWidgetItem(table, [self.tr("明细第 {0} 行").format(n), text, ""])
            item.setToolTip(1, text)

    def _fill_slice(self, steps: Iterator[None], current: Any, generation: int) -> None:
        if generation != self._generation:
            return  # other data (or none) replaced the tree meanwhile
        for _ in zip(range(FILL_SLICE), steps, strict=False):
            pass
        if next(steps, StopIteration) is StopIteration:
            self._finish_fill(current)
            return
        QTimer.singleShot(0, lambda: self._fill_slice(steps, current, generation))

    def _finish_fill(self, current: Any) -> None:
        self._restore_current(current)
        if self.filter_edit.text().strip():  # new rows are all shown: only a filter hides some
            self._apply_filter(self.filter_edit.text())
        self._update_buttons()

    def _manual_title(self, data: ChecklistData) -> str:
        invoices = data.manual_checks.get("invoices", [])
        done = sum(1 for i in invoices if i.get("result"))
        return self.tr("人工查验（发票 {0}/{1} 张已查验）").format(done, len(invoices))

    def _manual_checks(self, section: QTreeWidgetItem, data: ChecklistData) -> None:
        """The invoice 查验 and credit check recorded by hand (初审 menu), each invoice listed
        whether checked or not yet."""
        invoices = data.manual_checks.get("invoices", [])
        credit = data.manual_checks.get("credit")
        for inv in invoices:
            if inv.get("result"):
                text = self.tr("{0}（{1}，{2}）").format(inv["result"], inv["checked_on"],
                                                       inv["checked_by"])
            else:
                text = self.tr("未查验")
            item = QTreeWidgetItem(section, [self.tr("发票 {0}").format(inv.get("invoice") or inv["file"]),
                                             text, ""])
            item.setToolTip(1, inv.get("note") or text)
            if inv.get("result") and inv["result"] != "一致":
                item.setForeground(1, QBrush(severity_color(MISSING_COLOR)))
        if credit:
            text = self.tr("{0}（{1}，{2}）").format(credit["result"], credit["checked_on"],
                                                   credit["checked_by"])
        else:
            text = self.tr("未核查")
        item = QTreeWidgetItem(section, [self.tr("信用核查"), text, ""])
        if credit:
            item.setToolTip(1, credit.get("note") or text)
            if credit["result"] == "有失信记录":
                item.setForeground(1, QBrush(severity_color(MISSING_COLOR)))

    def _kind_note(self, doc: DocumentFields) -> str:
        """The third column of a document's row: how sure the kind is."""
        if doc.kind_by_person:
            return self.tr("类型经人工认定")
        return self.tr("识别置信度 {0}%").format(doc.kind_confidence)

    def _kind_tip(self, doc: DocumentFields) -> str:
        """Why the document was taken for its kind (the classifier's reasons)."""
        if doc.kind_by_person:
            who = doc.kind_source.partition(":")[2]
            return self.tr("材料类型由 {0} 人工认定").format(who or self.tr("审核人"))
        reason = doc.kind_reason or self.tr("无")
        tip = self.tr("识别依据：{0}\n置信度：{1}%").format(reason, doc.kind_confidence)
        if doc.kind_confidence < LOW_CONFIDENCE:
            tip += "\n" + self.tr("置信度低，请核对材料类型")
        return tip

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title, "", ""])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        return item

    def _finding_item(self, parent: QTreeWidgetItem, g: FindingGroup) -> QTreeWidgetItem:
        """One row per problem; several places with the same problem are its children."""
        first = g.rows[0]
        english = i18n.current() == "en"
        message = (g.message_en or g.message_zh) if english else g.message_zh
        if len(g.rows) > 1:
            message = self.tr("{0}（{1} 处）").format(message, len(g.rows))
        page = str(first.page + 1) if first.page is not None and len(g.rows) == 1 else ""
        item = QTreeWidgetItem(parent, [i18n.label(finding_label(g.code)), message, page])
        item.setForeground(0, QBrush(severity_color(SEVERITY_COLORS.get(g.severity, QColor(90, 90, 90)))))
        tip = message
        if g.article:
            tip += "\n" + self.tr("条款：{0}").format(g.article)
        if g.documents:
            tip += "\n" + self.tr("材料：{0}").format("、".join(g.documents))
        item.setToolTip(0, tip)
        item.setToolTip(1, tip)
        item.setData(0, PAYLOAD, ("finding", first, first.sha256))
        if len(g.rows) > 1:
            for n, f in enumerate(g.rows, 1):
                where = f.document_name or self.tr("（无对应材料）")
                page_no = str(f.page + 1) if f.page is not None else ""
                child = QTreeWidgetItem(item, [self.tr("第 {0} 处").format(n), where, page_no])
                child.setToolTip(1, where)
                child.setData(0, PAYLOAD, ("finding", f, f.sha256))
            # The evidence list is part of the problem: shown, one document a line.
            item.setExpanded(True)
        return item

    def _field_item(self, parent: QTreeWidgetItem, row: FieldRow, sha: str) -> QTreeWidgetItem:
        page = str(row.page + 1) if row.page is not None else ""
        value, corrected = shown_value(row.name, row.value), shown_value(row.name, row.corrected_value or "")
        shown = corrected if row.corrected else value
        if row.corrected and row.source == "manual":
            shown = self.tr("{0}（人工补录）").format(corrected)  # nothing was read (desk/entry.py)
        elif row.corrected:
            shown = self.tr("{0}（更正；原提取：{1}）").format(corrected, value)
        elif row.source == "ocr":
            # Read by OCR from a scanned page: say so, with the recogniser's confidence.
            shown = self.tr("{0}（OCR，置信度 {1}%）").format(value, row.confidence)
        item = QTreeWidgetItem(parent, [i18n.label(field_label(row.name)), shown, page])
        item.setData(0, PAYLOAD, ("field", row, sha))
        if row.corrected and row.source == "manual":
            item.setForeground(1, QBrush(severity_color(CORRECTED_COLOR)))
            item.setToolTip(1, self.tr("材料中未读出，由 {0} 于 {1} 人工补录：{2}").format(
                row.corrected_by or "", row.corrected_at or "", corrected))
        elif row.corrected:
            item.setForeground(1, QBrush(severity_color(CORRECTED_COLOR)))
            item.setToolTip(1, self.tr("原提取值：{0}\n更正为：{1}\n更正人：{2}\n更正时间：{3}").format(
                value, corrected, row.corrected_by or "", row.corrected_at or ""))
        elif row.source == "ocr":
            item.setToolTip(1, self.tr("由 OCR 从扫描页读出，置信度 {0}%，请对照原件核对").format(
                row.confidence))
        else:
            item.setToolTip(1, shown)
        return item

    # -- interaction ---------------------------------------------------------------------
    @Slot(QTreeWidgetItem, int)
    def _on_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        self.show_item_evidence(item)

    def show_item_evidence(self, item: QTreeWidgetItem) -> bool:
        payload = item.data(0, PAYLOAD)
        if not payload:
            return False
        kind = payload[0]
        if kind == "document":
            self.evidence_requested.emit(payload[1], 0, None, payload[2])
            return True
        row, sha = payload[1], payload[2]
        if not sha:
            return False
        page = row.page if row.page is not None else 0
        label = i18n.label(finding_label(row.code) if kind == "finding" else field_label(row.name))
        self.evidence_requested.emit(sha, page, list(row.bbox) if row.bbox else None, label)
        return True

    def _on_double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._field_of(item) is not None:
            self.edit_current()

    def _field_of(self, item: QTreeWidgetItem | None) -> FieldRow | None:
        payload = item.data(0, PAYLOAD) if item is not None else None
        return payload[1] if payload and payload[0] == "field" else None

    def edit_current(self) -> None:
        row = self._field_of(self.tree.currentItem())
        if row is None:
            return
        # Non-blocking: the dialog checks the type itself and only a fitting value leaves it.
        dialog = CorrectionDialog(row, shown_value(row.name, row.value), self)
        dialog.accepted.connect(lambda: self._corrected(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.correction_dialog = dialog
        dialog.open()

    def _corrected(self, dialog: CorrectionDialog) -> None:
        if dialog.value is not None and dialog.value != dialog.row.effective:
            self.request_correction(dialog.row.id, dialog.value)

    def withdraw_current(self) -> None:
        row = self._field_of(self.tree.currentItem())
        if row is not None and row.corrected:
            self.request_correction(row.id, None)

    def request_correction(self, field_id: int, value: str | None) -> None:
        self.busy.setText(self.tr("正在重新检查与测算…"))
        self.correct_button.setEnabled(False)
        self.correction_requested.emit(field_id, value)

    def _update_buttons(self) -> None:
        row = self._field_of(self.tree.currentItem())
        self.correct_button.setEnabled(row is not None)
        self.withdraw_button.setEnabled(row is not None and row.corrected)
        self.relabel_button.setEnabled(self.document_of(self.tree.currentItem()) is not None)
        self.facts_button.setEnabled(self.data is not None)

    def field_key(self, field_id: int) -> FieldKey | None:
        """The field shown as ``field_id``, named as an undo names it (document, name, item)."""
        from slq_desk.desk.entry import FieldKey

        data = self.data
        if data is None:
            return None
        for doc in data.documents:
            for row in doc.fields:
                if row.id == field_id:
                    return FieldKey(data.application_id, doc.document_id, row.name, row.item_index)
        return None

    def document_of(self, item: QTreeWidgetItem | None) -> DocumentFields | None:
        """The document a row stands for (its own row, or a material naming it)."""
        payload = item.data(0, PAYLOAD) if item is not None else None
        if not payload or payload[0] != "document" or self.data is None:
            return None
        return next((d for d in self.data.documents
                     if d.sha256 == payload[1] and d.name == payload[2]), None)

    def relabel_current(self) -> None:
        doc = self.document_of(self.tree.currentItem())
        if doc is not None:
            self.relabel_requested.emit(doc.document_id)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is not None:
            self.tree.setCurrentItem(item)
        menu = self.menu_for(item)
        if not menu.isEmpty():
            menu.popup(self.tree.viewport().mapToGlobal(pos))

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu:
        """The row's context menu: correct a field, relabel a document, set facts."""
        menu = QMenu(self.tree)
        if self._field_of(item) is not None:
            menu.addAction(self.tr("更正字段值…"), self.edit_current)
        doc = self.document_of(item)
        if doc is not None:
            menu.addAction(self.tr("更改文档类型…"), self.relabel_current)
            menu.addAction(self.tr("补录字段…"), lambda: self.entry_requested.emit(doc.document_id))
        if self.data is not None:
            menu.addAction(self.tr("认定事实…"), lambda: self.facts_requested.emit())
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        return menu

    # -- finding rows (used by tests and the window) ----------------------------------------
    def items(self, kind: str) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = self._top_items()
        while stack:
            item = stack.pop(0)
            payload = item.data(0, PAYLOAD)
            if payload and payload[0] == kind:
                out.append(item)
            stack.extend(_children(item))
        return out

    def _top_items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def field_item(self, name: str, document_kind: str | None = None) -> QTreeWidgetItem | None:
        for item in self.items("field"):
            if item.data(0, PAYLOAD)[1].name == name and (
                    document_kind is None or self._doc_kind(item) == document_kind):
                return item
        return None

    def _doc_kind(self, item: QTreeWidgetItem) -> str:
        sha = item.data(0, PAYLOAD)[2]
        for doc in self.data.documents if self.data else ():
            if doc.sha256 == sha:
                return doc.kind
        return ""

    def _current_key(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        payload = item.data(0, PAYLOAD) if item is not None else None
        if payload and payload[0] in ("field", "finding"):
            return payload[0], payload[1].id
        return None

    def _restore_current(self, key: tuple[str, int] | None) -> None:
        if key is None:
            return
        for item in self.items(key[0]):
            if item.data(0, PAYLOAD)[1].id == key[1]:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()

        def visit(item: QTreeWidgetItem) -> bool:
            own = not needle or any(needle in item.text(c).lower() for c in range(3))
            child_match = False
            for child in _children(item):
                child_match = visit(child) or child_match
            shown = own or child_match or (item.parent() is None)
            item.setHidden(not shown)
            return own or child_match

        for top in self._top_items():
            visit(top)


def shown_value(name: str, value: str) -> str:
    """A field's value as a person reads it: amounts as ¥1,234.50, flags as 是/否."""
    if name.removeprefix("item.") in MONEY_FIELDS and value:
        try:
            return yuan(D(value))
        except MoneyError:
            return value  # an unreadable amount is shown as it was read
    return i18n.label(value_label(value))


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(n) for n in range(item.childCount()))
    return [child for child in found if child is not None]
