"""Our own checks of a signed PDF, made before any library's verdict is trusted.

pyHanko's coverage check compares sizes only: a file whose second signed range was moved to
the end, with a new signature dictionary, new data and a new xref put in the gap, is reported
as covering the ENTIRE_FILE. So the structure is checked here byte by byte: exactly one
signature dictionary, a /ByteRange ``[0 a b c]`` whose gap ``[a, b)`` is exactly the ``<hex>``
token of that dictionary's /Contents and whose end is the end of the file (or of the signed
revision, when only validation data follows), and a signer certificate fit for signing at the
time of verification.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier

from slq_desk.opinion.reasons import Refusal

MIN_RSA_BITS = 2048
MIN_EC_BITS = 256
# A reviewer's clock may be a little ahead of the chair's; more than this is not drift.
CLOCK_SKEW = timedelta(minutes=10)
_HEX = frozenset(b"0123456789abcdefABCDEF")
# Raw occurrences of a signature dictionary's byte range, wherever it hides (also in objects
# no xref points to: the wrapping attack leaves the original dictionary in the signed bytes).
_BYTERANGE = re.compile(rb"/ByteRange\s*\[")
# Extended key usages that allow signing documents. Absent EKU means unrestricted.
_DOC_SIGNING_EKUS = {
    ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE,
    ExtendedKeyUsageOID.EMAIL_PROTECTION,
    ObjectIdentifier("1.3.6.1.5.5.7.3.36"),  # id-kp-documentSigning (RFC 9336)
    ObjectIdentifier("1.2.840.113583.1.1.5"),  # Adobe Authentic Documents Trust
    ObjectIdentifier("1.3.6.1.4.1.311.10.3.12"),  # Microsoft Document Signing
}


def count_signature_dicts(data: bytes) -> int:
    """How many signature (or timestamp) dictionaries appear in the raw bytes."""
    return len(_BYTERANGE.findall(data))


def byte_range_refusals(data: bytes, sig_object: Any, later_revisions: bool) -> list[Refusal]:
    """The signature's /ByteRange must be ``[0 a b c]`` with ``data[a:b]`` exactly the
    ``<hex>`` /Contents token of this dictionary and ``b + c`` the end of the file (or the end
    of the signed revision when later revisions exist; those are judged separately)."""
    try:
        br = [int(v) for v in sig_object["/ByteRange"]]
    except (KeyError, TypeError, ValueError):
        return [Refusal("BYTERANGE_MALFORMED", "no /ByteRange")]
    if len(br) != 4 or br[0] != 0 or min(br) < 0:
        return [Refusal("BYTERANGE_MALFORMED", f"/ByteRange {br}")]
    _, a, b, c = br
    end = b + c
    if not a < b <= end <= len(data):
        return [Refusal("BYTERANGE_MALFORMED", f"/ByteRange {br} for {len(data)} bytes")]
    found: list[Refusal] = []
    gap = data[a:b]
    inner = gap[1:-1]
    if gap[:1] != b"<" or gap[-1:] != b">" or len(inner) % 2 or not set(inner) <= _HEX:
        found.append(Refusal("BYTERANGE_GAP", f"bytes {a}–{b} are not one <hex> string"))
    elif not data[:a].rstrip(b" \t\r\n\f\x00").endswith(b"/Contents"):
        found.append(Refusal("BYTERANGE_GAP", "the hex string in the gap is not a /Contents value"))
    else:
        try:
            parsed = bytes(sig_object.raw_get("/Contents").original_bytes)
        except Exception:  # noqa: BLE001 — a /Contents pyHanko cannot read is no match
            parsed = b""
        if bytes.fromhex(inner.decode("ascii")) != parsed:
            found.append(Refusal("BYTERANGE_GAP", "the gap is not this signature's /Contents"))
    if end != len(data):
        tail = data[:end].rstrip(b"\r\n")
        if not later_revisions or not tail.endswith(b"%%EOF"):
            found.append(Refusal("BYTERANGE_NOT_EOF",
                                 f"signed up to byte {end} of {len(data)}"))
    return found


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def certificate_refusals(cert: x509.Certificate, signed_at: datetime | None,
                         now: datetime | None = None) -> list[Refusal]:
    """Validity now and at the claimed signing time, a signing KeyUsage, a document-signing
    EKU (when one is given) and a key of adequate size.

    Without a trusted timestamp the signer's own clock proves nothing, so the certificate must
    be valid *now*; the claimed time is checked as well, and one in the future is refused.
    """
    now = now or datetime.now(UTC)
    found: list[Refusal] = []
    nb, na = cert.not_valid_before_utc, cert.not_valid_after_utc
    if now > na:
        found.append(Refusal("CERT_EXPIRED", f"not after {na:%Y-%m-%d %H:%M} UTC"))
    elif now < nb:
        found.append(Refusal("CERT_NOT_YET_VALID", f"not before {nb:%Y-%m-%d %H:%M} UTC"))
    if signed_at is not None:
        at = _aware(signed_at)
        if at > now + CLOCK_SKEW:
            found.append(Refusal("SIGNING_TIME_FUTURE", f"{at.isoformat()}"))
        elif not nb - CLOCK_SKEW <= at <= na:
            found.append(Refusal("CERT_NOT_VALID_AT_SIGNING",
                                 f"{at.isoformat()} not in {nb:%Y-%m-%d}…{na:%Y-%m-%d}"))
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (ku.digital_signature or ku.content_commitment):
            found.append(Refusal("CERT_KEY_USAGE"))
    except x509.ExtensionNotFound:
        found.append(Refusal("CERT_KEY_USAGE", "no KeyUsage extension"))
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        if not set(eku) & _DOC_SIGNING_EKUS:
            names = ", ".join(getattr(o, "_name", o.dotted_string) for o in eku)
            found.append(Refusal("CERT_EKU", names))
    except x509.ExtensionNotFound:
        pass
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        if key.key_size < MIN_RSA_BITS:
            found.append(Refusal("CERT_WEAK_KEY", f"RSA-{key.key_size}"))
    elif isinstance(key, ec.EllipticCurvePublicKey):
        if key.curve.key_size < MIN_EC_BITS:
            found.append(Refusal("CERT_WEAK_KEY", f"EC-{key.curve.name}"))
    elif isinstance(key, dsa.DSAPublicKey):
        found.append(Refusal("CERT_WEAK_KEY", f"DSA-{key.key_size}"))
    elif not isinstance(key, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)):
        found.append(Refusal("CERT_WEAK_KEY", type(key).__name__))
    return found
