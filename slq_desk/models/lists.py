"""Reference lists an official loads: supplier registries, the 揭榜 list, banned entities, unsafe
devices (issue 15). Each import is one dated ``ReferenceList`` with its source and the SHA-256 of
the file it came from; its rows are ``ReferenceListEntry``. The newest import of a kind is the one
in use; older ones stay for the record (what the 初审 of an earlier day relied on).

Kept in the workspace database, not as files beside it, so a department sharing one PostgreSQL
workspace shares its lists, and an import is recorded in the audit log in the same transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from slq_desk.models.schema import Base
from slq_desk.models.types import utcnow


class ReferenceList(Base):
    __tablename__ = "reference_list"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    source: Mapped[str] = mapped_column(String(1000), default="")
    as_of: Mapped[str] = mapped_column(String(10))  # ISO date the list is dated
    file_name: Mapped[str] = mapped_column(String(1000), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    imported_by: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    entries: Mapped[list[ReferenceListEntry]] = relationship(
        back_populates="list", cascade="all, delete-orphan", order_by="ReferenceListEntry.id")


class ReferenceListEntry(Base):
    __tablename__ = "reference_list_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("reference_list.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500), default="")
    uscc: Mapped[str] = mapped_column(String(40), default="")
    item: Mapped[str] = mapped_column(String(500), default="")  # a device or model, not a party
    since: Mapped[str] = mapped_column(String(10), default="")  # registered / listed / banned on
    note: Mapped[str] = mapped_column(String(1000), default="")
    list: Mapped[ReferenceList] = relationship(back_populates="entries")
