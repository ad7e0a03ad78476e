"""Safe reading of packages: zip-slip, links, bombs, GBK names, limits."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.ingest.limits import MIB, Limits
from slq_desk.ingest.unpack import UnsafePackage, read_package, safe_name


def _zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("raw", ["../evil.pdf", "/etc/passwd", "C:/Windows/x.pdf", "C:x.pdf",
                                 "a/../../b.pdf", "..\\..\\win.pdf", "a/C:/x", "", "./..", "a\x00b"])
def test_names_that_escape_are_refused(raw: str) -> None:
    assert safe_name(raw) is None


@pytest.mark.parametrize("raw,expected", [("a/b.pdf", "a/b.pdf"), ("./a//b.pdf", "a/b.pdf"),
                                          ("dir\\合同.pdf", "dir/合同.pdf")])
def test_ordinary_names_are_kept(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_zip_slip_entries_are_refused_and_the_rest_kept(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "p.zip", [("../../evil.pdf", b"%PDF-1.4 evil"),
                                        ("/abs.pdf", b"x"), ("C:/win.pdf", b"y"),
                                        ("ok.pdf", b"%PDF-1.4 ok")])
    package = read_package(archive)
    assert [e.name for e in package.entries] == ["ok.pdf"]
    assert sorted(r.code for r in package.refused) == ["path_escape"] * 3
    assert not (tmp_path.parent / "evil.pdf").exists()
    assert "escapes the package" in package.refused[0].message_en


def test_symlink_entry_is_refused(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("link.pdf")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive = _zip(tmp_path / "p.zip", [(link, b"/etc/passwd"), ("a.pdf", b"%PDF-1.4")])
    package = read_package(archive)
    assert [(r.name, r.code) for r in package.refused] == [("link.pdf", "link")]
    assert [e.name for e in package.entries] == ["a.pdf"]


def test_zip_bomb_entry_is_refused_by_ratio(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "bomb.zip", [("bomb.pdf", b"\0" * (8 * MIB)), ("a.pdf", b"%PDF-1.4")])
    package = read_package(archive, Limits(max_ratio=100, ratio_floor_bytes=1 * MIB))
    assert [(r.name, r.code) for r in package.refused] == [("bomb.pdf", "ratio_exceeded")]
    assert "zip bomb" in package.refused[0].message_en


def test_entry_lying_about_its_size_is_caught_while_reading(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "p.zip", [("big.pdf", os.urandom(3 * MIB))])
    package = read_package(archive, Limits(max_file_bytes=2 * MIB))
    assert [r.code for r in package.refused] == ["file_too_large"]


def test_total_size_limit_refuses_the_whole_package(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "p.zip", [(f"{n}.pdf", os.urandom(600 * 1024)) for n in range(4)])
    with pytest.raises(UnsafePackage) as err:
        read_package(archive, Limits(max_total_bytes=2 * MIB))
    assert err.value.code == "too_large"
    assert isinstance(err.value, BadInput)


def test_entry_count_limit_refuses_the_whole_package(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "p.zip", [(f"{n}.pdf", b"x") for n in range(12)])
    with pytest.raises(UnsafePackage) as err:
        read_package(archive, Limits(max_entries=10))
    assert err.value.code == "too_many_entries"


def test_gbk_names_from_chinese_windows_are_decoded(tmp_path: Path) -> None:
    wanted = ["申报材料/发票-1.pdf", "申报材料/服务合同.pdf"]
    placeholders = [f"PLACEHOLDER{n}".ljust(len(w.encode("gbk")), "_") for n, w in enumerate(wanted)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for ph in placeholders:
            zf.writestr(ph, b"%PDF-1.4")
    data = buf.getvalue()
    for ph, real in zip(placeholders, wanted, strict=False):  # same length: offsets stay valid
        data = data.replace(ph.encode("ascii"), real.encode("gbk"))
    archive = tmp_path / "gbk.zip"
    archive.write_bytes(data)
    package = read_package(archive)
    # The common top folder is dropped, so the names are relative to it.
    assert sorted(e.name for e in package.entries) == ["发票-1.pdf", "服务合同.pdf"]


def test_utf8_flagged_names_and_clutter(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "p.zip", [("合同.pdf", b"%PDF"), ("__MACOSX/._合同.pdf", b"x"),
                                        ("sub/.DS_Store", b"x"), ("sub/付款.pdf", b"%PDF")])
    package = read_package(archive)
    assert sorted(e.name for e in package.entries) == ["sub/付款.pdf", "合同.pdf"]
    assert len(package.ignored) == 2


def test_folder_links_and_fifos_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (folder / "link.pdf").symlink_to(secret)
    (folder / "dirlink").symlink_to(tmp_path)
    os.mkfifo(folder / "pipe.pdf")  # reading it would block forever
    package = read_package(folder)
    assert [e.name for e in package.entries] == ["a.pdf"]
    assert sorted((r.name, r.code) for r in package.refused) == [
        ("dirlink", "link"), ("link.pdf", "link"), ("pipe.pdf", "special_file")]


def test_not_a_package(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(BadInput, match="neither a folder nor a zip") as err:
        read_package(text)
    # The window's Chinese sentence travels with the error.
    from slq_desk.errors import localised

    assert localised(err.value, chinese=True) == "“notes.txt”既不是文件夹也不是 zip 压缩包，无法作为申报包导入。"
    assert localised(err.value, chinese=False) == "notes.txt is neither a folder nor a zip archive"
    with pytest.raises(BadInput, match="cannot open"):
        read_package(tmp_path / "missing")


def test_limits_from_mapping() -> None:
    limits = Limits.from_mapping({"max_entries": "7", "file_timeout_s": "2.5"})
    assert (limits.max_entries, limits.file_timeout_s) == (7, 2.5)
    with pytest.raises(BadInput, match="unknown import limit"):
        Limits.from_mapping({"max_things": 1})
    with pytest.raises(BadInput, match="must be positive"):
        Limits.from_mapping({"max_entries": 0})
    with pytest.raises(BadInput, match="must be a number"):
        Limits.from_mapping({"max_ratio": "many"})


def test_folder_with_gbk_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/" + "发票-1.pdf".encode("gbk")
    with open(raw, "wb") as fh:  # a name the UTF-8 file system API cannot decode
        fh.write(b"%PDF-1.4")
    package = read_package(folder)
    assert [e.name for e in package.entries] == ["发票-1.pdf"]


def test_folder_with_too_many_files(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n}.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(UnsafePackage, match="more than 10 files"):
        read_package(folder, Limits(max_entries=10))
