"""Reading field values (always strings) as amounts, dates and names, tolerantly.

Extracted values are normalised by the extractors, but a reviewer's correction or a damaged
document may hold anything: a value that cannot be read as what a rule needs is treated as
absent (the rule says it could not check), never as an exception.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from slq_desk.money import D, MoneyError

_SPACES = re.compile(r"\s+")


def amount(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return D(value.replace("元", "").strip())
    except MoneyError:
        return None


def day(value: str | None) -> date | None:
    if not value:
        return None
    text = value.strip()
    m = re.match(r"^(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?$", text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def flag(value: str | None) -> bool | None:
    if value is None:
        return None
    text = value.strip().lower()
    if text in ("true", "是", "yes", "1", "■是"):
        return True
    if text in ("false", "否", "no", "0", "■否"):
        return False
    return None


def name_key(value: str | None) -> str:
    """A company name for comparison: NFKC (full-width brackets), no spaces."""
    if not value:
        return ""
    return _SPACES.sub("", unicodedata.normalize("NFKC", value))


def id_key(value: str | None) -> str:
    if not value:
        return ""
    return re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", value)).upper()


def percent(value: str | None) -> Decimal | None:
    if not value:
        return None
    return amount(value.strip().rstrip("%").rstrip("％"))
