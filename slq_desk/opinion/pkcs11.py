"""Signing with a key on a PKCS#11 token (the USB keys CAs issue to experts).

The private key never leaves the token: pyHanko's PKCS#11 signer asks the token to sign the
digest. The certificate is read from the token (label = the key's label unless another is
given) or from a file when the token holds only the key. The PIN comes from a prompt or from
an environment variable that is removed from the environment as soon as it is read, so
child processes never inherit it. Needs the ``python-pkcs11`` package and the token vendor's
PKCS#11 module (SoftHSM2's ``libsofthsm2.so`` in the tests).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from slq_desk.errors import BadInput
from slq_desk.opinion.identity import IdentityInfo, describe


@dataclass
class TokenIdentity:
    """An open token session holding the reviewer's key; close it when signing is done."""

    info: IdentityInfo
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    _session: Any = field(repr=False)
    _signer: Any = field(repr=False)

    def pyhanko_signer(self) -> Any:
        return self._signer

    def close(self) -> None:
        try:
            self._session.close()
        except Exception:  # noqa: BLE001 — a token pulled out mid-way: nothing left to close
            pass

    def __enter__(self) -> TokenIdentity:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def pin_from_env(var: str) -> str:
    """Read the PIN from ``var`` and remove it from the environment at once."""
    pin = os.environ.pop(var, None)
    if pin is None:
        raise BadInput(f"环境变量 {var} 未设置 / the environment variable {var} is not set")
    return pin


def open_token(library: Path, token_label: str, key_label: str, pin: str, *,
               cert_label: str | None = None, cert_file: Path | None = None) -> TokenIdentity:
    """Log in to the token and prepare a signer for ``key_label``; clear messages for a
    missing module, an unknown token, a wrong PIN or a missing key or certificate."""
    try:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as sig_p11
    except ImportError as err:  # python-pkcs11 is an optional extra on some platforms
        raise BadInput(f"PKCS#11 support is not installed (python-pkcs11): {err}") from None
    if not library.is_file():
        raise BadInput(f"找不到 PKCS#11 模块 / no PKCS#11 module at {library}")
    signing_cert = None
    if cert_file is not None:
        from asn1crypto import x509 as asn1_x509

        from slq_desk.opinion.trust import read_certificates

        der = read_certificates(cert_file)[0].public_bytes(serialization.Encoding.DER)
        signing_cert = asn1_x509.Certificate.load(der)
    try:
        session = sig_p11.open_pkcs11_session(str(library),
                                              token_criteria=TokenCriteria(label=token_label),
                                              user_pin=pin)
    except Exception as err:  # noqa: BLE001 — python-pkcs11 raises many distinct types
        name = type(err).__name__
        if "PinIncorrect" in name or "PinInvalid" in name:
            raise BadInput("PIN 错误 / wrong PIN for the token") from None
        if "PinLocked" in name:
            raise BadInput("令牌已锁定 / the token's PIN is locked") from None
        raise BadInput(f"无法打开令牌 {token_label} / cannot open token {token_label!r}: "
                       f"{name}: {err}") from None
    try:
        signer = sig_p11.PKCS11Signer(session, key_label=key_label,
                                      cert_label=None if signing_cert else (cert_label or key_label),
                                      signing_cert=signing_cert)
        cert_asn1 = signer.signing_cert
        if cert_asn1 is None:
            raise BadInput("no certificate")
        cert = x509.load_der_x509_certificate(cert_asn1.dump())
    except BadInput:
        session.close()
        raise BadInput(f"令牌上找不到证书 / no certificate labelled "
                       f"{cert_label or key_label!r} on the token: give --token-cert F.pem"
                       ) from None
    except Exception as err:  # noqa: BLE001
        session.close()
        raise BadInput(f"令牌上找不到密钥或证书 / key {key_label!r} or its certificate not found "
                       f"on the token: {type(err).__name__}: {err}") from None
    return TokenIdentity(info=describe(cert, f"pkcs11:{token_label}/{key_label}"),
                         certificate=cert, chain=(), _session=session, _signer=signer)
