"""A document's item rows kept as a compact table, for documents with thousands of rows.

A usage log of 2,000 pages has ~73,000 rows (~220,000 values). As one ``Field`` object per value
they cost the window: the reader process's report took seconds to unpickle in one C call (the
UI thread waiting on the GIL), the rows were ~220,000 ``extracted_field`` rows, and every load
built as many ORM objects, whose garbage collection held the GIL again (issue 18, item 3).

``PackedItems`` keeps the rows as JSON text in chunks of ``CHUNK_ROWS`` rows, each row a list of
cells ``[name, value, page, bbox, source, confidence]`` with the box as the database keeps it
(strings with two decimals, ``bbox_strings``). The same chunks travel from the reader process
(strings pickle in microseconds), are stored as they are (``document_item_chunk``, one row per
chunk) and are decoded one chunk at a time by whoever reads the rows: the checks' view gets the
same values, pages and boxes it got from per-field rows. Documents with at most ``PACK_AT`` rows
(invoices, contracts, forms) keep per-field rows, which a reviewer can correct one by one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from slq_desk.extract.evidence import Field, bbox_strings

# More item rows than this: the document's rows are stored as a table (see the module doc).
PACK_AT = 500
CHUNK_ROWS = 500

# One cell: [name, value, page, bbox strings or None, source, confidence].
Cell = list[Any]


def encode_row(item: dict[str, Field]) -> list[Cell]:
    return [[name, f.value, f.page, bbox_strings(f.bbox), f.source, f.confidence]
            for name, f in item.items()]


def _field(cell: Cell) -> Field:
    bbox = cell[3]
    return Field(cell[1], cell[2], None if bbox is None else tuple(float(v) for v in bbox),  # type: ignore[arg-type]
                 cell[4], cell[5])


class PackedItems(Sequence[dict[str, Field]]):
    """Item rows as JSON chunks; a read-only sequence of ``{name: Field}`` decoded on access."""

    def __init__(self, chunks: list[str], count: int, chunk_rows: int = CHUNK_ROWS) -> None:
        self.chunks = chunks
        self.size = count
        self.chunk_rows = chunk_rows  # rows per chunk (the last may hold fewer)

    @classmethod
    def pack(cls, items: Iterable[dict[str, Field]]) -> PackedItems:
        chunks: list[str] = []
        rows: list[list[Cell]] = []
        count, size = 0, CHUNK_ROWS
        for item in items:
            rows.append(encode_row(item))
            count += 1
            if len(rows) == size:
                chunks.append(json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
                rows = []
        if rows:
            chunks.append(json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
        return cls(chunks, count, size)

    def rows(self) -> Iterator[list[Cell]]:
        """Each row's cells, one chunk decoded at a time."""
        for chunk in self.chunks:
            yield from json.loads(chunk)

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[dict[str, Field]]:
        for row in self.rows():
            yield {cell[0]: _field(cell) for cell in row}

    @overload
    def __getitem__(self, index: int) -> dict[str, Field]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[dict[str, Field]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Field] | Sequence[dict[str, Field]]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError(index)
        row = json.loads(self.chunks[index // self.chunk_rows])[index % self.chunk_rows]
        return {cell[0]: _field(cell) for cell in row}


def chunk_rows(data: str) -> list[list[Cell]]:
    """The rows of one stored chunk."""
    rows: list[list[Cell]] = json.loads(data)
    return rows
