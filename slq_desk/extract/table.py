"""Reading ruled tables from lines: columns from the header's words, rows anchored on a column.

Cells of a ruled table are drawn one by one, often centred, and a long cell wraps onto extra
baselines above and below the rest of its row. So a row is not a line: every cell between the
header and the end of the table is assigned to the column its centre falls in, and to the row
whose anchor cell (e.g. the amount) is nearest vertically; wrapped fragments join up again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from slq_desk.extract.evidence import BBox, union
from slq_desk.extract.normalise import spaced
from slq_desk.extract.text import Line

# An amount with decimals: found in table rows, never in a column title.
_FIGURES = re.compile(r"\d[\d,]*\.\d{2}(?!\d)")
# A cell that ends a complete amount has not wrapped: the cell below it is the next row's.
_WHOLE_AMOUNT = re.compile(r"\d\.\d{2}$")
# Lines of one wrapped cell are closer than this (in ems, glyph box to glyph box).
WRAP_GAP = 0.6


@dataclass(slots=True)
class Cell:
    text: str  # normalised
    page: int
    bbox: BBox
    raw: str = ""  # as printed
    size: float = 10.0
    cx: float = field(init=False)
    cy: float = field(init=False)

    def __post_init__(self) -> None:
        self.cx = (self.bbox[0] + self.bbox[2]) / 2
        self.cy = (self.bbox[1] + self.bbox[3]) / 2


@dataclass(slots=True)
class Row:
    cells: dict[str, list[Cell]] = field(default_factory=dict)

    def text(self, column: str, joiner: str = "", raw: bool = False) -> str | None:
        parts = sorted(self.cells.get(column, []), key=lambda c: (c.bbox[1], c.bbox[0]))
        return joiner.join((c.raw or c.text) if raw else c.text for c in parts) if parts else None

    def bbox(self, column: str) -> BBox | None:
        return union([c.bbox for c in self.cells.get(column, [])])

    def page(self, column: str) -> int | None:
        cells = self.cells.get(column)
        return cells[0].page if cells else None


def find_header(lines: Sequence[Line], columns: Mapping[str, Sequence[str]],
                required: Sequence[str]) -> tuple[int, dict[str, float]] | None:
    """Index of the (last) header line and the x centre of each column's title.

    A title that wraps in its cell ("金额（元，" over "不含税）") sits on a baseline of its own, a
    little above or below the others, so the lines just around a candidate count as header too.
    """
    patterns = {name: re.compile("|".join(spaced(t) for t in titles))
                for name, titles in columns.items()}
    for index, line in enumerate(lines):
        if not any(patterns[r].search(line.text) for r in required):
            continue
        # A line of figures is a row, not a wrapped title, however close it sits (OCR lines
        # of a scan are packed tight: the first row is often within reach of the header).
        # A sentence or a heading above the table ("一、采购清单") is not part of its header
        # either: a neighbour counts when it holds a column title.
        group = [n for n in (index - 1, index, index + 1) if 0 <= n < len(lines)
                 and lines[n].page == line.page
                 and abs(_mid(lines[n]) - _mid(line)) <= 1.6 * line.size
                 and (n == index or (_title_like(lines[n]) and any(
                     p.search(lines[n].text) for p in patterns.values())))]
        centres: dict[str, float] = {}
        taken: dict[int, list[tuple[int, int]]] = {n: [] for n in group}
        for name, pattern in patterns.items():
            others = [p for other, p in patterns.items() if other != name]
            for n in group:
                hit = _title_in(lines[n], pattern, taken[n], others)
                if hit is not None:
                    centres[name] = hit
                    break
        if all(r in centres for r in required) and len(centres) >= max(2, len(required)):
            # Columns we do not read still take their cells, so none spill into a neighbour.
            for n in group:
                for k, (start, end, _text) in enumerate(lines[n].cells()):
                    if any(s < end and start < e for s, e in taken[n]):
                        continue
                    box = lines[n].span_bbox(start, end)
                    if box is not None and all(abs((box[0] + box[2]) / 2 - x) > 4
                                               for x in centres.values()):
                        centres[f"_column{n}.{k}"] = (box[0] + box[2]) / 2
            # The last words of a title wrapped twice ("金额（元，不含" / "税）") sit below the
            # rest: still header, not the first row.
            last = max(group)
            while (last + 1 < len(lines) and lines[last + 1].page == line.page
                   and abs(_mid(lines[last + 1]) - _mid(lines[last])) <= 1.6 * line.size
                   and _title_like(lines[last + 1]) and last + 1 - index <= 2):
                last += 1
            return last, centres
    return None


def _title_like(line: Line) -> bool:
    """Short words without figures: what column titles (or their wrapped ends) look like."""
    return not _FIGURES.search(line.text) and all(
        len("".join(text.split())) <= 10 for _, _, text in line.cells())


def _mid(line: Line) -> float:
    box = line.bbox
    return (box[1] + box[3]) / 2


def _title_in(line: Line, pattern: re.Pattern[str], taken: list[tuple[int, int]],
              others: Sequence[re.Pattern[str]] = ()) -> float | None:
    for m in pattern.finditer(line.text):
        # The column is where the whole title is ("单价（元/卡时）"), not its first words; a
        # title gives one column only ("主要股东（按股权比例列出）" is not also 股权比例).
        # A title followed at once by another column's whole title is two (OCR glues
        # neighbouring titles into one word: "税率/征收率税额"); "服务内容与价格" is one.
        start, end = m.span()
        while start > 0 and not line.text[start - 1].isspace() and not any(
                e == start for _, e in taken):
            start -= 1
        glued = any(o.match(line.text, end) for o in others)  # the next title right after
        while end < len(line.text) and not line.text[end].isspace() and not glued:
            end += 1
        if any(start < e and s < end for s, e in taken):
            continue
        box = line.span_bbox(start, end)
        if box is not None:
            taken.append((start, end))
            return (box[0] + box[2]) / 2
    return None


def read_rows(lines: Sequence[Line], centres: dict[str, float], anchor: str,
              reach: float = 2.6) -> list[Row]:
    """Rows from the table body ``lines``; a cell further than ``reach`` ems from every
    anchor (a page footer, a note under the table) belongs to no row."""
    order = sorted(centres.items(), key=lambda kv: kv[1])
    bounds = [(order[i][1] + order[i + 1][1]) / 2 for i in range(len(order) - 1)]
    names = [name for name, _ in order]

    def column_of(x: float) -> str:
        return names[bisect.bisect_right(bounds, x)]

    cells: list[tuple[str, Cell]] = []
    for line in lines:
        for start, end, text in line.cells():
            box = line.span_bbox(start, end)
            if box is None:
                continue
            if " " in text.strip() and column_of(box[0] + 0.5) != column_of(box[2] - 0.5):
                # Two neighbouring columns closer than a cell gap: split on the spaces.
                for m in re.finditer(r"\S+", text):
                    sub = line.span_bbox(start + m.start(), start + m.end())
                    if sub is not None:
                        cell = Cell(m.group(), line.page, sub,
                                    line.raw_text(start + m.start(), start + m.end()), line.size)
                        cells.append((column_of(cell.cx), cell))
                continue
            cell = Cell(text.strip(), line.page, box, line.raw_text(start, end).strip(), line.size)
            cells.append((column_of(cell.cx), cell))
    anchors = sorted((c for col, c in cells if col == anchor), key=lambda c: (c.page, c.cy))
    if not anchors:
        return []
    # An anchor cell that wraps ("1,081,062." over "40") is one value: lines of one cell are
    # much closer (about 0.3 em apart) than the rows of a table (an em or more).
    groups: list[list[Cell]] = [[anchors[0]]]
    for cell in anchors[1:]:
        prev = groups[-1][-1]
        if (cell.page == prev.page and not _WHOLE_AMOUNT.search(prev.text)
                and cell.bbox[1] - prev.bbox[3] < WRAP_GAP * cell.size
                and cell.bbox[0] < prev.bbox[2] + cell.size and prev.bbox[0] < cell.bbox[2] + cell.size):
            groups[-1].append(cell)
        else:
            groups.append([cell])
    rows = [Row(cells={anchor: list(g)}) for g in groups]
    # Nearest anchor by bisection over (page, centre): tables run to thousands of rows.
    keys = [(g[0].page, (g[0].bbox[1] + g[-1].bbox[3]) / 2) for g in groups]
    for col, cell in cells:
        if col == anchor:
            continue
        at = bisect.bisect_left(keys, (cell.page, cell.cy))
        best: int | None = None
        for i in (at - 1, at):
            if 0 <= i < len(keys) and keys[i][0] == cell.page and (
                    best is None or abs(keys[i][1] - cell.cy) < abs(keys[best][1] - cell.cy)):
                best = i
        if best is None or abs(keys[best][1] - cell.cy) > reach * cell.size:
            continue
        rows[best].cells.setdefault(col, []).append(cell)
    return rows
