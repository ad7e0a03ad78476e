"""Get the first opinion export ready before anyone asks for it (issue 18, item 5).

The first export and signature of a session used to cost ~1 s more than the others: importing
ReportLab's platypus and pyHanko's signers, parsing the 3.5 MB CJK font for ReportLab, and
subsetting it for the stamp. ``prewarm`` does all of that once, on a worker after the window is
up (``ui/signing_actions.py``), by laying out and finalising a throw-away one-page draft, so the
first real export costs what the later ones do. It writes nothing and touches no workspace.
"""

from __future__ import annotations

import io
import time


def prewarm(names: str = "") -> float:
    """Import, register and subset what an export needs; ``names`` are characters the stamp
    will print (the reviewer's name and organisation), subset now too. Returns the seconds it
    took."""
    t0 = time.perf_counter()
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from slq_desk.opinion import sign
    from slq_desk.opinion.layout import SignatureBox
    from slq_desk.opinion.pdfstyle import pdf_styles

    styles = pdf_styles()  # registers the CJK font with ReportLab (once per process)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([styles.para("评审意见 预热 0123456789")])
    # An unsigned draft through the same incremental writer and signature field as a signature.
    sign.finalise(out.getvalue(), sign.SignRequest(box=SignatureBox(0, 50, 50, 250, 110)))
    # The stamp's font: the template's characters plus the signer's, and the signing modules.
    sign.cjk_stamp_style(names)
    # The modules the export itself reads with (imported here, not during the first export).
    from pyhanko.sign import signers  # noqa: F401

    from slq_desk.opinion import export  # noqa: F401
    from slq_desk.review import rubric, scoring  # noqa: F401

    return time.perf_counter() - t0
