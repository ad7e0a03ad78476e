"""The application as the rules see it: documents by kind with their effective field values.

``ApplicationView`` is plain data built once from the database rows (``build_view``) or by hand in
tests. Values are the *effective* ones (a reviewer's correction wins over the extracted value),
each with the page and box it came from, so every rule can hand its evidence on. It also carries
what the rules need from the rest of the workspace: invoice and contract numbers already used by
other applications (重复申领).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, overload

from slq_desk.checks.model import CheckFinding, Evidence
from slq_desk.checks.values import amount, day
from slq_desk.errors import BadInput
from slq_desk.extract.packed import chunk_rows

ITEM_PREFIX = "item."
CHINA = timezone(timedelta(hours=8), "UTC+08:00")


@dataclass(frozen=True, slots=True)
class FieldView:
    value: str
    page: int | None = None
    bbox: list[str] | None = None


class TableItems(Sequence[dict[str, FieldView]]):
    """A document's item rows kept as a table (``extract/packed.py``), decoded one stored chunk
    at a time on every pass. A usage log's 73,000 rows as FieldView objects all at once made
    each garbage collection on the checks' thread walk them with the GIL held (the window
    stalled for half a second each time); as text they are a few strings."""

    def __init__(self, chunks: list[tuple[int, str]]) -> None:
        self.chunks = chunks  # (rows in the chunk, its JSON), in row order
        self.size = sum(n for n, _ in chunks)
        self._last: tuple[int, list[Any]] | None = None  # the chunk decoded for indexing

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[dict[str, FieldView]]:
        for _n, data in self.chunks:
            for cells in chunk_rows(data):
                yield _table_row(cells)

    @overload
    def __getitem__(self, index: int) -> dict[str, FieldView]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[dict[str, FieldView]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, FieldView] | Sequence[dict[str, FieldView]]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self.size
        if 0 <= index:
            for number, (n, data) in enumerate(self.chunks):
                if index < n:
                    # Evidence for findings on neighbouring rows asks for the same chunk.
                    if self._last is None or self._last[0] != number:
                        self._last = (number, chunk_rows(data))
                    return _table_row(self._last[1][index])
                index -= n
        raise IndexError(index)


def _table_row(cells: list[Any]) -> dict[str, FieldView]:
    # As build_view makes a per-field row's value: the (uncorrectable) value, page and box.
    return {c[0]: FieldView(c[1] or "", c[2], list(c[3]) if c[3] else None) for c in cells}


@dataclass
class DocView:
    id: int | None
    sha256: str
    file: str
    kind: str
    pages: int = 1
    readable: bool = True
    error: str | None = None
    fields: dict[str, FieldView] = field(default_factory=dict)
    items: Sequence[dict[str, FieldView]] = field(default_factory=list)
    media_type: str = "application/pdf"

    def get(self, name: str) -> str | None:
        found = self.fields.get(name)
        if found is None:
            return None
        value = found.value.strip()
        return value or None

    def evidence(self, name: str | None = None) -> Evidence:
        """Evidence for a field (or the document as a whole when the field is absent)."""
        found = self.fields.get(name) if name else None
        if found is None:
            return Evidence(self.id, self.sha256, self.file, field=name)
        return Evidence(self.id, self.sha256, self.file, found.page, found.bbox, name, found.value)

    def item_evidence(self, index: int, name: str) -> Evidence:
        found = self.items[index].get(name) if index < len(self.items) else None
        label = f"items[{index}].{name}"
        if found is None:
            return Evidence(self.id, self.sha256, self.file, field=label)
        return Evidence(self.id, self.sha256, self.file, found.page, found.bbox, label, found.value)

    @property
    def form_type(self) -> str | None:
        return self.get("form_type")


@dataclass
class ApplicationView:
    id: str
    policy_id: str
    applicant_name: str
    applicant_uscc: str
    direction: int | None = None
    claimed_at: datetime | None = None
    documents: list[DocView] = field(default_factory=list)
    ingest_findings: list[CheckFinding] = field(default_factory=list)
    # Numbers seen in *other* applications of the workspace → those applications' ids.
    invoices_elsewhere: dict[str, list[str]] = field(default_factory=dict)
    contracts_elsewhere: dict[str, list[str]] = field(default_factory=dict)
    # Claim times of those other applications: the earlier claim keeps a shared invoice.
    claimed_elsewhere: dict[str, datetime | None] = field(default_factory=dict)
    # Facts a person set on the application (e.g. applicant kind), overriding inference.
    overrides: dict[str, Any] = field(default_factory=dict)
    # Who set each of them and when: {key: {"by": name, "at": ISO time}}.
    overrides_set: dict[str, Any] = field(default_factory=dict)
    # The newest reference list of each kind the workspace holds (checks/lists.py), by kind.
    lists: dict[str, Any] = field(default_factory=dict)

    def of_kind(self, kind: str, form_type: str | None = None) -> list[DocView]:
        docs = [d for d in self.documents if d.kind == kind]
        if form_type is not None:
            docs = [d for d in docs if d.form_type == form_type]
        return docs

    def readable(self, kind: str) -> list[DocView]:
        return [d for d in self.of_kind(kind) if d.readable]

    def unreadable(self, *kinds: str) -> list[DocView]:
        """Unreadable documents of these kinds, or of no known kind (they could be either)."""
        return [d for d in self.documents if not d.readable and (d.kind in kinds or d.kind == "other")]

    def doc(self, document_id: int | None) -> DocView | None:
        return next((d for d in self.documents if d.id == document_id), None)

    @property
    def claimed_local(self) -> datetime:
        """The claim time in Beijing time (stored in UTC): the day a policy date refers to.
        A package without a claim time is judged as of now: the rules in force today."""
        when = self.claimed_at or datetime.now(CHINA)
        if when.tzinfo is None:
            when = when.replace(tzinfo=CHINA)
        return when.astimezone(CHINA)

    @property
    def claim_day(self) -> date:
        return self.claimed_local.date()

    def ingest_codes(self, document_id: int | None = None) -> set[str]:
        return {f.code for f in self.ingest_findings
                if document_id is None or any(e.document_id == document_id for e in f.evidence)}

    def fields_named(self, kind: str, name: str) -> Iterator[tuple[DocView, FieldView]]:
        for doc in self.readable(kind):
            found = doc.fields.get(name)
            if found is not None and found.value.strip():
                yield doc, found


def invoice_key(doc: DocView) -> str | None:
    """An invoice's identity: 发票代码 + 号码 for older types, the 20-digit 号码 for 数电票."""
    number = doc.get("invoice_number")
    if not number:
        return None
    code = doc.get("invoice_code")
    return f"{code}-{number}" if code else number


# The fields that identify an invoice or a contract across applications (partial index
# ``ix_extracted_field_number``, migration 0011).
NUMBER_FIELDS = ("invoice_number", "invoice_code", "contract_number")


def _numbers_to_match(docs: list[DocView]) -> set[str]:
    """The stored values another application's invoice or contract must have to share a key
    with one of ``docs``: each number, and for a key ``code-number`` every part after a dash
    (another's code and number joined may spell this key)."""
    out: set[str] = set()
    for doc in docs:
        if doc.kind not in ("invoice", "contract"):
            continue
        keys = [invoice_key(doc), doc.get("contract_number")]
        for key in keys:
            if not key:
                continue
            out.add(key)
            out.update(key[i + 1:] for i, ch in enumerate(key) if ch == "-")
    return out


# The figures that must agree for two files with one invoice number to be one invoice.
_SAME_INVOICE_FIELDS = ("total", "amount", "tax", "issue_date")


def _same_figures(a: DocView, b: DocView) -> bool:
    """Whether two invoices' figures agree wherever both were read (and at least one was)."""
    compared = False
    for name in _SAME_INVOICE_FIELDS:
        x, y = a.get(name), b.get(name)
        if x is None or y is None:
            continue
        px, py = (day(x), day(y)) if name == "issue_date" else (amount(x), amount(y))
        if px is None or py is None:
            continue
        if px != py:
            return False
        compared = True
    return compared


def invoice_copies(view: ApplicationView) -> dict[int, DocView]:
    """Invoices delivered more than once in one package, in different formats: id of each
    later copy → the copy that counts.

    A 数电 invoice is issued as PDF, OFD and XML at once, and applicants send two or all three;
    that is one invoice, not a second claim. Same number (and code), another file format, and
    the same figures wherever both files were read: a copy. Two files of one format, or with
    figures that disagree, stay a duplicate (``duplicate_invoice``) for a person to look at.
    """
    out: dict[int, DocView] = {}
    kept: dict[str, list[DocView]] = {}
    for doc in view.readable("invoice"):
        key = invoice_key(doc)
        if not key or doc.id is None:
            continue
        first = next((k for k in kept.get(key, [])
                      if k.media_type != doc.media_type and _same_figures(k, doc)), None)
        if first is not None:
            out[doc.id] = first
        else:
            kept.setdefault(key, []).append(doc)
    return out


def build_view(session: Any, app_id: str, packed_items: bool = True) -> ApplicationView:
    """Read one application's rows (and the workspace's other numbers) into a view.

    ``packed_items`` False leaves out the rows of documents that keep thousands of item rows as
    a table (``extract/packed.py``), for callers that only ask which documents are present."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from slq_desk.models.schema import Application, Document, DocumentItemChunk, ExtractedField

    app = session.get(Application, app_id, options=[
        selectinload(Application.documents).selectinload(Document.fields),
        selectinload(Application.findings)])
    if app is None:
        raise BadInput(f"no application {app_id!r} in this workspace")
    docs: list[DocView] = []
    for row in app.documents:
        doc = DocView(row.id, row.sha256, row.original_name, row.kind, row.pages, row.readable,
                      row.error, media_type=row.media_type or "application/pdf")
        items: list[dict[str, FieldView]] = []
        for f in row.fields:
            value = FieldView(f.effective_value or "", f.page, list(f.bbox) if f.bbox else None)
            if f.item_index is not None:
                while len(items) <= f.item_index:
                    items.append({})
                name = f.name[len(ITEM_PREFIX):] if f.name.startswith(ITEM_PREFIX) else f.name
                items[f.item_index][name] = value
            else:
                doc.fields[f.name] = value
        doc.items = items
        docs.append(doc)
    if packed_items and docs:
        # The rows kept as a table: the same values, pages and boxes as per-field rows.
        tables: dict[int, list[tuple[int, str]]] = {}
        for doc_id, rows, data in session.execute(
                select(DocumentItemChunk.document_id, DocumentItemChunk.rows, DocumentItemChunk.data)
                .where(DocumentItemChunk.document_id.in_([d.id for d in docs]))
                .order_by(DocumentItemChunk.document_id, DocumentItemChunk.chunk)):
            tables.setdefault(doc_id, []).append((rows, data))
        for doc in docs:
            if doc.id in tables:
                doc.items = TableItems(tables[doc.id])
    # Findings made outside the rules travel with the view: reading the files (ingest) and the
    # workspace's 查重 (dedup, office.dedup), which names the other application.
    ingest = [
        CheckFinding(f.code, f.severity, f.message_zh, f.message_en, f.article or "",
                     [_finding_evidence(f, docs)], stage=f.stage)
        for f in app.findings if f.stage in ("ingest", "dedup")
    ]
    overrides = dict((app.facts or {}).get("overrides") or {})
    view = ApplicationView(
        id=app.id, policy_id=app.policy_id, applicant_name=app.applicant_name or "",
        applicant_uscc=app.applicant_uscc or "",
        # A direction a person set (``check --set direction=N``) wins over the one read.
        direction=overrides.get("direction") or app.direction,
        claimed_at=app.claimed_at, documents=docs, ingest_findings=ingest,
        overrides=overrides,
        overrides_set=dict((app.facts or {}).get("overrides_set") or {}),
    )
    # The other applications' invoices and contracts that share a number with this one: found
    # through the numbers' index, so opening an application costs the same in a workspace of
    # 16 applications or of 10,000 (it used to read every number of the workspace).
    per_doc: dict[int, dict[str, str]] = {}
    owner: dict[int, str] = {}
    wanted = sorted(_numbers_to_match(docs))
    hits: set[int] = set()
    for column in (ExtractedField.value, ExtractedField.corrected_value) if wanted else ():
        # As extracted or as corrected: the effective value is sorted out below.
        hits.update(session.scalars(select(ExtractedField.document_id).where(
            ExtractedField.name.in_(NUMBER_FIELDS), column.in_(wanted))))
    rows = session.execute(
        select(Document.application_id, Document.id, ExtractedField.name,
               ExtractedField.value, ExtractedField.corrected_value)
        .join(ExtractedField, ExtractedField.document_id == Document.id)
        .where(Document.id.in_(sorted(hits)), Document.application_id != app_id,
               Document.kind.in_(("invoice", "contract")),
               ExtractedField.item_index.is_(None),
               ExtractedField.name.in_(NUMBER_FIELDS))
    ).all() if hits else []
    for other_app, doc_id, name, value, corrected in rows:
        per_doc.setdefault(doc_id, {})[name] = corrected if corrected is not None else value
        owner[doc_id] = other_app
    for doc_id, values in per_doc.items():
        if "invoice_number" in values:
            code = values.get("invoice_code")
            key = f"{code}-{values['invoice_number']}" if code else values["invoice_number"]
            view.invoices_elsewhere.setdefault(key, []).append(owner[doc_id])
        if "contract_number" in values:
            view.contracts_elsewhere.setdefault(values["contract_number"], []).append(owner[doc_id])
    for table in (view.invoices_elsewhere, view.contracts_elsewhere):
        for key in table:
            table[key] = sorted(set(table[key]))
    others = set(owner.values())
    if others:
        for other_id, claimed in session.execute(
                select(Application.id, Application.claimed_at).where(Application.id.in_(others))):
            view.claimed_elsewhere[other_id] = claimed
    return view


def claimed_before(view: ApplicationView, other_id: str) -> bool:
    """Whether another application claimed before this one (ties: the smaller id first)."""
    theirs, ours = view.claimed_elsewhere.get(other_id), view.claimed_at
    if theirs is None or ours is None:
        return theirs is not None or (ours is None and other_id < view.id)
    return (theirs, other_id) < (ours, view.id)


def _finding_evidence(f: Any, docs: list[DocView]) -> Evidence:
    doc = next((d for d in docs if d.id == f.document_id), None)
    if doc is None:
        return Evidence(None, "", "", f.page, f.bbox)
    return Evidence(doc.id, doc.sha256, doc.file, f.page, list(f.bbox) if f.bbox else None)
