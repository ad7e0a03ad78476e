"""Ranking with explicit tie-breaks: score, then earlier claim, then smaller request."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from slq_desk.errors import BadInput
from slq_desk.review.ranking import RankInput, rank


def t(day: int) -> datetime:
    return datetime(2026, 6, day, 9, 0, tzinfo=UTC)


ENTRIES = [
    RankInput("A", Decimal("80.5"), t(3), Decimal("500000")),
    RankInput("B", Decimal("80.5"), t(2), Decimal("900000")),   # same score, earlier claim
    RankInput("C", Decimal("80.5"), t(2), Decimal("100000")),   # same score and claim, smaller
    RankInput("D", Decimal("91"), t(9), Decimal("1")),
    RankInput("E", Decimal("60"), None, Decimal("1")),
]


def test_default_tie_breaks() -> None:
    ranked = rank(ENTRIES)
    assert [r.entry.application_id for r in ranked] == ["D", "C", "B", "A", "E"]
    assert [r.decided_by for r in ranked] == [None, "score", "requested", "claimed_at", "score"]
    assert [r.rank for r in ranked] == [1, 2, 3, 4, 5]


def test_configurable_order() -> None:
    ranked = rank(ENTRIES, order=["score", "requested"])
    assert [r.entry.application_id for r in ranked] == ["D", "C", "A", "B", "E"]
    ranked = rank(ENTRIES, order=["score:asc"])
    assert ranked[0].entry.application_id == "E"


def test_missing_values_sort_last_and_full_ties_are_flagged() -> None:
    entries = [RankInput("X", Decimal("70"), None), RankInput("Y", Decimal("70"), t(1)),
               RankInput("Z", Decimal("70"), None)]
    ranked = rank(entries)
    assert [r.entry.application_id for r in ranked] == ["Y", "X", "Z"]
    assert ranked[2].unresolved and ranked[2].decided_by == "application_id"
    assert not ranked[1].unresolved


def test_cut_off() -> None:
    ranked = rank(ENTRIES, cut_off=Decimal("80.5"))
    assert [r.eligible for r in ranked] == [True, True, True, True, False]


@pytest.mark.parametrize("order", [["score", "luck"], ["score:up"], [], ["score", "score"]])
def test_bad_order_is_refused(order: list[str]) -> None:
    with pytest.raises(BadInput):
        rank(ENTRIES, order=order)


def test_duplicate_applications_refused() -> None:
    with pytest.raises(BadInput, match="twice"):
        rank([RankInput("A", Decimal("1")), RankInput("A", Decimal("2"))])


def test_inputs_from_panel_scores() -> None:
    from slq_desk.review.ranking import inputs_from_scores

    inputs = inputs_from_scores({"B": Decimal("70"), "A": Decimal("70")},
                                claimed_at={"B": t(1)}, requested={"A": Decimal("5")})
    assert [r.entry.application_id for r in rank(inputs)] == ["B", "A"]  # B claimed, A did not
