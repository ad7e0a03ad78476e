"""查重 through the index: a planted duplicate invoice across two applications (and the other
identities) found by key, named on both applications, and looked up through the index."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text

from slq_desk.checks import dedup
from slq_desk.models.schema import Finding
from tests.unit.office_builders import add_application, invoice, workspace

SHUDIAN = "26422000000012345678"  # a 数电票 20-digit number


def _codes(dups: list[dedup.Duplicate]) -> list[tuple[str, str, str]]:
    return [(d.code, d.first, d.second) for d in dups]


def test_a_planted_duplicate_invoice_is_found_and_named_on_both(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a-first", claimed=datetime(2026, 3, 1, tzinfo=UTC),
                    documents=[("发票-1.pdf", "invoice", invoice(SHUDIAN))])
    add_application(ws, "b-later", applicant="武汉乙科技有限公司", uscc="91420100MA4K000002",
                    claimed=datetime(2026, 4, 1, tzinfo=UTC),
                    documents=[("发票-9.pdf", "invoice", invoice(f" {SHUDIAN[:10]} {SHUDIAN[10:]}")),
                               ("发票-2.pdf", "invoice", invoice("12345678", code="042001900111"))])
    add_application(ws, "c-other", applicant="武汉丙科技有限公司", uscc="91420100MA4K000003",
                    documents=[("发票.pdf", "invoice", invoice("12345678", code="042001900112"))])
    assert dedup.reindex(ws) > 0
    dups = dedup.refresh_findings(ws)
    # Spaces in the number do not hide it; the same 号码 under another 代码 is another invoice.
    assert _codes(dups) == [("dedup_invoice", "a-first", "b-later")]
    assert dups[0].key == SHUDIAN
    with ws.session() as s:
        rows = s.scalars(select(Finding).where(Finding.stage == "dedup")).all()
        by_app = {f.application_id: f for f in rows}
    assert set(by_app) == {"a-first", "b-later"}
    for own, other in (("a-first", "b-later"), ("b-later", "a-first")):
        assert other in by_app[own].message_zh and own in by_app[own].message_zh
        assert by_app[own].severity == "warn" and by_app[own].document_id is not None
    assert "本申报在先" in by_app["a-first"].message_zh
    assert "对方申报在先" in by_app["b-later"].message_zh
    # Refreshing again keeps one finding per application, not two.
    dedup.refresh_findings(ws)
    with ws.session() as s:
        assert len(s.scalars(select(Finding).where(Finding.stage == "dedup")).all()) == 2


def test_contracts_files_and_applicants_across_policies(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    deal = {"contract_number": "HT-2026-001", "buyer_id": "91420100MA4K000001",
            "supplier_id": "91420100MA4K00009X", "total": "300000.00", "signed_on": "2026-01-05"}
    renumbered = {**deal, "contract_number": "HT-2026-001-改", "total": "300,000.00"}
    add_application(ws, "w1", documents=[("合同.pdf", "contract", deal)])
    add_application(ws, "w2", policy="hunan-2026", claimed=datetime(2027, 2, 1, tzinfo=UTC),
                    documents=[("服务合同.pdf", "contract", renumbered)])
    add_application(ws, "w3", claimed=datetime(2026, 9, 1, tzinfo=UTC),
                    documents=[("合同副本.pdf", "contract", deal)])
    dedup.reindex(ws)
    with ws.session() as s:
        found = _codes(dedup.find_duplicates(s))
    assert ("dedup_contract", "w1", "w3") in found
    assert ("dedup_contract_deal", "w1", "w2") in found  # same parties, amount, date
    assert ("dedup_applicant_policies", "w1", "w2") in found  # Wuhan and Hunan
    assert ("dedup_applicant_year", "w1", "w3") in found  # twice in 2026 under one policy
    assert ("dedup_file", "w1", "w3") not in found  # different bytes (hashes differ)
    assert not [f for f in found if f[0] == "dedup_applicant_year" and "w2" in f]


def test_the_lookup_goes_through_the_kind_key_index(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a", documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
    with ws.session() as s:
        dedup.index_application(s, "a")
        plan = " ".join(str(r[-1]) for r in s.execute(text(
            "EXPLAIN QUERY PLAN SELECT a.application_id, b.application_id FROM dedup_key a "
            "JOIN dedup_key b ON a.kind = b.kind AND a.key = b.key "
            "AND a.application_id < b.application_id")))
    assert "ix_dedup_key_kind_key" in plan


def test_the_index_follows_the_application(tmp_path: Path) -> None:
    from slq_desk.models.schema import Application

    ws = workspace(tmp_path)
    add_application(ws, "a", documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
    add_application(ws, "b", applicant="乙", uscc="91420100MA4K000002",
                    documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
    dedup.reindex(ws)
    with ws.session() as s:
        s.delete(s.get(Application, "b"))
    with ws.session() as s:
        assert dedup.find_duplicates(s) == []


def test_refreshing_one_application_keeps_its_partners_other_pairs(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a", documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
    add_application(ws, "p", applicant="乙", uscc="91420100MA4K000002",
                    documents=[("发票.pdf", "invoice", invoice(SHUDIAN)),
                               ("发票2.pdf", "invoice", invoice("26422000000099999999"))])
    add_application(ws, "c", applicant="丙", uscc="91420100MA4K000003",
                    documents=[("发票.pdf", "invoice", invoice("26422000000099999999"))])
    dedup.reindex(ws)
    dedup.refresh_findings(ws)
    # "a" corrects its invoice number (as a 补正 would): only "p"–"c" remains.
    with ws.session() as s:
        from slq_desk.models.schema import Document, ExtractedField

        field = s.scalars(select(ExtractedField).join(Document).where(
            Document.application_id == "a", ExtractedField.name == "invoice_number")).one()
        field.corrected_value = "26422000000011111111"
        dedup.index_application(s, "a")
    dedup.refresh_findings(ws, ["a"])
    with ws.session() as s:
        rows = sorted((f.application_id, f.code) for f in s.scalars(
            select(Finding).where(Finding.stage == "dedup")))
    assert rows == [("c", "dedup_invoice"), ("p", "dedup_invoice")]


def test_office_tables_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    """The same 查重, status move and numbering on a shared PostgreSQL workspace."""
    from slq_desk.office import status as wf
    from slq_desk.office.notices import draft_notice
    from slq_desk.workspace import Workspace

    ws = Workspace.open(tmp_path / "pg", database_url=postgres_url)
    try:
        add_application(ws, "a", documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
        add_application(ws, "b", applicant="乙", uscc="91420100MA4K000002",
                        documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
        dedup.reindex(ws)
        assert [(d.code, d.first, d.second) for d in dedup.refresh_findings(ws)] == [
            ("dedup_invoice", "a", "b")]
        first = draft_notice(ws, "a", office="武汉市数据局", official="王")
        second = draft_notice(ws, "b", official="王")
        assert (first.number[-3:], second.number[-3:]) == ("〕1号", "〕2号")
        assert wf.move_status(ws, "a", "补正中", "已送达", "李四", override=True).after \
            == "supplementing"
    finally:
        ws.close()


def test_a_recheck_after_a_correction_updates_the_index(tmp_path: Path) -> None:
    from slq_desk.checks import run_checks
    from slq_desk.models.schema import Document, ExtractedField

    ws = workspace(tmp_path)
    add_application(ws, "a", documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])
    add_application(ws, "b", applicant="乙", uscc="91420100MA4K000002",
                    documents=[("发票.pdf", "invoice", invoice("26422000000011111111"))])
    dedup.reindex(ws)
    with ws.session() as s:  # a person corrects b's number to the one a holds (a misreading)
        field = s.scalars(select(ExtractedField).join(Document).where(
            Document.application_id == "b", ExtractedField.name == "invoice_number")).one()
        field.corrected_value = SHUDIAN
    report = run_checks(ws, "b")
    assert [f.code for f in report.findings if f.stage == "dedup"] == ["dedup_invoice"]
    with ws.session() as s:
        assert [(d.first, d.second) for d in dedup.find_duplicates(s)] == [("a", "b")]
