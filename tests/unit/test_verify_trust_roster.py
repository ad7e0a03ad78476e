"""CA-issued certificates validated against configured trust roots (offline), the panel
roster's core functions, and the strict checks on the 初审意见-style and summary PDFs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from slq_desk.errors import BadInput
from slq_desk.opinion import sign
from slq_desk.opinion.data import ATTACHMENT_NAME, OpinionData
from slq_desk.opinion.identity import LoadedIdentity, describe
from slq_desk.opinion.layout import render
from slq_desk.opinion.verify import verify_bytes
from slq_desk.panel.roster import add_member, list_members, remove_member
from slq_desk.workspace import Workspace
from tests.support.attacks import edit_attachment, make_identity

NOW = datetime.now(UTC)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def ca(cn: str) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(_name(cn))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - timedelta(days=10)).not_valid_after(NOW + timedelta(days=900))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return key, cert


@pytest.fixture(scope="module")
def issued() -> tuple[LoadedIdentity, x509.Certificate]:
    ca_key, ca_cert = ca("测试 CA 根证书")
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    cert = (x509.CertificateBuilder().subject_name(_name("周九")).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - timedelta(days=1)).not_valid_after(NOW + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ident = LoadedIdentity(info=describe(cert), key=key, certificate=cert, chain=(ca_cert,))
    return ident, ca_cert


def opinion(reviewer: str = "周九", kind: str = "expert") -> OpinionData:
    return OpinionData(application_id="wuhan-9", applicant_name="武汉光谷算力有限公司",
                       policy_id="wuhan-2026", reviewer=reviewer, review_date=date(2026, 11, 23),
                       kind=kind, total=Decimal("85"), recommendation="推荐", coi_declared=True)


def signed(ident: LoadedIdentity, data: OpinionData | None = None) -> bytes:
    data = data or opinion()
    rendered = render(data)
    return sign.finalise(rendered.pdf, sign.SignRequest(
        box=rendered.signature_box,
        attachments=(sign.Attachment(ATTACHMENT_NAME, data.json_bytes()),), identity=ident))


def test_ca_issued_chain_validates_against_configured_roots(issued: tuple) -> None:
    ident, ca_cert = issued
    pdf = signed(ident)
    trusted = verify_bytes(pdf, trust_roots=[ca_cert])
    assert trusted.valid and trusted.trusted, trusted.reasons
    _other_key, other_root = ca("另一个 CA")
    refused = verify_bytes(pdf, trust_roots=[other_root])
    assert not refused.valid and "CERT_UNTRUSTED" in refused.codes
    # Without configured roots: not trusted, still valid (the roster is the anchor then).
    plain = verify_bytes(pdf, trust_roots=[])
    assert plain.valid and plain.trusted is False


def test_trust_roots_come_from_the_configured_file(issued: tuple, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from slq_desk.opinion.trust import configured_roots, install_roots

    ident, ca_cert = issued
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SLQ_DESK_TRUST_ROOTS", raising=False)
    assert configured_roots() == []
    src = tmp_path / "roots.pem"
    src.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    target, certs = install_roots(src)
    assert target.is_file() and certs == [ca_cert] and configured_roots() == [ca_cert]
    assert verify_bytes(signed(ident)).trusted
    monkeypatch.setenv("SLQ_DESK_TRUST_ROOTS", str(tmp_path / "missing.pem"))
    with pytest.raises(BadInput, match="does not exist"):
        configured_roots()


def test_preliminary_kind_is_held_to_the_same_structure_checks(issued: tuple) -> None:
    ident, _root = issued
    pdf = signed(ident, opinion("初审员甲", kind="preliminary"))
    ok = verify_bytes(pdf, trust_roots=[])
    assert ok.valid, ok.reasons  # an official's name need not be the certificate's CN
    edited = verify_bytes(edit_attachment(pdf, b'{"schema": "x"}'), trust_roots=[])
    assert not edited.valid and "LATER_REVISION" in edited.codes


def test_roster_add_list_remove(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    ws = Workspace.open(tmp_path / "ws")
    good = make_identity("张伟", "专家库", not_before=NOW - timedelta(days=1))
    weak = make_identity("李娜", bits=1024)
    for who, ident in (("张伟", good), ("李娜", weak)):
        (tmp_path / f"{who}.pem").write_bytes(
            ident.certificate.public_bytes(serialization.Encoding.PEM))
    member = add_member(ws, "张伟", tmp_path / "张伟.pem")
    assert member.cert_sha256 == good.info.cert_sha256 and member.organisation == "专家库"
    with pytest.raises(BadInput, match="already on the roster"):
        add_member(ws, "张三", tmp_path / "张伟.pem")
    with pytest.raises(BadInput, match="CERT_WEAK_KEY"):
        add_member(ws, "李娜", tmp_path / "李娜.pem")
    with pytest.raises(BadInput, match="not a certificate"):
        (tmp_path / "junk.pem").write_text("-----BEGIN CERTIFICATE-----\nxx\n-----END CERTIFICATE-----\n")
        add_member(ws, "王强", tmp_path / "junk.pem")
    assert [m.name for m in list_members(ws)] == ["张伟"]
    with pytest.raises(BadInput, match="not on the roster"):
        remove_member(ws, "王强")
    assert [m.name for m in remove_member(ws, good.info.cert_sha256[:16])] == ["张伟"]
    assert list_members(ws) == []
    ws.close()


def test_summary_verifier_applies_the_strict_checks(issued: tuple) -> None:
    import json

    from slq_desk.panel.exports import verify_summary
    from tests.support.attacks import wrap_signature

    ident, _root = issued
    pdf = signed(ident)
    ok, reasons, _payload = verify_summary(pdf)
    assert not ok and any("DATA_MISSING" in r for r in reasons)  # an opinion is no summary
    wrapped = wrap_signature(pdf, json.dumps({"schema": "x"}).encode())
    ok, reasons, _payload = verify_summary(wrapped)
    assert not ok and any("BYTERANGE_GAP" in r for r in reasons)


def test_document_timestamp_after_signing_is_reported_not_refused(issued: tuple) -> None:
    """Validation data (a document timestamp, DSS) may follow a certifying signature; it is
    said, and anything else after the signature is refused."""
    import io

    from asn1crypto import cms, tsp  # noqa: F401 — tsp registers the tst_info content type
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.x509.oid import ExtendedKeyUsageOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers import PdfTimeStamper
    from pyhanko.sign.timestamps import DummyTimeStamper

    # asn1crypto caches its name→OID map on first use; if a CMS was parsed before tsp was
    # imported (test order), the cache lacks tst_info and building a token fails.
    if cms.ContentType._reverse_map is not None:
        cms.ContentType._reverse_map.setdefault("tst_info", "1.2.840.113549.1.9.16.1.4")
    ident, _root = issued
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(_name("TSA")).issuer_name(_name("TSA"))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - timedelta(days=1)).not_valid_after(NOW + timedelta(days=10))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                           critical=True)
            .sign(key, hashes.SHA256()))
    tsa = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())))
    out = io.BytesIO()
    PdfTimeStamper(tsa).timestamp_pdf(IncrementalPdfFileWriter(io.BytesIO(signed(ident))),
                                      "sha256", None, output=out)
    result = verify_bytes(out.getvalue(), trust_roots=[])
    assert result.valid, result.reasons
    assert result.modification == "LTA_UPDATES"
    assert any("document timestamps" in w for w in result.warnings)
    stamped_then_edited = edit_attachment(out.getvalue(), b'{"schema": "x"}')
    assert "LATER_REVISION" in verify_bytes(stamped_then_edited, trust_roots=[]).codes


def test_signing_with_a_certificate_verification_would_refuse_is_refused_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.primitives.serialization import pkcs12

    from slq_desk.cli.common import load_signing_identity

    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("P12_PW", "pw-expired")
    expired = make_identity("周九", not_before=NOW - timedelta(days=400),
                            not_after=NOW - timedelta(days=1))
    p12 = tmp_path / "expired.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"x", expired.key, expired.certificate, None,
        serialization.BestAvailableEncryption(b"pw-expired")))
    with pytest.raises(BadInput, match="CERT_EXPIRED"):
        load_signing_identity(p12, "P12_PW")
