"""Form grids read as blocks: label cells and value cells, each possibly wrapped over lines.

An annex form (申领表, 登记表, 使用情况表 …) is a ruled grid. A long label wraps inside its cell
("该项目消耗算力总额（" over "万元）") and a long value too ("…中关村大街27号11" over "层"); the
cell's lines are centred vertically, so a one-line value sits between the two lines of its
label. Lines alone cannot pair them. Here the cells of a page are joined into blocks — text
fragments stacked in one column, a fraction of a line apart — and a label block's value is the
first block to its right whose vertical extent overlaps the label's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from slq_desk.extract.evidence import BBox, Field, union
from slq_desk.extract.geometry import Cell, page_cells
from slq_desk.extract.normalise import compact
from slq_desk.extract.text import Line

# Fragments of one cell are stacked closer than this (in line heights, box to box).
STACK_GAP = 0.45


@dataclass
class Block:
    cells: list[Cell]

    @property
    def box(self) -> BBox:
        found = union([c.box for c in self.cells])
        assert found is not None
        return found

    @property
    def text(self) -> str:
        return "".join(c.text.strip() for c in self.cells)

    @property
    def raw(self) -> str:
        return "".join(c.line.raw_text(c.start, c.end).strip() for c in self.cells)

    @property
    def page(self) -> int:
        return self.cells[0].line.page

    def field(self, value: str | None = None) -> Field:
        return Field(self.raw if value is None else value, self.page, self.box)


def blocks(lines: Sequence[Line]) -> list[Block]:
    out: list[Block] = []
    pages = sorted({ln.page for ln in lines})
    for page in pages:
        cells = sorted(page_cells(lines, page), key=lambda c: (c.box[1], c.box[0]))
        open_blocks: list[Block] = []
        for cell in cells:
            height = cell.box[3] - cell.box[1]
            joined = False
            for block in open_blocks:
                last = block.cells[-1]
                gap = cell.box[1] - last.box[3]
                same_column = abs(cell.box[0] - last.box[0]) < 1.2 * height or (
                    cell.box[0] < last.box[2] and last.box[0] < cell.box[2])
                if same_column and -0.3 * height <= gap <= STACK_GAP * height \
                        and not _ends_value(last.text):
                    block.cells.append(cell)
                    joined = True
                    break
            if not joined:
                block = Block([cell])
                out.append(block)
                open_blocks.append(block)
            # Blocks whose last line is far above cannot grow any more.
            open_blocks = [b for b in open_blocks if cell.box[1] - b.cells[-1].box[3] < 2 * height]
    return out


def _ends_value(text: str) -> bool:
    # A cell that ends a sentence or a value with a colon does not wrap into the next.
    return text.rstrip().endswith((":", "。"))


def _label_re(labels: Iterable[str]) -> re.Pattern[str]:
    words = sorted({compact(w) for w in labels}, key=len, reverse=True)
    # The whole block is the label, give or take a bracket note and a colon.
    return re.compile("^(?:" + "|".join(re.escape(w) for w in words) + r")(?:\([^)]*\)?)?:?$"
                      + "|^(?:" + "|".join(re.escape(w) for w in words) + r")")


def grid_value(all_blocks: Sequence[Block], labels: Iterable[str], value: str = r".+",
               exact: bool = True) -> tuple[Block, Block] | None:
    """(label block, value block) for the first label block whose right neighbour matches."""
    pattern = _label_re(labels)
    value_re = re.compile(value)
    for label in all_blocks:
        text = compact(label.text)
        m = pattern.match(text)
        if m is None or (exact and m.end() < len(text) and not re.fullmatch(
                r"(?:\([^)]*\)?)?:?", text[m.end():])):
            continue
        box = label.box
        height = min(c.box[3] - c.box[1] for c in label.cells)
        candidates = [b for b in all_blocks if b is not label and b.page == label.page
                      and b.box[0] >= box[2] - 0.5 * height
                      and b.box[1] <= box[3] + 0.3 * height and b.box[3] >= box[1] - 0.3 * height]
        candidates.sort(key=lambda b: b.box[0])
        for block in candidates[:1]:
            if value_re.search(compact(block.text)):
                return label, block
    return None


def label_text(label: Block) -> str:
    return compact(label.text)
