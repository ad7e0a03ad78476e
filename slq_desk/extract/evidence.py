"""Values with their evidence: where on which page of which document a figure was read.

``Field`` is what every extractor returns; ``FindingData`` is a finding raised while reading a
file, before it has a database row. Both are plain, picklable data so they can come back from
the parsing worker process. Boxes are ``(x0, y0, x1, y1)`` in PDF points in PyMuPDF's page
space (origin at the top left of the unrotated page): what the viewer needs to highlight them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slq_desk.extract.packed import PackedItems

BBox = tuple[float, float, float, float]

SEVERITIES = ("block", "warn", "info")


def bbox_strings(bbox: BBox | None) -> list[str] | None:
    """The box as the database keeps it: strings with two decimals (geometry, not money)."""
    if bbox is None:
        return None
    return [f"{v:.2f}" for v in bbox]


def union(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    x0, y0, x1, y1 = boxes[0]
    for b in boxes[1:]:
        x0, y0, x1, y1 = min(x0, b[0]), min(y0, b[1]), max(x1, b[2]), max(y1, b[3])
    return (x0, y0, x1, y1)


@dataclass(frozen=True)
class Field:
    value: str  # normalised string form: money "12500.00", dates "2026-02-01", rates "6%"
    page: int | None = None  # 0-based
    bbox: BBox | None = None
    source: str = "extracted"  # extracted | ocr | qr | computed
    confidence: int = 100  # percent

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "page": self.page, "bbox": bbox_strings(self.bbox)}


@dataclass(frozen=True)
class FindingData:
    code: str
    severity: str  # block | warn | info
    message_zh: str
    message_en: str
    page: int | None = None
    bbox: BBox | None = None
    article: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message_zh": self.message_zh,
                "message_en": self.message_en, "page": self.page,
                "bbox": bbox_strings(self.bbox)}


@dataclass
class Extraction:
    """Everything read from one document."""

    kind: str = "other"
    confidence: int = 0
    fields: dict[str, Field] = field(default_factory=dict)
    items: list[dict[str, Field]] = field(default_factory=list)
    findings: list[FindingData] = field(default_factory=list)
    # Thousands of item rows (a usage log) travel and are stored as a table: ``items`` is then
    # empty and the rows are here (``extract/packed.py``); ``all_items()`` reads either.
    packed: PackedItems | None = None

    def all_items(self) -> Sequence[dict[str, Field]]:
        return self.packed if self.packed is not None else self.items

    @property
    def item_count(self) -> int:
        return len(self.packed) if self.packed is not None else len(self.items)

    def pack_items(self) -> None:
        """Keep the item rows as a compact table when there are more than ``PACK_AT``."""
        from slq_desk.extract.packed import PACK_AT, PackedItems

        if self.packed is None and len(self.items) > PACK_AT:
            self.packed = PackedItems.pack(self.items)
            self.items = []

    def put(self, name: str, found: Field | None) -> None:
        if found is not None and name not in self.fields:
            self.fields[name] = found
