"""Exporting from a workspace: the review decides what is signed, and every export is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.schema import Application, Opinion, Review, ReviewerIdentity
from slq_desk.opinion import identity
from slq_desk.opinion.build import ReviewIncomplete, build, steps_from_facts
from slq_desk.opinion.export import export_opinion
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
from slq_desk.opinion.verify import verify_file
from slq_desk.workspace import Workspace

PASS = "pw"


@pytest.fixture(scope="module")
def ident() -> LoadedIdentity:
    return identity.unlock(identity.create_self_signed(REVIEWER, "湖南省评审专家库", PASS), PASS)


@pytest.fixture()
def ws(tmp_path: Path) -> Iterator[Workspace]:
    w = Workspace.open(tmp_path / "ws")
    add_reviewed_application(w, "hunan-1", tmp_path / "pkg1")
    add_reviewed_application(w, "hunan-2", tmp_path / "pkg2", with_review=False)
    yield w
    w.close()


def test_build_reads_rows_and_rubric(ws: Workspace) -> None:
    with ws.session() as s:
        built = build(s, "hunan-1")
    d = built.data
    assert built.problems == []
    assert d.applicant_name == "长沙星算智能科技有限公司"
    assert [c.name for c in d.criteria] == ["真实算力使用情况", "应用场景规划", "创新性", "效果"]
    assert [str(c.weight) for c in d.criteria] == ["30", "25", "20", "25"]
    assert str(d.total) == "81.00"  # 26 + 20 + 15 + 20 on the shipped rubric
    assert len(d.documents) == 4 and all(len(x.sha256) == 64 for x in d.documents)
    assert d.findings[0].document == "02-发票-1.pdf"
    assert str(d.recommended_subsidy) == "300000.00"
    assert [s.article for s in d.subsidy_steps] == ["三", "三（二）", "三（二）"]
    assert "以主管部门通知为准" in d.rubric_note


def test_signed_export_is_recorded_and_verifies(ws: Workspace, ident: LoadedIdentity,
                                                tmp_path: Path) -> None:
    out = tmp_path / "out" / "hunan-1.pdf"
    done = export_opinion(ws, "hunan-1", out, ident)
    assert done.signed and out.exists()
    with ws.session() as s:
        row = s.scalars(select(Opinion)).one()
        assert row.sha256 == done.sha256 and row.signature_status == "signed"
        assert row.signer == REVIEWER
        known = s.scalars(select(ReviewerIdentity)).one()
        assert known.cert_sha256 == ident.info.cert_sha256 and known.key_file == ""
        assert s.get(Application, "hunan-1").status == "reviewed"  # type: ignore[union-attr]
        assert audit.verify(s).ok
        assert audit.count(s) == 1
    result = verify_file(out, tmp_path / "pkg1")
    assert result.valid, result.reasons
    assert result.data is not None and result.data.reviewer_organisation == "湖南省评审专家库"


def test_missing_review_is_refused_with_a_clear_message(ws: Workspace, ident: LoadedIdentity,
                                                         tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="has no review yet"):
        export_opinion(ws, "hunan-2", tmp_path / "x.pdf", ident)
    with pytest.raises(BadInput, match="no application"):
        export_opinion(ws, "nope", tmp_path / "x.pdf", ident)
    assert not (tmp_path / "x.pdf").exists()


def test_incomplete_review_cannot_be_signed_but_can_be_drafted(
        ws: Workspace, ident: LoadedIdentity, tmp_path: Path) -> None:
    with ws.session() as s:
        review = s.scalars(select(Review)).one()
        review.coi_declared = False
        review.scores = {"real_usage": "26"}
    with pytest.raises(ReviewIncomplete) as err:
        export_opinion(ws, "hunan-1", tmp_path / "x.pdf", ident)
    message = str(err.value)
    assert "conflict-of-interest" in message and "scenario_plan" in message
    assert not (tmp_path / "x.pdf").exists()
    draft = export_opinion(ws, "hunan-1", tmp_path / "draft.pdf", None)
    assert not draft.signed
    with ws.session() as s:
        assert s.get(Application, "hunan-1").status == "reviewed"  # type: ignore[union-attr]


def test_reviewer_signs_only_their_own_review(ws: Workspace, tmp_path: Path) -> None:
    other = identity.unlock(identity.create_self_signed("别人", "", PASS), PASS)
    with pytest.raises(BadInput, match="no review by '别人'"):
        export_opinion(ws, "hunan-1", tmp_path / "x.pdf", other)
    done = export_opinion(ws, "hunan-1", tmp_path / "x.pdf", other, reviewer=REVIEWER)
    assert any("certificate name differs" in n for n in done.notes)


def test_existing_file_is_kept_unless_replace(ws: Workspace, ident: LoadedIdentity,
                                              tmp_path: Path) -> None:
    out = tmp_path / "o.pdf"
    out.write_bytes(b"an earlier signed opinion")
    with pytest.raises(BadInput, match="already exists"):
        export_opinion(ws, "hunan-1", out, ident)
    assert out.read_bytes() == b"an earlier signed opinion"
    export_opinion(ws, "hunan-1", out, ident, replace=True)
    assert out.read_bytes().startswith(b"%PDF-")


def test_amount_above_computed_is_refused(ws: Workspace, ident: LoadedIdentity,
                                          tmp_path: Path) -> None:
    from slq_desk.money import D

    with ws.session() as s:
        s.scalars(select(Review)).one().recommended_amount = D("400000.00")
    with pytest.raises(ReviewIncomplete, match="above the computed"):
        export_opinion(ws, "hunan-1", tmp_path / "x.pdf", ident)


def test_steps_from_facts_tolerates_odd_shapes() -> None:
    assert steps_from_facts(None) == []
    assert steps_from_facts({"trace": "nonsense"}) == []
    steps = steps_from_facts({"steps": [{"label": "率", "value": 0.3, "article": "七"},
                                        {"rule": "额", "value": "1,000.50"}, 42]})
    assert steps[0].amount is None  # a float is never taken as an amount
    assert str(steps[1].amount) == "1000.50"


def test_calculator_steps_keep_the_arithmetic_not_the_parameter_reads() -> None:
    facts = {"steps": [
        {"rule": "parameter:rate", "article": "第七条", "value": "0.30"},
        {"rule": "calc:eligible_base", "article": "第七条", "value": "1060000.00"},
        {"rule": "calc:subsidy", "article": "第七条", "value": "318000.00"},
    ]}
    steps = steps_from_facts(facts)
    assert [str(s.amount) for s in steps] == ["1060000.00", "318000.00"]
    assert all(not s.label.startswith("calc:") for s in steps)


def test_each_signed_re_export_carries_the_next_version(ws: Workspace, ident: LoadedIdentity,
                                                        tmp_path: Path) -> None:
    from slq_desk.opinion.verify import verify_file

    first = export_opinion(ws, "hunan-1", tmp_path / "v.pdf", ident)
    assert first.signed
    v1 = verify_file(tmp_path / "v.pdf")
    export_opinion(ws, "hunan-1", tmp_path / "v.pdf", ident, replace=True)
    v2 = verify_file(tmp_path / "v.pdf")
    assert v1.data is not None and v2.data is not None
    assert (v1.data.version, v2.data.version) == (1, 2)
    assert v2.data.cert_sha256 == ident.info.cert_sha256
