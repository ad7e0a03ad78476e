"""Chinese glyphs in the UI without relying on the system's fonts.

A fresh Linux machine (or a container under Xvfb) often has no CJK font, and Qt then draws
boxes. PyMuPDF ships Droid Sans Fallback, so it is registered as an application font and put
behind the system's UI family: Latin keeps the system look, Chinese falls through to Droid.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

_family: str | None = None


def install_cjk_font(app: QApplication) -> str | None:
    """Register the bundled CJK font and make it the fallback family; return its family name."""
    global _family
    if _family is None:
        from slq_desk.fonts import cjk_font_bytes

        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(cjk_font_bytes()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            return None
        _family = families[0]
    font = QFont(app.font())
    if _family not in font.families():
        font.setFamilies([*font.families(), _family])
        app.setFont(font)
    return _family
