"""Beijing time for people, UTC in storage: the conversion every reader-facing time goes through."""

from __future__ import annotations

from datetime import UTC, datetime

from slq_desk.clock import beijing_text, to_beijing
from slq_desk.opinion.sign import chinese_time


def test_utc_is_shown_eight_hours_later_and_says_so() -> None:
    stored = datetime(2026, 3, 1, 17, 30, tzinfo=UTC)
    assert beijing_text(stored) == "2026-03-02 01:30 北京时间"
    assert beijing_text(stored.isoformat()) == "2026-03-02 01:30 北京时间"
    assert beijing_text(stored.replace(tzinfo=None)) == "2026-03-02 01:30 北京时间"  # naive = UTC
    assert to_beijing(stored) == stored  # the same instant
    # The window names the zone in its own language.
    assert beijing_text(stored, zone="Beijing time") == "2026-03-02 01:30 Beijing time"


def test_nothing_and_unreadable_text_are_not_invented() -> None:
    assert beijing_text(None) == "" and beijing_text("") == ""
    assert beijing_text("not a time") == "not a time"


def test_the_signature_stamp_prints_beijing_time() -> None:
    assert chinese_time(datetime(2026, 3, 1, 17, 30, 5, tzinfo=UTC)) == "2026年03月02日 01:30:05（北京时间）"


def test_the_opinion_prints_the_declaration_time_in_beijing_time() -> None:
    from types import SimpleNamespace

    from slq_desk.opinion.layout import _conflict_of_interest, _Form

    data = SimpleNamespace(coi_declared=True, coi_conflict=False, coi_text="本人声明无利益冲突。",
                           coi_at=datetime(2026, 3, 1, 17, 30, tzinfo=UTC))
    heading, body = _conflict_of_interest(_Form(400.0), data)  # type: ignore[arg-type]
    assert "2026-03-02 01:30 北京时间" in body.text and "UTC" not in body.text
