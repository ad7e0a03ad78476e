"""A document's thousands of item rows as a compact table (issue 18, item 3).

``document_item_chunk`` holds a usage log's table lines as JSON chunks of up to 500 rows
(``extract/packed.py``) instead of one ``extracted_field`` row per value: a 2,000-page log was
~220,000 field rows, which made the import and every opening of the application hold the GIL
for seconds. Documents with few items (invoices, contracts, forms) keep per-field rows.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_item_chunk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("chunk", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"],
                                name=op.f("fk_document_item_chunk_document_id_document"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_item_chunk")),
    )
    op.create_index(op.f("ix_document_item_chunk_document_id"), "document_item_chunk",
                    ["document_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_document_item_chunk_document_id"), table_name="document_item_chunk")
    op.drop_table("document_item_chunk")
