"""Articles for rules the policy files do not hold as parameters (resources/checks/citations.toml).

A rule asks ``cite(params, rule, parameter)``: the policy parameter's article when the policy
file has it, else this table's entry for the policy, else "" (a rule this table does not
name for a policy). The table itself must be there: a missing file raises at start-up. Moving a rule into the policy data
is then a data change only.
"""

from __future__ import annotations

import functools
from typing import Any

from slq_desk.checks.params import PolicyParams
from slq_desk.resources import read_toml


@functools.cache
def _table() -> dict[str, Any]:
    # A missing table is a damaged installation (ResourceError), never "no citations".
    return read_toml("checks", "citations.toml")


def cite(params: PolicyParams, rule: str, parameter: str | None = None) -> str:
    if parameter:
        article = params.article(parameter)
        if article:
            return article
    entry = (_table().get(rule) or {}).get(params.id) or {}
    return str(entry.get("article", ""))
