"""Decimal money helpers.

Money in slq-desk is ``decimal.Decimal`` built from strings, never from floats: a float such as
0.1 cannot be represented exactly and one wrong fen in a paid-out subsidy is a real harm. Every
rounding names its mode explicitly, so a policy that says "精确到千元" (to the thousand yuan) is a
data change (quantum + mode), never a silent default.
"""

from __future__ import annotations

import decimal
import re
from datetime import date
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

# A private context: callers never depend on (or disturb) the thread's global decimal context.
# 34 digits is far beyond any amount a voucher can reach; traps make accidents loud.
CONTEXT = decimal.Context(
    prec=34,
    rounding=decimal.ROUND_HALF_UP,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

FEN = Decimal("0.01")
YUAN = Decimal("1")
ZERO = Decimal("0")

ROUNDING_MODES: dict[str, str] = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
    "floor": decimal.ROUND_FLOOR,
    "ceiling": decimal.ROUND_CEILING,
}

# Digits with an optional sign, thousands separators and at most one decimal point.
_AMOUNT_RE = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


class MoneyError(ValueError):
    """An amount that is not a well-formed decimal string (or was given as a float)."""


def D(value: str | int | Decimal) -> Decimal:
    """Build a Decimal from a string (or an int, or a Decimal); refuse floats outright.

    Thousands separators, surrounding spaces and a leading ¥/￥ are tolerated because amounts
    arrive from documents; anything else that is not a plain decimal number is refused.
    """
    if isinstance(value, bool):
        raise MoneyError(f"not an amount: {value!r}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise MoneyError(f"not a finite amount: {value!r}")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise MoneyError(f"amount given as a float ({value!r}); write it as a string")
    if not isinstance(value, str):
        raise MoneyError(f"not an amount: {value!r}")
    text = value.strip().replace("\u00a5", "").replace("\uffe5", "").strip()
    if not _AMOUNT_RE.match(text):
        raise MoneyError(f"not a decimal amount: {value!r}")
    return Decimal(text.replace(",", ""))


def quantize(value: Decimal, quantum: Decimal | str, mode: str = "half_up") -> Decimal:
    """Round ``value`` to a multiple of ``quantum`` (e.g. "0.01", "1000") with a named mode."""
    q = D(quantum) if not isinstance(quantum, Decimal) else quantum
    if q <= 0:
        raise MoneyError(f"rounding quantum must be positive, got {q}")
    try:
        rounding = ROUNDING_MODES[mode]
    except KeyError:
        raise MoneyError(f"unknown rounding mode {mode!r}; one of {sorted(ROUNDING_MODES)}") from None
    units = (value / q).quantize(YUAN, rounding=rounding, context=CONTEXT)
    result = units * q
    # Keep the exponent of the quantum when it has decimals (0.01 → two places) so
    # amounts print as "1234.50", and plain integers for whole-thousand quanta.
    if q.as_tuple().exponent < 0:  # type: ignore[operator]
        result = result.quantize(q, context=CONTEXT)
    else:
        result = result.quantize(YUAN, context=CONTEXT)
    return result


def to_fen(value: Decimal) -> Decimal:
    """Round half-up to the fen (分), the default payout precision (POLICIES.md reading 10)."""
    return quantize(value, FEN, "half_up")


def fen_int(value: Decimal) -> int:
    """Exact integer number of fen; refuses a value with sub-fen digits instead of rounding."""
    scaled = value * 100
    if scaled != scaled.to_integral_value():
        raise MoneyError(f"{value} has digits below the fen; round it explicitly first")
    return int(scaled)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def fmt(value: Decimal, places: int = 2) -> str:
    """Plain string for JSON and files: no exponent, fixed decimals ("1234.50")."""
    return f"{value:.{places}f}"


def fmt_grouped(value: Decimal, places: int = 2) -> str:
    """Grouped for people: "1,234,567.50"."""
    return f"{value:,.{places}f}"


def yuan(value: Decimal | None, places: int = 2) -> str:
    """The one way a person reads an amount: "¥1,234,567.89" ("—" when there is none).

    Exports and JSON keep ``fmt`` (exact plain text); every screen uses this.
    """
    if value is None:
        return "—"
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.{places}f}"


# An amount as a person types it: optional ¥/￥, digits with or without thousands separators,
# an optional unit 元 or 万(元) (ten thousand yuan).
_TYPED_RE = re.compile(r"^(?P<num>[+-]?[\d,]*\.?\d+)\s*(?P<unit>万元|万|元)?$")


def parse_amount(text: str) -> Decimal:
    """Read an amount a person typed ("¥1,234.50", "1234.5", "12.3万") as yuan to the fen.

    Refuses (``MoneyError``) anything else, a negative amount, and digits below the fen; the
    result is normalised to two places ("1234.50").
    """
    cleaned = text.strip().replace("\u00a5", "").replace("\uffe5", "").replace("，", ",")
    cleaned = cleaned.replace(" ", "").replace("\u3000", "")
    match = _TYPED_RE.match(cleaned)
    if not match:
        raise MoneyError(f"not an amount: {text!r}")
    number = match.group("num")
    if "," in number:
        value = D(number)  # D checks that the separators group thousands properly
    else:
        value = Decimal(number)
    if match.group("unit") in ("万", "万元"):
        value = value * 10000
    if value < 0:
        raise MoneyError(f"negative amount: {text!r}")
    if value != value.quantize(FEN, context=CONTEXT):
        raise MoneyError(f"digits below the fen: {text!r}")
    return value.quantize(FEN, context=CONTEXT)


@runtime_checkable
class DateRange(Protocol):
    """A closed date range (``policy.model.Window``), known here only by its shape so this
    module stays at the bottom of the import graph."""

    start: date
    end: date


def money_value(value: Any) -> Any:
    """JSON-friendly rendering of a value (amounts and rates as strings, dates ISO, a date
    range as ``start..end``), recursing into dicts, lists and tuples."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, DateRange) and isinstance(value.start, date):
        return f"{value.start.isoformat()}..{value.end.isoformat()}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: money_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [money_value(v) for v in value]
    return value
