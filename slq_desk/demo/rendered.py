"""What a document renderer hands back: the PDF bytes and the truth its pages show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from slq_desk.money import fmt


@dataclass
class Rendered:
    kind: str  # a document kind of docs/demo-packages.md
    stem: str  # the Chinese file-name stem, e.g. "服务合同"
    pdf: bytes
    pages: int
    fields: dict[str, str] = field(default_factory=dict)
    items: list[dict[str, str]] = field(default_factory=list)


def money(value: Decimal) -> str:
    """Money in expected.json: plain yuan with two places."""
    return fmt(value)


def iso(value: date) -> str:
    return value.isoformat()


def flag(value: bool) -> str:
    return "true" if value else "false"


def wan(value: Decimal) -> str:
    """An amount in 万元 as the official forms print it: 8.6394 for 86394.00 (no trailing zeros)."""
    text = f"{value / 10000:.6f}".rstrip("0").rstrip(".")
    return text or "0"
