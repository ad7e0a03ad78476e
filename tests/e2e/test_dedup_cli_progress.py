"""`slq-desk dedup --reindex` reports the rebuild's progress on stderr (stdout stays the result,
so `--json` stays parseable), and `--quiet` silences it (issue 18: every long step with
progress)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from slq_desk.checks import dedup
from tests.unit.office_builders import add_application, invoice, workspace

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "slq_desk", "dedup", *args], capture_output=True,
                          text=True, timeout=300, env=env)


def test_the_rebuild_reports_progress_on_stderr_and_quiet_silences_it(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    for i in range(4):
        add_application(ws, f"a{i}", uscc=f"91420100MA4K{i:06d}", documents=[(
            "发票.pdf", "invoice", invoice("26422000000012345678" if i < 2 else f"26422000000099{i:06d}"))])
    ws.close()
    done = run("--workspace", str(tmp_path / "ws"), "--reindex", "--json")
    assert done.returncode == 1, done.stderr  # 1: duplicates found
    assert [d["applications"] for d in json.loads(done.stdout)] == [["a0", "a1"]]
    lines = done.stderr.splitlines()
    assert f"{dedup.INDEX_TEXT}: 0/4" in lines and f"{dedup.INDEX_TEXT}: 4/4" in lines
    assert f"{dedup.RECORD_TEXT}: 2/2" in lines
    quiet = run("--workspace", str(tmp_path / "ws"), "--reindex", "--json", "--quiet")
    assert quiet.returncode == 1 and quiet.stderr == "" and json.loads(quiet.stdout) == json.loads(done.stdout)
