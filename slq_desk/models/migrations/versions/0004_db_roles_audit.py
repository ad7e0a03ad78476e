"""Database-enforced independence and audit actors: ``audit_event.db_role``, the ``db_role``
table, and on PostgreSQL the functions and trigger that row-level security and the audit log
rely on.

On PostgreSQL (only there: SQLite has no roles) this adds

* ``slq_audit_head()`` — the last event's ``seq`` and ``hash``, ``SECURITY DEFINER`` so a
  reviewer's role can chain a new event without being allowed to read the log (whose
  before/after values hold other reviewers' draft scores);
* ``slq_me(kind)`` — the person (``db_role.display_name``) the current role is, for the
  row-level security policies that ``slq-desk db setup-roles`` creates;
* a ``BEFORE INSERT`` trigger on ``audit_event`` refusing an event whose ``db_role`` is not
  ``current_user``, whose ``actor`` is not the person mapped to that role (when it is mapped), or
  that does not continue the chain (``seq`` = last + 1, ``prev_hash`` = last hash).

Roles, grants and policies are not here: roles belong to the whole server, so they are created
by ``slq-desk db setup-roles`` (idempotent), run by the database owner.

Revision ID: 0004
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

PG_UP = r"""
CREATE OR REPLACE FUNCTION slq_audit_head() RETURNS TABLE(seq integer, hash varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT e.seq, e.hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1
$$;
REVOKE ALL ON FUNCTION slq_audit_head() FROM PUBLIC;

CREATE OR REPLACE FUNCTION slq_me(wanted text) RETURNS varchar
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT r.display_name FROM db_role r WHERE r.role_name = current_user AND r.kind = wanted
$$;

CREATE OR REPLACE FUNCTION slq_audit_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    mapped varchar;
    last_seq integer;
    last_hash varchar;
BEGIN
    IF NEW.db_role IS DISTINCT FROM current_user::text THEN
        RAISE EXCEPTION 'audit event refused: db_role % is not the acting role %',
            coalesce(NEW.db_role, 'NULL'), current_user USING ERRCODE = '42501';
    END IF;
    SELECT r.display_name INTO mapped FROM db_role r WHERE r.role_name = current_user;
    IF mapped IS NOT NULL AND NEW.actor IS DISTINCT FROM mapped THEN
        RAISE EXCEPTION 'audit event refused: role % acts as %, not as %',
            current_user, mapped, NEW.actor USING ERRCODE = '42501';
    END IF;
    SELECT h.seq, h.hash INTO last_seq, last_hash FROM slq_audit_head() h;
    IF NEW.seq IS DISTINCT FROM coalesce(last_seq, 0) + 1
       OR NEW.prev_hash IS DISTINCT FROM coalesce(last_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'audit event refused: seq % does not continue the chain at %',
            NEW.seq, coalesce(last_seq, 0) USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS slq_audit_stamp ON audit_event;
CREATE TRIGGER slq_audit_stamp BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION slq_audit_stamp();
"""

PG_DOWN = r"""
DROP TRIGGER IF EXISTS slq_audit_stamp ON audit_event;
DROP FUNCTION IF EXISTS slq_audit_stamp();
DROP FUNCTION IF EXISTS slq_me(text);
DROP FUNCTION IF EXISTS slq_audit_head();
"""


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_role", sa.String(length=63), nullable=True))
    op.create_table(
        "db_role",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_db_role")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_UP)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_DOWN)
    op.drop_table("db_role")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("db_role")
