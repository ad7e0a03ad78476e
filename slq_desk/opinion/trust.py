"""Trust roots for reviewers' certificates issued by a CA: a PEM file the office configures.

Reviewers' certificates are often self-signed and are then trusted through the panel's roster
(fingerprints). Where a CA issues them (the USB keys experts receive), the office installs the
CA's root (and intermediates) once: ``slq-desk identity trust F.pem`` copies them to
``<data>/trust/roots.pem``; ``SLQ_DESK_TRUST_ROOTS`` names another file. When roots are
configured, a signature whose chain does not validate against them is refused. Validation is
offline: nothing is fetched, revocation is not checked (no network at run time).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from slq_desk.errors import BadInput
from slq_desk.opinion.identity import user_data_dir

TRUST_ENV = "SLQ_DESK_TRUST_ROOTS"
TRUST_FILE = Path("trust") / "roots.pem"
MAX_PEM_BYTES = 1_000_000


def roots_path() -> Path:
    override = os.environ.get(TRUST_ENV)
    return Path(override).expanduser() if override else user_data_dir() / TRUST_FILE


def read_certificates(path: Path) -> list[x509.Certificate]:
    """Every certificate in a PEM (or a single DER) file; bad input says so."""
    if not path.is_file():
        raise BadInput(f"no certificate file at {path}")
    if path.stat().st_size > MAX_PEM_BYTES:
        raise BadInput(f"{path} is too large to be a certificate file")
    data = path.read_bytes()
    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError as err:
        raise BadInput(f"{path}: 不是证书文件 / not a certificate file: {err}") from None
    if not certs:
        raise BadInput(f"{path}: 文件中没有证书 / no certificate in the file")
    return certs


def configured_roots() -> list[x509.Certificate]:
    """The configured trust roots, or an empty list when none are configured."""
    path = roots_path()
    if not path.exists():
        if os.environ.get(TRUST_ENV):
            raise BadInput(f"{TRUST_ENV} names {path}, which does not exist")
        return []
    return read_certificates(path)


def install_roots(source: Path) -> tuple[Path, list[x509.Certificate]]:
    """Copy the certificates of ``source`` to the trust file (replacing it)."""
    certs = read_certificates(source)
    target = user_data_dir() / TRUST_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    tmp.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))
    os.replace(tmp, target)
    return target, certs


def validation_context(roots: list[x509.Certificate], extra: list[Any] | None = None) -> Any:
    """A pyHanko ValidationContext trusting ``roots`` only, offline, revocation not checked."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator import ValidationContext

    anchors = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
               for c in roots]
    return ValidationContext(trust_roots=anchors, other_certs=extra or [], allow_fetching=False,
                             revocation_mode="soft-fail")
