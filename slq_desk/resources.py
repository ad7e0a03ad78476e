"""Where resource files (policies, rubrics, translations, reference tables) are found.

In a checkout they sit in ``resources/`` beside the package; a frozen bundle (PyInstaller) puts
them under ``sys._MEIPASS``; ``SLQ_DESK_RESOURCES`` overrides both for tests and packagers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from slq_desk.errors import SlqError


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


class ResourceError(SlqError):
    """A resource file the program ships is missing or broken: the installation is damaged.

    Never replaced by an empty default: a rule without its table would switch itself off and
    an opinion would cite nothing, silently.
    """

    exit_code = 3


def read_toml(*parts: str) -> dict[str, Any]:
    """A shipped TOML resource, parsed; a missing or broken file raises ``ResourceError``."""
    import tomllib  # here: the window's start needs resource paths only (issue 18, item 1)

    path = resource_path(*parts)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(f"资源文件缺失 / missing resource file: {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ResourceError(f"资源文件无法读取 / cannot read resource file {path}: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ResourceError(f"资源文件格式错误 / resource file is not valid TOML: {path}: {err}"
                            ) from None
