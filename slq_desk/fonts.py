"""The CJK font every generated PDF embeds.

PyMuPDF ships Droid Sans Fallback (TrueType outlines) as ``pymupdf.Font("cjk")``; ReportLab can
embed TrueType (not CFF/OTF) CJK fonts, so we use that buffer and nothing is downloaded.
"""

from __future__ import annotations

import functools
import io
import threading

CJK_FONT_NAME = "SlqCJK"

_lock = threading.Lock()
_registered = False


@functools.cache
def cjk_font_bytes() -> bytes:
    """The 3.5 MB font file, read from PyMuPDF once per process."""
    import pymupdf

    return bytes(pymupdf.Font("cjk").buffer)


def register_cjk_font() -> str:
    """Register the CJK TrueType font with ReportLab once; return its name."""
    global _registered
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(CJK_FONT_NAME, io.BytesIO(cjk_font_bytes())))
            _registered = True
    return CJK_FONT_NAME
