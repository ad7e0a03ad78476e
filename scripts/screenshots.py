"""Screenshot matrix of the window: screen sizes × languages × views, for a person to look at.

    python scripts/screenshots.py OUTDIR [--workspace DEMO_WS] [--app wuhan-flawed-1]

For each screen — 1600×1000, a 1366×768 laptop, and a 2732×1536 panel at 200 % (1366×768
logical pixels at device pixel ratio 2) — and each language (Chinese, English) it starts the
real window under Xvfb (``xvfb-run -a``; ``QT_SCALE_FACTOR=2`` for the 2× screen) with fresh
settings, as on a first start, and saves:

- ``start-<screen>-<lang>.png``: the start page (no workspace open yet);
- ``checklist-…``, ``calculation-…``: the flawed demo application (``--app``) with the
  检查清单 / 测算 tab showing;
- ``scoring-…``: the 评分 tab of ``--scoring-app`` (a policy with a scored review: Wuhan and
  Chengdu have none), with the conflict-of-interest declaration made so the form is open;
- ``focus-…``: the same after Alt+4, the keyboard focus (and its ring) in the form.

``SLQ_DESK_THEME=dark`` in the environment takes them in the dark theme.

The demo workspace is built first when ``--workspace`` does not exist yet (``slq-desk
demo-workspace``). Nothing is judged here: the point is to look at every PNG (no code words,
no English in Chinese mode, nothing clipped). The files are not for the repository.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENS = {"1600x1000": ("1600x1000", 1), "1366x768": ("1366x768", 1), "2x": ("2732x1536", 2)}
LANGUAGES = ("zh_CN", "en")
VIEWS = ("start", "checklist", "scoring", "calculation", "focus")

# Runs inside the window's process: one process per screen and language takes every view.
CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from slq_desk.ui.app import create_application
from slq_desk.ui.main_window import MainWindow
from slq_desk.workspace import Workspace

out, tag, workspace, app_id, ini, scoring_app = (Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4],
                                                 sys.argv[5], sys.argv[6])
app = create_application()
settings = QSettings(ini, QSettings.Format.IniFormat)
win = MainWindow(None, settings)
win.synchronous_operations = True
win.show()

def settle(seconds=20.0):
    deadline = time.monotonic() + seconds
    quiet = 0
    while time.monotonic() < deadline:
        app.processEvents()
        quiet = quiet + 1 if (win.is_settled() and not win.operations) else 0
        if quiet > 20:
            break
        time.sleep(0.02)

def shot(view):
    settle()
    path = out / f"{view}-{tag}.png"
    if not win.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    image = win.grab()
    print(f"{path.name}: window {win.width()}x{win.height()} at {image.devicePixelRatio():g}x, "
          f"screen {win.screen().availableGeometry().width()}x{win.screen().availableGeometry().height()}")

shot("start")
win.adopt_workspace(Workspace.open(workspace, create=False))
settle()  # the docks take their first layout (on a laptop: one tabbed column)
assert win.open_application(app_id), app_id
for index, view in ((0, "checklist"), (2, "calculation")):
    win.show_review_tab(index)
    shot(view)
assert win.open_application(scoring_app), scoring_app
win.show_review_tab(1)
settle()
win.scoring_tab.declare_no_conflict()
shot("scoring")
win.activateWindow()
win.keyboard.focus_region("review")  # Alt+4: the first score box, with the focus ring
shot("focus")
win.close()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--workspace", type=Path, default=Path(tempfile.gettempdir()) / "slq-demo-shots")
    parser.add_argument("--app", default="wuhan-flawed-1")
    parser.add_argument("--scoring-app", default="hunan-flawed-2")
    parser.add_argument("--screens", default=",".join(SCREENS))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    args = parser.parse_args(argv)
    if not shutil.which("xvfb-run"):
        print("screenshots.py needs xvfb-run (apt-get install xvfb)", file=sys.stderr)
        return 2
    args.outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("QT_QPA_PLATFORM", None)
    if not (args.workspace / "workspace.db").exists():
        subprocess.run([sys.executable, "-m", "slq_desk", "demo-workspace", str(args.workspace)],
                       env=env, check=True, cwd=ROOT)
    failures = 0
    for screen in args.screens.split(","):
        size, scale = SCREENS[screen]
        for language in args.languages.split(","):
            tag = f"{screen}-{'zh' if language.startswith('zh') else language}"
            with tempfile.TemporaryDirectory() as home:
                child_env = dict(env, SLQ_DESK_LANG=language, HOME=home, XDG_CONFIG_HOME=home,
                                 SLQ_DESK_USER="王评审", QT_SCALE_FACTOR=str(scale))
                done = subprocess.run(
                    ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", sys.executable, "-c", CHILD,
                     str(args.outdir), tag, str(args.workspace), args.app, str(Path(home) / "s.ini"),
                     args.scoring_app],
                    env=child_env, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
            print(done.stdout, end="")
            if done.returncode != 0:
                failures += 1
                print(f"{tag}: failed\n{done.stderr}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
