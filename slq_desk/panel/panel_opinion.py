"""The panel opinion (评审组综合意见): drafted by the chair from the individual opinions, then
laid out and signed exactly like an expert opinion.

The individual opinions are the "documents reviewed" of a panel opinion: each is listed with
its SHA-256, so ``slq-desk verify PANEL.pdf --package OPINIONS_DIR`` proves which signed
opinions the panel judged. The scores printed are the panel's per-criterion aggregates (the
panel method), each with every member's score in its comment. A second attachment,
``panel.json``, carries the statistics, the alerts and each source opinion's signer.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from slq_desk import audit
from slq_desk.errors import BadInput, SlqError
from slq_desk.models.panel import PanelConclusion, PanelOpinion
from slq_desk.models.schema import Application
from slq_desk.money import D, MoneyError, fmt
from slq_desk.opinion.data import Criterion, DocumentRef, OpinionData
from slq_desk.panel.collect import opinions
from slq_desk.panel.rank_allocate import _median_down, majority
from slq_desk.review.aggregate import (
    PanelSettings,
    describe,
    quantum,
    round_for_display,
)
from slq_desk.vocabulary import RECOMMENDATIONS
from slq_desk.workspace import Workspace

PANEL_ATTACHMENT = "panel.json"
PANEL_SCHEMA = "slq-desk/panel-opinion"
OPINION_KIND_LABEL = "专家评审意见"


class ConclusionConflict(SlqError):
    """Another client saved this panel conclusion since it was loaded; nothing overwritten."""


@dataclass
class PanelDraft:
    data: OpinionData
    panel_json: dict[str, Any]
    source_hashes: list[str]
    problems: list[str] = field(default_factory=list)


def _active(s: Session, app_id: str) -> tuple[Application, list[PanelOpinion]]:
    app = s.get(Application, app_id)
    if app is None:
        raise BadInput(f"工作区中没有申报 {app_id} / no application {app_id} in this workspace")
    rows = opinions(s, app_id, include_superseded=False)
    if not rows:
        raise BadInput(f"申报 {app_id} 没有已导入的专家意见 / no imported expert opinions for "
                       f"{app_id}: run `slq-desk panel import` first")
    return app, rows


def compose_comment(rows: list[PanelOpinion], settings: PanelSettings) -> str:
    """A first draft of the 综合意见 from the members' opinions; the chair edits it."""
    totals = [D(r.total) for r in rows if r.total is not None]
    stats = describe(totals, settings.trim_min_reviewers, settings.trim_fraction)
    q = quantum(settings.places)
    parts = [(f"本申报由 {len(rows)} 位评审专家独立评审，总分"
              f"{'、'.join(f'{r.reviewer} {r.total}' for r in rows)}；"
              f"评审组按{settings.method_label}"
              f"计为 {round_for_display(stats.value(settings.method), q)} 分。")]
    recs = Counter(r.recommendation for r in rows if r.recommendation)
    parts.append("评审意见：" + "，".join(f"{k} {v} 票" for k, v in recs.most_common()) + "。")
    if stats.range >= 30:
        parts.append(f"各专家分差 {stats.range} 分，分歧较大，经评审组讨论形成本意见。")
    reasons = [f"{r.reviewer}：{str((r.data or {}).get('subsidy', {}).get('reason')).rstrip('。；')}"
               for r in rows if (r.data or {}).get("subsidy", {}).get("reason")]
    if reasons:
        parts.append("专家意见要点：" + "；".join(reasons) + "。")
    return "".join(parts)


def save_conclusion(s: Session, actor: str, app_id: str, chair: str, *,
                    comment: str | None = None, recommendation: str | None = None,
                    amount: str | None = None, expected_version: int | None = None,
                    settings: PanelSettings | None = None) -> PanelConclusion:
    """Create or change the chair's draft; unset fields keep their value (or a composed
    default). A concurrent change by another client raises instead of being overwritten."""
    settings = settings or PanelSettings()
    app, rows = _active(s, app_id)
    if recommendation is not None and recommendation not in RECOMMENDATIONS:
        raise BadInput(f"综合意见须为 推荐、不推荐 或 修改后推荐 / the recommendation must be one of "
                       f"{', '.join(RECOMMENDATIONS)}, got {recommendation!r}")
    value: Decimal | None = None
    if amount is not None and amount.strip():
        try:
            value = D(amount)
        except MoneyError:
            raise BadInput(f"金额 {amount!r} 无效 / not an amount: {amount!r}") from None
        if value < 0 or value != value.quantize(Decimal("0.01")):
            raise BadInput(f"金额须为非负且精确到分 / the amount must be ≥ 0 and to the fen: {amount}")
        if app.computed_subsidy is not None and value > app.computed_subsidy:
            raise BadInput(f"建议金额 {fmt(value)} 超过测算金额 {fmt(app.computed_subsidy)} / the "
                           "amount exceeds the computed subsidy")
        value = value.quantize(Decimal("0.01"))
    row = s.get(PanelConclusion, app_id)
    if row is not None and expected_version is not None and row.version != expected_version:
        raise ConclusionConflict(_conflict_message(app_id))
    before = None if row is None else {"recommendation": row.recommendation, "comment": row.comment,
                                       "recommended_amount": row.recommended_amount}
    if row is None:
        row = PanelConclusion(application_id=app_id, comment=compose_comment(rows, settings),
                              recommendation=majority(rows) or "", chair=chair)
        s.add(row)
    if comment is not None:
        row.comment = comment.strip()
    if recommendation is not None:
        row.recommendation = recommendation
    if value is not None:
        row.recommended_amount = value
    if row.recommendation == "不推荐":
        row.recommended_amount = Decimal("0.00")
    row.chair = chair
    row.source_hashes = [r.sha256 for r in rows]
    try:
        s.flush()
    except StaleDataError:
        raise ConclusionConflict(_conflict_message(app_id)) from None
    audit.record(s, actor, "panel.conclusion", "application", app_id, before,
                 {"recommendation": row.recommendation, "comment": row.comment,
                  "recommended_amount": row.recommended_amount,
                  "source_hashes": row.source_hashes})
    return row


def _conflict_message(app_id: str) -> str:
    return (f"{app_id} 的综合意见已被他人修改，未覆盖；请重新载入 / someone else changed the panel "
            "conclusion since it was loaded; nothing was overwritten — reload and edit again")


def _pages(ws: Workspace | None, row: PanelOpinion) -> int:
    if ws is None or not row.stored_path:
        return 0
    try:
        import pymupdf

        with pymupdf.open(ws.path / row.stored_path) as doc:
            return int(doc.page_count)
    except Exception:  # noqa: BLE001 — the count is decoration; the hash proves the file
        return 0


def build_panel(s: Session, app_id: str, chair: str, settings: PanelSettings | None = None,
                ws: Workspace | None = None, today: date | None = None) -> PanelDraft:
    settings = settings or PanelSettings()
    app, rows = _active(s, app_id)
    conclusion = s.get(PanelConclusion, app_id)
    problems: list[str] = []
    q = quantum(settings.places)

    first_data = rows[0].data or {}
    crit_meta = {c["key"]: c for c in first_data.get("criteria", [])}
    keys = list(crit_meta) + sorted({k for r in rows for k in r.scores} - set(crit_meta))
    criteria: list[Criterion] = []
    for key in keys:
        values = [(r.reviewer, D(r.scores[key])) for r in rows if key in r.scores]
        st = describe([v for _, v in values], settings.trim_min_reviewers)
        meta = crit_meta.get(key, {})
        criteria.append(Criterion(
            key=key, name=str(meta.get("name", key)),
            score=round_for_display(st.value(settings.method), q),
            max_score=D(meta["max_score"]) if meta.get("max_score") else None,
            weight=D(meta["weight"]) if meta.get("weight") else None,
            comment="；".join(f"{who} {format(v, 'f')}" for who, v in values)
            + f"（极差 {st.range}）"))
    totals = describe([D(r.total) for r in rows if r.total is not None],
                      settings.trim_min_reviewers)
    score = round_for_display(totals.value(settings.method), q)

    recommendation = (conclusion.recommendation if conclusion and conclusion.recommendation
                      else majority(rows))
    if not recommendation:
        problems.append("专家意见未形成多数，须由组长确定综合意见（--recommendation）/ no majority "
                        "among the members: the chair must choose the recommendation")
    amounts = [r.recommended_amount for r in rows if r.recommended_amount is not None]
    if conclusion is not None and conclusion.recommended_amount is not None:
        amount: Decimal | None = conclusion.recommended_amount
    else:
        amount = _median_down(amounts) if amounts else app.computed_subsidy
    if recommendation == "不推荐":
        amount = Decimal("0.00")
    comment = conclusion.comment if conclusion else compose_comment(rows, settings)

    docs = [DocumentRef(f"{OPINION_KIND_LABEL}（{r.reviewer}）{Path(r.source_name).name}",
                        OPINION_KIND_LABEL, _pages(ws, r), r.sha256) for r in rows]
    data = OpinionData(
        kind="panel", application_id=app.id, applicant_name=app.applicant_name,
        applicant_uscc=app.applicant_uscc, policy_id=app.policy_id,
        policy_name=str(first_data.get("application", {}).get("policy_name", "")),
        direction=app.direction, documents=docs, rubric_id=rows[0].rubric_id,
        rubric_version=rows[0].rubric_version,
        rubric_note=("各项得分为评审组汇总值（" + settings.method + "），评语列出各专家分数。"
                     + str(first_data.get("rubric", {}).get("note", ""))),
        criteria=criteria, total=score, recommendation=recommendation or "",
        computed_subsidy=app.computed_subsidy, recommended_subsidy=amount,
        recommendation_reason="", coi_declared=True,
        coi_text="评审组组长声明：与申报单位及其算力供应方不存在利益冲突；各专家的声明见所列个人意见。",
        reviewer=chair, review_date=today or date.today(), comment=comment,
    )
    panel_json = {
        "schema": PANEL_SCHEMA, "schema_version": 1, "application_id": app.id,
        "method": settings.method, "score": str(score),
        "total": totals.display(settings.places),
        "opinions": [{"reviewer": r.reviewer, "sha256": r.sha256, "signer": r.signer,
                      "cert_sha256": r.cert_sha256, "total": r.total,
                      "recommendation": r.recommendation,
                      "recommended_amount": None if r.recommended_amount is None
                      else fmt(r.recommended_amount)} for r in rows],
    }
    return PanelDraft(data, panel_json, [r.sha256 for r in rows], problems)


def embed_plain(pdf: bytes, att: Any) -> bytes:
    """Add one embedded file (name tree only, no /AF) in an incremental update."""
    import io

    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    ef = embed.EmbeddedFileObject.from_file_data(writer, att.data, mime_type=att.mime_type)
    embed.embed_file(writer, embed.FileSpec(file_spec_string=att.name, file_name=att.name,
                                            embedded_data=ef, description=att.description))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass
class ExportedPanel:
    application_id: str
    path: Path
    sha256: str
    signed: bool
    signer: str = ""


def _audit_anchor(s: Session) -> dict[str, Any]:
    from slq_desk import audit

    return audit.anchor(s)


def export_panel_opinion(ws: Workspace, app_id: str, out: Path, identity: Any | None, *,
                         chair: str | None = None, settings: PanelSettings | None = None,
                         replace: bool = False) -> ExportedPanel:
    """Render, sign (or mark 草稿 without an identity), write atomically, record."""
    from slq_desk.models.schema import Opinion
    from slq_desk.models.types import utcnow
    from slq_desk.opinion.data import ATTACHMENT_NAME
    from slq_desk.opinion.export import write_atomically
    from slq_desk.opinion.layout import render
    from slq_desk.opinion.sign import Attachment, SignRequest, finalise

    if out.exists() and not replace:
        raise BadInput(f"{out} 已存在，未覆盖 / {out} already exists; nothing was overwritten "
                       "(use --force to replace)")
    name = chair or (identity.info.name if identity is not None else ws.actor)
    with ws.session() as s:
        draft = build_panel(s, app_id, name, settings, ws)
        draft.data.audit_anchor = _audit_anchor(s)  # the audit chain head, signed with it
        if identity is not None and draft.problems:
            raise BadInput("综合意见尚不能签署 / the panel opinion cannot be signed yet:\n  - "
                           + "\n  - ".join(draft.problems))
        if identity is not None:
            draft.data.reviewer_organisation = identity.info.organisation
            draft.data.cert_sha256 = identity.info.cert_sha256
        rendered = render(draft.data, draft=identity is None)
        # sign.finalise cannot embed two files in one update yet (its /AF handling breaks
        # on the second), so panel.json goes in an incremental update of its own first; the
        # signature that follows covers it like every other byte.
        with_panel = embed_plain(rendered.pdf, Attachment(
            PANEL_ATTACHMENT, json.dumps(draft.panel_json, ensure_ascii=False,
                                         indent=2).encode("utf-8"),
            description="评审组汇总数据 (panel statistics and sources)"))
        pdf = finalise(with_panel, SignRequest(
            box=rendered.signature_box,
            attachments=(Attachment(ATTACHMENT_NAME, draft.data.json_bytes()),),
            identity=identity, reason="评审组综合意见签署", signer_label=name))
        digest = hashlib.sha256(pdf).hexdigest()
        row = Opinion(application_id=app_id, review_id=None, kind="panel",
                      file_path=str(out.resolve()), sha256=digest,
                      signature_status="signed" if identity is not None else "unsigned",
                      signer=identity.info.name if identity is not None else "",
                      signed_at=utcnow() if identity is not None else None)
        s.add(row)
        s.flush()
        audit.record(s, ws.actor, "panel.opinion.sign" if identity is not None
                     else "panel.opinion.draft", "application", app_id, None,
                     {"opinion_id": row.id, "sha256": digest, "file": str(out.resolve()),
                      "source_hashes": draft.source_hashes})
        write_atomically(out, pdf, replace)
    return ExportedPanel(app_id, out, digest, identity is not None,
                         identity.info.name if identity is not None else "")
