"""Independence enforced by PostgreSQL: one login role per person, row-level security on reviews.

The shared workspace's database, not the application, decides who reads and writes what:

* group roles (``NOLOGIN``): ``slq_reviewer``, ``slq_chair``, ``slq_official``; each person has
  a login role that is a member of one group, and a row in ``db_role`` naming who they are;
* ``review`` has row-level security: a reviewer's role reads its own reviews and others'
  *submitted* ones (never others' drafts), inserts only drafts in its own name and updates only
  its own drafts (which includes submitting them); the chair's role reads submitted reviews
  only; the official's role has no access to reviews at all;
* ``audit_event``: every group may only ``INSERT`` (the log's before/after values hold draft
  scores, so no one but the owner reads it); the trigger of migration 0004 refuses an event whose
  ``db_role`` is not ``current_user`` or whose actor is not the person of that role;
* ``setting``: everyone reads; a reviewer may only add rubric snapshots (``rubric:…``).

The owner role (whoever ran the migrations, e.g. the ``postgres`` superuser or a dedicated
admin) keeps full rights and bypasses row-level security: it runs ``setup_roles`` and
``add_person``, migrations and ``audit verify``. Everything here is idempotent: running
``setup_roles`` again after a migration adds grants for new tables and recreates the policies.

Passwords: ``add_person`` hashes the password on the client (libpq's ``PQencryptPasswordConn``,
SCRAM-SHA-256), so the server's statement log never sees it in clear text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from slq_desk.errors import BadInput

GROUPS: dict[str, str] = {
    "reviewer": "slq_reviewer",
    "chair": "slq_chair",
    "official": "slq_official",
}
KIND_LABELS: dict[str, str] = {"reviewer": "评审专家", "chair": "评审组长", "official": "初审人员"}
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# Tables a reviewer reads (beyond review, whose rows row-level security picks).
_REVIEWER_READS = ("application", "document", "extracted_field", "document_item_chunk",
                   "finding", "setting", "reviewer_identity", "opinion", "db_role",
                   "alembic_version")


@dataclass(frozen=True)
class Person:
    role: str
    name: str
    kind: str


def _require_postgres(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        raise BadInput("数据库角色只适用于共享的 PostgreSQL 工作区 / database roles apply to a shared "
                       "PostgreSQL workspace only (give --database-url or --database-url-file)")


def _ident(name: str) -> str:
    """A role or table name quoted as an SQL identifier (names here are checked, but quote
    anyway)."""
    return '"' + name.replace('"', '""') + '"'


def _tables(conn: Any) -> set[str]:
    rows = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
    return {str(r[0]) for r in rows}


def _statements(tables: set[str], schema: str) -> list[str]:
    sch = _ident(schema)
    reviewer, chair, official = GROUPS["reviewer"], GROUPS["chair"], GROUPS["official"]
    groups = ", ".join(GROUPS.values())
    out: list[str] = []
    for group in GROUPS.values():
        out.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
            f"CREATE ROLE {group} NOLOGIN; END IF; END $$")
    # Start from nothing, so running this again after a change takes rights away too.
    out.append(f"REVOKE ALL ON ALL TABLES IN SCHEMA {sch} FROM {groups}")
    out.append(f"GRANT USAGE ON SCHEMA {sch} TO {groups}")
    out.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {sch} TO {groups}")
    out.append(f"GRANT EXECUTE ON FUNCTION slq_audit_head() TO {groups}")
    out.append(f"GRANT EXECUTE ON FUNCTION slq_me(text) TO {groups}")
    # Chair and official: the workspace's tables, except what follows.
    out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {sch} "
               f"TO {chair}, {official}")
    for table in ("review", "audit_event", "db_role", "alembic_version"):
        out.append(f"REVOKE ALL ON {table} FROM {chair}, {official}")
    out.append(f"GRANT SELECT ON review TO {chair}")
    out.append(f"GRANT SELECT ON db_role, alembic_version TO {chair}, {official}")
    out.append(f"GRANT INSERT ON audit_event TO {groups}")
    for table in ("panel_opinion", "panel_conclusion"):
        if table in tables:
            out.append(f"REVOKE ALL ON {table} FROM {official}")
    # Reviewer: reads the applications, writes only its own reviews (policies below).
    for table in _REVIEWER_READS:
        if table in tables:
            out.append(f"GRANT SELECT ON {table} TO {reviewer}")
    out.append(f"GRANT SELECT, INSERT, UPDATE ON review TO {reviewer}")
    out.append(f"GRANT INSERT ON setting, opinion, reviewer_identity TO {reviewer}")
    if "application_note" in tables:  # notes are append-only: read and add, never change
        out.append(f"GRANT SELECT, INSERT ON application_note TO {reviewer}")
    # Signing one's own opinion marks the application 已签署; nothing else of it is writable.
    out.append(f"GRANT UPDATE (status) ON application TO {reviewer}")
    # Row-level security on review.
    out.append("ALTER TABLE review ENABLE ROW LEVEL SECURITY")
    policies = {
        "slq_reviewer_read": (
            f"FOR SELECT TO {reviewer} USING (reviewer = slq_me('reviewer') "
            "OR status = 'submitted')"),
        "slq_reviewer_insert": (
            f"FOR INSERT TO {reviewer} WITH CHECK (reviewer = slq_me('reviewer') "
            "AND status = 'draft')"),
        "slq_reviewer_update": (
            f"FOR UPDATE TO {reviewer} USING (reviewer = slq_me('reviewer') AND status = 'draft') "
            "WITH CHECK (reviewer = slq_me('reviewer') AND status IN ('draft', 'submitted'))"),
        "slq_chair_read": f"FOR SELECT TO {chair} USING (status = 'submitted')",
    }
    for name, body in policies.items():
        out.append(f"DROP POLICY IF EXISTS {name} ON review")
        out.append(f"CREATE POLICY {name} ON review {body}")
    out.append("ALTER TABLE setting ENABLE ROW LEVEL SECURITY")
    setting_policies = {
        "slq_all_read": f"FOR SELECT TO {groups} USING (true)",
        "slq_reviewer_rubric": f"FOR INSERT TO {reviewer} WITH CHECK (starts_with(key, 'rubric:'))",
        "slq_staff_write": f"FOR ALL TO {chair}, {official} USING (true) WITH CHECK (true)",
    }
    for name, body in setting_policies.items():
        out.append(f"DROP POLICY IF EXISTS {name} ON setting")
        out.append(f"CREATE POLICY {name} ON setting {body}")
    return out


def setup_roles(engine: Engine) -> list[str]:
    """Create the group roles, grants and policies (idempotent). Run as the owner; the
    database must be migrated (``Workspace.open`` does that). Returns the statements run."""
    _require_postgres(engine)
    with engine.begin() as conn:
        schema = str(conn.execute(text("SELECT current_schema()")).scalar())
        tables = _tables(conn)
        missing = {"review", "audit_event", "db_role", "setting"} - tables
        if missing:
            raise BadInput(f"the database is not an slq-desk workspace (missing {sorted(missing)})")
        done: list[str] = []
        for statement in _statements(tables, schema):
            conn.exec_driver_sql(statement)
            done.append(statement)
    return done


def default_role(name: str, kind: str) -> str:
    """A role name for a person whose name is not a plain identifier (Chinese names)."""
    plain = name.strip().lower()
    if ROLE_NAME.match(plain) and not plain.startswith("slq_") and not plain.startswith("pg_"):
        return plain
    return f"slq_{kind[0]}_{hashlib.sha256(name.strip().encode('utf-8')).hexdigest()[:10]}"


def add_person(engine: Engine, name: str, kind: str, role: str | None = None,
               password: str | None = None) -> Person:
    """Create (or update) ``name``'s login role in group ``kind`` and map it in ``db_role``.

    A new role needs a password; an existing one keeps its password unless one is given."""
    _require_postgres(engine)
    name = name.strip()
    if kind not in GROUPS:
        raise BadInput(f"kind must be one of {', '.join(GROUPS)}")
    if not name:
        raise BadInput("须填写姓名 / give the person's name")
    role = (role or default_role(name, kind)).strip()
    if not ROLE_NAME.match(role) or role in GROUPS.values() or role.startswith("pg_"):
        raise BadInput(f"角色名 {role!r} 无效：只可使用小写字母、数字和下划线 / role name {role!r} is not "
                       "valid: lower-case letters, digits and _ only (and not a group's name)")
    raw = engine.raw_connection()
    try:
        conn: Any = raw.driver_connection
        from psycopg import sql

        with conn.transaction():
            groups_present = {r[0] for r in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", [list(GROUPS.values())])}
            if groups_present != set(GROUPS.values()):
                raise BadInput("尚未建立数据库角色：请先运行 `slq-desk db setup-roles` / run "
                               "`slq-desk db setup-roles` first")
            clash = conn.execute(
                "SELECT role_name FROM db_role WHERE display_name = %s AND kind = %s "
                "AND role_name <> %s", [name, kind, role]).fetchone()
            if clash:
                raise BadInput(f"{name} 已对应数据库角色 {clash[0]} / {name} is already the "
                               f"{kind} of database role {clash[0]}")
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
            if not exists and not password:
                raise BadInput(f"新角色 {role} 需要口令 / the new role {role} needs a password")
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
            if password:
                hashed = conn.pgconn.encrypt_password(password.encode("utf-8"),
                                                      role.encode("utf-8"), b"scram-sha-256")
                conn.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(hashed.decode("ascii"))))
            for other_kind, group in GROUPS.items():
                if other_kind == kind:
                    conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group),
                                                                   sql.Identifier(role)))
                else:
                    conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group),
                                                                      sql.Identifier(role)))
            from slq_desk.models.types import utcnow

            conn.execute(
                "INSERT INTO db_role (role_name, display_name, kind, created_at) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (role_name) DO UPDATE "
                "SET display_name = EXCLUDED.display_name, kind = EXCLUDED.kind",
                [role, name, kind, utcnow().isoformat(timespec="microseconds")])
    finally:
        raw.close()
    return Person(role=role, name=name, kind=kind)


def people(engine: Engine) -> list[Person]:
    _require_postgres(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT role_name, display_name, kind FROM db_role "
                                 "ORDER BY kind, display_name"))
        return [Person(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def whoami(session: Session) -> Person | None:
    """The person the connected role is (None: the owner, or a role not mapped)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    row = session.execute(text("SELECT role_name, display_name, kind FROM db_role "
                               "WHERE role_name = current_user")).first()
    return Person(str(row[0]), str(row[1]), str(row[2])) if row else None
