"""build_view finds the other applications' invoices and contracts by their numbers (the
index lookup of issue 18), including corrected values and 发票代码-号码 keys, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from slq_desk.checks.view import build_view
from slq_desk.models import Application, Document, ExtractedField
from slq_desk.workspace import Workspace


def _app(ws: Workspace, app_id: str, docs: list[tuple[str, dict[str, str | tuple[str, str]]]]) -> None:
    with ws.session() as s:
        s.add(Application(id=app_id, policy_id="wuhan-2026", applicant_name=app_id,
                          claimed_at=datetime(2026, 3, int(app_id[-1]) + 1, tzinfo=UTC)))
        for n, (kind, fields) in enumerate(docs):
            doc = Document(application_id=app_id, sha256=f"{app_id}-{n}", kind=kind,
                           original_name=f"{kind}{n}.pdf", stored_path="x.pdf")
            for name, value in fields.items():
                if isinstance(value, tuple):  # (as extracted, as corrected)
                    doc.fields.append(ExtractedField(name=name, value=value[0],
                                                     corrected_value=value[1]))
                else:
                    doc.fields.append(ExtractedField(name=name, value=value))
            s.add(doc)


def test_other_numbers_found_by_value(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    _app(ws, "app-1", [("invoice", {"invoice_number": " 26420000000000000001 "}),
                       ("invoice", {"invoice_code": "042001900111", "invoice_number": "12345678"}),
                       ("contract", {"contract_number": "HT-7"})])
    # Same 数电票 number; the older invoice under its code; the contract number only after a
    # correction; and one whose extracted number matched until a person corrected it.
    _app(ws, "app-2", [("invoice", {"invoice_number": "26420000000000000001"}),
                       ("contract", {"contract_number": ("HT-0", "HT-7")})])
    _app(ws, "app-3", [("invoice", {"invoice_code": "042001900111", "invoice_number": "12345678"}),
                       ("invoice", {"invoice_number": ("26420000000000000001", "9")})])
    # Unrelated numbers, and a matching number on a document that is not an invoice.
    _app(ws, "app-4", [("invoice", {"invoice_number": "99"}),
                       ("other", {"invoice_number": "26420000000000000001"})])
    with ws.session() as s:
        view = build_view(s, "app-1")
    # The rules look up this application's own keys (other keys may be listed; none counts).
    assert view.invoices_elsewhere["26420000000000000001"] == ["app-2"]
    assert view.invoices_elsewhere["042001900111-12345678"] == ["app-3"]
    assert view.contracts_elsewhere == {"HT-7": ["app-2"]}
    assert set(view.claimed_elsewhere) == {"app-2", "app-3"}
    with ws.session() as s:
        alone = build_view(s, "app-4")
    assert alone.invoices_elsewhere == {} and alone.contracts_elsewhere == {}
    ws.close()
