"""Review storage: the COI gate, recommendation rules, submission, audit events, the version
guard against lost updates, and rubric snapshots — on a real workspace in tmp_path."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from slq_desk import audit
from slq_desk.errors import BadInput, SlqError
from slq_desk.models import Application, AuditEvent, Review
from slq_desk.review import service
from slq_desk.review.coi import ConflictDeclared, ReviewLocked
from slq_desk.review.rubric import RubricError, builtin_dir
from slq_desk.review.service import ConcurrentEdit, ReviewChanges, SubmitRefused
from slq_desk.workspace import Workspace

ACTOR = "测试员"
FULL = {"real_usage": "27.5", "scenario_plan": "20", "innovation": "15", "effect": "20"}


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    w = Workspace.open(tmp_path / "ws")
    with w.session() as s:
        s.add_all([
            Application(id="HN-1", policy_id="hunan-2026", applicant_name="湖南某科技有限公司",
                        computed_subsidy=Decimal("300000.00"),
                        claimed_at=datetime(2026, 6, 1, tzinfo=UTC)),
            Application(id="WH-1", policy_id="wuhan-2026", applicant_name="武汉某公司",
                        computed_subsidy=Decimal("100000.00")),
            Application(id="BJ-2", policy_id="beijing-2026", direction=2,
                        applicant_name="北京某公司", computed_subsidy=None),
        ])
    return w


def declare(ws: Workspace, app: str = "HN-1", who: str = "专家甲", text: str = "none") -> service.ReviewState:
    with ws.session() as s:
        return service.declare_coi(s, ACTOR, app, who, text)


def save(ws: Workspace, changes: ReviewChanges, app: str = "HN-1", who: str = "专家甲",
         expected: int | None = None) -> service.ReviewState:
    with ws.session() as s:
        return service.update(s, ACTOR, app, who, changes, expected_version=expected)


def test_form_is_locked_until_coi_is_declared(ws: Workspace) -> None:
    with pytest.raises(ReviewLocked, match="COI|conflicts of interest") as err:
        save(ws, ReviewChanges(scores={"real_usage": "20"}))
    assert isinstance(err.value, BadInput) and "申报单位及其算力供给方" in str(err.value)
    with ws.session() as s:
        assert s.scalars(select(Review)).first() is None  # nothing created by a refused save
    st = declare(ws)
    assert st.coi_declared and not st.coi_conflict and st.coi_at
    assert "湖南某科技有限公司" in st.coi_text and "算力供给方" in st.coi_text
    st = save(ws, ReviewChanges(scores={"real_usage": "20"}))
    assert st.scoring.total == Decimal("20")


def test_a_declared_conflict_keeps_the_reviewer_out_for_good(ws: Workspace) -> None:
    st = declare(ws, text="本人配偶在该公司任职")
    assert st.coi_conflict and st.coi_text == "本人配偶在该公司任职"
    with pytest.raises(ConflictDeclared):
        save(ws, ReviewChanges(scores={"real_usage": "20"}))
    with pytest.raises(ConflictDeclared, match="cannot be withdrawn"):
        declare(ws, text="none")
    with ws.session() as s:
        assert service.score_records(s, submitted_only=False) == []


def test_empty_declaration_is_bad_input(ws: Workspace) -> None:
    with pytest.raises(BadInput, match="empty"):
        declare(ws, text="  ")


def test_bad_values_change_nothing(ws: Workspace) -> None:
    declare(ws)
    save(ws, ReviewChanges(scores={"real_usage": "20"}))
    for bad in (ReviewChanges(scores={"real_usage": "25", "effect": "26"}),
                ReviewChanges(scores={"nope": "1"}),
                ReviewChanges(scores={"real_usage": "25"}, amount="300000.01"),
                ReviewChanges(amount="-1"), ReviewChanges(amount="12.345"),
                ReviewChanges(recommendation="强烈推荐")):
        with pytest.raises(BadInput):
            save(ws, bad)
    with ws.session() as s:
        review = service.get_review(s, "HN-1", "专家甲")
        assert review is not None and review.scores == {"real_usage": "20.0"}
        assert review.recommended_amount is None


def test_recommendation_rules_and_submission(ws: Workspace) -> None:
    declare(ws)
    st = save(ws, ReviewChanges(scores=FULL, recommendation="推荐"))
    assert st.recommended_amount == Decimal("300000.00")  # the computed amount by default
    assert st.submittable, st.problems
    st = save(ws, ReviewChanges(amount="250000"))
    assert any("lower than the computed" in p for p in st.problems)
    with pytest.raises(SubmitRefused, match="give a reason"):
        with ws.session() as s:
            service.submit(s, ACTOR, "HN-1", "专家甲")
    with ws.session() as s:  # the draft survived the refused submission
        assert service.get_review(s, "HN-1", "专家甲").recommended_amount == Decimal("250000.00")  # type: ignore[union-attr]
    save(ws, ReviewChanges(reason="其中5万元为独立带宽费用，不在补贴范围"))
    with ws.session() as s:
        st = service.submit(s, ACTOR, "HN-1", "专家甲")
    assert st.status == "submitted"
    with pytest.raises(SlqError, match="submitted"):
        save(ws, ReviewChanges(scores={"effect": "21"}))


@pytest.mark.parametrize("rec", ["不推荐", "修改后推荐"])
def test_not_recommended_and_recommend_after_changes_need_a_reason(ws: Workspace, rec: str) -> None:
    declare(ws)
    st = save(ws, ReviewChanges(scores=FULL, recommendation=rec))
    assert any("needs a reason" in p for p in st.problems)
    if rec == "不推荐":
        assert st.recommended_amount == Decimal("0")
        with pytest.raises(BadInput, match="only be 0"):
            save(ws, ReviewChanges(amount="1000"))
    st = save(ws, ReviewChanges(reason="应用场景不清晰，需补充使用日志"))
    assert st.submittable


def test_no_computed_subsidy_means_no_amount(ws: Workspace) -> None:
    declare(ws, app="BJ-2")
    with pytest.raises(BadInput, match="no computed subsidy"):
        save(ws, ReviewChanges(amount="1000"), app="BJ-2")
    st = save(ws, ReviewChanges(recommendation="推荐"), app="BJ-2")
    assert st.rubric.id == "beijing-2026-dir2"
    assert any("no computed subsidy" in p for p in st.problems)


def test_comment_rules_block_submission(ws: Workspace) -> None:
    declare(ws)
    save(ws, ReviewChanges(scores=dict(FULL, effect="25"), recommendation="推荐"))
    with pytest.raises(SubmitRefused, match="full marks"):
        with ws.session() as s:
            service.submit(s, ACTOR, "HN-1", "专家甲")


def test_every_change_is_audited(ws: Workspace) -> None:
    declare(ws)
    save(ws, ReviewChanges(scores={"real_usage": "20"}))
    save(ws, ReviewChanges(scores={"real_usage": "20"}))  # no change: no event, no new version
    save(ws, ReviewChanges(comments={"real_usage": "合同与日志一致"}))
    with ws.session() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        assert [e.action for e in events] == ["review.create", "review.coi", "review.update",
                                              "review.update"]
        assert events[2].before == {"scores": {}} and events[2].after == {"scores": {"real_usage": "20.0"}}
        assert audit.verify(s).ok
        assert service.get_review(s, "HN-1", "专家甲").version == 4  # type: ignore[union-attr]


def test_stale_expected_version_is_refused(ws: Workspace) -> None:
    st = declare(ws)
    loaded = st.version
    save(ws, ReviewChanges(scores={"real_usage": "20"}), expected=loaded)  # window A saves
    with pytest.raises(ConcurrentEdit, match="someone else changed this review"):
        save(ws, ReviewChanges(scores={"real_usage": "10"}), expected=loaded)  # window B
    with ws.session() as s:
        assert service.get_review(s, "HN-1", "专家甲").scores == {"real_usage": "20.0"}  # type: ignore[union-attr]


def test_two_live_sessions_cannot_silently_overwrite(ws: Workspace, tmp_path: Path) -> None:
    declare(ws)
    other = Workspace.open(tmp_path / "ws")  # a second window/process on the same workspace
    with ws.session() as a:
        loaded = service.get_review(a, "HN-1", "专家甲")  # A has the row at version 2
        assert loaded is not None and loaded.version == 2
        with other.session() as b:
            service.update(b, ACTOR, "HN-1", "专家甲", ReviewChanges(scores={"effect": "20"}))
        with pytest.raises(ConcurrentEdit):
            service.update(a, ACTOR, "HN-1", "专家甲", ReviewChanges(scores={"effect": "5"}))
        a.rollback()
    with ws.session() as s:
        assert service.get_review(s, "HN-1", "专家甲").scores == {"effect": "20.0"}  # type: ignore[union-attr]
    other.close()


def test_wuhan_needs_an_explicit_rubric(ws: Workspace) -> None:
    with pytest.raises(RubricError, match="先到先得"):
        declare(ws, app="WH-1")
    with ws.session() as s:
        st = service.declare_coi(s, ACTOR, "WH-1", "专家甲", "none", rubric_ref="dazhou-2026")
    assert st.rubric.id == "dazhou-2026"


def test_rubric_snapshot_and_version_rule(ws: Workspace, tmp_path: Path) -> None:
    text = (builtin_dir() / "dazhou-2026.toml").read_text(encoding="utf-8")
    panel = tmp_path / "panel.toml"
    panel.write_text(text.replace('id = "dazhou-2026"', 'id = "panel-x"'), encoding="utf-8")
    with ws.session() as s:
        service.declare_coi(s, ACTOR, "WH-1", "专家甲", "none", rubric_ref=str(panel))
    save(ws, ReviewChanges(scores={"empowerment_benefit": "70"}), app="WH-1")
    panel.unlink()  # the file is gone; the workspace kept the rubric it was scored with
    with ws.session() as s:
        review = service.get_review(s, "WH-1", "专家甲")
        assert review is not None and service.state(s, review).scoring.total == Decimal("70")
    # The same id and version with different content is refused: a changed rubric needs a
    # new version.
    panel.write_text(text.replace('id = "dazhou-2026"', 'id = "panel-x"')
                     .replace('pass_threshold = "60"', 'pass_threshold = "70"'), encoding="utf-8")
    with pytest.raises(RubricError, match="new version"):
        with ws.session() as s:
            service.declare_coi(s, ACTOR, "WH-1", "专家乙", "none", rubric_ref=str(panel))


def test_rubric_cannot_change_after_scoring(ws: Workspace) -> None:
    declare(ws)
    save(ws, ReviewChanges(scores={"real_usage": "20"}))
    with pytest.raises(BadInput, match="cannot be changed"):
        save(ws, ReviewChanges(rubric="dazhou-2026"))


def test_independence_and_score_records(ws: Workspace) -> None:
    for who, effect in (("专家甲", "20"), ("专家乙", "15")):
        declare(ws, who=who)
        save(ws, ReviewChanges(scores=dict(FULL, effect=effect), recommendation="推荐"), who=who)
    with ws.session() as s:
        service.submit(s, ACTOR, "HN-1", "专家甲")
    with ws.session() as s:
        assert [r.reviewer for r in service.visible_reviews(s, "HN-1", "专家乙")] == ["专家乙", "专家甲"]
        assert [r.reviewer for r in service.visible_reviews(s, "HN-1", "专家丙")] == ["专家甲"]
        records = service.score_records(s)
    assert len(records) == 1 and records[0].total == Decimal("82.5")
    assert records[0].criteria["effect"] == Decimal("20")


def test_unknown_application(ws: Workspace) -> None:
    with pytest.raises(BadInput, match="no application NOPE"):
        declare(ws, app="NOPE")


def test_conflict_found_after_submission_is_recorded_and_leaves_aggregation(ws: Workspace) -> None:
    declare(ws)
    save(ws, ReviewChanges(scores=FULL, recommendation="推荐"))
    with ws.session() as s:
        service.submit(s, ACTOR, "HN-1", "专家甲")
        assert len(service.score_records(s)) == 1
    st = declare(ws, text="提交后发现本人近亲属持有该公司股份")
    assert st.coi_conflict and st.status == "submitted"
    with ws.session() as s:
        assert service.score_records(s) == []


def test_form_rubric_before_and_after_declaring(ws: Workspace) -> None:
    with ws.session() as s:
        assert service.form_rubric(s, "BJ-2", "专家甲").id == "beijing-2026-dir2"
        assert service.form_rubric(s, "WH-1", "专家甲", "hunan-2026").id == "hunan-2026"
        with pytest.raises(RubricError):
            service.form_rubric(s, "WH-1", "专家甲")
    with ws.session() as s:
        service.declare_coi(s, ACTOR, "WH-1", "专家甲", "none", rubric_ref="dazhou-2026")
    with ws.session() as s:
        assert service.form_rubric(s, "WH-1", "专家甲").id == "dazhou-2026"


@pytest.mark.postgres
def test_two_clients_on_postgres_cannot_silently_overwrite(tmp_path: Path, postgres_url: str) -> None:
    one = Workspace.open(tmp_path / "one", database_url=postgres_url)
    two = Workspace.open(tmp_path / "two", database_url=postgres_url)
    with one.session() as s:
        s.add(Application(id="HN-9", policy_id="hunan-2026", applicant_name="湖南某公司",
                          computed_subsidy=Decimal("1000.00")))
    with one.session() as s:
        loaded = service.declare_coi(s, ACTOR, "HN-9", "专家甲", "none").version
    with two.session() as s:
        service.update(s, ACTOR, "HN-9", "专家甲", ReviewChanges(scores={"effect": "20"}),
                       expected_version=loaded)
    with pytest.raises(ConcurrentEdit):
        with one.session() as s:
            service.update(s, ACTOR, "HN-9", "专家甲", ReviewChanges(scores={"effect": "1"}),
                           expected_version=loaded)
    with one.session() as a:
        held = service.get_review(a, "HN-9", "专家甲")  # a window holding the row
        assert held is not None
        with two.session() as b:
            service.update(b, ACTOR, "HN-9", "专家甲", ReviewChanges(scores={"effect": "21"}))
        with pytest.raises(ConcurrentEdit):
            service.update(a, ACTOR, "HN-9", "专家甲", ReviewChanges(scores={"effect": "2"}))
        a.rollback()
    with two.session() as s:
        assert service.get_review(s, "HN-9", "专家甲").scores == {"effect": "21.0"}  # type: ignore[union-attr]
        assert audit.verify(s).ok
    one.close()
    two.close()
