"""Signing with a key on a PKCS#11 token, against a real SoftHSM2 token made in a temp folder.

``scripts/sysdeps.sh`` installs softhsm2 (and opensc's pkcs11-tool), so CI runs these; on a
machine without them they are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from slq_desk.errors import BadInput
from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
from slq_desk.workspace import Workspace
from tests.support.attacks import make_identity

SLQ = [sys.executable, "-m", "slq_desk"]
PIN, SO_PIN, TOKEN = "314159", "271828", "slq-test-token"
# Not a prefix of each other: pkcs11-tool may pick a token whose label merely starts with TOKEN.
KEY_ONLY = "slq-keyonly"
LIBS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so")
LIB = next((Path(p) for p in LIBS if Path(p).is_file()), None)

pytestmark = [
    pytest.mark.skipif(shutil.which("softhsm2-util") is None or LIB is None,
                       reason="softhsm2 is not installed (scripts/sysdeps.sh installs it)"),
    pytest.mark.xdist_group("pkcs11"),
]


def sh(*args: str, env: dict[str, str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A fresh token with the reviewer's key, and the certificate on the token (by
    pkcs11-tool) when opensc is there; a second token holds the key only."""
    root = tmp_path_factory.mktemp("softhsm")
    (root / "tokens").mkdir()
    conf = root / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n")
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    ident = make_identity(REVIEWER, "湖南省算力评审专家库",
                          not_before=datetime.now(UTC) - timedelta(days=1))
    key_pem = root / "key.pem"
    key_pem.write_bytes(ident.key.private_bytes(serialization.Encoding.PEM,
                                                serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption()))
    cert_pem = root / "cert.pem"
    cert_pem.write_bytes(ident.certificate.public_bytes(serialization.Encoding.PEM))
    for label in (TOKEN, KEY_ONLY):
        sh("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN,
           "--so-pin", SO_PIN, env=env)
        sh("softhsm2-util", "--import", str(key_pem), "--token", label, "--label",
           "reviewer-key", "--id", "01", "--pin", PIN, env=env)
    key_pem.unlink()  # the key lives on the token now
    cert_on_token = shutil.which("pkcs11-tool") is not None
    if cert_on_token:
        der = root / "cert.der"
        der.write_bytes(ident.certificate.public_bytes(serialization.Encoding.DER))
        sh("pkcs11-tool", "--module", str(LIB), "--token-label", TOKEN, "--login", "--pin", PIN,
           "--write-object", str(der), "--type", "cert", "--label", "reviewer-key",
           "--id", "01", env=env)
    return {"env": env, "ident": ident, "cert": cert_pem, "root": root,
            "cert_on_token": cert_on_token}


@pytest.fixture(scope="module")
def cli_env(token: dict, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    e = dict(token["env"])  # type: ignore[arg-type]
    e.update({"SLQ_DESK_DATA_DIR": str(tmp_path_factory.mktemp("data")),
              "SLQ_DESK_USER": "测试员", "TOKEN_PIN": PIN,
              "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    return e


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ws")
    w = Workspace.open(root / "ws")
    for n in (1, 2, 3):
        add_reviewed_application(w, f"hunan-p11-{n}", root / f"pkg{n}")
    w.close()
    return root / "ws"


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=180, env=env,
                          stdin=subprocess.DEVNULL)


def token_args(label: str = TOKEN, *extra: str) -> list[str]:
    return ["--pkcs11-lib", str(LIB), "--token-label", label, "--key-label", "reviewer-key",
            "--pin-env", "TOKEN_PIN", *extra]


def test_opinion_signed_on_the_token_verifies_everywhere(token: dict, cli_env: dict[str, str],
                                                         ws: Path, tmp_path: Path) -> None:
    if not token["cert_on_token"]:
        pytest.skip("opensc's pkcs11-tool is not installed: no certificate on the token")
    out = tmp_path / "token.pdf"
    done = run(cli_env, "opinion", "export", "hunan-p11-1", "--workspace", str(ws), "--out",
               str(out), *token_args())
    assert done.returncode == 0, done.stderr
    checked = run(cli_env, "verify", str(out), "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = json.loads(checked.stdout)
    assert result["signer"]["cert_sha256"] == token["ident"].info.cert_sha256
    assert result["certified"] and result["data"]["reviewer"]["cert_sha256"] == \
        token["ident"].info.cert_sha256
    if shutil.which("pdfsig"):
        sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, timeout=60)
        assert "Signature is Valid" in sig.stdout and "Total document signed" in sig.stdout


def test_token_holding_only_the_key_takes_the_certificate_from_a_file(
        token: dict, cli_env: dict[str, str], ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "keyonly.pdf"
    done = run(cli_env, "opinion", "export", "hunan-p11-2", "--workspace", str(ws), "--out",
               str(out), *token_args(KEY_ONLY, "--token-cert", str(token["cert"])))
    assert done.returncode == 0, done.stderr
    assert run(cli_env, "verify", str(out)).returncode == 0


def test_wrong_pin_and_unknown_token_are_clear_messages(cli_env: dict[str, str], ws: Path,
                                                        tmp_path: Path) -> None:
    wrong = dict(cli_env, TOKEN_PIN="000000")
    done = run(wrong, "opinion", "export", "hunan-p11-3", "--workspace", str(ws), "--out",
               str(tmp_path / "w.pdf"), *token_args(KEY_ONLY, "--token-cert",
                                                     str(tmp_path / "none.pem")))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    done = run(wrong, "opinion", "export", "hunan-p11-3", "--workspace", str(ws), "--out",
               str(tmp_path / "w.pdf"), *token_args())
    assert done.returncode == 2 and "wrong PIN" in done.stderr, done.stderr
    done = run(cli_env, "opinion", "export", "hunan-p11-3", "--workspace", str(ws), "--out",
               str(tmp_path / "w.pdf"), *token_args("no-such-token"))
    assert done.returncode == 2 and "cannot open token" in done.stderr, done.stderr
    assert not (tmp_path / "w.pdf").exists()


def test_pin_variable_is_gone_before_anything_else_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from slq_desk.opinion.pkcs11 import pin_from_env

    monkeypatch.setenv("SLQ_TEST_PIN", PIN)
    assert pin_from_env("SLQ_TEST_PIN") == PIN
    assert "SLQ_TEST_PIN" not in os.environ
    child = subprocess.run([sys.executable, "-c", "import os; print(os.environ.get('SLQ_TEST_PIN'))"],
                           capture_output=True, text=True, timeout=60)
    assert child.stdout.strip() == "None"
    with pytest.raises(BadInput, match="not set"):
        pin_from_env("SLQ_TEST_PIN")
