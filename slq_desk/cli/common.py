"""Small pieces every subcommand shares: opening the workspace named on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.workspace import DB_NAME, MARKER, Workspace


def open_workspace(args: argparse.Namespace, create: bool = False,
                   attr: str = "workspace") -> Workspace:
    """Open the workspace in ``args.<attr>`` (or the shared ``--database-url``)."""
    folder = getattr(args, attr, None)
    if not folder:
        raise BadInput("name a workspace folder (--workspace W)")
    path = Path(folder)
    url = getattr(args, "database_url", None)
    if not create and url is None and not (path / DB_NAME).exists() and not (path / MARKER).exists():
        raise BadInput(f"{path} is not an slq-desk workspace (no {DB_NAME}); "
                       "create one with `slq-desk init` or `slq-desk demo-workspace`")
    return Workspace.open(path, database_url=url, create=create, password=database_password(args))


def database_password(args: argparse.Namespace) -> str | None:
    """The shared database's password from the keyring or a prompt (None: libpq's pgpass or
    service file, or the URL read from --database-url-file, provides it)."""
    url = getattr(args, "database_url", None)
    if not url or not getattr(args, "database_password_prompt", False):
        return None  # Workspace.open looks in the keyring; libpq in pgpass/service files
    from slq_desk.models.dburl import connect_password

    return connect_password(url, prompt=True)


def load_signing_identity(key_file: Path | None, passphrase_env: str | None) -> Any:
    """The reviewer's key for signing (installed one unless ``key_file``), passphrase from the
    environment variable, the keyring or a prompt; its usage warnings go to stderr."""
    import sys

    from slq_desk.opinion import identity
    from slq_desk.opinion.strict import certificate_refusals

    source = identity.passphrase_source(key_file, env_var=passphrase_env)
    ident = identity.load_with(key_file, source)
    # A signature every verifier would refuse is not worth making: say so before signing.
    problems = certificate_refusals(ident.certificate, None)
    if problems:
        raise BadInput("证书不能用于签署，签出的文件将被拒绝 / the certificate cannot sign (the "
                       "file would be refused): " + "; ".join(p.text() for p in problems))
    for note in identity.usage_warnings(ident):
        print(f"注意 / note: {note}", file=sys.stderr)
    return ident


def add_token_options(p: argparse.ArgumentParser) -> None:
    """Options to sign with a key on a PKCS#11 token instead of a PKCS#12 file."""
    p.add_argument("--pkcs11-lib", type=Path, metavar="PATH",
                   help="PKCS#11 module of the token (e.g. the CA's driver .so/.dll)")
    p.add_argument("--token-label", metavar="L", help="label of the token")
    p.add_argument("--key-label", metavar="K", help="label of the signing key on the token")
    p.add_argument("--token-cert", type=Path, metavar="F.pem",
                   help="the certificate, when the token holds only the key")
    p.add_argument("--pin-env", metavar="VAR",
                   help="read the token PIN from VAR (removed from the environment at once)")


def signing_identity(args: argparse.Namespace) -> Any:
    """The identity that signs: a token key with --pkcs11-lib, else the PKCS#12 key file.
    Refuses a certificate that verification would refuse (expired, weak, wrong usage)."""
    import sys

    lib = getattr(args, "pkcs11_lib", None)
    if lib is None:
        return load_signing_identity(args.identity, args.passphrase_env)
    from slq_desk.opinion.passphrase import tty_prompt
    from slq_desk.opinion.pkcs11 import open_token, pin_from_env
    from slq_desk.opinion.strict import certificate_refusals

    if not args.token_label or not args.key_label:
        raise BadInput("--pkcs11-lib needs --token-label and --key-label")
    pin = pin_from_env(args.pin_env) if args.pin_env else tty_prompt("令牌 PIN (token PIN)")
    ident = open_token(lib, args.token_label, args.key_label, pin, cert_file=args.token_cert)
    problems = certificate_refusals(ident.certificate, None)
    if problems:
        ident.close()
        raise BadInput("令牌上的证书不能用于签署 / the token's certificate cannot sign: "
                       + "; ".join(p.text() for p in problems))
    print(f"令牌签名 / signing on token {args.token_label}: {ident.info.name} "
          f"SHA-256 {ident.info.cert_sha256}", file=sys.stderr)
    return ident
