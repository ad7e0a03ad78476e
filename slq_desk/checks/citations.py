"""Articles for rules the policy files do not hold as parameters (resources/checks/citations.toml).

A rule asks ``cite(params, rule, parameter)``: the policy parameter's article when the policy
file has it, else this table's entry for the policy, else "". Moving a rule into the policy data
is then a data change only.
"""

from __future__ import annotations

import functools
import tomllib
from typing import Any

from slq_desk.checks.params import PolicyParams
from slq_desk.resources import resource_path


@functools.cache
def _table() -> dict[str, Any]:
    try:
        return tomllib.loads(resource_path("checks", "citations.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def cite(params: PolicyParams, rule: str, parameter: str | None = None) -> str:
    if parameter:
        article = params.article(parameter)
        if article:
            return article
    entry = (_table().get(rule) or {}).get(params.id) or {}
    return str(entry.get("article", ""))
