"""The workspace database: SQLAlchemy 2.0 typed models.

One schema for the single-user SQLite workspace and the shared PostgreSQL one; Alembic
migrations in ``migrations/`` create it. Money columns use ``Money`` (integer fen), never float.
JSON columns hold Decimal amounts as strings.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from slq_desk.models.types import Money, UtcDateTime, utcnow
from slq_desk.vocabulary import STATUSES as _STATUSES

# Deterministic constraint names so batch migrations on SQLite can find and alter them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


# Application statuses, in workflow order (UI shows the Chinese label): see vocabulary.py.
STATUSES: dict[str, str] = _STATUSES


class Setting(Base):
    """Workspace settings (key → JSON value)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Application(Base):
    __tablename__ = "application"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(64), index=True)
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    applicant_uscc: Mapped[str] = mapped_column(String(32), default="")
    direction: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(32), default="pending_check")
    claimed_at: Mapped[datetime | None]
    # Where the package came from and its fingerprint (SHA-256 over the sorted file hashes),
    # so importing the same package twice is recognised.
    package_name: Mapped[str] = mapped_column(String(500), default="")
    package_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    # The calculator's facts as last assembled (Decimal amounts as strings).
    facts: Mapped[dict[str, Any] | None]
    computed_subsidy: Mapped[Decimal | None] = mapped_column(Money)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    documents: Mapped[list[Document]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Document.id"
    )
    findings: Mapped[list[Finding]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Finding.id"
    )
    reviews: Mapped[list[Review]] = relationship(
        back_populates="application", cascade="all, delete-orphan"
    )


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("application_id", "sha256", name="uq_document_app_sha"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(40), default="other")
    kind_confidence: Mapped[int] = mapped_column(Integer, default=0)  # percent 0–100
    kind_source: Mapped[str] = mapped_column(String(40), default="auto")  # auto | manual:<who>
    # The classifier's reasons ("标题…含…; 正文含…; 文件名含…"), or whose relabel was reused.
    kind_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    original_name: Mapped[str] = mapped_column(String(500))
    stored_path: Mapped[str] = mapped_column(String(1000))  # relative to the workspace folder
    media_type: Mapped[str] = mapped_column(String(100), default="application/pdf")
    size: Mapped[int] = mapped_column(Integer, default=0)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    readable: Mapped[bool] = mapped_column(default=True)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="documents")
    fields: Mapped[list[ExtractedField]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ExtractedField.id"
    )
    # Thousands of item rows (a usage log) as a compact table (``extract/packed.py``).
    item_chunks: Mapped[list[DocumentItemChunk]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True,
        order_by="DocumentItemChunk.chunk"
    )


class ExtractedField(Base):
    """One value read from a document, with its evidence; a correction sits beside it."""

    __tablename__ = "extracted_field"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    # Items (invoice lines, shareholders, daily rows) share a name prefix and an index.
    item_index: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)  # 0-based
    bbox: Mapped[list[Any] | None]  # [x0, y0, x1, y1] in PDF points, as strings
    source: Mapped[str] = mapped_column(String(40), default="extracted")  # extracted | ocr
    confidence: Mapped[int] = mapped_column(Integer, default=100)  # percent
    corrected_value: Mapped[str | None] = mapped_column(Text)
    corrected_by: Mapped[str | None] = mapped_column(String(200))
    corrected_at: Mapped[datetime | None]

    document: Mapped[Document] = relationship(back_populates="fields")

    @property
    def effective_value(self) -> str:
        return self.corrected_value if self.corrected_value is not None else self.value


class DocumentItemChunk(Base):
    """Up to ``CHUNK_ROWS`` item rows of a document with thousands (a usage log's table lines),
    as the JSON text ``extract/packed.py`` writes: a row is a list of cells
    ``[name, value, page, bbox, source, confidence]``. One database row per chunk instead of one
    ``extracted_field`` per value (migration 0012); rows of such a table are not corrected one
    by one (the document's totals are ordinary fields)."""

    __tablename__ = "document_item_chunk"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True)
    chunk: Mapped[int] = mapped_column(Integer)  # 0, 1, 2… in row order
    rows: Mapped[int] = mapped_column(Integer)  # item rows in this chunk
    data: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="item_chunks")


Index("ix_extracted_field_doc_name", ExtractedField.document_id, ExtractedField.name)
# Another application's invoice or contract with the same number, found by value (migration
# 0011); hash on PostgreSQL, whose B-tree refuses a long value.
Index("ix_extracted_field_value", ExtractedField.value, postgresql_using="hash")
Index("ix_extracted_field_corrected", ExtractedField.corrected_value, postgresql_using="hash")


class Finding(Base):
    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(8))  # block | warn | info
    message_zh: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    article: Mapped[str] = mapped_column(String(200), default="")
    page: Mapped[int | None] = mapped_column(Integer)
    bbox: Mapped[list[Any] | None]
    stage: Mapped[str] = mapped_column(String(16), default="check")  # ingest | check
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="findings")


# An application's findings (opening it; the queue's count of blocking ones), migration 0011.
Index("ix_finding_app_severity", Finding.application_id, Finding.severity)


class ReviewerIdentity(Base):
    __tablename__ = "reviewer_identity"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    cert_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    cert_subject: Mapped[str] = mapped_column(Text, default="")
    key_file: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Review(Base):
    """One reviewer's scoring of one application; ``version`` guards against lost updates."""

    __tablename__ = "review"
    __table_args__ = (UniqueConstraint("application_id", "reviewer", name="uq_review_app_reviewer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    reviewer: Mapped[str] = mapped_column(String(200))
    reviewer_identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("reviewer_identity.id", ondelete="SET NULL")
    )
    rubric_id: Mapped[str] = mapped_column(String(100))
    rubric_version: Mapped[str] = mapped_column(String(40), default="")
    scores: Mapped[dict[str, Any]] = mapped_column(default=dict)  # criterion → score as string
    comments: Mapped[dict[str, Any]] = mapped_column(default=dict)  # criterion → text
    coi_declared: Mapped[bool] = mapped_column(default=False)
    coi_conflict: Mapped[bool] = mapped_column(default=False)
    coi_text: Mapped[str] = mapped_column(Text, default="")
    coi_at: Mapped[datetime | None]
    recommendation: Mapped[str | None] = mapped_column(String(20))  # 推荐 | 不推荐 | 修改后推荐
    recommended_amount: Mapped[Decimal | None] = mapped_column(Money)
    recommendation_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | submitted
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    application: Mapped[Application] = relationship(back_populates="reviews")

    __mapper_args__ = {"version_id_col": version}


class Opinion(Base):
    __tablename__ = "opinion"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    review_id: Mapped[int | None] = mapped_column(ForeignKey("review.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # expert | preliminary | panel
    file_path: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    signature_status: Mapped[str] = mapped_column(String(20), default="unsigned")
    signer: Mapped[str] = mapped_column(String(200), default="")
    signed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """Append-only, hash-chained: ``hash`` covers this event and ``prev_hash``."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[str] = mapped_column(String(200))
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The database role that wrote the event (PostgreSQL ``current_user``, checked by a trigger
    # on insert; see migration 0004). None on SQLite, where there are no roles.
    db_role: Mapped[str | None] = mapped_column(String(63))


class DbRole(Base):
    """A login role of the shared PostgreSQL workspace and the person it is (see
    ``slq_desk.models.roles``): row-level security and the audit trigger read it."""

    __tablename__ = "db_role"
    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # reviewer | chair | official
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
