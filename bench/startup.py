"""Start-up benchmark: a cold process to the main window shown, then to the queue filled.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--applications 200] [--runs 7]

Each run is a fresh interpreter (what a person double-clicking meets), started the way
``slq-desk gui WS`` starts: the folder is checked, the QApplication and the empty window are
built, the workspace starts opening off the UI thread (``ui/startup.py``) and the window is
shown. The child prints ``shown`` at the window's first paint and ``filled`` once the queue is
in the list and painted; the parent measures wall time from spawning to each line. The floor
is the same interpreter doing only ``import PySide6.QtWidgets``, measured in the same run,
interleaved, so disk cache and CPU state are shared. The child also says which heavy modules
were imported when the window was first painted (none should be, on the UI thread's account).
Aim (issue 18, item 1): window shown <= 3x the floor; the queue filling in after is reported.
Every figure is printed with the load average: on a shared machine only same-run ratios count.
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
from slq_desk.ui.app import check_workspace_folder, create_application
phase("import slq_desk.ui.app")
folder = check_workspace_folder(sys.argv[1])
app = create_application(language="zh_CN")
phase("QApplication + CJK font")
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from slq_desk.ui.main_window import MainWindow
from slq_desk.ui.startup import open_in_background
phase("import main_window")
window = MainWindow(None, QSettings(sys.argv[2], QSettings.Format.IniFormat), remember_geometry=False)
phase("empty window built")
HEAVY = ("sqlalchemy", "alembic", "slq_desk.models", "pymupdf", "fitz", "reportlab", "pyhanko",
         "rapidocr_onnxruntime", "onnxruntime", "pypdfium2")
heavy_at_paint = []

class FirstPaint(QObject):
    # On the window, which is painted before its children. Not on the application: a Python
    # filter there makes PySide wrap Qt's internal objects and build the enums of ~170 Qt
    # classes (~20 ms) that the application itself does not (ui/startup.py).
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            phase("first paint (window shown)")
            heavy_at_paint.extend(m for m in HEAVY if m in sys.modules)
            print("shown", flush=True)
        return False

painted = FirstPaint()
window.installEventFilter(painted)

def report():
    rows = window.app_model.rowCount()
    assert rows >= int(sys.argv[3]), rows
    phase("queue painted")
    print("filled", flush=True)
    last = t0
    for name, at in phases:
        print(f"phase {name}	{(at - last) * 1000:.1f}", file=sys.stderr)
        last = at
    print(f"heavy {','.join(heavy_at_paint) or '-'}", file=sys.stderr)
    window.close()
    app.quit()

def filled(_result):
    phase("workspace opened + queue filled (worker, then the list)")
    window.app_table.viewport().repaint()  # painted now, so the figure includes drawing it
    QTimer.singleShot(0, report)

op = open_in_background(window, folder)
op.finished.connect(filled)
op.failed.connect(lambda message: (print(message, file=sys.stderr), app.exit(3)))
window.show()
phase("show() returned")
app.exec()
"""

FLOOR = "import PySide6.QtWidgets; print('shown', flush=True)"


PHASES: dict[str, list[float]] = {}
HEAVY_AT_PAINT: set[str] = set()


def timed(args: list[str], env: dict[str, str], marks: int = 1) -> list[float]:
    """Seconds from spawning ``args`` to each of its first ``marks`` stdout lines."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env, cwd=ROOT)
    assert child.stdout is not None
    lines: list[str] = []
    times: list[float] = []
    for _ in range(marks):
        lines.append(child.stdout.readline().strip())
        times.append(time.perf_counter() - start)
    _, err = child.communicate(timeout=120)
    if lines != ["shown", "filled"][:marks]:
        raise SystemExit(f"child failed ({lines}): {err.strip()[-2000:]}")
    for text in err.splitlines():
        if text.startswith("phase "):
            name, ms = text[len("phase "):].rsplit("\t", 1)
            PHASES.setdefault(name, []).append(float(ms))
        elif text.startswith("heavy ") and text != "heavy -":
            HEAVY_AT_PAINT.update(text[len("heavy "):].split(","))
    return times


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
        timed(app_args, env, 2)  # warm the disk cache once; cold *process*, not cold disk
        PHASES.clear()
        HEAVY_AT_PAINT.clear()
        shown: list[float] = []
        filled: list[float] = []
        floor: list[float] = []
        for _ in range(args.runs):
            floor.extend(timed(floor_args, env))
            s, f_ = timed(app_args, env, 2)
            shown.append(s)
            filled.append(f_)
    load = os.getloadavg()
    f = statistics.median(floor)
    o, q = statistics.median(shown), statistics.median(filled)
    print(f"applications: {args.applications}, runs: {args.runs}, platform: {env['QT_QPA_PLATFORM']}, "
          f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"floor  import PySide6.QtWidgets   median {f * 1000:7.0f} ms  min {min(floor) * 1000:7.0f} ms")
    print(f"slq-desk window shown (1st paint) median {o * 1000:7.0f} ms  min {min(shown) * 1000:7.0f} ms"
          f"  = {o / f:.2f}x the floor (aim <= 3x: {'met' if o / f <= 3 else 'NOT met'}); "
          f"best of each: {min(shown) / min(floor):.2f}x")
    print(f"slq-desk queue filled and painted median {q * 1000:7.0f} ms  min {min(filled) * 1000:7.0f} ms"
          f"  = {q / f:.2f}x the floor; best of each: {min(filled) / min(floor):.2f}x")
    print("heavy modules imported at the first paint: "
          f"{', '.join(sorted(HEAVY_AT_PAINT)) or 'none'}")
    print("by phase (median ms, inside the child, each from the previous; the rest is interpreter start-up):")
    for name, values in PHASES.items():
        print(f"  {name:<58} {statistics.median(values):7.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
