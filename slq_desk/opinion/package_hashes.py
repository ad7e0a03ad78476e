"""SHA-256 of every file in a submission package (folder or .zip), read without unpacking.

Verification compares these with the hashes an opinion lists. The zip is read member by member
with limits on count and size, links are never followed, and nothing is written to disk, so a
hostile archive can at worst be refused.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from pathlib import Path, PurePosixPath

from slq_desk.errors import BadInput

MAX_FILES = 10_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_RATIO = 200  # uncompressed / compressed, for members big enough to matter
CHUNK = 1 << 20


def _sha256_stream(read: object) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    while True:
        block = read(CHUNK)  # type: ignore[operator]
        if not block:
            break
        size += len(block)
        h.update(block)
    return h.hexdigest(), size


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Member name as the applicant saw it: zips made on Chinese Windows use GBK without
    setting the UTF-8 flag, and Python decodes those names as CP437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def hash_zip(path: Path) -> dict[str, str]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise BadInput(f"{path} is not a readable zip file: {err}") from None
    result: dict[str, str] = {}
    total = 0
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        if len(members) > MAX_FILES:
            raise BadInput(f"{path} holds {len(members)} files; at most {MAX_FILES} are read")
        for info in members:
            name = _zip_name(info)
            pure = PurePosixPath(name.replace("\\", "/"))
            if pure.is_absolute() or ".." in pure.parts:
                raise BadInput(f"{path}: member {name!r} points outside the package")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise BadInput(f"{path}: member {name!r} is a link")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise BadInput(f"{path} unpacks to more than {MAX_TOTAL_BYTES} bytes")
            if info.file_size > CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise BadInput(f"{path}: member {name!r} is compressed suspiciously well "
                               "(zip bomb?)")
            try:
                with zf.open(info) as fh:
                    digest, size = _sha256_stream(fh.read)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as err:
                raise BadInput(f"{path}: cannot read member {name!r}: {err}") from None
            if size != info.file_size:
                raise BadInput(f"{path}: member {name!r} is not the size it declares")
            result[pure.as_posix()] = digest
    return result


def hash_folder(path: Path) -> dict[str, str]:
    result: dict[str, str] = {}
    for root, dirs, files in os.walk(path, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not (Path(root) / d).is_symlink())
        for name in sorted(files):
            full = Path(root) / name
            if full.is_symlink() or not full.is_file():
                continue  # links and devices are not package content
            if len(result) >= MAX_FILES:
                raise BadInput(f"{path} holds more than {MAX_FILES} files")
            with full.open("rb") as fh:
                digest, _ = _sha256_stream(fh.read)
            result[full.relative_to(path).as_posix()] = digest
    return result


def package_hashes(path: Path) -> dict[str, str]:
    """Relative path → SHA-256 for a package folder or .zip."""
    if not path.exists():
        raise BadInput(f"no package at {path}")
    if path.is_dir():
        return hash_folder(path)
    if zipfile.is_zipfile(path):
        return hash_zip(path)
    raise BadInput(f"{path} is neither a folder nor a .zip package")
