"""Workspace database: typed ORM models, the session factory and Alembic migrations."""

from slq_desk.models.lists import ReferenceList, ReferenceListEntry
from slq_desk.models.notes import ApplicationNote
from slq_desk.models.office import DedupKey, ManualCheck, OfficeNotice, PackageVersion
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
    DbRole,
    Document,
    DocumentItemChunk,
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
    "ApplicationNote",
    "AuditEvent",
    "Base",
    "DbRole",
    "DedupKey",
    "Document",
    "DocumentItemChunk",
    "ExtractedField",
    "Finding",
    "ManualCheck",
    "OfficeNotice",
    "Opinion",
    "PackageVersion",
    "PanelConclusion",
    "PanelDraw",
    "PanelFlag",
    "PanelObjection",
    "PanelOpinion",
    "PanelPledge",
    "ReferenceList",
    "ReferenceListEntry",
    "Review",
    "ReviewerIdentity",
    "Setting",
]
