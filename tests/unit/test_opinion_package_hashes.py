"""Package hashing for verification: folders and zips, hostile archives refused."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.opinion.package_hashes import package_hashes


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_folder_and_zip_give_the_same_hashes(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    (folder / "sub").mkdir(parents=True)
    (folder / "01-服务合同.pdf").write_bytes(b"contract")
    (folder / "sub" / "02-发票.pdf").write_bytes(b"invoice")
    z = tmp_path / "pkg.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("01-服务合同.pdf", b"contract")
        zf.writestr("sub/02-发票.pdf", b"invoice")
    expected = {"01-服务合同.pdf": sha(b"contract"), "sub/02-发票.pdf": sha(b"invoice")}
    assert package_hashes(folder) == expected
    assert package_hashes(z) == expected


def test_gbk_member_names_are_decoded(tmp_path: Path) -> None:
    # What Chinese Windows writes: GBK bytes, UTF-8 flag unset (Python would set the flag,
    # so the name is patched into the archive's bytes).
    z = tmp_path / "gbk.zip"
    name = "发票.pdf"
    raw = name.encode("gbk")
    placeholder = b"X" * (len(raw) - 4) + b".pdf"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(placeholder.decode(), b"x")
    z.write_bytes(z.read_bytes().replace(placeholder, raw))
    assert list(package_hashes(z)) == [name]


@pytest.mark.parametrize("member", ["../evil.pdf", "/abs.pdf"])
def test_escaping_members_are_refused(tmp_path: Path, member: str) -> None:
    z = tmp_path / "bad.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(member, b"x")
    with pytest.raises(BadInput, match="outside"):
        package_hashes(z)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.pdf", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(BadInput, match="bomb"):
        package_hashes(z)


def test_neither_folder_nor_zip(tmp_path: Path) -> None:
    f = tmp_path / "x.pdf"
    f.write_bytes(b"%PDF")
    with pytest.raises(BadInput, match="neither"):
        package_hashes(f)
    with pytest.raises(BadInput, match="no package"):
        package_hashes(tmp_path / "missing")


def test_symlinks_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"secret")
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"a")
    (folder / "link.pdf").symlink_to(outside)
    assert list(package_hashes(folder)) == ["a.pdf"]
