"""Build ``OpinionData`` from a workspace's rows: Application, Document, Finding, Review.

Only a finished review is signed: a declared absence of conflict, every criterion scored with
the comments its rubric requires, and a recommendation. A draft (unsigned, 草稿) can be printed
from any review, so a reviewer can read the form before committing to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk.errors import BadInput
from slq_desk.money import D, MoneyError
from slq_desk.opinion.data import (
    Criterion,
    DocumentRef,
    FindingRef,
    OpinionData,
    SubsidyStep,
)
from slq_desk.policy.loader import list_policies, load_policy
from slq_desk.policy.trace import STEP_LABELS

MAX_STEPS = 40


class ReviewIncomplete(BadInput):
    """The review cannot be signed yet; the message lists what is missing."""


@dataclass
class Built:
    data: OpinionData
    review_id: int
    problems: list[str] = field(default_factory=list)  # what blocks signing
    notes: list[str] = field(default_factory=list)  # worth saying, not blocking


def _pick_review(app: Any, reviewer: str | None) -> Any:
    reviews = list(app.reviews)
    if not reviews:
        raise BadInput(f"申报 {app.id} 尚未评审，无法生成评审意见 / application {app.id} has no "
                       "review yet: score it first (slq-desk review set …)")
    if reviewer is not None:
        for r in reviews:
            if r.reviewer == reviewer:
                return r
        names = ", ".join(sorted(r.reviewer for r in reviews))
        raise BadInput(f"申报 {app.id} 没有评审专家 {reviewer} 的评审（现有：{names}）/ no review "
                       f"by {reviewer!r} for application {app.id}; use --reviewer to sign "
                       "another name's review")
    if len(reviews) > 1:
        names = ", ".join(sorted(r.reviewer for r in reviews))
        raise BadInput(f"申报 {app.id} 有多位评审专家（{names}）；请用 --reviewer 指定 / "
                       "several reviewers; name one with --reviewer")
    return reviews[0]


def _policy_name(policy_id: str) -> str:
    # An application under a policy this build does not carry still gets an opinion (its id is
    # printed instead); a policy file that is present but broken is an error, never a blank.
    if policy_id not in list_policies():
        return ""
    policy = load_policy(policy_id)
    return str(policy.document or policy.name)


def _amount(value: Any) -> Decimal | None:
    if value is None or isinstance(value, (float, bool)):
        return None
    try:
        return D(value) if isinstance(value, (str, int, Decimal)) else None
    except MoneyError:
        return None


def steps_from_facts(facts: dict[str, Any] | None) -> list[SubsidyStep]:
    """The calculator's steps as the checks stored them with the application
    (``facts["steps"]``, or ``facts["trace"]``: dicts with rule/label, article, value/amount).

    When the trace has computation steps (``calc:…``), only those are printed: the parameter
    reads behind them are in the articles already and would bury the arithmetic.
    """
    if not facts:
        return []
    raw = facts.get("steps") or facts.get("trace") or []
    if isinstance(raw, dict):
        raw = raw.get("steps") or []
    items = [item for item in (raw if isinstance(raw, list) else []) if isinstance(item, dict)]
    if any(str(item.get("rule", "")).startswith("calc:") for item in items):
        items = [item for item in items if str(item.get("rule", "")).startswith("calc:")]
    labels = STEP_LABELS
    steps: list[SubsidyStep] = []
    for item in items:
        rule = str(item.get("label") or item.get("rule") or "")
        name = rule[5:] if rule.startswith("calc:") else rule
        label = labels.get(name, name)
        value = item.get("amount", item.get("value"))
        amount = _amount(value)
        if amount is None and value is not None and not isinstance(value, (dict, list)):
            label = f"{label}：{value}"
        steps.append(SubsidyStep(label=label, amount=amount, article=str(item.get("article", ""))))
    return steps[:MAX_STEPS]


def _criteria(review: Any, notes: list[str], problems: list[str]
              ) -> tuple[list[Criterion], Decimal | None, str, str]:
    """Criteria with names and weights from the review's rubric, and the weighted total."""
    scores: dict[str, Any] = dict(review.scores or {})
    comments: dict[str, Any] = dict(review.comments or {})
    try:
        from slq_desk.review.rubric import resolve
        from slq_desk.review.scoring import evaluate

        rubric = resolve(review.rubric_id)
        result = evaluate(rubric, {k: str(v) for k, v in scores.items() if v not in (None, "")},
                          {k: str(v) for k, v in comments.items()})
    except BadInput as err:
        problems.append(f"评分表无法使用 / rubric unusable: {err}")
    except ImportError:
        notes.append("评分模块不可用，按原始分值打印 / scoring module unavailable")
    else:
        problems.extend(result.problems)
        crits = [Criterion(key=r.criterion.key, name=r.criterion.name,
                           score=r.score if r.score is not None else Decimal("0"),
                           max_score=r.criterion.max_score, weight=r.criterion.weight,
                           comment=r.comment)
                 for r in result.criteria]
        return crits, result.total_display, rubric.notice, rubric.version
    crits = []
    for key, value in scores.items():
        score = _amount(value)
        if score is None:
            problems.append(f"{key}: 分值无效 / invalid score {value!r}")
            continue
        crits.append(Criterion(key=key, name=key, score=score,
                               comment=str(comments.get(key, ""))))
    return crits, None, "", review.rubric_version or ""


def build(session: Session, application_id: str, reviewer: str | None = None) -> Built:
    from slq_desk.models.schema import Application, Document, Finding

    app = session.get(Application, application_id)
    if app is None:
        raise BadInput(f"工作区中没有申报 {application_id} / no application {application_id!r} "
                       "in this workspace")
    review = _pick_review(app, reviewer)
    notes: list[str] = []
    problems: list[str] = []
    docs = session.scalars(select(Document).where(Document.application_id == app.id)
                           .order_by(Document.id)).all()
    findings = session.scalars(select(Finding).where(Finding.application_id == app.id)
                               .order_by(Finding.id)).all()
    doc_names = {d.id: d.original_name for d in docs}
    criteria, total, notice, rubric_version = _criteria(review, notes, problems)

    if not review.coi_declared:
        problems.append("未作利益冲突声明 / no conflict-of-interest declaration")
    elif review.coi_conflict:
        problems.append("已申报利益冲突，应回避，不能签署评审意见 / a conflict was declared: "
                        "the reviewer is kept out of this application")
    if not review.recommendation:
        problems.append("未给出评审意见（推荐 / 不推荐 / 修改后推荐）/ no recommendation")
    computed = app.computed_subsidy
    recommended = review.recommended_amount
    if recommended is not None and computed is not None and recommended > computed:
        problems.append(f"建议金额 {recommended} 高于测算金额 {computed} / recommended amount "
                        "above the computed amount")
    if recommended is not None and computed is not None and recommended < computed \
            and not review.recommendation_reason.strip():
        problems.append("建议金额低于测算金额时须说明理由 / a lower amount needs a reason")

    data = OpinionData(
        kind="expert",
        application_id=app.id,
        applicant_name=app.applicant_name,
        applicant_uscc=app.applicant_uscc,
        policy_id=app.policy_id,
        policy_name=_policy_name(app.policy_id),
        direction=app.direction,
        documents=[DocumentRef(d.original_name, d.kind, d.pages, d.sha256) for d in docs],
        findings=[FindingRef(f.code, f.severity, f.message_zh, f.article,
                             doc_names.get(f.document_id or -1, ""), f.page)
                  for f in findings],
        rubric_id=review.rubric_id,
        rubric_version=review.rubric_version or rubric_version,
        criteria=criteria,
        total=total,
        recommendation=review.recommendation or "",
        computed_subsidy=computed,
        recommended_subsidy=recommended if recommended is not None else computed,
        recommendation_reason=review.recommendation_reason or "",
        subsidy_steps=steps_from_facts(app.facts),
        coi_declared=review.coi_declared,
        coi_conflict=review.coi_conflict,
        coi_text=review.coi_text or "",
        coi_at=review.coi_at,
        reviewer=review.reviewer,
        review_date=(review.updated_at.date() if review.updated_at else date.today()),
    )
    if notice:
        data.rubric_note = f"{notice}。" if not notice.endswith("。") else notice
    return Built(data=data, review_id=review.id, problems=problems, notes=notes)
