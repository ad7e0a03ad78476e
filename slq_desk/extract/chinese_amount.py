"""Parse 大写 (capital-numeral) amounts such as 壹拾壹万零柒佰玖拾捌圆伍角整 into Decimal.

Our own parser because cn2an fails on real invoice strings and returns floats. Strict: a
string that is not a well-formed amount raises ``ChineseAmountError`` rather than yielding a
guess, since the point of reading 大写 is to cross-check the figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from slq_desk.money import D

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "壹": 1, "一": 1, "贰": 2, "貳": 2, "二": 2, "两": 2,
    "叁": 3, "參": 3, "叄": 3, "三": 3, "肆": 4, "四": 4, "伍": 5, "五": 5, "陆": 6, "陸": 6,
    "六": 6, "柒": 7, "七": 7, "捌": 8, "八": 8, "玖": 9, "九": 9,
}
SMALL_UNITS: dict[str, int] = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
_YUAN = "圆元"
_END = "整正"
# Marks printed before the words on invoices (⊗, ⓧ, 人民币) carry no value.
_PREFIX = re.compile(r"^[\s⊗ⓧ×Xx⊕●○:：]*(人民币|RMB)?[\s:：]*")


class ChineseAmountError(ValueError):
    """Not a well-formed 大写 amount."""


def parse_chinese_amount(text: str) -> Decimal:
    """``"壹万叁仟贰佰伍拾圆整"`` → ``Decimal("13250.00")``; raise ChineseAmountError if malformed."""
    s = _PREFIX.sub("", text.strip())
    s = re.sub(r"\s+", "", s)
    negative = s.startswith(("负", "-"))
    if negative:
        s = s[1:]
    if not s:
        raise ChineseAmountError(f"empty amount: {text!r}")
    yuan_at = max(s.find(c) for c in _YUAN)
    if yuan_at >= 0:
        integer_part, rest = s[:yuan_at], s[yuan_at + 1:]
    elif s[-1] in "角分" or "角" in s or "分" in s:
        integer_part, rest = "", s
    else:
        raise ChineseAmountError(f"no 圆/元, 角 or 分 in {text!r}")
    if sum(s.count(c) for c in _YUAN) > 1:
        raise ChineseAmountError(f"more than one 圆/元 in {text!r}")
    integer = _integer(integer_part, text) if integer_part else 0
    jiao, fen = _fraction(rest, text)
    value = D(f"{integer}.{jiao}{fen}")
    return -value if negative else value


def _fraction(rest: str, original: str) -> tuple[int, int]:
    m = re.fullmatch(r"(?:(?P<j>[^角分整正])角)?零?(?:(?P<f>[^角分整正])分)?(?P<end>[整正])?", rest)
    if m is None:
        raise ChineseAmountError(f"cannot read the 角/分 part of {original!r}")
    jiao = _digit(m.group("j"), original) if m.group("j") else 0
    fen = _digit(m.group("f"), original) if m.group("f") else 0
    return jiao, fen


def _digit(ch: str, original: str) -> int:
    if ch not in DIGITS:
        raise ChineseAmountError(f"{ch!r} is not a numeral in {original!r}")
    return DIGITS[ch]


def _integer(s: str, original: str) -> int:
    if s in ("零", "〇"):
        return 0
    total = 0
    rest = s
    for unit_char, unit in (("亿", 10**8), ("億", 10**8), ("万", 10**4), ("萬", 10**4)):
        if unit_char in rest:
            head, rest = rest.split(unit_char, 1)
            if unit_char in rest:
                raise ChineseAmountError(f"{unit_char} twice in {original!r}")
            # A head such as 壹拾壹 in 壹拾壹万 is itself below 万 (or a 万-grouped number
            # below 亿), so it is parsed recursively.
            total += (_integer(head, original) if head else _fail(original)) * unit
    return total + _section(rest, original)


def _fail(original: str) -> int:
    raise ChineseAmountError(f"a unit without a numeral in {original!r}")


def _section(s: str, original: str) -> int:
    """A number below 10,000: numerals and 拾/佰/仟, 零 as filler."""
    total = 0
    digit: int | None = None
    last_unit = 10**4
    zero_pending = False
    for i, ch in enumerate(s):
        if ch in DIGITS:
            d = DIGITS[ch]
            if d == 0:
                zero_pending = True
                continue
            if digit is not None:
                raise ChineseAmountError(f"two numerals in a row in {original!r}")
            digit = d
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_unit:
                raise ChineseAmountError(f"units out of order in {original!r}")
            if digit is None:
                # A bare 拾 means 壹拾 only at the head of a number (拾万 = 100,000).
                if unit == 10 and i == 0:
                    digit = 1
                else:
                    raise ChineseAmountError(f"a unit without a numeral in {original!r}")
            total += digit * unit
            digit = None
            last_unit = unit
            zero_pending = False
        else:
            raise ChineseAmountError(f"{ch!r} is not part of a 大写 amount in {original!r}")
    if digit is not None:
        if last_unit > 10 and last_unit != 10**4 and not zero_pending:
            # 壹佰伍 is colloquial for 150, not 105; invoices never write it, so refuse it.
            raise ChineseAmountError(f"ambiguous trailing numeral in {original!r}")
        total += digit
    return total
