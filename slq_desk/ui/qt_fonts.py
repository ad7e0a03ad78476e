"""Chinese glyphs in the UI without relying on the system's fonts.

A fresh Linux machine (or a container under Xvfb) often has no CJK font, and Qt then draws
boxes. PyMuPDF ships Droid Sans Fallback, so it is registered as an application font and put
behind the system's UI family: Latin keeps the system look, Chinese falls through to Droid.

The font is copied once into the user's data folder and registered from there at later
start-ups, so showing the window does not import PyMuPDF (0.1–0.3 s) only to read it
(issue 18, item 1).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

_family: str | None = None


def install_cjk_font(app: QApplication) -> str | None:
    """Register the bundled CJK font and make it the fallback family; return its family name."""
    global _family
    if _family is None:
        cached = cached_font_file()
        font_id = QFontDatabase.addApplicationFont(str(cached)) if cached is not None else -1
        if font_id < 0:  # no copy could be written, or it is damaged: read it from PyMuPDF
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


def cached_font_file() -> Path | None:
    """The CJK font as a file in the user's data folder, written once per installed PyMuPDF
    (its module file's size and time name the copy); None when the folder is not writable."""
    from slq_desk.userenv import user_data_dir

    spec = importlib.util.find_spec("pymupdf")  # finds the module without importing it
    if spec is None or spec.origin is None:
        return None
    try:
        stat = os.stat(spec.origin)
        path = user_data_dir() / "fonts" / f"cjk-{stat.st_size}-{int(stat.st_mtime)}.ttf"
        if path.is_file() and path.stat().st_size > 0:
            return path
        from slq_desk.fonts import cjk_font_bytes

        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(cjk_font_bytes())
        partial.replace(path)  # atomic: another window starting at once never reads half a file
        return path
    except OSError:
        return None
