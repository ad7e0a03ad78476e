"""A usage log's thousands of rows kept as a table (``extract/packed.py``, migration 0012).

The same generated package is imported twice into real SQLite workspaces: once as the importer
does it (a log with more than ``PACK_AT`` rows stored as chunks) and once with every row as
per-field rows, as before. The checks must see the same rows and reach the same findings and
subsidy either way; the reader process's report carries the rows packed.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from sqlalchemy import func, select

from slq_desk.checks.runner import run_checks
from slq_desk.checks.view import build_view
from slq_desk.demo.generate import generate_packages
from slq_desk.desk.review_data import PREVIEW_ROWS, load_checklist
from slq_desk.extract import packed as packed_mod
from slq_desk.extract.packed import PackedItems
from slq_desk.ingest import importer
from slq_desk.ingest.analyse import analyse_file
from slq_desk.ingest.importer import import_package
from slq_desk.ingest.relabel import set_kind
from slq_desk.ingest.worker import InlineReader
from slq_desk.models.schema import Application, Document, DocumentItemChunk, ExtractedField
from slq_desk.workspace import Workspace

PAGES = 20  # 180 rows (one per day); the thresholds are lowered so they make three chunks
SMALL_PACK_AT, SMALL_CHUNK = 100, 64


@pytest.fixture(autouse=True)
def small_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed_mod, "PACK_AT", SMALL_PACK_AT)
    monkeypatch.setattr(importer, "PACK_AT", SMALL_PACK_AT)
    monkeypatch.setattr(packed_mod, "CHUNK_ROWS", SMALL_CHUNK)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packages")
    generate_packages(out, seed=1, large_pages=PAGES, only={f"wuhan-large-{PAGES}"})
    return out / f"wuhan-large-{PAGES}"


def _log(folder: Path) -> Path:
    return next(p for p in folder.iterdir() if "使用记录" in p.name)


def _import(root: Path, package: Path) -> tuple[Workspace, str]:
    ws = Workspace.open(root)
    with InlineReader() as reader:
        result = import_package(ws, package, reader=reader)
    run_checks(ws, result.application_id)
    return ws, result.application_id


def _outcome(ws: Workspace, app_id: str) -> tuple[object, ...]:
    with ws.session() as s:
        view = build_view(s, app_id)
        items = {d.file: list(d.items) for d in view.documents}
        app = s.get(Application, app_id)
        assert app is not None
        subsidy, facts = app.computed_subsidy, app.facts
    checklist = load_checklist(ws, app_id)
    findings = sorted((f.code, f.severity, f.message_zh, f.page) for f in checklist.findings)
    return items, subsidy, facts, findings


def test_a_long_log_is_stored_as_a_table_and_checked_the_same(
        package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packed_ws, packed_id = _import(tmp_path / "packed", package)
    with monkeypatch.context() as m:
        m.setattr(importer, "PACK_AT", 10 ** 9)  # every row as per-field rows, as before
        plain_ws, plain_id = _import(tmp_path / "plain", package)
    try:
        with packed_ws.session() as s:
            log = s.scalars(select(Document).where(Document.kind == "usage_log")).one()
            rows = s.scalar(select(func.sum(DocumentItemChunk.rows))
                            .where(DocumentItemChunk.document_id == log.id))
            chunks = s.scalar(select(func.count()).where(DocumentItemChunk.document_id == log.id))
            item_fields = s.scalar(select(func.count()).where(
                ExtractedField.document_id == log.id, ExtractedField.item_index.is_not(None)))
        assert rows is not None and rows > SMALL_PACK_AT
        assert chunks == -(-rows // SMALL_CHUNK) > 1 and item_fields == 0
        with plain_ws.session() as s:
            assert s.scalar(select(func.count()).select_from(DocumentItemChunk)) == 0
        packed, plain = _outcome(packed_ws, packed_id), _outcome(plain_ws, plain_id)
        log_items = packed[0][log.original_name]  # type: ignore[index]
        assert len(log_items) == rows and log_items[0]["card_hours"].bbox is not None
        assert packed == plain  # rows (values, pages, boxes), subsidy, facts, findings
        assert packed[1] is not None

        doc = next(d for d in load_checklist(packed_ws, packed_id).documents if d.kind == "usage_log")
        assert doc.table_rows == rows and len(doc.table_preview) == PREVIEW_ROWS
        assert not any(f.item_index is not None for f in doc.fields)
        assert doc.table_preview[0] == tuple((k, v.value) for k, v in log_items[0].items())
    finally:
        packed_ws.close()
        plain_ws.close()


def test_the_reader_sends_a_long_log_packed(package: Path) -> None:
    report = analyse_file("log.pdf", _log(package).read_bytes())
    items = list(report.extraction.items)
    assert len(items) > SMALL_PACK_AT
    report.extraction.pack_items()  # what the reader process does before sending
    assert report.extraction.items == [] and isinstance(report.extraction.packed, PackedItems)
    back = pickle.loads(pickle.dumps(report))
    assert back.extraction.item_count == len(items)
    again = list(back.extraction.all_items())
    assert [{k: (f.value, f.page, f.source) for k, f in i.items()} for i in again] == \
        [{k: (f.value, f.page, f.source) for k, f in i.items()} for i in items]
    assert [[f.as_json() for f in i.values()] for i in again] == \
        [[f.as_json() for f in i.values()] for i in items]
    assert back.extraction.all_items()[-1]["amount"].value == items[-1]["amount"].value


def test_relabelling_a_long_log_replaces_its_table(package: Path, tmp_path: Path) -> None:
    ws, app_id = _import(tmp_path / "ws", package)
    try:
        with ws.session() as s:
            log_id = s.scalars(select(Document.id).where(Document.kind == "usage_log")).one()
        set_kind(ws, str(log_id), "other", app_id)
        with ws.session() as s:
            assert s.scalar(select(func.count()).select_from(DocumentItemChunk)) == 0
        set_kind(ws, str(log_id), "usage_log", app_id)
        with ws.session() as s:
            assert s.scalar(select(func.sum(DocumentItemChunk.rows))) > SMALL_PACK_AT
    finally:
        ws.close()


def test_table_items_index_and_iterate_like_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from slq_desk.checks.view import FieldView, TableItems
    from slq_desk.extract.evidence import Field

    rows = [{"date": Field(f"2026-01-{d:02d}", d, (1.0, 2.0, 3.0, 4.0)), "amount": Field(f"{d}.00")}
            for d in range(1, 8)]
    monkeypatch.setattr(packed_mod, "CHUNK_ROWS", 4)
    packed = PackedItems.pack(rows)
    chunks = [(len(json.loads(c)), c) for c in packed.chunks]
    table = TableItems(chunks)
    assert len(table) == 7 and [n for n, _ in chunks] == [4, 3]
    as_list = list(table)
    assert [table[i] for i in range(7)] == as_list and table[-1] == as_list[-1]
    assert as_list[2]["date"] == FieldView("2026-01-03", 3, ["1.00", "2.00", "3.00", "4.00"])
    assert as_list[2]["amount"] == FieldView("3.00", None, None)
    assert packed[5]["date"].value == "2026-01-06" and packed[5]["date"].bbox == (1.0, 2.0, 3.0, 4.0)
    with pytest.raises(IndexError):
        table[7]
