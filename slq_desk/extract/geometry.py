"""Label → value by position on the page, whatever the source of the words.

Templates differ in where they put a value relative to its label: after it on the same line
("金额：¥1,000.00"), in the next cell of the same row, on a baseline a little off the label's
(数电 invoices draw the value in its own text object, its glyph box a point or two lower), in
another text layer altogether, or under the label (a header row over a value row). Searching
line text alone finds only the first. Here a label is located in the lines (``text.Line``:
words with boxes, from the text layer or from OCR alike), and when no value follows it on its
own line the value is looked for by geometry:

* **right**: the first cell whose vertical middle lies within the label's band (tolerant of a
  baseline offset of about half a line) and that starts right of the label;
* **below**: the nearest cell under the label whose horizontal extent overlaps the label's
  column, within a few line heights.

A candidate that is itself a label ("名称：") is never taken as a value. Every answer is a
``find.Hit`` (line, character span), so its evidence box is exactly the value's characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from slq_desk.extract.evidence import BBox
from slq_desk.extract.find import Hit, search
from slq_desk.extract.normalise import spaced
from slq_desk.extract.text import Line

# A value's middle may sit this many label heights above or below the label's middle.
BAND = 0.8
# How far below a label (in label heights) its value may be, header-over-value style.
BELOW_REACH = 2.8
# Between a label and its value on one line: an optional bracket ("（含税）"), then a colon, 为
# or 是, or a space; straight on only to a value that does not start with a Chinese character
# ("付款方信息" is no label 付款方 with the value 信息). Never across a cell boundary: a value in
# the next cell is found by position, where a label cell is not taken for a value.
SEP = (r"[ ]*(?:\([^)\t]{0,12}\))?(?:[ ]*(?::|为|是)[ ]*|[ ]+|(?![\u4e00-\u9fff]))")
# A cell ending in a colon, or made of a known label word, is a label, not a value.
_LABELISH = re.compile(r"[:：]\s*$")


@dataclass(frozen=True)
class Cell:
    line: Line
    start: int
    end: int
    box: BBox

    @property
    def text(self) -> str:
        return self.line.text[self.start:self.end]


def label_regex(labels: Iterable[str]) -> str:
    """A regex alternation of ``labels``, each tolerant of spacing, most specific first."""
    ordered = sorted({lab for lab in labels}, key=len, reverse=True)
    return "(?<![\u4e00-\u9fff])(?:" + "|".join(spaced(lab) for lab in ordered) + ")"


def page_cells(lines: Sequence[Line], page: int) -> list[Cell]:
    out: list[Cell] = []
    for line in lines:
        if line.page != page:
            continue
        for start, end, _text in line.cells():
            # Trim whitespace so a cell's box is its characters'.
            while start < end and line.text[start].isspace():
                start += 1
            while end > start and line.text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            box = line.span_bbox(start, end)
            if box is not None:
                out.append(Cell(line, start, end, box))
    return out


def _mid(box: BBox) -> float:
    return (box[1] + box[3]) / 2


def _match_value(cell: Cell, value: re.Pattern[str]) -> Hit | None:
    text = cell.line.text
    # A leading colon may stand in the value's cell rather than after the label.
    lead = re.compile(r"[\s:]*").match(text, cell.start, cell.end)
    m = value.match(text, lead.end() if lead else cell.start, cell.end)
    if m is None:
        return None
    start, end = m.span("v") if "v" in value.groupindex else m.span()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Hit(cell.line, start, end)


def beside(lines: Sequence[Line], line: Line, label_start: int, label_end: int,
           value: re.Pattern[str], stop: re.Pattern[str] | None = None,
           below: bool = True) -> Hit | None:
    """The value of the label ``line.text[label_start:label_end]``, found by position."""
    lbox = line.span_bbox(label_start, label_end)
    if lbox is None:
        return None
    height = max(lbox[3] - lbox[1], 1.0)
    cells = page_cells(_near(lines, line, height), line.page)
    mid = _mid(lbox)
    right = sorted((c for c in cells if c.box[0] >= lbox[2] - 0.5 * height
                    and abs(_mid(c.box) - mid) <= BAND * height
                    and not (c.line is line and c.start < label_end)),
                   key=lambda c: c.box[0])
    for cell in right[:1]:
        if _is_label(cell, stop):
            break
        hit = _match_value(cell, value)
        if hit is not None:
            return hit
    if not below:
        return None
    under = [c for c in cells if c.box[1] >= lbox[3] - 0.2 * height
             and c.box[1] - lbox[3] <= BELOW_REACH * height
             and c.box[0] < lbox[2] + height and c.box[2] > lbox[0] - height]
    under.sort(key=lambda c: (c.box[1], abs(c.box[0] - lbox[0])))
    for cell in under[:1]:
        if _is_label(cell, stop):
            return None
        return _match_value(cell, value)
    return None


def _near(lines: Sequence[Line], line: Line, height: float) -> list[Line]:
    box = line.bbox
    lo, hi = box[1] - 2 * height, box[3] + (BELOW_REACH + 1.5) * height
    return [ln for ln in lines if ln.page == line.page and ln.bbox[3] >= lo and ln.bbox[1] <= hi]


def _is_label(cell: Cell, stop: re.Pattern[str] | None) -> bool:
    text = cell.text
    if _LABELISH.search(text):
        return True
    return stop is not None and stop.match(text) is not None


def find_all(lines: Sequence[Line], labels: Iterable[str], value: str, *,
             sep: str = SEP,
             stop: Iterable[str] = (), below: bool = True) -> Iterator[Hit]:
    """Every value of ``labels``: on the label's line first, else beside or below it."""
    label = label_regex(labels)
    inline = re.compile(rf"{label}{sep}(?P<v>{value})")
    bare = re.compile(rf"{label}[ ]*(?:\([^)\t]{{0,12}}\))?[ ]*:?[ ]*(?=\t|$)")
    value_re = re.compile(rf"(?P<v>{value})")
    stop_re = re.compile(label_regex(stop)) if stop else None
    lines = list(lines)
    for line in lines:
        done: set[int] = set()
        for hit in search([line], inline):
            done.add(hit.start)
            yield hit
        for m in bare.finditer(line.text):
            if any(m.start() <= s <= m.end() + 1 for s in done):
                continue
            near = beside(lines, line, m.start(), m.end(), value_re, stop_re, below)
            if near is not None:
                yield near


def find_value(lines: Sequence[Line], labels: Iterable[str], value: str, **kw: object) -> Hit | None:
    return next(find_all(lines, labels, value, **kw), None)  # type: ignore[arg-type]
