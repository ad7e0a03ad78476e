"""Move the open application to another status: only the moves the workflow's one table allows
(``office.status.TRANSITIONS``) are offered; a guard that is not met is said in plain words
before anything is written, and where the workflow lets a person pass over it (open blocking
findings for 初审通过, no signed 补正 notice for 补正中) the dialog asks for the override to be
ticked and a reason written. The move is the desk service's, audited under the person named."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk import office as od
from slq_desk.desk.service import Desk
from slq_desk.errors import SlqError
from slq_desk.ui.office.common import heading_label, refusal_text, status_name
from slq_desk.ui.signing.common import BAD_STYLE, INFO_STYLE, OK_STYLE, message_label, show_message


class StatusMoveDialog(QDialog):
    """``moved(StatusMove)`` once the application has moved."""

    moved = Signal(object)

    def __init__(self, desk: Desk, application_id: str, by: str, target: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusMoveDialog")
        self.desk = desk
        self.application_id = application_id
        self.check: od.MoveCheck | None = None
        self.setWindowTitle(self.tr("更改申报状态"))
        self.setMinimumWidth(620)
        info = desk.office.status(application_id)
        self.info = info
        layout = QVBoxLayout(self)
        self.header = heading_label(self)
        self.header.setText(self.tr("申报 {0} · {1} · {2}").format(
            application_id, info.applicant, info.policy))
        layout.addWidget(self.header)
        form = QFormLayout()
        self.current_label = QLabel(status_name(info.status), self)
        form.addRow(self.tr("当前状态："), self.current_label)
        self.target_box = QComboBox(self)
        self.target_box.setAccessibleName(self.tr("新状态"))
        for code in info.allowed:
            self.target_box.addItem(status_name(code), code)
        if target is not None and target in info.allowed:
            self.target_box.setCurrentIndex(info.allowed.index(target))
        target_label = QLabel(self.tr("转为(&T)："), self)
        target_label.setBuddy(self.target_box)
        form.addRow(target_label, self.target_box)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName(self.tr("理由"))
        self.reason_edit.setPlaceholderText(self.tr("写明理由，记入审计日志（必填）"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.reason_edit.textChanged.connect(self._update_button)
        reason_label = QLabel(self.tr("理由(&R)："), self)
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self.reason_edit)
        self.by_edit = QLineEdit(by, self)
        self.by_edit.setAccessibleName(self.tr("经办人"))
        self.by_edit.textChanged.connect(self._update_button)
        by_label = QLabel(self.tr("经办人(&B)："), self)
        by_label.setBuddy(self.by_edit)
        form.addRow(by_label, self.by_edit)
        layout.addLayout(form)
        self.guard = message_label(self)
        self.guard.setObjectName("StatusGuard")
        layout.addWidget(self.guard)
        self.override_box = QCheckBox(self.tr("越过上述问题，按理由转为该状态(&O)"), self)
        self.override_box.toggled.connect(self._update_button)
        self.override_box.hide()
        layout.addWidget(self.override_box)
        self.result_label = message_label(self)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.move_button = self.buttons.addButton(self.tr("确认更改(&M)"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.move_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.move_button.clicked.connect(self.confirm)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.target_box.currentIndexChanged.connect(lambda _i: self.refresh_guard())
        if not info.allowed:
            show_message(self.guard, self.tr("“{0}”是终态，不能再更改。").format(
                status_name(info.status)), INFO_STYLE)
        self.refresh_guard()

    def target(self) -> str | None:
        data = self.target_box.currentData()
        return str(data) if data else None

    def refresh_guard(self) -> None:
        """Ask the desk what the chosen move would meet (nothing is written)."""
        target = self.target()
        self.check = None
        self.override_box.setChecked(False)
        self.override_box.hide()
        if target is None:
            self._update_button()
            return
        try:
            self.check = self.desk.office.check_move(self.application_id, target)
        except SlqError as err:
            show_message(self.guard, str(err), BAD_STYLE)
            self._update_button()
            return
        if self.check.allowed:
            show_message(self.guard, self.tr("可以转为“{0}”。").format(status_name(target)), OK_STYLE)
        else:
            show_message(self.guard, refusal_text(self.check), BAD_STYLE)
            self.override_box.setVisible(self.check.overridable)
        self._update_button()

    def _update_button(self) -> None:
        check = self.check
        ready = (check is not None and bool(self.reason_edit.toPlainText().strip())
                 and bool(self.by_edit.text().strip())
                 and (check.allowed or (check.overridable and self.override_box.isChecked())))
        self.move_button.setEnabled(ready)

    def confirm(self) -> None:
        check = self.check
        if check is None or not self.move_button.isEnabled():
            return
        try:
            move = self.desk.office.move(self.application_id, check.to,
                                         self.reason_edit.toPlainText().strip(),
                                         self.by_edit.text().strip(),
                                         override=not check.allowed and self.override_box.isChecked())
        except SlqError as err:  # the guard changed since it was shown: say so, ask again
            show_message(self.result_label, self.tr("未更改：{0}").format(err), BAD_STYLE)
            self.refresh_guard()
            return
        self.moved.emit(move)
        self.accept()
