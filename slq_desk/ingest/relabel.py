"""A person corrects a document's kind: the document is read again as that kind.

The new kind is kept with who set it (``kind_source = manual:<actor>``), and remembered for the
file: importing a byte-identical file later (same SHA-256, any application) reads it as the
kind the person chose (``importer._relabels``). The fields and the
import-stage findings of that document are replaced by those of the new reading, corrections
a person already made to a field of the same name are carried over, and the change goes to
the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.ingest.limits import DEFAULT_LIMITS, Limits
from slq_desk.models.schema import Document, DocumentItemChunk, ExtractedField, Finding
from slq_desk.workspace import Workspace


def find_document(s: Any, ref: str, application_id: str | None = None) -> Document:
    query = select(Document)
    if application_id:
        query = query.where(Document.application_id == application_id)
    if ref.isdigit() and len(ref) < 12:
        doc = s.scalars(query.where(Document.id == int(ref))).first()
        if doc is None:
            raise BadInput(f"no document {ref}")
        return doc
    if len(ref) < 6 or not all(c in "0123456789abcdef" for c in ref.lower()):
        raise BadInput("name a document by its id or at least 6 hex digits of its SHA-256")
    docs = list(s.scalars(query.where(Document.sha256.startswith(ref.lower()))))
    if not docs:
        raise BadInput(f"no document whose SHA-256 starts with {ref}")
    if len(docs) > 1:
        where = ", ".join(f"{d.id} ({d.application_id})" for d in docs[:5])
        raise BadInput(f"{ref} matches several documents: {where}; give its id or --application")
    return docs[0]


Carried = tuple[str, int | None, str, str | None, datetime | None]  # name, item, value, by, at


def set_kind(ws: Workspace, ref: str, kind: str, application_id: str | None = None,
             limits: Limits = DEFAULT_LIMITS, who: str | None = None,
             on_page: Callable[[int, int], None] | None = None,
             carry: tuple[Carried, ...] = ()) -> dict[str, Any]:
    """Read the document again as ``kind``, kept as set by ``who`` (default: the workspace's
    actor; the window passes the reviewer's name); ``on_page`` hears of each OCR'd page.

    The result names the kind before (``was``) and the corrections the new reading had no
    field for (``dropped``, as ``Carried`` rows): the window's undo reads the document again
    as it was and passes them back as ``carry``, so going there and back loses no correction."""
    who = (who or "").strip() or ws.actor
    from slq_desk.ingest.importer import _finding, write_fields
    from slq_desk.ingest.worker import ParseWorker

    with ws.session() as s:
        doc = find_document(s, ref, application_id)
        doc_id, name, sha = doc.id, doc.original_name, doc.sha256
        before = {"kind": doc.kind, "confidence": doc.kind_confidence, "source": doc.kind_source}
    data = ws.blob_path(sha).read_bytes()
    from slq_desk.extract.ocr import CACHE_DIR

    with ParseWorker(limits, ocr_cache=ws.path / CACHE_DIR) as worker:
        report = worker.analyse_as(name, data, kind, on_page=on_page)
    with ws.session() as s:
        found = s.get(Document, doc_id)
        assert found is not None  # read a moment ago in this workspace
        doc = found
        corrections = {(f.name, f.item_index): (f.corrected_value, f.corrected_by, f.corrected_at)
                       for f in doc.fields if f.corrected_value is not None}
        entered = {key: kept for f in doc.fields if f.source == "manual"
                   for key in [(f.name, f.item_index)] for kept in [corrections.get(key)] if kept}
        for name_, index_, value_, by_, at_ in carry:
            corrections.setdefault((name_, index_), (value_, by_, at_))
        s.execute(delete(ExtractedField).where(ExtractedField.document_id == doc_id))
        s.execute(delete(DocumentItemChunk).where(DocumentItemChunk.document_id == doc_id))
        s.execute(delete(Finding).where(Finding.document_id == doc_id, Finding.stage == "ingest"))
        s.expire(doc)
        doc.kind, doc.kind_confidence, doc.kind_source = kind, 100, f"manual:{who}"
        doc.kind_reason = f"由{who}人工认定 / set by {who}"
        write_fields(s, doc, report)
        for f in report.findings:
            _finding(s, doc.application_id, doc_id, f)
        s.flush()
        read: set[tuple[str, int | None]] = set()
        for row in s.scalars(select(ExtractedField).where(ExtractedField.document_id == doc_id)):
            read.add((row.name, row.item_index))
            kept = corrections.get((row.name, row.item_index))
            if kept:
                row.corrected_value, row.corrected_by, row.corrected_at = kept
        # Fields a person entered (desk/entry.py) that the new reading does not find stay.
        for (name, index), (value, by, at) in entered.items():
            if (name, index) not in read:
                s.add(ExtractedField(document_id=doc_id, name=name, item_index=index, value="",
                                     source="manual", confidence=100, corrected_value=value,
                                     corrected_by=by, corrected_at=at))
        dropped = tuple((n, i, v, by, at) for (n, i), (v, by, at) in corrections.items()
                        if (n, i) not in read and (n, i) not in entered)
        audit.record(s, who, "document.set_kind", "document", doc_id, before,
                     {"kind": kind, "confidence": 100, "source": f"manual:{who}",
                      "fields": len(report.extraction.fields),
                      "corrections_without_field": [[n, i, v] for n, i, v, _by, _at in dropped]})
    return {"id": doc_id, "name": name, "kind": kind, "was": before["kind"], "dropped": dropped,
            "fields": len(report.extraction.fields)
                      + sum(len(i) for i in report.extraction.all_items())}
