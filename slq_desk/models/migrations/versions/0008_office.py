"""The 初审 office: 查重 keys, package versions (补正), numbered notices, manual 查验 records;
application statuses of the old list mapped onto the 初审 workflow.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Statuses before the workflow (models.schema.STATUSES of 0001) → the workflow's codes.
LEGACY = {"checking": "pending_check", "pending_review": "check_passed", "signed": "reviewed"}


def upgrade() -> None:
    op.create_table('office_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('office', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('draft', sa.JSON(), nullable=False),
    sa.Column('deadline', sa.String(length=10), nullable=True),
    sa.Column('file_path', sa.String(length=1000), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('signer', sa.String(length=200), nullable=False),
    sa.Column('signed_at', sa.String(length=40), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_office_notice_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_notice')),
    sa.UniqueConstraint('number', name=op.f('uq_office_notice_number')),
    sa.UniqueConstraint('office', 'year', 'seq', name='uq_office_notice_office_year_seq')
    )
    op.create_index(op.f('ix_office_notice_application_id'), 'office_notice', ['application_id'], unique=False)
    op.create_table('package_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('package_name', sa.String(length=500), nullable=False),
    sa.Column('package_sha256', sa.String(length=64), nullable=False),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('imported_by', sa.String(length=200), nullable=False),
    sa.Column('imported_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_package_version_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_version')),
    sa.UniqueConstraint('application_id', 'version', name='uq_package_version_app_version')
    )
    op.create_index(op.f('ix_package_version_package_sha256'), 'package_version', ['package_sha256'], unique=False)
    op.create_table('dedup_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('application_id', sa.String(length=64), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('label', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_dedup_key_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_dedup_key_document_id_document'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dedup_key'))
    )
    op.create_index(op.f('ix_dedup_key_application_id'), 'dedup_key', ['application_id'], unique=False)
    op.create_index('ix_dedup_key_kind_key', 'dedup_key', ['kind', 'key'], unique=False)
    op.create_table('manual_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('result', sa.String(length=40), nullable=False),
    sa.Column('checked_on', sa.String(length=10), nullable=False),
    sa.Column('checked_by', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.Column('recorded_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_manual_check_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_manual_check_document_id_document'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_manual_check'))
    )
    op.create_index(op.f('ix_manual_check_application_id'), 'manual_check', ['application_id'], unique=False)
    
    application = sa.table("application", sa.column("status", sa.String(32)))
    for old, new in LEGACY.items():
        op.execute(application.update().where(application.c.status == old).values(status=new))


def downgrade() -> None:
    op.drop_index(op.f('ix_manual_check_application_id'), table_name='manual_check')
    op.drop_table('manual_check')
    op.drop_index('ix_dedup_key_kind_key', table_name='dedup_key')
    op.drop_index(op.f('ix_dedup_key_application_id'), table_name='dedup_key')
    op.drop_table('dedup_key')
    op.drop_index(op.f('ix_package_version_package_sha256'), table_name='package_version')
    op.drop_table('package_version')
    op.drop_index(op.f('ix_office_notice_application_id'), table_name='office_notice')
    op.drop_table('office_notice')
    # ### end Alembic commands ###
