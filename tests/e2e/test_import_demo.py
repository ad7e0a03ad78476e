"""The importer and extractors over the generated demo packages (issue 4, items 5 and 7).

Accuracy: every field, item and kind read from every generated document equals its
``expected.json``; per-field precision and recall are printed (``pytest -s``). Then the CLI
imports every package into one workspace and the database holds the same truth.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.accuracy_support import Tally, compare_document, load_index

ROOT = Path(__file__).resolve().parents[2]
SLQ = [sys.executable, "-m", "slq_desk"]


def _ocr_available() -> bool:
    from slq_desk.extract import ocr

    return ocr.available()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from slq_desk.demo.generate import generate_packages

    out = tmp_path_factory.mktemp("demo")
    generate_packages(out, seed=1)
    return out


def _expected(demo: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(entry, json.loads((demo / entry["expected"]).read_text(encoding="utf-8")))
            for entry in load_index(demo)]


def test_every_field_matches_expected(demo: Path) -> None:
    from slq_desk.ingest.analyse import analyse_file

    tally = Tally()
    unreachable: list[str] = []
    for entry, expected in _expected(demo):
        for doc in expected["documents"]:
            report = analyse_file(doc["file"], (demo / entry["path"] / doc["file"]).read_bytes())
            got = report.as_json()
            got["image_only_pages"] = report.image_only_pages
            if doc.get("readable", True) and report.pages and \
                    len(report.image_only_pages) == report.pages and not _ocr_available():
                # A scan without a text layer: only OCR could read its fields. It must be
                # reported for a person (the image_only_page finding), not guessed.
                assert "image_only_page" in [f.code for f in report.findings]
                unreachable.append(f"{entry['id']}/{doc['file']}")
                doc = {**doc, "fields": {}, "items": []}
            compare_document(tally, entry["id"], doc, got)
    print()
    print(tally.table())
    if unreachable:
        print(f"image-only documents (fields need OCR, not installed): {unreachable}")
    assert not tally.errors, "\n".join(tally.errors[:40])
    assert sum(s.tp for s in tally.scores.values()) > 500


def test_planted_reading_flaws_are_found(demo: Path) -> None:
    """The flaws a reader can see on one document are reported at import already."""
    from slq_desk.ingest.analyse import analyse_file

    visible = {"amount_words_mismatch", "uscc_invalid", "image_only_page", "pdf_encrypted",
               "pdf_broken"}
    checked = 0
    for entry, expected in _expected(demo):
        for flaw in expected["flaws"]:
            if flaw["code"] not in visible or not flaw.get("file"):
                continue
            path = demo / entry["path"] / flaw["file"]
            report = analyse_file(flaw["file"], path.read_bytes())
            assert flaw["code"] in [f.code for f in report.findings], (entry["id"], flaw)
            checked += 1
    assert checked >= 3


def test_every_package_imports_with_kinds_and_fields(demo: Path, tmp_path: Path) -> None:
    from sqlalchemy import select

    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import ParseWorker
    from slq_desk.models.schema import Application, Document
    from slq_desk.workspace import Workspace

    entries = _expected(demo)
    ws = Workspace.open(tmp_path / "ws")
    try:
        # One reader process for the whole batch, as demo-workspace can do.
        with ParseWorker() as reader:
            for entry, _expected_doc in entries:
                result = import_package(ws, demo / entry["path"], reader=reader)
                assert result.created and result.application_id == entry["id"]
            assert reader.restarts == 0
        with ws.session() as s:
            for entry, expected in entries:
                app = s.get(Application, entry["id"])
                assert app is not None, entry["id"]
                assert app.policy_id == expected["policy"]
                docs = {d.original_name: d for d in s.scalars(
                    select(Document).where(Document.application_id == app.id))}
                for doc in expected["documents"]:
                    row = docs[doc["file"]]
                    assert row.kind == doc["kind"], (entry["id"], doc["file"])
                    assert row.readable == doc.get("readable", True)
                    values = {f.name: f.value for f in row.fields if f.item_index is None}
                    for name, value in doc.get("fields", {}).items():
                        if row.pages and doc.get("image_only_pages") and \
                                len(doc["image_only_pages"]) == row.pages:
                            continue  # a scan: see test_every_field_matches_expected
                        assert values.get(name) == value, (entry["id"], doc["file"], name)
    finally:
        ws.close()


def test_cli_commands_end_to_end(demo: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SLQ_DESK_USER": "e2e"}
    package = demo / "wuhan-clean-1"
    ws = tmp_path / "ws"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*SLQ, *args], capture_output=True, text=True, env=env,
                              cwd=ROOT, timeout=120)

    first = run("import", str(package), "--workspace", str(ws), "--json")
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    assert result["created"] and result["application_id"] == "wuhan-clean-1"
    again = run("import", str(package), "--workspace", str(ws))
    assert again.returncode == 0 and "already imported" in again.stdout

    listed = json.loads(run("list", "--workspace", str(ws), "--json").stdout)
    assert [(a["id"], a["policy"], a["status"]) for a in listed] == [
        ("wuhan-clean-1", "wuhan-2026", "pending_check")]
    assert listed[0]["documents"] == len(result["files"])

    invoice = next(f for f in sorted(package.iterdir()) if "发票" in f.name)
    out = run("extract", str(invoice), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"file", "sha256", "kind", "confidence", "fields", "items", "findings"}
    assert data["kind"] == "invoice"
    for name in ("invoice_number", "issue_date", "buyer_name", "buyer_id", "seller_name",
                 "seller_id", "amount", "tax", "total", "total_in_words"):
        field = data["fields"][name]
        assert set(field) == {"value", "page", "bbox"} and len(field["bbox"]) == 4

    doc_sha = next(f["sha256"] for f in result["files"] if f["kind"] == "invoice")
    relabel = run("doc", "set-kind", doc_sha[:12], "other", "--workspace", str(ws))
    assert relabel.returncode == 0, relabel.stderr
    bad = run("doc", "set-kind", doc_sha[:12], "poem", "--workspace", str(ws))
    assert bad.returncode == 2 and "unknown kind" in bad.stderr
    missing = run("import", str(tmp_path / "nope"), "--workspace", str(ws))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
