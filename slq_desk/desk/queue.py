"""The queue: a workspace's applications and documents, read into plain values (no Qt, no
live ORM objects), for the window, the CLI and the tests through ``Desk``.

Clients work on these frozen rows so none holds a session open or touches a detached ORM
object. (Moved from ``ui/workspace_data.py``, which re-exports it.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from slq_desk.kinds import DOCUMENT_KINDS
from slq_desk.kinds import (
    kind_label as kind_label,  # re-exported for the viewer and tabs
)
from slq_desk.vocabulary import STATUSES

if TYPE_CHECKING:
    from slq_desk.workspace import Workspace

# The rows are imported by the window before it shows; SQLAlchemy and the models are imported
# by the queries below, once a workspace is open (issue 18, item 1: the window shows first).

# Chinese names of the document kinds (as ingest.classify names them), in the order the
# picker lists them: the documents a reviewer compares most often first. Kept here rather than
# imported so the window does not load the classifier (and PyMuPDF) at start-up.
# The shared vocabulary: a kind the classifier learns is labelled here at once.
KIND_LABELS: dict[str, str] = DOCUMENT_KINDS

POLICY_LABELS: dict[str, str] = {
    "wuhan-2026": "武汉 2026",
    "dazhou-2026": "达州 2026",
    "dazhou-2026-draft": "达州 2026（征求意见稿）",
    "chengdu-2026": "成都 2026",
    "hunan-2026": "湖南 2026",
    "beijing-2026": "北京 2026",
}


def kind_order(kind: str) -> int:
    keys = list(KIND_LABELS)
    return keys.index(kind) if kind in keys else len(keys)


def policy_label(policy_id: str) -> str:
    return POLICY_LABELS.get(policy_id, policy_id)


@dataclass(frozen=True)
class DocumentRef:
    id: int
    sha256: str
    kind: str
    original_name: str
    path: Path  # absolute
    pages: int
    readable: bool
    error: str | None

    @property
    def key(self) -> str:
        """How the viewer names the document (render cache, evidence look-ups)."""
        return self.sha256 or str(self.path)


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    policy_id: str
    applicant_name: str
    status: str
    document_count: int
    # Issue 7's queue columns: what the checks computed and how many findings block payment.
    computed_subsidy: Decimal | None = None
    blocking: int = 0
    applicant_uscc: str | None = None
    claimed_at: datetime | None = None

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def policy_label(self) -> str:
        return policy_label(self.policy_id)


def list_applications(ws: Workspace) -> list[ApplicationRow]:
    from sqlalchemy import func, select

    from slq_desk.models import Application, Document, Finding

    counts = (
        select(Document.application_id, func.count(Document.id).label("n"))
        .group_by(Document.application_id)
        .subquery()
    )
    blocking = (
        select(Finding.application_id, func.count(Finding.id).label("b"))
        .where(Finding.severity == "block")
        .group_by(Finding.application_id)
        .subquery()
    )
    # Columns, not ORM objects: 10,000 applications are read in a tenth of the time.
    query = (
        select(Application.id, Application.policy_id, Application.applicant_name,
               Application.status, func.coalesce(counts.c.n, 0), Application.computed_subsidy,
               func.coalesce(blocking.c.b, 0), Application.applicant_uscc, Application.claimed_at)
        .outerjoin(counts, counts.c.application_id == Application.id)
        .outerjoin(blocking, blocking.c.application_id == Application.id)
        .order_by(Application.created_at, Application.id)
    )
    with ws.session() as s:
        return [
            ApplicationRow(app_id, policy_id, name, status, int(n), subsidy, int(b), uscc, claimed)
            for app_id, policy_id, name, status, n, subsidy, b, uscc, claimed in s.execute(query)
        ]


def list_documents(ws: Workspace, application_id: str) -> list[DocumentRef] | None:
    from sqlalchemy import select

    from slq_desk.models import Application, Document

    """The application's documents grouped by kind, or None when there is no such application."""
    with ws.session() as s:
        if s.get(Application, application_id) is None:
            return None
        rows = s.scalars(select(Document).where(Document.application_id == application_id)).all()
        refs = [
            DocumentRef(d.id, d.sha256, d.kind, d.original_name, resolve_stored(ws, d.stored_path),
                        d.pages, d.readable, d.error)
            for d in rows
        ]
    return sorted(refs, key=lambda r: (kind_order(r.kind), r.original_name, r.id))


def resolve_stored(ws: Workspace, stored_path: str) -> Path:
    """A stored path (relative to the workspace) made absolute, refusing one that leaves it."""
    path = (ws.path / stored_path).resolve()
    if not path.is_relative_to(ws.path):
        # A database edited by hand could point anywhere; the viewer then reports a missing file.
        return ws.path / "packages" / "outside-workspace"
    return path
