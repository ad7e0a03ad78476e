"""Reviewer identity: self-signed RSA-3072 creation, unlocking, import and installation."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from slq_desk.errors import BadInput
from slq_desk.opinion import identity

PASS = "正确的口令-correct"


@pytest.fixture(scope="module")
def p12() -> bytes:
    return identity.create_self_signed("赵六", "湖南省算力评审专家库", PASS, days=30)


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(identity.DATA_DIR_ENV, str(folder))
    return folder


def test_created_key_is_rsa3072_with_signing_key_usage(p12: bytes) -> None:
    ident = identity.unlock(p12, PASS)
    assert isinstance(ident.key, rsa.RSAPrivateKey) and ident.key.key_size == 3072
    cert = ident.certificate
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical
    assert ku.value.digital_signature and ku.value.content_commitment
    assert not ku.value.key_cert_sign
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "赵六"
    assert ident.info.organisation == "湖南省算力评审专家库"
    assert ident.info.self_signed and ident.info.key_type == "RSA-3072"
    assert identity.usage_warnings(ident) == []


def test_wrong_passphrase_and_non_pkcs12_get_distinct_messages(p12: bytes) -> None:
    with pytest.raises(identity.WrongPassphrase, match="wrong passphrase"):
        identity.unlock(p12, "not it")
    with pytest.raises(BadInput, match="not a PKCS#12") as err:
        identity.unlock(b"%PDF-1.7 not a key", PASS)
    assert not isinstance(err.value, identity.WrongPassphrase)
    with pytest.raises(BadInput, match="not a PKCS#12"):
        identity.unlock(p12[: len(p12) // 2], PASS)


@pytest.mark.parametrize("name, org, secret, days", [
    ("", "O", "pw", 30),
    ("名" * 65, "O", "pw", 30),
    ("赵六", "O", "", 30),
    ("赵六", "O", "pw", 0),
])
def test_create_refuses_bad_arguments(name: str, org: str, secret: str, days: int) -> None:
    with pytest.raises(BadInput):
        identity.create_self_signed(name, org, secret, days=days)


def test_install_current_and_private_file(p12: bytes, data_dir: Path) -> None:
    assert identity.current() is None
    source = data_dir.parent / "ca-issued.p12"
    source.write_bytes(p12)
    info, notes = identity.import_file(source, PASS)
    assert notes == []
    assert Path(info.key_file) == data_dir / "identity" / "reviewer.p12"
    assert Path(info.key_file).read_bytes() == p12
    shown = identity.current()
    assert shown is not None and shown.name == "赵六" and shown.cert_sha256 == info.cert_sha256
    if sys.platform != "win32":
        assert stat.S_IMODE(Path(info.key_file).stat().st_mode) == 0o600
    loaded = identity.load(None, PASS)
    assert loaded.info.cert_sha256 == info.cert_sha256


def test_import_with_wrong_passphrase_installs_nothing(p12: bytes, data_dir: Path) -> None:
    source = data_dir.parent / "x.p12"
    source.write_bytes(p12)
    with pytest.raises(identity.WrongPassphrase):
        identity.import_file(source, "wrong")
    assert identity.current() is None
    assert not (data_dir / "identity" / "reviewer.p12").exists()


def test_load_without_identity_says_what_to_do(data_dir: Path) -> None:
    with pytest.raises(BadInput, match="identity create"):
        identity.load(None, PASS)


def test_create_writes_backup_but_never_overwrites(data_dir: Path) -> None:
    out = data_dir.parent / "备份.p12"
    out.write_bytes(b"precious")
    with pytest.raises(BadInput, match="already exists"):
        identity.create("赵六", "", PASS, out=out, days=10)
    assert out.read_bytes() == b"precious"
    fresh = data_dir.parent / "new.p12"
    info = identity.create("赵六", "", PASS, out=fresh, days=10)
    assert fresh.read_bytes() == Path(info.key_file).read_bytes()
    assert identity.unlock(fresh.read_bytes(), PASS).info.cert_sha256 == info.cert_sha256


def test_damaged_metadata_is_a_clear_error(p12: bytes, data_dir: Path) -> None:
    source = data_dir.parent / "y.p12"
    source.write_bytes(p12)
    identity.import_file(source, PASS)
    (data_dir / "identity" / "identity.json").write_text("{not json", "utf-8")
    with pytest.raises(BadInput, match="damaged"):
        identity.current()


def test_ec_key_is_accepted_with_a_warning() -> None:
    from datetime import UTC, datetime, timedelta

    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA签发")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(1)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
            .sign(key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        b"x", key, cert, None, serialization.BestAvailableEncryption(PASS.encode()))
    notes = identity.usage_warnings(identity.unlock(data, PASS))
    assert any("PDF 2.0" in n for n in notes)
