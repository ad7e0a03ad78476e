"""The panel's settings kept in the workspace (``Setting`` ``panel:settings``), so every
client of a shared workspace aggregates with the same method, alerts and normalisation.

Stored as the TOML table's values (numbers as strings, as ``PanelSettings.from_mapping``
requires), and validated before they are stored: a bad file never replaces good settings.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.schema import Setting
from slq_desk.review.aggregate import PanelSettings

KEY = "panel:settings"


def stored(s: Session) -> PanelSettings | None:
    row = s.get(Setting, KEY)
    if row is None or not isinstance(row.value, dict):
        return None
    return PanelSettings.from_mapping(row.value, origin="workspace panel settings")


def store_file(s: Session, actor: str, path: Path) -> PanelSettings:
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"找不到评审组设置文件 / no panel settings file at {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise BadInput(f"{path}: 无法读取 / cannot read: {err}") from None
    settings = PanelSettings.from_mapping(raw, origin=str(path))  # refuses before storing
    from slq_desk.panel.flags import FlagSettings

    FlagSettings.from_mapping(raw.get("recheck"), f"{path} [recheck]")  # the 复核 thresholds too
    row = s.get(Setting, KEY)
    before = None if row is None else row.value
    if row is None:
        s.add(Setting(key=KEY, value=raw))
    else:
        row.value = raw
    s.flush()
    audit.record(s, actor, "panel.settings", "setting", KEY, before, raw)
    return settings
