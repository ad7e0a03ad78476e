"""The 大写 amount parser: real invoice strings, strictness, and a round trip."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from slq_desk.extract.chinese_amount import ChineseAmountError, parse_chinese_amount


@pytest.mark.parametrize("words,expected", [
    ("壹拾壹万零柒佰玖拾捌圆伍角整", "110798.50"),  # the string cn2an gets wrong
    ("壹万叁仟贰佰伍拾圆整", "13250.00"),
    ("⊗壹万叁仟贰佰伍拾圆整", "13250.00"),
    ("ⓧ伍佰圆整", "500.00"),
    ("人民币叁仟元正", "3000.00"),
    ("壹佰零伍圆零伍分", "105.05"),
    ("零圆伍角", "0.50"),
    ("伍角陆分", "0.56"),
    ("拾万圆整", "100000.00"),
    ("壹仟零壹万零壹圆整", "10010001.00"),
    ("叁亿零贰佰万圆整", "302000000.00"),
    ("壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾圆壹角贰分", "1234567890.12"),
    ("贰万圆整", "20000.00"),
    ("壹 万 叁 仟 圆 整", "13000.00"),
    ("负伍拾圆整", "-50.00"),
])
def test_real_strings(words: str, expected: str) -> None:
    value = parse_chinese_amount(words)
    assert value == Decimal(expected)
    assert isinstance(value, Decimal)


@pytest.mark.parametrize("words", ["", "整", "壹万叁仟", "壹仟伍佰佰圆", "伍壹圆", "仟圆",
                                   "壹佰伍圆", "壹万万圆", "壹圆壹圆", "abc圆", "壹圆伍", "圆角分"])
def test_malformed_strings_are_refused(words: str) -> None:
    with pytest.raises(ChineseAmountError):
        parse_chinese_amount(words)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**13 - 1))
def test_round_trip_with_the_printed_form(fen: int) -> None:
    from slq_desk.demo.amount_words import amount_in_words

    value = (Decimal(fen) / 100).quantize(Decimal("0.01"))
    assert parse_chinese_amount(amount_in_words(value)) == value
