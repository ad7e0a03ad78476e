"""Panel process tables (issue 16): 复核 flags, the random draw of experts, the 异议 log.

Kept apart from ``panel.py`` so the process owns its rows. Times are stored UTC (printed in
Beijing time by the clients); scores are Decimal text; a flag names the exact opinion (by its
SHA-256) it was raised on, so a revised opinion never erases what was flagged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from slq_desk.models.schema import Base
from slq_desk.models.types import utcnow

FLAG_OPEN, FLAG_REQUESTED, FLAG_RESOLVED = "open", "requested", "resolved"


class PanelFlag(Base):
    """One 复核 flag on one expert's opinion: 畸高畸低, ±30 % deviation, arithmetic error or
    out-of-range score; with the 复核 request and its resolution."""

    __tablename__ = "panel_flag"
    __table_args__ = (UniqueConstraint("opinion_sha256", "kind", "criterion"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(String(64), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # outlier | deviation | arithmetic | range
    criterion: Mapped[str] = mapped_column(String(100), default="")  # "" for the total
    value: Mapped[str] = mapped_column(String(40), default="")  # Decimal text
    reference: Mapped[str] = mapped_column(String(40), default="")  # what it was compared with
    threshold: Mapped[str] = mapped_column(String(40), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    opinion_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default=FLAG_OPEN)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    requested_at: Mapped[datetime | None]
    requested_by: Mapped[str] = mapped_column(String(200), default="")
    request_note: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(String(20), default="")  # explained | revised
    explanation: Mapped[str] = mapped_column(Text, default="")
    revised_sha256: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str] = mapped_column(String(200), default="")


class PanelDraw(Base):
    """One random draw of experts for a batch: the seed, the pool as it was, who was drawn,
    who was excluded and why, and every manual substitution with its reason."""

    __tablename__ = "panel_draw"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[str] = mapped_column(String(100), index=True)
    seed: Mapped[str] = mapped_column(String(80))  # an integer as text (may exceed 64 bits)
    size: Mapped[int] = mapped_column(Integer)
    pool_sha256: Mapped[str] = mapped_column(String(64))
    pool: Mapped[list[Any]] = mapped_column(default=list)  # the experts as drawn from
    applications: Mapped[list[Any]] = mapped_column(default=list)
    drawn: Mapped[list[Any]] = mapped_column(default=list)  # names, in draw order
    excluded: Mapped[list[Any]] = mapped_column(default=list)  # {name, reasons}
    substitutions: Mapped[list[Any]] = mapped_column(default=list)  # {out, in, reason, by, at}
    actor: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PanelObjection(Base):
    """One 异议 received during 公示: who, about what, the answer and the outcome."""

    __tablename__ = "panel_objection"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(String(64), index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    objector: Mapped[str] = mapped_column(String(200))
    about: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")  # upheld | rejected | ""
    answered_at: Mapped[datetime | None]
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    reopened: Mapped[bool] = mapped_column(default=False)


class PanelPledge(Base):
    """A signed 评审纪律与保密承诺书 the chair received back from an expert (the PDF sits in the
    blob store under ``sha256``)."""

    __tablename__ = "panel_pledge"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kit_id: Mapped[str] = mapped_column(String(64), index=True)
    expert: Mapped[str] = mapped_column(String(200))
    signer: Mapped[str] = mapped_column(String(200), default="")
    cert_sha256: Mapped[str] = mapped_column(String(64), default="")
    signed_at: Mapped[datetime | None]
    kit_sha256: Mapped[str] = mapped_column(String(64), default="")
    stored_path: Mapped[str] = mapped_column(String(1000), default="")
    imported_by: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
