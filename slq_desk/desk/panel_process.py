"""The panel process of issue 16 for the desk service: the expert draw with recusal, review kits
and pledges, 复核 flags, the 综合意见, the 评审报告 every member signs, 公示 and the 异议 log.

Qt-free functions over one open workspace that return plain values (never a live ORM row), so
the chair's window holds no session; ``Desk`` exposes each as a method. The CLI
(``cli/panel_process_cmd.py``) calls the same core functions in ``slq_desk.panel``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from slq_desk.errors import BadInput
from slq_desk.models.schema import Application
from slq_desk.workspace import Workspace

if TYPE_CHECKING:
    from slq_desk.opinion.identity import LoadedIdentity
    from slq_desk.panel.kit import KitExport, PledgeImport
    from slq_desk.panel.panel_opinion import ExportedPanel
    from slq_desk.panel.report import ReportCheck
    from slq_desk.review.aggregate import PanelSettings

PUBLICITY_NAMES = ("公示名单.xlsx", "公示名单.pdf")


# --- the draw ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DrawView:
    """A recorded draw as the window shows it (after substitutions)."""

    id: int
    batch: str
    seed: str
    size: int
    applications: tuple[str, ...]
    drawn: tuple[str, ...]  # in draw order, before substitutions
    members: tuple[str, ...]  # the panel now
    excluded: tuple[tuple[str, tuple[str, ...]], ...]  # (name, reasons)
    substitutions: tuple[dict[str, Any], ...]
    pool: tuple[tuple[str, str, str], ...]  # (name, organisation, fields)
    created_at: datetime | None = None
    enrolled: tuple[str, ...] = ()  # put on the roster by this draw


def _draw_view(row: Any, enrolled: tuple[str, ...] = ()) -> DrawView:
    from slq_desk.panel.draw import current_members

    return DrawView(row.id, row.batch, str(row.seed), row.size, tuple(row.applications),
                    tuple(row.drawn), tuple(current_members(row)),
                    tuple((x["name"], tuple(x["reasons"])) for x in row.excluded),
                    tuple(dict(x) for x in row.substitutions),
                    tuple((e["name"], e.get("organisation", ""),
                           "、".join(e.get("fields", []) or [])) for e in row.pool),
                    row.created_at, enrolled)


@dataclass(frozen=True)
class PoolExpert:
    """One expert of a pool file, as the chair previews it before the draw."""

    name: str
    organisation: str
    fields: str
    cert_sha256: str  # "" when the pool names no certificate
    ties: tuple[str, ...]  # declared ties, "持股企业：X" (besides the organisation itself)


def read_pool(pool: Path) -> list[PoolExpert]:
    """The pool file as the draw will read it (bad input names the expert and the file)."""
    from slq_desk.panel.draw import TIE_KINDS, load_pool

    return [PoolExpert(e.name, e.organisation, "、".join(e.fields), e.cert_sha256,
                       tuple(f"{TIE_KINDS[kind]}：{value}" for kind, value in e.ties()
                             if (kind, value) != ("employers", e.organisation)))
            for e in load_pool(pool)]


def latest_draw(ws: Workspace) -> DrawView | None:
    from slq_desk.models.panel_process import PanelDraw

    with ws.session() as s:
        row = s.scalars(select(PanelDraw).order_by(PanelDraw.id.desc())).first()
        return None if row is None else _draw_view(row)


def run_draw(ws: Workspace, pool: Path, size: int, batch: str, seed: int | None = None,
             application_ids: list[str] | None = None,
             policy_id: str | None = None) -> DrawView:
    """Draw ``size`` experts from the pool file with recusal, then put the drawn members'
    certificates on the roster (as ``slq-desk panel draw`` does)."""
    from slq_desk.panel.draw import draw, load_pool
    from slq_desk.panel.roster import enrol

    experts = load_pool(pool)
    with ws.session() as s:
        if application_ids:
            app_ids = list(application_ids)
        else:
            q = select(Application.id).order_by(Application.id)
            if policy_id:
                q = q.where(Application.policy_id == policy_id)
            app_ids = list(s.scalars(q))
        result = draw(s, ws.actor, experts, batch.strip() or date.today().isoformat(), size,
                      app_ids, seed)
    by_name = {e.name: e for e in experts}
    enrolled = enrol(ws, [(n, pool.parent / by_name[n].certificate, by_name[n].organisation)
                          for n in result.drawn if by_name[n].certificate])
    from slq_desk.models.panel_process import PanelDraw

    with ws.session() as s:
        row = s.get(PanelDraw, result.id)
        assert row is not None  # written just above
        return _draw_view(row, tuple(m.name for m in enrolled))


def substitute(ws: Workspace, out_name: str, in_name: str, reason: str,
               pool: Path | None = None) -> DrawView:
    """Replace a member with a reason. With the pool file, the substitute's certificate goes on
    the roster as the draw's did — only when it is the one the draw recorded for them."""
    from slq_desk.panel.draw import load_pool
    from slq_desk.panel.draw import substitute as core_substitute
    from slq_desk.panel.roster import enrol

    with ws.session() as s:
        row = core_substitute(s, ws.actor, out_name, in_name, reason)
        recorded = {e["name"]: e.get("cert_sha256", "") for e in row.pool}.get(in_name, "")
        draw_id = row.id
    enrolled: tuple[str, ...] = ()
    if pool is not None and recorded:
        e = {x.name: x for x in load_pool(pool)}.get(in_name)
        if e is not None and e.certificate and e.cert_sha256 == recorded:
            enrolled = tuple(m.name for m in enrol(
                ws, [(e.name, pool.parent / e.certificate, e.organisation)]))
    from slq_desk.models.panel_process import PanelDraw

    with ws.session() as s:
        stored = s.get(PanelDraw, draw_id)
        assert stored is not None  # substituted just above
        return _draw_view(stored, enrolled)


# --- kits and pledges -------------------------------------------------------------------------

def export_kit(ws: Workspace, expert: str, out: Path, chair: LoadedIdentity, *,
               packages: Path | None = None, pledge: Path | None = None,
               replace: bool = False) -> KitExport:
    """One expert's signed kit over the latest draw's applications; ``pledge`` is the panel's
    own 评审纪律与保密承诺书 text (default: the one in resources)."""
    from slq_desk.panel.draw import get_draw
    from slq_desk.panel.kit import export_kit as core_export

    with ws.session() as s:
        app_ids = list(get_draw(s).applications)
        return core_export(ws, s, expert, app_ids, chair, out, packages=packages,
                           pledge=pledge, replace=replace)


@dataclass(frozen=True)
class PledgeRow:
    expert: str
    kit_id: str
    signer: str
    cert_sha256: str
    signed_at: datetime | None
    sha256: str


@dataclass(frozen=True)
class PledgeState:
    pledges: tuple[PledgeRow, ...]
    members: tuple[str, ...]  # the latest draw's panel (empty without a draw)
    opinions_without_pledge: tuple[str, ...]

    @property
    def members_without_pledge(self) -> tuple[str, ...]:
        done = {p.expert for p in self.pledges}
        return tuple(m for m in self.members if m not in done)


def import_pledges(ws: Workspace, path: Path) -> PledgeImport:
    from slq_desk.panel.kit import import_pledges as core_import

    if not path.exists():
        raise BadInput(f"找不到 {path} / not found: {path}")
    return core_import(ws, path)


def pledge_state(ws: Workspace) -> PledgeState:
    from slq_desk.models.panel_process import PanelDraw
    from slq_desk.panel.collect import opinions
    from slq_desk.panel.draw import current_members
    from slq_desk.panel.kit import pledges

    with ws.session() as s:
        rows = tuple(PledgeRow(p.expert, p.kit_id, p.signer, p.cert_sha256, p.signed_at,
                               p.sha256) for p in pledges(s))
        reviewers = sorted({o.reviewer for o in opinions(s, include_superseded=False)})
        draw = s.scalars(select(PanelDraw).order_by(PanelDraw.id.desc())).first()
        members = tuple(current_members(draw)) if draw is not None else ()
    pledged = {r.expert for r in rows}
    return PledgeState(rows, members, tuple(r for r in reviewers if r not in pledged))


# --- 复核 flags -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FlagRow:
    id: int
    application_id: str
    reviewer: str
    kind: str
    kind_label: str
    criterion: str
    value: str
    reference: str
    threshold: str
    message: str
    status: str
    status_label: str
    requested_at: datetime | None
    request_note: str
    resolution: str
    resolution_label: str
    explanation: str
    revised_sha256: str
    resolved_at: datetime | None
    resolved_by: str
    new: bool = False
    superseded: bool = False  # the flagged opinion was replaced by a newer one since

    @property
    def resolved(self) -> bool:
        return self.resolution != ""


def flags(ws: Workspace, refresh: bool = True) -> list[FlagRow]:
    """Every 复核 flag; with ``refresh`` new findings (stored panel settings' thresholds) are
    raised first, as ``slq-desk panel flags`` does."""
    from slq_desk.panel.collect import opinions
    from slq_desk.panel.flags import (
        KINDS,
        RESOLUTIONS,
        STATUS_LABELS,
        all_flags,
        stored_flag_settings,
    )
    from slq_desk.panel.flags import refresh as raise_new

    with ws.session() as s:
        new = {r.id for r in raise_new(s, ws.actor, stored_flag_settings(s))} if refresh else set()
        active = {o.sha256 for o in opinions(s, include_superseded=False)}
        return [FlagRow(r.id, r.application_id, r.reviewer, r.kind, KINDS.get(r.kind, r.kind),
                        r.criterion, r.value, r.reference, r.threshold, r.message, r.status,
                        STATUS_LABELS.get(r.status, r.status), r.requested_at,
                        r.request_note or "", r.resolution or "",
                        RESOLUTIONS.get(r.resolution or "", ""), r.explanation or "",
                        r.revised_sha256 or "", r.resolved_at, r.resolved_by or "",
                        r.id in new, r.opinion_sha256 not in active)
                for r in all_flags(s)]


def request_recheck(ws: Workspace, flag_id: int, note: str = "", out: Path | None = None,
                    replace: bool = False) -> dict[str, Any]:
    """Send a flag for 复核; with ``out`` the request (JSON) is written for the expert."""
    from slq_desk.panel.flags import request_recheck as core_request
    from slq_desk.panel.flags import write_request

    if out is not None and out.exists() and not replace:
        raise BadInput(f"{out} 已存在，未覆盖 / already exists")
    with ws.session() as s:
        doc = core_request(s, ws.actor, flag_id, note)
    if out is not None:
        write_request(out, doc, replace=True)
    return doc


def resolve_flag(ws: Workspace, flag_id: int, explanation: str | None = None,
                 revised: Path | None = None) -> Any:
    from slq_desk.panel.flags import resolve

    return resolve(ws, flag_id, explanation=(explanation or "").strip() or None, revised=revised)


# --- the ranking the report and 公示 print ---------------------------------------------------

def _ranked(ws: Workspace, s: Any, settings: PanelSettings, budget: Decimal | None,
            cut_off: Decimal | None, mode: str | None, policy_id: str | None) -> tuple[Any, Any]:
    from slq_desk.panel import aggregate
    from slq_desk.panel.rank_allocate import candidates, rank_and_allocate

    agg = aggregate.run(s, settings, "opinions")
    plist = rank_and_allocate(candidates(s, agg, policy_id), budget=budget, mode=mode,
                              cut_off=cut_off, policy_id=policy_id)
    return agg, plist


# --- 综合意见 ---------------------------------------------------------------------------------

def export_panel_opinion(ws: Workspace, application_id: str, out: Path,
                         identity: LoadedIdentity | None, settings: PanelSettings, *,
                         chair: str | None = None, replace: bool = False) -> ExportedPanel:
    from slq_desk.panel.panel_opinion import export_panel_opinion as core_export

    return core_export(ws, application_id, out, identity, chair=chair, settings=settings,
                       replace=replace)


@dataclass(frozen=True)
class PanelOpinionFile:
    """A 综合意见 written for an application (signed or a draft), newest first."""

    application_id: str
    signed: bool
    signer: str
    at: datetime | None
    path: Path
    sha256: str


def panel_opinion_files(ws: Workspace) -> list[PanelOpinionFile]:
    from slq_desk.models.schema import Opinion

    with ws.session() as s:
        rows = s.scalars(select(Opinion).where(Opinion.kind == "panel")
                         .order_by(Opinion.created_at.desc(), Opinion.id.desc()))
        return [PanelOpinionFile(o.application_id, o.signature_status == "signed", o.signer,
                                 o.signed_at or o.created_at, Path(o.file_path), o.sha256)
                for o in rows]


def conclusion(ws: Workspace, application_id: str) -> dict[str, Any] | None:
    """The chair's stored draft conclusion for one application, as plain values."""
    from slq_desk.models.panel import PanelConclusion
    from slq_desk.money import fmt

    with ws.session() as s:
        row = s.get(PanelConclusion, application_id)
        if row is None:
            return None
        return {"application_id": row.application_id, "recommendation": row.recommendation,
                "recommended_amount": None if row.recommended_amount is None
                else fmt(row.recommended_amount), "comment": row.comment, "chair": row.chair,
                "version": row.version}


def composed_comment(ws: Workspace, application_id: str, settings: PanelSettings) -> str:
    """The 综合意见 text composed from the active opinions (what a new draft starts from)."""
    from slq_desk.panel.collect import opinions
    from slq_desk.panel.panel_opinion import compose_comment

    with ws.session() as s:
        rows = opinions(s, application_id, include_superseded=False)
        return compose_comment(rows, settings) if rows else ""


# --- 评审报告 ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportBuilt:
    path: Path
    sha256: str
    members: tuple[str, ...]
    method_label: str


def build_report(ws: Workspace, out: Path, settings: PanelSettings, *,
                 budget: Decimal | None, cut_off: Decimal | None, mode: str | None,
                 policy_id: str | None, replace: bool = False) -> ReportBuilt:
    """Lay out the 评审报告 with one empty signature field per member (the latest draw's panel,
    else the reviewers of the imported opinions); ranked inside the same transaction."""
    from slq_desk import audit
    from slq_desk.opinion.export import write_atomically
    from slq_desk.panel.draw import latest_panel
    from slq_desk.panel.report import build_report as core_build
    from slq_desk.panel.report import content_from_workspace

    if out.exists() and not replace:
        raise BadInput(f"{out} 已存在，未覆盖 / already exists")
    with ws.session() as s:
        agg, plist = _ranked(ws, s, settings, budget, cut_off, mode, policy_id)
        content = content_from_workspace(s, agg, plist, latest_panel(s))
        pdf = core_build(content)
        digest = hashlib.sha256(pdf).hexdigest()
        write_atomically(out, pdf, replace=True)
        audit.record(s, ws.actor, "panel.report", "panel", plist.policy_id, None,
                     {"sha256": digest, "members": [m.name for m in content.members],
                      "method": content.method_label})
    return ReportBuilt(out, digest, tuple(m.name for m in content.members),
                       content.method_label)


def sign_report(pdf: Path, identity: LoadedIdentity, dissent: str | None = None) -> ReportCheck:
    """Sign the member's own field in place (refused when an earlier signature does not
    verify); returns the check of the file as signed."""
    from slq_desk.opinion.export import write_atomically
    from slq_desk.opinion.verify import read_pdf_bytes
    from slq_desk.panel.report import sign_report as core_sign
    from slq_desk.panel.report import verify_report

    data = read_pdf_bytes(pdf)
    before = verify_report(data, str(pdf))
    if before.signatures and not before.valid:
        reasons = before.problems + [p for sc in before.signatures for p in sc.problems]
        raise BadInput("已有签名未通过验证，拒绝在其上签署 / an earlier signature does not "
                       "verify; not signing on top of it: " + "; ".join(reasons))
    signed = core_sign(data, identity, dissent=(dissent or "").strip() or None)
    write_atomically(pdf, signed, replace=True)
    return verify_report(signed, str(pdf))


def verify_report(ws: Workspace, pdf: Path) -> ReportCheck:
    """Every signature, and each member's certificate against the one the pool registered."""
    from slq_desk.opinion.verify import read_pdf_bytes
    from slq_desk.panel.draw import pool_fingerprints
    from slq_desk.panel.report import verify_report as core_verify

    with ws.session() as s:
        registered = pool_fingerprints(s)
    return core_verify(read_pdf_bytes(pdf), str(pdf), registered or None)


# --- 公示 and 异议 ----------------------------------------------------------------------------

@dataclass(frozen=True)
class PublicityDone:
    period: str
    applications: tuple[str, ...]
    rows: tuple[tuple[int, str, str, str], ...]  # (no, applicant, application, amount yuan)
    total: str
    experts: tuple[str, ...]
    method_label: str
    files: tuple[Path, ...] = field(default_factory=tuple)


def export_publicity(ws: Workspace, out_dir: Path, settings: PanelSettings, *,
                     budget: Decimal | None, cut_off: Decimal | None, mode: str | None,
                     policy_id: str | None, start: date, days: int,
                     replace: bool = False) -> PublicityDone:
    """The 公示 list (XLSX and PDF) with the latest draw's experts, audited."""
    from slq_desk import audit
    from slq_desk.opinion.export import write_atomically
    from slq_desk.panel.draw import latest_panel
    from slq_desk.panel.publicity import build_publicity, publicity_pdf, publicity_xlsx

    if not replace:
        existing = [n for n in PUBLICITY_NAMES if (out_dir / n).exists()]
        if existing:
            raise BadInput(f"{out_dir} 中已有 {', '.join(existing)}，未覆盖 / already exists")
    with ws.session() as s:
        agg, plist = _ranked(ws, s, settings, budget, cut_off, mode, policy_id)
        members = latest_panel(s) or []
        pub = build_publicity(plist, agg.settings.method_label,
                              [(m.name, m.organisation) for m in members], start, days)
        files = {PUBLICITY_NAMES[0]: publicity_xlsx(pub), PUBLICITY_NAMES[1]: publicity_pdf(pub)}
        for name, data in files.items():
            write_atomically(out_dir / name, data, replace=True)
        audit.record(s, ws.actor, "panel.publicity", "panel", plist.policy_id, None,
                     {"period": pub.period,
                      "applications": [r.application_id for r in pub.rows],
                      "experts": [n for n, _o in pub.experts],
                      "files": {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}})
    return PublicityDone(pub.period, tuple(r.application_id for r in pub.rows),
                         tuple((r.no, r.applicant, r.application_id, r.amount) for r in pub.rows),
                         pub.total,
                         tuple(n for n, _o in pub.experts), pub.method_label,
                         tuple(out_dir / n for n in files))


@dataclass(frozen=True)
class ObjectionRow:
    id: int
    application_id: str
    objector: str
    about: str
    received_at: datetime
    recorded_by: str
    answer: str
    outcome: str
    outcome_label: str
    answered_at: datetime | None
    answered_by: str
    reopened: bool


def _objection(row: Any) -> ObjectionRow:
    from slq_desk.panel.publicity import OUTCOMES

    return ObjectionRow(row.id, row.application_id, row.objector, row.about, row.received_at,
                        row.recorded_by, row.answer or "", row.outcome or "",
                        OUTCOMES.get(row.outcome or "", "待答复"), row.answered_at,
                        row.answered_by or "", bool(row.reopened))


def objections(ws: Workspace) -> list[ObjectionRow]:
    from slq_desk.panel.publicity import objections as core_list

    with ws.session() as s:
        return [_objection(r) for r in core_list(s)]


def record_objection(ws: Workspace, application_id: str, objector: str, about: str,
                     received_at: datetime | None = None) -> ObjectionRow:
    from slq_desk.panel.publicity import record_objection as core_record

    with ws.session() as s:
        return _objection(core_record(s, ws.actor, application_id, objector, about,
                                      received_at))


def answer_objection(ws: Workspace, objection_id: int, answer: str, outcome: str,
                     reopen: bool = False) -> ObjectionRow:
    from slq_desk.panel.publicity import answer_objection as core_answer

    with ws.session() as s:
        return _objection(core_answer(s, ws.actor, objection_id, answer, outcome, reopen))
