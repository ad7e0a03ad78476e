"""The application's status workflow: one table of allowed moves, each move by a named person
with a reason, audited in the same transaction.

待初审 → 补正中 → 初审通过 / 初审不通过 → 评审中 → 已评审 → 公示中 → 已兑付, and 撤销 from any
open state. Guards that the table alone cannot express are checked here too, each with a
message naming what is missing:

- 初审通过 needs no open blocking finding, unless the official overrides with a reason (the
  override and the findings it passed over are kept in the audit event);
- 补正中 needs a signed 补正材料通知书 (一次性告知: the applicant must have been told everything),
  overridable with a reason (e.g. the notice went out on paper);
- 已评审 needs at least one submitted review or imported signed expert opinion (not overridable).

The status lives in ``application.status`` (codes of ``models.schema.STATUSES``); the history is
the audit log's ``application.status`` events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.schema import STATUSES, Application, Finding, Review

PENDING, SUPPLEMENTING = "pending_check", "supplementing"
PASSED, FAILED = "check_passed", "check_failed"
REVIEWING, REVIEWED = "reviewing", "reviewed"
PUBLICISED, PAID, WITHDRAWN = "publicised", "paid", "withdrawn"

# The one table of allowed moves. Going back is allowed where an office really goes back: a
# 补正 answered (补正中 → 待初审), a decision reopened after 行政复议 (初审不通过 → 待初审),
# an application sent back for another review (已评审 → 评审中), an 异议 upheld in 公示.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    PENDING: (SUPPLEMENTING, PASSED, FAILED, WITHDRAWN),
    SUPPLEMENTING: (PENDING, PASSED, FAILED, WITHDRAWN),
    PASSED: (REVIEWING, PENDING, WITHDRAWN),
    FAILED: (PENDING, WITHDRAWN),
    REVIEWING: (REVIEWED, PASSED, WITHDRAWN),
    REVIEWED: (PUBLICISED, REVIEWING, WITHDRAWN),
    PUBLICISED: (PAID, REVIEWED, WITHDRAWN),
    PAID: (),
    WITHDRAWN: (),
}

# Statuses written by slq-desk before the workflow existed (migration 0008 maps stored rows).
LEGACY = {"checking": PENDING, "pending_review": PASSED, "signed": REVIEWED}

# English words an official may type for a status, besides the codes and the Chinese names.
ALIASES = {"pending": PENDING, "supplement": SUPPLEMENTING, "passed": PASSED, "failed": FAILED,
           "published": PUBLICISED, "public": PUBLICISED, "revoked": WITHDRAWN,
           "cancelled": WITHDRAWN, "canceled": WITHDRAWN}


def parse_status(text: str) -> str:
    """A status code from a code, its Chinese name, a legacy code or an English alias."""
    wanted = text.strip()
    if wanted in STATUSES:
        return wanted
    for code, label in STATUSES.items():
        if wanted == label:
            return code
    lowered = wanted.lower().replace("-", "_").replace(" ", "_")
    if lowered in STATUSES:
        return lowered
    if lowered in LEGACY:
        return LEGACY[lowered]
    if lowered in ALIASES:
        return ALIASES[lowered]
    choices = "、".join(f"{label}（{code}）" for code, label in STATUSES.items())
    raise BadInput(f"unknown status {text!r}; one of {choices}")


def current(status: str) -> str:
    """The workflow status of a stored value (a legacy code counts as its successor)."""
    return LEGACY.get(status, status)


def label(status: str) -> str:
    return STATUSES.get(current(status), status)


@dataclass(frozen=True)
class StatusMove:
    application_id: str
    before: str
    after: str
    by: str
    reason: str
    overridden: list[str] = field(default_factory=list)
    audit_seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"application_id": self.application_id, "from": self.before,
                "from_zh": label(self.before), "to": self.after, "to_zh": label(self.after),
                "by": self.by, "reason": self.reason, "overridden": self.overridden,
                "audit_seq": self.audit_seq}


class MoveRefused(BadInput):
    """The move is not allowed: the table forbids it or a guard is not met."""

    exit_code = 1


def open_blocking(s: Session, app_id: str) -> list[Finding]:
    return list(s.scalars(select(Finding).where(
        Finding.application_id == app_id, Finding.severity == "block").order_by(Finding.id)))


def _submitted_reviews(s: Session, app_id: str) -> int:
    from slq_desk.models.panel import ACTIVE, PanelOpinion

    reviews = s.scalar(select(func.count()).select_from(Review).where(
        Review.application_id == app_id, Review.status == "submitted")) or 0
    opinions = s.scalar(select(func.count()).select_from(PanelOpinion).where(
        PanelOpinion.application_id == app_id, PanelOpinion.status == ACTIVE)) or 0
    return int(reviews) + int(opinions)


def _signed_supplement_notice(s: Session, app_id: str) -> bool:
    from slq_desk.models.office import OfficeNotice

    return s.scalar(select(func.count()).select_from(OfficeNotice).where(
        OfficeNotice.application_id == app_id, OfficeNotice.kind == "supplement",
        OfficeNotice.status == "signed")) != 0


def check_move(s: Session, app: Application, to: str, override: bool) -> list[str]:
    """Raise ``MoveRefused`` if the move is not allowed; return what an override passed over."""
    before = current(app.status)
    if to == before:
        raise MoveRefused(f"{app.id} is already {label(to)}（{to}）")
    allowed = TRANSITIONS.get(before)
    if allowed is None:
        raise MoveRefused(f"{app.id} has an unknown status {app.status!r}")
    if to not in allowed:
        options = "、".join(f"{label(c)}（{c}）" for c in allowed) or "无（终态）"
        raise MoveRefused(f"{app.id}: {label(before)} → {label(to)} is not an allowed move; "
                          f"from {label(before)} one may go to {options}")
    passed_over: list[str] = []
    if to == PASSED:
        blocking = open_blocking(s, app.id)
        if blocking:
            names = [f"{f.code}: {f.message_zh}" for f in blocking]
            if not override:
                raise MoveRefused(
                    f"{app.id}: {len(blocking)} blocking finding(s) are open, so it cannot be "
                    f"初审通过 — {'; '.join(names[:5])}; correct them, or override with a reason "
                    "(--override)")
            passed_over.extend(names)
    if to == SUPPLEMENTING and not _signed_supplement_notice(s, app.id):
        if not override:
            raise MoveRefused(f"{app.id}: no signed 补正材料通知书 yet (一次性告知); sign one "
                              "(`slq-desk office notice sign`), or override with a reason")
        passed_over.append("no signed 补正材料通知书")
    if to == REVIEWED and _submitted_reviews(s, app.id) == 0:
        raise MoveRefused(f"{app.id}: no submitted review or imported signed expert opinion, so "
                          "it cannot be 已评审")
    return passed_over


def move_status(ws: Any, app_id: str, to: str, reason: str, by: str,
                override: bool = False) -> StatusMove:
    """Move one application to ``to`` (code, Chinese name or alias), audited; see the module doc."""
    target = parse_status(to)
    if not reason.strip():
        raise BadInput("every status change needs a reason (--reason)")
    if not by.strip():
        raise BadInput("say who makes the change (--by NAME)")
    with ws.session() as s:
        app = s.get(Application, app_id)
        if app is None:
            raise BadInput(f"no application {app_id!r} in this workspace")
        passed_over = check_move(s, app, target, override)
        before = app.status
        app.status = target
        event = audit.record(s, by.strip(), "application.status", "application", app_id,
                             {"status": before},
                             {"status": target, "reason": reason.strip(),
                              "override": passed_over if override else [],
                              "recorded_by": ws.actor})
        return StatusMove(app_id, before, target, by.strip(), reason.strip(),
                          passed_over if override else [], event.seq)


def history(ws: Any, app_id: str) -> list[dict[str, Any]]:
    """Every status move of one application, oldest first, from the audit log."""
    from slq_desk.models.schema import AuditEvent

    with ws.session() as s:
        rows = s.scalars(select(AuditEvent).where(
            AuditEvent.entity == "application", AuditEvent.entity_id == app_id,
            AuditEvent.action == "application.status").order_by(AuditEvent.seq))
        return [{"at": ev.at.isoformat(), "by": ev.actor,
                 "from": (ev.before or {}).get("status"), "to": (ev.after or {}).get("status"),
                 "reason": (ev.after or {}).get("reason", ""),
                 "override": (ev.after or {}).get("override", []), "seq": ev.seq}
                for ev in rows]
