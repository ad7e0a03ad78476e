"""The installed command: help, version, `python -m slq_desk`, bad input exits 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from slq_desk import __version__

ROOT = Path(__file__).resolve().parents[2]
SLQ = [sys.executable, "-m", "slq_desk"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"slq-desk {__version__}"
    out = run("--help").stdout
    for command in ("audit", "init", "demo-workspace"):
        assert command in out


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "slq-desk"
    assert script.exists(), "pip install -e . should have made the slq-desk console script"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and __version__ in done.stdout


def test_init_then_audit_verify(tmp_path: Path) -> None:
    ws = tmp_path / "工作区"
    assert run("init", str(ws)).returncode == 0
    assert (ws / "workspace.db").exists()
    done = run("audit", "verify", str(ws))
    assert done.returncode == 0, done.stderr
    assert "0 events" in done.stdout


@pytest.mark.parametrize("target", ["missing-folder", "a-file.txt"])
def test_not_a_workspace_is_bad_input(tmp_path: Path, target: str) -> None:
    (tmp_path / "a-file.txt").write_text("x")
    done = run("audit", "verify", str(tmp_path / target))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "workspace" in done.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["gui"]),
        (["W"], ["gui", "W"]),
        (["--screenshot", "x.png"], ["gui", "--screenshot", "x.png"]),
        (["--database-url", "postgresql+psycopg://h/db", "W"],
         ["--database-url", "postgresql+psycopg://h/db", "gui", "W"]),
        (["--database-url=u", "list", "--workspace", "x"], ["--database-url=u", "list", "--workspace", "x"]),
        (["--version"], ["--version"]),
        (["list", "--workspace", "x"], ["list", "--workspace", "x"]),
    ],
)
def test_window_is_the_default_command(argv: list[str], expected: list[str]) -> None:
    from slq_desk.cli import _with_default_command

    assert _with_default_command(argv, {"gui", "list", "audit"}) == expected


def test_workspace_alone_means_gui(tmp_path: Path) -> None:
    done = run(str(tmp_path / "no-such-workspace"))
    # Reaches the gui command (which refuses a missing folder) instead of an argparse error.
    assert done.returncode == 2 and "invalid choice" not in done.stderr
