"""`slq-desk demo-workspace`: generated packages imported and checked, the state `make run` opens."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SLQ = [sys.executable, "-m", "slq_desk"]


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("demo") / "ws"
    done = subprocess.run([*SLQ, "demo-workspace", str(ws)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return ws


def test_every_demo_package_is_imported_and_checked(demo_ws: Path) -> None:
    index = json.loads((demo_ws / "demo-packages" / "index.json").read_text(encoding="utf-8"))
    listed = subprocess.run([*SLQ, "list", "--workspace", str(demo_ws), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    apps = {a["id"]: a for a in json.loads(listed.stdout)}
    assert set(apps) == {entry["id"] for entry in index}
    assert {a["policy"] for a in apps.values()} == {
        "wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026", "beijing-2026"}
    for entry in index:
        app = apps[entry["id"]]
        # Clean packages open with nothing blocking; flawed ones (bar info-only flaws) do not.
        if not entry["flaws"]:
            assert app["blocking_findings"] == 0, entry["id"]


def test_demo_workspace_audit_chain_is_intact(demo_ws: Path) -> None:
    done = subprocess.run([*SLQ, "audit", "verify", str(demo_ws)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_rebuilding_does_not_duplicate(demo_ws: Path) -> None:
    """Running it again imports nothing twice (packages are recognised by their hash)."""
    before = subprocess.run([*SLQ, "list", "--workspace", str(demo_ws), "--json"],
                            capture_output=True, text=True, timeout=120).stdout
    again = subprocess.run([*SLQ, "demo-workspace", str(demo_ws)], capture_output=True,
                           text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    after = subprocess.run([*SLQ, "list", "--workspace", str(demo_ws), "--json"],
                           capture_output=True, text=True, timeout=120).stdout
    assert len(json.loads(after)) == len(json.loads(before))
