"""Verifying a signed PDF that may be an expert opinion or a panel's 评审结果汇总表.

The two carry different attachments (``opinion.json`` / the summary's own), so which one a file
is comes from the file itself, before any verification: no guessing from an error message's
wording. The result says which it was (``kind``) and carries that verifier's answer.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pyhanko.pdf_utils.reader import PdfFileReader

from slq_desk.opinion.data import ATTACHMENT_NAME
from slq_desk.opinion.verify import VerifyResult, embedded_file, read_pdf_bytes, verify_file
from slq_desk.panel.exports import SUMMARY_ATTACHMENT, verify_summary

OPINION: Literal["opinion"] = "opinion"
SUMMARY: Literal["summary"] = "summary"


@dataclass
class Verified:
    """What the verify window and ``slq-desk verify`` show: an expert opinion's result
    (``kind == "opinion"``, ``result``), or a panel summary's (``kind == "summary"``)."""

    path: Path
    kind: Literal["opinion", "summary"]
    # The signature verifier's result: for a summary, its signer and signature checks (its
    # complaint about the missing opinion.json is not among ``summary_reasons``).
    result: VerifyResult | None = None
    summary_valid: bool = False
    summary_reasons: list[str] = field(default_factory=list)
    summary: dict[str, Any] | None = None


# What happened to the signed bytes, as one verdict every line of a verify screen derives from.
INTACT: Literal["intact"] = "intact"  # nothing changed after signing
VALIDATION_ADDED: Literal["validation_added"] = "validation_added"  # only DSS / timestamps added
CHANGED_INSIDE: Literal["changed_inside"] = "changed_inside"  # signed bytes altered (digest)
CHANGED_AFTER: Literal["changed_after"] = "changed_after"  # a later revision changes the file
NOT_CHECKED: Literal["not_checked"] = "not_checked"  # no signature could be examined at all

Integrity = Literal["intact", "validation_added", "changed_inside", "changed_after",
                    "not_checked"]

# Codes that mean the signed content itself no longer matches the signature.
_INSIDE = ("DIGEST_MISMATCH", "SIGNATURE_INVALID", "BYTERANGE_GAP", "BYTERANGE_MALFORMED")
# Codes that mean something was appended or re-signed after the signature.
_AFTER = ("LATER_REVISION", "DOCMDP_VIOLATION", "BYTERANGE_NOT_EOF", "MULTIPLE_SIGNATURES")


@dataclass(frozen=True)
class SignatureVerdict:
    """One reading of a verification result: whether it holds, and what happened to the
    signed bytes. The verify window's title, its 签名后修改 line and its coverage line are all
    taken from here, so they can never disagree (pyHanko's modification level alone says
    "none" for a file whose signed bytes were edited in place: there is no later revision)."""

    valid: bool
    integrity: Integrity
    modification: str  # pyHanko's level, kept for the detail (NONE, FORM_FILLING, OTHER …)


def signature_verdict(result: VerifyResult) -> SignatureVerdict:
    codes = set(result.codes)
    if codes & set(_INSIDE):
        integrity: Integrity = CHANGED_INSIDE
    elif codes & set(_AFTER):
        integrity = CHANGED_AFTER
    elif not result.coverage:
        integrity = NOT_CHECKED  # no signature, damaged file, unusable certificate
    elif result.coverage != "ENTIRE_FILE":
        # Only validation data was appended (a warning, not a refusal); anything else has a code.
        integrity = VALIDATION_ADDED
    else:
        integrity = INTACT
    valid = result.valid and integrity in (INTACT, VALIDATION_ADDED)
    return SignatureVerdict(valid, integrity, result.modification)


def attachment_kind(data: bytes) -> Literal["opinion", "summary"]:
    """``summary`` when the file carries a panel summary's attachment and no opinion's;
    otherwise ``opinion`` (a damaged or foreign file is then judged, and refused, as one)."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        has_summary = embedded_file(reader, SUMMARY_ATTACHMENT) is not None
        has_opinion = embedded_file(reader, ATTACHMENT_NAME) is not None
    except Exception:  # noqa: BLE001 — hostile bytes: the opinion verifier reports the damage
        return OPINION
    return SUMMARY if has_summary and not has_opinion else OPINION


def verify(pdf: Path, package: Path | None = None) -> Verified:
    """Verify ``pdf`` (against the submission ``package`` when given: opinions only)."""
    data = read_pdf_bytes(pdf)
    if package is None and attachment_kind(data) == SUMMARY:
        ok, reasons, payload = verify_summary(data, str(pdf))
        return Verified(pdf, SUMMARY, verify_file(pdf), ok, reasons, payload)
    return Verified(pdf, OPINION, verify_file(pdf, package))
