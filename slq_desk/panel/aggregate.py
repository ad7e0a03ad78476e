"""Panel scores from what the chair holds: imported signed opinions, or the workspace's own
submitted reviews (a shared PostgreSQL workspace), fed to ``review.aggregate``.

Only active opinions (the newer of a reviewer's two) for applications the workspace holds are
aggregated; the others are listed by ``collect``. Criterion scales (for relative divergence
rules) come from the opinions' own ``max_score``, so a panel's own rubric works unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk.errors import BadInput
from slq_desk.models.panel import ACTIVE, PanelOpinion
from slq_desk.money import D
from slq_desk.panel.collect import held_ids
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
    held = held_ids(s)
    records: list[ScoreRecord] = []
    info: dict[str, CriterionInfo] = {}
    rubrics: set[str] = set()
    # The columns the scores need, not whole opinions (2,000 applications × 7 experts).
    rows = s.execute(select(PanelOpinion.application_id, PanelOpinion.reviewer,
                            PanelOpinion.total, PanelOpinion.scores, PanelOpinion.rubric_id,
                            PanelOpinion.data)
                     .where(PanelOpinion.status == ACTIVE)
                     .order_by(PanelOpinion.application_id, PanelOpinion.reviewer, PanelOpinion.id))
    for o in rows:
        if o.application_id not in held or o.total is None:
            continue
        rubrics.add(o.rubric_id)
        records.append(ScoreRecord(o.reviewer, o.application_id, D(o.total),
                                   {k: D(v) for k, v in (o.scores or {}).items()}))
        for c in (o.data or {}).get("criteria", []):
            if c.get("key") not in info:
                mx = c.get("max_score")
                info[c["key"]] = CriterionInfo(c["key"], str(c.get("name") or c["key"]),
                                               D(mx) if mx is not None else None)
    return records, info, rubrics


def review_records(s: Session) -> Collected:
    from sqlalchemy import select

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
