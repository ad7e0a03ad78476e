"""Importing packages into a workspace: rows, evidence, audit events, re-import, relabelling."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.ingest.importer import import_package
from slq_desk.ingest.relabel import set_kind
from slq_desk.ingest.worker import InlineReader
from slq_desk.models.schema import Application, AuditEvent, Document, ExtractedField, Finding
from slq_desk.workspace import Workspace
from tests.unit.ingest_samples import InvoiceSpec, invoice_pdf, text_pdf

APPLICANT = InvoiceSpec().buyer


def _package(folder: Path, manifest: bool = True) -> Path:
    folder.mkdir()
    (folder / "01-服务合同.pdf").write_bytes(text_pdf(
        ["合同编号：HT-2026-001", f"甲方（算力需求方）：{APPLICANT}", "乙方（算力供给方）：湖北云算力服务有限公司"],
        title="算力服务合同"))
    (folder / "02-发票-1.pdf").write_bytes(invoice_pdf(InvoiceSpec(words="壹万圆整")))
    (folder / "03-说明.docx").write_bytes(b"PK\x03\x04" + b"\0" * 30)
    (folder / "04-副本.pdf").write_bytes((folder / "01-服务合同.pdf").read_bytes())
    if manifest:
        (folder / "manifest.json").write_text(json.dumps(
            {"policy": "wuhan-2026", "applicant": {"name": APPLICANT, "uscc": InvoiceSpec().buyer_id},
             "claimed_at": "2026-03-01T09:30:00", "direction": None}, ensure_ascii=False),
            encoding="utf-8")
    return folder


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "ws")
    yield workspace  # type: ignore[misc]
    workspace.close()


def test_import_records_documents_fields_findings_and_audit(ws: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    result = import_package(ws, _package(tmp_path / "pkg"), reader=InlineReader(),
                            progress=lambda done, total, name: seen.append((done, total, name)))
    assert result.created and result.application_id == "pkg" and result.policy_id == "wuhan-2026"
    assert [(d, t) for d, t, _n in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert result.documents == 3  # the byte-identical copy is kept once
    with ws.session() as s:
        app = s.get(Application, "pkg")
        assert app is not None
        assert app.applicant_name == APPLICANT and app.claimed_at is not None
        # 09:30 China Standard Time (no zone in the manifest), kept in UTC.
        assert (app.claimed_at.utcoffset().total_seconds(), app.claimed_at.hour) == (0, 1)  # type: ignore[union-attr]
        kinds = {d.original_name: (d.kind, d.readable) for d in app.documents}
        assert kinds == {"01-服务合同.pdf": ("contract", True), "02-发票-1.pdf": ("invoice", True),
                         "03-说明.docx": ("other", False)}
        invoice = next(d for d in app.documents if d.kind == "invoice")
        number = s.scalars(select(ExtractedField).where(
            ExtractedField.document_id == invoice.id, ExtractedField.name == "invoice_number")).one()
        assert number.value == "26422000000012345678" and number.page == 0
        assert number.bbox is not None and all(isinstance(v, str) for v in number.bbox)
        items = s.scalars(select(ExtractedField).where(
            ExtractedField.document_id == invoice.id, ExtractedField.name == "item.amount")).all()
        assert sorted((f.item_index, f.value) for f in items) == [(0, "12500.00"), (1, "100.00")]
        codes = sorted(f.code for f in app.findings)
        assert codes == ["amount_words_mismatch", "duplicate_file", "unsupported_file"]
        assert all(f.stage == "ingest" for f in app.findings)
        blob = ws.path / invoice.stored_path
        assert blob.read_bytes() == (tmp_path / "pkg" / "02-发票-1.pdf").read_bytes()
        assert not blob.stat().st_mode & stat.S_IWUSR
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
        assert actions == ["application.import"] + ["document.add"] * 3
        assert audit.verify(s).ok


def test_same_package_twice_is_recognised(ws: Workspace, tmp_path: Path) -> None:
    folder = _package(tmp_path / "pkg")
    first = import_package(ws, folder, reader=InlineReader())
    archive = tmp_path / "again.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # the same files, zipped and in a folder
        for f in folder.iterdir():
            zf.write(f, f"申报材料/{f.name}")
    second = import_package(ws, archive, reader=InlineReader())
    assert not second.created and second.application_id == first.application_id
    assert "already imported" in second.summary()
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 1
        assert s.scalar(select(func.count()).select_from(Document)) == 3


def test_policy_comes_from_the_command_line_when_there_is_no_manifest(
        ws: Workspace, tmp_path: Path) -> None:
    folder = _package(tmp_path / "申报材料", manifest=False)
    with pytest.raises(BadInput, match="--policy"):
        import_package(ws, folder, reader=InlineReader())
    with pytest.raises(BadInput, match="unknown policy"):
        import_package(ws, folder, policy="atlantis-2026", reader=InlineReader())
    result = import_package(ws, folder, policy="hunan-2026", reader=InlineReader())
    assert result.application_id.startswith("hunan-2026-")  # the folder name is no id
    with ws.session() as s:
        app = s.get(Application, result.application_id)
        assert app is not None
        # No manifest: the applicant is what the documents say (contract 甲方, invoice buyer).
        assert app.applicant_name == APPLICANT


def test_refused_entries_become_findings(ws: Workspace, tmp_path: Path) -> None:
    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escape.pdf", b"%PDF-1.4")
        zf.writestr("合同.pdf", text_pdf(["合同编号：HT-9"], title="算力服务合同"))
    result = import_package(ws, archive, policy="wuhan-2026", reader=InlineReader())
    assert [r.code for r in result.refused] == ["path_escape"]
    with ws.session() as s:
        finding = s.scalars(select(Finding).where(Finding.code == "entry_refused")).one()
        assert finding.severity == "block" and "escape" in finding.message_en


def test_set_kind_reads_the_document_again(ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "附件.pdf").write_bytes(text_pdf(["合同编号：HT-7", "甲方：某公司"], title="补充材料"))
    result = import_package(ws, folder, policy="wuhan-2026", reader=InlineReader())
    with ws.session() as s:
        doc = s.scalars(select(Document)).one()
        assert doc.kind == "other" and doc.fields == []
        doc_id, sha = doc.id, doc.sha256
    changed = set_kind(ws, sha[:10], "contract")
    assert changed["id"] == doc_id
    with ws.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        assert (doc.kind, doc.kind_confidence, doc.kind_source) == ("contract", 100, "manual:测试员")
        assert {f.name: f.value for f in doc.fields}["contract_number"] == "HT-7"
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and last.action == "document.set_kind"
        assert last.before["kind"] == "other" and last.after["kind"] == "contract"
    with pytest.raises(BadInput, match="no document"):
        set_kind(ws, "999", "contract")
    assert result.created


@pytest.mark.postgres
def test_import_into_a_shared_postgresql_workspace(tmp_path: Path, postgres_url: str) -> None:
    ws = Workspace.open(tmp_path / "ws", database_url=postgres_url)
    try:
        folder = _package(tmp_path / "pkg")
        first = import_package(ws, folder, reader=InlineReader())
        again = import_package(ws, folder, reader=InlineReader())
        assert first.created and not again.created
        with ws.session() as s:
            assert s.scalar(select(func.count()).select_from(Document)) == 3
            assert audit.verify(s).ok
    finally:
        ws.close()


def test_changed_package_under_the_same_name_is_a_new_application(
        ws: Workspace, tmp_path: Path) -> None:
    folder = _package(tmp_path / "pkg")
    first = import_package(ws, folder, reader=InlineReader())
    (folder / "05-补充.pdf").write_bytes(text_pdf(["补充说明"], title="情况说明"))
    second = import_package(ws, folder, reader=InlineReader())
    assert second.created and second.application_id != first.application_id
    with ws.session() as s:
        note = s.scalars(select(Finding).where(Finding.code == "package_resubmitted")).one()
        assert note.application_id == second.application_id and first.application_id in note.message_en


def test_a_relabel_is_remembered_for_the_identical_file(ws: Workspace, tmp_path: Path) -> None:
    data = text_pdf(["合同编号：HT-8", "甲方：某公司"], title="补充材料")
    first = tmp_path / "first"
    first.mkdir()
    (first / "附件.pdf").write_bytes(data)
    import_package(ws, first, policy="wuhan-2026", reader=InlineReader())
    with ws.session() as s:
        doc = s.scalars(select(Document)).one()
        assert doc.kind == "other" and doc.kind_reason  # the classifier says why
        sha = doc.sha256
    set_kind(ws, sha[:10], "contract")
    second = tmp_path / "second"
    second.mkdir()
    (second / "x.pdf").write_bytes(data)  # the same bytes under another name, another package
    (second / "other.pdf").write_bytes(text_pdf(["无关"], title="说明"))
    result = import_package(ws, second, policy="wuhan-2026", reader=InlineReader())
    with ws.session() as s:
        docs = {d.original_name: d for d in s.scalars(select(Document).where(
            Document.application_id == result.application_id))}
        again = docs["x.pdf"]
        assert (again.kind, again.kind_source) == ("contract", "manual:测试员")
        assert "人工认定" in (again.kind_reason or "")
        assert {f.name: f.value for f in again.fields}["contract_number"] == "HT-8"
        assert docs["other.pdf"].kind_source == "auto"
