"""Notes per application (issue 19 item 13): free text, author and time, append-only.

Revision ID: 0010
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "application_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name=op.f("fk_application_note_application_id_application"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_note")),
    )
    op.create_index(op.f("ix_application_note_application_id"), "application_note",
                    ["application_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_application_note_application_id"), table_name="application_note")
    op.drop_table("application_note")
