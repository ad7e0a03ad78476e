"""Beijing time (UTC+8) for what a person reads; stored data stays UTC.

Every time the window, a confirmation or an official PDF shows is converted here, so the text
always says which zone it is in ("北京时间"). Naive values are taken as UTC, which is how the
database stores them (``models.types.utcnow``).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "UTC+08:00")


def to_beijing(value: datetime | str) -> datetime:
    """``value`` (a datetime or ISO text; naive means UTC) as an aware Beijing time."""
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(BEIJING)


def beijing_text(value: datetime | str | None, seconds: bool = False, zone: str = "北京时间") -> str:
    """"2026-03-01 18:05 北京时间" (empty for None; unparseable text is shown as it is).

    ``zone`` is the zone's name in the reader's language (the window passes its translation).
    """
    if value is None or value == "":
        return ""
    try:
        when = to_beijing(value)
    except ValueError:
        return str(value)
    return when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M") + " " + zone


def now_beijing() -> datetime:
    return datetime.now(BEIJING)
