"""Reference lists (supplier registries, 揭榜 list, banned entities, unsafe devices).

Revision ID: 0007
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("as_of", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_list")),
    )
    with op.batch_alter_table("reference_list", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reference_list_kind"), ["kind"], unique=False)
    op.create_table(
        "reference_list_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("uscc", sa.String(length=40), nullable=False),
        sa.Column("item", sa.String(length=500), nullable=False),
        sa.Column("since", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(["list_id"], ["reference_list.id"],
                                name=op.f("fk_reference_list_entry_list_id_reference_list"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_list_entry")),
    )
    with op.batch_alter_table("reference_list_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reference_list_entry_list_id"), ["list_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reference_list_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_list_entry_list_id"))
    op.drop_table("reference_list_entry")
    with op.batch_alter_table("reference_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_list_kind"))
    op.drop_table("reference_list")
