"""The panel chair's flow through the command line, on the demo panel of three reviewers:
aggregate (with the divergence alert), rank within a budget (main and reserve), simulate,
the signed panel opinion, the signed exports — and clear messages, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SLQ = [sys.executable, "-m", "slq_desk"]
# The demo panel is built once per module: keep the module on one worker.
pytestmark = pytest.mark.xdist_group("panel-cli")
PASS = "组长-签名口令"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("data")
    e = dict(os.environ)
    e.update({"SLQ_DESK_DATA_DIR": str(data), "CHAIR_PW": PASS, "SLQ_DESK_USER": "测试员",
              "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    return e


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=180, env=env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def demo(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("panel")
    done = run(env, "panel", "demo", str(root / "ws"), "--seed", "2")
    assert done.returncode == 0, done.stderr
    done = run(env, "identity", "create", "--name", "赵敏", "--org", "湖南省评审组",
               "--passphrase-env", "CHAIR_PW", "--out", str(root / "chair.p12"))
    assert done.returncode == 0, done.stderr
    return {"root": root, "ws": root / "ws", "p12": root / "chair.p12"}


def test_aggregate_shows_the_divergence_alert(env: dict[str, str], demo: dict[str, Path]) -> None:
    done = run(env, "panel", "aggregate", "--workspace", str(demo["ws"]), "--json",
               "--chart", str(demo["root"] / "calibration.svg"))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    alerted = [a["application_id"] for a in out["applications"] if a["alerts"]]
    assert alerted == ["hunan-panel-2-03"]
    assert {c["reviewer"] for c in out["calibration"]} == {"张伟", "李娜", "王强"}
    assert (demo["root"] / "calibration.svg").read_text("utf-8").startswith("<svg")
    text = run(env, "panel", "aggregate", "--workspace", str(demo["ws"]))
    assert "分歧" in text.stdout and "校准" in text.stdout


def test_rank_gives_main_and_reserve_within_the_budget(env: dict[str, str],
                                                       demo: dict[str, Path]) -> None:
    done = run(env, "panel", "rank", "--workspace", str(demo["ws"]), "--budget", "700000", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["mode"] == "rank" and out["pool"] == "700000.00" and out["cut_off"] == "60"
    assert out["totals"]["main"] >= 1 and out["totals"]["reserve"] >= 1
    assert out["totals"]["granted"] == "700000.00"
    assert all(isinstance(e["granted"], str) for e in out["entries"])


def test_simulate_lists_who_moves(env: dict[str, str], demo: dict[str, Path]) -> None:
    done = run(env, "panel", "simulate", "--workspace", str(demo["ws"]), "--budget", "700000",
               "--budgets", "300000,1500000", "--json", "--chart", str(demo["root"] / "sim.svg"))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    small, large = out["scenarios"]
    assert small["moved_out"] and not small["moved_in"]
    assert large["moved_in"] and not large["moved_out"]
    assert "预算模拟" in (demo["root"] / "sim.svg").read_text("utf-8")


def test_panel_opinion_and_exports_are_signed(env: dict[str, str], demo: dict[str, Path]) -> None:
    ws, p12, root = str(demo["ws"]), str(demo["p12"]), demo["root"]
    done = run(env, "panel", "opinion", "draft", "hunan-panel-2-03", "--workspace", ws,
               "--chair", "赵敏", "--recommendation", "修改后推荐", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["recommendation"] == "修改后推荐"
    pdf = root / "综合意见.pdf"
    done = run(env, "panel", "opinion", "export", "hunan-panel-2-03", "--workspace", ws,
               "--out", str(pdf), "--identity", p12, "--passphrase-env", "CHAIR_PW")
    assert done.returncode == 0, done.stderr
    done = run(env, "verify", str(pdf), "--package", str(ws + "/demo-panel/opinions"), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    v = json.loads(done.stdout)
    assert v["data"]["kind"] == "panel" and v["package"]["ok"] and len(v["package"]["matched"]) == 3

    out_dir = root / "exports"
    done = run(env, "panel", "export", "--workspace", ws, "--out-dir", str(out_dir), "--budget",
               "700000", "--identity", p12, "--passphrase-env", "CHAIR_PW")
    assert done.returncode == 0, done.stderr
    summary = out_dir / "评审结果汇总表.pdf"
    assert summary.exists() and (out_dir / "名单.xlsx").exists()
    if shutil.which("pdfsig"):
        sig = subprocess.run(["pdfsig", str(summary)], capture_output=True, text=True)
        assert "Signature is Valid" in sig.stdout
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(summary),
                        str(root / "summary")], check=True)
        assert (root / "summary-1.png").stat().st_size > 10_000
    checked = run(env, "panel", "verify", str(summary), "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["data"]["list"]["totals"]["granted"] == "700000.00"
    broken = root / "broken.pdf"
    data = bytearray(summary.read_bytes())
    data[len(data) // 3] ^= 1
    broken.write_bytes(bytes(data))
    assert run(env, "panel", "verify", str(broken)).returncode == 1
    again = run(env, "panel", "export", "--workspace", ws, "--out-dir", str(out_dir), "--draft",
                "--budget", "700000")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_import_refuses_invalid_files_with_exit_1(env: dict[str, str], demo: dict[str, Path]) -> None:
    bad = demo["root"] / "bad"
    bad.mkdir()
    (bad / "junk.pdf").write_bytes(b"%PDF-1.4\nnot really\n%%EOF\n")
    good = next((demo["ws"] / "demo-panel" / "opinions").glob("*.pdf"))
    shutil.copy(good, bad / good.name)
    done = run(env, "panel", "import", str(bad), "--workspace", str(demo["ws"]), "--json")
    assert done.returncode == 1, done.stderr
    out = json.loads(done.stdout)
    assert [r["name"] for r in out["refused"]] == ["junk.pdf"]
    assert out["already_imported"][0]["name"] == good.name
    listed = run(env, "panel", "opinions", "--workspace", str(demo["ws"]), "--json")
    assert len(json.loads(listed.stdout)) == 18


@pytest.mark.parametrize("args, words", [
    (["panel", "rank", "--budget", "lots"], "not a number"),
    (["panel", "rank", "--order", "colour"], "unknown tie-break"),
    (["panel", "simulate"], "give --budgets"),
    (["panel", "import", "/nonexistent/folder"], "no such file"),
    (["panel", "opinion", "draft", "nope"], "no application nope"),
    (["panel", "rank"], "pass --budget"),
])
def test_bad_input_is_a_clear_message(env: dict[str, str], demo: dict[str, Path],
                                      args: list[str], words: str) -> None:
    done = run(env, *args, "--workspace", str(demo["ws"]))
    assert done.returncode == 2, done.stdout + done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr
