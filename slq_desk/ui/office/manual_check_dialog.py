"""Record what the official checked by hand outside slq-desk: an invoice's national 查验
(一致 / 不一致 / 查无此票) and the applicant's 信用中国 report, each with the day and who. The
records are kept and audited (``checks.verification``) and shown in the 初审 tab, the check
report and the 初审意见."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.service import Desk
from slq_desk.errors import SlqError
from slq_desk.ui.signing.common import BAD_STYLE, OK_STYLE, message_label, show_message

# The stored results are the Chinese words of the record (checks.verification).
INVOICE_RESULTS = ("一致", "不一致", "查无此票")
CREDIT_RESULTS = ("无失信记录", "有失信记录", "未查到")


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class ManualCheckDialog(QDialog):
    """``recorded()`` after each record is kept."""

    recorded = Signal()

    def __init__(self, desk: Desk, application_id: str, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ManualCheckDialog")
        self.desk = desk
        self.application_id = application_id
        self.setWindowTitle(self.tr("发票查验与信用核查 · 申报 {0}").format(application_id))
        self.setMinimumWidth(640)
        records = desk.office.manual_checks(application_id)
        layout = QVBoxLayout(self)

        invoice_box = QGroupBox(self.tr("发票查验（全国增值税发票查验平台，人工核对）"), self)
        form = QFormLayout(invoice_box)
        self.invoice_box = QComboBox(invoice_box)
        self.invoice_box.setAccessibleName(self.tr("发票"))
        for row in records["invoices"]:
            shown = row["invoice"] or self.tr("（未读出号码）")
            self.invoice_box.addItem(f"{shown} · {row['file']}", row["document_id"])
        self._row(form, self.tr("发票(&I)："), self.invoice_box)
        self.invoice_result = QComboBox(invoice_box)
        self.invoice_result.setAccessibleName(self.tr("查验结果"))
        for text in INVOICE_RESULTS:
            self.invoice_result.addItem(self._result_label(text), text)
        self._row(form, self.tr("查验结果(&R)："), self.invoice_result)
        self.invoice_day = _date_edit(invoice_box, self.tr("查验日期"))
        self._row(form, self.tr("查验日期(&D)："), self.invoice_day)
        self.invoice_by = QLineEdit(by, invoice_box)
        self.invoice_by.setAccessibleName(self.tr("查验人"))
        self._row(form, self.tr("查验人(&B)："), self.invoice_by)
        self.invoice_note = QLineEdit(invoice_box)
        self.invoice_note.setAccessibleName(self.tr("备注"))
        self._row(form, self.tr("备注(&N)："), self.invoice_note)
        self.invoice_button = QPushButton(self.tr("记录发票查验(&V)"), invoice_box)
        self.invoice_button.clicked.connect(self.record_invoice)
        self.invoice_button.setEnabled(self.invoice_box.count() > 0)
        form.addRow("", self.invoice_button)
        if self.invoice_box.count() == 0:
            form.addRow(QLabel(self.tr("此申报没有识别为发票的材料。"), invoice_box))
        layout.addWidget(invoice_box)

        credit_box = QGroupBox(self.tr("信用核查（“信用中国”信用报告）"), self)
        form = QFormLayout(credit_box)
        self.credit_result = QComboBox(credit_box)
        self.credit_result.setAccessibleName(self.tr("核查结果"))
        for text in CREDIT_RESULTS:
            self.credit_result.addItem(self._result_label(text), text)
        self._row(form, self.tr("核查结果(&C)："), self.credit_result)
        self.credit_day = _date_edit(credit_box, self.tr("核查日期"))
        self._row(form, self.tr("核查日期(&T)："), self.credit_day)
        self.credit_by = QLineEdit(by, credit_box)
        self.credit_by.setAccessibleName(self.tr("核查人"))
        self._row(form, self.tr("核查人(&H)："), self.credit_by)
        self.credit_report = QLineEdit(credit_box)
        self.credit_report.setAccessibleName(self.tr("信用报告编号"))
        self._row(form, self.tr("信用报告编号(&P)："), self.credit_report)
        self.credit_button = QPushButton(self.tr("记录信用核查(&K)"), credit_box)
        self.credit_button.clicked.connect(self.record_credit)
        form.addRow("", self.credit_button)
        layout.addWidget(credit_box)

        self.message = message_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, field.parentWidget())
        label.setBuddy(field)
        form.addRow(label, field)

    def _result_label(self, text: str) -> str:
        return {"一致": self.tr("一致"), "不一致": self.tr("不一致"), "查无此票": self.tr("查无此票"),
                "无失信记录": self.tr("无失信记录"), "有失信记录": self.tr("有失信记录"),
                "未查到": self.tr("未查到")}[text]

    def record_invoice(self) -> None:
        document = self.invoice_box.currentData()
        if document is None:
            return
        try:
            row = self.desk.office.record_invoice_check(
                self.application_id, int(document), str(self.invoice_result.currentData()),
                _day(self.invoice_day), self.invoice_by.text(), self.invoice_note.text().strip())
        except SlqError as err:
            show_message(self.message, self.tr("未记录：{0}").format(err), BAD_STYLE)
            return
        show_message(self.message, self.tr("已记录：发票 {0} 查验{1}（{2}，{3}）").format(
            row["subject"], self._result_label(row["result"]), row["checked_on"],
            row["checked_by"]), OK_STYLE)
        self.recorded.emit()

    def record_credit(self) -> None:
        try:
            row = self.desk.office.record_credit_check(
                self.application_id, str(self.credit_result.currentData()), _day(self.credit_day),
                self.credit_by.text(), report=self.credit_report.text().strip())
        except SlqError as err:
            show_message(self.message, self.tr("未记录：{0}").format(err), BAD_STYLE)
            return
        show_message(self.message, self.tr("已记录：信用核查 {0}：{1}（{2}，{3}）").format(
            row["subject"], self._result_label(row["result"]), row["checked_on"],
            row["checked_by"]), OK_STYLE)
        self.recorded.emit()
