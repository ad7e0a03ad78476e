"""The reviewer's signing identity: a PKCS#12 file (key + certificate) in the user data folder.

An identity is either imported from a CA-issued .p12/.pfx or created here as a self-signed
RSA-3072 certificate (RSA, not EC: pyHanko raises an EC-signed file to PDF 2.0, which breaks
PDF/A). The installed identity is ``<data>/identity/reviewer.p12`` with a small
``identity.json`` beside it describing the certificate; the passphrase never touches the disk
(see ``passphrase``).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from slq_desk.errors import BadInput
from slq_desk.opinion.passphrase import Notify, PassphraseSource, Prompt, check_new_passphrase
from slq_desk.userenv import DATA_DIR_ENV, user_data_dir  # noqa: F401  (re-exported)

IDENTITY_DIR = "identity"
KEY_FILE = "reviewer.p12"
META_FILE = "identity.json"
CERT_FILE = "reviewer.pem"  # the public certificate, for `identity show --cert-out`
RSA_BITS = 3072
DEFAULT_VALIDITY_DAYS = 3 * 365
# A PKCS#12 file is a few kilobytes; anything huge is not one and is not read into memory.
MAX_P12_BYTES = 1_000_000


def identity_dir() -> Path:
    return user_data_dir() / IDENTITY_DIR


@dataclass(frozen=True)
class IdentityInfo:
    """What the app knows about an identity without its passphrase."""

    name: str
    organisation: str
    subject: str
    issuer: str
    cert_sha256: str
    serial: str
    not_before: str
    not_after: str
    key_type: str
    self_signed: bool
    key_file: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class LoadedIdentity:
    """An unlocked identity, ready to sign: kept in memory only."""

    info: IdentityInfo
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


class WrongPassphrase(BadInput):
    """The passphrase does not open the key file (kept apart so a stale keyring entry can be
    dropped and the person asked instead)."""


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def describe(cert: x509.Certificate, key_file: Path | str = "") -> IdentityInfo:
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        key_type = f"RSA-{key.key_size}"
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key_type = f"EC-{key.curve.name}"
    else:
        key_type = type(key).__name__
    return IdentityInfo(
        name=_attr(cert.subject, NameOID.COMMON_NAME),
        organisation=_attr(cert.subject, NameOID.ORGANIZATION_NAME),
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        cert_sha256=cert.fingerprint(hashes.SHA256()).hex(),
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc.isoformat(),
        not_after=cert.not_valid_after_utc.isoformat(),
        key_type=key_type,
        self_signed=cert.issuer == cert.subject,
        key_file=str(key_file),
    )


def _check_passphrase(passphrase: str) -> bytes:
    if not passphrase:
        raise BadInput("the passphrase is empty; a key file is never written unprotected")
    return passphrase.encode("utf-8")


def create_self_signed(name: str, organisation: str, passphrase: str,
                       days: int = DEFAULT_VALIDITY_DAYS) -> bytes:
    """A new RSA-3072 key and self-signed certificate as PKCS#12 bytes (AES-256 protected)."""
    name, organisation = name.strip(), organisation.strip()
    if not name:
        raise BadInput("a reviewer name is required (--name)")
    if len(name) > 64 or len(organisation) > 64:
        raise BadInput("name and organisation must each be at most 64 characters")
    if not 1 <= days <= 20 * 365:
        raise BadInput(f"validity must be between 1 and {20 * 365} days, got {days}")
    secret = _check_passphrase(passphrase)
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, name))
    subject = x509.Name(attrs)
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        # A few minutes of slack so a signature made right away is not "before validity"
        # on a reader whose clock is slightly behind.
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=name.encode("utf-8"), key=key, cert=cert, cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(secret),
    )


def _looks_like_pkcs12(data: bytes) -> bool:
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        pfx.native  # noqa: B018 — forces a full parse; a lazy load accepts garbage
        return pfx["version"].native in ("v3", 3)
    except Exception:
        return False


def read_p12_bytes(path: Path) -> bytes:
    if not path.exists():
        raise BadInput(f"no key file at {path}")
    if not path.is_file():
        raise BadInput(f"{path} is not a file")
    if path.stat().st_size > MAX_P12_BYTES:
        raise BadInput(f"{path} is too large to be a PKCS#12 key file")
    return path.read_bytes()


def unlock(data: bytes, passphrase: str, source: str = "key file") -> LoadedIdentity:
    """Open PKCS#12 bytes; a wrong passphrase and a non-PKCS#12 file get distinct messages."""
    if not _looks_like_pkcs12(data):
        raise BadInput(f"{source} is not a PKCS#12 (.p12/.pfx) file")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError:
        raise WrongPassphrase(f"口令错误 / wrong passphrase for {source}") from None
    except Exception as err:  # unsupported algorithms etc.: still the user's file, not our bug
        raise BadInput(f"cannot open {source}: {err}") from None
    if key is None or cert is None:
        raise BadInput(f"{source} holds no private key with its certificate")
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise BadInput(f"{source}: only RSA (preferred) or EC keys can sign opinions")
    if _spki(cert.public_key()) != _spki(key.public_key()):
        raise BadInput(f"{source}: the certificate does not belong to the private key")
    return LoadedIdentity(info=describe(cert, source), key=key, certificate=cert,
                          chain=tuple(extra or ()))


def usage_warnings(ident: LoadedIdentity) -> list[str]:
    """Reasons an identity may sign badly; shown, not enforced (a CA's certificate is theirs)."""
    notes: list[str] = []
    cert = ident.certificate
    now = datetime.now(UTC)
    if cert.not_valid_after_utc < now:
        notes.append(f"certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}")
    if cert.not_valid_before_utc > now:
        notes.append(f"certificate not valid before {cert.not_valid_before_utc:%Y-%m-%d}")
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (ku.digital_signature or ku.content_commitment):
            notes.append("KeyUsage allows neither digital signature nor non-repudiation")
    except x509.ExtensionNotFound:
        pass
    if isinstance(ident.key, ec.EllipticCurvePrivateKey):
        notes.append("EC key: the signed PDF becomes PDF 2.0 (no PDF/A); RSA is preferred")
    elif ident.key.key_size < 2048:
        notes.append(f"RSA-{ident.key.key_size} is too short for a new signature")
    return notes


def installed_key_path() -> Path:
    return identity_dir() / KEY_FILE


def install(data: bytes, info: IdentityInfo,
            certificate: x509.Certificate | None = None) -> IdentityInfo:
    """Make this PKCS#12 the current identity; the folder and file are private to the user."""
    folder = identity_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _private(folder, 0o700)
    target = folder / KEY_FILE
    tmp = folder / (KEY_FILE + ".part")
    tmp.write_bytes(data)
    _private(tmp, 0o600)
    os.replace(tmp, target)
    stored = IdentityInfo(**{**asdict(info), "key_file": str(target)})
    if certificate is not None:
        write_certificate(certificate)
    else:
        (folder / CERT_FILE).unlink(missing_ok=True)  # never a stale certificate
    meta = folder / META_FILE
    meta_tmp = folder / (META_FILE + ".part")
    meta_tmp.write_text(json.dumps(stored.to_json(), ensure_ascii=False, indent=2), "utf-8")
    os.replace(meta_tmp, meta)
    return stored


def write_certificate(cert: x509.Certificate) -> Path:
    """Keep the installed identity's certificate (public) beside it as PEM."""
    target = identity_dir() / CERT_FILE
    tmp = target.with_suffix(".part")
    tmp.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.replace(tmp, target)
    return target


def installed_certificate_pem() -> bytes | None:
    """The installed identity's certificate as PEM, if it was kept at install."""
    path = identity_dir() / CERT_FILE
    return path.read_bytes() if path.is_file() else None


def _private(path: Path, mode: int) -> None:
    try:
        path.chmod(mode)
    except OSError:  # filesystems without modes (some Windows shares): the ACL applies
        pass


def current() -> IdentityInfo | None:
    """The installed identity's description, or None when none is installed."""
    meta = identity_dir() / META_FILE
    if not meta.exists() or not installed_key_path().exists():
        return None
    try:
        raw = json.loads(meta.read_text("utf-8"))
        return IdentityInfo(**{k: raw[k] for k in IdentityInfo.__dataclass_fields__})
    except (ValueError, KeyError, TypeError):
        raise BadInput(f"{meta} is damaged; import or create the identity again") from None


def create(name: str, organisation: str, passphrase: str, out: Path | None = None,
           days: int = DEFAULT_VALIDITY_DAYS) -> IdentityInfo:
    """Create a self-signed identity, install it, and optionally write a copy to ``out``."""
    check_new_passphrase(passphrase)
    if out is not None and out.exists():
        raise BadInput(f"{out} already exists; choose another --out (nothing was overwritten)")
    data = create_self_signed(name, organisation, passphrase, days)
    ident = unlock(data, passphrase, "the new key")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        _private(out, 0o600)
    return install(data, ident.info, ident.certificate)


def import_file(path: Path, passphrase: str) -> tuple[IdentityInfo, list[str]]:
    """Check that ``path`` opens with ``passphrase``, then install it; returns notes to show."""
    data = read_p12_bytes(path)
    ident = unlock(data, passphrase, str(path))
    return install(data, ident.info, ident.certificate), usage_warnings(ident)


def load(path: Path | None, passphrase: str) -> LoadedIdentity:
    """Unlock the given key file, or the installed identity when ``path`` is None."""
    key_path = path if path is not None else installed_key_path()
    if path is None and not key_path.exists():
        raise BadInput("no reviewer identity: run `slq-desk identity create` or "
                       "`slq-desk identity import F.p12` first, or pass --identity F.p12")
    data = read_p12_bytes(key_path)
    ident = unlock(data, passphrase, str(key_path))
    return ident


def fingerprint_of_file(path: Path) -> str:
    """Stable keyring account for a key file without unlocking it (SHA-256 of its bytes)."""
    return hashlib.sha256(read_p12_bytes(path)).hexdigest()


def load_with(path: Path | None, source: PassphraseSource) -> LoadedIdentity:
    """Unlock with a passphrase from ``source``; a stale keyring entry is dropped and the
    person asked once more, a wrong typed or env passphrase is a clear error."""
    key_path = path if path is not None else installed_key_path()
    if path is None and not key_path.exists():
        return load(None, "")  # raises the "no identity" message
    secret = source.get()
    try:
        ident = load(key_path, secret)
    except WrongPassphrase:
        if source.origin != "keyring":
            raise
        source.rejected()
        secret = source.get()
        ident = load(key_path, secret)
    source.accepted(secret)
    return ident


def passphrase_source(path: Path | None, env_var: str | None = None,
                      prompt: Prompt | None = None, notify: Notify | None = None
                      ) -> PassphraseSource:
    """The passphrase source for a key file: one keyring entry per key file's bytes."""
    key_path = path if path is not None else installed_key_path()
    account = fingerprint_of_file(key_path) if key_path.exists() else "none"
    source = PassphraseSource(account=account, env_var=env_var)
    if prompt is not None:
        source.prompt = prompt
    if notify is not None:
        source.notify = notify
    return source


def _spki(public_key: Any) -> bytes:
    """A public key as its DER SubjectPublicKeyInfo: equal bytes, the same key (any algorithm)."""
    return bytes(public_key.public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo))
