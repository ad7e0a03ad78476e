"""设置: who is reviewing (name, organisation, used for declarations, corrections and the audit
log) and the language of the window. Kept in QSettings so every start knows the reviewer."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from slq_desk.ui import i18n
from slq_desk.ui.theme import error_css

NAME, ORGANISATION = "reviewer/name", "reviewer/organisation"


def reviewer_name(settings: QSettings, fallback: str = "") -> str:
    value = settings.value(NAME)
    return value.strip() if isinstance(value, str) and value.strip() else fallback


def reviewer_organisation(settings: QSettings) -> str:
    value = settings.value(ORGANISATION)
    return value if isinstance(value, str) else ""


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None,
                 require_name: bool = False) -> None:
        super().__init__(parent)
        self.settings = settings
        self.require_name = require_name  # asked when a review starts: a name is the point
        self.setWindowTitle(self.tr("设置"))
        self.name = QLineEdit(reviewer_name(settings), self)
        self.name.setObjectName("reviewer_name")
        self.name.setPlaceholderText(self.tr("评审专家或审核人员姓名"))
        self.organisation = QLineEdit(reviewer_organisation(settings), self)
        self.organisation.setObjectName("reviewer_organisation")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, label in i18n.LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.chosen_language(settings))))
        note = QLabel(self.tr("姓名用于利益冲突声明、字段更正和审计日志。界面语言在重新启动后完全生效。"), self)
        note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("settings_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_css())
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("单位"), self.organisation)
        form.addRow(self.tr("界面语言"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 200)

    def accept(self) -> None:
        if self.require_name and not self.name.text().strip():
            self.error.setText(self.tr("请填写姓名：它将写入利益冲突声明、评审意见和审计日志。"))
            self.error.show()
            self.name.setFocus()
            return
        self.settings.setValue(NAME, self.name.text().strip())
        self.settings.setValue(ORGANISATION, self.organisation.text().strip())
        i18n.remember(self.settings, str(self.language.currentData()))
        self.settings.sync()
        super().accept()

    def language_code(self) -> str:
        return str(self.language.currentData())
