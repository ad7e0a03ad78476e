"""The opinion PDF: every section's content, Chinese that renders as glyphs, draft watermark."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from slq_desk.opinion.data import Criterion, DocumentRef, FindingRef, OpinionData, SubsidyStep
from slq_desk.opinion.layout import render

HASHES = [f"{i:x}" * 64 for i in range(1, 4)]


def opinion(n_findings: int = 2) -> OpinionData:
    return OpinionData(
        application_id="beijing-dir2-7", applicant_name="北京智算未来科技有限公司",
        applicant_uscc="91110108MA01XXXXX1", policy_id="beijing-2026", policy_name="北京算力券",
        direction=2, reviewer="孙八", review_date=date(2026, 11, 23),
        reviewer_organisation="北京市经济和信息化局评审专家库",
        documents=[DocumentRef(f"0{i}-发票.pdf", "invoice", 1, h) for i, h in enumerate(HASHES)],
        findings=[FindingRef(f"code{i}", "block" if i == 0 else "warn", f"第{i}号问题：金额不一致",
                             "二（四）", "02-发票.pdf", i) for i in range(n_findings)],
        rubric_id="beijing-2026-dir2", rubric_version="2026.1",
        criteria=[Criterion("fit", "方向契合度", Decimal("18"), Decimal("20"), Decimal("20"),
                            "契合方向二"),
                  Criterion("price", "算力单价真实性", Decimal("27.5"), Decimal("30"),
                            Decimal("30"), "单价在合理区间")],
        total=Decimal("45.5"), recommendation="修改后推荐",
        computed_subsidy=Decimal("4000000.00"), recommended_subsidy=Decimal("3500000.00"),
        recommendation_reason="部分合同超出支持期", coi_declared=True,
        subsidy_steps=[SubsidyStep("租用费用 × 20%", Decimal("4000000.00"), "二（一）")],
    )


def text_of(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return "".join(page.get_text() for page in doc)


def test_every_section_is_printed() -> None:
    rendered = render(opinion())
    text = text_of(rendered.pdf)
    flat = "".join(text.split())
    for expected in ("专家评审意见表", "北京智算未来科技有限公司", "91110108MA01XXXXX1",
                     "方向2", "方向契合度", "算力单价真实性", "修改后推荐", "¥4,000,000.00",
                     "¥3,500,000.00", "部分合同超出支持期", "二（一）", "利益冲突", "孙八",
                     "北京市经济和信息化局评审专家库", "2026年11月23日", "阻断1项，警告1项",
                     "第0号问题：金额不一致", "以主管部门通知为准"):
        assert "".join(expected.split()) in flat, expected
    for h in HASHES:  # hashes wrap inside their cells; every character must be there
        assert h in flat
    assert "草稿" not in text


def test_draft_is_marked_on_every_page() -> None:
    rendered = render(opinion(n_findings=60), draft=True)
    assert rendered.pages >= 2
    with pymupdf.open(stream=rendered.pdf, filetype="pdf") as doc:
        assert all("草稿" in page.get_text() for page in doc)
    assert "另有 20 项未列出" in text_of(rendered.pdf)


def test_every_font_is_embedded() -> None:
    with pymupdf.open(stream=render(opinion()).pdf, filetype="pdf") as doc:
        fonts = {f[3]: f[1] for page in doc for f in page.get_fonts()}
    assert fonts, "no fonts at all"
    assert all(ext not in ("n/a", "") for ext in fonts.values()), fonts


def test_signature_box_is_on_the_last_page_inside_the_page() -> None:
    rendered = render(opinion(n_findings=60))
    box = rendered.signature_box
    assert box.page == rendered.pages - 1
    with pymupdf.open(stream=rendered.pdf, filetype="pdf") as doc:
        rect = doc[box.page].rect
    assert 0 < box.x0 < box.x1 < rect.width and 0 < box.y0 < box.y1 < rect.height


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm not installed")
def test_chinese_renders_as_distinct_glyphs_not_boxes(tmp_path: Path) -> None:
    """Missing glyphs come out as identical boxes (tofu): each title character must have ink,
    and no two different characters may render to the same pixels."""
    pdf = tmp_path / "o.pdf"
    pdf.write_bytes(render(opinion()).pdf)
    dpi = 100
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "p")], check=True, timeout=60)
    png = next(tmp_path.glob("p*.png"))
    pix = pymupdf.Pixmap(str(png))
    with pymupdf.open(pdf) as doc:
        spans = [span for block in doc[0].get_text("rawdict")["blocks"]
                 for line in block.get("lines", []) for span in line["spans"]]
        title = max(spans, key=lambda sp: sp["size"])  # the 18 pt title, not the footer
        chars = title["chars"]
    assert "".join(c["c"] for c in chars) == "专家评审意见表"
    scale = dpi / 72
    crops: list[bytes] = []
    samples = pix.samples
    for ch in chars:
        x0, y0, x1, y1 = (round(v * scale) for v in ch["bbox"])
        rows = [samples[y * pix.stride + x0 * pix.n: y * pix.stride + x1 * pix.n]
                for y in range(y0, y1)]
        crop = b"".join(rows)
        dark = sum(1 for i in range(0, len(crop), pix.n) if crop[i] < 128)
        assert dark > 20, f"{ch['c']} has no ink"
        crops.append(crop)
    assert len(set(crops)) == len(crops), "different characters rendered identically (boxes?)"
