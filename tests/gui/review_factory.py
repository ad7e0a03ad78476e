"""Test material for the review tabs: a small workspace imported from real demo packages.

Two packages (a clean Hunan one and a flawed Wuhan one with blocking findings) are generated,
imported and checked once per session, then copied per test; ``package_dir`` keeps a third one
un-imported for the import tests. Built through the same core functions as
``slq-desk demo-workspace``, with the in-process reader (trusted files, no worker start-up).
"""

from __future__ import annotations

from pathlib import Path

IMPORTED = ("hunan-clean-1", "wuhan-flawed-1")
NOT_IMPORTED = "dazhou-clean-1"


def build(folder: Path) -> tuple[Path, Path]:
    """Returns (workspace folder, folder holding the un-imported package)."""
    from slq_desk.checks.runner import run_checks
    from slq_desk.demo.generate import generate_packages
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from slq_desk.workspace import Workspace

    packages = folder / "packages-src"
    index = generate_packages(packages, seed=1, only={*IMPORTED, NOT_IMPORTED})
    ws = Workspace.open(folder / "ws")
    try:
        for entry in index:
            if entry["id"] in IMPORTED:
                result = import_package(ws, packages / str(entry["path"]), reader=InlineReader())
                run_checks(ws, result.application_id)
    finally:
        ws.close()
    return folder / "ws", packages / NOT_IMPORTED


# --- fixtures (imported by the test_review_* / test_checklist_* / test_scoring_* modules) -------

import shutil
from collections.abc import Iterator

import pytest

REVIEWER = "张评审"


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
