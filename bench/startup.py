"""Start-up benchmark: a cold process to the main window shown, with a 200-application workspace.

Run:  .venv/bin/python bench/startup.py [--applications 200] [--runs 7] [--workspace W]

Each run is a fresh interpreter (what a person double-clicking meets): it opens the workspace,
builds the QApplication and the window with the application list filled, shows it, and prints a
line once the event loop has run (the window is on screen). The parent measures wall time from
spawning to that line. The floor is the same interpreter doing only ``import PySide6.QtWidgets``,
measured in the same run, interleaved, so disk cache and CPU state are shared.
Aims (issue 7): median < 1.5 s and < 2 × the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import os, sys, time
t0 = time.perf_counter()
phases = []
def phase(name):
    phases.append((name, time.perf_counter()))
from slq_desk.ui.app import create_application, open_workspace
phase("import slq_desk.ui.app")
ws = open_workspace(sys.argv[1])
phase("workspace opened + migrated")
app = create_application(language="zh_CN")
phase("QApplication + CJK font")
from PySide6.QtCore import QSettings, QTimer
from slq_desk.ui.main_window import MainWindow
phase("import main_window")
window = MainWindow(ws, QSettings(sys.argv[2], QSettings.Format.IniFormat), remember_geometry=False)
phase("MainWindow built (queue filled)")
window.show()
assert window.app_model.rowCount() >= int(sys.argv[3])
def shown():
    phase("shown, first event loop turn")
    print("shown", flush=True)
    last = t0
    for name, at in phases:
        print(f"phase {name}	{(at - last) * 1000:.1f}", file=sys.stderr)
        last = at
    window.close()
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

FLOOR = "import PySide6.QtWidgets; print('shown', flush=True)"


PHASES: dict[str, list[float]] = {}


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env, cwd=ROOT)
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _, err = child.communicate(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"child failed: {err.strip()[-2000:]}")
    for text in err.splitlines():
        if text.startswith("phase "):
            name, ms = text[len("phase "):].rsplit("\t", 1)
            PHASES.setdefault(name, []).append(float(ms))
    return elapsed


def build(folder: Path, applications: int) -> Path:
    from tests.gui.factory import make_workspace

    if not (folder / "workspace.db").exists():
        make_workspace(folder, applications=applications)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workspace", type=Path, help="reuse this workspace (built if empty)")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="slq-startup-") as tmp:
        ws = build(args.workspace or Path(tmp) / "ws", args.applications)
        settings = str(Path(tmp) / "settings.ini")
        app_args = [sys.executable, "-c", CHILD, str(ws), settings, str(args.applications)]
        floor_args = [sys.executable, "-c", FLOOR]
        timed(app_args, env)  # warm the disk cache once; cold *process*, not cold disk
        PHASES.clear()
        ours: list[float] = []
        floor: list[float] = []
        for _ in range(args.runs):
            floor.append(timed(floor_args, env))
            ours.append(timed(app_args, env))
    o, f = statistics.median(ours), statistics.median(floor)
    print(f"applications: {args.applications}, runs: {args.runs}, platform: {env['QT_QPA_PLATFORM']}")
    print(f"floor  import PySide6.QtWidgets   median {f * 1000:7.0f} ms  min {min(floor) * 1000:7.0f} ms")
    print(f"slq-desk window shown             median {o * 1000:7.0f} ms  min {min(ours) * 1000:7.0f} ms")
    print(f"ratio to floor: {o / f:.2f}×   (aim < 2×)   absolute aim < 1500 ms: "
          f"{'met' if o < 1.5 else 'NOT met'}")
    print("by phase (median ms, inside the child; the rest is interpreter start-up):")
    for name, values in PHASES.items():
        print(f"  {name:<36} {statistics.median(values):7.0f} ms")
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
