"""The policy rules, one function per rule, each beside the article it implements.

OpenFisca's and Catala's lesson: a rule is written once and every caller asks it. The calculator
(``policy/calculator.py``) and the 初审 checks (``checks/rules/*.py``) both call these functions;
where a rule blocks payment, the calculation's reason and the 初审 finding are the same ``Reason``
(same code, article, message and, when the caller knows it, evidence).

A rule takes its inputs as plain values (dates, amounts, names), read by each caller from what it
has: the calculator from the application's facts, the 初审 from the documents (with evidence).
It reads policy parameters through a ``ParamReader``: the calculator's recording ``Params`` or
the checks' ``PolicyParams``; so the figures and the articles come from the policy data
(``resources/policies/*.toml``), never from here. The article a rule cites is the article of
the parameter that switches it on.

Modules: ``period`` (in force, Beijing time, drafts), ``applicant`` (who may apply),
``direction`` (Beijing's directions), ``contract`` (Dazhou's term), ``threshold``, ``amounts``
(quota, minimum) and ``registers`` (supplier registries, credit, bans, unsafe devices: rules a
list or a person decides).
"""

from __future__ import annotations

from typing import Any, Protocol

from slq_desk.policy.trace import MESSAGES, Reason


class ParamReader(Protocol):
    """What a rule needs of the policy on the claim day: values and their articles."""

    def has(self, name: str) -> bool: ...

    def get(self, name: str) -> Any: ...

    def get_key(self, name: str, key: str) -> Any: ...

    def article(self, name: str) -> str: ...

    def articles(self, *names: str) -> str: ...


def register_messages(messages: dict[str, tuple[str, str]]) -> None:
    """Add a rule module's message templates (Chinese, English) to the shared table."""
    for code, texts in messages.items():
        MESSAGES.setdefault(code, texts)


__all__ = ["ParamReader", "Reason", "register_messages"]
