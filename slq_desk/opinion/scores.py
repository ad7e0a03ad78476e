"""Scores inside a signed opinion checked against their rubric, the total recomputed.

A signature proves who signed, not that what they signed makes sense: a score of 300 on a
criterion whose maximum is 30, or a total that is not the sum the scores give, is refused by
``verify`` (when the rubric is known here) and always by ``panel import``.
"""

from __future__ import annotations

from decimal import Decimal

from slq_desk.opinion.data import OpinionData
from slq_desk.opinion.reasons import Refusal


def score_refusals(data: OpinionData) -> list[Refusal]:
    """Each score on its rubric's scale, every criterion present, and the total the one the
    scores give (recomputed here, never taken from the file)."""
    from slq_desk.errors import BadInput
    from slq_desk.money import quantize
    from slq_desk.review.rubric import resolve
    from slq_desk.review.scoring import DISPLAY, evaluate

    try:
        rubric = resolve(data.rubric_id)
    except BadInput as err:
        return [Refusal("RUBRIC_UNKNOWN", f"{data.rubric_id}: {err}")]
    known = set(rubric.keys)
    found: list[Refusal] = []
    scores: dict[str, Decimal] = {}
    for c in data.criteria:
        if c.key not in known:
            found.append(Refusal("UNKNOWN_CRITERION", c.key))
            continue
        crit = rubric.criterion(c.key)
        if not crit.min_score <= c.score <= crit.max_score \
                or (c.score - crit.min_score) % crit.step != 0:
            found.append(Refusal("SCORE_OUT_OF_RANGE", f"{c.key}（{crit.name}）{c.score}，"
                                 f"允许 / allowed {crit.min_score}–{crit.max_score} "
                                 f"step {crit.step}"))
            continue
        scores[c.key] = c.score
    for key in known - {c.key for c in data.criteria}:
        found.append(Refusal("MISSING_CRITERION", key))
    if found:
        return found
    recomputed = quantize(evaluate(rubric, scores).total, DISPLAY)
    if data.total != recomputed:
        found.append(Refusal("TOTAL_MISMATCH", f"{data.total} ≠ {recomputed}"))
    return found
