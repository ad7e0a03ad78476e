"""Values the corpus prints: identifiers with valid check characters, amounts in words, dates.

Written for the corpus alone (a second author's code): nothing here is shared with the demo
generator or the extractor, so an error in one cannot hide the same error in the other.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")

# GB 32100-2015: the 31 characters of a unified social credit code (no I, O, S, V, Z).
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997: the organisation code's own check character (9th of its 9).
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# GB 11643-1999: the citizen ID number's check character.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _org_code(body8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body8 + ("X" if check == 10 else "0" if check == 11 else str(check))


def uscc(region: str, body8: str, kind: str = "91") -> str:
    """A USCC: ``kind`` (91 = enterprise by 市场监管), 6-digit region, organisation code, check."""
    assert len(region) == 6 and len(body8) == 8 and body8.isdigit()
    head = kind + region + _org_code(body8)
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(head, _USCC_WEIGHTS, strict=True))
    return head + _USCC_CHARS[(31 - total % 31) % 31]


def id_number(region: str, born: date, seq: int) -> str:
    """An 18-digit resident ID number with its GB 11643 check character."""
    head = f"{region}{born:%Y%m%d}{seq:03d}"
    total = sum(int(c) * w for c, w in zip(head, _ID_WEIGHTS, strict=True))
    return head + _ID_CHECK[total % 11]


def money(value: Decimal | str | int) -> Decimal:
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """Truth form of money: plain decimal, two places."""
    return f"{money(value):f}"


def grouped(value: Decimal) -> str:
    return f"{money(value):,.2f}"


def wan(value: Decimal) -> str:
    """Yuan printed in 万元 without trailing zeros (636000 → 63.6)."""
    text = f"{(Decimal(value) / Decimal(10000)).normalize():f}"
    return text


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿")


def _group_words(n: int) -> str:
    """0 < n < 10000 in capital numerals, inner zeros collapsed, trailing zeros dropped."""
    out = []
    zero = False
    for pos in range(3, -1, -1):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def amount_in_words(value: Decimal) -> str:
    """人民币大写 as banks and invoices print it: 叁拾肆万陆仟伍佰元整, 壹仟元零伍分."""
    value = money(value)
    fen_total = int(value * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    words = ""
    if yuan:
        groups = []
        n = yuan
        while n:
            groups.append(n % 10000)
            n //= 10000
        parts: list[str] = []
        need_zero = False
        for i in range(len(groups) - 1, -1, -1):
            g = groups[i]
            if g == 0:
                need_zero = bool(parts)
                continue
            if parts and (need_zero or g < 1000):
                parts.append("零")
            parts.append(_group_words(g) + _BIG_UNITS[i])
            need_zero = False
        words = "".join(parts) + "元"
    if jiao == 0 and fen == 0:
        return (words or "零元") + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif words:
        words += "零"
    if fen:
        words += _DIGITS[fen] + "分"
    else:
        words += "整"
    return words


def cn_date(d: date, pad: bool = False) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日" if pad else f"{d.year}年{d.month}月{d.day}日"


_CN_NUM = "〇一二三四五六七八九"


def cn_upper_date(d: date) -> str:
    """二〇二六年四月八日 (as on 营业执照 and some letters)."""
    def small(n: int) -> str:
        if n < 10:
            return _CN_NUM[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_NUM[tens]) + "十" + ("" if ones == 0 else _CN_NUM[ones])
    return "".join(_CN_NUM[int(c)] for c in str(d.year)) + f"年{small(d.month)}月{small(d.day)}日"


def luhn_digit(body: str) -> str:
    """Luhn check digit, for plausible bank account numbers."""
    total = 0
    for i, c in enumerate(reversed(body)):
        n = int(c)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)
