"""Draft, edit and sign a notice of the open application: 补正材料通知书 (一次性告知), 受理通知书
or 不予受理通知书.

Two steps in one dialog. First the official says which notice, the issuing office and the
承办人; drafting runs the checks and numbers the notice from the findings (an operation: the
checks take a moment). Then the draft is edited here — which items the applicant is told
(blocking ones ticked, warnings offered), the wording of each problem and requirement, the
deadline, the contact, a refusal's reasons — saved, and signed with the installed signing
identity (the same unlocking as the expert opinions, ``ui/signing``) or written as an unsigned
草稿 PDF. After writing, the file or its folder can be opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.service import Desk
from slq_desk.errors import BadInput, SlqError
from slq_desk.office.notices import NoticeDraft
from slq_desk.ui.office.common import heading_label, open_path
from slq_desk.ui.operations import Operation, Report
from slq_desk.ui.signing import signing_ops
from slq_desk.ui.signing.common import (
    BAD_STYLE,
    INFO_STYLE,
    OK_STYLE,
    ask_passphrase,
    message_label,
    show_message,
)

Launcher = Callable[[Operation], Operation]
Asker = Callable[[str], "str | None"]
KIND_ORDER = ("supplement", "acceptance", "rejection")
ITEM_COLUMNS = ("include", "material", "problem", "article", "standard")


class NoticeDialog(QDialog):
    """``NoticeDialog(desk, app, launch, official=…)``, or ``draft=`` to edit a stored one.

    ``changed()`` after a draft is made, saved or signed (the 初审 tab lists the notices).
    """

    changed = Signal()

    def __init__(self, desk: Desk, application_id: str, launch: Launcher, *, official: str = "",
                 kind: str = "supplement", draft: NoticeDraft | None = None,
                 ask: Asker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeDialog")
        self.desk = desk
        self.application_id = application_id
        self.launch = launch
        self.draft: NoticeDraft | None = None
        self.written: Path | None = None
        self.final = False  # the notice is signed: its number cannot be signed again
        self._op: Operation | None = None
        self._bridge = signing_ops.PromptBridge(ask or (lambda label: ask_passphrase(self, label)), self)
        self._bridge.notified.connect(self._notice)
        self.setWindowTitle(self.tr("通知书"))
        self.resize(1100, 760)
        layout = QVBoxLayout(self)
        self.header = heading_label(self)
        layout.addWidget(self.header)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._start_page(official, kind))
        self.pages.addWidget(self._edit_page())
        layout.addWidget(self.pages, 1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.result_label = message_label(self)
        self.result_label.setObjectName("NoticeResult")
        layout.addWidget(self.result_label)
        self.buttons = QDialogButtonBox(self)
        self.draft_button = self.buttons.addButton(self.tr("起草(&D)"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.clicked.connect(self.make_draft)
        self.save_button = self.buttons.addButton(self.tr("保存草稿(&A)"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        self.sign_button = self.buttons.addButton(self.tr("签发并导出(&S)"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.sign_button.clicked.connect(self.sign)
        self.open_file_button = self.buttons.addButton(self.tr("打开文件(&F)"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
        self.open_file_button.clicked.connect(lambda: self.written and open_path(self.written))
        self.open_folder_button = self.buttons.addButton(self.tr("打开文件夹(&L)"),
                                                         QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(
            lambda: self.written and open_path(self.written.parent))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        if draft is not None:
            self.show_draft(draft)
        else:
            self.header.setText(self.tr("起草通知书 · 申报 {0}").format(application_id))
            self._update_buttons()

    def _notice(self, message: str) -> None:
        show_message(self.result_label, message, INFO_STYLE)

    # --- step 1: which notice, from which office ---------------------------------------------------

    def _start_page(self, official: str, kind: str) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.kind_box = QComboBox(page)
        self.kind_box.setAccessibleName(self.tr("文书"))
        for code, title in zip(KIND_ORDER, (self.tr("补正材料通知书（一次性告知）"), self.tr("受理通知书"),
                                            self.tr("不予受理通知书")), strict=True):
            self.kind_box.addItem(title, code)
        self.kind_box.setCurrentIndex(KIND_ORDER.index(kind) if kind in KIND_ORDER else 0)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._row(form, self.tr("文书(&K)："), self.kind_box)
        self.office_edit = QLineEdit(self.desk.office.office_name(), page)
        self.office_edit.setAccessibleName(self.tr("发文机关"))
        self.office_edit.setPlaceholderText(self.tr("如：武汉市数据局（本工作区记住）"))
        self._row(form, self.tr("发文机关(&G)："), self.office_edit)
        self.official_edit = QLineEdit(official, page)
        self.official_edit.setAccessibleName(self.tr("承办人"))
        self._row(form, self.tr("承办人(&P)："), self.official_edit)
        self.days_box = QSpinBox(page)
        self.days_box.setRange(1, 60)
        self.days_box.setValue(15)
        self.days_box.setAccessibleName(self.tr("补正期限（工作日）"))
        self.days_label = self._row(form, self.tr("补正期限（工作日）(&W)："), self.days_box)
        self.reasons_start = QPlainTextEdit(page)
        self.reasons_start.setAccessibleName(self.tr("不予受理理由"))
        self.reasons_start.setPlaceholderText(self.tr("每行一条；留空则取阻断问题"))
        self.reasons_start.setTabChangesFocus(True)
        self.reasons_label = self._row(form, self.tr("不予受理理由(&Y)："), self.reasons_start)
        hint = QLabel(self.tr("起草时先重新运行初审检查，通知书从当前问题生成，并取得文书编号。"), page)
        hint.setWordWrap(True)
        form.addRow(hint)
        self._kind_changed()
        return page

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, field.parentWidget())
        label.setBuddy(field)
        form.addRow(label, field)
        return label

    def _kind_changed(self) -> None:
        kind = self.kind_box.currentData()
        for widget in (self.days_box, self.days_label):
            widget.setVisible(kind == "supplement")
        for other in (self.reasons_start, self.reasons_label):
            other.setVisible(kind == "rejection")

    def make_draft(self) -> None:
        if self.is_busy() or self.draft is not None:
            return
        office = self.office_edit.text().strip()
        official = self.official_edit.text().strip()
        if not office or not official:
            show_message(self.result_label, self.tr("请填写发文机关和承办人。"), BAD_STYLE)
            return
        kind = str(self.kind_box.currentData())
        reasons = [r.strip() for r in self.reasons_start.toPlainText().splitlines() if r.strip()]
        days = self.days_box.value()
        desk, app = self.desk, self.application_id

        def work(report: Report) -> NoticeDraft:
            report(0, 0, "")
            return desk.office.draft_notice(app, kind, office=office, official=official,
                                            working_days=days if kind == "supplement" else None,
                                            reasons=reasons or None)

        self._run(Operation(work), self._drafted)

    def _drafted(self, draft: NoticeDraft) -> None:
        self.show_draft(draft)
        show_message(self.result_label, self.tr("已起草，文书编号 {0}。核对、编辑后签发。").format(draft.number),
                     OK_STYLE)
        self.changed.emit()

    # --- step 2: the draft, edited ------------------------------------------------------------------

    def _edit_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.official_draft = QLineEdit(page)
        self.official_draft.setAccessibleName(self.tr("承办人"))
        self._row(form, self.tr("承办人(&P)："), self.official_draft)
        self.deadline_edit = QDateEdit(page)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_edit.setAccessibleName(self.tr("补正截止日期"))
        self.deadline_label = self._row(form, self.tr("截止日期(&E)："), self.deadline_edit)
        self.rule_edit = QLineEdit(page)
        self.rule_edit.setAccessibleName(self.tr("期限说明"))
        self.rule_label = self._row(form, self.tr("期限说明(&U)："), self.rule_edit)
        self.contact_edit = QLineEdit(page)
        self.contact_edit.setAccessibleName(self.tr("联系方式"))
        self.contact_edit.setPlaceholderText(self.tr("如：027-12345678（王承办）"))
        self._row(form, self.tr("联系方式(&C)："), self.contact_edit)
        layout.addLayout(form)
        self.items_label = QLabel(self.tr("告知事项（勾选的列入通知书；各列可直接编辑）："), page)
        layout.addWidget(self.items_label)
        self.items = QTableWidget(0, len(ITEM_COLUMNS), page)
        self.items.setObjectName("NoticeItems")
        self.items.setAccessibleName(self.tr("告知事项"))
        self.items.setHorizontalHeaderLabels([self.tr("列入"), self.tr("材料"), self.tr("问题"),
                                              self.tr("依据"), self.tr("补正要求")])
        self.items.setWordWrap(True)
        self.items.verticalHeader().hide()
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.items.setColumnWidth(1, 190)
        self.items.setColumnWidth(3, 150)
        self.items_label.setBuddy(self.items)
        layout.addWidget(self.items, 1)
        self.reasons_edit_label = QLabel(self.tr("不予受理理由（每行一条）(&Y)："), page)
        self.reasons_edit = QPlainTextEdit(page)
        self.reasons_edit.setAccessibleName(self.tr("不予受理理由"))
        self.reasons_edit.setTabChangesFocus(True)
        self.reasons_edit_label.setBuddy(self.reasons_edit)
        layout.addWidget(self.reasons_edit_label)
        layout.addWidget(self.reasons_edit, 1)
        self.notes = message_label(page)
        layout.addWidget(self.notes)
        out_row = QHBoxLayout()
        self.out_edit = QLineEdit(page)
        self.out_edit.setAccessibleName(self.tr("输出文件"))
        browse = QPushButton(self.tr("浏览(&O)…"), page)
        browse.clicked.connect(self._browse)
        out_label = QLabel(self.tr("输出文件："), page)
        out_label.setBuddy(self.out_edit)
        out_row.addWidget(out_label)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        layout.addLayout(out_row)
        self.unsigned_box = QCheckBox(self.tr("不签名，只生成草稿 PDF（供内部核对）(&N)"), page)
        layout.addWidget(self.unsigned_box)
        return page

    def show_draft(self, draft: NoticeDraft) -> None:
        self.draft = draft
        state = self.tr("草稿")
        stored = [n for n in self.desk.office.notices(draft.application_id) if n["id"] == draft.notice_id]
        signed = bool(stored) and stored[0]["status"] == "signed"
        self.final = signed
        if signed:
            state = self.tr("已签发")
            self.written = Path(stored[0]["file"]) if stored[0]["file"] else None
        self.header.setText(self.tr("{0} · {1} · 申报 {2} {3} · {4}").format(
            draft.title, draft.number, draft.application_id, draft.applicant_name, state))
        self.official_draft.setText(draft.official)
        supplement = draft.kind == "supplement"
        for widget in (self.deadline_edit, self.deadline_label, self.rule_edit, self.rule_label,
                       self.items_label, self.items):
            widget.setVisible(supplement)
        for other in (self.reasons_edit, self.reasons_edit_label):
            other.setVisible(draft.kind == "rejection")
        if draft.deadline:
            self.deadline_edit.setDate(QDate.fromString(draft.deadline, "yyyy-MM-dd"))
        self.rule_edit.setText(draft.deadline_rule)
        self.contact_edit.setText(draft.contact)
        self.items.setRowCount(0)
        for item in draft.items:
            row = self.items.rowCount()
            self.items.insertRow(row)
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                           | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if item.include else Qt.CheckState.Unchecked)
            self.items.setItem(row, 0, check)
            for column, text in enumerate((item.material, item.problem, item.article,
                                           item.standard), 1):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.items.setItem(row, column, cell)
        self.items.resizeRowsToContents()
        self.reasons_edit.setPlainText("\n".join(draft.reasons))
        show_message(self.notes, "\n".join(self.tr("注意：{0}").format(n) for n in draft.notes),
                     INFO_STYLE)
        if not self.out_edit.text():
            self.out_edit.setText(str(self.desk.office.notice_path(draft)))
        self.pages.setCurrentIndex(1)
        self._update_buttons()
        if signed:
            show_message(self.result_label, self.tr("此通知书已签发：{0}").format(self.written or ""),
                         OK_STYLE)

    def edited(self) -> NoticeDraft:
        """The draft with what is on screen (``BadInput`` when it is not a valid notice)."""
        assert self.draft is not None
        data: dict[str, Any] = self.draft.to_dict()
        data["official"] = self.official_draft.text().strip()
        data["contact"] = self.contact_edit.text().strip()
        if self.draft.kind == "supplement":
            data["deadline"] = self.deadline_edit.date().toString("yyyy-MM-dd")
            data["deadline_rule"] = self.rule_edit.text().strip()
            items = []
            for row, item in enumerate(data["items"]):
                cells = [self.items.item(row, c) for c in range(len(ITEM_COLUMNS))]
                items.append({**item, "include": cells[0] is not None
                              and cells[0].checkState() == Qt.CheckState.Checked,
                              **{k: _text(cells[c]) for c, k in enumerate(ITEM_COLUMNS) if c}})
            data["items"] = items
        if self.draft.kind == "rejection":
            data["reasons"] = [r.strip() for r in self.reasons_edit.toPlainText().splitlines()
                               if r.strip()]
        return NoticeDraft.from_dict(data)

    def save(self) -> bool:
        if self.draft is None or self.is_busy():
            return False
        try:
            draft = self.edited()
            self.desk.office.save_notice_draft(draft)
        except SlqError as err:
            show_message(self.result_label, self.tr("未保存：{0}").format(err), BAD_STYLE)
            return False
        self.draft = draft
        show_message(self.result_label, self.tr("草稿已保存（{0}）。").format(draft.number), OK_STYLE)
        self.changed.emit()
        return True

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存通知书"), self.out_edit.text(),
                                              self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.out_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def sign(self) -> None:
        if self.draft is None or self.is_busy():
            return
        try:
            draft = self.edited()
            out = Path(self.out_edit.text().strip()).expanduser()
            if out.suffix.lower() != ".pdf":
                raise BadInput(self.tr("输出文件应以 .pdf 结尾。"))
        except SlqError as err:
            show_message(self.result_label, self.tr("未签发：{0}").format(err), BAD_STYLE)
            return
        unsigned = self.unsigned_box.isChecked()
        desk, bridge = self.desk, self._bridge

        def work(report: Report) -> Any:
            identity = None
            if not unsigned:
                report(0, 0, "")
                identity = signing_ops.unlock_identity(None, bridge, bridge.notify)
            return desk.office.sign_notice(draft, out, identity)

        self.draft = draft
        self._run(Operation(work), self._signed)

    def _signed(self, written: Any) -> None:
        self.written = written.path
        if written.signed:
            text = self.tr("已签发：{0}\n文书编号 {1} · {2} 页 · SHA-256 {3}").format(
                written.path, written.number, written.pages, written.sha256)
        else:
            text = self.tr("已生成未签署的草稿 PDF：{0}").format(written.path)
        show_message(self.result_label, text, OK_STYLE)
        if self.draft is not None:
            self.show_draft(self.draft)
            show_message(self.result_label, text, OK_STYLE)
        self.changed.emit()

    # --- running ------------------------------------------------------------------------------------

    def _run(self, op: Operation, done: Callable[[Any], None]) -> None:
        op.finished.connect(done)
        op.failed.connect(lambda message: show_message(
            self.result_label, self.tr("未完成：{0}").format(message), BAD_STYLE))
        op.cancelled.connect(lambda: show_message(self.result_label, self.tr("已取消。"), BAD_STYLE))
        op.ended.connect(self._ended)
        self._op = op
        self.progress.show()
        self._update_buttons()
        self.launch(op)

    def _ended(self) -> None:
        self.progress.hide()
        self._update_buttons()

    def is_busy(self) -> bool:
        return self._op is not None and not self._op.is_done

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        drafting = self.draft is None
        final = self.final
        self.draft_button.setVisible(drafting)
        self.draft_button.setEnabled(not busy)
        for button in (self.save_button, self.sign_button):
            button.setVisible(not drafting)
            button.setEnabled(not busy and not final)
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(self.written is not None)
            button.setEnabled(self.written is not None and not busy)
        self.close_button.setEnabled(not busy)

    def reject(self) -> None:
        if self.is_busy():
            return  # a signature half-written finishes first
        super().reject()


def _text(cell: QTableWidgetItem | None) -> str:
    return cell.text().strip() if cell is not None else ""
