"""`slq-desk demo-packages OUTDIR`: packages for all five policies, the same bytes from two
separate processes (different hash seeds), bad input exits 2 without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SLQ = [sys.executable, "-m", "slq_desk"]


def run(*args: str, hashseed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=300, env=env)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_demo_packages_for_all_policies_byte_identical_across_processes(tmp_path: Path) -> None:
    first = run("demo-packages", str(tmp_path / "a"), "--seed", "3", hashseed="1")
    assert first.returncode == 0, first.stderr
    second = run("demo-packages", str(tmp_path / "b"), "--seed", "3", hashseed="2")
    assert second.returncode == 0, second.stderr
    index = json.loads((tmp_path / "a" / "index.json").read_text(encoding="utf-8"))
    assert {e["policy"] for e in index} == {"wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026", "beijing-2026"}
    for entry in index:
        assert (tmp_path / "a" / entry["path"] / "manifest.json").is_file()
        expected = json.loads((tmp_path / "a" / entry["expected"]).read_text(encoding="utf-8"))
        assert expected["seed"] == 3 and expected["id"] == entry["id"]
        assert [f["code"] for f in expected["flaws"]] == entry["flaws"]
        assert entry["id"] in first.stdout
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_large_package_reaches_the_requested_pages(tmp_path: Path) -> None:
    from slq_desk.demo.generate import generate_packages

    index = generate_packages(tmp_path, seed=1, large_pages=60, only={"wuhan-large-60"})
    assert [e["id"] for e in index] == ["wuhan-large-60"]
    expected = json.loads((tmp_path / "wuhan-large-60.expected.json").read_text(encoding="utf-8"))
    pages = sum(int(d["pages"]) for d in expected["documents"])
    log = next(d for d in expected["documents"] if d["kind"] == "usage_log")
    assert 55 <= log["pages"] <= 70
    assert pages >= 60
    assert sum(int(i["card_hours"]) for i in log["items"]) == int(log["fields"]["card_hours"])


def test_bad_input_exits_2_with_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    for args in (["demo-packages", str(blocker)], ["demo-packages", str(tmp_path / "o"), "--large-pages", "0"],
                 ["demo-packages", str(tmp_path / "o"), "--seed", "-1"]):
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("slq-desk: ")
