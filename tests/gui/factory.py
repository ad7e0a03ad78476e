"""Test material for the viewer: Chinese multi-page PDFs with known boxes, and a workspace.

Also used by ``tests/e2e/test_gui_screenshot.py`` and ``bench/viewer.py``. Positions are in PDF
points with PyMuPDF's top-left origin, the convention evidence rectangles use.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

A4 = (595.2756, 841.8898)
# A solid black block on every page, where tests look for ink after rendering.
BLOCK = (100.0, 120.0, 300.0, 170.0)  # x0, y0, x1, y1 (top-left origin)


def make_pdf(pages: int = 5, title: str = "服务合同", rotate: int = 0,
             lines_per_page: int = 30, page_size: tuple[float, float] = A4) -> bytes:
    from reportlab.pdfgen import canvas

    from slq_desk.fonts import register_cjk_font

    font = register_cjk_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page_size, invariant=1)
    _, height = page_size
    for n in range(1, pages + 1):
        c.setFont(font, 18)
        c.drawString(60, height - 60, f"{title} 第{n}页")
        c.rect(BLOCK[0], height - BLOCK[3], BLOCK[2] - BLOCK[0], BLOCK[3] - BLOCK[1], fill=1)
        c.setFont(font, 11)
        for i in range(lines_per_page):
            y = height - 200 - i * 18
            if y < 40:
                break
            c.drawString(60, y, f"第{i + 1}行：算力租赁服务 昇腾910B Compute Hours {i * 8} 金额 ¥12,500.00")
        if n == 3:
            c.drawString(60, 60, "特别约定：本页含有关键词 SECRET 与 秘密条款")
        c.showPage()
    c.save()
    if not rotate:
        return buf.getvalue()
    import pymupdf

    doc = pymupdf.open(stream=buf.getvalue(), filetype="pdf")
    for page in doc:
        page.set_rotation(rotate)
    return doc.tobytes()


def encrypt(data: bytes) -> bytes:
    import pymupdf

    doc = pymupdf.open(stream=data, filetype="pdf")
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")


@dataclass(frozen=True)
class DocSpec:
    name: str
    kind: str
    data: bytes
    pages: int
    readable: bool = True
    error: str | None = None


def default_documents() -> list[DocSpec]:
    contract = make_pdf(6, "服务合同")
    invoice = make_pdf(2, "增值税电子普通发票", lines_per_page=10)
    revision = make_pdf(9, "服务合同（修订版）")
    return [
        DocSpec("01-服务合同.pdf", "contract", contract, 6),
        DocSpec("02-服务合同修订版.pdf", "contract", revision, 9),
        DocSpec("03-发票-1.pdf", "invoice", invoice, 2),
        DocSpec("04-付款回单-加密.pdf", "payment_receipt", encrypt(invoice), 2),
        DocSpec("05-使用记录-损坏.pdf", "usage_log", contract[: len(contract) // 3], 0),
    ]


def make_workspace(folder: Path, applications: int = 1,
                   documents: list[DocSpec] | None = None) -> list[str]:
    """A workspace with ``applications`` applications sharing ``documents``; returns their ids."""
    from slq_desk.models import Application, Document
    from slq_desk.workspace import Workspace

    specs = documents if documents is not None else default_documents()
    ws = Workspace.open(folder)
    ids = []
    try:
        with ws.session() as s:
            for n in range(1, applications + 1):
                app_id = f"WH-2026-{n:03d}"
                ids.append(app_id)
                s.add(Application(id=app_id, policy_id="wuhan-2026",
                                  applicant_name=f"武汉示例算力科技有限公司{n}号",
                                  applicant_uscc="91420100MA4K0000XX", status="pending_check"))
                for spec in specs:
                    sha = hashlib.sha256(spec.data).hexdigest()
                    stored = ws.store_blob(sha, spec.data)
                    s.add(Document(application_id=app_id, sha256=sha, kind=spec.kind,
                                   original_name=spec.name, stored_path=ws.relative(stored),
                                   size=len(spec.data), pages=spec.pages,
                                   readable=spec.readable, error=spec.error))
    finally:
        ws.close()
    return ids
