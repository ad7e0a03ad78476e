"""The panel roster: which certificate belongs to which panel member (the trust anchor).

The chair registers each member's certificate (exported with ``slq-desk identity show
--cert-out F.pem`` and handed over in person or on paper, fingerprint compared). Import then
trusts the roster, never a name inside signed data. Plain functions over a ``Workspace`` so the
CLI, the GUI (through the desk service) and the tests call the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.panel import RosterEntry
from slq_desk.opinion.reasons import Refusal
from slq_desk.opinion.strict import certificate_refusals
from slq_desk.opinion.trust import read_certificates
from slq_desk.opinion.verify import VerifyResult
from slq_desk.workspace import Workspace


@dataclass(frozen=True)
class Member:
    """A roster entry as plain data (no session needed to read it)."""

    name: str
    organisation: str
    cert_sha256: str
    subject: str
    not_after: datetime | None

    def to_json(self) -> dict[str, str | None]:
        return {"name": self.name, "organisation": self.organisation,
                "cert_sha256": self.cert_sha256, "subject": self.subject,
                "not_after": self.not_after.isoformat() if self.not_after else None}


def _member(row: RosterEntry) -> Member:
    return Member(row.name, row.organisation, row.cert_sha256, row.subject, row.not_after)


def _one_certificate(path: Path) -> x509.Certificate:
    certs = read_certificates(path)
    if len(certs) != 1:
        raise BadInput(f"{path} 含 {len(certs)} 张证书，请只给出成员本人的证书 / holds "
                       f"{len(certs)} certificates: give the member's own certificate only")
    return certs[0]


def add_member(ws: Workspace, name: str, cert_file: Path, organisation: str = "") -> Member:
    """Register ``cert_file`` as ``name``'s certificate. A certificate unfit for signing
    (expired, weak key, wrong KeyUsage) is refused here already."""
    name = name.strip()
    if not name or len(name) > 200:
        raise BadInput("成员姓名必填（不超过200字）/ a member name is required (--name)")
    cert = _one_certificate(cert_file)
    problems = certificate_refusals(cert, None)
    if problems:
        raise BadInput("证书不能用于签署意见 / the certificate cannot sign opinions: "
                       + "; ".join(p.text() for p in problems))
    digest = cert.fingerprint(hashes.SHA256()).hex()
    if not organisation:
        orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        organisation = str(orgs[0].value) if orgs else ""
    with ws.session() as s:
        existing = s.scalars(select(RosterEntry).where(RosterEntry.cert_sha256 == digest)).first()
        if existing is not None:
            raise BadInput(f"该证书已登记为 {existing.name} / this certificate is already on the "
                           f"roster as {existing.name}")
        row = RosterEntry(name=name, organisation=organisation, cert_sha256=digest,
                          subject=cert.subject.rfc4514_string(),
                          cert_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                          not_after=cert.not_valid_after_utc.astimezone(UTC), added_by=ws.actor)
        s.add(row)
        s.flush()
        audit.record(s, ws.actor, "panel.roster.add", "panel_roster", digest, None,
                     {"name": name, "organisation": organisation, "cert_sha256": digest})
        return _member(row)


def enrol(ws: Workspace, members: list[tuple[str, Path, str]]) -> list[Member]:
    """Put drawn panel members' certificates on the roster (name, certificate file,
    organisation); a certificate already there is left as it is. The draw is where the chair
    first holds each member's certificate, so from then on ``panel import`` trusts only them."""
    with ws.session() as s:
        known = set(roster_in(s))
    added = []
    for name, cert_file, organisation in members:
        digest = _one_certificate(cert_file).fingerprint(hashes.SHA256()).hex()
        if digest not in known:
            added.append(add_member(ws, name, cert_file, organisation))
            known.add(digest)
    return added


def list_members(ws: Workspace) -> list[Member]:
    with ws.session() as s:
        return [_member(r) for r in s.scalars(select(RosterEntry).order_by(RosterEntry.name,
                                                                          RosterEntry.id))]


def remove_member(ws: Workspace, which: str) -> list[Member]:
    """Remove by fingerprint (or its first 12+ hex digits) or by name; an ambiguous or
    unknown key is bad input. Opinions already imported stay as they are."""
    key = which.strip().lower().replace(":", "")
    if not key:
        raise BadInput("请给出姓名或证书指纹 / give a name or a fingerprint")
    with ws.session() as s:
        rows = list(s.scalars(select(RosterEntry)))
        hit = [r for r in rows if r.cert_sha256 == key or
               (len(key) >= 12 and r.cert_sha256.startswith(key))] or \
              [r for r in rows if r.name == which.strip()]
        if not hit:
            raise BadInput(f"名册中没有 {which} / {which!r} is not on the roster")
        if len(hit) > 1:
            raise BadInput(f"{which} 对应多张证书，请用指纹指定 / {which!r} matches several "
                           "certificates: name one by its fingerprint")
        row = hit[0]
        gone = _member(row)
        s.delete(row)
        audit.record(s, ws.actor, "panel.roster.remove", "panel_roster", row.cert_sha256,
                     gone.to_json(), None)
        return [gone]


def roster_in(s: Session) -> dict[str, RosterEntry]:
    """The roster by certificate fingerprint, within a caller's session (import uses it)."""
    return {r.cert_sha256: r for r in s.scalars(select(RosterEntry))}


def roster_refusals(result: VerifyResult, roster: dict[str, RosterEntry]) -> list[Refusal]:
    """With a roster: the signing certificate must be on it, and the data must name the
    roster's holder of that certificate."""
    entry = roster.get(result.cert_sha256)
    if entry is None:
        return [Refusal("NOT_ON_ROSTER", f"{result.signer} SHA-256 {result.cert_sha256[:16]}…")]
    data = result.data
    if data is not None and data.kind == "expert" and data.reviewer != entry.name:
        return [Refusal("REVIEWER_MISMATCH", f"数据 / data: {data.reviewer}; "
                                             f"名册 / roster: {entry.name}")]
    return []
