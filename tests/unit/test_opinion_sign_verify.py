"""Signing and verification in process: PAdES B-B that poppler accepts, and every kind of
tampering caught with its own reason."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from slq_desk.errors import BadInput
from slq_desk.opinion import identity, sign
from slq_desk.opinion.data import ATTACHMENT_NAME, Criterion, DocumentRef, OpinionData
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.opinion.layout import render
from slq_desk.opinion.verify import check_package, verify_bytes, verify_file

PASS = "pw-签名"


@pytest.fixture(scope="module")
def ident() -> LoadedIdentity:
    return identity.unlock(identity.create_self_signed("周九", "武汉市算力评审中心", PASS), PASS)


def opinion() -> OpinionData:
    return OpinionData(
        application_id="wuhan-9", applicant_name="武汉光谷算力有限公司", policy_id="wuhan-2026",
        reviewer="周九", review_date=date(2026, 11, 23),
        documents=[DocumentRef("01-服务合同.pdf", "contract", 3, "c" * 64)],
        criteria=[Criterion("k", "效益", Decimal("8.5"), Decimal("10"), Decimal("100"), "好")],
        total=Decimal("85"), recommendation="推荐", computed_subsidy=Decimal("120000.00"),
        coi_declared=True,
    )


def signed_with(ident: LoadedIdentity | None, data: OpinionData | None = None) -> bytes:
    data = data or opinion()
    rendered = render(data, draft=ident is None)
    return sign.finalise(rendered.pdf, sign.SignRequest(
        box=rendered.signature_box,
        attachments=(sign.Attachment(ATTACHMENT_NAME, data.json_bytes()),),
        identity=ident, reason="评审意见签署", location="武汉"))


@pytest.fixture(scope="module")
def signed(ident: LoadedIdentity) -> bytes:
    return signed_with(ident)


def test_signed_opinion_verifies_and_carries_its_data(signed: bytes, ident: LoadedIdentity) -> None:
    result = verify_bytes(signed)
    assert result.valid, result.reasons
    assert result.signer == "周九"
    assert result.cert_sha256 == ident.info.cert_sha256
    assert result.self_signed is True and result.trusted is False
    assert result.coverage == "ENTIRE_FILE"
    assert result.data == opinion()
    assert result.warnings == []


def test_signature_is_pades_with_sha256_reason_and_location(signed: bytes) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    sig = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert sig.sig_object["/Reason"] == "评审意见签署"
    assert sig.sig_object["/Location"] == "武汉"
    assert sig.md_algorithm == "sha256"
    certs = sig.signed_data["certificates"]
    assert len(certs) >= 1  # the signer's certificate travels with the signature


def test_pdf_stays_below_2_0(signed: bytes) -> None:
    # An EC key or pyHanko's /AFRelationship helper would raise the file to PDF 2.0.
    assert signed.startswith(b"%PDF-1.")
    assert b"/Version /2.0" not in signed


def test_visible_stamp_names_signer_and_time_in_chinese(signed: bytes) -> None:
    with pymupdf.open(stream=signed, filetype="pdf") as doc:
        last = doc[-1]
        widgets = [(w.field_name, w.field_type_string, w.rect) for w in last.widgets()]
        text = last.get_text()
    assert len(widgets) == 1 and widgets[0][1] == "Signature"
    assert widgets[0][2].width > 100 and widgets[0][2].height > 40  # visible, not 0×0
    assert "评审专家：周九" in text and "武汉市算力评审中心" in text
    assert "签署时间：" in text and "年" in text
    assert "北京时间" in text  # the stamp is read in China; the signature's own time stays UTC


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig not installed")
def test_poppler_pdfsig_reports_valid_whole_file(signed: bytes, tmp_path: Path) -> None:
    f = tmp_path / "s.pdf"
    f.write_bytes(signed)
    out = subprocess.run(["pdfsig", str(f)], capture_output=True, text=True, timeout=60).stdout
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    assert "Signer Certificate Common Name: 周九" in out
    assert "ETSI.CAdES.detached" in out


def test_flipped_byte_in_signed_content(signed: bytes) -> None:
    b = bytearray(signed)
    b[len(b) // 4] ^= 0x01
    result = verify_bytes(bytes(b))
    assert not result.valid
    assert any("digest mismatch" in r or "damaged" in r for r in result.reasons)


def test_flipped_byte_in_signature_value(signed: bytes) -> None:
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    # The reserved space is padded with zeros (not part of the CMS); the RSA signature value
    # sits at the end of the DER, just before the padding.
    der_end = start + len(signed[start:end].rstrip(b"0"))
    i = der_end - 20
    b = bytearray(signed)
    b[i] = ord("0") if b[i] != ord("0") else ord("1")
    result = verify_bytes(bytes(b))
    assert not result.valid
    assert any("signature value invalid" in r or "cannot be validated" in r or "digest" in r
               for r in result.reasons), result.reasons


def test_incremental_update_changing_the_page(signed: bytes, tmp_path: Path) -> None:
    f = tmp_path / "t.pdf"
    f.write_bytes(signed)
    with pymupdf.open(f) as doc:
        doc[0].insert_text((72, 72), "APPROVED 9,999,999")
        doc.saveIncr()  # what a PDF tool's "save" does: append to the signed bytes
    tampered = f.read_bytes()
    assert tampered.startswith(signed) and len(tampered) > len(signed)
    result = verify_bytes(tampered)
    assert not result.valid
    assert any("modified after signing" in r for r in result.reasons)


def test_truncated_file(signed: bytes) -> None:
    for cut in (len(signed) // 2, len(signed) - 7):
        result = verify_bytes(signed[:cut])
        assert not result.valid
        assert any("truncated" in r for r in result.reasons)


def test_unsigned_draft_is_not_valid() -> None:
    result = verify_bytes(signed_with(None))
    assert not result.valid and any("no signature" in r for r in result.reasons)


def test_changed_and_missing_package_files(tmp_path: Path, signed: bytes) -> None:
    data = opinion()
    data.documents = [DocumentRef("01-服务合同.pdf", "contract", 1, ""),
                      DocumentRef("02-发票.pdf", "invoice", 1, "")]
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "01-服务合同.pdf").write_bytes(b"original contract")
    (pkg / "02-发票.pdf").write_bytes(b"original invoice")
    import hashlib

    data.documents = [DocumentRef(p.name, "x", 1, hashlib.sha256(p.read_bytes()).hexdigest())
                      for p in sorted(pkg.iterdir())]
    ident = identity.unlock(identity.create_self_signed("周九", "", PASS), PASS)
    pdf = tmp_path / "o.pdf"
    pdf.write_bytes(signed_with(ident, data))
    assert verify_file(pdf, pkg).valid

    (pkg / "02-发票.pdf").write_bytes(b"original invoice, amount changed")
    result = verify_file(pdf, pkg)
    assert not result.valid
    assert result.package is not None and result.package.changed == ["02-发票.pdf"]
    assert any("package file changed" in r and "02-发票.pdf" in r for r in result.reasons)

    (pkg / "01-服务合同.pdf").unlink()
    result = verify_file(pdf, pkg)
    assert result.package is not None and result.package.missing == ["01-服务合同.pdf"]


def test_renamed_but_identical_file_still_matches() -> None:
    data = opinion()
    hashes = {"renamed.pdf": "c" * 64}
    check = check_package(data, hashes, "pkg")
    assert check.ok and check.matched == ["01-服务合同.pdf"]


def test_bad_input_is_not_invalid(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no file"):
        verify_file(tmp_path / "missing.pdf")
    txt = tmp_path / "notes.pdf"
    txt.write_text("hello")
    with pytest.raises(BadInput, match="not a PDF"):
        verify_file(txt)


def test_embedded_json_tampering_breaks_the_signature(signed: bytes) -> None:
    raw = json.loads(opinion().json_bytes())
    assert raw["recommendation"] == "推荐"
    # The attachment is compressed inside the signed range: any edit is a digest mismatch.
    i = signed.index(b"/EmbeddedFile")
    b = bytearray(signed)
    b[i + 200] ^= 0x20
    assert not verify_bytes(bytes(b)).valid


def _sign_again(pdf: bytes, ident: LoadedIdentity) -> bytes:
    from tests.support.attacks import countersign

    return countersign(pdf, ident)


def test_page_changed_then_signed_again_is_caught(signed: bytes, tmp_path: Path) -> None:
    mallory = identity.unlock(identity.create_self_signed("冒名者", "", PASS), PASS)
    countersigned = verify_bytes(_sign_again(signed, mallory))
    # The opinion is certified (DocMDP P=1): even a second signature alone is a change.
    assert not countersigned.valid
    assert "MULTIPLE_SIGNATURES" in countersigned.codes
    assert "DOCMDP_VIOLATION" in countersigned.codes
    assert countersigned.signer == "周九"  # the opinion's signer, not the later one

    f = tmp_path / "t.pdf"
    f.write_bytes(signed)
    with pymupdf.open(f) as doc:
        doc[0].insert_text((72, 72), "不推荐")
        doc.saveIncr()
    result = verify_bytes(_sign_again(f.read_bytes(), mallory))
    assert not result.valid
    assert "LATER_REVISION" in result.codes and "modified after signing" in " ".join(result.reasons)


def test_signature_certifies_with_no_changes_allowed(signed: bytes) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm

    sig = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    assert sig.docmdp_level == MDPPerm.NO_CHANGES
    assert verify_bytes(signed).certified


def test_random_damage_is_never_a_crash_and_never_changes_what_verifies(signed: bytes) -> None:
    import random

    rnd = random.Random(8)
    for i in range(45):
        b = bytearray(signed)
        if i % 3 == 0:
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        elif i % 3 == 1:
            b = b[: rnd.randrange(len(b))]
        else:
            p = rnd.randrange(len(b))
            del b[p: p + rnd.randint(1, 50)]
        result = verify_bytes(bytes(b))  # must not raise
        if result.valid:  # only harmless bytes (the signature's zero padding) may change
            assert result.data == opinion()
        else:
            assert result.reasons
