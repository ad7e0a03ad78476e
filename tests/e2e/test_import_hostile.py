"""Hostile input (issue 4, item 6): the qpdf corpus, disguised files and unsafe archives.

Every file gets either read or a finding saying why not; nothing crashes or hangs; unsafe
archive entries are refused with their reason and nothing lands outside the workspace.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from tests.unit.ingest_samples import empty_pdf, encrypted_pdf, text_pdf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "hostile"


def _hostile_package(folder: Path) -> Path:
    folder.mkdir()
    for f in sorted(CORPUS.iterdir()):
        shutil.copyfile(f, folder / f.name)
    (folder / "disguised-zip.pdf").write_bytes(b"PK\x03\x04" + b"\0" * 60)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "no-pages.pdf").write_bytes(empty_pdf())
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    good = text_pdf(["合同编号：HT-2026-001"], title="算力服务合同")
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 2])
    (folder / "zz-good-contract.pdf").write_bytes(good)
    return folder


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no hostile corpus beside the repository")
def test_hostile_corpus_imports_without_a_crash(tmp_path: Path) -> None:
    from slq_desk.ingest.importer import import_package
    from slq_desk.workspace import Workspace

    package = _hostile_package(tmp_path / "hostile")
    ws = Workspace.open(tmp_path / "ws")
    try:
        result = import_package(ws, package, policy="wuhan-2026")
    finally:
        ws.close()
    by_name = {r.name: r for r in result.reports}
    assert len(by_name) == len(list(package.iterdir()))
    unreadable = [r for r in result.reports if not r.readable]
    for report in unreadable:
        codes = [f.code for f in report.findings]
        assert codes and set(codes) <= {"pdf_broken", "pdf_encrypted", "unsupported_file",
                                         "pdf_timeout"}, (report.name, codes)
        assert all(f.severity == "block" for f in report.findings)
    for name in ("disguised-zip.pdf", "empty.pdf", "no-pages.pdf", "encrypted.pdf",
                 "truncated.pdf"):
        assert not by_name[name].readable, name
    assert by_name["encrypted.pdf"].findings[0].code == "pdf_encrypted"
    assert by_name["disguised-zip.pdf"].findings[0].code == "unsupported_file"
    # One bad file never stops the rest: the good contract after all of them is read.
    assert by_name["zz-good-contract.pdf"].kind == "contract"
    assert by_name["zz-good-contract.pdf"].extraction.fields["contract_number"].value == "HT-2026-001"
    assert len(unreadable) >= 25
    print(f"\n{len(result.reports)} files, {len(unreadable)} unreadable, "
          f"{result.findings} findings")


def _run(*args: str) -> int:
    from slq_desk.cli import main

    return main(list(args))


def test_unsafe_entries_are_refused_with_their_reason(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "unsafe.zip"
    link = zipfile.ZipInfo("link.pdf")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../../../slip.pdf", b"%PDF-1.4 slip")
        zf.writestr("/etc/cron.d/evil", b"* * * * * root echo")
        zf.writestr(link, "/etc/passwd")
        zf.writestr("bomb.pdf", b"%PDF-1.4\n" + b"\0" * (20 * 1024 * 1024))
        zf.writestr("合同.pdf", text_pdf(["合同编号：HT-1"], title="算力服务合同"))
    ws = tmp_path / "ws"
    assert _run("import", str(archive), "--workspace", str(ws), "--policy", "wuhan-2026",
                "--json") == 0
    out = json.loads(capsys.readouterr().out)
    reasons = {r["name"]: r["reason"] for r in out["refused"]}
    assert reasons == {"../../../slip.pdf": "path_escape", "/etc/cron.d/evil": "path_escape",
                       "link.pdf": "link", "bomb.pdf": "ratio_exceeded"}
    assert [f["file"] for f in out["files"]] == ["合同.pdf"]
    assert not list(tmp_path.rglob("slip.pdf"))
    assert out["blocking"] == 4


def test_bomb_over_the_total_limit_refuses_the_package(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for n in range(3):
            zf.writestr(f"{n}.pdf", os.urandom(2 * 1024 * 1024))  # 2 MiB each
    code = _run("import", str(archive), "--workspace", str(tmp_path / "ws"), "--policy",
                "wuhan-2026", "--max-total-mb", "5")
    assert code == 2
    err = capsys.readouterr().err
    assert "more than 5 MiB; refused" in err and "Traceback" not in err
    code = _run("import", str(archive), "--workspace", str(tmp_path / "ws"), "--policy",
                "wuhan-2026", "--max-files", "2")
    assert code == 2 and "more than the limit of 2" in capsys.readouterr().err
