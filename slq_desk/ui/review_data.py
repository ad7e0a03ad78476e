"""The review tabs' plain rows (checklist, calculation): they live in the desk service now
(``slq_desk/desk/review_data.py``); re-exported here for the tabs' imports."""

from __future__ import annotations

from slq_desk.desk.review_data import (
    SEVERITY_LABELS,
    CalculationData,
    ChecklistData,
    DocumentFields,
    FieldRow,
    FindingGroup,
    FindingRow,
    MaterialRow,
    PolicyOutcome,
    StepRow,
)

__all__ = ["SEVERITY_LABELS", "CalculationData", "ChecklistData", "DocumentFields", "FieldRow",
           "FindingGroup", "FindingRow", "MaterialRow", "PolicyOutcome", "StepRow"]
