"""`slq-desk identity create|import|show`: the reviewer's signing key (PKCS#12)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("identity", help="reviewer signing identity (PKCS#12 key)")
    isub = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True)

    c = isub.add_parser("create", help="create a self-signed RSA-3072 identity")
    c.add_argument("--name", required=True, help="reviewer name (certificate CN)")
    c.add_argument("--org", default="", help="organisation (certificate O)")
    c.add_argument("--out", type=Path, help="also write a copy of the .p12 here (backup)")
    c.add_argument("--days", type=int, default=3 * 365, help="validity in days")
    c.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    c.set_defaults(func=_create)

    i = isub.add_parser("import", help="import a .p12/.pfx issued by a CA")
    i.add_argument("file", type=Path)
    i.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    i.set_defaults(func=_import)

    s = isub.add_parser("show", help="show the installed identity")
    s.add_argument("--json", action="store_true")
    s.add_argument("--cert-out", type=Path, metavar="F.pem",
                   help="write the certificate (public, PEM) for the panel chair's roster")
    s.add_argument("--passphrase-env", metavar="VAR",
                   help="identities installed by an older slq-desk: unlock once to export")
    s.set_defaults(func=_show)

    t = isub.add_parser("trust", help="configure CA trust roots (PEM) to validate chains")
    t.add_argument("file", type=Path, help="root (and intermediate) certificates, PEM")
    t.set_defaults(func=_trust)


def _new_passphrase(env_var: str | None) -> tuple[str, bool]:
    """(passphrase, typed): typed passphrases are confirmed and may go to the keyring."""
    from slq_desk.errors import BadInput
    from slq_desk.opinion.passphrase import from_env, tty_prompt

    if env_var:
        return from_env(env_var), False
    first = tty_prompt("新密钥口令 (new key passphrase)")
    second = tty_prompt("再次输入口令 (repeat passphrase)")
    if first != second:
        raise BadInput("两次输入的口令不一致 / the passphrases differ; nothing was created")
    if not first:
        raise BadInput("口令不能为空 / the passphrase must not be empty")
    return first, True


def _remember(info_key_file: str, secret: str, typed: bool) -> None:
    from slq_desk.opinion import passphrase
    from slq_desk.opinion.identity import fingerprint_of_file

    if not typed:
        return
    if passphrase.keyring_available():
        if passphrase.keyring_set(fingerprint_of_file(Path(info_key_file)), secret):
            print("口令已保存到系统钥匙串 / passphrase saved in the OS keyring", file=sys.stderr)
    else:
        passphrase.notify_no_backend_once()


def _print_info(info: object, notes: list[str] | None = None) -> None:
    from slq_desk.opinion.identity import IdentityInfo

    assert isinstance(info, IdentityInfo)
    print(f"评审专家 / name:     {info.name}")
    print(f"单位 / organisation: {info.organisation or '—'}")
    print(f"证书 / subject:      {info.subject}")
    print(f"颁发者 / issuer:     {info.issuer}{'（自签名 / self-signed）' if info.self_signed else ''}")
    print(f"有效期 / valid:      {info.not_before[:10]} … {info.not_after[:10]}")
    print(f"密钥 / key:          {info.key_type}")
    print(f"SHA-256:             {info.cert_sha256}")
    print(f"密钥文件 / key file: {info.key_file}")
    for note in notes or []:
        print(f"注意 / note: {note}", file=sys.stderr)


def _create(args: argparse.Namespace) -> int:
    from slq_desk.opinion import identity

    secret, typed = _new_passphrase(args.passphrase_env)
    info = identity.create(args.name, args.org, secret, out=args.out, days=args.days)
    _remember(info.key_file, secret, typed)
    print("已创建评审专家身份 / identity created")
    _print_info(info)
    if args.out:
        print(f"备份副本 / backup copy: {args.out}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from slq_desk.opinion import identity
    from slq_desk.opinion.passphrase import from_env, tty_prompt

    identity.read_p12_bytes(args.file)  # a bad path is said before asking for a passphrase
    typed = not args.passphrase_env
    secret = (from_env(args.passphrase_env) if args.passphrase_env
              else tty_prompt(f"{args.file} 的口令 (passphrase)"))
    info, notes = identity.import_file(args.file, secret)
    _remember(info.key_file, secret, typed)
    print("已导入评审专家身份 / identity imported")
    _print_info(info, notes)
    return 0


def _show(args: argparse.Namespace) -> int:
    from slq_desk.opinion import identity, passphrase

    info = identity.current()
    if info is None:
        print("尚无评审专家身份：请运行 `slq-desk identity create` 或 `slq-desk identity import` "
              "/ no identity installed", file=sys.stderr)
        return 1
    if args.cert_out:
        _export_certificate(args.cert_out, args.passphrase_env)
    keyring = passphrase.keyring_available()
    if args.json:
        out = info.to_json() | {"keyring_available": keyring,
                                "data_dir": str(identity.user_data_dir())}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    _print_info(info)
    print("口令保存 / passphrase: " + ("系统钥匙串 / OS keyring" if keyring
                                       else "每次询问（无可用钥匙串）/ asked each time (no keyring)"))
    return 0


def _export_certificate(out: Path, env_var: str | None) -> None:
    from slq_desk.opinion import identity
    from slq_desk.opinion.export import write_atomically

    pem = identity.installed_certificate_pem()
    if pem is None:
        # Installed before the certificate was kept beside the key: unlock once, keep it.
        source = identity.passphrase_source(None, env_var=env_var)
        ident = identity.load_with(None, source)
        identity.write_certificate(ident.certificate)
        pem = identity.installed_certificate_pem() or b""
    write_atomically(out, pem, replace=True)
    print(f"证书已导出 / certificate written: {out}", file=sys.stderr)


def _trust(args: argparse.Namespace) -> int:
    from slq_desk.opinion.layout import fingerprint_text
    from slq_desk.opinion.trust import install_roots

    target, certs = install_roots(args.file)
    from cryptography.hazmat.primitives import hashes

    print(f"已配置信任根 / trust roots installed: {target}")
    for c in certs:
        print(f"  {c.subject.rfc4514_string()}")
        print(f"    SHA-256 {fingerprint_text(c.fingerprint(hashes.SHA256()).hex())}")
    return 0
