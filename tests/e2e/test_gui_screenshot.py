"""`slq-desk gui WORKSPACE --open APP --screenshot OUT.png`: the real window under Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.factory import make_workspace

CLI = [sys.executable, "-m", "slq_desk"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gui-e2e") / "ws"
    make_workspace(folder)
    return folder


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["HOME"] = extra.pop("HOME")  # QSettings of the run stay in the test's folder
    env["XDG_CONFIG_HOME"] = str(Path(env["HOME"]) / ".config")
    env.update(extra)
    return env


def _check_not_blank(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as image:
        width, height = image.size
        assert width >= 1000 and height >= 600
        grey = image.convert("L")
        histogram = grey.histogram()
        total = width * height
        dark = sum(histogram[:60]) / total
        white = sum(histogram[245:]) / total
        # Rendered pages (white paper, black text and blocks) and the grey page background.
        assert white > 0.15, white
        assert dark > 0.005, dark
        assert sum(1 for count in histogram if count) > 50  # anti-aliased glyphs, not a flat fill
        # The black block of page 1 is drawn in each pane (left half and right half of the pages).
        small = grey.resize((width // 4, height // 4))
        blocks_left = sum(1 for x in range(small.width // 5, small.width // 2)
                          for y in range(small.height // 6, small.height // 2)
                          if small.getpixel((x, y)) < 30)
        blocks_right = sum(1 for x in range(small.width // 2, small.width * 4 // 5)
                           for y in range(small.height // 6, small.height // 2)
                           if small.getpixel((x, y)) < 30)
        assert blocks_left > 100 and blocks_right > 100, (blocks_left, blocks_right)


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt-get install xvfb)")
def test_screenshot_under_xvfb_shows_rendered_pages(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    run = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
         *CLI, "gui", str(workspace), "--open", "WH-2026-001", "--screenshot", str(out), "--timeout", "30"],
        env=_env(HOME=str(tmp_path)), capture_output=True, text=True, check=False, timeout=90,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    _check_not_blank(out)


def test_screenshot_without_a_display_renders_offscreen(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "offscreen.png"
    run = subprocess.run(
        [*CLI, "gui", str(workspace), "--open", "WH-2026-001", "--screenshot", str(out)],
        env=_env(HOME=str(tmp_path)), capture_output=True, text=True, check=False, timeout=90,
    )
    assert run.returncode == 0, run.stderr
    _check_not_blank(out)


@pytest.mark.parametrize(("args", "message"), [
    (["gui", "{missing}", "--screenshot", "{out}"], "no workspace at"),
    (["gui", "{ws}", "--open", "NO-SUCH-APP", "--screenshot", "{out}"], "no application 'NO-SUCH-APP'"),
    (["gui", "{ws}", "--screenshot", "{tmp}/no/such/folder/x.png"], "cannot write the screenshot"),
    (["gui", "{tmp}/file.txt"], "is a file"),
    (["gui", "{nonempty}"], "is not an slq-desk workspace"),
])
def test_bad_input_exits_2_with_a_message(workspace: Path, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "notes.txt").write_text("x")
    values = {"missing": str(tmp_path / "missing"), "out": str(tmp_path / "x.png"), "ws": str(workspace),
              "tmp": str(tmp_path), "nonempty": str(tmp_path / "stuff")}
    run = subprocess.run([*CLI, *(a.format(**values) for a in args)], env=_env(HOME=str(tmp_path)),
                         capture_output=True, text=True, check=False, timeout=60)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert message in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "missing").exists()  # a typo never creates a workspace
