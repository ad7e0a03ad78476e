"""The 初审意见 signed like the expert opinion: verifies with slq-desk and pdfsig, and against the
package it judged; a draft stays unsigned."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SLQ = [sys.executable, "-m", "slq_desk"]


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("prelim")
    env = {**os.environ, "SLQ_DESK_DATA_DIR": str(root / "data"), "PW": "初审口令-123",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    assert run("demo-packages", str(root / "demo"), env=env).returncode == 0
    package = root / "demo" / "wuhan-clean-1"
    ws = root / "ws"
    done = run("import", str(package), "--workspace", str(ws), env=env)
    assert done.returncode == 0, done.stderr
    done = run("identity", "create", "--name", "李初审", "--org", "武汉市数据局",
               "--out", str(root / "li.p12"), "--passphrase-env", "PW", env=env)
    assert done.returncode == 0, done.stderr
    return ws, package, env


def test_signed_preliminary_opinion_verifies(setup: tuple[Path, Path, dict[str, str]],
                                            tmp_path: Path) -> None:
    ws, package, env = setup
    out = tmp_path / "初审意见.pdf"
    done = run("preliminary-opinion", "wuhan-clean-1", "--workspace", str(ws), "--out", str(out),
               "--sign", "--passphrase-env", "PW", "--comment", "材料齐全", env=env)
    assert done.returncode == 0, done.stderr
    checked = run("verify", str(out), "--package", str(package), env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "李初审" in checked.stdout and "9 一致" in checked.stdout
    import json

    import pymupdf

    fingerprint = json.loads(run("verify", str(out), "--json", env=env).stdout)["signer"][
        "cert_sha256"]
    with pymupdf.open(out) as doc:  # printed on the page, for the roster check
        text = "".join(page.get_text() for page in doc).replace("\n", "").replace(":", "")
    assert fingerprint.upper()[:16] in text
    if shutil.which("pdfsig"):
        sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, timeout=60)
        assert "Signature is Valid." in sig.stdout and "Total document signed" in sig.stdout

    tampered = tmp_path / "tampered.pdf"
    data = bytearray(out.read_bytes())
    middle = len(data) // 3
    data[middle] = (data[middle] + 1) % 256
    tampered.write_bytes(bytes(data))
    assert run("verify", str(tampered), env=env).returncode == 1


def test_unsigned_preliminary_opinion_is_a_draft(setup: tuple[Path, Path, dict[str, str]],
                                                tmp_path: Path) -> None:
    import pymupdf

    ws, _package, env = setup
    out = tmp_path / "draft.pdf"
    done = run("preliminary-opinion", "wuhan-clean-1", "--workspace", str(ws), "--out", str(out),
               env=env)
    assert done.returncode == 0, done.stderr
    with pymupdf.open(out) as doc:
        assert all("草稿" in page.get_text() for page in doc)
    assert run("verify", str(out), env=env).returncode == 1  # not signed: not valid
