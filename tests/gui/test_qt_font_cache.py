"""The CJK UI font is copied once to the user's data folder and registered from there, so a
later start-up does not import PyMuPDF to read it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from slq_desk.fonts import cjk_font_bytes
from slq_desk.ui.qt_fonts import cached_font_file

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from slq_desk.ui.qt_fonts import install_cjk_font
app = QApplication([])
family = install_cjk_font(app)
print(family, "pymupdf" in sys.modules)
"""


def test_font_copied_once_and_used_without_pymupdf(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path))
    first = cached_font_file()
    assert first is not None and first.parent == tmp_path / "fonts"
    assert first.read_bytes() == cjk_font_bytes()
    written = first.stat().st_mtime_ns
    assert cached_font_file() == first and first.stat().st_mtime_ns == written
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no partial file left

    env = dict(os.environ, SLQ_DESK_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env,
                         check=True, timeout=120).stdout.split()
    assert out[-1] == "False" and out[0] != "None"  # registered, and PyMuPDF never imported


def test_unwritable_folder_gives_no_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(blocker))
    assert cached_font_file() is None
