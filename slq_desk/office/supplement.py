"""补正 round trip: corrected materials imported into an existing application as a new version.

``import_supplement`` reads the package like an import (safe unpack, worker process), then in
one transaction:

- records version 1 (the original package) if not yet recorded, then version n+1;
- a file identical to one already held is left as it is (unchanged);
- a file with the name of one already held (ignoring a leading number such as ``06-`` and the
  extension) *replaces* it: the old document leaves the application's current set together
  with the findings read from it, its original bytes stay in the blob store and in the
  version's file list, so the earlier package can always be shown again;
- any other file is *added*.

Then the 初审 checks and the calculation run again, the 查重 index and findings are refreshed,
and the result says what changed: files added / replaced / unchanged, findings closed by the
补正, findings that remain, findings new since, and the subsidy before and after. The same diff
is kept on the version row (``PackageVersion.changes``) for the GUI to show.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.ingest.hashing import package_fingerprint, sha256_bytes
from slq_desk.ingest.limits import DEFAULT_LIMITS, Limits
from slq_desk.ingest.manifest import MANIFEST_NAME
from slq_desk.ingest.unpack import read_package
from slq_desk.models.office import PackageVersion
from slq_desk.models.schema import Application, Document, Finding
from slq_desk.money import fmt
from slq_desk.office import status as wf

# A 补正 is taken while the application is still in 初审.
OPEN_STATUSES = (wf.PENDING, wf.SUPPLEMENTING)
_NUMBER_PREFIX = re.compile(r"^\d{1,3}[-_.\s]+")


def name_key(name: str) -> str:
    """``06-发票-2.pdf`` and ``发票-2.PDF`` name the same material."""
    stem = Path(name).name
    stem = stem[: -len(Path(stem).suffix)] if Path(stem).suffix else stem
    return _NUMBER_PREFIX.sub("", stem).strip().lower()


@dataclass
class FindingState:
    code: str
    severity: str
    message_zh: str
    stage: str
    file: str = ""

    @property
    def identity(self) -> tuple[str, str]:
        return (self.code, self.message_zh)

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "severity": self.severity, "message_zh": self.message_zh,
                "stage": self.stage, "file": self.file}


@dataclass
class SupplementResult:
    application_id: str
    version: int
    package_sha256: str
    created: bool = True  # False: this 补正 package was imported before
    added: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (old name, new name)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    closed: list[FindingState] = field(default_factory=list)
    remaining: list[FindingState] = field(default_factory=list)
    new: list[FindingState] = field(default_factory=list)
    subsidy_before: str | None = None
    subsidy_after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "application_id": self.application_id, "version": self.version,
            "package_sha256": self.package_sha256, "created": self.created,
            "files": {"added": self.added,
                      "replaced": [{"old": o, "new": n} for o, n in self.replaced],
                      "unchanged": self.unchanged, "refused": self.refused},
            "findings": {"closed": [f.to_dict() for f in self.closed],
                         "remaining": [f.to_dict() for f in self.remaining],
                         "new": [f.to_dict() for f in self.new]},
            "subsidy": {"before": self.subsidy_before, "after": self.subsidy_after},
        }

    def text(self) -> str:
        if not self.created:
            return (f"此补正包已导入过，未重复导入 / this 补正 package was imported before "
                    f"(version {self.version} of {self.application_id})")
        head = (f"{self.application_id}：补正材料已导入为第 {self.version} 版 / "
                f"supplement imported as version {self.version}")
        lines = [head]
        for name in self.added:
            lines.append(f"  + 新增 added: {name}")
        for old, new in self.replaced:
            lines.append(f"  ~ 替换 replaced: {old} → {new}（原件保留 original kept）")
        for name in self.unchanged:
            lines.append(f"  = 未变 unchanged: {name}")
        for name in self.refused:
            lines.append(f"  ! 拒收 refused: {name}")
        lines.append(f"已解决的问题 / closed by the 补正 ({len(self.closed)}):")
        lines += [f"  ✓ {f.code}: {f.message_zh}" for f in self.closed] or ["  —"]
        lines.append(f"仍存在的问题 / remaining ({len(self.remaining)}):")
        lines += [f"  · [{f.severity}] {f.code}: {f.message_zh}" for f in self.remaining] or ["  —"]
        if self.new:
            lines.append(f"新出现的问题 / new since the 补正 ({len(self.new)}):")
            lines += [f"  ! [{f.severity}] {f.code}: {f.message_zh}" for f in self.new]
        lines.append(f"测算补贴 / subsidy: {self.subsidy_before or '—'} → {self.subsidy_after or '—'} 元")
        return "\n".join(lines)


def _findings(s: Session, app_id: str) -> list[FindingState]:
    names = dict(s.execute(select(Document.id, Document.original_name)
                           .where(Document.application_id == app_id)).all())
    return [FindingState(f.code, f.severity, f.message_zh, f.stage,
                         names.get(f.document_id, "") if f.document_id else "")
            for f in s.scalars(select(Finding).where(Finding.application_id == app_id)
                               .order_by(Finding.id))]


def _file_list(app: Application) -> list[dict[str, Any]]:
    return [{"name": d.original_name, "sha256": d.sha256, "kind": d.kind,
             "stored_path": d.stored_path, "size": d.size, "pages": d.pages}
            for d in app.documents]


def versions(ws: Any, app_id: str) -> list[dict[str, Any]]:
    """The application's package versions, oldest first (version 1 = the original import)."""
    with ws.session() as s:
        rows = s.scalars(select(PackageVersion).where(PackageVersion.application_id == app_id)
                         .order_by(PackageVersion.version)).all()
        return [{"version": v.version, "package": v.package_name, "sha256": v.package_sha256,
                 "imported_by": v.imported_by, "imported_at": v.imported_at.isoformat(),
                 "files": v.files, "changes": v.changes} for v in rows]


def _ensure_first_version(s: Session, app: Application) -> int:
    """The latest version number, recording the original import as version 1 if needed."""
    latest = s.scalar(select(func.max(PackageVersion.version))
                      .where(PackageVersion.application_id == app.id))
    if latest is not None:
        return int(latest)
    s.add(PackageVersion(application_id=app.id, version=1, package_name=app.package_name,
                         package_sha256=app.package_sha256, files=_file_list(app),
                         changes={"original": True}, imported_by="",
                         imported_at=app.created_at))
    s.flush()
    return 1


def import_supplement(ws: Any, path: str | os.PathLike[str], app_id: str,
                      limits: Limits = DEFAULT_LIMITS, reader: Any = None) -> SupplementResult:
    """Import the 补正 package at ``path`` into application ``app_id`` (see the module doc)."""
    from slq_desk.checks import dedup, run_checks
    from slq_desk.ingest.importer import add_document

    with ws.session() as s:
        app = s.get(Application, app_id)
        if app is None:
            raise BadInput(f"no application {app_id!r} in this workspace to add 补正 materials to")
        if wf.current(app.status) not in OPEN_STATUSES:
            raise BadInput(f"{app_id} is {wf.label(app.status)}; 补正 materials are taken while it "
                           f"is {'、'.join(wf.label(c) for c in OPEN_STATUSES)}")

    package = read_package(path, limits)
    files = [e for e in package.entries if e.name != MANIFEST_NAME]
    if not files and not package.refused:
        raise BadInput(f"{path}: the 补正 package holds no files")
    fingerprint = package_fingerprint([sha256_bytes(e.data) for e in package.entries])
    with ws.session() as s:
        known = s.scalars(select(PackageVersion).where(
            PackageVersion.application_id == app_id,
            PackageVersion.package_sha256 == fingerprint)).first()
        if known is not None and known.version > 1:
            return SupplementResult(app_id, known.version, fingerprint, created=False)

    own_reader = reader is None
    if reader is None:
        from slq_desk.ingest.worker import ParseWorker

        reader = ParseWorker(limits)
    try:
        reports = [reader.analyse(e.name, e.data) for e in files]
    finally:
        if own_reader:
            reader.close()

    with ws.session() as s:
        app = s.get(Application, app_id)
        assert app is not None
        findings_before = _findings(s, app_id)
        subsidy_before = fmt(app.computed_subsidy) if app.computed_subsidy is not None else None
        version = _ensure_first_version(s, app) + 1
        result = SupplementResult(app_id, version, fingerprint, subsidy_before=subsidy_before)
        held = {d.sha256 for d in app.documents}
        by_name = {name_key(d.original_name): d for d in app.documents}
        for entry, report in zip(files, reports, strict=True):
            if report.sha256 in held:
                result.unchanged.append(report.name)
                continue
            old = by_name.get(name_key(report.name))
            if old is not None:
                # The replaced file's own findings (unreadable, 大写≠小写 …) go with it.
                s.execute(delete(Finding).where(Finding.document_id == old.id,
                                                Finding.stage == "ingest"))
                audit.record(s, ws.actor, "document.replace", "document", old.id,
                             {"application": app_id, "name": old.original_name,
                              "sha256": old.sha256},
                             {"name": report.name, "sha256": report.sha256, "version": version})
                app.documents.remove(old)
                s.flush()
                result.replaced.append((old.original_name, report.name))
            else:
                result.added.append(report.name)
            add_document(ws, s, app_id, report, entry.data)
            held.add(report.sha256)
        for refusal in package.refused:
            result.refused.append(f"{refusal.name}: {refusal.message_zh}")
            s.add(Finding(application_id=app_id, code="entry_refused", severity="block",
                          message_zh=refusal.message_zh, message_en=refusal.message_en,
                          stage="ingest"))
        s.flush()
        s.refresh(app)
        s.add(PackageVersion(
            application_id=app_id, version=version, package_name=Path(package.source).name,
            package_sha256=fingerprint, files=_file_list(app),
            changes={"added": result.added,
                     "replaced": [{"old": o, "new": n} for o, n in result.replaced],
                     "unchanged": result.unchanged, "refused": result.refused},
            imported_by=ws.actor))
        audit.record(s, ws.actor, "application.supplement", "application", app_id, None, {
            "version": version, "package": Path(package.source).name,
            "package_sha256": fingerprint, "added": result.added,
            "replaced": [f"{o} → {n}" for o, n in result.replaced],
            "unchanged": result.unchanged, "refused": result.refused})
        dedup.index_application(s, app_id)

    report_after = run_checks(ws, app_id)
    dedup.refresh_findings(ws, [app_id])
    with ws.session() as s:
        after = _findings(s, app_id)
        before_ids = {f.identity for f in findings_before}
        after_ids = {f.identity for f in after}
        result.closed = [f for f in findings_before if f.identity not in after_ids]
        result.remaining = [f for f in after if f.identity in before_ids]
        result.new = [f for f in after if f.identity not in before_ids]
        result.subsidy_after = fmt(report_after.subsidy) if report_after.subsidy is not None else None
        row = s.scalars(select(PackageVersion).where(PackageVersion.application_id == app_id,
                                                     PackageVersion.version == version)).one()
        row.changes = {**row.changes, **result.to_dict()["findings"],
                       "subsidy": result.to_dict()["subsidy"]}
    return result
