"""Small pieces the signing and panel widgets share: message styling (from the theme), the passphrase
prompt, a validated money field (Decimal from text, never a float spin box)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

from slq_desk.money import D, MoneyError
from slq_desk.ui.theme import MESSAGE_KINDS, message_css

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate

# Kinds of message, coloured from the theme when shown (light or dark), never fixed colours.
OK_STYLE, BAD_STYLE, INFO_STYLE = "ok", "bad", "info"




def message_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags()
                                  | label.textInteractionFlags().TextSelectableByMouse)
    label.hide()
    return label


def show_message(label: QLabel, text: str, style: str) -> None:
    """``style`` is a message kind (OK_STYLE, BAD_STYLE, INFO_STYLE) or a style sheet."""
    label.setStyleSheet(message_css(style) if style in MESSAGE_KINDS else style)
    label.setText(text)
    label.setVisible(bool(text))


def ask_passphrase(parent: QWidget | None, label: str) -> str | None:
    """A password field in a modal dialog; None when cancelled. Nothing is kept or logged."""
    text, ok = QInputDialog.getText(parent, translate("Signing", "密钥口令"), label, QLineEdit.EchoMode.Password)
    return text if ok else None


# Up to 13 integer digits, optional 1–2 decimals: yuan to the fen. Grouping commas allowed.
_MONEY_RE = QRegularExpression(r"^\s*[0-9][0-9,]{0,16}(\.[0-9]{0,2})?\s*$")
_SCORE_RE = QRegularExpression(r"^\s*[0-9]{1,3}(\.[0-9]{0,4})?\s*$")


class DecimalField(QLineEdit):
    """A text field for an amount or a score: validated as typed, read as ``Decimal``."""

    def __init__(self, placeholder: str = "", *, score: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(_SCORE_RE if score else _MONEY_RE, self))
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)

    def decimal(self) -> Decimal | None:
        """The value, or None when empty; ``MoneyError`` (a ValueError) when malformed."""
        text = self.text().strip()
        if not text:
            return None
        return D(text)


def parse_decimal_list(text: str, what: str) -> list[Decimal | None]:
    """"500000, 700000, 无" → [Decimal, Decimal, None]; a clear BadInput on anything else."""
    from slq_desk.errors import BadInput

    out: list[Decimal | None] = []
    for raw in text.replace("，", ",").replace("、", ",").split(","):
        item = raw.strip()
        if not item:
            continue
        if item.lower() in ("none", "无", "不限"):
            out.append(None)
            continue
        try:
            out.append(D(item))
        except MoneyError:
            raise BadInput(f"{what}：“{item}”不是数字 / not a number") from None
    return out
