"""Collect signed expert opinions into the chair's workspace: verify, refuse, store, list.

Each PDF is verified strictly (``opinion.verify``) before anything is stored; an invalid one is
refused with the verifier's reason codes and the rest go on. Once the chair has a roster
(``panel.roster``), only certificates on it are accepted and the reviewer is the roster entry
of the certificate, never the name inside the JSON; without one, the certificate's name must be
the JSON's and a reviewer's opinions must all come from one certificate. Scores are checked
against the rubric's scale and the total recomputed. The same reviewer on the same application
twice keeps the higher version (a number inside the signed data), then the later import,
active and the other ``superseded`` — both stay listed; the signer's clock decides nothing.
Opinions for applications the workspace does not hold are stored and listed as such, never
dropped: the chair may import the package later, or must ask where they came from.
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
from slq_desk.opinion.reasons import Refusal
from slq_desk.opinion.scores import score_refusals
from slq_desk.opinion.verify import VerifyResult, verify_bytes
from slq_desk.panel.roster import roster_in, roster_refusals
from slq_desk.panel.sources import SourceFile, read_sources
from slq_desk.workspace import Workspace


@dataclass(frozen=True)
class Refused:
    name: str
    reasons: tuple[str, ...]
    codes: tuple[str, ...] = ()


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
            "refused": [{"name": r.name, "reasons": list(r.reasons), "codes": list(r.codes)}
                        for r in self.refused],
            "already_imported": [{"name": n, "sha256": h} for n, h in self.already],
            "not_held": [o.application_id for o in self.not_held],
        }


def _version(o: PanelOpinion) -> int:
    v = (o.data or {}).get("version", 1)
    return v if isinstance(v, int) and not isinstance(v, bool) else 1


def _newer(a: PanelOpinion, b: PanelOpinion) -> bool:
    """Is ``a`` the newer opinion of the two? The version inside the signed data, then the
    import order; never the signer's clock (/M), which the signer sets."""
    return (_version(a), a.id or 0) > (_version(b), b.id or 0)


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


def _refusals(s: Session, result: VerifyResult, roster: dict[str, Any]) -> list[Refusal]:
    """Every reason to refuse: the verifier's, then the roster's and the data's (all of them,
    so the chair sees the whole story of a forged file, each reason once)."""
    found = list(result.refusals)
    if not result.valid and not found:
        found.append(Refusal("SIGNATURE_UNVERIFIABLE"))
    if roster and result.cert_sha256:
        found += roster_refusals(result, roster)
    data = result.data
    if data is None:
        return _unique(found or [Refusal("DATA_MISSING")])
    if data.kind != "expert":
        return _unique([*found, Refusal("NOT_EXPERT_OPINION", f"{data.title} ({data.kind})")])
    if not roster and result.cert_sha256:
        other = s.scalars(select(PanelOpinion).where(
            PanelOpinion.application_id == data.application_id,
            PanelOpinion.reviewer == data.reviewer,
            PanelOpinion.cert_sha256 != result.cert_sha256)).first()
        if other is not None:
            found.append(Refusal("CERT_CONFLICT", f"{data.reviewer}: {other.cert_sha256[:16]}… "
                                                  f"≠ {result.cert_sha256[:16]}…"))
    if data.coi_conflict or not data.coi_declared:
        found.append(Refusal("NO_COI_DECLARATION"))
    if data.total is None or not data.criteria:
        found.append(Refusal("NO_SCORES"))
    else:
        found += score_refusals(data)
    for amount in (data.recommended_subsidy, data.computed_subsidy):
        if amount is not None and (amount < 0 or amount != amount.quantize(Decimal("0.01"))):
            found.append(Refusal("BAD_AMOUNT", str(amount)))
    return _unique(found)


def _unique(found: list[Refusal]) -> list[Refusal]:
    return list(dict.fromkeys(found))


def _refuse(ws: Workspace, s: Session, report: CollectReport, name: str, digest: str,
            refusals: list[Refusal]) -> None:
    report.refused.append(Refused(name, tuple(r.text() for r in refusals),
                                  tuple(r.code for r in refusals)))
    audit.record(s, ws.actor, "panel.refuse", "panel_opinion", digest, None,
                 {"name": name, "codes": [r.code for r in refusals],
                  "reasons": [r.text() for r in refusals]})


def import_one(ws: Workspace, s: Session, source: SourceFile, report: CollectReport) -> None:
    if source.data is None:
        refusal = Refusal("SOURCE_UNREADABLE", source.error)
        report.refused.append(Refused(source.name, (source.error,), (refusal.code,)))
        return
    digest = hashlib.sha256(source.data).hexdigest()
    if s.scalars(select(PanelOpinion.id).where(PanelOpinion.sha256 == digest)).first():
        report.already.append((source.name, digest))
        return
    if source.data.lstrip()[:5] != b"%PDF-":
        _refuse(ws, s, report, source.name, digest, [Refusal("NOT_PDF")])
        return
    roster = roster_in(s)
    result = verify_bytes(source.data, source.name, reviewer_from_certificate=not roster)
    refusals = _refusals(s, result, roster)
    if refusals:
        _refuse(ws, s, report, source.name, digest, refusals)
        return
    data = result.data
    assert data is not None and result.raw_data is not None
    notes = _warnings(s, result, data)
    stored = ws.store_blob(digest, source.data)
    # The reviewer is the roster's name for this certificate (equal to the JSON's, checked).
    reviewer = roster[result.cert_sha256].name if roster else data.reviewer
    row = PanelOpinion(
        sha256=digest, application_id=data.application_id, reviewer=reviewer,
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
                  "version": _version(row), "cert_sha256": row.cert_sha256,
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
    # Checked to the fen by _refusals; quantised so "300000" is stored as 300000.00.
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
