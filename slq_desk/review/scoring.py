"""Scoring one review against its rubric: weighted total, comment rules, pass or fail.

The weighted total is Σ (score − min) ÷ (max − min) × weight over the criteria, on a 0–100
scale; with the shipped rubrics each criterion's maximum equals its weight, so the total is
simply the sum of the points. It is summed as exact fractions, held as a Decimal (exact when it
terminates, else 28 digits) and quantised only for display. The form shows
the running total while scoring, so ``evaluate`` works on a partial sheet too and says what is
still missing before the review can be submitted.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from slq_desk.money import D, MoneyError, quantize
from slq_desk.review.rubric import Criterion, Rubric, RubricError

DISPLAY = Decimal("0.01")
CTX = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    score: Decimal | None
    contribution: Decimal | None  # share of the 0–100 weighted total, exact
    below_threshold: bool
    full_marks: bool
    comment: str
    comment_required: bool
    comment_missing: bool


@dataclass(frozen=True)
class ScoringResult:
    rubric: Rubric
    criteria: tuple[CriterionResult, ...]
    total: Decimal  # weighted total of the criteria scored so far, exact
    complete: bool  # every criterion scored
    passed: bool | None  # None until complete
    problems: tuple[str, ...] = field(default=())  # what blocks submission, zh / en

    @property
    def total_display(self) -> Decimal:
        return quantize(self.total, DISPLAY)

    @property
    def ok(self) -> bool:
        return self.complete and not self.problems


def parse_score(criterion: Criterion, text: str | Decimal, origin: str = "") -> Decimal:
    """A score typed by a person (string) → Decimal on the criterion's scale, or RubricError."""
    if isinstance(text, float):
        raise RubricError(f"{criterion.key}: 分值不得为浮点数 / a score must not be a float")
    try:
        value = D(text) if not isinstance(text, Decimal) else text
    except MoneyError:
        raise RubricError(f"{criterion.key}（{criterion.name}）: {text!r} 不是数字 / is not a "
                          "number") from None
    return criterion.check_score(value, origin)


def exact_contribution(criterion: Criterion, score: Decimal) -> Fraction:
    """(score − min) × weight ÷ (max − min) as an exact fraction."""
    span = criterion.max_score - criterion.min_score
    return Fraction(score - criterion.min_score) * Fraction(criterion.weight) / Fraction(span)


def to_decimal(value: Fraction) -> Decimal:
    # Exact whenever the fraction terminates (it does whenever max equals weight); otherwise
    # 28 significant digits, far below anything displayed.
    return CTX.divide(Decimal(value.numerator), Decimal(value.denominator))


def contribution(criterion: Criterion, score: Decimal) -> Decimal:
    return to_decimal(exact_contribution(criterion, score))


def comment_required(rubric: Rubric, criterion: Criterion, score: Decimal | None) -> bool:
    if score is None:
        return False
    rules = rubric.comment_rules
    return ((rules.below_threshold and score < criterion.threshold)
            or (rules.full_marks and score == criterion.max_score))


def evaluate(rubric: Rubric, scores: Mapping[str, Decimal | str],
             comments: Mapping[str, str] | None = None) -> ScoringResult:
    """Score a (possibly partial) sheet. Unknown keys and off-scale scores raise RubricError."""
    comments = comments or {}
    for key in list(scores) + list(comments):
        rubric.criterion(key)  # refuses keys the rubric does not know
    results: list[CriterionResult] = []
    problems: list[str] = []
    # Summed as exact fractions so that pass/fail at the threshold is never decided by a
    # rounding digit (a 70-point weight on a 30-point scale gives thirds).
    exact_total = Fraction(0)
    for c in rubric.criteria:
        raw = scores.get(c.key)
        score = None if raw is None or raw == "" else parse_score(c, raw, rubric.origin)
        part = None
        if score is not None:
            exact = exact_contribution(c, score)
            exact_total += exact
            part = to_decimal(exact)
        text = (comments.get(c.key) or "").strip()
        needed = comment_required(rubric, c, score)
        missing = needed and len(text) < rubric.comment_rules.min_chars
        if score is None:
            problems.append(f"{c.key}（{c.name}）: 未评分 / not scored")
        elif missing:
            why = ("低于阈值" if score < c.threshold else "满分")
            why_en = ("below its threshold" if score < c.threshold else "at full marks")
            problems.append(f"{c.key}（{c.name}）: {why}，须填写评语（至少{rubric.comment_rules.min_chars}字）"
                            f" / {why_en}: a comment is required "
                            f"(at least {rubric.comment_rules.min_chars} characters)")
        results.append(CriterionResult(
            criterion=c, score=score, contribution=part,
            below_threshold=score is not None and score < c.threshold,
            full_marks=score is not None and score == c.max_score,
            comment=text, comment_required=needed, comment_missing=missing,
        ))
    complete = all(r.score is not None for r in results)
    passed = (exact_total >= Fraction(rubric.pass_threshold)) if complete else None
    total = to_decimal(exact_total)
    return ScoringResult(rubric=rubric, criteria=tuple(results), total=total, complete=complete,
                         passed=passed, problems=tuple(problems))
