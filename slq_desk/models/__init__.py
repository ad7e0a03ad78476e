"""Workspace database: typed ORM models, the session factory and Alembic migrations."""

from slq_desk.models.office import DedupKey, ManualCheck, OfficeNotice, PackageVersion
from slq_desk.models.panel import PanelConclusion, PanelOpinion
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
    "DedupKey",
    "Document",
    "ExtractedField",
    "Finding",
    "ManualCheck",
    "OfficeNotice",
    "Opinion",
    "PackageVersion",
    "PanelConclusion",
    "PanelOpinion",
    "Review",
    "ReviewerIdentity",
    "Setting",
]
