"""A person enters a field the reader did not find (补录字段): a contract whose total or signing
date was not read is left out of the calculation with a warning that says "enter it by hand";
this is how.

The entered value is kept like a correction, beside an empty extracted value (``value = ""``,
``source = "manual"``), with who and when, typed by ``desk.correction.normalise`` and audited as
``field.correct``; the checks then run again. Withdrawing it removes the row (there is nothing
extracted to go back to). A field the reader did find is corrected, not entered again.

``FieldKey`` / ``person_value`` / ``set_person_value`` name a field by document, name and item,
so the window's undo of a correction or an entry still finds it after the document was read
again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from slq_desk.errors import BadInput
from slq_desk.models.schema import Document, ExtractedField
from slq_desk.models.types import utcnow

MANUAL = "manual"

# The document-level fields the checks and the calculator read, per document kind.
ENTERABLE: dict[str, tuple[str, ...]] = {
    "contract": ("total", "signed_on", "term_start", "term_end", "contract_number", "card_model",
                 "domestic", "buyer_name", "buyer_id", "supplier_name", "supplier_id"),
    "invoice": ("amount", "tax", "total", "issue_date", "invoice_number", "buyer_name", "buyer_id",
                "seller_name", "seller_id"),
    "payment_receipt": ("amount", "pay_date", "payer_name", "payee_name"),
    "usage_log": ("period_start", "period_end", "card_hours", "amount", "card_model"),
    "application_form": ("direction", "applicant_name", "applicant_id", "sme", "other_fiscal_support"),
    "business_licence": ("name", "uscc"),
}


def missing_fields(ws: Any, document_id: int) -> tuple[str, tuple[str, ...]]:
    """(the document's kind, the enterable fields it has no value for)."""
    with ws.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise BadInput(f"no document {document_id}", zh=f"没有材料 {document_id}")
        have = set(s.scalars(select(ExtractedField.name).where(
            ExtractedField.document_id == document_id, ExtractedField.item_index.is_(None))))
        return doc.kind, tuple(n for n in ENTERABLE.get(doc.kind, ()) if n not in have)


def enter_field(ws: Any, application_id: str, document_id: int, name: str, value: str,
                who: str) -> int:
    """Keep a person's value for a field the reader did not find (or correct the one it did);
    returns the field's id. The caller runs the checks."""
    from slq_desk import audit
    from slq_desk.desk.correction import normalise

    who = who.strip() or ws.actor
    with ws.session() as s:
        doc = s.get(Document, document_id)
        if doc is None or doc.application_id != application_id:
            raise BadInput(f"application {application_id} has no document {document_id}",
                           zh=f"申报 {application_id} 没有材料 {document_id}")
        if name not in ENTERABLE.get(doc.kind, ()):
            raise BadInput(f"{name} cannot be entered on a {doc.kind}",
                           zh=f"{doc.kind} 不能补录字段 {name}")
        typed = normalise(name, value)  # raises CorrectionRefused, nothing changed
        row = s.scalars(select(ExtractedField).where(
            ExtractedField.document_id == document_id, ExtractedField.name == name,
            ExtractedField.item_index.is_(None))).first()
        if row is None:
            row = ExtractedField(document_id=document_id, name=name, value="", source=MANUAL,
                                 confidence=100)
            s.add(row)
        before = {"corrected_value": row.corrected_value, "corrected_by": row.corrected_by,
                  "corrected_at": row.corrected_at}
        row.corrected_value, row.corrected_by, row.corrected_at = typed, who, utcnow()
        s.flush()
        audit.record(s, who, "field.correct", "extracted_field", row.id, before, {
            "application_id": application_id, "document_id": document_id, "name": name,
            "item_index": None, "extracted": row.value, "entered": row.source == MANUAL,
            "corrected_value": typed, "corrected_by": who, "corrected_at": row.corrected_at})
        return row.id


# --- a field named by what it is, for undo and redo -------------------------------------------

@dataclass(frozen=True)
class FieldKey:
    """A field named by its document, name and item: a document read again (``ingest/relabel``)
    gets new field ids, so an undo that named a field by id would miss it."""

    application_id: str
    document_id: int
    name: str
    item_index: int | None = None


def _row(s: Any, key: FieldKey) -> ExtractedField | None:
    doc = s.get(Document, key.document_id)
    if doc is None or doc.application_id != key.application_id:
        raise BadInput(f"application {key.application_id} has no document {key.document_id}",
                       zh=f"申报 {key.application_id} 没有材料 {key.document_id}")
    index = (ExtractedField.item_index.is_(None) if key.item_index is None
             else ExtractedField.item_index == key.item_index)
    found: ExtractedField | None = s.scalars(select(ExtractedField).where(
        ExtractedField.document_id == key.document_id, ExtractedField.name == key.name,
        index)).first()
    return found


def person_value(ws: Any, key: FieldKey) -> str | None:
    """The value a person gave the field (corrected or entered); None when the field shows
    what was read, or is not there."""
    with ws.session() as s:
        row = _row(s, key)
        return None if row is None else row.corrected_value


def set_person_value(ws: Any, key: FieldKey, value: str | None, who: str) -> None:
    """Give the field ``value`` as a person's (None: take the person's value back). A field read
    is corrected, a field not there is entered (document-level fields only), an entered field
    taken back goes. Typed and audited as a correction; the caller runs the checks."""
    from slq_desk.desk.review_data import correct_field

    with ws.session() as s:
        row = _row(s, key)
        field_id = None if row is None else row.id
    if field_id is not None:
        correct_field(ws, field_id, value, who, checks=False)
    elif value is None:
        return  # nothing a person gave: already as asked
    elif key.item_index is not None:
        raise BadInput(f"line {key.item_index + 1} of document {key.document_id} is no longer there",
                       zh=f"材料 {key.document_id} 已没有第 {key.item_index + 1} 行")
    else:
        enter_field(ws, key.application_id, key.document_id, key.name, value, who)
