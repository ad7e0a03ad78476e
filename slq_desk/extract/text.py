"""Lines of text with character boxes, in reading order, from a PDF's text layer.

PyMuPDF's word list (built in C; with ``TEXT_PRESERVE_SPANS`` a word never straddles two text
objects) is the cheapest way to the text layer: about a third of the cost of the per-glyph
text trace. Lines are rebuilt here by baseline rather than taken from PyMuPDF's blocks,
because forms and invoices draw each table cell as its own text object: a cell and its
neighbour on the same baseline belong to one line, read left to right. Within a line a small
gap becomes a space and a wider one a tab, which the extractors treat as a cell boundary. A
character's box is interpolated inside its word from typical advance widths (CJK one em,
digits 0.55 em, …), and only when asked for: evidence needs the box of a few values, not of
every character.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from slq_desk.extract.evidence import BBox
from slq_desk.extract.normalise import compact, is_stable, normalise_char

# Gaps in ems (multiples of the font size): wider than TAB_GAP is a new cell. A space glyph
# is about a quarter em, so two spaces stay within a cell and an ideographic space does not.
SPACE_GAP = 0.2
TAB_GAP = 0.6
# Word bottoms closer than this (in ems) are one line.
BASELINE_TOLERANCE = 0.35

_NARROW = set(".,:;!|'`il()[]{}")
_WIDTHS: dict[str, float] = {}


def advance(ch: str) -> float:
    """A typical advance width in ems, for placing characters inside a word's box."""
    width = _WIDTHS.get(ch)
    if width is None:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width = 1.0
        elif ch.isspace():
            width = 0.26
        elif ch in _NARROW:
            width = 0.27
        elif ch.isdigit():
            width = 0.55
        elif ch.isupper():
            width = 0.62
        else:
            width = 0.5
        _WIDTHS[ch] = width
    return width


@dataclass(slots=True)
class Piece:
    """One word of the line: where its characters sit in ``Line.text`` and on the page."""

    start: int
    end: int
    box: BBox
    word: str  # as printed
    src: list[int] | None = None  # index in ``word`` of each character of text[start:end]
    _cum: list[float] | None = None

    def x_range(self, a: int, b: int) -> tuple[float, float] | None:
        """x extent of the characters a..b-1 of this piece (indices into text[start:end])."""
        if self.src is None:
            ga, gb = a, b
        else:
            mapped = [i for i in self.src[a:b] if i >= 0]
            if not mapped:
                return None
            ga, gb = mapped[0], mapped[-1] + 1
        if self._cum is None:
            cum = [0.0]
            for ch in self.word:
                cum.append(cum[-1] + advance(ch))
            self._cum = cum
        total = self._cum[-1] or 1.0
        x0, _y0, x1, _y1 = self.box
        return x0 + (x1 - x0) * self._cum[ga] / total, x0 + (x1 - x0) * self._cum[gb] / total


@dataclass(slots=True)
class Line:
    page: int
    text: str  # normalised; " " small gap, "\t" cell boundary
    size: float  # font size (box height) of the line's first word
    # The printed character behind each character of ``text`` ("" after the first character
    # of an NFKC expansion), so a name is reported as printed (（有限合伙） stays full-width)
    # while matching works on the normalised text.
    raw: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)

    def raw_text(self, start: int, end: int) -> str:
        if not self.raw:
            return self.text[start:end]
        return "".join(self.raw[start:end])

    @property
    def bbox(self) -> BBox:
        boxes = [p.box for p in self.pieces]
        if not boxes:
            return (0.0, 0.0, 0.0, 0.0)
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))

    def span_bbox(self, start: int, end: int) -> BBox | None:
        """The box of text[start:end] (whitespace carries no box)."""
        found: BBox | None = None
        for p in self.pieces:
            if p.end <= start or p.start >= end:
                continue
            if start <= p.start and p.end <= end:
                box = p.box  # the whole word: no interpolation needed
            else:
                xs = p.x_range(max(start, p.start) - p.start, min(end, p.end) - p.start)
                if xs is None:
                    continue
                box = (xs[0], p.box[1], xs[1], p.box[3])
            if found is None:
                found = box
            else:
                found = (found[0] if found[0] < box[0] else box[0],
                         found[1] if found[1] < box[1] else box[1],
                         found[2] if found[2] > box[2] else box[2],
                         found[3] if found[3] > box[3] else box[3])
        return found

    def cells(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of each tab-separated cell."""
        out: list[tuple[int, int, str]] = []
        start = 0
        for m in re.finditer("\t", self.text + "\t"):
            if m.start() > start:
                out.append((start, m.start(), self.text[start:m.start()]))
            start = m.end()
        return out

    @property
    def compact(self) -> str:
        return compact(self.text)


@dataclass
class PageText:
    index: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    chars: int = 0  # visible, non-space characters
    image_only: bool = False
    image_boxes: list[BBox] = field(default_factory=list)


@dataclass
class DocText:
    pages: list[PageText] = field(default_factory=list)

    def lines(self, pages: range | None = None) -> Iterator[Line]:
        for page in self.pages:
            if pages is None or page.index in pages:
                yield from page.lines

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines())


Word = tuple[float, float, float, float, str]


def page_text(page: Any, index: int) -> PageText:
    """Read one PyMuPDF page into lines; ``page`` is a ``pymupdf.Page``."""
    import pymupdf

    rect = page.rect
    result = PageText(index=index, width=float(rect.width), height=float(rect.height))
    flags = pymupdf.TEXTFLAGS_WORDS | pymupdf.TEXT_PRESERVE_SPANS
    words: list[Word] = [w[:5] for w in page.get_text("words", flags=flags) if w[3] > w[1]]
    result.lines = build_lines(words, index)
    result.chars = sum(len(w[4]) for w in words)
    return result


def build_lines(words: list[Word], page: int) -> list[Line]:
    if not words:
        return []
    # Word boxes of one font and size share their bottom edge, as glyphs share a baseline.
    words.sort(key=lambda w: (w[3], w[0]))
    lines: list[Line] = []
    current = [words[0]]
    bottom = words[0][3]
    size = words[0][3] - words[0][1]
    for w in words[1:]:
        if w[3] - bottom <= BASELINE_TOLERANCE * min(size, w[3] - w[1]):
            current.append(w)
        else:
            lines.append(_line(current, page))
            current = [w]
            bottom = w[3]
            size = w[3] - w[1]
    lines.append(_line(current, page))
    return lines


def _spread_pitch(words: list[Word]) -> float:
    """The usual gap between the glyphs of a line drawn one glyph at a time with tracking
    (PDFs converted from OFD place every character on its own): gaps of that size are letter
    spacing, not cell boundaries. 0 when the line is not set that way."""
    if len(words) < 5 or sum(1 for w in words if len(w[4]) == 1) < 0.8 * len(words):
        return 0.0
    gaps = sorted(b[0] - a[2] for a, b in zip(words, words[1:], strict=False))
    median = gaps[len(gaps) // 2]
    return median if median > SPACE_GAP * (words[0][3] - words[0][1]) else 0.0


def _line(words: list[Word], page: int) -> Line:
    words.sort(key=lambda w: w[0])
    size = words[0][3] - words[0][1]
    pitch = _spread_pitch(words)
    text: list[str] = []
    raw: list[str] = []
    pieces: list[Piece] = []
    prev_x1: float | None = None
    for x0, y0, x1, y1, word in words:
        if prev_x1 is not None:
            gap = x0 - prev_x1
            height = y1 - y0
            if pitch and gap <= 1.6 * pitch:
                pass  # letter spacing of a tracked line: the glyphs belong together
            elif gap > max(TAB_GAP * height, 2.5 * pitch):
                text.append("\t")
                raw.append("\t")
            elif gap > SPACE_GAP * height:
                text.append(" ")
                raw.append(" ")
        start = len(text)
        if is_stable(word):
            text.extend(word)
            raw.extend(word)
            pieces.append(Piece(start, len(text), (x0, y0, x1, y1), word))
        else:
            src: list[int] = []
            for i, ch in enumerate(word):
                out = normalise_char(ch)
                if not out or out.isspace():
                    # A space inside a word (U+3000 between 合 and 计): a gap like any other.
                    mark = "\t" if advance(ch) >= TAB_GAP else " "
                    if text and text[-1] in " \t":
                        if mark == "\t":
                            text[-1] = raw[-1] = "\t"
                        continue
                    text.append(mark)
                    raw.append(mark)
                    src.append(-1)
                    continue
                first = True
                for c in out:
                    text.append(c)
                    raw.append(ch if first else "")
                    src.append(i)
                    first = False
            pieces.append(Piece(start, len(text), (x0, y0, x1, y1), word, src))
        prev_x1 = x1 if prev_x1 is None else max(prev_x1, x1)
    return Line(page=page, text="".join(text), size=size, raw=raw, pieces=pieces)


def title_lines(text: DocText, limit: int = 10) -> list[Line]:
    """The title: the largest lines near the top of the first page with text (or, when nothing
    is set larger than the rest, its first two lines). Shared by the classifier (ingest) and
    the form readers (extract), so it lives at the lower of the two layers."""
    for page in text.pages:
        if page.lines:
            top = page.lines[:limit]
            biggest = max(line.size for line in top)
            counts = Counter(round(line.size, 1) for line in page.lines)
            body = max(counts, key=lambda size: (counts[size], -size))
            if biggest <= body + 0.5:
                return top[:2]
            return [ln for ln in top if ln.size >= biggest - 0.5]
    return []
