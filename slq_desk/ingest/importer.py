"""Import a submission package into a workspace: documents, fields, findings, audit events.

``import_package`` is the one entry point the CLI (`slq-desk import`), the demo workspace and
the GUI call. Files are read in a worker process (``ParseWorker``) before any database work,
then everything is written in one transaction with its audit events: either the whole
package is recorded or nothing is. A package already imported (same package fingerprint) is
recognised and not recorded twice.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.extract.evidence import Field, FindingData, bbox_strings
from slq_desk.extract.packed import PACK_AT, PackedItems
from slq_desk.ingest.analyse import FileReport
from slq_desk.ingest.hashing import package_fingerprint, sha256_bytes
from slq_desk.ingest.limits import DEFAULT_LIMITS, Limits
from slq_desk.ingest.manifest import MANIFEST_NAME, Manifest, parse_manifest
from slq_desk.ingest.unpack import Refusal, read_package
from slq_desk.models.schema import (
    Application,
    Document,
    DocumentItemChunk,
    ExtractedField,
    Finding,
)
from slq_desk.resources import resource_path
from slq_desk.workspace import Workspace

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class Reader(Protocol):
    def analyse(self, name: str, data: bytes,
                on_page: Callable[[int, int], None] | None = None) -> FileReport: ...

    def analyse_as(self, name: str, data: bytes, kind: str | None,
                   on_page: Callable[[int, int], None] | None = None) -> FileReport: ...

    def close(self) -> None: ...


@dataclass
class ImportResult:
    application_id: str
    created: bool  # False: the same package was imported before; nothing was added
    package_sha256: str
    policy_id: str
    documents: int = 0
    findings: int = 0
    blocking: int = 0
    refused: list[Refusal] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)

    def summary(self) -> str:
        if not self.created:
            return (f"已导入过，未重复导入 / already imported as {self.application_id} "
                    f"(package {self.package_sha256[:12]})")
        refused = f", {len(self.refused)} refused" if self.refused else ""
        return (f"{self.application_id} ({self.policy_id}): {self.documents} documents, "
                f"{self.findings} findings ({self.blocking} blocking){refused}")

    def as_json(self) -> dict[str, object]:
        return {
            "application_id": self.application_id,
            "created": self.created,
            "already_imported": not self.created,
            "package_sha256": self.package_sha256,
            "policy": self.policy_id,
            "documents": self.documents,
            "findings": self.findings,
            "blocking": self.blocking,
            "refused": [{"name": r.name, "reason": r.code, "message_zh": r.message_zh,
                         "message_en": r.message_en} for r in self.refused],
            "files": [{"file": r.name, "sha256": r.sha256, "kind": r.kind,
                       "confidence": r.confidence, "readable": r.readable, "pages": r.pages,
                       "findings": [f.code for f in r.findings]} for r in self.reports],
        }


def known_policies() -> list[str]:
    folder = resource_path("policies")
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def import_package(ws: Workspace, path: str | os.PathLike[str], policy: str | None = None,
                   limits: Limits = DEFAULT_LIMITS, reader: Reader | None = None,
                   application_id: str | None = None,
                   progress: Callable[[int, int, str], None] | None = None) -> ImportResult:
    """Import the folder or zip at ``path``; raise BadInput if it cannot be imported at all.

    ``reader`` lets a caller share one worker process across packages (``ParseWorker``) or
    read trusted files in-process (``InlineReader``); ``progress(done, total, file_name)`` is
    called as each file has been read, for a progress bar, and after each scanned page read
    by OCR (``done`` still counting the files finished, the page in ``file_name``). Raising
    from it cancels the import: nothing is written.
    """
    own_reader = reader is None
    if reader is None:
        from slq_desk.extract.ocr import CACHE_DIR
        from slq_desk.ingest.worker import ParseWorker

        # Starts while the package is unpacked and hashed; OCR results cached in the workspace.
        reader = ParseWorker(limits, ocr_cache=ws.path / CACHE_DIR)
    try:
        return _import(ws, path, policy, limits, reader, application_id, progress)
    finally:
        if own_reader:
            reader.close()


def _import(ws: Workspace, path: str | os.PathLike[str], policy: str | None, limits: Limits,
            reader: Reader, application_id: str | None,
            progress: Callable[[int, int, str], None] | None) -> ImportResult:
    package = read_package(path, limits)
    manifest_entry = package.entry(MANIFEST_NAME)
    manifest = parse_manifest(manifest_entry.data) if manifest_entry else Manifest()
    hashes = [sha256_bytes(e.data) for e in package.entries]
    fingerprint = package_fingerprint(hashes)

    with ws.session() as s:
        existing = s.scalars(select(Application).where(
            Application.package_sha256 == fingerprint)).first()
        if existing is not None:
            return ImportResult(existing.id, False, fingerprint, existing.policy_id,
                                documents=len(existing.documents))

    policy_id = _policy(policy, manifest)
    files = [e for e in package.entries if e.name != MANIFEST_NAME]
    remembered = _relabels(ws, hashes)
    reports: list[FileReport] = []
    for n, entry in enumerate(files, 1):
        on_page = None if progress is None else _page_progress(progress, n, len(files), entry.name)
        known = remembered.get(sha256_bytes(entry.data))
        if known is None:
            reports.append(reader.analyse(entry.name, entry.data, on_page))
        else:
            # A person relabelled this very file before: read it as that kind, and say so.
            report = reader.analyse_as(entry.name, entry.data, known[0], on_page)
            report.kind_source = known[1]
            report.kind_reason = (f"同一文件（SHA-256 相同）此前由{known[1].partition(':')[2]}"
                                  f"人工认定为此类 / relabelled by a person before")
            reports.append(report)
        if progress is not None:
            progress(n, len(files), entry.name)

    result = ImportResult("", True, fingerprint, policy_id, refused=list(package.refused),
                          reports=reports)
    with ws.session() as s:
        app_id = _application_id(s, application_id, package.name, policy_id, fingerprint)
        result.application_id = app_id
        name, uscc = _applicant(manifest, reports)
        app = Application(id=app_id, policy_id=policy_id, applicant_name=name,
                          applicant_uscc=uscc, direction=manifest.direction or _direction(reports),
                          claimed_at=manifest.claimed_at, status="pending_check",
                          package_name=Path(package.source).name, package_sha256=fingerprint)
        s.add(app)
        s.flush()
        audit.record(s, ws.actor, "application.import", "application", app_id, None, {
            "policy": policy_id, "package": Path(package.source).name,
            "package_sha256": fingerprint, "files": len(files),
            "refused": [f"{r.name}: {r.code}" for r in package.refused]})
        earlier = s.scalars(select(Application.id).where(
            Application.package_name == Path(package.source).name, Application.id != app_id)).all()
        if earlier:
            _finding(s, app_id, None, FindingData(
                "package_resubmitted", "info",
                f"同名申报包此前已导入为 {', '.join(earlier)}，本次内容不同，作为新申报记录",
                f"a package of the same name was imported before as {', '.join(earlier)}; "
                "its content differs, so this is a new application"))
        for problem in manifest.problems:
            _finding(s, app_id, None, FindingData(
                "manifest_invalid", "warn", f"manifest.json 有误：{problem}", problem))
        if policy and manifest.policy and policy != manifest.policy:
            _finding(s, app_id, None, FindingData(
                "policy_overridden", "info",
                f"按指定政策 {policy} 导入（manifest.json 写的是 {manifest.policy}）",
                f"imported under {policy} as asked (manifest.json says {manifest.policy})"))
        for refusal in package.refused:
            _finding(s, app_id, None, FindingData(
                "entry_refused", "block", refusal.message_zh, refusal.message_en))
        seen: dict[str, str] = {}
        for entry, report in zip(files, reports, strict=False):
            if report.sha256 in seen:
                _finding(s, app_id, None, FindingData(
                    "duplicate_file", "info",
                    f"“{report.name}”与“{seen[report.sha256]}”内容完全相同，只记录一次",
                    f"'{report.name}' is byte-identical to '{seen[report.sha256]}'; kept once"))
                continue
            seen[report.sha256] = report.name
            _document(ws, s, app_id, report, entry.data)
            result.documents += 1
        s.flush()
        rows = s.scalars(select(Finding).where(Finding.application_id == app_id)).all()
        result.findings = len(rows)
        result.blocking = sum(1 for f in rows if f.severity == "block")
    # The 查重 index is brought up to date by the caller (checks.dedup.index_imported): the
    # checks layer sits above this one.
    return result


def _page_progress(progress: Callable[[int, int, str], None], n: int, total: int,
                   name: str) -> Callable[[int, int], None]:
    def on_page(page: int, pages: int) -> None:
        progress(n - 1, total, f"{name}（OCR {page}/{pages}）")

    return on_page


def _policy(policy: str | None, manifest: Manifest) -> str:
    chosen = policy or manifest.policy
    if not chosen:
        raise BadInput("the package has no manifest.json naming its policy; "
                       "say which policy it applies under (--policy ID)",
                       zh="申报包中没有注明所适用政策的 manifest.json，请选择适用的政策。")
    known = known_policies()
    if known and chosen not in known:
        raise BadInput(f"unknown policy {chosen!r}; known: {', '.join(known)}",
                       zh=f"未知的政策“{chosen}”；可用的政策：{'、'.join(known)}")
    return chosen


def _application_id(s: Session, wanted: str | None, package_name: str, policy_id: str,
                    fingerprint: str) -> str:
    if wanted:
        if s.get(Application, wanted) is not None:
            raise BadInput(f"application {wanted} already exists", zh=f"申报 {wanted} 已存在。")
        return wanted
    stem = PurePosixPath(package_name).stem if package_name.endswith(".zip") else package_name
    if _SLUG.match(stem) and s.get(Application, stem) is None:
        return stem
    return f"{policy_id}-{fingerprint[:10]}"


def _applicant(manifest: Manifest, reports: list[FileReport]) -> tuple[str, str]:
    """The manifest's word first; else what the documents say, most authoritative first."""
    name, uscc = manifest.applicant_name or "", manifest.applicant_uscc or ""
    sources = (("business_licence", "name", "uscc"), ("application_form", "applicant_name",
               "applicant_id"), ("contract", "buyer_name", "buyer_id"),
               ("invoice", "buyer_name", "buyer_id"))
    for kind, name_field, id_field in sources:
        for report in reports:
            if report.kind != kind:
                continue
            fields = report.extraction.fields
            if not name and name_field in fields:
                name = fields[name_field].value
            if not uscc and id_field in fields:
                uscc = fields[id_field].value
    return name[:200], uscc[:32]


def _relabels(ws: Workspace, hashes: list[str]) -> dict[str, tuple[str, str]]:
    """sha256 → (kind, source) of files a person relabelled in any earlier application."""
    if not hashes:
        return {}
    with ws.session() as s:
        rows = s.execute(select(Document.sha256, Document.kind, Document.kind_source).where(
            Document.sha256.in_(set(hashes)), Document.kind_source.like("manual:%"))
            .order_by(Document.id)).all()
    return {sha: (kind, source) for sha, kind, source in rows}


def _direction(reports: list[FileReport]) -> int | None:
    """申报方向 as a form prints it (Beijing 附件14-2), when the manifest does not say."""
    for report in reports:
        found = report.extraction.fields.get("direction") if report.kind == "application_form" \
            else None
        if found is not None and found.value.isdigit():
            return int(found.value)
    return None


def _document(ws: Workspace, s: Session, app_id: str, report: FileReport, data: bytes) -> None:
    stored = ws.store_blob(report.sha256, data)  # the original bytes, always kept
    if report.display_pdf is not None:
        # OFD and XML: the viewer shows (and evidence boxes refer to) the PDF made from them.
        stored = ws.store_blob(sha256_bytes(report.display_pdf), report.display_pdf)
    doc = Document(application_id=app_id, sha256=report.sha256, kind=report.kind,
                   kind_confidence=report.confidence, kind_source=report.kind_source[:40],
                   kind_reason=report.kind_reason[:2000] or None,
                   original_name=report.name, stored_path=ws.relative(stored),
                   media_type=report.media_type, size=report.size, pages=report.pages,
                   readable=report.readable, error=report.error)
    s.add(doc)
    s.flush()
    write_fields(s, doc, report)
    for finding in report.findings:
        _finding(s, app_id, doc.id, finding)
    audit.record(s, ws.actor, "document.add", "document", doc.id, None, {
        "application": app_id, "name": report.name, "sha256": report.sha256,
        "kind": report.kind, "confidence": report.confidence, "readable": report.readable,
        "fields": len(report.extraction.fields), "items": report.extraction.item_count,
        "findings": [f.code for f in report.findings]})


def add_document(ws: Workspace, s: Session, app_id: str, report: FileReport, data: bytes) -> None:
    """Store one read file as a document of the application, with its fields, findings and
    audit event (the import and the 补正 import both add documents this way)."""
    _document(ws, s, app_id, report, data)


def write_fields(s: Session, doc: Document, report: FileReport) -> None:
    """The document's fields and item rows, inserted in one executemany. A document with
    thousands of item rows (a usage log of thousands of pages) keeps them as a compact table,
    a few chunk rows instead of a hundred thousand field rows (``extract/packed.py``)."""
    rows: list[dict[str, Any]] = []
    for name, f in report.extraction.fields.items():
        rows.append(_field_row(doc.id, name, None, f))
    items = report.extraction.all_items()
    if len(items) > PACK_AT:
        packed = items if isinstance(items, PackedItems) else PackedItems.pack(items)
        s.execute(insert(DocumentItemChunk), [
            {"document_id": doc.id, "chunk": n, "data": data,
             "rows": min(packed.chunk_rows, packed.size - n * packed.chunk_rows)}
            for n, data in enumerate(packed.chunks)])
    else:
        for index, item in enumerate(items):
            for name, f in item.items():
                rows.append(_field_row(doc.id, f"item.{name}", index, f))
    if rows:
        s.execute(insert(ExtractedField), rows)


def _field_row(doc_id: int, name: str, index: int | None, f: Field) -> dict[str, Any]:
    return {"document_id": doc_id, "name": name, "item_index": index, "value": f.value,
            "page": f.page, "bbox": bbox_strings(f.bbox), "source": f.source,
            "confidence": f.confidence}


def _finding(s: Session, app_id: str, doc_id: int | None, f: FindingData) -> None:
    s.add(Finding(application_id=app_id, document_id=doc_id, code=f.code, severity=f.severity,
                  message_zh=f.message_zh, message_en=f.message_en, article=f.article,
                  page=f.page, bbox=bbox_strings(f.bbox), stage="ingest"))
