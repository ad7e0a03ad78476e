"""Money helpers: strings in, exact Decimals out, floats refused, rounding modes explicit."""

from decimal import Decimal

import pytest

from slq_desk.money import D, MoneyError, fen_int, fmt, from_fen, quantize, to_fen


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1060000.00", "1060000.00"), (" ¥1,234.50 ", "1234.50"), ("￥0.05", "0.05"), ("-3", "-3")],
)
def test_strings_parse_exactly(text: str, expected: str) -> None:
    assert D(text) == Decimal(expected)


@pytest.mark.parametrize("bad", [0.1, 1.0, "1e5", "abc", "", "1.2.3", True, None, "NaN", "1,23"])
def test_refuses_floats_and_junk(bad: object) -> None:
    with pytest.raises(MoneyError):
        D(bad)  # type: ignore[arg-type]


def test_quantize_thousand_half_up() -> None:
    # 精确到千元 (Wuhan 第七条): 123,500 → 124,000 half-up; 123,499.99 → 123,000.
    assert quantize(D("123500"), "1000") == D("124000")
    assert quantize(D("123499.99"), "1000") == D("123000")
    assert str(quantize(D("123500"), "1000")) == "124000"


def test_quantize_modes_differ() -> None:
    assert quantize(D("2.345"), "0.01", "half_up") == D("2.35")
    assert quantize(D("2.345"), "0.01", "half_even") == D("2.34")
    assert quantize(D("2.349"), "0.01", "down") == D("2.34")
    with pytest.raises(MoneyError):
        quantize(D("1"), "0.01", "sideways")


def test_fen_round_trip_refuses_sub_fen() -> None:
    assert fen_int(D("1234.56")) == 123456
    assert from_fen(123456) == D("1234.56")
    assert fmt(to_fen(D("0.005"))) == "0.01"
    with pytest.raises(MoneyError):
        fen_int(D("0.001"))
