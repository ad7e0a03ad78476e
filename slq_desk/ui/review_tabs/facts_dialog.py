"""The 认定事实 (set facts), 更改文档类型 (relabel) and 补录字段 (enter a field) dialogs.

认定事实 lists the facts that matter for the application's policy (``desk.facts``): for each,
what the calculation used (read from the documents or inferred) or who set it and when, and an
editor to set or clear it. The values are checked by the core's ``parse_value`` /
``check_together`` — the same check ``slq-desk check --set`` applies — so a refusal is shown
here and the dialog stays open; only fitting values leave it, as the texts the desk stores.
The dialog changes nothing itself: ``facts_actions`` runs the change and the checks as an
operation.

更改文档类型 offers the document kinds by their names (``kinds.py``), with why the document was
taken for its kind; the chosen kind leaves it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.correction import CorrectionRefused, normalise
from slq_desk.desk.facts import (
    CHOICE,
    DAY,
    FLAG,
    KIND,
    LINES,
    MONEY,
    ApplicationFacts,
    FactRefused,
    FactRow,
    as_text,
    check_together,
    line_sort_key,
    local_time,
    parse_value,
    shown,
)
from slq_desk.desk.queue import policy_label
from slq_desk.desk.review_data import DocumentFields
from slq_desk.kinds import DOCUMENT_KINDS
from slq_desk.ui import i18n
from slq_desk.ui.review_tabs.correction_dialog import ok_cancel
from slq_desk.ui.theme import muted_css
from slq_desk.vocabulary import document_kind_label, field_label

UNSET = ""  # a combo box's "not set" entry carries this


class FactsDialog(QDialog):
    """One row per fact: name (tooltip: what it is, the articles, the policies), current
    value, editor. ``values`` holds the changed facts as text ("" clears one) after OK."""

    def __init__(self, data: ApplicationFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FactsDialog")
        self.setWindowTitle(self.tr("认定事实"))
        self.data = data
        self.values: dict[str, str] = {}
        self.editors: dict[str, QComboBox | QLineEdit | QListWidget] = {}
        self.states: dict[str, QLabel] = {}
        self._initial: dict[str, str] = {}
        english = i18n.current() == "en"
        intro = QLabel(self.tr("<b>{0}</b> {1}（{2}）<br>材料未载明或读错的事实可由人工认定；原提取值保留，"
                               "认定人和时间记入审计日志，确定后重新检查与测算。")
                       .format(data.application_id, data.applicant, policy_label(data.policy_id)), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        for column, title in enumerate((self.tr("事实"), self.tr("当前"), self.tr("认定为"), self.tr("条款"))):
            head = QLabel(f"<b>{title}</b>", self)
            grid.addWidget(head, 0, column)
        for row_no, row in enumerate(data.rows, 1):
            name = QLabel(row.label.en if english else row.label.zh, self)
            name.setToolTip(self._tip(row))
            state = QLabel(self.state_text(row), self)
            state.setWordWrap(True)
            state.setToolTip(state.text())
            if row.set:
                state.setStyleSheet("color: #7837aa;")  # the checklist's colour for a person's value
            editor = self._editor(row)
            editor.setToolTip(self._tip(row))
            editor.setAccessibleName(self.tr("认定{0}").format(name.text()))
            article = QLabel(row.articles, self)
            article.setStyleSheet(muted_css())
            article.setWordWrap(True)
            grid.addWidget(name, row_no, 0)
            grid.addWidget(state, row_no, 1)
            grid.addWidget(editor, row_no, 2)
            grid.addWidget(article, row_no, 3)
            self.editors[row.key] = editor
            self.states[row.key] = state
            self._initial[row.key] = self.text_of(row.key)
        grid.setRowStretch(len(data.rows) + 1, 1)  # rows packed at the top, not spread out
        inner = QWidget(self)
        inner.setLayout(grid)
        page = QScrollArea(self)
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidget(inner)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #c81e1e;")
        buttons = ok_cancel(self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("认定并重新测算"))
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(page, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)
        self.resize(820, min(720, 170 + 40 * len(data.rows)))

    # -- building ---------------------------------------------------------------------------
    def _tip(self, row: FactRow) -> str:
        english = i18n.current() == "en"
        tip = row.hint_en if english else row.hint_zh
        if row.articles:
            tip += "\n" + self.tr("条款：{0}").format(row.articles)
        if row.policies:
            separator = ", " if english else "、"
            tip += "\n" + self.tr("适用政策：{0}").format(separator.join(policy_label(p) for p in row.policies))
        return tip

    def state_text(self, row: FactRow) -> str:
        english = i18n.current() == "en"
        if row.set:
            when = local_time(row.set_at)
            value = shown(row.key, row.value, english)
            if row.kind == LINES:  # the lines by what they are, not by their ids
                names = dict(row.choices)
                value = "；".join((names[r].en if english else names[r].zh) if r in names else str(r)
                                 for r in row.value or ())
            return self.tr("{0}（{1} 于 {2} 认定）").format(value, row.set_by or self.tr("审核人"), when)
        if row.used is not None:
            return self.tr("{0}（测算所用，据材料或推定）").format(shown(row.key, row.used, english))
        if row.kind == LINES:
            return self.tr("无")
        if row.kind == MONEY and row.key != "quota_granted":  # the quota is asked for, not zero
            return self.tr("未认定（按 0 计）")
        return self.tr("未知")

    def _editor(self, row: FactRow) -> QComboBox | QLineEdit | QListWidget:
        english = i18n.current() == "en"
        current = as_text(row.key, row.value)
        if row.kind == LINES and row.choices:
            # Lines by what a person recognises (file, line, name, amount), ticked to leave out.
            lines = QListWidget(self)
            chosen = set(row.value or ())
            for ref, label in row.choices:
                item = QListWidgetItem(label.en if english else label.zh, lines)
                item.setToolTip(item.text())  # a long line name is cut at the list's width
                item.setData(Qt.ItemDataRole.UserRole, ref)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if ref in chosen else Qt.CheckState.Unchecked)
            lines.setMaximumHeight(min(160, 8 + 24 * len(row.choices)))
            lines.itemChanged.connect(lambda _item: self.refusal.clear())
            return lines
        if row.kind in (CHOICE, KIND, FLAG):
            box = QComboBox(self)
            box.addItem(self.tr("（不认定）"), UNSET)
            if row.kind == FLAG:
                box.addItem(self.tr("是"), "true")
                box.addItem(self.tr("否"), "false")
            else:
                for code, label in row.choices:
                    box.addItem(label.en if english else label.zh, code)
            index = box.findData(current)
            box.setCurrentIndex(max(0, index))
            return box
        edit = QLineEdit(current, self)
        edit.setClearButtonEnabled(True)
        placeholder = {MONEY: self.tr("金额（元），如 120000.00"), DAY: self.tr("日期，如 2026-03-31"),
                       LINES: self.tr("材料编号:行号，如 12:3, 12:4")}.get(row.kind, self.tr("留空表示不认定"))
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _text: self.refusal.clear())
        return edit

    # -- reading and setting ----------------------------------------------------------------
    def text_of(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or UNSET)
        if isinstance(editor, QListWidget):
            items = (editor.item(n) for n in range(editor.count()))
            ticked = [str(item.data(Qt.ItemDataRole.UserRole)) for item in items
                      if item is not None and item.checkState() == Qt.CheckState.Checked]
            return ", ".join(sorted(ticked, key=line_sort_key))  # as the desk stores them
        return editor.text().strip()

    def set_text(self, key: str, text: str) -> None:
        """Set an editor as a person would (tests and keyboard macros use this)."""
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(text)))
        elif isinstance(editor, QListWidget):
            wanted = {part.strip() for part in text.split(",") if part.strip()}
            for n in range(editor.count()):
                item = editor.item(n)
                if item is not None:
                    ticked = str(item.data(Qt.ItemDataRole.UserRole)) in wanted
                    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        else:
            editor.setText(text)

    def changes(self) -> dict[str, str]:
        return {key: self.text_of(key) for key in self.editors
                if self.text_of(key) != self._initial[key]}

    def accept(self) -> None:
        changes = self.changes()
        current = {row.key: row.value for row in self.data.rows if row.set}
        try:
            parsed: dict[str, Any] = {key: parse_value(key, text) for key, text in changes.items()}
            check_together(current, parsed)
        except FactRefused as refused:
            # The core's sentence in the window's language; the dialog stays open.
            self.refusal.setText(refused.en if i18n.current() == "en" else refused.zh or str(refused))
            return
        self.values = changes
        super().accept()


class RelabelDialog(QDialog):
    """Choose a document's kind; ``kind`` holds the choice after OK (None: nothing to do)."""

    def __init__(self, document: DocumentFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RelabelDialog")
        self.setWindowTitle(self.tr("更改文档类型"))
        self.document = document
        self.kind: str | None = None
        english = i18n.current() == "en"
        current = document_kind_label(document.kind)
        if document.kind_by_person:
            how = self.tr("由 {0} 人工认定").format(document.kind_source.partition(":")[2] or self.tr("审核人"))
        else:
            how = self.tr("识别置信度 {0}%；依据：{1}").format(document.kind_confidence,
                                                        document.kind_reason or self.tr("无"))
        intro = QLabel(self.tr("材料：{0}\n当前类型：{1}（{2}）\n\n改为以下类型后，将按该类型重新读取此材料"
                               "（扫描页将识别文字），并记住此文件的类型；随后重新检查与测算。")
                       .format(document.name, current.en if english else current.zh, how), self)
        intro.setWordWrap(True)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("文档类型"))
        for code in DOCUMENT_KINDS:
            label = document_kind_label(code)
            self.combo.addItem(label.en if english else label.zh, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(document.kind)))
        self.buttons = buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)
        # A top-level window does not ask its wrapped labels for their height at its width: the
        # reasons were cut off under the combo box. Room for them at the dialog's width.
        self.setMinimumWidth(540)
        intro.setMinimumHeight(intro.heightForWidth(540 - 2 * layout.contentsMargins().left()))
        self.adjustSize()

    def choose(self, kind: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(kind)))

    def accept(self) -> None:
        chosen = str(self.combo.currentData())
        # The same kind confirms a guess (kept as set by a person); a person's own is unchanged.
        self.kind = None if chosen == self.document.kind and self.document.kind_by_person else chosen
        super().accept()


class EntryDialog(QDialog):
    """补录字段: one field the reader did not find on a document, typed as a correction is
    (``desk.correction.normalise``); ``name`` and ``value`` hold it after OK."""

    def __init__(self, document: DocumentFields, missing: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EntryDialog")
        self.setWindowTitle(self.tr("补录字段"))
        self.document = document
        self.name: str | None = None
        self.value: str | None = None
        english = i18n.current() == "en"
        intro = QLabel(self.tr("材料：{0}\n补录材料中未读出的字段（如未读出的合同金额、签订日期）；"
                               "补录人和时间记入审计日志，随后重新检查与测算。").format(document.name), self)
        intro.setWordWrap(True)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("字段"))
        for name in missing:
            label = field_label(name)
            self.combo.addItem(label.en if english else label.zh, name)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #c81e1e;")
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("补录的值"))
        self.edit.textEdited.connect(lambda _text: self.refusal.clear())
        self.buttons = buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.combo)
        layout.addWidget(self.edit)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        intro.setMinimumHeight(intro.heightForWidth(480 - 2 * layout.contentsMargins().left()))
        self.adjustSize()

    def choose(self, name: str, value: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(name)))
        self.edit.setText(value)

    def accept(self) -> None:
        name = str(self.combo.currentData() or "")
        if not name:
            self.reject()
            return
        try:
            self.value = normalise(name, self.edit.text())
        except CorrectionRefused as refused:
            self.refusal.setText(refused.en if i18n.current() == "en" else refused.zh or str(refused))
            self.adjustSize()
            return
        self.name = name
        super().accept()
