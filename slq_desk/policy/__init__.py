"""Policies as data and the subsidy calculator.

Public API for the checks, the UI and the CLI::

    load_policy("wuhan-2026") -> Policy        list_policies() -> ["beijing-2026", ...]
    compute(application_dict_or_facts, policy) -> Result   (Result.to_dict(): issue 3 output)
    allocate(results, policy, budget=None) -> Allocation

``Policy.value_on(name, day)`` gives a bare parameter value (materials, windows, tolerance)
to code that displays or checks it; the citation is ``policy.parameter(name).at(day).citation``.
"""

from __future__ import annotations

from slq_desk.policy.allocation import Allocation, Grant, allocate
from slq_desk.policy.calculator import Result, compute
from slq_desk.policy.facts import Application, parse_application
from slq_desk.policy.loader import PolicyFileError, list_policies, load_policy, load_policy_file
from slq_desk.policy.model import Citation, Parameter, Policy

__all__ = [
    "Allocation",
    "Application",
    "Citation",
    "Grant",
    "Parameter",
    "Policy",
    "PolicyFileError",
    "Result",
    "allocate",
    "compute",
    "list_policies",
    "load_policy",
    "load_policy_file",
    "parse_application",
]
