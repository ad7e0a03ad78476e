"""Panel scores from what the chair holds: imported signed opinions, or the workspace's own
submitted reviews (a shared PostgreSQL workspace), fed to ``review.aggregate``.

Only active opinions (the newer of a reviewer's two) for applications the workspace holds are
aggregated; the others are listed by ``collect``. Criterion scales (for relative divergence
rules) come from the opinions' own ``max_score``, so a panel's own rubric works unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from slq_desk.errors import BadInput
from slq_desk.models.panel import ACTIVE, PanelOpinion
from slq_desk.models.schema import Application
from slq_desk.money import D
from slq_desk.panel.bulk import gc_paused
from slq_desk.review.aggregate import (
    ApplicationAggregate,
    Normalisation,
    PanelSettings,
    ReviewerCalibration,
    ScoreRecord,
    aggregate,
    calibration,
    normalise,
    quantum,
    round_for_display,
)

SOURCES = ("opinions", "reviews")


@dataclass(frozen=True)
class CriterionInfo:
    key: str
    name: str
    max_score: Decimal | None


@dataclass
class PanelAggregate:
    settings: PanelSettings
    source: str
    records: list[ScoreRecord]
    results: list[ApplicationAggregate]
    calibration: list[ReviewerCalibration]
    normalisation: Normalisation | None
    criteria: dict[str, CriterionInfo] = field(default_factory=dict)
    rubrics: set[str] = field(default_factory=set)  # rubric ids the scores were given with

    def by_id(self) -> dict[str, ApplicationAggregate]:
        return {a.application_id: a for a in self.results}

    @property
    def alerts(self) -> list[Any]:
        return [al for a in self.results for al in a.alerts]

    def to_json(self) -> dict[str, Any]:
        places = self.settings.places
        q = quantum(places)
        return {
            "source": self.source,
            "method": self.settings.method,
            "method_label": self.settings.method_label,
            "normalise": self.settings.normalise,
            "criteria": {k: {"name": c.name, "max_score": None if c.max_score is None
                             else str(c.max_score)} for k, c in self.criteria.items()},
            "applications": [a.to_json(places) for a in self.results],
            "calibration": [{
                "reviewer": c.reviewer, "n": c.n,
                "mean": str(round_for_display(c.mean, q)),
                "stdev": None if c.stdev is None else str(round_for_display(c.stdev, q)),
                "panel_mean": str(round_for_display(c.panel_mean, q)),
                "panel_stdev": (None if c.panel_stdev is None
                                else str(round_for_display(c.panel_stdev, q))),
                "offset": str(round_for_display(c.offset, q)),
            } for c in self.calibration],
            "normalisation": None if self.normalisation is None else {
                "normalised": list(self.normalisation.normalised),
                "skipped": dict(self.normalisation.skipped),
            },
        }


Collected = tuple[list[ScoreRecord], dict[str, CriterionInfo], set[str]]


def opinion_records(s: Session) -> Collected:
    records: list[ScoreRecord] = []
    info: dict[str, CriterionInfo] = {}
    rubrics: set[str] = set()
    # The columns the scores need, not whole opinions (2,000 applications × 7 experts), and the
    # JSON as its text: the scores decoded here, once each, and of the embedded opinion only its
    # criteria list, cut out by the database — the rest of the opinion (comments, the rubric's
    # texts) is what costs to decode and nothing here reads it. Opinions for applications the
    # workspace does not hold, or without a total, are left out by the query itself.
    rows = s.execute(select(PanelOpinion.application_id, PanelOpinion.reviewer,
                            PanelOpinion.total, cast(PanelOpinion.scores, Text),
                            PanelOpinion.rubric_id,
                            cast(PanelOpinion.data["criteria"], Text))
                     .where(PanelOpinion.status == ACTIVE, PanelOpinion.total.is_not(None),
                            PanelOpinion.application_id.in_(select(Application.id)))
                     .order_by(PanelOpinion.application_id, PanelOpinion.reviewer, PanelOpinion.id))
    number = _Numbers()
    criteria_seen: set[str] = set()
    for app_id, reviewer, total, scores_text, rubric_id, criteria_text in rows:
        rubrics.add(rubric_id)
        scores = json.loads(scores_text) if scores_text else None
        records.append(ScoreRecord(reviewer, app_id, number.of(total), {
            k: number[v] if type(v) is str else D(v) for k, v in (scores or {}).items()}))
        # Opinions scored with one rubric carry the same list: the first read of a list names
        # its criteria, a list seen before adds nothing (the first opinion naming a key wins).
        if not criteria_text or criteria_text in criteria_seen:
            continue
        criteria_seen.add(criteria_text)
        for c in json.loads(criteria_text) or []:
            if c.get("key") not in info:
                mx = c.get("max_score")
                info[c["key"]] = CriterionInfo(c["key"], str(c.get("name") or c["key"]),
                                               D(mx) if mx is not None else None)
    return records, info, rubrics


class _Numbers(dict[str, Decimal]):
    """``money.D`` with a memory, for strings only: a panel's scores are a few dozen distinct
    strings ("15", "17.5") repeated thousands of times, and a Decimal is immutable, so each is
    checked and built once (``numbers[text]``). Anything but a string goes through ``D`` every
    time and never into the memory (a float must still be refused, not meet an equal key)."""

    def __missing__(self, text: str) -> Decimal:
        value = self[text] = D(text)
        return value

    def of(self, value: Any) -> Decimal:
        return self[value] if type(value) is str else D(value)


def review_records(s: Session) -> Collected:
    from slq_desk.models.schema import Review
    from slq_desk.review.service import rubric_of, score_records

    records = score_records(s)
    info: dict[str, CriterionInfo] = {}
    rubrics: set[str] = set()
    scored = {(r.application_id, r.reviewer) for r in records}
    for review in s.scalars(select(Review)):
        if (review.application_id, review.reviewer) not in scored:
            continue
        rubrics.add(review.rubric_id)
        for c in rubric_of(s, review).criteria:
            info.setdefault(c.key, CriterionInfo(c.key, c.name, c.max_score))
    return records, info, rubrics


@gc_paused
def run(s: Session, settings: PanelSettings | None = None,
        source: str = "opinions") -> PanelAggregate:
    settings = settings or PanelSettings()
    if source not in SOURCES:
        raise BadInput(f"未知的分数来源 {source!r} / unknown score source; one of {', '.join(SOURCES)}")
    records, info, rubrics = opinion_records(s) if source == "opinions" else review_records(s)
    if not records:
        what = ("已导入的有效专家意见" if source == "opinions" else "已提交的评审")
        raise BadInput(f"没有可汇总的分数（{what}）/ nothing to aggregate: no "
                       f"{'imported active opinions for held applications' if source == 'opinions' else 'submitted reviews'}"
                       " — import signed opinions first (slq-desk panel import)")
    scales: Mapping[str, Decimal] = {k: c.max_score for k, c in info.items()
                                     if c.max_score is not None}
    results = aggregate(records, settings, scales)
    norm = normalise(records, settings.z_min_samples) if settings.normalise else None
    return PanelAggregate(settings, source, records, results, calibration(records), norm, info,
                          rubrics)
