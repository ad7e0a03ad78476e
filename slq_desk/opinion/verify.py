"""Verify a signed opinion: signature, whole-file coverage, signer, embedded data, package.

A file is *valid* when its last signature is cryptographically intact, covers every byte of the
file (nothing appended after signing), its embedded opinion data can be read back, and — when a
package is given — every listed document's SHA-256 is found in it. Trust in the signer's
certificate is reported, not required: reviewers' certificates are often self-signed, and the
panel compares the fingerprint with the one the reviewer registered.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.opinion.data import ATTACHMENT_NAME, OpinionData
from slq_desk.opinion.package_hashes import package_hashes

MAX_PDF_BYTES = 200 * 1024 * 1024


@dataclass
class PackageCheck:
    path: str
    matched: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.changed and not self.missing


@dataclass
class VerifyResult:
    path: str
    valid: bool = False
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    signer: str = ""
    signer_subject: str = ""
    cert_sha256: str = ""
    self_signed: bool | None = None
    trusted: bool | None = None
    signed_at: datetime | None = None
    coverage: str = ""
    modification: str = ""
    data: OpinionData | None = None
    raw_data: dict[str, Any] | None = None
    package: PackageCheck | None = None

    def fail(self, reason: str) -> None:
        self.reasons.append(reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "valid": self.valid,
            "reasons": self.reasons,
            "warnings": self.warnings,
            "signer": {
                "name": self.signer,
                "subject": self.signer_subject,
                "cert_sha256": self.cert_sha256,
                "self_signed": self.self_signed,
                "trusted": self.trusted,
            },
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "coverage": self.coverage,
            "modification": self.modification,
            "data": self.raw_data,
            "package": None if self.package is None else {
                "path": self.package.path,
                "ok": self.package.ok,
                "matched": self.package.matched,
                "changed": self.package.changed,
                "missing": self.package.missing,
            },
        }


def read_pdf_bytes(path: Path) -> bytes:
    """Bad input (exit 2) is a path that is no file at all; a damaged PDF is *invalid*."""
    if not path.exists():
        raise BadInput(f"no file at {path}")
    if not path.is_file():
        raise BadInput(f"{path} is not a file")
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise BadInput(f"{path} is {size} bytes; an opinion is never that large")
    data = path.read_bytes()
    if not data.lstrip()[:5] == b"%PDF-":
        raise BadInput(f"{path} is not a PDF file")
    return data


def verify_file(path: Path, package: Path | None = None) -> VerifyResult:
    data = read_pdf_bytes(path)
    # The package is bad input of its own; find that out before judging the PDF.
    hashes = package_hashes(package) if package is not None else None
    result = verify_bytes(data, str(path))
    if hashes is not None and package is not None:
        if result.data is None:
            result.fail("不能核对申报材料：意见表中没有可读的材料清单 "
                        "(no readable document list to check the package against)")
        else:
            result.package = check_package(result.data, hashes, str(package))
            for name in result.package.changed:
                result.fail(f"申报材料已改动：{name} (package file changed: SHA-256 differs)")
            for name in result.package.missing:
                result.fail(f"申报材料缺失：{name} (listed document not in the package)")
    result.valid = not result.reasons
    return result


def verify_bytes(data: bytes, label: str = "<bytes>") -> VerifyResult:
    from pyhanko.pdf_utils.reader import PdfFileReader

    result = VerifyResult(path=label)
    tail = data.rstrip()[-1024:]
    if b"%%EOF" not in tail:
        result.fail("文件不完整：缺少文件结尾标记，可能被截断 (file truncated: no %%EOF at the end)")
        return result
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = reader.embedded_signatures
    except Exception as err:  # noqa: BLE001 — any parser failure on a hostile file is "damaged"
        result.fail(f"文件已损坏，无法解析 (damaged PDF: {type(err).__name__}: {err})")
        return result
    if not sigs:
        result.fail("文件没有签名 (no signature)")
        return result
    try:
        if len(sigs) > 1:
            result.warnings.append(f"文件含 {len(sigs)} 个签名 / {len(sigs)} signatures; "
                                   "签名人信息取自最后一个 / signer shown is the last one")
            for n, earlier in enumerate(sigs[:-1], 1):
                _check_earlier_signature(earlier, n, result)
        _check_signature(sigs[-1], result)
        _read_data(reader, result)
    except Exception as err:  # noqa: BLE001
        # pyHanko parses objects lazily, so damage anywhere (a broken xref, a corrupt zlib
        # stream) can surface only now; it makes the file invalid, never a crash.
        result.fail(f"文件已损坏，无法解析 (damaged PDF: {type(err).__name__}: {err})")
        return result
    if result.data is not None and result.signer and result.data.reviewer \
            and result.data.reviewer != result.signer:
        result.warnings.append(f"签名证书姓名（{result.signer}）与意见表中的评审专家"
                               f"（{result.data.reviewer}）不一致")
    result.valid = not result.reasons
    return result


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs an untrusted (e.g. self-signed) path as a warning with a traceback; the
    result already says "untrusted", so the log would only frighten the person reading it."""
    logger = logging.getLogger("pyhanko")
    cv_logger = logging.getLogger("pyhanko_certvalidator")
    old = (logger.level, cv_logger.level)
    logger.setLevel(logging.CRITICAL)
    cv_logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(old[0])
        cv_logger.setLevel(old[1])


def _check_earlier_signature(sig: Any, n: int, result: VerifyResult) -> None:
    """A signature before the last must be intact, and what came after it may only be more
    signatures or form filling: otherwise someone changed the page and signed again."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    with _quiet_pyhanko():
        status = validate_pdf_signature(
            sig, ValidationContext(trust_roots=[], allow_fetching=False))
    if not status.intact or not status.valid:
        result.fail(f"第 {n} 个签名无效 (signature {n} invalid)")
    level = status.modification_level
    if level is None or level > ModificationLevel.FORM_FILLING:
        result.fail(f"第 {n} 个签名之后页面被修改 (document modified after signature {n}: "
                    f"{level.name if level is not None else 'unknown'})")


def _check_signature(sig: Any, result: VerifyResult) -> None:
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        cert = cx509.load_der_x509_certificate(sig.signer_cert.dump())
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        result.signer = str(names[0].value) if names else ""
        result.signer_subject = cert.subject.rfc4514_string()
        result.cert_sha256 = cert.fingerprint(hashes.SHA256()).hex()
        result.self_signed = cert.subject == cert.issuer
    except Exception as err:  # a CMS blob without a usable certificate is simply invalid
        result.fail(f"签名中没有可用的签名人证书 (no usable signer certificate: {err})")
        return
    try:
        # No fetching: verification is offline; trust is reported, not required. The system
        # roots are not loaded either: a reviewer's certificate is judged by fingerprint.
        with _quiet_pyhanko():
            status = validate_pdf_signature(
                sig, ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception as err:
        result.fail(f"签名无法核验 (signature cannot be validated: {type(err).__name__}: {err})")
        return
    result.trusted = bool(status.trusted)
    result.signed_at = status.signer_reported_dt
    result.coverage = status.coverage.name if status.coverage is not None else "UNCLEAR"
    result.modification = (status.modification_level.name
                           if status.modification_level is not None else "")
    if not status.intact:
        result.fail("签名后的内容已被改动：摘要不符 (document changed after signing: "
                    "digest mismatch)")
    elif not status.valid:
        result.fail("签名值无效 (signature value invalid)")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        what = {
            "NONE": "只追加了签名信息",
            "LTA_UPDATES": "追加了验证信息",
            "FORM_FILLING": "填写了表单",
            "ANNOTATIONS": "添加了批注",
            "OTHER": "修改了页面或文档结构",
        }.get(result.modification, "追加了内容")
        result.fail(f"签名后文件又被修改（{what}），签名未覆盖整个文件 "
                    f"(file modified after signing: coverage {result.coverage}, "
                    f"changes {result.modification or 'unknown'})")


def _read_data(reader: Any, result: VerifyResult) -> None:
    raw = embedded_file(reader, ATTACHMENT_NAME)
    if raw is None:
        result.fail(f"文件中没有机器可读的评审数据 (no embedded {ATTACHMENT_NAME})")
        return
    try:
        parsed = json.loads(raw.decode("utf-8"))
        if not isinstance(parsed, dict):
            raise ValueError("top level is not an object")
        result.raw_data = parsed
        result.data = OpinionData.from_json(parsed)
    except (ValueError, UnicodeDecodeError, BadInput) as err:
        result.fail(f"评审数据无法读取 (embedded data unreadable: {err})")


def embedded_file(reader: Any, name: str) -> bytes | None:
    """Bytes of the embedded file ``name`` from the catalog's flat EmbeddedFiles name tree."""
    try:
        root = reader.root
        tree = root["/Names"]["/EmbeddedFiles"]
        arr = tree["/Names"]
    except KeyError:
        return None
    for i in range(0, len(arr) - 1, 2):
        key = arr[i]
        if str(key) != name:
            continue
        spec = arr[i + 1].get_object()
        try:
            return bytes(spec["/EF"]["/F"].get_object().data)
        except KeyError:
            return None
    return None


def check_package(data: OpinionData, hashes: dict[str, str], label: str) -> PackageCheck:
    check = PackageCheck(path=label)
    present = set(hashes.values())
    by_basename: dict[str, str] = {}
    for rel, digest in hashes.items():
        by_basename.setdefault(PurePosixPath(rel).name, digest)
    for doc in data.documents:
        if doc.sha256.lower() in present:
            check.matched.append(doc.name)
        elif doc.name in hashes or PurePosixPath(doc.name).name in by_basename:
            check.changed.append(doc.name)
        else:
            check.missing.append(doc.name)
    return check
