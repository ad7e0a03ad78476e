"""Panel process tables (issue 16): 复核 flags, the draw of experts, the 异议 log, pledges.

Revision ID: 0009
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0003"
branch_labels = None
depends_on = None

TIME = sa.String(length=40)  # UtcDateTime is stored as ISO text


def upgrade() -> None:
    op.create_table(
        "panel_draw",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(length=100), nullable=False),
        sa.Column("seed", sa.String(length=80), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pool_sha256", sa.String(length=64), nullable=False),
        sa.Column("pool", sa.JSON(), nullable=False),
        sa.Column("applications", sa.JSON(), nullable=False),
        sa.Column("drawn", sa.JSON(), nullable=False),
        sa.Column("excluded", sa.JSON(), nullable=False),
        sa.Column("substitutions", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_draw")),
    )
    with op.batch_alter_table("panel_draw", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_panel_draw_batch"), ["batch"], unique=False)
    op.create_table(
        "panel_flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("criterion", sa.String(length=100), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("threshold", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("opinion_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("requested_at", TIME, nullable=True),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("request_note", sa.Text(), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("revised_sha256", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", TIME, nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_flag")),
        sa.UniqueConstraint("opinion_sha256", "kind", "criterion",
                            name=op.f("uq_panel_flag_opinion_sha256")),
    )
    with op.batch_alter_table("panel_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_panel_flag_application_id"), ["application_id"],
                              unique=False)
    op.create_table(
        "panel_objection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.String(length=64), nullable=False),
        sa.Column("received_at", TIME, nullable=False),
        sa.Column("objector", sa.String(length=200), nullable=False),
        sa.Column("about", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("answered_at", TIME, nullable=True),
        sa.Column("answered_by", sa.String(length=200), nullable=False),
        sa.Column("reopened", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_objection")),
    )
    with op.batch_alter_table("panel_objection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_panel_objection_application_id"),
                              ["application_id"], unique=False)
    op.create_table(
        "panel_pledge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kit_id", sa.String(length=64), nullable=False),
        sa.Column("expert", sa.String(length=200), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("cert_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", TIME, nullable=True),
        sa.Column("kit_sha256", sa.String(length=64), nullable=False),
        sa.Column("stored_path", sa.String(length=1000), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("imported_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_pledge")),
        sa.UniqueConstraint("sha256", name=op.f("uq_panel_pledge_sha256")),
    )
    with op.batch_alter_table("panel_pledge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_panel_pledge_kit_id"), ["kit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("panel_pledge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_panel_pledge_kit_id"))
    op.drop_table("panel_pledge")
    for table in ("panel_objection", "panel_flag", "panel_draw"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_" + {"panel_objection": "application_id",
                                                             "panel_flag": "application_id",
                                                             "panel_draw": "batch"}[table]))
        op.drop_table(table)
