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


REVIEWER = "张评审"
