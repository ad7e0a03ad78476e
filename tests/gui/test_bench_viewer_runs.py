"""bench/viewer.py still runs end to end (tiny sizes); its figures are not judged here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "viewer.py"


@pytest.mark.slow
def test_viewer_benchmark_prints_its_three_parts(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    run = subprocess.run([sys.executable, str(BENCH), "--pages", "8", "--big", "30"],
                         capture_output=True, text=True, env=env, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    for heading in ("1. request → shown", "2. UI thread's longest stall", "3. memory with a 30-page"):
        assert heading in run.stdout
    assert "raw pypdfium2 render" in run.stdout and "RSS" in run.stdout
