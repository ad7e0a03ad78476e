"""What the window's undo of a review change needs from the desk: a field named by document,
name and item (ids change when a document is read again), the facts as a person set them, and
a document read as another kind and back without losing a person's corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from slq_desk.desk.entry import FieldKey
from slq_desk.desk.service import Desk
from slq_desk.errors import BadInput
from slq_desk.models.schema import Application, AuditEvent, Document, ExtractedField
from slq_desk.workspace import Workspace
from tests.unit.test_check_runner import _workspace

WHO = "王审核"


def _contract(ws: object) -> int:
    with ws.session() as s:  # type: ignore[attr-defined]
        return int(s.scalars(select(Document.id).where(Document.kind == "contract")).one())


def _one_contract(tmp_path: Path) -> tuple[Workspace, str, int, int]:
    """A workspace with one imported contract (number HT-7): (workspace, application, document,
    the number's field id)."""
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from tests.unit.ingest_samples import text_pdf

    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "合同.pdf").write_bytes(text_pdf(["合同编号：HT-7", "甲方：某公司"], title="算力服务合同"))
    ws = Workspace.open(tmp_path / "ws")
    app_id = import_package(ws, folder, policy="wuhan-2026", reader=InlineReader()).application_id
    with ws.session() as s:
        doc = s.scalars(select(Document)).one()
        assert doc.kind == "contract"
        return ws, app_id, doc.id, next(f.id for f in doc.fields if f.name == "contract_number")


def test_a_field_named_by_key_is_corrected_withdrawn_entered_and_taken_away(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    desk = Desk(ws)
    try:
        contract_id = _contract(ws)
        with ws.session() as s:
            total = s.scalars(select(ExtractedField).where(
                ExtractedField.document_id == contract_id, ExtractedField.name == "total")).one()
            total_id = total.id
        key = FieldKey("wh-1", contract_id, "total", None)
        assert desk.person_value(key) is None  # shows what was read

        desk.set_field(key, "10万", WHO)  # corrected, typed as a correction is
        assert desk.person_value(key) == "100000.00"
        desk.set_field(key, None, WHO)  # taken back: the value read shows again
        assert desk.person_value(key) is None
        with ws.session() as s:
            assert s.get(ExtractedField, total_id).value == "106000.00"  # never touched
            events = s.scalars(select(AuditEvent).where(AuditEvent.action == "field.correct")).all()
            assert [e.after["corrected_value"] for e in events] == ["100000.00", None]
            assert {e.actor for e in events} == {WHO}

        # A field that is not there (deleted as if never read) is entered, and taken away again.
        with ws.session() as s:
            s.delete(s.get(ExtractedField, total_id))
        assert desk.person_value(key) is None
        report = desk.set_field(key, "106000", WHO)
        assert "contract_from_invoices" not in [f.code for f in report.findings]
        assert desk.person_value(key) == "106000.00"
        report = desk.set_field(key, None, WHO)
        assert "contract_from_invoices" in [f.code for f in report.findings]
        with ws.session() as s:
            assert not s.scalars(select(ExtractedField).where(
                ExtractedField.document_id == contract_id, ExtractedField.name == "total")).all()
        desk.set_field(key, None, WHO)  # nothing to take back: as asked, no error

        # A line that is no longer there cannot be entered; another application's document
        # cannot be named.
        with pytest.raises(BadInput, match="no longer there"):
            desk.set_field(FieldKey("wh-1", contract_id, "item.amount", 4), "1", WHO)
        with pytest.raises(BadInput, match="has no document"):
            desk.set_field(FieldKey("other-app", contract_id, "total", None), "1", WHO)
    finally:
        ws.close()


def test_the_facts_as_a_person_set_them_as_text(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    desk = Desk(ws)
    try:
        desk.run_checks("wh-1")
        keys = ("domestic", "received_this_year", "sme")
        assert desk.fact_texts("wh-1", keys) == {"domestic": "", "received_this_year": "", "sme": ""}
        desk.set_facts("wh-1", {"domestic": "否", "received_this_year": "1000"}, WHO)
        before = desk.fact_texts("wh-1", keys)
        assert before == {"domestic": "false", "received_this_year": "1000", "sme": ""}
        # Set back from that text, the stored facts are what they were.
        desk.set_facts("wh-1", {"domestic": "", "received_this_year": "2000"}, WHO)
        desk.set_facts("wh-1", before, WHO)
        with ws.session() as s:
            assert s.get(Application, "wh-1").facts["overrides"] == {
                "domestic": False, "received_this_year": "1000"}
    finally:
        ws.close()


def test_read_as_another_kind_and_back_keeps_the_corrections(tmp_path: Path) -> None:
    """A contract with a corrected number is relabelled 其他 (no field to carry the correction
    to): the result names the correction; read back as a contract with it carried, the
    correction is there again under its first author and time."""
    ws, app_id, doc_id, number = _one_contract(tmp_path)
    desk = Desk(ws)
    try:
        key = FieldKey(app_id, doc_id, "contract_number")
        desk.set_field(key, "HT-8", "李更正")
        with ws.session() as s:
            corrected_at = s.get(ExtractedField, number).corrected_at

        there = desk.relabel(app_id, doc_id, "other", WHO)
        assert there["was"] == "contract"
        assert [(n, i, v, by) for n, i, v, by, _at in there["dropped"]] == [
            ("contract_number", None, "HT-8", "李更正")]
        assert desk.person_value(key) is None
        with ws.session() as s:
            event = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.set_kind")).one()
            assert event.after["corrections_without_field"] == [["contract_number", None, "HT-8"]]

        back = desk.relabel(app_id, doc_id, there["was"], WHO, carry=there["dropped"])
        assert back["was"] == "other" and back["dropped"] == ()
        assert desk.person_value(key) == "HT-8"
        with ws.session() as s:
            row = s.scalars(select(ExtractedField).where(
                ExtractedField.document_id == doc_id, ExtractedField.name == "contract_number")).one()
            assert (row.value, row.corrected_by, row.corrected_at) == ("HT-7", "李更正", corrected_at)
    finally:
        ws.close()


def test_the_cli_says_which_corrections_a_new_kind_had_no_field_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from slq_desk.cli import main

    ws, app_id, doc_id, _number = _one_contract(tmp_path)
    try:
        desk = Desk(ws)
        desk.set_field(FieldKey(app_id, doc_id, "contract_number"), "HT-8", WHO)
    finally:
        ws.close()
    assert main(["doc", "set-kind", str(doc_id), "other", "--workspace", str(tmp_path / "ws")]) == 0
    out = capsys.readouterr().out
    assert "更正 contract_number=HT-8 在新类型下没有对应字段，未沿用" in out


def test_withdrawing_an_entered_field_from_the_cli(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """`slq-desk correct APP --field F --withdraw` on a field a person entered: the row goes
    (nothing read to go back to) and the command says so (it stopped on an assertion)."""
    from slq_desk.cli import main

    ws = _workspace(tmp_path)
    try:
        desk = Desk(ws)
        contract_id = _contract(ws)
        with ws.session() as s:
            s.delete(s.scalars(select(ExtractedField).where(
                ExtractedField.document_id == contract_id, ExtractedField.name == "total")).one())
        desk.enter_field("wh-1", contract_id, "total", "106000", WHO)
        key = FieldKey("wh-1", contract_id, "total", None)
        with ws.session() as s:
            field_id = s.scalars(select(ExtractedField.id).where(
                ExtractedField.document_id == contract_id, ExtractedField.name == "total")).one()
    finally:
        ws.close()
    assert main(["correct", "wh-1", "-w", str(tmp_path / "ws"), "--field", str(field_id),
                 "--withdraw"]) == 0
    assert "补录的值已撤回，该字段已删除" in capsys.readouterr().out
    ws = Workspace.open(tmp_path / "ws")
    try:
        assert Desk(ws).person_value(key) is None
    finally:
        ws.close()
