"""Table headers found in lines as OCR and born-digital pages give them: a heading above the
table ("服务内容与价格") is not a header; titles glued into one word by OCR ("税率/征收率税额")
are two columns; a row of figures packed tight under the header is a row; the wrapped end of a
title ("税）") below the header is header. And a contract's 税额 read from a drifted table row
that is larger than any VAT could be is not taken."""

from __future__ import annotations

from slq_desk.extract.contract import LINE_COLUMNS
from slq_desk.extract.invoice import ITEM_COLUMNS
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import Line, build_lines

Word = tuple[float, float, float, float, str]


def _lines(rows: list[list[tuple[float, str]]], top: float = 100.0, pitch: float = 16.0,
           size: float = 10.0) -> list[Line]:
    """Rows of (x, text) as words 10 pt high, ``pitch`` apart, each character 10 pt wide."""
    words: list[Word] = []
    for i, row in enumerate(rows):
        y = top + i * pitch
        words += [(x, y, x + size * len(text), y + size, text) for x, text in row]
    return build_lines(words, 0)


def test_a_heading_with_two_titles_in_one_word_is_not_the_header() -> None:
    lines = _lines([[(56, "第一条"), (100, "服务内容与价格")],
                    [(56, "服务项目"), (200, "数量"), (300, "单价"), (400, "金额")],
                    [(56, "算力服务"), (200, "36000"), (300, "9.50"), (400, "342000.00")]])
    found = find_header(lines, LINE_COLUMNS, required=("name", "amount"))
    assert found is not None and lines[found[0]].text.startswith("服务项目")


def test_titles_glued_by_ocr_are_two_columns_and_a_packed_row_is_a_row() -> None:
    lines = _lines([[(20, "项目名称"), (200, "金额"), (300, "税率/征收率税额")],
                    [(20, "*信息技术服务*算力服务费"), (200, "160000.00"), (300, "6%"),
                     (390, "9600.00")]], pitch=11.0)
    found = find_header(lines, ITEM_COLUMNS, required=("name", "amount"))
    assert found is not None
    head, centres = found
    assert lines[head].text.startswith("项目名称") and "tax" in centres and "tax_rate" in centres
    rows = read_rows(lines[head + 1:], centres, anchor="amount")
    assert [(r.text("amount"), r.text("tax")) for r in rows] == [("160000.00", "9600.00")]


def test_the_wrapped_end_of_a_title_below_the_header_is_header() -> None:
    lines = _lines([[(300, "单价（元，不含"), (400, "金额（元，不含")],
                    [(56, "服务项目"), (200, "使用量")],
                    [(300, "税）"), (400, "税）")],
                    [(56, "昇腾910B算力资源"), (200, "60000卡时"), (300, "9.00"), (400, "540000.00")]],
                   pitch=8.0)
    found = find_header(lines, LINE_COLUMNS, required=("name", "amount"))
    assert found is not None
    head, centres = found
    assert lines[head].compact == "税)税)"
    rows = read_rows(lines[head + 1:], centres, anchor="amount")
    assert [r.text("amount") for r in rows] == ["540000.00"]
    assert rows[0].text("unit_price") == "9.00"


def test_a_contract_tax_larger_than_any_vat_is_not_taken() -> None:
    from slq_desk.ingest.analyse import analyse_file
    from tests.support.scanned import text_page_pdf

    lines = ["技术服务合同", "合同编号：XJSL-2025-1207",
             "技术服务费总额（含税）：人民币572,400.00元", "税额：540,000.00元"]
    fields = analyse_file("合同.pdf", text_page_pdf(lines, size=10.0)).extraction.fields
    assert fields["total"].value == "572400.00"
    assert "tax" not in fields
    right = analyse_file("合同.pdf", text_page_pdf(lines[:3] + ["税额：32,400.00元"], size=10.0))
    assert right.extraction.fields["tax"].value == "32400.00"
