"""A crooked scan is read straight: OCR boxes are turned back by the page's lean before they
become lines, so a table row stays one line and its header's columns sit over its values;
and a letter O or Q inside an OCR'd amount, or a speck read as a dash, is not the amount."""

from __future__ import annotations

import math

import pymupdf
import pytest

from slq_desk.extract import ocr
from slq_desk.extract.invoice import ITEM_COLUMNS
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import build_lines
from tests.support.scanned import scan, text_page_pdf


def _turned(box: tuple[float, float, float, float], degrees: float,
            centre: tuple[float, float]) -> list[tuple[float, float]]:
    """The corners (top-left, top-right, bottom-right, bottom-left) of ``box`` turned clockwise
    on screen by ``degrees`` about ``centre`` (y grows downwards), as a crooked scan has them."""
    x0, y0, x1, y1 = box
    rad = math.radians(degrees)
    cx, cy = centre
    return [(cx + (x - cx) * math.cos(rad) - (y - cy) * math.sin(rad),
             cy + (x - cx) * math.sin(rad) + (y - cy) * math.cos(rad))
            for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]


def test_skew_angle_and_deskew_put_a_row_back_on_one_baseline() -> None:
    centre = (600.0, 800.0)
    row = [(100.0, 300.0, 400.0, 330.0), (700.0, 300.0, 1000.0, 330.0), (1100.0, 300.0, 1130.0, 330.0)]
    quads = [_turned(b, 2.0, centre) for b in row]
    assert ocr.skew_angle(quads) == pytest.approx(2.0, abs=0.01)
    straight = ocr.deskew(quads, centre)
    for quad, box in zip(straight, row, strict=True):
        assert min(y for _, y in quad) == pytest.approx(box[1], abs=0.01)
        assert min(x for x, _ in quad) == pytest.approx(box[0], abs=0.01)
    # Crooked, the row's ends are more than a line apart and the builder splits it; straight,
    # it is one line.
    def words(qs: list[list[tuple[float, float]]]) -> list[tuple[float, float, float, float, str]]:
        return [(min(x for x, _ in q), min(y for _, y in q), max(x for x, _ in q),
                 max(y for _, y in q), t) for q, t in zip(qs, ("项目名称", "金额", "税额"), strict=True)]
    assert len(build_lines(words([list(q) for q in quads]), 0)) > 1
    assert len(build_lines(words(straight), 0)) == 1


def test_a_straight_page_or_a_page_turned_on_purpose_is_left_alone() -> None:
    centre = (600.0, 800.0)
    box = (100.0, 300.0, 400.0, 330.0)
    for degrees in (0.05, 15.0):
        quads = [_turned(box, degrees, centre)]
        assert ocr.deskew(quads, centre) == [list(q) for q in quads]
    # Short boxes (one or two characters) do not vote on the angle.
    assert ocr.skew_angle([_turned((100.0, 300.0, 130.0, 330.0), 3.0, centre)]) == 0.0


def test_amount_letters_and_specks_read_by_ocr() -> None:
    fix = ocr.clean_text
    assert fix("(小写)¥1855Q0.00") == "(小写)¥185500.00"
    assert fix("1-5000.00") == "15000.00"
    assert fix("1O0.00") == "100.00"
    # A USCC keeps its letters, a date its dashes, a negative amount its sign.
    assert fix("91110108MA01Q2X5QT") == "91110108MA01Q2X5QT"
    assert fix("2026-05-01") == "2026-05-01"
    assert fix("-15000.00") == "-15000.00"
    # A decimal point read as a colon, a speck after a label's colon; a time stays a time.
    assert fix("合\t¥16800.00\t¥1008:00") == "合\t¥16800.00\t¥1008.00"
    assert fix("16800:00") == "16800.00"
    assert fix("开票日期:·2026年01月12日") == "开票日期:2026年01月12日"
    assert fix("10:30 至 12:45") == "10:30 至 12:45"
    assert fix("2026-05-01 08:00:00") == "2026-05-01 08:00:00"


@pytest.mark.slow
def test_a_crooked_scanned_table_is_read_row_by_row() -> None:
    # Rows as wide as a page, turned 2.5°: their ends lie about two lines apart on the image.
    lines = ["项目名称" + " " * 30 + "金额" + " " * 30 + "税额",
             "算力服务费" + " " * 26 + "160000.00" + " " * 24 + "9600.00",
             "云存储服务费" + " " * 25 + "15000.00" + " " * 26 + "900.00"]
    scanned = scan(text_page_pdf(lines, size=11.0), dpi=130, angle=2.5)
    with pymupdf.open(stream=scanned, filetype="pdf") as doc:
        got = ocr.page_lines(ocr.ocr_words(doc[0]), 0)
    texts = [line.compact for line in got]
    assert any("项目名称" in t and "金额" in t and "税额" in t for t in texts), texts
    assert any("算力服务费" in t and "160000.00" in t and "9600.00" in t for t in texts), texts
    assert any("云存储服务费" in t and "15000.00" in t and "900.00" in t for t in texts), texts
    found = find_header(got, ITEM_COLUMNS, required=("name", "amount"))
    assert found is not None
    head, centres = found
    rows = read_rows(got[head + 1:], centres, anchor="amount")
    assert [r.text("amount") for r in rows] == ["160000.00", "15000.00"]
    assert [r.text("tax") for r in rows] == ["9600.00", "900.00"]
