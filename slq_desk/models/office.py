"""Tables of the 初审 office: 查重 keys, package versions (补正), notices, manual 查验 records.

Kept apart from ``schema.py`` so the office feature owns its rows (like ``panel.py``).

- ``DedupKey``: one row per identity a document or application carries (an invoice number, a
  contract, a file hash, the applicant per policy and year), indexed on (kind, key) so 查重
  across 10,000 applications is an index lookup, not a scan. Maintained at import and 补正.
- ``PackageVersion``: each package received for an application (version 1 the original, then
  each 补正), with the files it held and what it changed. Original bytes stay in the blob store.
- ``OfficeNotice``: the office's numbered documents (补正材料通知书, 受理通知书, 不予受理通知书):
  the editable draft, the 文书编号 (per office and year, never reused), the signed file.
- ``ManualCheck``: what an official checked by hand (national invoice 查验, 信用中国 report).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from slq_desk.models.schema import Base
from slq_desk.models.types import utcnow


class DedupKey(Base):
    __tablename__ = "dedup_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # invoice | contract | contract_deal | file | applicant_year
    key: Mapped[str] = mapped_column(String(300))
    application_id: Mapped[str] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"))
    # Shown in the finding so the official sees which file of the other application it is.
    label: Mapped[str] = mapped_column(String(500), default="")


Index("ix_dedup_key_kind_key", DedupKey.kind, DedupKey.key)


class PackageVersion(Base):
    __tablename__ = "package_version"
    __table_args__ = (UniqueConstraint("application_id", "version", name="uq_package_version_app_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    package_name: Mapped[str] = mapped_column(String(500), default="")
    package_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    # Every file of the application after this version: name, sha256, kind, stored_path.
    files: Mapped[list[Any]] = mapped_column(default=list)
    # What this version changed: added, replaced, unchanged, findings closed / remaining.
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_by: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class OfficeNotice(Base):
    __tablename__ = "office_notice"
    __table_args__ = (UniqueConstraint("office", "year", "seq", name="uq_office_notice_office_year_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"),
                                                index=True)
    kind: Mapped[str] = mapped_column(String(20))  # supplement | acceptance | rejection
    office: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(100), unique=True)  # 文书编号
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | signed
    draft: Mapped[dict[str, Any]] = mapped_column(default=dict)  # as the official last saved it
    deadline: Mapped[str | None] = mapped_column(String(10))  # ISO date (Beijing calendar)
    file_path: Mapped[str] = mapped_column(String(1000), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    signer: Mapped[str] = mapped_column(String(200), default="")
    signed_at: Mapped[datetime | None]
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ManualCheck(Base):
    __tablename__ = "manual_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"),
                                                index=True)
    kind: Mapped[str] = mapped_column(String(20))  # invoice | credit
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(300), default="")  # invoice key / entity name
    result: Mapped[str] = mapped_column(String(40))
    checked_on: Mapped[str] = mapped_column(String(10))  # ISO date the official looked
    checked_by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
