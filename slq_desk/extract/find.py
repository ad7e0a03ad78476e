"""Finding labelled values in lines of text, and parsing them into money, dates and rates.

Every search returns an evidence ``Field``: the value, the page and the box of exactly the
characters it was read from. Labels are matched whatever their spacing (发 票 号 码) and
colon (：/:); values stop at a cell boundary (a wide gap) unless the pattern says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from slq_desk.extract.evidence import Field, union
from slq_desk.extract.normalise import spaced
from slq_desk.extract.text import Line
from slq_desk.money import D, MoneyError, fmt

MONEY = r"[-¥]?\s*¥?\s*-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-¥]?\s*¥?\s*-?\d+(?:\.\d+)?"
DATE = (r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
        r"|(?<!\d)20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")
# An amount as contracts and receipts print it: a currency word or sign, separators, 元 or 万元.
_NUMBER = r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?"
CURRENCY = r"(?:人民币|RMB|CNY|¥)"
AMOUNT = rf"(?:{CURRENCY}\s*:?\s*)*(?:{_NUMBER})(?:\s*万?元)?"
# 大写: capital numerals, possibly after 人民币.
WORDS = (r"(?:人民币\s*)?[零壹贰叁肆伍陆柒捌玖拾][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*"
         r"[圆元][零壹贰叁肆伍陆柒捌玖拾佰仟角分整正]*")
CELL = r"[^\t]+?"  # anything up to the cell boundary (used with a lookahead)
SEP = r"\s*[:]?\s*"


@dataclass(frozen=True)
class Hit:
    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        """Normalised (for parsing)."""
        return self.line.text[self.start:self.end].strip()

    @property
    def raw(self) -> str:
        """As printed (for names and other text values)."""
        return self.line.raw_text(self.start, self.end).strip()

    def field(self, value: str | None = None, source: str = "extracted",
              confidence: int = 100) -> Field:
        return Field(value=self.raw if value is None else value, page=self.line.page,
                     bbox=self.line.span_bbox(self.start, self.end), source=source,
                     confidence=confidence)


def label_pattern(labels: Iterable[str], value: str, sep: str = SEP) -> re.Pattern[str]:
    # A label starts a cell or follows punctuation: "名称" inside "项目名称" is not the label 名称.
    alternatives = "(?<![\u4e00-\u9fff])(?:" + "|".join(spaced(lab) for lab in labels) + ")"
    # A free-text value ends at a cell boundary, or where the next "label:" starts.
    return re.compile(rf"(?:{alternatives}){sep}(?P<v>{value})(?=\t|$|\s+[^\s:]{{1,15}}:)"
                      if value == CELL else rf"(?:{alternatives}){sep}(?P<v>{value})")


def search(lines: Iterable[Line], pattern: re.Pattern[str], group: str | int = "v") -> Iterator[Hit]:
    for line in lines:
        for m in pattern.finditer(line.text):
            start, end = m.span(group)
            if start < 0:
                continue
            # Trim whitespace from the ends so the box hugs the value.
            while start < end and line.text[start].isspace():
                start += 1
            while end > start and line.text[end - 1].isspace():
                end -= 1
            yield Hit(line, start, end)


def first(lines: Iterable[Line], pattern: re.Pattern[str], group: str | int = "v") -> Hit | None:
    return next(search(lines, pattern, group), None)


def labelled(lines: list[Line], labels: Iterable[str], value: str = CELL) -> Hit | None:
    return first(lines, label_pattern(labels, value))


@dataclass(frozen=True)
class Block:
    """A value that wraps over several lines of its grid cell, read as one."""

    parts: tuple[Hit, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.parts)

    @property
    def raw(self) -> str:
        return "".join(p.raw for p in self.parts)

    def field(self, value: str | None = None) -> Field:
        boxes = [b for p in self.parts if (b := p.line.span_bbox(p.start, p.end)) is not None]
        return Field(value=self.raw if value is None else value, page=self.parts[0].line.page,
                     bbox=union(boxes))


def wrapped_value(lines: list[Line], labels: Iterable[str]) -> Block | None:
    """The value of a grid label whose cell holds nothing else on the label's own line.

    In a form grid a long value wraps inside its cell, and the label, centred vertically,
    then sits between the value's lines rather than on one of them. The value is the text
    just right of the label on the lines within about one line height above and below it.
    """
    pattern = re.compile(r"(?<![\u4e00-\u9fff])(?:" + "|".join(spaced(lab) for lab in labels)
                         + r")\s*:?\s*(?=\t|$)")
    for index, line in enumerate(lines):
        m = pattern.search(line.text)
        if m is None:
            continue
        box = line.span_bbox(m.start(), m.end())
        if box is None:
            continue
        mid = (box[1] + box[3]) / 2
        parts: list[Hit] = []
        for near in lines[max(0, index - 3):index + 4]:
            if near.page != line.page or near is line:
                continue
            nbox = near.bbox
            if abs((nbox[1] + nbox[3]) / 2 - mid) > 1.6 * line.size:
                continue
            # The first cell of that line starting right of the label: the value's column.
            for start, end, _text in near.cells():
                cell_box = near.span_bbox(start, end)
                if cell_box is not None and cell_box[0] >= box[2]:
                    if cell_box[0] - box[2] < 6 * line.size:
                        parts.append(Hit(near, start, end))
                    break
        if parts:
            parts.sort(key=lambda h: h.line.bbox[1])
            return Block(tuple(parts))
    return None


# --- value parsing ---------------------------------------------------------------------------

def parse_money(text: str) -> Decimal | None:
    cleaned = re.sub(r"[\s¥￥元,，]", "", text)
    if cleaned.startswith("-¥"):
        cleaned = "-" + cleaned[2:]
    try:
        return D(cleaned)
    except MoneyError:
        return None


def parse_amount(text: str) -> Decimal | None:
    """An amount in any printed form: "¥636,000.00", "CNY 346,500.00", "人民币63.6万元",
    "63.6 万元", or 大写 (人民币陆拾叁万陆仟元整). 万元 is converted to yuan exactly."""
    from slq_desk.extract.chinese_amount import ChineseAmountError, parse_chinese_amount

    cleaned = re.sub(r"\s", "", text)
    cleaned = re.sub(r"^(?:人民币|RMB|CNY|¥|:)+", "", cleaned, flags=re.IGNORECASE)
    m = re.fullmatch(r"(-?[\d,]+(?:\.\d+)?)(万)?(?:元|圆)?(?:整)?", cleaned)
    if m is None:
        if re.search(r"[壹贰叁肆伍陆柒捌玖拾佰仟]", cleaned):
            try:
                return parse_chinese_amount(cleaned)
            except ChineseAmountError:
                return None
        return None
    value = parse_money(m.group(1))
    if value is None:
        return None
    if m.group(2):
        value = value * Decimal(10000)
    return value.quantize(Decimal("0.01"))


def amount_str(text: str) -> str | None:
    value = parse_amount(text)
    return None if value is None else fmt(value)


def money_str(text: str) -> str | None:
    value = parse_money(text)
    return None if value is None else fmt(value)


def parse_date(text: str) -> date | None:
    m = re.search(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})", text)
    if m is None:
        m = re.search(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)", text)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def date_str(text: str) -> str | None:
    d = parse_date(text)
    return None if d is None else d.isoformat()


def plain_number(text: str) -> str | None:
    """Quantities and card-hours as printed, without separators ("1,000" → "1000")."""
    cleaned = re.sub(r"[\s,]", "", text)
    return cleaned if re.fullmatch(r"-?\d+(\.\d+)?", cleaned) else None


def rate_str(text: str) -> str | None:
    m = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    if m:
        return f"{m.group(1)}%"
    if re.search(r"免税|不征税|\*\*\*", text):
        return text.strip()
    return None
