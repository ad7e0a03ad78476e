"""GUI tests: offscreen Qt, the bundled CJK font, settings in tmp_path, workspaces with PDFs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.gui.factory import make_workspace
from tests.gui.review_factory import REVIEWER, build


@pytest.fixture(autouse=True)
def _cjk_font(qapp: object) -> None:
    from slq_desk.ui.qt_fonts import install_cjk_font

    install_cjk_font(qapp)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per session (PDF generation is the slow part), copied per test."""
    folder = tmp_path_factory.mktemp("ws-template") / "ws"
    make_workspace(folder)
    return folder


@pytest.fixture()
def workspace_path(workspace_template: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "ws"
    shutil.copytree(workspace_template, target)
    for wal in target.glob("workspace.db-*"):
        wal.unlink()
    return target


@pytest.fixture()
def settings(tmp_path: Path) -> object:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture()
def window(qtbot: object, workspace_path: Path, settings: object) -> Iterator[object]:
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.workspace import Workspace

    win = MainWindow(Workspace.open(workspace_path), settings)  # type: ignore[arg-type]
    win.resize(1400, 900)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    yield win
    win.close()
    win.shutdown()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin warns whenever a top-level window's size constraints change
    # (it has no window manager to tell); that is the test platform talking, not our code.
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            # The offscreen platform can neither propagate size hints nor raise windows.
            item.add_marker(pytest.mark.qt_log_ignore(
                r"This plugin does not support (propagateSizeHints|raise)"))


# --- the review tabs' workspace: two demo packages imported and checked once per session ---
@pytest.fixture(scope="session")
def review_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build(tmp_path_factory.mktemp("review-template"))


@pytest.fixture()
def review_ws_path(review_template: tuple[Path, Path], tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(review_template[0], target)
    for wal in target.glob("workspace.db-*"):
        wal.unlink()
    return target


@pytest.fixture()
def review_settings(tmp_path: Path) -> object:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "review-settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", REVIEWER)
    return settings


@pytest.fixture()
def review_window(qtbot: object, review_ws_path: Path, review_settings: object) -> Iterator[object]:
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.workspace import Workspace

    win = MainWindow(Workspace.open(review_ws_path), review_settings)  # type: ignore[arg-type]
    win.synchronous_operations = True
    win.resize(1600, 1000)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    yield win
    win.close()
    win.shutdown()
