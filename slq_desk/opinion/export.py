"""Export one opinion from a workspace: build, lay out, sign (or mark as draft), write, record.

The file is written next to its destination and renamed into place, so an interrupted export
never leaves half a PDF under the real name, and an existing file is kept unless the caller
says to replace it. Each export is an ``Opinion`` row and an audit event in one transaction.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.opinion.build import Built, ReviewIncomplete, build
from slq_desk.opinion.data import ATTACHMENT_NAME
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.opinion.layout import render
from slq_desk.opinion.sign import DEFAULT_LOCATION, DEFAULT_REASON, Attachment, SignRequest, finalise
from slq_desk.workspace import Workspace


@dataclass
class Exported:
    application_id: str
    path: Path
    sha256: str
    signed: bool
    signer: str = ""
    notes: list[str] = field(default_factory=list)


def write_atomically(path: Path, data: bytes, replace: bool) -> None:
    if path.exists() and not replace:
        raise BadInput(f"{path} already exists; nothing was overwritten (use --force to replace)")
    if path.exists() and path.is_dir():
        raise BadInput(f"{path} is a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def export_opinion(ws: Workspace, application_id: str, out: Path,
                   identity: LoadedIdentity | None, *, reviewer: str | None = None,
                   replace: bool = False, reason: str = DEFAULT_REASON,
                   location: str = DEFAULT_LOCATION, actor: str | None = None) -> Exported:
    """Sign with ``identity``; without one, write an unsigned draft marked 草稿.

    A reviewer signs their own review: without ``reviewer``, the review whose reviewer is the
    certificate's name is the one signed.
    """
    if out.exists() and not replace:
        raise BadInput(f"{out} already exists; nothing was overwritten (use --force to replace)")
    if reviewer is None and identity is not None:
        reviewer = identity.info.name
    with ws.session() as s:
        built: Built = build(s, application_id, reviewer)
        if identity is not None and built.problems:
            raise ReviewIncomplete(
                f"申报 {application_id} 的评审尚未完成，不能签署 / the review of "
                f"{application_id} cannot be signed yet:\n  - " + "\n  - ".join(built.problems))
        data = built.data
        data.audit_anchor = audit.anchor(s)
        notes = list(built.notes)
        if identity is not None:
            data.reviewer_organisation = identity.info.organisation
            data.cert_sha256 = identity.info.cert_sha256
            data.version = next_version(s, built.review_id)
            if identity.info.name and identity.info.name != data.reviewer:
                notes.append(f"证书姓名（{identity.info.name}）与评审记录中的评审专家"
                             f"（{data.reviewer}）不同，验证与评审组导入将拒绝此文件 / "
                             "certificate name differs from the reviewer on the review: "
                             "verify and panel import will refuse this file")
        rendered = render(data, draft=identity is None)
        pdf = finalise(rendered.pdf, SignRequest(
            box=rendered.signature_box,
            attachments=(Attachment(ATTACHMENT_NAME, data.json_bytes()),),
            identity=identity, reason=reason, location=location,
        ))
        digest = hashlib.sha256(pdf).hexdigest()
        # Recorded first, written last: a failed write rolls the record back with it.
        _record(ws, s, built, out, digest, identity, actor)
        write_atomically(out, pdf, replace)
    return Exported(application_id=application_id, path=out, sha256=digest,
                    signed=identity is not None,
                    signer=identity.info.name if identity else "", notes=notes)


def next_version(s: Session, review_id: int) -> int:
    """The version number the next signed export of this review carries: one more than the
    signed exports recorded so far. It lives inside the signed data, so a panel decides which
    of two opinions is newer without trusting the signer's clock."""
    from sqlalchemy import func, select

    from slq_desk.models.schema import Opinion

    done = s.scalar(select(func.count(Opinion.id)).where(
        Opinion.review_id == review_id, Opinion.kind == "expert",
        Opinion.signature_status == "signed"))
    return int(done or 0) + 1


def _record(ws: Workspace, s: Session, built: Built, out: Path, digest: str,
            identity: LoadedIdentity | None, actor: str | None = None) -> None:
    from sqlalchemy import select

    from slq_desk.models.schema import Application, Opinion, ReviewerIdentity
    from slq_desk.models.types import utcnow

    signed = identity is not None
    if identity is not None:
        # The panel maps certificate fingerprints to reviewers; the key file's path stays
        # private to the reviewer's machine.
        known = s.scalars(select(ReviewerIdentity).where(
            ReviewerIdentity.cert_sha256 == identity.info.cert_sha256)).first()
        if known is None:
            s.add(ReviewerIdentity(name=identity.info.name,
                                   organisation=identity.info.organisation,
                                   cert_sha256=identity.info.cert_sha256,
                                   cert_subject=identity.info.subject))
    row = Opinion(
        application_id=built.data.application_id, review_id=built.review_id, kind="expert",
        file_path=str(out.resolve()), sha256=digest,
        signature_status="signed" if signed else "unsigned",
        signer=identity.info.name if identity else "",
        signed_at=utcnow() if signed else None,
    )
    s.add(row)
    app = s.get(Application, built.data.application_id)
    before = app.status if app else None
    if signed and app is not None:
        # A signed opinion is the expert's review done: 已评审 (migration 0008 maps the old
        # "signed" status onto it too).
        app.status = "reviewed"
    s.flush()
    # Who signed is the person named in the certificate, not the machine's login name.
    who = actor or (identity.info.name if identity is not None else "") or ws.actor
    audit.record(s, who, "opinion.sign" if signed else "opinion.draft", "application",
                 built.data.application_id, {"status": before},
                 {"status": app.status if app else None, "opinion_id": row.id, "sha256": digest,
                  "file": str(out.resolve()),
                  "cert_sha256": identity.info.cert_sha256 if identity else None})


def default_name(application_id: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in application_id)
    return f"{safe}-评审意见.pdf"
