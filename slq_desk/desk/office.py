"""The 初审 office part of the desk service, Qt-free: status moves, notices, 补正, manual
查验 records, reference lists, 查重 and the 初审汇总表, for the window (``ui/office``).

``Desk.office`` returns one of these over the same workspace. Like ``Desk``, each method opens
its own short transaction (through the core functions of ``office/`` and ``checks/``) and
returns plain values or the core's result objects, never a live ORM object. Guards are
reported as data (``MoveCheck``), not as sentences, so the window words them in the language
the person reads; the move itself is the core's ``move_status``, which checks them again in
its own transaction (what the window showed may be a moment old).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slq_desk.errors import BadInput

# The models are imported by the methods: the window imports this module's rows before it shows,
# and SQLAlchemy once a workspace is open (issue 18, item 1).
if TYPE_CHECKING:
    from slq_desk.checks.dedup import Duplicate
    from slq_desk.checks.lists import ImportedList
    from slq_desk.desk.service import Desk
    from slq_desk.office.notices import NoticeDraft, SignedNotice
    from slq_desk.office.status import StatusMove
    from slq_desk.office.summary import WrittenSummary
    from slq_desk.office.supplement import SupplementResult

# Why a move is refused, as MoveCheck.refusal: the window words each one.
NOT_ALLOWED = "not_allowed"  # the transition table forbids it (details: the allowed targets)
BLOCKING = "blocking"  # 初审通过 with open blocking findings (details: their messages)
NO_NOTICE = "no_notice"  # 补正中 without a signed 补正材料通知书
NO_REVIEWS = "no_reviews"  # 已评审 without a submitted review or imported opinion
SAME = "same"  # already in that status
OTHER = "other"  # anything else the core refuses (details: its message)


@dataclass(frozen=True)
class StatusInfo:
    """The application's status, where it may go next, and its history (oldest first)."""

    application_id: str
    status: str  # a code of vocabulary.STATUSES
    allowed: tuple[str, ...]
    applicant: str
    policy: str
    blocking: int  # open blocking findings
    history: tuple[dict[str, Any], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class MoveCheck:
    """Whether ``to`` can be reached now: ``refusal`` empty when it can; ``overridable`` when a
    person may pass over the guard with a reason (kept in the audit event)."""

    application_id: str
    before: str
    to: str
    refusal: str = ""
    overridable: bool = False
    details: tuple[str, ...] = field(default_factory=tuple)

    @property
    def allowed(self) -> bool:
        return not self.refusal


class OfficeDesk:
    """``Desk.office``: the 初审 office's calls over one open workspace."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.workspace = desk.workspace

    # --- status ----------------------------------------------------------------------------------

    def status(self, application_id: str) -> StatusInfo:
        from slq_desk.desk.queue import policy_label
        from slq_desk.models.schema import Application
        from slq_desk.office import status as wf

        with self.workspace.session() as s:
            app = s.get(Application, application_id)
            if app is None:
                raise BadInput(f"no application {application_id!r} in this workspace")
            code = wf.current(app.status)
            info = (app.applicant_name or "", policy_label(app.policy_id),
                    len(wf.open_blocking(s, application_id)))
        return StatusInfo(application_id, code, tuple(wf.TRANSITIONS.get(code, ())), *info,
                          history=tuple(wf.history(self.workspace, application_id)))

    def check_move(self, application_id: str, to: str) -> MoveCheck:
        """What moving to ``to`` would meet, without moving (nothing is written)."""
        from slq_desk.models.schema import Application
        from slq_desk.office import status as wf

        target = wf.parse_status(to)
        with self.workspace.session() as s:
            app = s.get(Application, application_id)
            if app is None:
                raise BadInput(f"no application {application_id!r} in this workspace")
            before = wf.current(app.status)
            if target == before:
                return MoveCheck(application_id, before, target, SAME)
            allowed = wf.TRANSITIONS.get(before, ())
            if target not in allowed:
                return MoveCheck(application_id, before, target, NOT_ALLOWED, details=allowed)
            try:  # check_move only reads: nothing is written by asking
                wf.check_move(s, app, target, override=False)
                return MoveCheck(application_id, before, target)
            except wf.MoveRefused as refused:
                try:
                    wf.check_move(s, app, target, override=True)
                except wf.MoveRefused as again:
                    kind = NO_REVIEWS if target == wf.REVIEWED else OTHER
                    return MoveCheck(application_id, before, target, kind, details=(str(again),))
                kind = {wf.PASSED: BLOCKING, wf.SUPPLEMENTING: NO_NOTICE}.get(target, OTHER)
                # The official reads the findings' sentences, not their codes.
                details = (tuple(f.message_zh for f in wf.open_blocking(s, application_id))
                           if kind == BLOCKING else (str(refused),))
                return MoveCheck(application_id, before, target, kind, True, details)

    def move(self, application_id: str, to: str, reason: str, by: str,
             override: bool = False) -> StatusMove:
        """Move the application (the core checks the guards again), audited under ``by``."""
        from slq_desk.office.status import move_status

        return move_status(self.workspace, application_id, to, reason, by, override=override)

    # --- notices ---------------------------------------------------------------------------------

    def office_name(self) -> str:
        """The office remembered for this workspace's notices and summaries ("" when none)."""
        from slq_desk.models.schema import Setting
        from slq_desk.office.notices import OFFICE_SETTING

        with self.workspace.session() as s:
            row = s.get(Setting, OFFICE_SETTING)
            return str(row.value or "").strip() if row is not None else ""

    def draft_notice(self, application_id: str, kind: str, *, office: str | None,
                     official: str, working_days: int | None = None,
                     reasons: list[str] | None = None) -> NoticeDraft:
        """Run the checks, then number a new notice drafted from the findings (audited)."""
        from slq_desk.office.notices import draft_notice

        return draft_notice(self.workspace, application_id, kind, office=office,
                            official=official, working_days=working_days, reasons=reasons)

    def notices(self, application_id: str) -> list[dict[str, Any]]:
        from slq_desk.office.notices import notices

        return notices(self.workspace, application_id)

    def notice_draft(self, notice_id: int) -> NoticeDraft:
        """The stored draft of a notice, to edit again (a signed one comes back as signed)."""
        from slq_desk.models.office import OfficeNotice
        from slq_desk.office.notices import NoticeDraft

        with self.workspace.session() as s:
            row = s.get(OfficeNotice, notice_id)
            if row is None or not row.draft:
                raise BadInput(f"no notice {notice_id} in this workspace")
            return NoticeDraft.from_dict(dict(row.draft))

    def save_notice_draft(self, draft: NoticeDraft) -> None:
        """Keep the official's edits of a notice not yet signed (audited)."""
        from slq_desk import audit
        from slq_desk.models.office import OfficeNotice
        from slq_desk.office.notices import NoticeDraft

        NoticeDraft.from_dict(draft.to_dict())  # the same checks as a hand-edited JSON file
        with self.workspace.session() as s:
            row = s.get(OfficeNotice, draft.notice_id)
            if row is None or row.number != draft.number or row.application_id != draft.application_id:
                raise BadInput(f"the draft's notice {draft.number} is not a notice of this workspace")
            if row.status == "signed":
                raise BadInput(f"{draft.number} was signed already; draft a new notice to change it")
            row.draft = draft.to_dict()
            row.deadline = draft.deadline or None
            audit.record(s, self.workspace.actor, "notice.edit", "office_notice", row.id, None,
                         {"number": row.number, "items": len(draft.included),
                          "deadline": draft.deadline, "official": draft.official})

    def notice_path(self, draft: NoticeDraft) -> Path:
        """Where a notice's PDF goes by default: ``notices/`` in the workspace, named by its
        文书编号 (unique per office and year)."""
        safe = "".join("_" if c in '/\\:*?"<>|' else c for c in draft.number) or str(draft.notice_id)
        return self.workspace.path / "notices" / f"{safe}.pdf"

    def sign_notice(self, draft: NoticeDraft, out: Path, identity: Any) -> SignedNotice:
        """Render and sign (``identity`` None: an unsigned 草稿 copy) the edited draft."""
        from slq_desk.office.notices import sign_notice

        out.parent.mkdir(parents=True, exist_ok=True)
        return sign_notice(self.workspace, draft, out, identity=identity)

    # --- 补正 --------------------------------------------------------------------------------------

    def import_supplement(self, application_id: str, path: Path) -> SupplementResult:
        """Add a 补正 package to the application as a new version, re-check, report the change."""
        from slq_desk.office.supplement import import_supplement

        if not path.exists():
            raise BadInput(f"找不到 {path} / not found: {path}")
        return import_supplement(self.workspace, path, application_id)

    def versions(self, application_id: str) -> list[dict[str, Any]]:
        from slq_desk.office.supplement import versions

        return versions(self.workspace, application_id)

    # --- manual 查验 and credit checks ---------------------------------------------------------------

    def manual_checks(self, application_id: str) -> dict[str, Any]:
        """Each invoice with its latest 查验 (or none yet) and the latest credit check."""
        from slq_desk.checks.verification import records_for
        from slq_desk.models.schema import Application

        with self.workspace.session() as s:
            if s.get(Application, application_id) is None:
                raise BadInput(f"no application {application_id!r} in this workspace")
            return records_for(s, application_id)

    def record_invoice_check(self, application_id: str, document_id: int, result: str,
                             checked_on: date, checked_by: str, note: str = "") -> dict[str, Any]:
        from slq_desk.checks.verification import record_invoice_check

        return record_invoice_check(self.workspace, application_id, str(document_id), result,
                                    checked_on.isoformat(), checked_by, note)

    def record_credit_check(self, application_id: str, result: str, checked_on: date,
                            checked_by: str, report: str = "", note: str = "") -> dict[str, Any]:
        from slq_desk.checks.verification import record_credit_check

        return record_credit_check(self.workspace, application_id, result,
                                   checked_on.isoformat(), checked_by, report=report, note=note)

    # --- reference lists ----------------------------------------------------------------------------

    @staticmethod
    def list_kinds() -> dict[str, str]:
        from slq_desk.policy.rules.registers import LIST_KINDS

        return dict(LIST_KINDS)

    def reference_lists(self) -> list[dict[str, Any]]:
        from slq_desk.checks.lists import list_summaries

        return list_summaries(self.workspace)

    def import_list(self, kind: str, path: Path, source: str, as_of: date | None) -> ImportedList:
        from slq_desk.checks.lists import import_list

        return import_list(self.workspace, kind, path, source, as_of)

    # --- 查重 ---------------------------------------------------------------------------------------

    def find_duplicates(self, reindex: bool = False,
                        progress: Callable[[int, int, str], None] | None = None) -> list[Duplicate]:
        """查重 over the whole workspace; the findings on both applications are refreshed.

        ``progress(done, total, text)`` hears the index rebuild slice by slice, then the
        comparison; raising from it cancels, and each step's transaction rolls back."""
        from slq_desk.checks import dedup

        if reindex:
            dedup.reindex(self.workspace, progress=progress)
        return dedup.refresh_findings(self.workspace, progress=progress)

    # --- 初审汇总表 -----------------------------------------------------------------------------------

    def summary_candidates(self, statuses: list[str]) -> list[str]:
        """The applications a summary over ``statuses`` would list."""
        from sqlalchemy import select

        from slq_desk.models.schema import Application
        from slq_desk.office import status as wf

        wanted = {wf.parse_status(v) for v in statuses}
        with self.workspace.session() as s:
            return [a.id for a in s.scalars(select(Application).order_by(Application.id))
                    if wf.current(a.status) in wanted]

    def write_summary(self, out_dir: Path, statuses: list[str], official: str,
                      office: str | None, identity: Any) -> WrittenSummary:
        """初审汇总表 as XLSX and PDF (signed with ``identity``, else a 草稿), audited."""
        from slq_desk.office.summary import write_summary

        return write_summary(self.workspace, out_dir, statuses=statuses, official=official,
                             office=office, identity=identity)
