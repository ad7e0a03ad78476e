"""Notes a person keeps on an application: free text, who wrote it and when (UTC).

Kept apart from ``schema.py`` so the feature owns its rows (like ``office.py``). Notes are
append-only: a note is never edited in place (a correction is a new note), and each one is
recorded in the audit log with its text, so what a reviewer wrote down stays as it was written.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from slq_desk.models.schema import Base
from slq_desk.models.types import utcnow


class ApplicationNote(Base):
    __tablename__ = "application_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
