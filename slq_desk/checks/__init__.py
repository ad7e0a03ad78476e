"""初审 (preliminary review) checks: rules per policy over an imported application.

Public API::

    run_checks(ws, app_id, policy_id=None) -> CheckReport   (stores findings, facts, subsidy)
    build_view(session, app_id) -> ApplicationView           (what the rules read)
    evaluate(view, policy, day) -> list[CheckFinding]        (pure: all rules, no database)
"""

from __future__ import annotations

from slq_desk.checks.model import CheckFinding, Evidence
from slq_desk.checks.runner import CheckReport, evaluate, run_checks
from slq_desk.checks.view import ApplicationView, DocView, FieldView, build_view

__all__ = [
    "ApplicationView",
    "CheckFinding",
    "CheckReport",
    "DocView",
    "Evidence",
    "FieldView",
    "build_view",
    "evaluate",
    "run_checks",
]
