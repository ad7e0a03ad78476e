"""Workspace database: typed ORM models, the session factory and Alembic migrations."""

from slq_desk.models.panel import PanelConclusion, PanelOpinion
from slq_desk.models.panel_process import (
    PanelDraw,
    PanelFlag,
    PanelObjection,
    PanelPledge,
)
from slq_desk.models.schema import (
    STATUSES,
    Application,
    AuditEvent,
    Base,
    Document,
    ExtractedField,
    Finding,
    Opinion,
    Review,
    ReviewerIdentity,
    Setting,
)

__all__ = [
    "STATUSES",
    "Application",
    "AuditEvent",
    "Base",
    "Document",
    "ExtractedField",
    "Finding",
    "Opinion",
    "PanelConclusion",
    "PanelDraw",
    "PanelFlag",
    "PanelObjection",
    "PanelOpinion",
    "PanelPledge",
    "Review",
    "ReviewerIdentity",
    "Setting",
]
