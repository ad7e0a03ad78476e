"""The dialog that corrects one extracted field: the person types, the core checks the type.

The value is checked by ``desk.correction.normalise`` (the same check the desk applies when it
stores it), so a refusal ("abc" for a contract total) is shown here, in the dialog, and the
dialog stays open; only a value that fits the field leaves it, already in its stored form.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.correction import (
    DATE_FIELDS,
    FLAG_FIELDS,
    MONEY_FIELDS,
    TAX_ID_FIELDS,
    USCC_FIELDS,
    CorrectionRefused,
    normalise,
)
from slq_desk.errors import localised
from slq_desk.ui import i18n
from slq_desk.ui.review_data import FieldRow
from slq_desk.vocabulary import field_label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """The dialog's 确定 / 取消 buttons, wired to accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class CorrectionDialog(QDialog):
    def __init__(self, row: FieldRow, shown_value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CorrectionDialog")
        self.setWindowTitle(self.tr("更正字段值"))
        self.row = row
        self.value: str | None = None
        name = i18n.label(field_label(row.name))
        intro = QLabel(self.tr("字段：{0}\n原提取值：{1}\n\n更正为（原值保留，更正人和时间将记录在审计日志中）：")
                       .format(name, shown_value), self)
        intro.setWordWrap(True)
        self.edit = QLineEdit(row.effective, self)
        self.edit.setAccessibleName(self.tr("更正后的值"))
        hint = QLabel(self._hint(row.name.removeprefix("item.")), self)
        hint.setWordWrap(True)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #c81e1e;")
        self.edit.textEdited.connect(lambda _text: self.refusal.clear())
        self.buttons = buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _hint(self, bare: str) -> str:
        if bare in MONEY_FIELDS:
            return self.tr("金额：如 1234.50、¥1,234.50 或 12.3万，最多两位小数。")
        if bare in DATE_FIELDS:
            return self.tr("日期：如 2026-03-01 或 2026年3月1日。")
        if bare in USCC_FIELDS or bare in TAX_ID_FIELDS:
            return self.tr("统一社会信用代码：18 位，校验位须正确。")
        if bare in FLAG_FIELDS:
            return self.tr("填写“是”或“否”。")
        return ""

    def accept(self) -> None:
        try:
            self.value = normalise(self.row.name, self.edit.text())
        except CorrectionRefused as refused:
            # The core's sentence, in the window's language; the dialog stays open.
            self.refusal.setText(refused.en if i18n.current() == "en" else localised(refused, chinese=True))
            self.edit.setFocus()
            self.edit.selectAll()
            self.adjustSize()  # room for the sentence, nothing above it squeezed
            return
        super().accept()
