"""Collect signed expert opinions into the chair's workspace: verify, refuse, store, list.

Each PDF is verified (signature over the whole file, embedded opinion data readable) before
anything is stored; an invalid one is refused with the verifier's reasons and the rest go on.
The same reviewer on the same application twice keeps the newer (later signing time, then
later review date, then later import) active and the older one ``superseded`` — both stay
listed. Opinions for applications the workspace does not hold are stored and listed as such,
never dropped: the chair may import the package later, or must ask where they came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.models.panel import ACTIVE, SUPERSEDED, PanelOpinion
from slq_desk.models.schema import Application, Document, ReviewerIdentity
from slq_desk.opinion.data import OpinionData
from slq_desk.opinion.verify import VerifyResult, verify_bytes
from slq_desk.panel.sources import SourceFile, read_sources
from slq_desk.workspace import Workspace


@dataclass(frozen=True)
class Refused:
    name: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ImportedOpinion:
    name: str
    sha256: str
    application_id: str
    reviewer: str
    total: str | None
    held: bool  # the workspace holds the application
    status: str  # active | superseded
    replaced: str | None = None  # sha256 of the opinion this one superseded (or was kept over)
    warnings: tuple[str, ...] = ()


@dataclass
class CollectReport:
    source: str
    imported: list[ImportedOpinion] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    already: list[tuple[str, str]] = field(default_factory=list)  # (name, sha256)

    @property
    def not_held(self) -> list[ImportedOpinion]:
        return [o for o in self.imported if not o.held]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "imported": [vars(o) | {"warnings": list(o.warnings)} for o in self.imported],
            "refused": [{"name": r.name, "reasons": list(r.reasons)} for r in self.refused],
            "already_imported": [{"name": n, "sha256": h} for n, h in self.already],
            "not_held": [o.application_id for o in self.not_held],
        }


def _newer(a: PanelOpinion, b: PanelOpinion) -> bool:
    """Is ``a`` the newer opinion of the two (signing time, then review date, then import)?"""
    def key(o: PanelOpinion) -> tuple[str, str, int]:
        return (o.signed_at.isoformat() if o.signed_at else "", o.review_date or "", o.id or 0)
    return key(a) > key(b)


def _warnings(s: Session, result: VerifyResult, data: OpinionData) -> list[str]:
    notes = list(result.warnings)
    known = list(s.scalars(select(ReviewerIdentity).where(ReviewerIdentity.name == data.reviewer)))
    if known and all(k.cert_sha256 != result.cert_sha256 for k in known):
        notes.append(f"{data.reviewer} 登记的证书指纹与本签名不同 / the certificate differs from "
                     f"the one registered for {data.reviewer}")
    elif not known and result.trusted is False:
        # Reviewers' certificates are often self-signed: the chair compares the fingerprint
        # with the one the reviewer gave in person, so print enough of it to compare.
        notes.append(f"证书未登记且未经信任链验证，请核对指纹 {result.cert_sha256[:16]}… / "
                     "unregistered certificate without a trusted chain: compare the fingerprint")
    app = s.get(Application, data.application_id)
    if app is not None:
        held = set(s.scalars(select(Document.sha256).where(Document.application_id == app.id)))
        listed = {d.sha256 for d in data.documents}
        if held and listed and not listed <= held:
            notes.append(f"意见所列 {len(listed - held)} 份材料不在本工作区的申报材料中 / "
                         f"{len(listed - held)} documents the opinion lists are not in this "
                         "workspace's package: the reviewer judged other files")
    return notes


def _refuse_reasons(result: VerifyResult) -> list[str]:
    if not result.valid:
        return result.reasons or ["验证未通过 / verification failed"]
    data = result.data
    if data is None:
        return ["没有可读的评审数据 / no readable opinion data"]
    if data.kind != "expert":
        return [f"不是专家评审意见（{data.title}）/ not an expert opinion (kind {data.kind})"]
    if data.coi_conflict or not data.coi_declared:
        return ["评审专家未声明无利益冲突 / the reviewer did not declare freedom from conflict"]
    if data.total is None or not data.criteria:
        return ["意见中没有评分 / the opinion carries no scores"]
    for amount in (data.recommended_subsidy, data.computed_subsidy):
        if amount is not None and (amount < 0 or amount != amount.quantize(Decimal("0.01"))):
            return [(f"金额 {amount} 不是精确到分的非负金额 / amount {amount} is not a "
                     "non-negative amount to the fen")]
    return []


def import_one(ws: Workspace, s: Session, source: SourceFile, report: CollectReport) -> None:
    if source.data is None:
        report.refused.append(Refused(source.name, (source.error,)))
        return
    digest = hashlib.sha256(source.data).hexdigest()
    if s.scalars(select(PanelOpinion.id).where(PanelOpinion.sha256 == digest)).first():
        report.already.append((source.name, digest))
        return
    if source.data.lstrip()[:5] != b"%PDF-":
        report.refused.append(Refused(source.name, ("不是 PDF 文件 / not a PDF file",)))
        return
    result = verify_bytes(source.data, source.name)
    reasons = _refuse_reasons(result)
    if reasons:
        report.refused.append(Refused(source.name, tuple(reasons)))
        audit.record(s, ws.actor, "panel.refuse", "panel_opinion", digest, None,
                     {"name": source.name, "reasons": reasons})
        return
    data = result.data
    assert data is not None and result.raw_data is not None
    notes = _warnings(s, result, data)
    stored = ws.store_blob(digest, source.data)
    row = PanelOpinion(
        sha256=digest, application_id=data.application_id, reviewer=data.reviewer,
        source_name=source.name, stored_path=ws.relative(stored), signer=result.signer,
        cert_sha256=result.cert_sha256, signed_at=_aware(result.signed_at),
        review_date=data.review_date.isoformat(), rubric_id=data.rubric_id,
        rubric_version=data.rubric_version,
        total=format(data.total, "f") if data.total is not None else None,
        scores={c.key: format(c.score, "f") for c in data.criteria},
        recommendation=data.recommendation,
        recommended_amount=_fen(data.recommended_subsidy),
        data=result.raw_data, warnings=notes, status=ACTIVE, imported_by=ws.actor,
    )
    s.add(row)
    s.flush()
    replaced: str | None = None
    earlier = list(s.scalars(select(PanelOpinion).where(
        PanelOpinion.application_id == row.application_id, PanelOpinion.reviewer == row.reviewer,
        PanelOpinion.status == ACTIVE, PanelOpinion.id != row.id)))
    for old in earlier:
        if _newer(row, old):
            old.status, old.superseded_by = SUPERSEDED, row.id
        else:
            row.status, row.superseded_by = SUPERSEDED, old.id
        replaced = old.sha256
    s.flush()
    held = s.get(Application, row.application_id) is not None
    audit.record(s, ws.actor, "panel.import", "panel_opinion", row.id, None,
                 {"sha256": digest, "application_id": row.application_id,
                  "reviewer": row.reviewer, "status": row.status, "held": held,
                  "replaced": replaced})
    report.imported.append(ImportedOpinion(
        name=source.name, sha256=digest, application_id=row.application_id,
        reviewer=row.reviewer, total=row.total, held=held, status=row.status,
        replaced=replaced, warnings=tuple(notes)))


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    from datetime import UTC

    return value.replace(tzinfo=UTC)  # pyHanko reports UTC; the column needs an aware time


def _fen(value: Decimal | None) -> Decimal | None:
    # Checked to the fen by _refuse_reasons; quantised so "300000" is stored as 300000.00.
    return None if value is None else value.quantize(Decimal("0.01"))


def import_opinions(ws: Workspace, path: Path) -> CollectReport:
    """Import every PDF under ``path`` (folder, .zip or one .pdf), one transaction per file
    so a failure on one never takes the others with it."""
    from sqlalchemy.exc import IntegrityError

    report = CollectReport(source=str(path))
    for source in read_sources(path):
        try:
            with ws.session() as s:
                import_one(ws, s, source, report)
        except IntegrityError:
            # Another client of a shared workspace stored the same file a moment ago (the
            # SHA-256 is unique): it is imported, just not by us.
            report.imported = [o for o in report.imported if o.name != source.name]
            digest = hashlib.sha256(source.data or b"").hexdigest()
            report.already.append((source.name, digest))
    return report


def opinions(s: Session, application_id: str | None = None,
             include_superseded: bool = True) -> list[PanelOpinion]:
    q = select(PanelOpinion).order_by(PanelOpinion.application_id, PanelOpinion.reviewer,
                                      PanelOpinion.id)
    if application_id is not None:
        q = q.where(PanelOpinion.application_id == application_id)
    if not include_superseded:
        q = q.where(PanelOpinion.status == ACTIVE)
    return list(s.scalars(q))


def held_ids(s: Session) -> set[str]:
    return set(s.scalars(select(Application.id)))
