"""The Decimal → 中文大写 converter used on invoices, receipts and contracts."""

from __future__ import annotations

import pytest

from slq_desk.demo.amount_words import amount_in_words, integer_words
from slq_desk.money import D


@pytest.mark.parametrize(("amount", "words"), [
    ("100000.50", "壹拾万圆伍角整"),
    ("110798.50", "壹拾壹万零柒佰玖拾捌圆伍角整"),
    ("1006.00", "壹仟零陆圆整"),
    ("0.05", "伍分"),
    ("0.50", "伍角整"),
    ("0.00", "零圆整"),
    ("10.05", "壹拾圆零伍分"),
    ("1000.01", "壹仟圆零壹分"),
    ("10100.10", "壹万零壹佰圆壹角整"),
    ("20", "贰拾圆整"),
    ("1000000", "壹佰万圆整"),
    ("10000001", "壹仟万零壹圆整"),
    ("100000000", "壹亿圆整"),
    ("100010000.00", "壹亿零壹万圆整"),
    ("100000001", "壹亿零壹圆整"),
    ("3000000.00", "叁佰万圆整"),
    ("1060000.00", "壹佰零陆万圆整"),
    ("1234567890.12", "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾圆壹角贰分"),
    ("50005.55", "伍万零伍圆伍角伍分"),
])
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(D(amount)) == words


def test_sections_with_zeros_read_with_one_zero() -> None:
    assert integer_words(101) == "壹佰零壹"
    assert integer_words(1001) == "壹仟零壹"
    assert integer_words(10010) == "壹万零壹拾"
    assert integer_words(200000300) == "贰亿零叁佰"


def test_sub_fen_digits_are_rounded_half_up() -> None:
    assert amount_in_words(D("0.005")) == "壹分"


def test_negative_is_refused() -> None:
    with pytest.raises(ValueError):
        amount_in_words(D("-1.00"))
