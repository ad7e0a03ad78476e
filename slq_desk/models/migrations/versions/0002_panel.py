"""Panel tables: imported signed expert opinions and the chair's panel conclusions.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "panel_opinion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("source_name", sa.String(length=1000), nullable=False),
        sa.Column("stored_path", sa.String(length=1000), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("cert_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=True),
        sa.Column("review_date", sa.String(length=10), nullable=False),
        sa.Column("rubric_id", sa.String(length=100), nullable=False),
        sa.Column("rubric_version", sa.String(length=40), nullable=False),
        sa.Column("total", sa.String(length=40), nullable=True),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("recommendation", sa.String(length=20), nullable=False),
        sa.Column("recommended_amount", sa.BigInteger(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_opinion")),
        sa.UniqueConstraint("sha256", name=op.f("uq_panel_opinion_sha256")),
    )
    with op.batch_alter_table("panel_opinion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_panel_opinion_application_id"), ["application_id"],
                              unique=False)
    op.create_table(
        "panel_conclusion",
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("recommendation", sa.String(length=20), nullable=False),
        sa.Column("recommended_amount", sa.BigInteger(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("chair", sa.String(length=200), nullable=False),
        sa.Column("source_hashes", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_panel_conclusion")),
    )


def downgrade() -> None:
    op.drop_table("panel_conclusion")
    with op.batch_alter_table("panel_opinion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_panel_opinion_application_id"))
    op.drop_table("panel_opinion")
