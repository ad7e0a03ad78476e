"""Alembic environment: always run with a connection handed over by ``models.session.migrate``."""

from __future__ import annotations

from alembic import context

# Every model module, so the metadata the migrations compare against is complete.
import slq_desk.models  # noqa: F401
from slq_desk.models.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("run migrations through slq_desk.models.session.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
