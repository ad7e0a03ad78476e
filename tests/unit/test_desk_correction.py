"""Typed corrections: each field type accepts what a person writes and refuses the rest."""

from __future__ import annotations

from decimal import Decimal

import pytest

from slq_desk.desk.correction import CorrectionRefused, normalise
from slq_desk.money import MoneyError, parse_amount, yuan

VALID_USCC = "91110108MAAXUFLC1H"  # the demo applicant's, check character holds


@pytest.mark.parametrize(("typed", "stored"), [
    ("¥1,234.50", "1234.50"), ("1234.5", "1234.50"), ("12.3万", "123000.00"),
    ("￥ 10,000,000", "10000000.00"), ("12.3 万元", "123000.00"), ("0", "0.00"),
])
def test_money_is_normalised_to_the_fen(typed: str, stored: str) -> None:
    assert normalise("total", typed) == stored
    assert normalise("item.amount", typed) == stored


@pytest.mark.parametrize("typed", ["abc", "12,34", "1.2.3", "-5", "1.234", "12万五"])
def test_money_refuses_what_is_not_an_amount(typed: str) -> None:
    with pytest.raises(CorrectionRefused) as err:
        normalise("total", typed)
    assert "不是金额" in err.value.zh and "not an amount" in err.value.en


def test_empty_value_is_refused_with_the_way_back() -> None:
    with pytest.raises(CorrectionRefused, match="撤回更正"):
        normalise("contract_number", "  ")


@pytest.mark.parametrize(("typed", "stored"), [
    ("2026-03-01", "2026-03-01"), ("2026/3/1", "2026-03-01"), ("2026年3月1日", "2026-03-01"),
    ("2026.03.01", "2026-03-01")])
def test_dates(typed: str, stored: str) -> None:
    assert normalise("signed_on", typed) == stored


@pytest.mark.parametrize("typed", ["2026-02-30", "yesterday", "2026-13-01", "26-3-1"])
def test_bad_dates_are_refused(typed: str) -> None:
    with pytest.raises(CorrectionRefused, match="不是有效日期"):
        normalise("item.date", typed)


def test_uscc_needs_its_check_character() -> None:
    assert normalise("applicant_id", VALID_USCC.lower()) == VALID_USCC
    wrong = VALID_USCC[:-1] + ("2" if VALID_USCC[-1] != "2" else "3")
    with pytest.raises(CorrectionRefused, match="校验位错误"):
        normalise("applicant_id", wrong)
    with pytest.raises(CorrectionRefused, match="18 位"):
        normalise("supplier_id", "123456789012345")  # an old-format id is no USCC
    # An invoice's taxpayer id may still be an older 15-character id.
    assert normalise("buyer_id", "123456789012345") == "123456789012345"
    with pytest.raises(CorrectionRefused):
        normalise("seller_id", "short")


def test_enums() -> None:
    assert normalise("domestic", "是") == "true"
    assert normalise("domestic", "No") == "false"
    with pytest.raises(CorrectionRefused, match="“是”或“否”"):
        normalise("sme", "maybe")
    assert normalise("applicant_kind", "高校") == "university"
    assert normalise("applicant_kind", "enterprise") == "enterprise"
    with pytest.raises(CorrectionRefused, match="申报主体类型须为"):
        normalise("applicant_kind", "个人")
    assert normalise("direction", "方向2") == "2"
    with pytest.raises(CorrectionRefused):
        normalise("direction", "two")


def test_free_text_fields_are_kept_trimmed() -> None:
    assert normalise("contract_number", " HT-2026-01 ") == "HT-2026-01"


def test_parse_amount_and_yuan() -> None:
    assert parse_amount("1,234,567.8") == Decimal("1234567.80")
    with pytest.raises(MoneyError):
        parse_amount("1,2345")
    assert yuan(Decimal("1234567.891")) == "¥1,234,567.89"
    assert yuan(Decimal("-5")) == "-¥5.00"
    assert yuan(None) == "—"


def test_the_same_problem_in_six_places_is_one_group() -> None:
    from slq_desk.desk.review_data import FindingRow, group_findings

    def row(n: int, field: str) -> FindingRow:
        return FindingRow(n, "uscc_invalid", "block", f"统一社会信用代码“X”校验位错误（{field}）",
                          f"USCC 'X' has a wrong check character ({field})", "", "ingest", n,
                          f"sha{n}", f"{n:02d}.pdf", 0, None)

    rows = [row(n, f) for n, f in enumerate(["applicant_id", "uscc", "buyer_id", "buyer_id",
                                              "applicant_id", "buyer_id"], 1)]
    other = FindingRow(9, "pdf_broken", "block", "文件已损坏", "damaged", "", "ingest", 9, "s9",
                       "09.pdf", None, None)
    groups = group_findings([*rows, other])
    assert [(g.code, len(g.rows)) for g in groups] == [("uscc_invalid", 6), ("pdf_broken", 1)]
    assert groups[0].message_zh == "统一社会信用代码“X”校验位错误"
    assert groups[0].message_en == "USCC 'X' has a wrong check character"
    assert groups[0].documents == tuple(f"{n:02d}.pdf" for n in range(1, 7))
