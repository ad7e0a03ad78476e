"""Column types: money as integer fen, JSON, timezone-aware timestamps.

Money is never a float column: ``Money`` stores a Decimal as an exact integer number of fen and
refuses a value with digits below the fen instead of rounding it silently.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from slq_desk.money import fen_int, from_fen


class Money(TypeDecorator[Decimal]):
    """Decimal yuan ⇄ BIGINT fen."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"money must be a Decimal, got {type(value).__name__}")
        return fen_int(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_fen(int(value))


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps kept as ISO-8601 text in UTC: identical on SQLite and PostgreSQL, sortable."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; slq-desk stores only timezone-aware times")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def utcnow() -> datetime:
    return datetime.now(UTC)
