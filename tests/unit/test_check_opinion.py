"""The 初审意见 draft PDF: A4, Chinese in the embedded font, 草稿 on every page, every section."""

from __future__ import annotations

from datetime import date

import pymupdf

from slq_desk.opinion.preliminary import PreliminaryData, default_conclusion, render_preliminary


def _data(findings: int = 3) -> PreliminaryData:
    evidence = [{"file": "03-发票-1.pdf", "page": 0, "sha256": "ab" * 32, "bbox": None,
                 "document_id": 1, "field": "buyer_name", "value": "别人"}]
    return PreliminaryData(
        application_id="wuhan-flawed-2", applicant_name="武汉深算信息技术有限公司",
        applicant_uscc="91420106MA4KX12342", policy_name="武汉算力券（2026）",
        policy_id="wuhan-2026", claimed_at="2026-05-20 10:00（北京时间）",
        materials=[{"name": "承诺函（书）", "article": "第九条（一）2", "present": False, "files": []},
                   {"name": "发票", "article": "第九条（三）2", "present": True,
                    "files": ["03-发票-1.pdf"]}],
        findings=[{"code": "buyer_mismatch", "severity": "block", "stage": "check",
                   "message_zh": "发票购买方不是申报单位", "message_en": "x", "article": "第九条",
                   "evidence": evidence} for i in range(findings)],
        subsidy="30000.00", base="100000.00", eligible=True,
        steps=[{"rule": "calc:gross_subsidy", "article": "第七条", "value": "30000.0000"},
               {"rule": "parameter:rate", "article": "第七条", "value": "0.30"}],
        reasons=[{"message": "按不含税金额计", "article": "第七条"}],
        documents=[{"file": "03-发票-1.pdf", "kind": "invoice", "sha256": "ab" * 32, "pages": 1,
                    "readable": True},
                   {"file": "04-法定代表人身份证明.pdf", "kind": "legal_rep_id", "sha256": "cd" * 32,
                    "pages": 1, "readable": False}],
        conclusion="不通过", comment="购买方不符，请说明", official="王五", day=date(2026, 6, 1))


def test_every_section_reads_in_chinese_with_draft_on_every_page() -> None:
    pdf, pages = render_preliminary(_data(findings=60))
    assert pages >= 2
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert doc.page_count == pages
        assert all("草稿" in page.get_text() for page in doc)
        assert all(abs(page.rect.width - 595.28) < 1 and abs(page.rect.height - 841.89) < 1
                   for page in doc)
        # Table cells wrap: compare without the line breaks.
        text = "".join(page.get_text() for page in doc).replace("\n", "")
        fonts = {f[3] for page in doc for f in page.get_fonts()}
    for words in ("算力券申报初审意见", "武汉深算信息技术有限公司", "承诺函", "缺失", "第九条（一）2",
                  "03-发票-1.pdf 第1页", "¥30,000.0000", "购买方不符，请说明", "王五", "2026-06-01",
                  "不通过", "ab" * 32, "法定代表人身份证明（无法读取）"):
        assert words in text, words
    # The finding is named by its Chinese label, never by its code.
    assert "发票购买方不是申报单位：" in text and "buyer_mismatch" not in text
    assert fonts and all("Droid" in f for f in fonts), fonts  # nothing but the embedded CJK font


def test_default_conclusion() -> None:
    def f(code: str, severity: str = "block") -> dict[str, str]:
        return {"code": code, "severity": severity}

    assert default_conclusion([f("region_mismatch", "warn")]) == "通过"
    assert default_conclusion([f("material_missing"), f("pdf_encrypted")]) == "补正后通过"
    assert default_conclusion([f("material_missing"), f("related_party")]) == "不通过"
