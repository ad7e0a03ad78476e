"""Decimal amounts in 中文大写 as printed on invoices, receipts and contracts.

Invoices print 价税合计 twice, in words (大写) and in figures (小写); the words follow the
banking rules for 大写金额: 圆/角/分, 整 when no 分 follows, one 零 for any run of zeros
inside the number, and a 零 where a 万/亿 section starts with zeros (壹拾壹万零柒佰玖拾捌圆).
"""

from __future__ import annotations

from decimal import Decimal

from slq_desk.money import FEN, quantize

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_SECTIONS = ("", "万", "亿", "万亿")


def _section_words(group: int) -> str:
    """Words for 1..9999 without any leading 零 (the caller decides about that)."""
    digits = [group // 1000 % 10, group // 100 % 10, group // 10 % 10, group % 10]
    out: list[str] = []
    pending_zero = False
    started = False
    for index, digit in enumerate(digits):
        place = _PLACES[3 - index]
        if digit == 0:
            pending_zero = started
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[digit] + place)
        started = True
    return "".join(out)


def integer_words(number: int) -> str:
    """壹拾壹万零柒佰玖拾捌 for 110798; 零 for 0."""
    if number < 0:
        raise ValueError("negative amounts have no 大写 form here")
    if number == 0:
        return "零"
    groups: list[int] = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    if len(groups) > len(_SECTIONS):
        raise ValueError("amount too large for 大写 (≥ 10^16)")
    out: list[str] = []
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        # A section below 1000 after a higher section reads with 零 (壹万零伍拾).
        if out and (need_zero or group < 1000):
            out.append("零")
        out.append(_section_words(group) + _SECTIONS[index])
        need_zero = False
    return "".join(out)


def amount_in_words(value: Decimal) -> str:
    """Decimal yuan → 大写: 110798.50 → 壹拾壹万零柒佰玖拾捌圆伍角整; 0.05 → 伍分."""
    if value < 0:
        raise ValueError("negative amounts have no 大写 form here")
    fen_total = int(quantize(value, FEN, "half_up") * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    if yuan == 0 and rest == 0:
        return "零圆整"
    parts: list[str] = []
    if yuan:
        parts.append(integer_words(yuan) + "圆")
    if jiao:
        parts.append(DIGITS[jiao] + "角")
    elif fen and yuan:
        # 壹仟圆零伍分: a missing 角 between 圆 and 分 is read as 零.
        parts.append("零")
    if fen:
        parts.append(DIGITS[fen] + "分")
    else:
        parts.append("整")
    return "".join(parts)
