"""Rubric validation: floats, weights not summing to 100%, scales, and messages that name the
file and the key."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from slq_desk.review.rubric import RubricError, load_rubric, resolve

GOOD = '''
id = "t-1"
version = "1"
title = "测试评分表"
pass_threshold = "60"

[[criteria]]
key = "a"
name = "甲"
name_en = "A"
description = "d"
article = "第一条"
max_score = "10"
step = "0.5"
weight = "40"
threshold = "6"

[[criteria]]
key = "b"
name = "乙"
name_en = "B"
description = "d"
article = "第二条"
max_score = "{b_max}"
step = "{b_step}"
weight = "{b_weight}"
threshold = "{b_threshold}"
'''


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def good(**kw: str) -> str:
    values = {"b_max": "100", "b_step": "1", "b_weight": "60", "b_threshold": "60"} | kw
    return GOOD.format(**values)


def test_a_valid_file_loads(tmp_path: Path) -> None:
    r = load_rubric(write(tmp_path, good()))
    assert r.id == "t-1" and r.keys == ("a", "b")
    assert r.pass_threshold == Decimal("60")
    assert r.notice  # default notice when the file has none


def test_float_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    text = good().replace('weight = "40"', "weight = 40.0")
    with pytest.raises(RubricError) as err:
        load_rubric(write(tmp_path, text, "panel.toml"))
    msg = str(err.value)
    assert "panel.toml" in msg and "weight" in msg and "[a]" in msg and "float" in msg


def test_integers_are_exact_and_accepted(tmp_path: Path) -> None:
    text = good().replace('weight = "40"', "weight = 40")
    assert load_rubric(write(tmp_path, text)).criterion("a").weight == Decimal("40")


def test_weights_must_sum_to_100(tmp_path: Path) -> None:
    with pytest.raises(RubricError, match=r"sum to 100%.*99\.5%") as err:
        load_rubric(write(tmp_path, good(b_weight="59.5")))
    assert "mine.toml" in str(err.value) and "a=40" in str(err.value)


@pytest.mark.parametrize("kw, words", [
    ({"b_step": "0"}, "step"),
    ({"b_step": "7"}, "multiple of step"),
    ({"b_threshold": "101"}, "threshold"),
    ({"b_max": "ten"}, "not a decimal"),
    ({"b_weight": "-10"}, "weight"),
])
def test_bad_scales_are_refused(tmp_path: Path, kw: dict[str, str], words: str) -> None:
    with pytest.raises(RubricError, match=words) as err:
        load_rubric(write(tmp_path, good(**kw)))
    assert "[b]" in str(err.value)


def test_missing_and_duplicate_keys(tmp_path: Path) -> None:
    with pytest.raises(RubricError, match="missing key 'article'"):
        load_rubric(write(tmp_path, good().replace('article = "第二条"\n', "")))
    with pytest.raises(RubricError, match="duplicate criterion key 'a'"):
        load_rubric(write(tmp_path, good().replace('key = "b"', 'key = "a"')))
    with pytest.raises(RubricError, match="at least one"):
        load_rubric(write(tmp_path, 'id = "x"\nversion = "1"\ntitle = "t"\npass_threshold = "1"\n'))


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RubricError, match="not valid TOML"):
        load_rubric(write(tmp_path, "id = "))
    with pytest.raises(RubricError, match="no rubric file"):
        load_rubric(tmp_path / "absent.toml")


def test_resolve_accepts_a_file_path(tmp_path: Path) -> None:
    path = write(tmp_path, good())
    assert resolve(str(path)).id == "t-1"


@pytest.mark.parametrize("value, ok", [("0", True), ("27.5", True), ("30", True), ("30.5", False),
                                       ("-0.5", False), ("27.3", False), ("27.50", True)])
def test_scores_on_and_off_the_scale(value: str, ok: bool) -> None:
    crit = resolve("hunan-2026").criterion("real_usage")
    if ok:
        assert crit.check_score(Decimal(value)) == Decimal(value)
    else:
        with pytest.raises(RubricError, match="real_usage"):
            crit.check_score(Decimal(value))
