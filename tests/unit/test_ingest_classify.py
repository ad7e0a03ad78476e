"""Document classification: title first, body words second, file name last."""

from __future__ import annotations

import pytest

from slq_desk.extract.pdf import open_document, read_text
from slq_desk.ingest.classify import classify
from tests.unit.ingest_samples import text_pdf


def _text(title: str | None, lines: list[str]) -> object:
    doc, read = open_document(text_pdf(lines, title=title))
    read_text(doc, read, 5)
    return read.text


@pytest.mark.parametrize("title,kind", [
    ("算力服务合同", "contract"), ("电子发票（普通发票）", "invoice"),
    ("中国工商银行网上银行电子回单", "payment_receipt"), ("算力服务使用记录（结算单）", "usage_log"),
    ("算力资源使用报告", "usage_report"), ("算力使用情况表", "application_form"),
    ("算力补贴申报表", "application_form"), ("算力使用备案表", "application_form"),
    ("算力券申领承诺函", "commitment_letter"), ("营　业　执　照", "business_licence"),
    ("市场主体专项信用报告", "credit_report"), ("中小企业声明函", "sme_declaration"),
    ("算力项目实施情况报告", "implementation_report"), ("法人授权书", "authorisation_letter"),
])
def test_titles(title: str, kind: str) -> None:
    result = classify(_text(title, ["正文第一行，与发票号码、合同编号无关。"]), "x.pdf")  # type: ignore[arg-type]
    assert result.kind == kind
    assert 75 <= result.confidence <= 99 and "标题" in result.reason


def test_title_and_file_name_agree_raise_confidence() -> None:
    alone = classify(_text("算力服务合同", ["甲方：某公司"]), "x.pdf")  # type: ignore[arg-type]
    result = classify(_text("算力服务合同", ["甲方：某公司"]), "01-服务合同.pdf")  # type: ignore[arg-type]
    assert result.kind == "contract" and result.confidence > alone.confidence
    assert any("文件名" in r for r in result.reasons)


def test_body_words_without_a_title() -> None:
    text = _text(None, ["发票号码：12345678", "开票日期：2026年01月01日", "价税合计（大写）壹圆整"])
    assert classify(text, "scan.pdf").kind == "invoice"  # type: ignore[arg-type]


def test_a_reference_to_a_contract_is_not_a_contract() -> None:
    text = _text("说明", ["合同编号：HT-2026-001", "附：无"])
    assert classify(text, "说明.pdf").kind == "other"  # type: ignore[arg-type]


def test_file_name_when_there_is_no_text() -> None:
    assert classify(None, "07-付款回单-1.pdf").kind == "payment_receipt"
    assert classify(None, "07-付款回单-1.pdf").confidence < 60
    assert classify(None, "scan0001.pdf") .kind == "other"


@pytest.mark.parametrize("title,lines,name,kind", [
    ("武汉市算力券电子凭证", ["持券单位：某某科技有限公司", "券面金额：50万元"], "x.pdf", "voucher_certificate"),
    ("身份证复印件", ["公民身份号码：420102199001011234", "签发机关：武汉市公安局"], "附件5.pdf",
     "legal_rep_id"),
    ("达州市算力券申领表", ["申报单位：某某公司", "申请金额（万元）：20"], "附件1.pdf", "application_form"),
    ("算力服务协议", ["甲方：某公司", "乙方：某云公司", "违约责任"], "发票.pdf", "contract"),
    (None, ["付款人：某公司", "收款人：某云公司", "交易流水号：123456"], "scan.pdf", "payment_receipt"),
    (None, ["日期　使用卡时　金额", "2026-01-01　10　120.00"], "0001.pdf", "usage_log"),
])
def test_content_decides_not_the_file_name(title: str | None, lines: list[str], name: str,
                                           kind: str) -> None:
    result = classify(_text(title, lines), name)  # type: ignore[arg-type]
    assert result.kind == kind, result.reason
    assert result.reasons
