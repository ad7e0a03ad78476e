"""The 初审 runner on database rows: findings replaced (not piled up), ingest findings kept,
facts stored with evidence down to the invoice line, subsidy stored, an audit event recorded;
and the `slq-desk check` exit codes."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk.checks import run_checks
from slq_desk.cli import main
from slq_desk.models.schema import Application, AuditEvent, Document, ExtractedField, Finding
from slq_desk.workspace import Workspace
from tests.unit.check_builders import APPLICANT, APPLICANT_ID, SUPPLIER, SUPPLIER_ID

CST = timezone(timedelta(hours=8))
BOX = ["10.00", "20.00", "110.00", "32.00"]


def _add_doc(s: Session, app_id: str, name: str, kind: str, fields: dict[str, str],
             items: tuple[dict[str, str], ...] = ()) -> Document:
    doc = Document(application_id=app_id, sha256=hashlib.sha256(name.encode()).hexdigest(), kind=kind,
                   original_name=name, stored_path=f"packages/{name}", pages=1)
    s.add(doc)
    s.flush()
    for k, v in fields.items():
        s.add(ExtractedField(document_id=doc.id, name=k, value=v, page=0, bbox=BOX))
    for index, item in enumerate(items):
        for k, v in item.items():
            s.add(ExtractedField(document_id=doc.id, name=f"item.{k}", item_index=index, value=v,
                                 page=0, bbox=BOX))
    return doc


def _workspace(tmp_path: Path, payment_amount: str = "106000.00") -> Workspace:
    ws = Workspace.open(tmp_path / "ws")
    with ws.session() as s:
        s.add(Application(id="wh-1", policy_id="wuhan-2026", applicant_name=APPLICANT,
                          applicant_uscc=APPLICANT_ID,
                          claimed_at=datetime(2026, 7, 1, 10, 0, tzinfo=CST)))
        s.flush()
        _add_doc(s, "wh-1", "01-服务合同.pdf", "contract", {
            "contract_number": "HT-1", "buyer_name": APPLICANT, "buyer_id": APPLICANT_ID,
            "supplier_name": SUPPLIER, "supplier_id": SUPPLIER_ID, "signed_on": "2026-01-05",
            "term_start": "2026-01-10", "term_end": "2026-06-30", "card_model": "昇腾910B",
            "unit_price": "12.50", "total": "106000.00", "other_subsidy_clause": "true"})
        _add_doc(s, "wh-1", "02-承诺函.pdf", "commitment_letter", {"applicant_name": APPLICANT})
        inv = _add_doc(s, "wh-1", "03-发票-1.pdf", "invoice", {
            "invoice_number": "26420000000000000001", "issue_date": "2026-02-10",
            "buyer_name": APPLICANT, "buyer_id": APPLICANT_ID, "seller_name": SUPPLIER,
            "seller_id": SUPPLIER_ID, "amount": "100000.00", "tax": "6000.00",
            "total": "106000.00"}, ({"name": "*信息技术服务*算力租赁服务", "spec": "昇腾910B",
                                     "unit": "卡时", "quantity": "8000", "unit_price": "12.50",
                                     "amount": "100000.00", "tax": "6000.00"},))
        _add_doc(s, "wh-1", "04-付款回单-1.pdf", "payment_receipt", {
            "payer_name": APPLICANT, "payee_name": SUPPLIER, "amount": payment_amount,
            "pay_date": "2026-02-20"})
        _add_doc(s, "wh-1", "05-算力使用记录.pdf", "usage_log", {"amount": "100000.00"})
        _add_doc(s, "wh-1", "06-法人授权书.pdf", "authorisation_letter", {})
        _add_doc(s, "wh-1", "07-算力券凭证.pdf", "voucher_certificate", {})
        s.add(Finding(application_id="wh-1", document_id=inv.id, code="image_only_page",
                      severity="warn", message_zh="扫描页", message_en="scan", stage="ingest"))
    return ws


def test_clean_application_stores_facts_subsidy_and_audit(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    report = run_checks(ws, "wh-1")
    assert not report.blocking
    # Wuhan: 30% of the tax-excluded 100,000 for domestic compute, to the thousand yuan.
    assert report.subsidy == Decimal("30000")
    with ws.session() as s:
        app = s.get(Application, "wh-1")
        assert app.computed_subsidy == Decimal("30000")
        evidence = app.facts["evidence"]["lines[0].amount"]
        assert evidence[0]["file"] == "03-发票-1.pdf" and evidence[0]["field"] == "items[0].amount"
        assert evidence[0]["page"] == 0 and evidence[0]["bbox"] == BOX
        assert app.facts["input"]["lines"][0]["amount"] == "100000.00"
        assert app.facts["steps"], "the calculator's trace is kept for the opinion"
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "application.check")).all()
        assert len(events) == 1 and events[0].after["subsidy"] == "30000.00"
    ws.close()


def test_check_findings_are_replaced_and_ingest_findings_kept(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, payment_amount="86000.00")
    first = run_checks(ws, "wh-1")
    second = run_checks(ws, "wh-1")
    assert first.blocking and second.blocking
    with ws.session() as s:
        rows = s.scalars(select(Finding).where(Finding.application_id == "wh-1")).all()
        check = [f.code for f in rows if f.stage == "check"]
        assert check.count("invoice_payment_mismatch") == 1
        assert [f.code for f in rows if f.stage == "ingest"] == ["image_only_page"]
        mismatch = next(f for f in rows if f.code == "invoice_payment_mismatch")
        assert mismatch.document_id is not None and mismatch.page == 0 and mismatch.article
    ws.close()


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = _workspace(tmp_path)
    ws.close()
    assert main(["check", "wh-1", "--workspace", str(tmp_path / "ws")]) == 0
    assert "30000" in capsys.readouterr().out
    assert main(["check", "no-such", "--workspace", str(tmp_path / "ws")]) == 2
    assert "neither a package" in capsys.readouterr().err
    assert main(["check", "wh-1", "--workspace", str(tmp_path / "none")]) == 2
    assert main(["check", "wh-1", "--workspace", str(tmp_path / "ws"), "--policy", "x"]) == 2


def test_cli_exit_one_when_something_blocks(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import json

    _workspace(tmp_path, payment_amount="86000.00").close()
    assert main(["check", "wh-1", "--workspace", str(tmp_path / "ws"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["blocking"] and "invoice_payment_mismatch" in [f["code"] for f in data["findings"]]


def test_reviewer_facts_set_on_the_command_line_are_kept_and_used(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    _workspace(tmp_path).close()
    ws = str(tmp_path / "ws")
    assert main(["check", "wh-1", "--workspace", ws, "--json",
                 "--set", "applicant_kind=university", "--set", "received_this_year=2990000"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["facts"]["input"]["applicant"]["kind"] == "university"
    # 3,000,000 cap minus 2,990,000 received this year leaves 10,000 (POLICIES.md reading 6).
    assert data["subsidy"] == "10000.00"
    assert main(["check", "wh-1", "--workspace", ws, "--json"]) == 0  # kept for the next run
    assert json.loads(capsys.readouterr().out)["subsidy"] == "10000.00"
    assert main(["check", "wh-1", "--workspace", ws, "--set", "applicant_kind=alien"]) == 2
    assert main(["check", "wh-1", "--workspace", ws, "--set", "sme=0.5"]) == 2
    assert main(["check", "wh-1", "--workspace", ws, "--set", "received_this_year=1.001"]) == 2


def test_direction_set_by_a_person_feeds_the_calculation(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Beijing's 申报方向 when no form prints it (issue 13): a person sets it, it is kept and
    used, and a value outside 1–4 is refused."""
    import json

    _workspace(tmp_path).close()
    ws = str(tmp_path / "ws")
    main(["check", "wh-1", "--workspace", ws, "--json", "--set", "direction=2"])
    data = json.loads(capsys.readouterr().out)
    assert data["facts"]["input"]["direction"] == 2
    main(["check", "wh-1", "--workspace", ws, "--json"])
    assert json.loads(capsys.readouterr().out)["facts"]["input"]["direction"] == 2
    assert main(["check", "wh-1", "--workspace", ws, "--set", "direction=5"]) == 2
