"""A page's characters with their boxes: search, selection and copy work on this.

Pure Python (no Qt, no PyMuPDF), filled by the text worker from PyMuPDF's ``rawdict``. Boxes
are in PDF points, PyMuPDF's unrotated top-left convention, like everything in ``geometry``.
Kept compact (one string and two arrays) because it crosses a process boundary and pages of a
long document are cached.

Search folds case and compatibility forms (NFKC + casefold), so "ＡＢＣ", "abc" and "ABC" match
each other and Chinese matches as written; whitespace is ignored on both sides because PDF
producers scatter spaces inside Chinese lines.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from slq_desk.ui.viewer.geometry import Rect


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def squeeze(text: str) -> str:
    """Folded, without whitespace: the form both query and page are compared in."""
    return "".join(ch for ch in fold(text) if not ch.isspace())


def union(boxes: list[Rect]) -> Rect:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass
class PageText:
    text: str = ""  # one character per box
    boxes: array = field(default_factory=lambda: array("d"))  # x0, y0, x1, y1 per character
    lines: array = field(default_factory=lambda: array("i"))  # line number per character

    @classmethod
    def from_chars(cls, chars: Iterable[tuple[str, Rect, int]]) -> PageText:
        page = cls()
        parts: list[str] = []
        for c, box, line in chars:
            parts.append(c[:1] or " ")
            page.boxes.extend(box)
            page.lines.append(line)
        page.text = "".join(parts)
        return page

    def __len__(self) -> int:
        return len(self.text)

    def box(self, i: int) -> Rect:
        b = self.boxes
        return b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]

    def search(self, query: str) -> list[Rect]:
        """One rectangle per hit (hits do not span lines); empty for an empty query."""
        needle = squeeze(query)
        if not needle:
            return []
        hits: list[Rect] = []
        for start, end in self._line_ranges():
            folded: list[str] = []
            owner: list[int] = []  # folded character → character index
            for i in range(start, end):
                for ch in fold(self.text[i]):
                    if not ch.isspace():
                        folded.append(ch)
                        owner.append(i)
            haystack = "".join(folded)
            pos = haystack.find(needle)
            while pos >= 0:
                first, last = owner[pos], owner[pos + len(needle) - 1]
                hits.append(union([self.box(i) for i in range(first, last + 1)]))
                pos = haystack.find(needle, pos + len(needle))
        return hits

    def index_at(self, x: float, y: float) -> int | None:
        """The character nearest to a point: on the closest line, then the closest along it."""
        if not self.text:
            return None

        def line_distance(i: int) -> float:
            y0, y1 = self.boxes[4 * i + 1], self.boxes[4 * i + 3]
            return 0.0 if y0 <= y <= y1 else min(abs(y - y0), abs(y - y1))

        best_line = self.lines[min(range(len(self.text)), key=line_distance)]
        on_line = [i for i in range(len(self.text)) if self.lines[i] == best_line]

        def along(i: int) -> float:
            x0, x1 = self.boxes[4 * i], self.boxes[4 * i + 2]
            return 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))

        return min(on_line, key=along)

    def text_between(self, a: int, b: int) -> str:
        """The text from character ``a`` to ``b`` inclusive (either order), lines on new lines."""
        lo, hi = sorted((a, b))
        out: list[str] = []
        for i in range(lo, min(hi, len(self.text) - 1) + 1):
            if i > lo and self.lines[i] != self.lines[i - 1]:
                out.append("\n")
            out.append(self.text[i])
        return "".join(out)

    def boxes_between(self, a: int, b: int) -> list[Rect]:
        """One box per line covering the selected characters."""
        lo, hi = sorted((a, b))
        by_line: dict[int, list[Rect]] = {}
        for i in range(lo, min(hi, len(self.text) - 1) + 1):
            by_line.setdefault(self.lines[i], []).append(self.box(i))
        return [union(boxes) for boxes in by_line.values()]

    def _line_ranges(self) -> list[tuple[int, int]]:
        ranges: list[tuple[int, int]] = []
        start = 0
        for i in range(1, len(self.text) + 1):
            if i == len(self.text) or self.lines[i] != self.lines[start]:
                ranges.append((start, i))
                start = i
        return ranges


def from_rawdict(raw: dict) -> PageText:
    """Build from PyMuPDF's ``page.get_text("rawdict")``."""
    chars: list[tuple[str, Rect, int]] = []
    line_no = 0
    for block in raw.get("blocks", []):
        for line in block.get("lines", []):
            for span in line.get("spans", []):
                for ch in span.get("chars", []):
                    x0, y0, x1, y1 = (float(v) for v in ch["bbox"])
                    chars.append((ch["c"], (x0, y0, x1, y1), line_no))
            line_no += 1
    return PageText.from_chars(chars)
