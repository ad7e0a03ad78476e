"""The roster through the command line: a reviewer exports their certificate, the chair
registers it, lists and removes it; bad input is a clear message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SLQ = [sys.executable, "-m", "slq_desk"]
PASS = "roster-口令-足够长"


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=180, env=env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    e = dict(os.environ)
    e.update({"SLQ_DESK_DATA_DIR": str(tmp_path / "data"), "PW": PASS,
              "SLQ_DESK_USER": "组长", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    return e


def test_export_register_list_remove(env: dict[str, str], tmp_path: Path) -> None:
    assert run(env, "identity", "create", "--name", "张伟", "--org", "专家库",
               "--passphrase-env", "PW").returncode == 0
    cert = tmp_path / "张伟.pem"
    shown = run(env, "identity", "show", "--cert-out", str(cert), "--json")
    assert shown.returncode == 0, shown.stderr
    fingerprint = json.loads(shown.stdout)["cert_sha256"]
    assert cert.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE" not in cert.read_bytes()

    ws = str(tmp_path / "ws")
    from slq_desk.workspace import Workspace

    Workspace.open(ws).close()
    added = run(env, "panel", "roster", "add", "--workspace", ws, "--name", "张伟", "--cert",
                str(cert), "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["cert_sha256"] == fingerprint
    listed = run(env, "panel", "roster", "list", "--workspace", ws)
    assert "张伟" in listed.stdout and fingerprint[:2].upper() in listed.stdout
    again = run(env, "panel", "roster", "add", "--workspace", ws, "--name", "张三", "--cert",
                str(cert))
    assert again.returncode == 2 and "already on the roster" in again.stderr
    missing = run(env, "panel", "roster", "add", "--workspace", ws, "--name", "李娜", "--cert",
                  str(tmp_path / "nope.pem"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    gone = run(env, "panel", "roster", "remove", "--workspace", ws, "张伟", "--json")
    assert gone.returncode == 0 and json.loads(gone.stdout)[0]["name"] == "张伟"
    assert json.loads(run(env, "panel", "roster", "list", "--workspace", ws,
                          "--json").stdout) == []
