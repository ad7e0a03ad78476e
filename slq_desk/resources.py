"""Where resource files (policies, rubrics, translations, reference tables) are found.

In a checkout they sit in ``resources/`` beside the package; a frozen bundle (PyInstaller) puts
them under ``sys._MEIPASS``; ``SLQ_DESK_RESOURCES`` overrides both for tests and packagers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("SLQ_DESK_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
