"""Read a submission package (a folder or a .zip) into memory, refusing what is unsafe.

Nothing from the package is ever written to disk under a name it chose: entries are read into
memory, checked, and only then stored by their SHA-256 (see ``Workspace.store_blob``). Unsafe
entries — names that escape the package (``..``, absolute paths, drive letters), links,
devices, oversized or over-compressed entries — are refused one by one with their reason, and
the rest of the package carries on. Past the package-wide limits (entry count, total unpacked
size) the whole package is refused: that is a bomb, not a submission.
"""

from __future__ import annotations

import os
import stat
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from slq_desk.errors import BadInput
from slq_desk.ingest.limits import DEFAULT_LIMITS, MIB, Limits

# Clutter that archivers and file managers add; skipped without a finding.
_CLUTTER_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_CLUTTER_DIRS = {"__MACOSX"}
_CHUNK = 1 * MIB
_ZIP_UTF8_FLAG = 0x800
_UNICODE_PATH_EXTRA = 0x7075


class UnsafePackage(BadInput):
    """The whole package is refused; ``code`` says why (too_many_entries, too_large, …)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Entry:
    name: str  # relative POSIX path inside the package, as the applicant named it
    data: bytes


@dataclass(frozen=True)
class Refusal:
    name: str
    code: str  # path_escape | link | special_file | file_too_large | ratio_exceeded | unreadable_entry
    message_zh: str
    message_en: str


@dataclass
class Package:
    source: Path
    name: str
    entries: list[Entry] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def entry(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.name == name), None)


def read_package(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Package:
    """Read a folder or a zip archive; raise BadInput if it is neither, UnsafePackage if a
    package-wide limit is passed."""
    source = Path(path)
    try:
        st = source.lstat()
    except OSError as err:
        raise BadInput(f"cannot open package {source}: {err.strerror or err}",
                       zh=f"无法打开申报包“{source}”：{err.strerror or err}") from None
    if stat.S_ISLNK(st.st_mode):
        source = source.resolve()
    if source.is_dir():
        package = _read_folder(source, limits)
    elif source.is_file() and zipfile.is_zipfile(source):
        package = _read_zip(source, limits)
    elif source.is_file():
        raise BadInput(f"{source.name} is neither a folder nor a zip archive",
                       zh=f"“{source.name}”既不是文件夹也不是 zip 压缩包，无法作为申报包导入。")
    else:
        raise BadInput(f"{source} is not a regular file or folder",
                       zh=f"“{source}”不是普通文件或文件夹。")
    _strip_common_folder(package)
    return package


# --- names -----------------------------------------------------------------------------------

def safe_name(raw: str) -> str | None:
    """The entry's relative POSIX path, or None if it would leave the package folder."""
    name = raw.replace("\\", "/")
    if "\x00" in name or name.startswith("/") or (len(name) >= 2 and name[1] == ":"):
        return None
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    if any(len(p) >= 2 and p[1] == ":" for p in parts):  # "a/C:/x" on Windows
        return None
    return "/".join(parts)


def decode_zip_name(info: zipfile.ZipInfo) -> str:
    """The entry's real name: UTF-8 when flagged, the Info-ZIP Unicode path field when present,
    else the raw bytes as UTF-8 or GBK (zips made on Chinese Windows), zipfile's cp437 last."""
    if info.flag_bits & _ZIP_UTF8_FLAG:
        return info.filename
    unicode_path = _unicode_path_extra(info.extra)
    if unicode_path is not None:
        return unicode_path
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _unicode_path_extra(extra: bytes) -> str | None:
    pos = 0
    while pos + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4: pos + 4 + size]
        if tag == _UNICODE_PATH_EXTRA and len(body) > 5 and body[0] == 1:
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                return None
        pos += 4 + size
    return None


def _is_clutter(name: str) -> bool:
    parts = name.split("/")
    return parts[-1] in _CLUTTER_NAMES or parts[-1].startswith("._") or any(
        p in _CLUTTER_DIRS for p in parts[:-1])


def _refuse(package: Package, name: str, code: str) -> None:
    zh, en = _REFUSAL_TEXT[code]
    package.refused.append(Refusal(name, code, zh.format(name=name), en.format(name=name)))


_REFUSAL_TEXT: dict[str, tuple[str, str]] = {
    "path_escape": ("“{name}”的路径指向包外（.. / 绝对路径 / 盘符），已拒收",
                    "entry '{name}' escapes the package folder (.., absolute path or drive); refused"),
    "link": ("“{name}”是链接，已拒收", "entry '{name}' is a link; refused"),
    "special_file": ("“{name}”是设备或特殊文件，已拒收",
                     "entry '{name}' is a device or special file; refused"),
    "file_too_large": ("“{name}”超过单个文件大小上限，已拒收",
                       "entry '{name}' is larger than the per-file limit; refused"),
    "ratio_exceeded": ("“{name}”压缩比异常（疑似压缩炸弹），已拒收",
                       "entry '{name}' expands far beyond its compressed size (zip bomb?); refused"),
    "unreadable_entry": ("“{name}”无法从压缩包读出（损坏或加密），已拒收",
                         "entry '{name}' cannot be read from the archive (damaged or encrypted); refused"),
}


# --- zip -------------------------------------------------------------------------------------

def _read_zip(source: Path, limits: Limits) -> Package:
    package = Package(source=source, name=source.stem)
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise BadInput(f"{source.name} is not a readable zip archive: {err}",
                       zh=f"“{source.name}”不是可读取的 zip 压缩包（可能已损坏）。") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > limits.max_entries:
            raise UnsafePackage("too_many_entries",
                                f"{source.name} has {len(infos)} entries, more than the limit of "
                                f"{limits.max_entries}; refused")
        total = 0
        for info in infos:
            shown = decode_zip_name(info)
            name = safe_name(shown)
            if name is None:
                _refuse(package, shown, "path_escape")
                continue
            if _is_clutter(name):
                package.ignored.append(name)
                continue
            mode = (info.external_attr >> 16) & 0xFFFF
            if info.create_system == 3 and mode:  # Unix permissions are only there from Unix zips
                if stat.S_ISLNK(mode):
                    _refuse(package, name, "link")
                    continue
                if not (stat.S_ISREG(mode) or stat.S_IFMT(mode) == 0):
                    _refuse(package, name, "special_file")
                    continue
            if info.file_size > limits.max_file_bytes:
                _refuse(package, name, "file_too_large")
                continue
            data = _read_zip_entry(zf, info, limits, package, name)
            if data is None:
                continue
            total += len(data)
            if total > limits.max_total_bytes:
                raise UnsafePackage("too_large",
                                    f"{source.name} unpacks to more than "
                                    f"{limits.max_total_bytes // MIB} MiB; refused")
            package.entries.append(Entry(name, data))
    return package


def _read_zip_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits,
                    package: Package, name: str) -> bytes | None:
    # The sizes in the header are the applicant's word; count what actually comes out.
    compressed = max(info.compress_size, 1)
    chunks: list[bytes] = []
    size = 0
    try:
        with zf.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.max_file_bytes:
                    _refuse(package, name, "file_too_large")
                    return None
                if size > limits.ratio_floor_bytes and size / compressed > limits.max_ratio:
                    _refuse(package, name, "ratio_exceeded")
                    return None
                chunks.append(chunk)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError,
            ValueError, zipfile.LargeZipFile) as _err:
        _refuse(package, name, "unreadable_entry")
        return None
    except Exception:  # zlib/bz2/lzma errors surface under several types
        _refuse(package, name, "unreadable_entry")
        return None
    return b"".join(chunks)


# --- folder ----------------------------------------------------------------------------------

def _read_folder(source: Path, limits: Limits) -> Package:
    package = Package(source=source, name=source.name)
    total = 0
    count = 0
    for rel, entry_path in _walk(source, package, limits):
        try:
            st = entry_path.lstat()
        except OSError:
            _refuse(package, rel, "unreadable_entry")
            continue
        if stat.S_ISLNK(st.st_mode):
            _refuse(package, rel, "link")
            continue
        if not stat.S_ISREG(st.st_mode):  # never open a FIFO: reading it would hang
            _refuse(package, rel, "special_file")
            continue
        if _is_clutter(rel):
            package.ignored.append(rel)
            continue
        count += 1
        if count > limits.max_entries:
            raise UnsafePackage("too_many_entries",
                                f"{source.name} has more than {limits.max_entries} files; refused")
        if st.st_size > limits.max_file_bytes:
            _refuse(package, rel, "file_too_large")
            continue
        try:
            with open(entry_path, "rb", opener=_nofollow_opener) as fh:
                data = fh.read(limits.max_file_bytes + 1)
        except OSError:
            _refuse(package, rel, "unreadable_entry")
            continue
        if len(data) > limits.max_file_bytes:
            _refuse(package, rel, "file_too_large")
            continue
        total += len(data)
        if total > limits.max_total_bytes:
            raise UnsafePackage("too_large",
                                f"{source.name} holds more than "
                                f"{limits.max_total_bytes // MIB} MiB; refused")
        package.entries.append(Entry(rel, data))
    return package


def _nofollow_opener(path: str, flags: int) -> int:
    # Between lstat and open a file could be swapped for a link; O_NOFOLLOW closes that gap.
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def _walk(root: Path, package: Package, limits: Limits) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError:
            package.refused.append(Refusal(str(folder), "unreadable_entry",
                                           f"无法读取文件夹“{folder.name}”",
                                           f"cannot read folder '{folder.name}'"))
            continue
        for item in items:
            path = Path(item.path)
            rel = _displayable(path.relative_to(root).as_posix())
            if item.is_dir(follow_symlinks=False):
                if rel.split("/")[-1] in _CLUTTER_DIRS:
                    package.ignored.append(rel + "/")
                else:
                    stack.append(path)
            else:
                found.append((rel, path))
                # Stop walking a folder of millions of files early (clutter counts too).
                if len(found) > 2 * limits.max_entries + 100:
                    raise UnsafePackage("too_many_entries",
                                        f"{root.name} has more than {limits.max_entries} files; "
                                        "refused")
    found.sort(key=lambda x: x[0])
    return found


def _displayable(name: str) -> str:
    """A file name the OS could not decode (GBK bytes on a UTF-8 system arrive as surrogate
    escapes) is decoded as GB18030, else shown with replacement characters."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace")


def _strip_common_folder(package: Package) -> None:
    """Zips often wrap everything in one top folder (“申报材料/…”): names are kept relative
    to it, so manifest.json is found at the top either way."""
    names = [e.name for e in package.entries]
    if not names or any("/" not in n for n in names):
        return
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) != 1:
        return
    cut = len(next(iter(tops))) + 1
    package.entries = [Entry(e.name[cut:], e.data) for e in package.entries]
