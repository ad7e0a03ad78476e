"""Ranking applications by panel score with explicit, configurable tie-breaks.

The default order is issue 9's: score (higher first), then earlier claim time, then smaller
request; the application id is always the last key so a ranking is reproducible, and a tie
that only the id separated is marked ``unresolved`` for the chair to settle. Each entry says
which key put it below the one before (``decided_by``), so the list can be explained aloud.
A missing value (no claim time, no request) sorts after every present one, whatever the
direction: nobody gains a place by leaving a field empty.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from slq_desk.errors import BadInput

# Key → default direction. "desc" puts larger values first.
KEYS: dict[str, str] = {"score": "desc", "claimed_at": "asc", "requested": "asc"}
DEFAULT_ORDER: tuple[str, ...] = ("score:desc", "claimed_at:asc", "requested:asc")
LABELS: dict[str, str] = {"score": "得分 / score", "claimed_at": "申报时间 / claim time",
                          "requested": "申请金额 / requested amount",
                          "application_id": "申报编号 / application id (unresolved tie)"}


@dataclass(frozen=True)
class RankInput:
    application_id: str
    score: Decimal
    claimed_at: datetime | None = None
    requested: Decimal | None = None


@dataclass(frozen=True)
class Ranked:
    rank: int
    entry: RankInput
    decided_by: str | None  # key that separated this entry from the previous one
    unresolved: bool  # tied with the previous entry on every configured key
    eligible: bool  # score at or above the cut-off (True when there is none)


def parse_order(order: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """``["score:desc", "claimed_at"]`` → ((key, descending), …); refuses unknown keys."""
    out: list[tuple[str, bool]] = []
    for item in order:
        key, _, direction = item.partition(":")
        key = key.strip()
        if key not in KEYS:
            raise BadInput(f"未知排序键 {key!r} / unknown tie-break key {key!r}; one of "
                           f"{', '.join(KEYS)}")
        direction = (direction.strip() or KEYS[key]).lower()
        if direction not in ("asc", "desc"):
            raise BadInput(f"排序方向须为 asc 或 desc / direction must be asc or desc: {item!r}")
        if any(k == key for k, _ in out):
            raise BadInput(f"排序键 {key} 重复 / tie-break key {key} given twice")
        out.append((key, direction == "desc"))
    if not out:
        raise BadInput("至少需要一个排序键 / at least one ranking key is needed")
    return tuple(out)


def _compare_key(a: RankInput, b: RankInput, key: str, descending: bool) -> int:
    va: Any = getattr(a, key)
    vb: Any = getattr(b, key)
    if va is None or vb is None:
        return 0 if va is vb else (1 if va is None else -1)
    if va == vb:
        return 0
    result = -1 if va < vb else 1
    return -result if descending else result


def rank(entries: Sequence[RankInput], order: Sequence[str] = DEFAULT_ORDER,
         cut_off: Decimal | None = None) -> list[Ranked]:
    keys = parse_order(order)
    ids = [e.application_id for e in entries]
    if len(set(ids)) != len(ids):
        raise BadInput("排序输入中有重复的申报编号 / an application appears twice in the ranking input")
    for e in entries:
        if not isinstance(e.score, Decimal):
            raise BadInput(f"{e.application_id}: 得分须为 Decimal / the score must be a Decimal")

    def compare(a: RankInput, b: RankInput) -> int:
        for key, desc in keys:
            c = _compare_key(a, b, key, desc)
            if c:
                return c
        return (a.application_id > b.application_id) - (a.application_id < b.application_id)

    ordered = sorted(entries, key=functools.cmp_to_key(compare))
    out: list[Ranked] = []
    for i, e in enumerate(ordered):
        decided_by: str | None = None
        unresolved = False
        if i:
            prev = ordered[i - 1]
            decided_by = next((k for k, d in keys if _compare_key(prev, e, k, d)), None)
            if decided_by is None:
                decided_by, unresolved = "application_id", True
        out.append(Ranked(rank=i + 1, entry=e, decided_by=decided_by, unresolved=unresolved,
                          eligible=cut_off is None or e.score >= cut_off))
    return out


def inputs_from_scores(scores: Mapping[str, Decimal],
                       claimed_at: Mapping[str, datetime | None] | None = None,
                       requested: Mapping[str, Decimal | None] | None = None) -> list[RankInput]:
    """Build ranking inputs from panel scores (e.g. ``ApplicationAggregate.score`` by id) and
    the applications' claim times and requested amounts."""
    claimed_at = claimed_at or {}
    requested = requested or {}
    return [RankInput(app_id, score, claimed_at.get(app_id), requested.get(app_id))
            for app_id, score in sorted(scores.items())]
