"""What the fuzz tests share: the strict reader, byte mutations, zip builders, the checks.

The production reader (``ParseWorker`` + ``analyse_file``) turns every exception into a
"cannot be read" finding, which is right for users but would hide a bug from a fuzzer. So the
fuzz tests run the same worker with ``strict_analyse``: any exception escaping ``analyse_file``
comes back as a report whose error starts with ``UNHANDLED`` and carries the traceback. Hangs
are still cut by the worker's per-file time limit (a ``pdf_timeout`` finding), exactly as in
production, so a hang shows up as a timeout count rather than a stuck test.
"""

from __future__ import annotations

import io
import os
import struct
import traceback
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import event as _event
from hypothesis import strategies as st

from slq_desk.ingest.analyse import FileReport, analyse_file, failed_report
from slq_desk.ingest.hashing import sha256_bytes
from slq_desk.ingest.limits import Limits

# --- profiles (see conftest.py) ------------------------------------------------------------

_COMMON = settings(
    deadline=None,  # a reader-process restart after a killed file takes ~1 s
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # No "explain" phase: it prints every argument, fixtures included (megabytes of PDF).
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    print_blob=True,  # a failure prints the blob that replays it (@reproduce_failure)
)
settings.register_profile("fuzz-suite", _COMMON, max_examples=60)
# The recorded run used 4000 per property: 13 minutes on the (shared) 2-core machine, two
# thirds of it in the two whole-package properties (see README.md).
settings.register_profile("fuzz-long", _COMMON,
                          max_examples=int(os.environ.get("SLQ_DESK_FUZZ_EXAMPLES", "4000")))

# A hostile file may make MuPDF spin: the fuzz reader gives each file this long, not the 30 s
# default, so a hang costs seconds and still shows up as a pdf_timeout finding.
FUZZ_LIMITS = Limits(file_timeout_s=float(os.environ.get("SLQ_DESK_FUZZ_TIMEOUT", "8")))


def fuzz_settings() -> settings:
    """The profile named by SLQ_DESK_FUZZ_PROFILE (default fuzz-suite), for @settings(...)."""
    return settings.get_profile(os.environ.get("SLQ_DESK_FUZZ_PROFILE", "fuzz-suite"))


def event(label: str) -> None:
    """Count an outcome in --hypothesis-show-statistics; a no-op outside a @given test."""
    from hypothesis.control import currently_in_test_context

    if currently_in_test_context():
        _event(label)


UNHANDLED = "UNHANDLED"
# Extractor kinds: a file read "as" each kind runs that extractor over whatever text it has.
KINDS = (None, "contract", "invoice", "payment_receipt", "usage_log", "usage_report",
         "application_form", "commitment_letter", "business_licence", "other")
# Severities that tell a person to look (every unreadable file needs one of these).
ATTENTION = {"block", "warn"}


def strict_analyse(name: str, data: bytes, max_pages: int, kind: str | None) -> FileReport:
    """``analyse_file`` with exceptions reported instead of absorbed (runs in the worker)."""
    try:
        return analyse_file(name, data, max_pages, kind)
    except BaseException:  # noqa: BLE001 - MemoryError too: we want to see it
        report = failed_report(name, data, "pdf_broken", "fuzz: unhandled", "fuzz: unhandled")
        report.error = f"{UNHANDLED} {traceback.format_exc()}"[:8000]
        return report


# --- byte mutations ------------------------------------------------------------------------

# Tokens that steer MuPDF's parser into its less travelled paths.
PDF_TOKENS = (b"obj", b"endobj", b"stream\n", b"endstream", b"xref", b"trailer", b"%%EOF",
              b"startxref\n99999999\n", b"/Length 999999999", b"/Length -1", b"<<", b">>",
              b"[", b"]", b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"/Encrypt 1 0 R",
              b"/Type /Pages /Kids [1 0 R] /Count 2147483647", b"1 0 R", b"0 0 R", b"(\\",
              b"/ObjStm", b"/W [1 9999 1]", b"\x00" * 16, b"\xff" * 16, "发票".encode("gbk"),
              "￥壹万圆整".encode("utf-16-be"))


@dataclass(frozen=True)
class Op:
    kind: str  # flip | truncate | insert | delete | token | splice
    where: float  # position as a fraction of the current length, so it fits any seed
    arg: int = 0
    blob: bytes = b""

    def apply(self, data: bytes) -> bytes:
        n = len(data)
        at = min(int(self.where * n), n)
        if self.kind == "flip":
            if n == 0:
                return data
            at = min(at, n - 1)
            return data[:at] + bytes([data[at] ^ (self.arg or 1)]) + data[at + 1:]
        if self.kind == "truncate":
            return data[:at]
        if self.kind == "insert":
            return data[:at] + self.blob + data[at:]
        if self.kind == "delete":
            return data[:at] + data[at + self.arg:]
        if self.kind == "token":
            return data[:at] + self.blob + data[at + self.arg:]
        if self.kind == "splice":  # copy a chunk of the file elsewhere (repeats objects)
            chunk = data[at:at + self.arg]
            to = min(int((1 - self.where) * n), n)
            return data[:to] + chunk + data[to:]
        raise ValueError(self.kind)


fractions = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
ops = st.one_of(
    st.builds(Op, st.just("flip"), fractions, st.integers(1, 255)),
    st.builds(Op, st.just("truncate"), fractions),
    st.builds(Op, st.just("insert"), fractions, st.just(0), st.binary(min_size=1, max_size=64)),
    st.builds(Op, st.just("delete"), fractions, st.integers(1, 4096)),
    st.builds(Op, st.just("token"), fractions, st.integers(0, 8), st.sampled_from(PDF_TOKENS)),
    st.builds(Op, st.just("splice"), fractions, st.integers(1, 2048)),
)
mutations = st.lists(ops, min_size=1, max_size=8)


def mutate(data: bytes, changes: Sequence[Op]) -> bytes:
    for op in changes:
        data = op.apply(data)
    return data


# --- zips ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ZipItem:
    name: str  # as written; "gbk:" prefix = the name's GBK bytes without the UTF-8 flag
    data: bytes
    deflate: bool = True
    symlink: bool = False


ESCAPING_NAMES = ("../evil.pdf", "../../etc/passwd", "/abs/evil.pdf", "C:/evil.pdf",
                  "a/../../evil.pdf", "a\\..\\..\\evil.pdf", "./././ok.pdf", "x/C:evil.pdf",
                  "evil\x00.pdf", "..", "申报材料/../../发票.pdf")
GBK_NAMES = ("gbk:申报材料/发票-1.pdf", "gbk:合同.pdf", "gbk:付款回单.pdf", "gbk:../逃逸.pdf")


def build_zip(items: Sequence[ZipItem]) -> bytes:
    """A zip with exactly these entries (duplicates allowed), GBK names as raw bytes."""
    buf = io.BytesIO()
    swaps: list[tuple[bytes, bytes]] = []
    with zipfile.ZipFile(buf, "w") as zf:
        for i, item in enumerate(items):
            name = item.name
            if name.startswith("gbk:"):
                raw = name[4:].encode("gbk")
                # zipfile would write a non-ASCII name as flagged UTF-8: write an ASCII
                # placeholder of the same length and swap the bytes in afterwards.
                placeholder = f"~{i:04d}~".encode().ljust(len(raw), b"_")  # GBK names ≥ 8 bytes
                swaps.append((placeholder, raw))
                name = placeholder.decode()
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED if item.deflate else zipfile.ZIP_STORED
            if item.symlink:
                info.create_system = 3
                info.external_attr = (0o120777 << 16)
            with warnings.catch_warnings():
                # zipfile warns on a duplicate name; duplicates are what we mean to write.
                warnings.simplefilter("ignore", UserWarning)
                zf.writestr(info, item.data)
    data = buf.getvalue()
    for placeholder, raw in swaps:
        data = data.replace(placeholder, raw)
    return data


def declare_huge_sizes(data: bytes, which: int, size: int = 0xFFFFFFF0) -> bytes:
    """Rewrite the uncompressed size in the ``which``-th central directory record (the
    applicant's word on how big the entry is) without touching the data."""
    out = bytearray(data)
    pos, seen = 0, 0
    while True:
        pos = out.find(b"PK\x01\x02", pos)
        if pos < 0 or pos + 28 > len(out):
            return bytes(out)
        if seen == which:
            struct.pack_into("<I", out, pos + 24, size)
            return bytes(out)
        seen += 1
        pos += 4


# --- checks --------------------------------------------------------------------------------

def check_report(report: FileReport, name: str, data: bytes) -> None:
    """What every report must satisfy, whatever the bytes were."""
    assert isinstance(report, FileReport), type(report)
    assert not (report.error or "").startswith(UNHANDLED), report.error
    assert report.name == name
    assert report.sha256 == sha256_bytes(data)
    for f in report.findings:
        assert f.message_zh.strip() and f.message_en.strip(), f
        assert f.severity in {"block", "warn", "info"}, f
    event(f"readable={report.readable}")
    for f in report.findings:
        if f.code in ("pdf_timeout", "extraction_failed", "pdf_repaired"):
            event(f"finding {f.code}")  # counted in --hypothesis-show-statistics
    if not report.readable:
        assert any(f.severity in ATTENTION for f in report.findings), (
            f"unreadable file without a finding: {name}: {report.error}")


def seed_files(folder: Path, limit_bytes: int = 400_000) -> list[tuple[str, bytes]]:
    """Seeds from a folder, small ones only (a fuzz step should take milliseconds)."""
    if not folder.is_dir():
        return []
    return [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())
            if p.is_file() and p.stat().st_size <= limit_bytes]
