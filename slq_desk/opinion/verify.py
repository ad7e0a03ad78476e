"""Verify a signed opinion: structure, signature, signer, embedded data, package.

A file is *valid* when it carries exactly one signature dictionary whose /ByteRange covers
every byte except exactly its ``<hex>`` /Contents (checked byte by byte in ``strict``, before
pyHanko's verdict is trusted), the signature is cryptographically intact, nothing but
validation data follows it, the signer's certificate is fit for signing (validity, KeyUsage,
key size), its embedded data can be read back and names the certificate's holder, and — when a
package is given — every listed document's SHA-256 is found in it. Each failure is a
``Refusal`` with its own code. Trust in a self-signed certificate comes from the panel's
roster (by fingerprint); when CA trust roots are configured, the chain must validate to them.
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
from slq_desk.opinion.reasons import Refusal

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
    refusals: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    signer: str = ""
    signer_subject: str = ""
    cert_sha256: str = ""
    self_signed: bool | None = None
    trusted: bool | None = None
    signed_at: datetime | None = None
    coverage: str = ""
    modification: str = ""
    certified: bool = False  # DocMDP P=1: third-party readers flag any later change
    kind: str = ""  # opinion.json's kind when readable
    data: OpinionData | None = None
    raw_data: dict[str, Any] | None = None
    package: PackageCheck | None = None

    def fail(self, refusal: Refusal) -> None:
        self.refusals.append(refusal)
        self.reasons.append(refusal.text())

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.refusals]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "valid": self.valid,
            "reasons": self.reasons,
            "codes": self.codes,
            "refusals": [r.to_json() for r in self.refusals],
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
            "certified": self.certified,
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
            result.fail(Refusal("PACKAGE_NO_LIST"))
        else:
            result.package = check_package(result.data, hashes, str(package))
            for name in result.package.changed:
                result.fail(Refusal("PACKAGE_CHANGED", name))
            for name in result.package.missing:
                result.fail(Refusal("PACKAGE_MISSING", name))
    result.valid = not result.reasons
    return result


def verify_bytes(data: bytes, label: str = "<bytes>", *,
                 attachment: str | None = ATTACHMENT_NAME, now: datetime | None = None,
                 trust_roots: list[Any] | None = None,
                 reviewer_from_certificate: bool = True) -> VerifyResult:
    """Judge ``data``; ``attachment`` None skips the opinion data (the panel summary carries
    its own), ``trust_roots`` None uses the configured roots (``trust``). With
    ``reviewer_from_certificate`` an expert opinion's reviewer must be the certificate's
    name; a panel with a roster passes False and checks the roster's name instead."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from slq_desk.opinion.strict import count_signature_dicts

    result = VerifyResult(path=label)
    tail = data.rstrip()[-1024:]
    if b"%%EOF" not in tail:
        result.fail(Refusal("FILE_TRUNCATED"))
        return result
    if trust_roots is None:
        from slq_desk.opinion.trust import configured_roots

        trust_roots = configured_roots()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as err:  # noqa: BLE001 — any parser failure on a hostile file is "damaged"
        result.fail(Refusal("PDF_DAMAGED", f"{type(err).__name__}: {err}"))
        return result
    try:
        stamps = [s for s in sigs if s.sig_object_type == "/DocTimeStamp"]
        real = sorted((s for s in sigs if s.sig_object_type != "/DocTimeStamp"),
                      key=lambda s: s.signed_revision)
        if not real:
            result.fail(Refusal("NO_SIGNATURE"))
            return result
        if len(real) > 1:
            result.fail(Refusal("MULTIPLE_SIGNATURES", f"{len(real)} signatures"))
        raw = count_signature_dicts(data)
        if raw > len(sigs):
            result.fail(Refusal("MULTIPLE_SIGNATURES",
                                f"{raw - len(sigs)} more signature dictionaries in the bytes "
                                "than the form lists"))
        sig = real[0]  # the opinion's own signature; anything after it is judged as a change
        later = reader.xrefs.total_revisions - 1 > sig.signed_revision
        _check_signature(data, sig, later, result, trust_roots, now)
        if stamps:
            result.warnings.append(f"签名后附有 {len(stamps)} 个文档时间戳（未核验其时间）/ "
                                   f"{len(stamps)} document timestamps follow (times not checked)")
        if attachment is not None:
            _read_data(reader, result, attachment)
    except Exception as err:  # noqa: BLE001
        # pyHanko parses objects lazily, so damage anywhere (a broken xref, a corrupt zlib
        # stream) can surface only now; it makes the file invalid, never a crash.
        result.fail(Refusal("PDF_DAMAGED", f"{type(err).__name__}: {err}"))
        return result
    data_ = result.data
    if reviewer_from_certificate and data_ is not None and data_.kind == "expert" \
            and result.signer and data_.reviewer != result.signer:
        # The reviewer is whoever holds the key; a JSON naming someone else is a forgery of
        # that person's opinion (or a mistake the reviewer must fix before sending it).
        result.fail(Refusal("REVIEWER_MISMATCH",
                            f"数据 / data: {data_.reviewer}; 证书 / certificate: {result.signer}"))
    if data_ is not None and data_.kind == "expert" and data_.rubric_id and data_.criteria:
        from slq_desk.opinion.scores import score_refusals

        for refusal in score_refusals(data_):
            if refusal.code == "RUBRIC_UNKNOWN":  # another office's rubric: import decides
                result.warnings.append(refusal.text())
            else:
                result.fail(refusal)
    if data_ is not None and data_.cert_sha256 and result.cert_sha256 \
            and data_.cert_sha256 != result.cert_sha256:
        result.fail(Refusal("REVIEWER_MISMATCH",
                            f"数据中的证书指纹 / fingerprint in the data {data_.cert_sha256[:16]}… "
                            f"≠ 签名证书 / signing certificate {result.cert_sha256[:16]}…"))
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


_CHANGE_WORDS = {
    "NONE": "只追加了签名信息",
    "LTA_UPDATES": "追加了验证信息",
    "FORM_FILLING": "填写了表单或追加了签名",
    "ANNOTATIONS": "添加了批注",
    "OTHER": "修改了页面或文档结构",
}


def _check_signature(data: bytes, sig: Any, later: bool, result: VerifyResult,
                     trust_roots: list[Any], now: datetime | None) -> None:
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    from slq_desk.opinion.strict import byte_range_refusals, certificate_refusals
    from slq_desk.opinion.trust import validation_context

    for refusal in byte_range_refusals(data, sig.sig_object, later):
        result.fail(refusal)
    try:
        cert = cx509.load_der_x509_certificate(sig.signer_cert.dump())
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        result.signer = str(names[0].value) if names else ""
        result.signer_subject = cert.subject.rfc4514_string()
        result.cert_sha256 = cert.fingerprint(hashes.SHA256()).hex()
        result.self_signed = cert.subject == cert.issuer
    except Exception as err:  # a CMS blob without a usable certificate is simply invalid
        result.fail(Refusal("NO_SIGNER_CERT", str(err)))
        return
    try:
        # No fetching: verification is offline. Without configured roots nothing is trusted
        # (a reviewer's certificate is judged by the roster's fingerprint instead).
        with _quiet_pyhanko():
            status = validate_pdf_signature(
                sig, validation_context(trust_roots, list(sig.other_embedded_certs)))
    except Exception as err:
        result.fail(Refusal("SIGNATURE_UNVERIFIABLE", f"{type(err).__name__}: {err}"))
        return
    result.trusted = bool(status.trusted)
    result.signed_at = status.signer_reported_dt
    result.coverage = status.coverage.name if status.coverage is not None else "UNCLEAR"
    result.modification = (status.modification_level.name
                           if status.modification_level is not None else "")
    result.certified = sig.docmdp_level == MDPPerm.NO_CHANGES
    if not status.intact:
        result.fail(Refusal("DIGEST_MISMATCH"))
    elif not status.valid:
        result.fail(Refusal("SIGNATURE_INVALID"))
    level = status.modification_level
    if later or status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        if level is not None and level <= ModificationLevel.LTA_UPDATES \
                and status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
            result.warnings.append("签名后只追加了验证信息（DSS/时间戳）/ only validation data "
                                   "(DSS, timestamps) was added after signing")
        else:
            what = _CHANGE_WORDS.get(result.modification, "追加了内容")
            result.fail(Refusal("LATER_REVISION",
                                f"{what}; coverage {result.coverage}, changes "
                                f"{result.modification or 'unknown'}"))
            if result.certified:
                result.fail(Refusal("DOCMDP_VIOLATION", result.modification or "unknown"))
    if status.docmdp_ok is False and "DOCMDP_VIOLATION" not in result.codes:
        result.fail(Refusal("DOCMDP_VIOLATION", result.modification or "unknown"))
    if trust_roots and not status.trusted:
        result.fail(Refusal("CERT_UNTRUSTED", result.signer_subject))
    for refusal in certificate_refusals(cert, result.signed_at, now):
        result.fail(refusal)
    if not result.certified:
        result.warnings.append("签名不是认证签名（DocMDP P=1），其他阅读器不会标出签名后的修改 / "
                               "not a certifying signature: other readers will not flag later "
                               "changes")


def _read_data(reader: Any, result: VerifyResult, name: str) -> None:
    raw = embedded_file(reader, name)
    if raw is None:
        result.fail(Refusal("DATA_MISSING", f"no embedded {name}"))
        return
    try:
        parsed = json.loads(raw.decode("utf-8"))
        if not isinstance(parsed, dict):
            raise ValueError("top level is not an object")
        result.raw_data = parsed
        result.data = OpinionData.from_json(parsed)
        result.kind = result.data.kind
    except (ValueError, UnicodeDecodeError, BadInput) as err:
        result.fail(Refusal("DATA_UNREADABLE", str(err)))


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
