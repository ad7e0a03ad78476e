"""Where the work stands, and what was written down about it: notes per application, the
dashboard's counts, and the audit log read with filters (issue 19 item 13).

Qt-free reads and one write (a note) over a workspace, each in one short transaction, returning
plain frozen values; ``Desk`` exposes them to the window and the CLI. Codes stay codes here
(statuses, policies, finding codes, who a step waits for): the clients label them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from slq_desk import audit
from slq_desk.clock import BEIJING
from slq_desk.errors import BadInput
from slq_desk.models import (
    Application,
    ApplicationNote,
    AuditEvent,
    Document,
    ExtractedField,
    Finding,
    OfficeNotice,
    Opinion,
    Review,
)
from slq_desk.workspace import Workspace

MAX_NOTE_CHARS = 10_000

# --- notes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    id: int
    application_id: str
    author: str
    text: str
    created_at: datetime  # UTC, as stored; people read it in Beijing time


def _note(row: ApplicationNote) -> Note:
    return Note(row.id, row.application_id, row.author, row.text, row.created_at)


@contextmanager
def _permitted(what_zh: str, what_en: str) -> Iterator[None]:
    """On the shared PostgreSQL a role may not read a table (a reviewer, the audit log): said
    as a refusal the window shows, never a database traceback."""
    try:
        yield
    except DBAPIError as err:
        code = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)
        if code == "42501":  # insufficient_privilege (psycopg 3 / psycopg2)
            raise _refused(f"你的数据库角色无权{what_zh}", f"your database role may not {what_en}") \
                from None
        raise


def _refused(zh: str, en: str) -> BadInput:
    """Bilingual for the CLI and the logs; the window shows the Chinese half in Chinese mode."""
    return BadInput(f"{zh} / {en}", zh=zh)


def _no_application(application_id: str) -> BadInput:
    return _refused(f"工作区中没有申报 {application_id}",
                    f"no application {application_id!r} in this workspace")


def notes(ws: Workspace, application_id: str) -> list[Note]:
    """The application's notes, oldest first."""
    with _permitted("查看备注", "read notes"), ws.session() as s:
        if s.get(Application, application_id) is None:
            raise _no_application(application_id)
        rows = s.scalars(select(ApplicationNote)
                         .where(ApplicationNote.application_id == application_id)
                         .order_by(ApplicationNote.created_at, ApplicationNote.id))
        return [_note(r) for r in rows]


def add_note(ws: Workspace, application_id: str, author: str, text: str) -> Note:
    """Keep a note under a person's name (never the login name: the caller passes the
    reviewer's), audited with its text in the same transaction."""
    author, body = author.strip(), text.strip()
    if not author:
        raise _refused("备注须署名：请先填写评审人姓名", "a note needs its author's name")
    if not body:
        raise _refused("备注内容为空", "the note is empty")
    if len(body) > MAX_NOTE_CHARS:
        raise _refused(f"备注过长（{len(body)} 字，最多 {MAX_NOTE_CHARS} 字）",
                       f"the note is too long ({len(body)} characters, at most {MAX_NOTE_CHARS})")
    with _permitted("添加备注", "add notes"), ws.session() as s:
        if s.get(Application, application_id) is None:
            raise _no_application(application_id)
        row = ApplicationNote(application_id=application_id, author=author, text=body)
        s.add(row)
        s.flush()
        audit.record(s, author, "note.add", "application", application_id, None,
                     {"note_id": row.id, "text": body})
        return _note(row)


# --- what can be printed or opened for an application ---------------------------------------------

@dataclass(frozen=True)
class OutputFile:
    kind: str  # opinion kind (expert | preliminary | panel) or notice kind (supplement …)
    source: str  # "opinion" | "notice"
    path: Path
    signed: bool
    label: str  # who signed it, or the notice's 文书编号
    at: datetime | None  # when it was made, UTC
    exists: bool


def outputs(ws: Workspace, application_id: str) -> list[OutputFile]:
    """The application's opinions and office notices written to disk, newest first."""
    found: list[OutputFile] = []
    with _permitted("查看输出文件", "list output files"), ws.session() as s:
        for o in s.scalars(select(Opinion).where(Opinion.application_id == application_id)):
            if o.file_path:
                path = Path(o.file_path)
                found.append(OutputFile(o.kind, "opinion", path, o.signature_status == "signed",
                                        o.signer, o.signed_at or o.created_at, path.is_file()))
        for n in s.scalars(select(OfficeNotice).where(
                OfficeNotice.application_id == application_id)):
            if n.file_path:
                path = Path(n.file_path)
                found.append(OutputFile(n.kind, "notice", path, n.status == "signed", n.number,
                                        n.signed_at or n.created_at, path.is_file()))
    return sorted(found, key=lambda f: (f.at is None, -(f.at.timestamp() if f.at else 0)))


# --- the dashboard -----------------------------------------------------------------------------

# Who an application in each status waits for (codes; the window labels them). An application
# in expert review waits for the experts whose review is not submitted, then for the chair.
WAITING_FOR: dict[str, str] = {
    "pending_check": "official",  # 初审经办人
    "supplementing": "applicant",  # the applicant's 补正
    "check_passed": "chair",  # to be sent to the panel
    "reviewing": "experts",
    "reviewed": "official",  # 公示
    "publicised": "finance",  # 兑付 after the 公示 period
}


@dataclass(frozen=True)
class BlockedRow:
    application_id: str
    applicant: str
    policy_id: str
    status: str
    findings: tuple[tuple[str, int], ...]  # (finding code, how many), most frequent first


@dataclass(frozen=True)
class WaitingRow:
    application_id: str
    applicant: str
    policy_id: str
    status: str
    waiting_for: str  # official | applicant | experts | chair | finance
    who: tuple[str, ...] = ()  # the experts whose review is still a draft, by name
    since: datetime | None = None  # when it entered this status (the last status event), UTC
    deadline: str | None = None  # the 补正 deadline of the latest notice, ISO date


@dataclass(frozen=True)
class Dashboard:
    total: int
    by_status: dict[str, int]
    by_policy: dict[str, int]
    by_policy_status: dict[tuple[str, str], int]
    blocked: list[BlockedRow] = field(default_factory=list)
    waiting: list[WaitingRow] = field(default_factory=list)
    # Blocking findings across the workspace: (code, applications it blocks), most first.
    blocking_codes: list[tuple[str, int]] = field(default_factory=list)


def dashboard(ws: Workspace) -> Dashboard:
    with _permitted("查看工作概况", "read the overview"), ws.session() as s:
        apps = list(s.execute(select(Application.id, Application.applicant_name,
                                     Application.policy_id, Application.status)
                              .order_by(Application.id)))
        info = {a.id: a for a in apps}
        by_status = Counter(a.status for a in apps)
        by_policy = Counter(a.policy_id for a in apps)
        by_both = Counter((a.policy_id, a.status) for a in apps)

        blocking: dict[str, Counter[str]] = {}
        for app_id, code, n in s.execute(
                select(Finding.application_id, Finding.code, func.count(Finding.id))
                .where(Finding.severity == "block")
                .group_by(Finding.application_id, Finding.code)):
            blocking.setdefault(app_id, Counter())[code] += int(n)
        blocked = [BlockedRow(app_id, info[app_id].applicant_name or "", info[app_id].policy_id,
                              info[app_id].status, tuple(counts.most_common()))
                   for app_id, counts in sorted(blocking.items()) if app_id in info]
        codes = Counter(code for counts in blocking.values() for code in counts)

        drafts: dict[str, list[str]] = {}
        submitted: set[str] = set()
        for app_id, reviewer, status in s.execute(
                select(Review.application_id, Review.reviewer, Review.status)):
            if status == "submitted":
                submitted.add(app_id)
            else:
                drafts.setdefault(app_id, []).append(reviewer)
        since: dict[str, datetime] = {}
        for entity_id, at in s.execute(
                select(AuditEvent.entity_id, func.max(AuditEvent.at))
                .where(AuditEvent.action.in_(("application.status", "application.import")),
                       AuditEvent.entity == "application")
                .group_by(AuditEvent.entity_id)):
            since[entity_id] = datetime.fromisoformat(at) if isinstance(at, str) else at
        deadlines: dict[str, str] = {}
        for app_id, deadline in s.execute(
                select(OfficeNotice.application_id, OfficeNotice.deadline)
                .where(OfficeNotice.kind == "supplement", OfficeNotice.status == "signed")
                .order_by(OfficeNotice.created_at)):
            if deadline:
                deadlines[app_id] = deadline  # the latest notice's deadline wins

        waiting = []
        for a in apps:
            role = WAITING_FOR.get(a.status)
            if role is None:
                continue  # 初审不通过, 已兑付, 撤销: nobody's move
            who: tuple[str, ...] = ()
            if a.status == "reviewing":
                who = tuple(sorted(drafts.get(a.id, [])))
                if not who and a.id in submitted:
                    role = "chair"  # every review is in: the chair concludes
            waiting.append(WaitingRow(a.id, a.applicant_name or "", a.policy_id, a.status, role,
                                      who, since.get(a.id),
                                      deadlines.get(a.id) if a.status == "supplementing" else None))
        return Dashboard(len(apps), dict(by_status), dict(by_policy), dict(by_both), blocked,
                         waiting, codes.most_common())


# --- the audit log, filtered ---------------------------------------------------------------------

@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # UTC
    actor: str
    action: str
    entity: str
    entity_id: str
    application_id: str | None  # the application the event concerns, when one does
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""  # part of the actor's name
    action: str = ""  # an action, or a prefix ending in "." ("review." for every review event)
    application_id: str = ""
    since: date | None = None  # Beijing calendar days, inclusive
    until: date | None = None


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), BEIJING)


def _application_of(ev: AuditEvent, entities: dict[tuple[str, str], str]) -> str | None:
    if ev.entity == "application":
        return ev.entity_id
    found = entities.get((ev.entity, ev.entity_id))
    if found is not None:
        return found
    for data in (ev.after, ev.before):
        if isinstance(data, dict):
            for key in ("application_id", "application"):
                value = data.get(key)
                if isinstance(value, str):
                    return value
    return None


def audit_log(ws: Workspace, filters: AuditFilter, limit: int = 2000) -> list[AuditRow]:
    """The newest ``limit`` events that pass ``filters``, newest first. An event belongs to an
    application when it names it (entity, or ``application``/``application_id`` in its data)
    or when its entity is one of the application's reviews, documents, fields or notices."""
    if filters.since and filters.until and filters.since > filters.until:
        raise _refused("起始日期晚于结束日期", "the start date is after the end date")
    with _permitted("查看审计日志", "read the audit log"), ws.session() as s:
        entities: dict[tuple[str, str], str] = {}
        for rid, app_id in s.execute(select(Review.id, Review.application_id)):
            entities[("review", str(rid))] = app_id
        for did, app_id in s.execute(select(Document.id, Document.application_id)):
            entities[("document", str(did))] = app_id
        for nid, app_id in s.execute(select(OfficeNotice.id, OfficeNotice.application_id)):
            entities[("office_notice", str(nid))] = app_id
        q = select(AuditEvent).order_by(AuditEvent.seq.desc())
        if filters.actor.strip():
            q = q.where(AuditEvent.actor.contains(filters.actor.strip(), autoescape=True))
        action = filters.action.strip()
        if action.endswith("."):
            q = q.where(AuditEvent.action.startswith(action, autoescape=True))
        elif action:
            q = q.where(AuditEvent.action == action)
        if filters.since:
            q = q.where(AuditEvent.at >= _day_start(filters.since))
        if filters.until:
            q = q.where(AuditEvent.at < _day_start(filters.until + timedelta(days=1)))
        wanted = filters.application_id.strip()
        if wanted:
            # Fields are many: only this application's are looked up.
            for fid in s.scalars(select(ExtractedField.id).join(Document)
                                 .where(Document.application_id == wanted)):
                entities[("extracted_field", str(fid))] = wanted
        rows: list[AuditRow] = []
        for ev in s.scalars(q.execution_options(yield_per=500)):
            owner = _application_of(ev, entities)
            if wanted and owner != wanted:
                continue
            rows.append(AuditRow(ev.seq, ev.at, ev.actor, ev.action, ev.entity, ev.entity_id,
                                 owner, ev.before, ev.after))
            if len(rows) >= limit:
                break
        return rows


def audit_actors_and_actions(ws: Workspace) -> tuple[list[str], list[str]]:
    """Every actor and action in the log, for the viewer's filter lists."""
    with _permitted("查看审计日志", "read the audit log"), ws.session() as s:
        actors = sorted(s.scalars(select(AuditEvent.actor).distinct()))
        actions = sorted(s.scalars(select(AuditEvent.action).distinct()))
    return actors, actions
