"""Text normalisation and lines with boxes from the PDF text layer."""

from __future__ import annotations

import re

import pymupdf

from slq_desk.extract.find import label_pattern, money_str, parse_date
from slq_desk.extract.normalise import compact, normalise, spaced
from slq_desk.extract.pdf import open_document, read_text
from tests.unit.ingest_samples import text_pdf


def test_nfkc_kangxi_yuan_and_colons() -> None:
    assert normalise("\u2f08民币") == "人民币"  # ⼈ KANGXI RADICAL MAN
    assert normalise("￥12.00") == "¥12.00"
    assert normalise("金额：") == "金额:"
    assert normalise("（小写）") == "(小写)"
    assert compact("发 票 号　码") == "发票号码"


def test_spaced_labels_match() -> None:
    pattern = label_pattern(["发票号码"], r"\d+")
    for text in ("发票号码:123", "发 票 号 码 : 123", "发\t票\t号\t码:123"):
        m = pattern.search(text)
        assert m is not None and m.group("v") == "123"
    assert re.fullmatch(spaced("合计"), "合 计")
    # A label inside a longer word is not the label.
    assert label_pattern(["名称"], r"\S+").search("项目名称:x") is None


def test_dates_and_money() -> None:
    assert parse_date("2026年2月1日").isoformat() == "2026-02-01"  # type: ignore[union-attr]
    assert parse_date("2026-13-01") is None
    assert money_str("¥1,234.5") == "1234.50"
    assert money_str("￥ 12") == "12.00"
    assert money_str("十二元") is None


def test_lines_in_reading_order_with_boxes() -> None:
    data = text_pdf(["名称：武汉某某（集团）有限公司", "金额：￥1,000.00"], title="测试文件")
    doc, read = open_document(data)
    assert doc is not None and read.error_code is None
    read_text(doc, read, 10)
    lines = list(read.text.lines())
    assert [ln.text for ln in lines] == ["测试文件", "名称:武汉某某(集团)有限公司", "金额:¥1,000.00"]
    name = lines[1]
    start = name.text.index("武")
    # Matching uses the normalised text; the value keeps its printed full-width brackets.
    assert name.raw_text(start, len(name.text)) == "武汉某某（集团）有限公司"
    box = name.span_bbox(start, len(name.text))
    assert box is not None
    page = pymupdf.open(stream=data)[0]
    assert "武汉某某" in page.get_textbox(pymupdf.Rect(box).irect + (-1, -1, 1, 1))
