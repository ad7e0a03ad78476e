"""Manual 查验 records: what an official checked by hand, outside slq-desk.

- The national invoice 查验 (国家税务总局全国增值税发票查验平台, checked in a browser by a
  person, since slq-desk never goes online): 一致 / 不一致 / 查无此票, the day, by whom.
- The credit check (信用中国 report seen): 无失信记录 / 有失信记录 / 未查到, the day, by whom,
  the report's number.

Each record is kept (``manual_check``) and audited; the latest per invoice / per applicant is
the one that counts. ``records_for`` gives the rows the checklist and the 初审意见 show: every
invoice of the application, checked or not yet.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.office import ManualCheck
from slq_desk.models.schema import Application, Document, ExtractedField

INVOICE_RESULTS = {"一致": "一致", "match": "一致", "consistent": "一致",
                   "不一致": "不一致", "mismatch": "不一致", "inconsistent": "不一致",
                   "查无此票": "查无此票", "not_found": "查无此票", "not-found": "查无此票"}
CREDIT_RESULTS = {"无失信记录": "无失信记录", "clean": "无失信记录",
                  "有失信记录": "有失信记录", "listed": "有失信记录",
                  "未查到": "未查到", "not_found": "未查到", "not-found": "未查到"}


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise BadInput(f"the date must be YYYY-MM-DD, not {text!r}") from None


def _result(text: str, table: dict[str, str]) -> str:
    found = table.get(text.strip()) or table.get(text.strip().lower())
    if found is None:
        raise BadInput(f"result {text!r}: one of {'、'.join(sorted(set(table.values())))}")
    return found


def _invoices(s: Any, app_id: str) -> list[tuple[Document, str]]:
    """The application's invoices with their key (代码-号码, or 号码)."""
    docs = list(s.scalars(select(Document).where(Document.application_id == app_id,
                                                 Document.kind == "invoice")
                          .order_by(Document.id)))
    out: list[tuple[Document, str]] = []
    for doc in docs:
        values = {f.name: f.effective_value for f in s.scalars(select(ExtractedField).where(
            ExtractedField.document_id == doc.id, ExtractedField.item_index.is_(None),
            ExtractedField.name.in_(("invoice_number", "invoice_code"))))}
        number = (values.get("invoice_number") or "").strip()
        code = (values.get("invoice_code") or "").strip()
        out.append((doc, f"{code}-{number}" if code and number else number))
    return out


def record_invoice_check(ws: Any, app_id: str, invoice: str, result: str, checked_on: str,
                         checked_by: str, note: str = "") -> dict[str, Any]:
    """Record the 查验 of one invoice, named by number, 代码-号码, file name or document id."""
    outcome, day = _result(result, INVOICE_RESULTS), _day(checked_on)
    if not checked_by.strip():
        raise BadInput("say who checked (--by)")
    with ws.session() as s:
        if s.get(Application, app_id) is None:
            raise BadInput(f"no application {app_id!r} in this workspace")
        wanted = invoice.strip()
        match = [(d, k) for d, k in _invoices(s, app_id)
                 if wanted in (k, str(d.id), d.original_name) or (k and k.endswith(f"-{wanted}"))]
        if len(match) != 1:
            known = ", ".join(k or d.original_name for d, k in _invoices(s, app_id)) or "none"
            raise BadInput(f"{invoice!r} names {len(match)} invoices of {app_id}; its invoices: "
                           f"{known}")
        doc, key = match[0]
        row = ManualCheck(application_id=app_id, kind="invoice", document_id=doc.id,
                          subject=key or doc.original_name, result=outcome, checked_on=day,
                          checked_by=checked_by.strip(), note=note, recorded_by=ws.actor)
        s.add(row)
        s.flush()
        audit.record(s, checked_by.strip(), "check.invoice_verified", "application", app_id, None,
                     {"invoice": row.subject, "document": doc.id, "result": outcome,
                      "checked_on": day, "note": note, "recorded_by": ws.actor})
        return _row(row)


def record_credit_check(ws: Any, app_id: str, result: str, checked_on: str, checked_by: str,
                        report: str = "", note: str = "") -> dict[str, Any]:
    """Record that the 信用中国 report of the applicant was seen, and what it said."""
    outcome, day = _result(result, CREDIT_RESULTS), _day(checked_on)
    if not checked_by.strip():
        raise BadInput("say who checked (--by)")
    with ws.session() as s:
        app = s.get(Application, app_id)
        if app is None:
            raise BadInput(f"no application {app_id!r} in this workspace")
        subject = f"{app.applicant_name}（{app.applicant_uscc}）" if app.applicant_uscc \
            else app.applicant_name
        text = "; ".join(t for t in (f"信用报告 {report}" if report else "", note) if t)
        row = ManualCheck(application_id=app_id, kind="credit", subject=subject[:300],
                          result=outcome, checked_on=day, checked_by=checked_by.strip(),
                          note=text, recorded_by=ws.actor)
        s.add(row)
        s.flush()
        audit.record(s, checked_by.strip(), "check.credit_seen", "application", app_id, None,
                     {"subject": row.subject, "result": outcome, "checked_on": day,
                      "note": text, "recorded_by": ws.actor})
        return _row(row)


def _row(row: ManualCheck) -> dict[str, Any]:
    return {"kind": row.kind, "document_id": row.document_id, "subject": row.subject,
            "result": row.result, "checked_on": row.checked_on, "checked_by": row.checked_by,
            "note": row.note}


def records_for(session: Any, app_id: str) -> dict[str, Any]:
    """For the checklist and the 初审意见: each invoice with its latest 查验 (or none yet), and
    the latest credit check (or None)."""
    latest: dict[tuple[str, int | None], ManualCheck] = {}
    for row in session.scalars(select(ManualCheck).where(ManualCheck.application_id == app_id)
                               .order_by(ManualCheck.id)):
        latest[(row.kind, row.document_id if row.kind == "invoice" else None)] = row
    invoices = []
    for doc, key in _invoices(session, app_id):
        found = latest.get(("invoice", doc.id))
        invoices.append({"document_id": doc.id, "file": doc.original_name, "invoice": key,
                         **({"result": found.result, "checked_on": found.checked_on,
                             "checked_by": found.checked_by, "note": found.note}
                            if found else {"result": None, "checked_on": None,
                                           "checked_by": None, "note": ""})})
    credit = latest.get(("credit", None))
    return {"invoices": invoices, "credit": _row(credit) if credit else None}
