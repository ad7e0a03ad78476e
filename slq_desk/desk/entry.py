"""A person enters a field the reader did not find (补录字段): a contract whose total or signing
date was not read is left out of the calculation with a warning that says "enter it by hand";
this is how.

The entered value is kept like a correction, beside an empty extracted value (``value = ""``,
``source = "manual"``), with who and when, typed by ``desk.correction.normalise`` and audited as
``field.correct``; the checks then run again. Withdrawing it removes the row (there is nothing
extracted to go back to). A field the reader did find is corrected, not entered again.
"""

from __future__ import annotations

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
