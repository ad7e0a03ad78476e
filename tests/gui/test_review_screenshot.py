"""The real application, started as a person would (under Xvfb when present), shows the tabs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage


@pytest.mark.parametrize("tab", ["scoring"])
def test_gui_screenshot_of_a_review_tab_is_not_blank(review_template, tmp_path, tab):
    shot = tmp_path / f"{tab}.png"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    env.pop("QT_QPA_PLATFORM", None)
    command = [sys.executable, "-m", "slq_desk", "gui", str(review_template[0]),
               "--open", "hunan-clean-1", "--tab", tab, "--screenshot", str(shot)]
    if shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False,
                          cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert image.width() >= 1200 and image.height() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
    assert len(colours) > 50  # text, pages and widgets, not one flat colour
