"""The shipped rubric files: they load, say where each criterion comes from, and are chosen
by policy (and Beijing direction); Wuhan and Chengdu have no scored review."""

from __future__ import annotations

from decimal import Decimal

import pytest

from slq_desk.review.rubric import DEFAULT_NOTICE, RubricError, builtin_rubrics, resolve, rubric_for

EXPECTED = {"hunan-2026", "dazhou-2026", "beijing-2026-dir1", "beijing-2026-dir2",
            "beijing-2026-dir3", "beijing-2026-dir4"}


def test_every_shipped_rubric_loads_and_is_complete() -> None:
    rubrics = {r.id: r for r in builtin_rubrics()}
    assert set(rubrics) == EXPECTED
    for r in rubrics.values():
        assert r.notice == DEFAULT_NOTICE, r.id
        assert sum(c.weight for c in r.criteria) == Decimal("100")
        assert r.version and r.title and r.source
        for c in r.criteria:
            assert c.article and c.description and c.name_en
            assert isinstance(c.max_score, Decimal) and isinstance(c.step, Decimal)
            assert c.min_score <= c.threshold <= c.max_score


def test_hunan_criteria_are_the_four_of_article_3_2() -> None:
    r = resolve("hunan-2026")
    assert [c.name for c in r.criteria] == ["真实算力使用情况", "应用场景规划", "创新性", "效果"]
    assert all("三（二）" in c.article for c in r.criteria)


def test_dazhou_judges_the_benefit_of_article_7() -> None:
    r = resolve("dazhou-2026")
    assert [c.name for c in r.criteria] == ["算力赋能效益"]
    assert "第七条" in r.criteria[0].article


@pytest.mark.parametrize("direction, words", [(1, "新型研发机构"), (2, "揭榜"), (3, "开源"),
                                              (4, "新备案")])
def test_beijing_directions_are_named_from_the_text(direction: int, words: str) -> None:
    r = rubric_for("beijing-2026", direction)
    assert r.id == f"beijing-2026-dir{direction}" and r.direction == direction
    assert words in r.title
    keys = r.keys
    assert keys == ("direction_fit", "project_content", "innovation", "completion",
                    "compute_authenticity")
    assert "同类产品" in r.criterion("innovation").name
    assert "附件14-1" in r.criterion("compute_authenticity").article


def test_default_rubric_by_policy() -> None:
    assert rubric_for("hunan-2026", None).id == "hunan-2026"
    assert rubric_for("dazhou-2026", None).id == "dazhou-2026"


@pytest.mark.parametrize("policy, why", [("wuhan-2026", "先到先得"), ("chengdu-2026", "预算")])
def test_first_come_and_scaled_policies_have_no_default_rubric(policy: str, why: str) -> None:
    with pytest.raises(RubricError, match=why) as err:
        rubric_for(policy, None)
    assert "--rubric" in str(err.value)


def test_beijing_without_direction_is_refused_with_the_reason() -> None:
    with pytest.raises(RubricError, match="direction"):
        rubric_for("beijing-2026", None)
    with pytest.raises(RubricError, match="direction 7"):
        rubric_for("beijing-2026", 7)


def test_unknown_rubric_reference() -> None:
    with pytest.raises(RubricError, match="unknown rubric"):
        resolve("no-such-rubric")
