"""The signing flow through the command line: identity → export → verify, and tampering.

Each run gets its own data folder and keyring's fail backend, so the real user's keys and
keyring are never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
from slq_desk.workspace import Workspace

SLQ = [sys.executable, "-m", "slq_desk"]
PASS = "e2e-口令-签名用"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("data")
    e = dict(os.environ)
    e.update({"SLQ_DESK_DATA_DIR": str(data), "SLQ_PW": PASS, "SLQ_DESK_USER": "测试员",
              "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    return e


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def setup(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("flow")
    done = run(env, "identity", "create", "--name", REVIEWER, "--org", "湖南省算力评审专家库",
               "--passphrase-env", "SLQ_PW", "--out", str(root / "backup.p12"))
    assert done.returncode == 0, done.stderr
    ws = Workspace.open(root / "ws")
    add_reviewed_application(ws, "hunan-e2e-1", root / "pkg1")
    add_reviewed_application(ws, "hunan-e2e-2", root / "pkg2")
    add_reviewed_application(ws, "hunan-e2e-3", root / "pkg3", with_review=False)
    ws.close()
    out = root / "opinion.pdf"
    done = run(env, "opinion", "export", "hunan-e2e-1", "--workspace", str(root / "ws"),
               "--out", str(out), "--passphrase-env", "SLQ_PW")
    assert done.returncode == 0, done.stderr
    return {"root": root, "ws": root / "ws", "pdf": out, "pkg": root / "pkg1"}


def test_identity_show(env: dict[str, str], setup: dict[str, Path]) -> None:
    done = run(env, "identity", "show", "--json")
    assert done.returncode == 0
    info = json.loads(done.stdout)
    assert info["name"] == REVIEWER and info["key_type"] == "RSA-3072"
    assert info["keyring_available"] is False
    assert Path(info["key_file"]).parent.parent == Path(env["SLQ_DESK_DATA_DIR"])


def test_exported_opinion_verifies_with_package(env: dict[str, str],
                                                setup: dict[str, Path]) -> None:
    done = run(env, "verify", str(setup["pdf"]), "--package", str(setup["pkg"]), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["valid"] and result["signer"]["name"] == REVIEWER
    assert result["package"]["ok"] and len(result["package"]["matched"]) == 4
    assert result["data"]["application"]["id"] == "hunan-e2e-1"
    assert result["data"]["total"] == "81.00"
    human = run(env, "verify", str(setup["pdf"]))
    assert human.returncode == 0 and "VALID" in human.stdout and REVIEWER in human.stdout


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig not installed")
def test_pdfsig_accepts_and_then_rejects_a_flipped_byte(setup: dict[str, Path],
                                                        env: dict[str, str]) -> None:
    out = subprocess.run(["pdfsig", str(setup["pdf"])], capture_output=True, text=True,
                         timeout=60).stdout
    assert "Signature Validation: Signature is Valid." in out and "Total document signed" in out
    bad = setup["root"] / "flipped.pdf"
    data = bytearray(setup["pdf"].read_bytes())
    data[len(data) // 3] ^= 0x04
    bad.write_bytes(bytes(data))
    out = subprocess.run(["pdfsig", str(bad)], capture_output=True, text=True, timeout=60).stdout
    assert "Signature Validation: Signature is Valid." not in out
    done = run(env, "verify", str(bad))
    assert done.returncode == 1 and "reason" in done.stdout


def test_changed_package_file_fails(env: dict[str, str], setup: dict[str, Path]) -> None:
    pkg = setup["root"] / "pkg-changed"
    shutil.copytree(setup["pkg"], pkg)
    target = pkg / "02-发票-1.pdf"
    target.write_bytes(target.read_bytes().replace(b"invoice", b"invoicf"))
    done = run(env, "verify", str(setup["pdf"]), "--package", str(pkg))
    assert done.returncode == 1
    assert "02-发票-1.pdf" in done.stdout and "package file changed" in done.stdout


def test_truncated_file_fails(env: dict[str, str], setup: dict[str, Path]) -> None:
    cut = setup["root"] / "cut.pdf"
    cut.write_bytes(setup["pdf"].read_bytes()[:-300])
    done = run(env, "verify", str(cut))
    assert done.returncode == 1 and "truncated" in done.stdout


def test_bad_input_exits_2(env: dict[str, str], setup: dict[str, Path]) -> None:
    missing = run(env, "verify", str(setup["root"] / "nope.pdf"))
    assert missing.returncode == 2 and "no file" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_pkg = run(env, "verify", str(setup["pdf"]), "--package", str(setup["pdf"]))
    assert bad_pkg.returncode == 2 and "neither a folder nor a .zip" in bad_pkg.stderr


def test_wrong_passphrase_is_a_clear_message(env: dict[str, str], setup: dict[str, Path]) -> None:
    wrong = dict(env, SLQ_PW="not the passphrase")
    done = run(wrong, "opinion", "export", "hunan-e2e-2", "--workspace", str(setup["ws"]),
               "--out", str(setup["root"] / "w.pdf"), "--passphrase-env", "SLQ_PW")
    assert done.returncode == 2
    assert "wrong passphrase" in done.stderr and "Traceback" not in done.stderr
    assert not (setup["root"] / "w.pdf").exists()


def test_no_keyring_and_no_terminal(env: dict[str, str], setup: dict[str, Path]) -> None:
    done = run(env, "opinion", "export", "hunan-e2e-2", "--workspace", str(setup["ws"]),
               "--out", str(setup["root"] / "n.pdf"))
    assert done.returncode == 2
    assert done.stderr.count("No OS keyring backend") == 1
    assert "--passphrase-env" in done.stderr


def test_export_all_signs_each_reviewed_application(env: dict[str, str],
                                                    setup: dict[str, Path]) -> None:
    out_dir = setup["root"] / "all"
    done = run(env, "opinion", "export-all", "--workspace", str(setup["ws"]),
               "--out-dir", str(out_dir), "--passphrase-env", "SLQ_PW")
    assert done.returncode == 0, done.stderr
    assert "[1/2] hunan-e2e-1" in done.stderr and "[2/2] hunan-e2e-2" in done.stderr
    assert "not reviewed 1" in done.stdout
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert [p.name for p in pdfs] == ["hunan-e2e-1-评审意见.pdf", "hunan-e2e-2-评审意见.pdf"]
    done = run(env, "verify", str(pdfs[1]), "--package", str(setup["root"] / "pkg2"))
    assert done.returncode == 0, done.stdout
