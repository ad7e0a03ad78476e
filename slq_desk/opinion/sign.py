"""Finalise and sign a PDF with pyHanko: embedded JSON, visible signature field, PAdES B-B.

One incremental update on top of the ReportLab file adds the machine-readable attachment, the
signature field over the box the layout drew, and the signature itself, so the signature covers
every byte of the final file. Unsigned drafts get the same update without the signature (the
field stays empty). Works for any of our PDFs: the expert opinion and the 初审意见 alike.

Every signature *certifies* the document with DocMDP P=1 (no changes permitted): a later
edit, annotation or second signature is then a violation that third-party readers (Acrobat,
poppler's pdfsig) report too, not only our own verifier. The key is a PKCS#12 identity held
in memory or a key on a PKCS#11 token (``pkcs11``); both hand pyHanko a signer.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from slq_desk.clock import now_beijing, to_beijing
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.opinion.layout import SignatureBox

FIELD_NAME = "ReviewerSignature"
DEFAULT_REASON = "评审意见签署"
DEFAULT_LOCATION = "中国"
STAMP_TEXT = "%(role)s：%(signer)s\n%(org)s\n签署时间：%(when)s"


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    mime_type: str = "application/json"
    description: str = "机器可读评审数据 (machine-readable review data)"


@dataclass(frozen=True)
class SignRequest:
    """What to add to a finished layout; ``identity`` None means an unsigned draft."""

    box: SignatureBox
    attachments: tuple[Attachment, ...] = ()
    # A LoadedIdentity (PKCS#12) or a pkcs11.TokenIdentity; None for an unsigned draft.
    identity: Any = None
    reason: str = DEFAULT_REASON
    location: str = DEFAULT_LOCATION
    signer_label: str = ""
    # Who signs, as the stamp and the field name say it: 评审专家, 初审人, 评审组组长.
    role: str = "评审专家"
    when: datetime = field(default_factory=now_beijing)


# Characters any stamp may print besides the names: the template, digits and the time zone.
_STAMP_BASE_CHARS = "评审专家签署时间：年月日（）北京UTC+-:0123456789 "


@functools.lru_cache(maxsize=16)
def stamp_font_bytes(chars: str) -> bytes:
    """A small subset of the CJK font holding ``chars``, with a PostScript name.

    pyHanko subsets the font it is given on every signature; handing it the 3.5 MB Droid Sans
    Fallback costs ~0.8 s per opinion, a subset of a few dozen glyphs almost nothing. The name
    table of Droid Sans Fallback has no PostScript name (nameID 6), which pyHanko requires.
    """
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    from slq_desk.fonts import cjk_font_bytes

    # HarfBuzz subsets in C (~40 ms); fontTools' subsetter needs ~0.5 s on this font because it
    # derives 30,000 glyph names from the cmap first.
    wanted = hb.SubsetInput()
    for ch in chars:
        wanted.unicode_set.add(ord(ch))
    small = hb.subset(hb.Face(cjk_font_bytes()), wanted)
    if small is None:
        raise RuntimeError("HarfBuzz could not subset the CJK font")
    font = TTFont(io.BytesIO(small.blob.data))
    if not any(rec.nameID == 6 for rec in font["name"].names):
        font["name"].setName("DroidSansFallback", 6, 3, 1, 0x409)
    # pyHanko writes glyph advances into /W and TJ as if the font had 1000 units per em; Droid
    # Sans Fallback has 256, which squeezes every glyph onto the previous one. Rescaling the
    # (small) subset to 1000 units makes the widths it writes true.
    if font["head"].unitsPerEm != 1000:
        from fontTools.ttLib.scaleUpem import scale_upem

        scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def cjk_stamp_style(text: str) -> Any:
    """pyHanko text stamp in the embedded CJK TrueType font (from memory, no temp file),
    subset to the characters of ``text`` (the stamp's variable parts)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font_bytes = stamp_font_bytes("".join(sorted(set(_STAMP_BASE_CHARS + text))))

    @dataclass(frozen=True)
    class _MemoryFontFactory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(font_bytes),
                                    font_size=self.font_size, obj_stream=obj_stream)

    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(font=_MemoryFontFactory(font_file="<cjk>", font_size=9),
                                    font_size=9, leading=13),
        border_width=1,
        border_color=(0.55, 0.1, 0.1),
        background=None,
    )


def chinese_time(when: datetime) -> str:
    """The stamp's time as a person in China reads it: Beijing time whatever zone ``when`` is
    in (naive means UTC, as stored); the instant itself is unchanged."""
    return f"{to_beijing(when):%Y年%m月%d日 %H:%M:%S}（北京时间）"


def _embed(writer: Any, att: Attachment, when: datetime) -> None:
    """Register one embedded file; AFRelationship /Data + catalog /AF, kept at PDF 1.7.

    pyHanko's ``af_relationship`` argument would raise the file to PDF 2.0, so the associated
    file entries are written here directly.
    """
    from pyhanko.pdf_utils import embed, generic

    ef = embed.EmbeddedFileObject.from_file_data(
        writer, att.data, mime_type=att.mime_type,
        params=embed.EmbeddedFileParams(creation_date=when, modification_date=when),
    )
    spec = embed.FileSpec(file_spec_string=att.name, file_name=att.name, embedded_data=ef,
                          description=att.description)
    embed.embed_file(writer, spec)
    # embed_file registered the spec object last in the name tree; tag it as data of the PDF.
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec_ref = names.raw_get(len(names) - 1)
    spec_obj = spec_ref.get_object()
    spec_obj["/AFRelationship"] = generic.NameObject("/Data")
    writer.update_container(spec_obj)
    root = writer.root
    af = root.get("/AF")
    if af is None:
        root["/AF"] = writer.add_object(generic.ArrayObject([spec_ref]))
    else:
        # /AF is stored as an indirect array: append to the array itself, then mark it changed.
        af = af.get_object()
        af.append(spec_ref)
        writer.update_container(af)
    writer.update_root()


def finalise(pdf: bytes, request: SignRequest) -> bytes:
    """Add attachments and the signature field; sign when an identity is given."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for att in request.attachments:
        _embed(writer, att, request.when)
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=request.box.page,
                               box=request.box.as_ints(),
                               readable_field_name=f"{request.role}签名")
    out = io.BytesIO()
    if request.identity is None:
        fields.append_signature_field(writer, spec)
        writer.write(out)
        return out.getvalue()

    ident = request.identity
    signer = signer_for(ident)
    name = request.signer_label or ident.info.name
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=request.reason,
        location=request.location,
        name=name,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    params = {"role": request.role, "signer": name, "org": ident.info.organisation or " ",
              "when": chinese_time(request.when)}
    style = cjk_stamp_style("".join(params.values()))
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec)
    pdf_signer.sign_pdf(writer, output=out, appearance_text_params=params)
    return out.getvalue()


def signer_for(ident: Any) -> Any:
    """The pyHanko signer of an identity: a token identity brings its own (``pkcs11``)."""
    own = getattr(ident, "pyhanko_signer", None)
    return own() if callable(own) else _simple_signer(ident)


def _simple_signer(ident: LoadedIdentity) -> Any:
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der_key = ident.key.private_bytes(serialization.Encoding.DER,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())
    cert = x509.Certificate.load(ident.certificate.public_bytes(serialization.Encoding.DER))
    chain = [x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
             for c in ident.chain]

    class _LoadedKeySigner(signers.SimpleSigner):
        """SimpleSigner re-parses the key for every raw signature; an RSA-3072 key's checks
        cost ~0.1 s each time and pyHanko signs twice (size estimate + real), so the key
        already loaded from the PKCS#12 is used directly for PKCS#1 v1.5."""

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
            from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
            from pyhanko.sign.general import get_pyca_cryptography_hash

            mech = self.get_signature_mechanism_for_digest(digest_algorithm)
            if isinstance(ident.key, RSAPrivateKey) and mech.signature_algo == "rsassa_pkcs1v15":
                return ident.key.sign(data, PKCS1v15(),
                                      get_pyca_cryptography_hash(digest_algorithm))
            return super().sign_raw(data, digest_algorithm)

    return _LoadedKeySigner(
        signing_cert=cert, signing_key=keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),
    )
