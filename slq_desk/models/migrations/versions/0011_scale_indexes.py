"""Indexes a province's worth of applications needs (issue 18, ``bench/scale.py``).

- ``finding (application_id, severity)``: opening an application reads its findings, and the
  queue counts each application's blocking ones; without it both scan every finding.
- ``extracted_field (value)`` and ``(corrected_value)``: opening or checking an application looks
  up the other applications' invoices and contracts with the same number (``checks/view.py``)
  instead of reading every number of the workspace. On PostgreSQL they are hash indexes, which
  take a value of any length (a B-tree entry is refused above ~2.7 kB, and a field may hold a
  long clause).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_finding_app_severity", "finding", ["application_id", "severity"])
    op.create_index("ix_extracted_field_value", "extracted_field", ["value"],
                    postgresql_using="hash")
    op.create_index("ix_extracted_field_corrected", "extracted_field", ["corrected_value"],
                    postgresql_using="hash")


def downgrade() -> None:
    op.drop_index("ix_extracted_field_corrected", "extracted_field")
    op.drop_index("ix_extracted_field_value", "extracted_field")
    op.drop_index("ix_finding_app_severity", "finding")
