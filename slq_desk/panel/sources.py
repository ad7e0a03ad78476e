"""Reading a folder or .zip of signed opinion PDFs: bounded, in memory, links never followed.

The files come from reviewers' laptops by USB stick or mail, so they are treated like any
untrusted input: a zip is read member by member with limits on count, size and compression
ratio, nothing is unpacked to disk, and one unreadable file never stops the rest.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from slq_desk.errors import BadInput
from slq_desk.opinion.verify import MAX_PDF_BYTES

MAX_FILES = 2000
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200  # uncompressed ÷ compressed; signed PDFs compress poorly, bombs enormously
RATIO_FLOOR = 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """One candidate file: its name as shown to the chair, and its bytes (or why not)."""

    name: str
    data: bytes | None
    error: str = ""


def _zip_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:  # Chinese Windows zips store GBK names without the UTF-8 flag
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _from_zip(path: Path) -> Iterator[SourceFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise BadInput(f"{path}: 不是有效的 zip 文件 / not a readable zip file: {err}") from None
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > MAX_FILES:
            raise BadInput(f"{path}: 文件过多（{len(members)}）/ too many files in the zip "
                           f"({len(members)} > {MAX_FILES})")
        total = 0
        for info in members:
            name = _zip_name(info)
            if not name.lower().endswith(".pdf"):
                continue
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                yield SourceFile(name, None, "符号链接，已拒绝 / a symbolic link, refused")
                continue
            if info.file_size > MAX_PDF_BYTES:
                yield SourceFile(name, None, "文件过大 / file too large for an opinion")
                continue
            if info.file_size > RATIO_FLOOR and info.compress_size and \
                    info.file_size / info.compress_size > MAX_RATIO:
                yield SourceFile(name, None, "压缩比异常（疑似压缩炸弹）/ suspicious compression "
                                             "ratio (zip bomb?)")
                continue
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise BadInput(f"{path}: 解压后总量过大 / the zip unpacks to too much data")
            try:
                with archive.open(info) as fh:
                    data = fh.read(MAX_PDF_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as err:
                # RuntimeError: an encrypted member; NotImplementedError: an odd compression.
                yield SourceFile(name, None, f"无法读取 / cannot read: {err}")
                continue
            if len(data) > MAX_PDF_BYTES:
                yield SourceFile(name, None, "文件过大 / file too large for an opinion")
                continue
            yield SourceFile(name, data)


def _from_folder(path: Path) -> Iterator[SourceFile]:
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf")
    if len(files) > MAX_FILES:
        raise BadInput(f"{path}: 文件过多 / too many PDF files ({len(files)} > {MAX_FILES})")
    for p in files:
        name = p.relative_to(path).as_posix()
        if p.is_symlink():
            yield SourceFile(name, None, "符号链接，已拒绝 / a symbolic link, refused")
            continue
        if not p.is_file():
            continue
        if p.stat().st_size > MAX_PDF_BYTES:
            yield SourceFile(name, None, "文件过大 / file too large for an opinion")
            continue
        try:
            yield SourceFile(name, p.read_bytes())
        except OSError as err:
            yield SourceFile(name, None, f"无法读取 / cannot read: {err.strerror or err}")


def read_sources(path: Path) -> list[SourceFile]:
    """Every ``*.pdf`` in a folder (recursively), in a .zip, or the single PDF named."""
    if not path.exists():
        raise BadInput(f"找不到 {path} / no such file or folder: {path}")
    if path.is_dir():
        return list(_from_folder(path))
    if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
        return list(_from_zip(path))
    if path.suffix.lower() == ".pdf":
        return [SourceFile(path.name, path.read_bytes())] if path.stat().st_size <= MAX_PDF_BYTES \
            else [SourceFile(path.name, None, "文件过大 / file too large for an opinion")]
    raise BadInput(f"{path}: 应为文件夹、.zip 或 .pdf / expected a folder, a .zip or a .pdf")
