"""Facts a person sets (issue 13, item 6): one validation for `check --set` and the window,
which policies each fact matters for (from the policy files' citations), kept with who and
when, audited, and honoured by the checks: the service period, the domestic flag and invoice
lines left out change the calculation, and a finding names the person."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from slq_desk.checks.runner import check_view
from slq_desk.desk import facts
from slq_desk.desk.facts import FactRefused, parse_overrides, parse_value
from slq_desk.desk.service import Desk
from slq_desk.models.schema import Application, AuditEvent, Document
from slq_desk.policy import load_policy
from tests.unit import check_builders as b
from tests.unit.test_check_runner import _workspace

WHO = "王审核"


def test_each_kind_of_value_is_typed_and_stored_plainly() -> None:
    assert parse_value("direction", " 4 ") == 4
    assert parse_value("sme", "是") is True and parse_value("sme", "FALSE") is False
    assert parse_value("domestic", "true") is True
    assert parse_value("applicant_kind", "university") == "university"
    assert parse_value("received_this_year", "120000") == "120000"
    assert parse_value("quota_granted", "50000.5") == "50000.5"
    assert parse_value("service_start", "2026-01-01") == "2026-01-01"
    assert parse_value("excluded_lines", "12:3，12#1 3:2 12:3") == ["3:2", "12:1", "12:3"]
    assert parse_value("industry", "信息软件业") == "信息软件业"
    assert parse_value("direction", "") is None  # empty: remove it


@pytest.mark.parametrize(("key", "text", "zh"), [
    ("direction", "5", "申报方向：须为 1、2、3 或 4"),
    ("sme", "0.5", "中小企业：请填“是”或“否”"),
    ("received_this_year", "1.001", "本年度已获算力券补贴：须为不小于零、精确到分的金额"),
    ("received_this_year", "-3", "本年度已获算力券补贴：须为不小于零、精确到分的金额"),
    ("model_filed_on", "soon", "模型备案登记日期：须为日期，格式 YYYY-MM-DD"),
    ("excluded_lines", "12", "不计入的发票明细行：“12”应写作 材料编号:行号（行号从 1 起），如 12:3"),
    ("excluded_lines", "12:0", "不计入的发票明细行：“12:0”应写作 材料编号:行号（行号从 1 起），如 12:3"),
])
def test_a_value_that_does_not_fit_is_refused_in_both_languages(key: str, text: str, zh: str) -> None:
    with pytest.raises(FactRefused) as err:
        parse_value(key, text)
    assert err.value.zh == zh
    assert err.value.en.startswith(f"{key}:")


def test_the_cli_messages_are_those_it_always_printed() -> None:
    from slq_desk.cli.check_cmd import parse_overrides as cli_parse
    from slq_desk.errors import BadInput

    cases = {"sme=0.5": "--set sme: true or false",
             "direction=5": "--set direction: 1, 2, 3 or 4 (北京 申报方向 / Beijing direction)",
             "model_filed_on=soon": "--set model_filed_on: a date, YYYY-MM-DD",
             "received_this_year=1.001": "--set received_this_year: a non-negative amount to the fen"}
    for item, message in cases.items():
        with pytest.raises(BadInput) as err:
            cli_parse([item])
        assert str(err.value) == message
    with pytest.raises(BadInput) as err:
        cli_parse(["colour=red"])
    assert str(err.value).startswith("--set 'colour=red': use FACT=VALUE with FACT one of applicant_kind, sme,")
    with pytest.raises(BadInput, match="--set applicant_kind: one of enterprise, new_rnd_institution"):
        cli_parse(["applicant_kind=alien"])
    assert parse_overrides(["sme=true", "direction=", "domestic=false"]) == {
        "sme": True, "direction": None, "domestic": False}


def test_which_policies_a_fact_matters_for_comes_from_the_policy_files() -> None:
    keys = {pid: {f.key for f in facts.relevant(pid)} for pid in
            ("beijing-2026", "wuhan-2026", "chengdu-2026", "hunan-2026", "dazhou-2026")}
    assert {"direction", "industry", "model_filed_on", "service_start"} <= keys["beijing-2026"]
    assert "direction" not in keys["wuhan-2026"] and "direction" not in keys["chengdu-2026"]
    # Domestic counts where a rate is keyed by origin (Wuhan, Chengdu) or a service needs it.
    assert "domestic" in keys["wuhan-2026"] and "domestic" in keys["chengdu-2026"]
    assert "domestic" not in keys["beijing-2026"] and "domestic" not in keys["hunan-2026"]
    assert "sme" in keys["chengdu-2026"] and "sme" not in keys["wuhan-2026"]
    assert "quota_granted" in keys["chengdu-2026"] and "purchased_this_year" in keys["wuhan-2026"]
    assert all("applicant_kind" in k and "excluded_lines" in k for k in keys.values())
    beijing = load_policy("beijing-2026")
    day = b.datetime(2026, 3, 1).date()
    assert facts.articles(facts.FACTS_BY_KEY["direction"], beijing, day) == "一（四）"
    assert facts.articles(facts.FACTS_BY_KEY["service_start"], beijing, day) == "一（六）"
    assert facts.policies_for(facts.FACTS_BY_KEY["direction"]) == ("beijing-2026",)


def _run(policy: str, docs: list[Any], **overrides: Any) -> Any:
    view = b.view(policy, docs=docs)
    view.overrides = dict(overrides)
    view.overrides_set = {k: {"by": WHO, "at": "2026-07-02T01:00:00+00:00"} for k in overrides}
    return check_view(view, load_policy(policy))


def _notes(report: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append(f.message_zh)
    return out


def test_a_service_period_set_by_a_person_replaces_the_invoice_dates() -> None:
    """No term on the contract: the period came from the invoice dates (a warning). A person
    sets it; half of it lies before Hunan's window, so only the part inside counts."""
    def docs() -> list[Any]:
        return [b.contract(term_start="", term_end=""), b.invoice(), b.payment()]

    before = _run("hunan-2026", docs())
    assert "period_from_invoices" in _notes(before)
    assert before.result["base"] == "106000.00"
    after = _run("hunan-2026", docs(), service_start="2025-01-01", service_end="2025-12-31")
    notes = _notes(after)
    assert "period_from_invoices" not in notes
    assert Decimal(after.result["base"]) < Decimal("106000.00") and after.subsidy < before.subsidy
    assert after.facts.application["lines"][0]["period_start"] == "2025-01-01"
    assert "outside_window" in notes  # the window rule reads the same period
    assert "服务期限起由 王审核 于 2026-07-02 09:00 人工认定为 2025-01-01，未取自申报材料" in notes["fact_set_by_person"]
    # Half a period is not used, and says so.
    half = _run("hunan-2026", docs(), service_start="2025-01-01")
    assert "period_from_invoices" in _notes(half) and "fact_set_incomplete" in _notes(half)


def _wuhan_docs(spec: str) -> list[Any]:
    storage = {"name": "*信息技术服务*存储服务", "spec": "对象存储", "unit": "TB", "quantity": "1",
               "unit_price": "20000", "amount": "20000.00", "tax": "1200.00"}
    return [b.contract(domestic="", card_model=""), b.invoice(spec=spec, extra_items=[storage]),
            b.payment()]


def test_the_domestic_flag_set_by_a_person_sets_the_rate() -> None:
    """Wuhan pays 30 % for domestic compute and 20 % for foreign; a card the catalogue does not
    know is counted as foreign with a warning until a person decides."""
    unknown = _run("wuhan-2026", _wuhan_docs("XYZ-9000"))
    assert unknown.subsidy == Decimal("20000.00") and "domestic_unknown" in _notes(unknown)
    domestic = _run("wuhan-2026", _wuhan_docs("XYZ-9000"), domestic=True)
    assert domestic.subsidy == Decimal("30000.00")
    assert "domestic_unknown" not in _notes(domestic)
    assert _notes(domestic)["fact_set_by_person"] == [
        "算力卡为国产由 王审核 于 2026-07-02 09:00 人工认定为 是，未取自申报材料"]
    # A person's word wins over the catalogue too (the 910B is domestic in it).
    assert _run("wuhan-2026", _wuhan_docs("昇腾910B"), domestic=False).subsidy == Decimal("20000.00")


def test_invoice_lines_left_out_by_a_person_leave_the_base() -> None:
    docs = _wuhan_docs("昇腾910B")
    invoice = docs[1]
    kept = _run("wuhan-2026", _wuhan_docs("昇腾910B"))
    assert kept.subsidy == Decimal("30000.00")
    left = _run("wuhan-2026", docs, excluded_lines=[f"{invoice.id}:1"])
    assert [line["service"] for line in left.facts.application["lines"]] == ["storage"]
    assert left.subsidy == Decimal("0.00")
    assert any("第1行经人工认定不计入" in n for n in left.facts.notes)
    missing = _run("wuhan-2026", _wuhan_docs("昇腾910B"), excluded_lines=["99999:1"])
    assert "99999:1" in _notes(missing)["fact_set_incomplete"][0]
    assert missing.subsidy == Decimal("30000.00")


def test_the_desk_keeps_who_and_when_audits_and_runs_the_checks(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    desk = Desk(ws)
    try:
        desk.run_checks("wh-1")
        shown = {r.key: r for r in desk.application_facts("wh-1").rows}
        assert "direction" not in shown  # Wuhan has no directions
        assert shown["domestic"].value is None and shown["domestic"].used is True
        assert shown["applicant_kind"].used == "enterprise"
        assert shown["domestic"].articles and shown["domestic"].policies == ("chengdu-2026", "wuhan-2026")
        report = desk.set_facts("wh-1", {"domestic": "false", "received_this_year": "1000"}, WHO)
        assert report.subsidy == Decimal("20000")
        shown = {r.key: r for r in desk.application_facts("wh-1").rows}
        assert shown["domestic"].value is False and shown["domestic"].set_by == WHO
        assert shown["domestic"].set_at and shown["received_this_year"].value == "1000"
        with ws.session() as s:
            app = s.get(Application, "wh-1")
            assert app.facts["overrides"] == {"domestic": False, "received_this_year": "1000"}
            assert app.facts["overrides_set"]["domestic"]["by"] == WHO
            event = s.scalars(select(AuditEvent).where(
                AuditEvent.action == "application.facts_set")).one()
            assert event.actor == WHO and event.after["domestic"] is False
            codes = [f.code for f in app.findings]
            assert codes.count("fact_set_by_person") == 2
            invoice_id = s.scalars(select(Document.id).where(Document.kind == "invoice")).one()
        # Nothing changes on a refusal: a line that does not exist, a period backwards.
        with pytest.raises(FactRefused, match="has no line 4"):
            desk.set_facts("wh-1", {"excluded_lines": f"{invoice_id}:4"}, WHO)
        with pytest.raises(FactRefused, match="has no invoice"):
            desk.set_facts("wh-1", {"excluded_lines": "99999:1"}, WHO)
        with pytest.raises(FactRefused, match="after service_end"):
            desk.set_facts("wh-1", {"service_start": "2026-05-01", "service_end": "2026-04-01"}, WHO)
        # Cleared: the calculation is back to what the documents give, the mark goes too.
        assert desk.set_facts("wh-1", {"domestic": "", "received_this_year": ""}, WHO).subsidy == Decimal("30000")
        with ws.session() as s:
            app = s.get(Application, "wh-1")
            assert not app.facts.get("overrides") and not app.facts.get("overrides_set")
            assert "fact_set_by_person" not in [f.code for f in app.findings]
            assert len(s.scalars(select(AuditEvent).where(
                AuditEvent.action == "application.facts_set")).all()) == 2
    finally:
        ws.close()


def test_relabel_through_the_desk_names_the_person_and_runs_the_checks(tmp_path: Path) -> None:
    """`Desk.relabel` (the window's 更改文档类型): read again as the kind, set by the reviewer
    named (not the login name), the checks run again; a document of another application or a
    kind that does not exist is refused."""
    from slq_desk.errors import BadInput
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from slq_desk.workspace import Workspace
    from tests.unit.ingest_samples import text_pdf

    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "附件.pdf").write_bytes(text_pdf(["合同编号：HT-7", "甲方：某公司"], title="补充材料"))
    ws = Workspace.open(tmp_path / "ws")
    desk = Desk(ws)
    try:
        app_id = import_package(ws, folder, policy="wuhan-2026", reader=InlineReader()).application_id
        desk.run_checks(app_id)
        with ws.session() as s:
            doc_id = s.scalars(select(Document.id)).one()
        with pytest.raises(BadInput, match="unknown kind"):
            desk.relabel(app_id, doc_id, "spaceship", WHO)
        with pytest.raises(BadInput, match="no document"):
            desk.relabel("another-app", doc_id, "contract", WHO)
        seen: list[tuple[int, int, str]] = []
        done = desk.relabel(app_id, doc_id, "contract", WHO, progress=lambda *a: seen.append(a))
        assert done["id"] == doc_id and seen[-1] == (1, 1, "初审检查")
        row = next(d for d in desk.checklist(app_id).documents if d.document_id == doc_id)
        assert (row.kind, row.kind_source, row.kind_by_person) == ("contract", f"manual:{WHO}", True)
        assert any(f.name == "contract_number" and f.value == "HT-7" for f in row.fields)
        with ws.session() as s:
            event = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.set_kind")).one()
            assert event.actor == WHO
        # A total the reader did not find, entered by a person, outlives reading the file again.
        assert "total" in desk.missing_fields(doc_id)[1]
        desk.enter_field(app_id, doc_id, "total", "5000", WHO)
        desk.relabel(app_id, doc_id, "contract", WHO)
        row = next(d for d in desk.checklist(app_id).documents if d.document_id == doc_id)
        total = next(f for f in row.fields if f.name == "total")
        assert (total.source, total.corrected_value, total.corrected_by) == ("manual", "5000.00", WHO)
        with ws.session() as s:
            checked = s.scalars(select(AuditEvent).where(AuditEvent.action == "application.check")
                                .order_by(AuditEvent.seq.desc())).first()
            assert checked is not None and checked.seq > event.seq  # the checks ran after it
    finally:
        ws.close()


def test_a_contract_total_the_reader_missed_is_entered_by_a_person(tmp_path: Path) -> None:
    """The contract's total was not read: the contract is left out ("enter it by hand"). A person
    enters it (补录字段): kept beside an empty extracted value with who and when, audited, the
    contract counts again; withdrawn, the row goes and the warning is back."""
    from slq_desk.desk.correction import CorrectionRefused
    from slq_desk.errors import BadInput
    from slq_desk.models.schema import ExtractedField

    ws = _workspace(tmp_path)
    desk = Desk(ws)
    try:
        with ws.session() as s:
            contract = s.scalars(select(Document).where(Document.kind == "contract")).one()
            contract_id = contract.id
            s.delete(next(f for f in contract.fields if f.name == "total"))
        report = desk.run_checks("wh-1")
        assert "contract_from_invoices" in [f.code for f in report.findings]
        kind, missing = desk.missing_fields(contract_id)
        assert kind == "contract" and missing[0] == "total" and "signed_on" not in missing
        with pytest.raises(CorrectionRefused):
            desk.enter_field("wh-1", contract_id, "total", "很多", WHO)
        with pytest.raises(BadInput, match="has no document"):
            desk.enter_field("other-app", contract_id, "total", "106000", WHO)
        with pytest.raises(BadInput, match="cannot be entered"):
            desk.enter_field("wh-1", contract_id, "colour", "red", WHO)
        report = desk.enter_field("wh-1", contract_id, "total", "10.6万", WHO)
        codes = [f.code for f in report.findings]
        assert "contract_from_invoices" not in codes and "contract_not_used" not in codes
        assert report.facts.application["contracts"][0]["id"] == "HT-1"
        assert report.facts.application["contracts"][0]["total"] == "106000.00"
        row = next(f for d in desk.checklist("wh-1").documents if d.document_id == contract_id
                   for f in d.fields if f.name == "total")
        assert (row.value, row.corrected_value, row.corrected_by, row.source) == ("", "106000.00", WHO, "manual")
        with ws.session() as s:
            event = s.scalars(select(AuditEvent).where(AuditEvent.action == "field.correct")).one()
            assert event.actor == WHO and event.after["entered"] is True
        assert desk.missing_fields(contract_id)[1][0] != "total"
        desk.correct_field(row.id, None, WHO)  # withdrawn: nothing read to go back to
        with ws.session() as s:
            assert s.get(ExtractedField, row.id) is None
            assert "contract_from_invoices" in [f.code for f in s.get(Application, "wh-1").findings]
    finally:
        ws.close()


def test_the_new_facts_through_check_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`slq-desk check --set` takes the facts added for issue 13 and names the person in its
    text output; a backwards period and a line that does not exist are refused (exit 2)."""
    import json

    from slq_desk.cli import main

    _workspace(tmp_path).close()
    ws = str(tmp_path / "ws")
    assert main(["check", "wh-1", "--workspace", ws, "--json", "--set", "domestic=false",
                 "--set", "service_start=2026-02-01", "--set", "service_end=2026-03-31"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["subsidy"] == "20000.00"  # Wuhan: 20 % for foreign compute
    assert data["facts"]["input"]["lines"][0]["period_start"] == "2026-02-01"
    assert main(["check", "wh-1", "--workspace", ws]) == 0
    text = capsys.readouterr().out
    assert "fact_set_by_person" in text and "算力卡为国产由 " in text and "人工认定为 否" in text
    assert main(["check", "wh-1", "--workspace", ws, "--set", "service_start=2026-05-01"]) == 2
    assert "--set service_start 2026-05-01 is after service_end 2026-03-31" in capsys.readouterr().err
    assert main(["check", "wh-1", "--workspace", ws, "--set", "excluded_lines=99999:1"]) == 2
