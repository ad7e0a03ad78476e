"""Panel tables: imported signed expert opinions and the chair's panel conclusions.

Kept apart from ``schema.py`` so the panel feature owns its rows. An imported opinion is
stored even when the workspace does not hold its application (no foreign key on purpose: the
chair must see such opinions listed, never silently dropped). Scores are Decimal strings in
JSON and money is integer fen (``Money``), never float.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from slq_desk.models.schema import Base
from slq_desk.models.types import Money, utcnow

ACTIVE, SUPERSEDED = "active", "superseded"


class PanelOpinion(Base):
    """One verified signed expert opinion the chair imported (the PDF bytes sit in the
    workspace's blob store under ``sha256``)."""

    __tablename__ = "panel_opinion"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    application_id: Mapped[str] = mapped_column(String(64), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    source_name: Mapped[str] = mapped_column(String(1000), default="")
    stored_path: Mapped[str] = mapped_column(String(1000), default="")
    signer: Mapped[str] = mapped_column(String(200), default="")
    cert_sha256: Mapped[str] = mapped_column(String(64), default="")
    signed_at: Mapped[datetime | None]
    review_date: Mapped[str] = mapped_column(String(10), default="")  # ISO date
    rubric_id: Mapped[str] = mapped_column(String(100), default="")
    rubric_version: Mapped[str] = mapped_column(String(40), default="")
    total: Mapped[str | None] = mapped_column(String(40))  # Decimal as text
    scores: Mapped[dict[str, Any]] = mapped_column(default=dict)  # criterion → Decimal text
    recommendation: Mapped[str] = mapped_column(String(20), default="")
    recommended_amount: Mapped[Decimal | None] = mapped_column(Money)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the embedded opinion JSON
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default=ACTIVE)  # active | superseded
    superseded_by: Mapped[int | None] = mapped_column(Integer)
    imported_by: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class PanelConclusion(Base):
    """The chair's draft 综合意见 for one application; ``version`` guards concurrent edits."""

    __tablename__ = "panel_conclusion"
    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    recommendation: Mapped[str] = mapped_column(String(20), default="")
    recommended_amount: Mapped[Decimal | None] = mapped_column(Money)
    comment: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    # SHA-256 of the individual opinions the draft was written from, in reviewer order.
    source_hashes: Mapped[list[Any]] = mapped_column(default=list)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}


class RosterEntry(Base):
    """One panel member's certificate, registered by the chair: the trust anchor of import.

    Once any entry exists, an opinion is imported only when its signing certificate is on the
    roster, and the reviewer is this entry's name, never the name inside the signed data.
    """

    __tablename__ = "panel_roster"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    cert_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    cert_pem: Mapped[str] = mapped_column(Text)
    not_after: Mapped[datetime | None]
    added_by: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
