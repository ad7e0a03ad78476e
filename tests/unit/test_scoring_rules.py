"""Scoring: the weighted total, comments required below threshold and at full marks, pass/fail
at the rubric's threshold, running totals on partial sheets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slq_desk.review.rubric import RubricError, load_rubric, resolve
from slq_desk.review.scoring import evaluate, parse_score

HUNAN = resolve("hunan-2026")
FULL = {"real_usage": "27.5", "scenario_plan": "20", "innovation": "15", "effect": "20"}


def test_weighted_total_is_the_sum_of_points_when_max_equals_weight() -> None:
    r = evaluate(HUNAN, FULL)
    assert r.total == Decimal("82.5") and r.complete and r.passed is True
    assert isinstance(r.total, Decimal)
    assert r.total_display == Decimal("82.50")


def test_weights_differing_from_scales(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text('''
id = "w"
version = "1"
title = "t"
pass_threshold = "60"
[[criteria]]
key = "a"
name = "甲"
name_en = "A"
description = "d"
article = "x"
max_score = "10"
step = "1"
weight = "70"
threshold = "6"
[[criteria]]
key = "b"
name = "乙"
name_en = "B"
description = "d"
article = "x"
max_score = "5"
step = "1"
weight = "30"
threshold = "3"
''', encoding="utf-8")
    rubric = load_rubric(path)
    r = evaluate(rubric, {"a": "7", "b": "4"})
    # 7/10 × 70 + 4/5 × 30 = 49 + 24
    assert r.total == Decimal("73")
    r = evaluate(rubric, {"a": "1", "b": "2"})
    # 1/10 × 70 + 2/5 × 30 = 7 + 12 — exact, no float noise
    assert r.total == Decimal("19") and r.passed is False


def test_partial_sheet_has_a_running_total_and_no_verdict() -> None:
    r = evaluate(HUNAN, {"real_usage": "27.5"})
    assert r.total == Decimal("27.5") and not r.complete and r.passed is None
    assert sum("not scored" in p for p in r.problems) == 3


def test_pass_threshold_is_inclusive() -> None:
    at = evaluate(HUNAN, {"real_usage": "18", "scenario_plan": "15", "innovation": "12",
                          "effect": "15"}, {})
    assert at.total == Decimal("60") and at.passed is True
    below = evaluate(HUNAN, {"real_usage": "17.5", "scenario_plan": "15", "innovation": "12",
                             "effect": "15"}, {"real_usage": "使用日志与合同不符"})
    assert below.passed is False


def test_comment_required_below_threshold() -> None:
    scores = dict(FULL, innovation="11.5")
    r = evaluate(HUNAN, scores)
    crit = next(c for c in r.criteria if c.criterion.key == "innovation")
    assert crit.below_threshold and crit.comment_required and crit.comment_missing
    assert any("innovation" in p and "below its threshold" in p for p in r.problems)
    assert not r.ok
    r = evaluate(HUNAN, scores, {"innovation": "与同类项目相比创新不足"})
    assert r.ok


def test_comment_required_at_full_marks_and_min_length() -> None:
    scores = dict(FULL, effect="25")
    r = evaluate(HUNAN, scores, {"effect": "好"})  # min_chars = 5 in the shipped rubric
    assert any("full marks" in p for p in r.problems)
    assert evaluate(HUNAN, scores, {"effect": "示范效应显著，已落地三家医院"}).ok


def test_at_threshold_needs_no_comment() -> None:
    r = evaluate(HUNAN, dict(FULL, innovation="12"))
    assert r.ok


def test_unknown_criterion_and_off_scale_scores_are_refused() -> None:
    with pytest.raises(RubricError, match="no criterion 'bogus'"):
        evaluate(HUNAN, {"bogus": "1"})
    with pytest.raises(RubricError, match="outside"):
        evaluate(HUNAN, {"effect": "26"})
    with pytest.raises(RubricError, match="not a number"):
        parse_score(HUNAN.criterion("effect"), "二十")


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=4, max_size=4))
def test_total_is_within_0_and_100_and_exact(halves: list[int]) -> None:
    keys = HUNAN.keys
    maxes = [HUNAN.criterion(k).max_score for k in keys]
    scores = {k: str(min(Decimal(h) / 2, m)) for k, h, m in zip(keys, halves, maxes, strict=True)}
    r = evaluate(HUNAN, scores)
    assert Decimal("0") <= r.total <= Decimal("100")
    assert r.total == sum(Decimal(v) for v in scores.values())


def test_thirds_at_the_threshold_are_decided_exactly(tmp_path: Path) -> None:
    crit = '''
[[criteria]]
key = "{k}"
name = "{k}"
name_en = "{k}"
description = "d"
article = "x"
max_score = "3"
step = "1"
weight = "50"
threshold = "0"
'''
    path = tmp_path / "thirds.toml"
    path.write_text('id = "th"\nversion = "1"\ntitle = "t"\npass_threshold = "50"\n'
                    + crit.format(k="a") + crit.format(k="b"), encoding="utf-8")
    rubric = load_rubric(path)
    # 1/3 × 50 + 2/3 × 50 = 50 exactly: non-terminating parts must still meet the threshold.
    r = evaluate(rubric, {"a": "1", "b": "2"}, {"b": "满分理由充分"})
    assert r.passed is True
    assert r.total_display == Decimal("50.00")
