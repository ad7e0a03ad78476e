"""Fuzz the importer with whole packages: mutated PDFs, hostile zips and mutated manifests.

Each example builds a small package (three demo documents, its manifest and one or more
damaged files), imports it into a workspace through the strict reader, and checks the
importer's promises: it never raises anything but ``BadInput`` (a clear message for the whole
package), every unreadable file gets a finding, every refused zip entry gets a finding, nothing
is named outside the package, and the clean documents are still imported beside the bad ones.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st
from sqlalchemy import select

from slq_desk.errors import BadInput
from slq_desk.ingest.hashing import sha256_bytes
from slq_desk.ingest.importer import ImportResult, import_package
from slq_desk.models.schema import Document, Finding
from slq_desk.workspace import Workspace
from tests.fuzz.harness import (
    ESCAPING_NAMES,
    GBK_NAMES,
    UNHANDLED,
    ZipItem,
    build_zip,
    declare_huge_sizes,
    event,
    fuzz_settings,
    mutate,
    mutations,
    seed_files,
)
from tests.fuzz.test_fuzz_manifest import manifest_bytes

pytestmark = pytest.mark.slow

POLICY = "wuhan-2026"
_count = itertools.count()


@pytest.fixture(scope="module")
def seeds(demo_package: Path) -> dict[str, bytes]:
    files = dict(seed_files(demo_package))
    # Three small documents keep one import under a second; the manifest comes separately.
    pdfs = sorted(n for n in files if n.endswith(".pdf"))
    chosen = [n for n in pdfs if "合同" in n][:1] + [n for n in pdfs if "发票" in n][:1] + \
        [n for n in pdfs if "承诺" in n][:1]
    return {n: files[n] for n in chosen} | {"manifest.json": files["manifest.json"]}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, fuzz_env: None) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path_factory.mktemp("fuzz-ws") / "ws")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-packages")


def _import(ws: Workspace, path: Path, reader: object) -> ImportResult | None:
    """Import; None when the whole package was refused with a clear BadInput."""
    try:
        result = import_package(ws, path, policy=POLICY, reader=reader)  # type: ignore[arg-type]
    except BadInput as err:
        assert str(err).strip(), "a refusal must say why"
        note(f"refused: {err}")
        event(f"package refused: {type(err).__name__}")
        return None
    event("package imported" if result.created else "package seen before")
    if result.refused:
        event("some entries refused")
    for report in result.reports:
        if not report.readable:
            event("package has an unreadable file")
        assert not (report.error or "").startswith(UNHANDLED), report.error
    return result


def _check_stored(ws: Workspace, result: ImportResult, clean: dict[str, bytes]) -> None:
    """The database agrees with the reports, and the clean files are there."""
    if not result.created:
        return
    with ws.session() as s:
        docs = s.scalars(select(Document).where(
            Document.application_id == result.application_id)).all()
        findings = s.scalars(select(Finding).where(
            Finding.application_id == result.application_id)).all()
        by_doc: dict[int | None, list[Finding]] = {}
        for f in findings:
            by_doc.setdefault(f.document_id, []).append(f)
        for doc in docs:
            assert ".." not in doc.original_name.split("/"), doc.original_name
            assert not doc.original_name.startswith("/"), doc.original_name
            stored = (ws.path / doc.stored_path).resolve()
            assert stored.is_relative_to(ws.path) and stored.name == doc.sha256, doc.stored_path
            if not doc.readable:
                assert any(f.severity in ("block", "warn") for f in by_doc.get(doc.id, [])), (
                    f"unreadable document without a finding: {doc.original_name}")
        refused = [f for f in by_doc.get(None, []) if f.code == "entry_refused"]
        assert len(refused) == len(result.refused)
        hashes = {d.sha256 for d in docs}
    for name, data in clean.items():
        assert sha256_bytes(data) in hashes, f"clean file {name} was not imported"
    distinct = {r.sha256 for r in result.reports}
    assert len(docs) == len(distinct)


# --- folders with mutated PDFs and manifests -------------------------------------------------

@settings(fuzz_settings())
@given(victim=st.integers(min_value=0), changes=mutations, extra=st.binary(max_size=512),
       manifest=st.one_of(st.none(), manifest_bytes))
def test_folder_with_mutated_files_imports_the_rest(strict_reader: object, workspace: Workspace,
                                                    seeds: dict[str, bytes], scratch: Path,
                                                    victim: int, changes: list[object],
                                                    extra: bytes, manifest: bytes | None) -> None:
    names = sorted(n for n in seeds if n.endswith(".pdf"))
    bad_name = names[victim % len(names)]
    folder = scratch / f"pkg-{next(_count)}"
    folder.mkdir()
    clean: dict[str, bytes] = {}
    for name, data in seeds.items():
        if name == "manifest.json":
            data = manifest if manifest is not None else data
        elif name == bad_name:
            data = mutate(data, changes)  # type: ignore[arg-type]
        else:
            clean[name] = data
        (folder / name).write_bytes(data)
    (folder / "99-garbage.pdf").write_bytes(extra)
    # A unique file, so no two examples are the same package (which would only be recognised
    # as already imported and prove nothing).
    (folder / "nonce.txt").write_text(folder.name)
    note(f"mutated {bad_name}")
    result = _import(workspace, folder, strict_reader)
    assert result is not None, "a folder of files is never refused as a whole"
    _check_stored(workspace, result, clean)


# --- hostile zips --------------------------------------------------------------------------

def zip_items(seeds: dict[str, bytes]) -> st.SearchStrategy[list[ZipItem]]:
    pdf_names = sorted(n for n in seeds if n.endswith(".pdf"))
    data = st.one_of(st.sampled_from([seeds[n] for n in pdf_names]), st.binary(max_size=2048),
                     st.builds(mutate, st.sampled_from([seeds[n] for n in pdf_names]), mutations))
    name = st.one_of(st.sampled_from(ESCAPING_NAMES), st.sampled_from(GBK_NAMES),
                     st.sampled_from(pdf_names), st.text(min_size=1, max_size=40))
    item = st.builds(ZipItem, name, data, st.booleans(),
                     st.sampled_from([False, False, False, True]))
    return st.lists(item, min_size=1, max_size=6)


@settings(fuzz_settings())
@given(data=st.data())
def test_hostile_zip_is_imported_or_refused_clearly(strict_reader: object, workspace: Workspace,
                                                    seeds: dict[str, bytes], scratch: Path,
                                                    data: st.DataObject) -> None:
    hostile = data.draw(zip_items(seeds), label="hostile entries")
    # The clean entries come first under plain names; duplicates of them may follow.
    clean = {n: d for n, d in seeds.items() if n.endswith(".pdf")}
    items = [ZipItem(n, d) for n, d in clean.items()]
    items.append(ZipItem("manifest.json", seeds["manifest.json"]))
    items += hostile
    items.append(ZipItem("nonce.txt", f"{next(_count)}".encode()))  # see the folder test
    raw = build_zip(items)
    huge = data.draw(st.lists(st.integers(0, len(items) - 1), max_size=2), label="huge sizes")
    for which in huge:
        raw = declare_huge_sizes(raw, which)
    flips = data.draw(st.one_of(st.just([]), mutations), label="zip byte mutations")
    raw = mutate(raw, flips)  # type: ignore[arg-type]
    path = scratch / f"pkg-{next(_count)}.zip"
    path.write_bytes(raw)
    result = _import(workspace, path, strict_reader)
    if result is None:
        return
    untouched = not huge and not flips
    # Duplicate names may replace a clean entry's content; only then is "clean" not promised.
    overwritten = {i.name for i in hostile}
    _check_stored(workspace, result, {n: d for n, d in clean.items()
                                      if untouched and n not in overwritten})
    if untouched and result.created:
        for item in hostile:
            if item.name in ESCAPING_NAMES and ".." in item.name.replace("\\", "/").split("/"):
                assert any(r.code == "path_escape" for r in result.refused), item.name


def test_zip_checks_can_fail(strict_reader: object, workspace: Workspace,
                             seeds: dict[str, bytes], scratch: Path) -> None:
    """The zip builder really writes what the properties are about (else they prove nothing)."""
    pdf = next(d for n, d in seeds.items() if n.endswith(".pdf"))
    raw = build_zip([ZipItem("manifest.json", seeds["manifest.json"]),
                     ZipItem("../evil.pdf", pdf), ZipItem("gbk:合同.pdf", pdf + b" "),
                     ZipItem("link.pdf", b"/etc/passwd", symlink=True),
                     ZipItem("big.pdf", pdf + b"  ")])
    raw = declare_huge_sizes(raw, 4)
    path = scratch / "handmade.zip"
    path.write_bytes(raw)
    result = _import(workspace, path, strict_reader)
    assert result is not None
    codes = {r.name: r.code for r in result.refused}
    assert codes.get("../evil.pdf") == "path_escape"
    assert codes.get("link.pdf") == "link"
    assert codes.get("big.pdf") == "file_too_large"
    assert "合同.pdf" in {r.name for r in result.reports}
    assert json.loads(seeds["manifest.json"])["policy"] == POLICY
