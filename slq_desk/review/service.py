"""Storing reviews: one ``Review`` row per (application, reviewer), with the form's rules.

Three separate steps, each its own small transaction in the callers, so that a refused step
never takes an accepted one with it ("loses nothing"):

* ``declare_coi`` — the conflict-of-interest declaration (the gate; see ``coi.py``);
* ``update`` — scores, comments, recommendation, amount, reason: every value is checked before
  anything is written (off-scale scores, unknown criteria, an amount above the computed subsidy
  are refused outright); rules that the person completes over time (a required comment, a reason
  for a lower amount) are listed as problems, not refused, so autosave keeps working;
* ``submit`` — refused, with every problem listed, until the review is complete.

Every change appends an audit event in the same transaction. The row's ``version`` column is
SQLAlchemy's optimistic lock: a caller passes the version it loaded, and an edit made in the
meantime by another window or client raises ``ConcurrentEdit`` instead of being overwritten.
The rubric a review was scored with is kept in the workspace (``Setting`` ``rubric:<id>@<ver>``)
so the review can be re-read exactly even if the file later changes or was a panel's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from slq_desk import audit
from slq_desk.errors import BadInput, SlqError
from slq_desk.models.schema import Application, Review, Setting
from slq_desk.models.types import utcnow
from slq_desk.money import D, MoneyError, fmt
from slq_desk.review import coi
from slq_desk.review.aggregate import ScoreRecord
from slq_desk.review.rubric import Rubric, RubricError, parse_rubric, resolve, rubric_for
from slq_desk.review.scoring import ScoringResult, evaluate, parse_score
from slq_desk.vocabulary import REASON_ALWAYS, RECOMMENDATIONS_EN

# Chinese word -> English; a recommendation in REASON_ALWAYS needs a reason whatever the amount.
RECOMMENDATIONS: dict[str, str] = RECOMMENDATIONS_EN
DRAFT, SUBMITTED = "draft", "submitted"


class ConcurrentEdit(SlqError):
    """Someone else saved this review since it was loaded; nothing was overwritten."""


class SubmitRefused(BadInput):
    """The review is not complete; the message lists what is missing. The draft is kept."""


@dataclass
class ReviewChanges:
    """What a form save or ``review set`` changes. ``None`` leaves a field alone; an empty
    string clears a score, comment, amount or reason."""

    scores: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    recommendation: str | None = None
    amount: str | None = None
    reason: str | None = None
    rubric: str | None = None  # built-in id or file path, only before any score is given

    def is_empty(self) -> bool:
        return not (self.scores or self.comments or self.rubric) and all(
            v is None for v in (self.recommendation, self.amount, self.reason))


@dataclass(frozen=True)
class ReviewState:
    """A review as the form shows it: the row's values, the scoring and what blocks submit."""

    application_id: str
    reviewer: str
    version: int
    status: str
    rubric: Rubric
    scoring: ScoringResult
    computed_subsidy: Decimal | None
    recommendation: str | None
    recommended_amount: Decimal | None
    reason: str
    coi_declared: bool
    coi_conflict: bool
    coi_text: str
    coi_at: str | None
    problems: tuple[str, ...]  # scoring problems + recommendation problems
    warnings: tuple[str, ...]

    @property
    def submittable(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        s = self.scoring
        return {
            "application_id": self.application_id,
            "reviewer": self.reviewer,
            "version": self.version,
            "status": self.status,
            "rubric": {"id": self.rubric.id, "version": self.rubric.version},
            "coi": {"declared": self.coi_declared, "conflict": self.coi_conflict,
                    "text": self.coi_text, "at": self.coi_at},
            "scores": {r.criterion.key: (str(r.score) if r.score is not None else None)
                       for r in s.criteria},
            "comments": {r.criterion.key: r.comment for r in s.criteria if r.comment},
            "total": fmt(s.total_display),
            "complete": s.complete,
            "passed": s.passed,
            "pass_threshold": str(self.rubric.pass_threshold),
            "recommendation": self.recommendation,
            "computed_subsidy": fmt(self.computed_subsidy) if self.computed_subsidy is not None else None,
            "recommended_amount": (fmt(self.recommended_amount)
                                   if self.recommended_amount is not None else None),
            "recommendation_reason": self.reason,
            "problems": list(self.problems),
            "warnings": list(self.warnings),
        }


# --- rubric snapshots -------------------------------------------------------------------------

def _snapshot_key(rubric_id: str, version: str) -> str:
    return f"rubric:{rubric_id}@{version}"


def remember_rubric(session: Session, rubric: Rubric) -> None:
    """Keep the rubric's text in the workspace; refuse a different text under the same version."""
    key = _snapshot_key(rubric.id, rubric.version)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value={"sha256": rubric.sha256, "origin": rubric.origin,
                                            "builtin": rubric.builtin, "source": rubric.source_text}))
        return
    if row.value.get("sha256") != rubric.sha256:
        raise RubricError(
            f"{rubric.origin}: 本工作区已使用过评分表 {rubric.id} 版本 {rubric.version}，但内容不同；"
            f"修改评分表须提高 version / this workspace already used rubric {rubric.id} version "
            f"{rubric.version} with different content; a changed rubric needs a new version")


def rubric_of(session: Session, review: Review) -> Rubric:
    """The exact rubric a review was scored with (workspace snapshot, else the built-in file)."""
    row = session.get(Setting, _snapshot_key(review.rubric_id, review.rubric_version))
    if row is not None:
        value = row.value
        return parse_rubric(value["source"], value.get("origin") or review.rubric_id,
                            builtin=bool(value.get("builtin")))
    rubric = resolve(review.rubric_id)
    if review.rubric_version and rubric.version != review.rubric_version:
        raise RubricError(f"评审 {review.application_id}/{review.reviewer} 使用评分表 {review.rubric_id} "
                          f"版本 {review.rubric_version}，本工作区没有该版本 / the review used rubric "
                          f"{review.rubric_id} version {review.rubric_version}, which this workspace "
                          f"does not hold (it has {rubric.version})")
    return rubric


# --- loading ----------------------------------------------------------------------------------

def get_application(session: Session, application_id: str) -> Application:
    app = session.get(Application, application_id)
    if app is None:
        raise BadInput(f"工作区中没有申报 {application_id} / no application {application_id} "
                       "in this workspace")
    return app


def get_review(session: Session, application_id: str, reviewer: str) -> Review | None:
    return session.scalars(select(Review).where(Review.application_id == application_id,
                                                Review.reviewer == reviewer)).first()


def _require_reviewer(reviewer: str) -> str:
    name = reviewer.strip()
    if not name:
        raise BadInput("须填写评审专家姓名（--reviewer）/ name the reviewer (--reviewer)")
    return name


def _check_version(review: Review, expected_version: int | None) -> None:
    if expected_version is not None and review.version != expected_version:
        raise ConcurrentEdit(_concurrent_message(review.application_id, review.reviewer,
                                                 expected_version, review.version))


def _concurrent_message(application_id: str, reviewer: str, expected: int | None,
                        current: int | None) -> str:
    seen = f"载入时版本 {expected}，现为 {current}" if expected and current else "他人已先保存"
    return (f"此评审已被他人修改（{application_id} / {reviewer}，{seen}），未覆盖；请重新载入后再修改"
            " / someone else changed this review since it was loaded; nothing was overwritten — "
            "reload it and make the change again")


def _flush(session: Session, review: Review, expected: int | None) -> None:
    # Read the names first: after a failed flush the row's attributes can no longer be loaded.
    application_id, reviewer = review.application_id, review.reviewer
    try:
        session.flush()
    except StaleDataError:
        raise ConcurrentEdit(_concurrent_message(application_id, reviewer, expected, None)) from None


def _open_or_create(session: Session, actor: str, app: Application, reviewer: str,
                    rubric_ref: str | None) -> Review:
    review = get_review(session, app.id, reviewer)
    if review is not None:
        return review
    rubric = resolve(rubric_ref) if rubric_ref else rubric_for(app.policy_id, app.direction)
    remember_rubric(session, rubric)
    review = Review(application_id=app.id, reviewer=reviewer, rubric_id=rubric.id,
                    rubric_version=rubric.version, scores={}, comments={}, status=DRAFT)
    session.add(review)
    session.flush()
    audit.record(session, actor, "review.create", "review", review.id, None,
                 {"application_id": app.id, "reviewer": reviewer, "rubric_id": rubric.id,
                  "rubric_version": rubric.version})
    return review


def _refuse_if_submitted(review: Review) -> None:
    if review.status == SUBMITTED:
        raise SlqError(f"{review.application_id} / {review.reviewer}: 评审已提交，不能再修改 / the "
                       "review has been submitted and can no longer be changed")


def form_rubric(session: Session, application_id: str, reviewer: str,
                rubric_ref: str | None = None) -> Rubric:
    """The rubric the form shows (locked or not): the review's own, else the one named, else
    the policy's default (which raises with the reason for Wuhan and Chengdu)."""
    app = get_application(session, application_id)
    review = get_review(session, application_id, reviewer.strip())
    if review is not None:
        return rubric_of(session, review)
    return resolve(rubric_ref) if rubric_ref else rubric_for(app.policy_id, app.direction)


# --- the three steps --------------------------------------------------------------------------

def declare_coi(session: Session, actor: str, application_id: str, reviewer: str,
                declaration: str, expected_version: int | None = None,
                rubric_ref: str | None = None) -> ReviewState:
    """Record the reviewer's conflict-of-interest declaration for this application."""
    reviewer = _require_reviewer(reviewer)
    app = get_application(session, application_id)
    decl = coi.parse_declaration(declaration, app.applicant_name)
    review = _open_or_create(session, actor, app, reviewer, rubric_ref)
    _check_version(review, expected_version)
    if coi.may_redeclare(review.coi_declared, review.coi_conflict, decl, reviewer, app.id):
        # No submitted-review check here: a conflict found after submission must still be
        # recorded (it takes the review out of aggregation), and a repeated "none" never
        # reaches this point.
        before = {"coi_declared": review.coi_declared, "coi_conflict": review.coi_conflict,
                  "coi_text": review.coi_text}
        review.coi_declared = True
        review.coi_conflict = decl.conflict
        review.coi_text = decl.text
        review.coi_at = utcnow()
        _flush(session, review, expected_version)
        audit.record(session, actor, "review.coi", "review", review.id, before,
                     {"coi_declared": True, "coi_conflict": decl.conflict, "coi_text": decl.text,
                      "coi_at": review.coi_at})
    return state(session, review)


def _amount(text: str, app: Application) -> Decimal:
    try:
        value = D(text)
    except MoneyError:
        raise BadInput(f"推荐金额 {text!r} 不是金额 / recommended amount {text!r} is not an amount") from None
    if value < 0:
        raise BadInput(f"推荐金额不能为负 / the recommended amount cannot be negative: {text}")
    if value != value.quantize(Decimal("0.01")):
        raise BadInput(f"推荐金额精确到分 / the recommended amount has digits below the fen: {text}")
    if app.computed_subsidy is None:
        raise BadInput(f"{app.id} 尚无计算补贴金额，不能填写推荐金额 / {app.id} has no computed "
                       "subsidy yet, so no recommended amount can be checked against it")
    if value > app.computed_subsidy:
        raise BadInput(f"推荐金额 {fmt(value)} 超过计算补贴金额 {fmt(app.computed_subsidy)} / the "
                       f"recommended amount {fmt(value)} exceeds the computed subsidy "
                       f"{fmt(app.computed_subsidy)}")
    return value.quantize(Decimal("0.01"))


def _open_for_update(session: Session, application_id: str, reviewer: str,
                     expected_version: int | None) -> tuple[Application, Review]:
    """The review to change, once the gate allows it: declared without conflict, the version
    the caller loaded, not yet submitted."""
    app = get_application(session, application_id)
    review = get_review(session, application_id, reviewer)
    if review is None:
        # No declaration yet: the gate says so (and nothing is created).
        coi.check_open(False, False, reviewer, application_id)
        raise AssertionError("unreachable")
    _check_version(review, expected_version)
    coi.check_open(review.coi_declared, review.coi_conflict, reviewer, application_id)
    _refuse_if_submitted(review)
    return app, review


def _rubric_change(session: Session, review: Review, ref: str | None) -> tuple[Rubric, bool]:
    """The rubric the review is scored with after this save, and whether it is a new one (only
    allowed before any score)."""
    rubric = rubric_of(session, review)
    if not ref:
        return rubric, False
    new = resolve(ref)
    if (new.id, new.version) == (rubric.id, rubric.version):
        return rubric, False
    if review.scores:
        raise BadInput(f"已按评分表 {rubric.id} 评分，不能更换为 {new.id} / scores were "
                       f"given against rubric {rubric.id}; it cannot be changed to {new.id}")
    remember_rubric(session, new)
    return new, True


def _scores_after(rubric: Rubric, stored: dict[str, str] | None,
                  changes: Mapping[str, str]) -> dict[str, str]:
    """Scores with the changes applied: each checked against its criterion's scale; an empty
    text clears one."""
    scores = dict(stored or {})
    for key, text in changes.items():
        crit = rubric.criterion(key)
        if text.strip() == "":
            scores.pop(key, None)
        else:
            scores[key] = str(parse_score(crit, text.strip(), rubric.origin))
    return scores


def _comments_after(rubric: Rubric, stored: dict[str, str] | None,
                    changes: Mapping[str, str]) -> dict[str, str]:
    comments = dict(stored or {})
    for key, text in changes.items():
        rubric.criterion(key)  # an unknown criterion is refused
        if text.strip() == "":
            comments.pop(key, None)
        else:
            comments[key] = text.strip()
    return comments


def _recommendation_after(app: Application, review: Review,
                          changes: ReviewChanges) -> tuple[str | None, Decimal | None, str]:
    """Recommendation, amount and reason after the save, with what follows from a choice:
    不推荐 proposes 0; 推荐 or 修改后推荐 propose the computed subsidy unless the reviewer gave
    (or gives now) a lower amount."""
    recommendation = review.recommendation
    amount = review.recommended_amount
    reason = review.recommendation_reason or ""
    if changes.recommendation is not None:
        rec = changes.recommendation.strip()
        if rec and rec not in RECOMMENDATIONS:
            raise BadInput(f"推荐意见须为 推荐、不推荐 或 修改后推荐 / the recommendation must be one "
                           f"of 推荐, 不推荐, 修改后推荐, got {rec!r}")
        recommendation = rec or None
        if recommendation == "不推荐":
            amount = Decimal("0.00")  # not recommended: nothing is proposed for payment
        elif recommendation in RECOMMENDATIONS and changes.amount is None and (
                amount is None or amount == 0) and app.computed_subsidy is not None:
            amount = app.computed_subsidy  # the computed amount unless the reviewer lowers it
    if changes.amount is not None:
        if changes.amount.strip() == "":
            amount = None
        else:
            amount = _amount(changes.amount.strip(), app)
            if recommendation == "不推荐" and amount != 0:
                raise BadInput("“不推荐”时推荐金额只能为0 / with 不推荐 the amount can only be 0")
    if changes.reason is not None:
        reason = changes.reason.strip()
    return recommendation, amount, reason


def _write(session: Session, actor: str, review: Review, after: dict[str, Any],
           expected_version: int | None) -> None:
    """Store what changed (nothing when nothing did), with its audit event, under the lock."""
    before = {"rubric_id": review.rubric_id, "rubric_version": review.rubric_version,
              "scores": dict(review.scores or {}), "comments": dict(review.comments or {}),
              "recommendation": review.recommendation,
              "recommended_amount": review.recommended_amount,
              "recommendation_reason": review.recommendation_reason or ""}
    changed = {k for k in after if after[k] != before[k]}
    if not changed:
        return
    review.rubric_id, review.rubric_version = after["rubric_id"], after["rubric_version"]
    # New dict objects: JSON columns are not mutation-tracked, so assign, never mutate.
    review.scores = after["scores"]
    review.comments = after["comments"]
    review.recommendation = after["recommendation"]
    review.recommended_amount = after["recommended_amount"]
    review.recommendation_reason = after["recommendation_reason"]
    _flush(session, review, expected_version)
    audit.record(session, actor, "review.update", "review", review.id,
                 {k: before[k] for k in sorted(changed)}, {k: after[k] for k in sorted(changed)})


def update(session: Session, actor: str, application_id: str, reviewer: str,
           changes: ReviewChanges, expected_version: int | None = None) -> ReviewState:
    """Apply a form save. Checks every value first; writes nothing if one is refused."""
    reviewer = _require_reviewer(reviewer)
    app, review = _open_for_update(session, application_id, reviewer, expected_version)
    rubric, switched = _rubric_change(session, review, changes.rubric)
    rubric_id, rubric_version = ((rubric.id, rubric.version) if switched
                                 else (review.rubric_id, review.rubric_version))
    scores = _scores_after(rubric, review.scores, changes.scores)
    comments = _comments_after(rubric, review.comments, changes.comments)
    recommendation, amount, reason = _recommendation_after(app, review, changes)
    _write(session, actor, review, {
        "rubric_id": rubric_id, "rubric_version": rubric_version, "scores": scores,
        "comments": comments, "recommendation": recommendation, "recommended_amount": amount,
        "recommendation_reason": reason}, expected_version)
    return state(session, review)


def submit(session: Session, actor: str, application_id: str, reviewer: str,
           expected_version: int | None = None) -> ReviewState:
    """Mark the review submitted, or refuse with every problem listed."""
    reviewer = _require_reviewer(reviewer)
    get_application(session, application_id)
    review = get_review(session, application_id, reviewer)
    if review is None:
        coi.check_open(False, False, reviewer, application_id)
        raise AssertionError("unreachable")
    _check_version(review, expected_version)
    coi.check_open(review.coi_declared, review.coi_conflict, reviewer, application_id)
    _refuse_if_submitted(review)
    current = state(session, review)
    if current.problems:
        raise SubmitRefused("评审未完成，不能提交 / the review is not complete and was not submitted:\n  "
                            + "\n  ".join(current.problems))
    review.status = SUBMITTED
    _flush(session, review, expected_version)
    audit.record(session, actor, "review.submit", "review", review.id, {"status": DRAFT},
                 {"status": SUBMITTED, "total": fmt(current.scoring.total_display),
                  "passed": current.scoring.passed, "recommendation": review.recommendation,
                  "recommended_amount": review.recommended_amount})
    return state(session, review)


# --- reading ----------------------------------------------------------------------------------

def recommendation_problems(recommendation: str | None, amount: Decimal | None, reason: str,
                            computed: Decimal | None) -> list[str]:
    problems: list[str] = []
    if not recommendation:
        return ["未选择推荐意见（推荐 / 不推荐 / 修改后推荐）/ no recommendation chosen"]
    if recommendation in REASON_ALWAYS and not reason:
        problems.append(f"“{recommendation}”须说明理由 / {RECOMMENDATIONS[recommendation]} needs a reason")
    if recommendation != "不推荐":
        if computed is None:
            problems.append("尚无计算补贴金额 / no computed subsidy yet: run the calculation first")
        elif amount is None:
            problems.append("未填写推荐金额 / no recommended amount")
        elif amount < computed and not reason:
            problems.append(f"推荐金额 {fmt(amount)} 低于计算金额 {fmt(computed)}，须说明理由 / the "
                            f"recommended amount is lower than the computed {fmt(computed)}: "
                            "give a reason")
    return problems


def state(session: Session, review: Review) -> ReviewState:
    app = review.application
    rubric = rubric_of(session, review)
    scoring = evaluate(rubric, review.scores or {}, review.comments or {})
    rec_problems = recommendation_problems(review.recommendation, review.recommended_amount,
                                           review.recommendation_reason or "", app.computed_subsidy)
    warnings: list[str] = []
    if scoring.passed is False and review.recommendation in ("推荐", "修改后推荐"):
        warnings.append(f"总分 {fmt(scoring.total_display)} 低于通过线 {rubric.pass_threshold}，"
                        f"却选择“{review.recommendation}” / the total is below the pass threshold "
                        "but the review recommends the application")
    problems: tuple[str, ...] = ()
    if not review.coi_declared:
        problems = ("未声明利益冲突 / conflict of interest not declared",)
    elif review.coi_conflict:
        problems = ("已声明利益冲突，须回避 / conflict declared: the reviewer is kept out",)
    return ReviewState(
        application_id=review.application_id, reviewer=review.reviewer, version=review.version,
        status=review.status, rubric=rubric, scoring=scoring,
        computed_subsidy=app.computed_subsidy, recommendation=review.recommendation,
        recommended_amount=review.recommended_amount, reason=review.recommendation_reason or "",
        coi_declared=review.coi_declared, coi_conflict=review.coi_conflict,
        coi_text=review.coi_text or "", coi_at=coi.stamp(review.coi_at) if review.coi_at else None,
        problems=problems + scoring.problems + tuple(rec_problems), warnings=tuple(warnings),
    )


def visible_reviews(session: Session, application_id: str, viewer: str | None) -> list[Review]:
    """Reviews a viewer may see: their own, and others' once submitted (independence).

    ``viewer=None`` is the panel chair (or the single-user workspace owner): every review.
    """
    get_application(session, application_id)
    rows = list(session.scalars(select(Review).where(Review.application_id == application_id)
                                .order_by(Review.reviewer)))
    if viewer is None:
        return rows
    return [r for r in rows if r.reviewer == viewer or r.status == SUBMITTED]


def rubric_summary(rubric: Rubric) -> dict[str, Any]:
    return {
        "id": rubric.id, "version": rubric.version, "title": rubric.title,
        "notice": rubric.notice, "notice_en": rubric.notice_en,
        "pass_threshold": str(rubric.pass_threshold),
        "criteria": [{"key": c.key, "name": c.name, "name_en": c.name_en, "article": c.article,
                      "max_score": str(c.max_score), "step": str(c.step), "weight": str(c.weight),
                      "threshold": str(c.threshold)} for c in rubric.criteria],
    }


def parse_pairs(items: list[str] | None, what: str) -> dict[str, str]:
    """``KEY=VALUE`` arguments → dict; refuses an item without ``=`` or a repeated key."""
    out: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise BadInput(f"{what} 应写成 KEY=VALUE / {what} must be KEY=VALUE, got {item!r}")
        if key in out:
            raise BadInput(f"{what} {key} 重复 / {what} {key} given twice")
        out[key] = value
    return out


def application_summary(app: Application) -> Mapping[str, Any]:
    return {"id": app.id, "policy_id": app.policy_id, "applicant_name": app.applicant_name,
            "direction": app.direction,
            "computed_subsidy": fmt(app.computed_subsidy) if app.computed_subsidy is not None else None}


def score_records(session: Session, application_ids: list[str] | None = None,
                  submitted_only: bool = True) -> list[ScoreRecord]:
    """Submitted reviews as plain ``ScoreRecord`` values for ``aggregate`` (declared
    conflicts and incomplete sheets are left out: they are not scores)."""
    query = select(Review).order_by(Review.application_id, Review.reviewer)
    if application_ids is not None:
        query = query.where(Review.application_id.in_(application_ids))
    out: list[ScoreRecord] = []
    for review in session.scalars(query):
        if submitted_only and review.status != SUBMITTED:
            continue
        if not review.coi_declared or review.coi_conflict:
            continue
        result = evaluate(rubric_of(session, review), review.scores or {}, review.comments or {})
        if not result.complete:
            continue
        out.append(ScoreRecord(
            reviewer=review.reviewer, application_id=review.application_id, total=result.total,
            criteria={r.criterion.key: r.score for r in result.criteria if r.score is not None}))
    return out
