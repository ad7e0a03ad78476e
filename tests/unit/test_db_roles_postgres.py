"""Independence enforced by a real PostgreSQL server, tried as a reviewer would try to break it.

The owner sets up roles with `slq-desk db setup-roles` and one login role per person
(`db add-reviewer` / `add-chair`); the reviewers then connect with their own credentials —
through libpq's password file (PGPASSFILE), never a password on the command line — with the
real `psql` client, with psycopg, and with `slq-desk review set`. Row-level security keeps
each reviewer to their own drafts, the chair sees submitted reviews only, and the audit
trigger stamps and checks who acted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from slq_desk import audit
from slq_desk.cli import main
from slq_desk.models import AuditEvent, Review
from slq_desk.panel.demo import add_applications
from slq_desk.workspace import Workspace

pytestmark = pytest.mark.postgres

PASSWORDS = {"zhangwei": "张伟的口令-Zw1", "lina": "李娜的口令-Ln2", "zhaomin": "组长口令-Zm3"}
SCORES = ["--score", "real_usage=25", "--score", "scenario_plan=20", "--score", "innovation=16",
          "--score", "effect=20"]
COMMENTS = [a for k in ("real_usage", "scenario_plan", "innovation", "effect")
            for a in ("--comment", f"{k}=评语内容足够长")]


@dataclass
class Shared:
    admin_url: str
    port: int
    dbname: str
    app: str
    computed: str
    root: Path

    def url(self, role: str) -> str:
        return self.admin_url.replace("postgres@", f"{role}@", 1)

    def dsn(self, role: str, password: str | None = None) -> str:
        dsn = f"host=127.0.0.1 port={self.port} dbname={self.dbname} user={role}"
        return dsn + (f" password={password}" if password is not None else "")


@pytest.fixture()
def shared(tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Shared:
    admin = Workspace.open(tmp_path / "admin", database_url=postgres_url)
    app = add_applications(admin, 7, tmp_path / "pkgs")[0]
    with admin.session() as s:
        from slq_desk.models import Application

        computed = str(s.get(Application, app).computed_subsidy)  # type: ignore[union-attr]
    admin.close()
    port = int(postgres_url.split(":")[-1].split("/")[0])
    dbname = postgres_url.rsplit("/", 1)[1]
    assert main(["--database-url", postgres_url, "db", "setup-roles"]) == 0
    assert main(["--database-url", postgres_url, "db", "setup-roles"]) == 0  # idempotent
    for role, (kind, name) in {"zhangwei": ("reviewer", "张伟"), "lina": ("reviewer", "李娜"),
                               "zhaomin": ("chair", "赵敏")}.items():
        pw = tmp_path / f"{role}.pw"
        pw.write_text(PASSWORDS[role] + "\n", "utf-8")
        assert main(["--database-url", postgres_url, "db", f"add-{kind}", name, "--role", role,
                     "--password-file", str(pw)]) == 0
    # libpq's password file: how a reviewer's laptop keeps the password (chmod 600).
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("".join(f"127.0.0.1:{port}:{dbname}:{r}:{p}\n" for r, p in PASSWORDS.items()),
                      "utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    return Shared(postgres_url, port, dbname, app, computed, tmp_path)


def _review(shared: Shared, role: str, reviewer: str, *extra: str) -> int:
    (shared.root / role).mkdir(exist_ok=True)  # the laptop's folder beside the shared database
    return main(["--database-url", shared.url(role), "review", "set", shared.app,
                 "--workspace", str(shared.root / role), "--reviewer", reviewer, *extra])


def _drafts(shared: Shared) -> None:
    assert _review(shared, "zhangwei", "张伟", "--coi", "none", *SCORES, *COMMENTS) == 0
    assert _review(shared, "lina", "李娜", "--coi", "none", *SCORES) == 0


def _psql(shared: Shared, role: str, sql: str, env: dict[str, str] | None = None
          ) -> subprocess.CompletedProcess[str]:
    psql = shutil.which("psql") or "/usr/bin/psql"
    if not Path(psql).exists():
        pytest.skip("psql (the PostgreSQL client) is not installed")
    run_env = {**os.environ, **(env or {})}
    return subprocess.run([psql, "-X", "-v", "ON_ERROR_STOP=1", "-At", shared.dsn(role), "-c", sql],
                          capture_output=True, text=True, env=run_env, timeout=60)


def test_psql_reviewer_cannot_read_or_write_another_reviewers_draft(shared: Shared) -> None:
    _drafts(shared)
    seen = _psql(shared, "zhangwei", "SELECT reviewer, status FROM review ORDER BY reviewer")
    assert seen.returncode == 0, seen.stderr
    assert seen.stdout.split() == ["张伟|draft"]  # 李娜's draft is not there for 张伟
    # Rewriting 李娜's draft finds no row: row-level security hides it.
    upd = _psql(shared, "zhangwei", "UPDATE review SET scores = '{}' WHERE reviewer = '李娜'")
    assert upd.returncode == 0 and upd.stdout.strip() == "UPDATE 0", upd.stderr
    # Writing a review in 李娜's name is refused outright.
    ins = _psql(shared, "zhangwei", (
        "INSERT INTO review (application_id, reviewer, rubric_id, rubric_version, scores, "
        "comments, coi_declared, coi_conflict, coi_text, recommendation_reason, status, version, "
        f"updated_at) VALUES ('{shared.app}', '李娜', 'hunan-2026', '1', '{{}}', '{{}}', true, "
        "false, '', '', 'draft', 1, '2026-11-01T00:00:00+00:00')"))
    assert ins.returncode != 0 and "row-level security" in ins.stderr
    # Submitting 张伟's own draft by hand is allowed; submitting 李娜's is not possible.
    sub = _psql(shared, "zhangwei", "UPDATE review SET status = 'submitted' WHERE reviewer = '李娜'")
    assert sub.stdout.strip() == "UPDATE 0"
    # The owner sees 李娜's draft untouched.
    admin = Workspace.open(shared.root / "admin", database_url=shared.admin_url)
    with admin.session() as s:
        li = s.scalars(select(Review).where(Review.reviewer == "李娜")).one()
        assert li.status == "draft" and float(li.scores["real_usage"]) == 25  # untouched
    admin.close()


def test_psql_reviewer_cannot_read_edit_or_forge_the_audit_log(shared: Shared) -> None:
    _drafts(shared)
    read = _psql(shared, "zhangwei", "SELECT count(*) FROM audit_event")
    assert read.returncode != 0 and "permission denied" in read.stderr
    delete = _psql(shared, "zhangwei", "DELETE FROM audit_event")
    assert delete.returncode != 0 and "permission denied" in delete.stderr
    forge = ("INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, prev_hash, hash, "
             "db_role) SELECT h.seq + 1, '2026-11-01T00:00:00.000000+00:00', '{actor}', "
             "'review.submit', 'review', '1', h.hash, md5('a') || md5('b'), '{role}' "
             "FROM slq_audit_head() h")
    as_victim = _psql(shared, "zhangwei", forge.format(actor="李娜", role="zhangwei"))
    assert as_victim.returncode != 0 and "acts as 张伟, not as 李娜" in as_victim.stderr
    as_other_role = _psql(shared, "zhangwei", forge.format(actor="李娜", role="lina"))
    assert as_other_role.returncode != 0 and "is not the acting role zhangwei" in as_other_role.stderr
    # Even an event in one's own name must continue the chain.
    gap = _psql(shared, "zhangwei", forge.format(actor="张伟", role="zhangwei").replace(
        "h.seq + 1", "h.seq + 5"))
    assert gap.returncode != 0 and "does not continue the chain" in gap.stderr


def test_wrong_or_missing_password_is_refused(shared: Shared) -> None:
    empty = shared.root / "empty.pgpass"
    empty.write_text("", "utf-8")
    empty.chmod(0o600)
    wrong = _psql(shared, "zhangwei", "SELECT 1", env={"PGPASSFILE": str(empty),
                                                       "PGPASSWORD": "guess"})
    assert wrong.returncode != 0 and "password authentication failed" in wrong.stderr
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(shared.dsn("lina", "not-her-password"))


def test_psycopg_with_a_reviewers_credentials(shared: Shared) -> None:
    _drafts(shared)
    with psycopg.connect(shared.dsn("lina", PASSWORDS["lina"]), autocommit=True) as conn:
        rows = conn.execute("SELECT reviewer FROM review").fetchall()
        assert rows == [("李娜",)]
        cur = conn.execute("UPDATE review SET comments = '{\"effect\": \"改掉\"}' "
                           "WHERE reviewer = '张伟'")
        assert cur.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE review SET reviewer = '张伟' WHERE reviewer = '李娜'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE application SET computed_subsidy = 1")  # only status
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO setting (key, value) VALUES ('policy:x', '1')")
        # A usage log's table rows are read with its document (migration 0012), never written.
        assert conn.execute("SELECT count(*) FROM document_item_chunk").fetchone() is not None
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM document_item_chunk")


def test_the_chair_sees_submitted_reviews_only(shared: Shared) -> None:
    _drafts(shared)
    with psycopg.connect(shared.dsn("zhaomin", PASSWORDS["zhaomin"])) as conn:
        assert conn.execute("SELECT count(*) FROM review").fetchone() == (0,)
    assert _review(shared, "zhangwei", "张伟", "--recommend", "推荐", "--amount", shared.computed,
                   "--submit") == 0
    with psycopg.connect(shared.dsn("zhaomin", PASSWORDS["zhaomin"])) as conn:
        rows = conn.execute("SELECT reviewer, status FROM review").fetchall()
        assert rows == [("张伟", "submitted")]  # 李娜's draft stays hers
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE review SET status = 'draft'")
    # A reviewer now sees the other's submitted review, still not the other's draft.
    seen = _psql(shared, "lina", "SELECT reviewer || ':' || status FROM review ORDER BY 1")
    assert seen.stdout.split() == ["张伟:submitted", "李娜:draft"]
    # 张伟 cannot reopen a submitted review.
    reopen = _psql(shared, "zhangwei", "UPDATE review SET status = 'draft' WHERE reviewer = '张伟'")
    assert reopen.stdout.strip() == "UPDATE 0"


def test_the_app_works_through_a_reviewer_role_and_refuses_impersonation(
        shared: Shared, capsys: pytest.CaptureFixture[str]) -> None:
    _drafts(shared)
    assert _review(shared, "zhangwei", "张伟", "--recommend", "推荐", "--amount", shared.computed,
                   "--submit") == 0
    capsys.readouterr()
    # 张伟's credentials writing as 李娜: the database says no, in a sentence, exit 1.
    assert _review(shared, "zhangwei", "李娜", "--coi", "none", *SCORES) == 1
    err = capsys.readouterr().err
    assert "数据库拒绝" in err and "row-level security" in err
    assert main(["--database-url", shared.url("zhangwei"), "review", "show", shared.app,
                 "--workspace", str(shared.root / "zhangwei"), "--json"]) == 0
    shown = capsys.readouterr().out
    assert "张伟" in shown and "李娜" not in shown  # even "as the chair" a reviewer sees no drafts
    # The log names each role that acted, by the database's word, and still verifies.
    admin = Workspace.open(shared.root / "admin", database_url=shared.admin_url)
    with admin.session() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.db_role != "postgres")
                                .order_by(AuditEvent.seq)))
        assert {(e.db_role, e.actor) for e in events} == {("zhangwei", "张伟"), ("lina", "李娜")}
        assert "review.submit" in {e.action for e in events if e.db_role == "zhangwei"}
        assert audit.verify(s).ok
    admin.close()
    # Each reviewer's laptop anchored the head it saw, without reading the log.
    assert (shared.root / "zhangwei" / "audit-checkpoints" / "checkpoints.jsonl").exists()


def test_password_on_the_command_line_is_refused(shared: Shared,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with_pw = shared.admin_url.replace("postgres@", f"zhangwei:{PASSWORDS['zhangwei']}@")
    (shared.root / "z").mkdir()
    code = main(["--database-url", with_pw, "review", "show", shared.app, "--workspace",
                 str(shared.root / "z")])
    assert code == 2 and "--database-url-file" in capsys.readouterr().err


def test_url_file_and_whoami(shared: Shared, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    empty = shared.root / "empty.pgpass"
    empty.write_text("", "utf-8")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))  # the URL file alone carries the password
    url_file = shared.root / "lina.url"
    url_file.write_text(shared.admin_url.replace("postgres@", f"lina:{PASSWORDS['lina']}@") + "\n",
                        "utf-8")
    url_file.chmod(0o600)
    assert main(["--database-url-file", str(url_file), "db", "whoami"]) == 0
    out = capsys.readouterr()
    assert "lina" in out.out and "李娜" in out.out and "warning" not in out.err
    url_file.chmod(0o644)
    assert main(["db", "whoami", "--database-url-file", str(url_file)]) == 0
    assert "chmod 600" in capsys.readouterr().err


def test_service_file_and_keyring_supply_the_password(
        shared: Shared, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """libpq's connection service file names the server (no URL on the command line at all);
    the password then comes from the OS keyring — a real one, never a plaintext backend."""
    import keyring

    from slq_desk.models.dburl import KEYRING_SERVICE, keyring_account, parse
    from slq_desk.opinion import passphrase
    from tests.support.keyring_memory import MemoryKeyring

    empty = shared.root / "empty.pgpass"
    empty.write_text("", "utf-8")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))
    service = shared.root / "pg_service.conf"
    service.write_text(f"[slq]\nhost=127.0.0.1\nport={shared.port}\ndbname={shared.dbname}\n"
                       "user=lina\n", "utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    url = "postgresql+psycopg://lina@127.0.0.1:{}/{}".format(shared.port, shared.dbname)
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    monkeypatch.setattr(passphrase, "_notice_shown", False)
    try:
        # No password anywhere: the server refuses, and the CLI says how to give one.
        assert main(["--database-url", url, "db", "whoami"]) == 2
        assert "PGPASSFILE" in capsys.readouterr().err
        ring.set_password(KEYRING_SERVICE, keyring_account(parse(url)), PASSWORDS["lina"])
        ws = Workspace.open(shared.root / "lina-ws", database_url=url)
        assert ws.actor == "李娜"  # the person is who the database says
        ws.close()
        # The same role through the service file (host, port, db, user) and libpq's
        # password file: no address and no password on the command line at all.
        (shared.root / "lina.pgpass").write_text(
            f"127.0.0.1:{shared.port}:{shared.dbname}:lina:{PASSWORDS['lina']}\n", "utf-8")
        (shared.root / "lina.pgpass").chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(shared.root / "lina.pgpass"))
        keyring.set_keyring(previous)
        assert main(["--database-url", "postgresql+psycopg:///?service=slq", "db", "whoami"]) == 0
        assert "李娜" in capsys.readouterr().out
    finally:
        keyring.set_keyring(previous)


def test_prompt_without_a_terminal_says_so(shared: Shared, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    code = main(["--database-url", shared.url("lina"), "--database-password-prompt", "db",
                 "whoami"])
    assert code == 2 and "no terminal" in capsys.readouterr().err


def test_the_official_has_no_access_to_reviews(shared: Shared) -> None:
    _drafts(shared)
    pw = shared.root / "official.pw"
    pw.write_text("初审口令-Off4\n", "utf-8")
    assert main(["--database-url", shared.admin_url, "db", "add-official", "李初审", "--role",
                 "lichushen", "--password-file", str(pw)]) == 0
    with psycopg.connect(shared.dsn("lichushen", "初审口令-Off4")) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM review")
    with psycopg.connect(shared.dsn("lichushen", "初审口令-Off4")) as conn:
        assert conn.execute("SELECT count(*) FROM application").fetchone()[0] >= 1  # type: ignore[index]


def test_a_name_cannot_be_given_to_two_roles(shared: Shared, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    capsys.readouterr()
    assert main(["--database-url", shared.admin_url, "db", "people"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert any("zhangwei" in line and "张伟" in line and "评审专家" in line for line in listed)
    assert any("zhaomin" in line and "赵敏" in line and "评审组长" in line for line in listed)
    pw = shared.root / "x.pw"
    pw.write_text("另一个口令-Xx5\n", "utf-8")
    assert main(["--database-url", shared.admin_url, "db", "add-reviewer", "张伟", "--role",
                 "zhangwei2", "--password-file", str(pw)]) == 2
    assert "already" in capsys.readouterr().err


def test_the_official_imports_through_their_role(shared: Shared) -> None:
    """初审 through the official's role: a package imported, recorded and audited as them."""
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from tests.unit.test_ingest_importer import _package

    pw = shared.root / "official.pw"
    pw.write_text("初审口令-Off4\n", "utf-8")
    assert main(["--database-url", shared.admin_url, "db", "add-official", "李初审", "--role",
                 "lichushen", "--password-file", str(pw)]) == 0
    pgpass = Path(os.environ["PGPASSFILE"])
    with pgpass.open("a", encoding="utf-8") as fh:
        fh.write(f"127.0.0.1:{shared.port}:{shared.dbname}:lichushen:初审口令-Off4\n")
    ws = Workspace.open(shared.root / "official", database_url=shared.url("lichushen"))
    assert ws.actor == "李初审"
    result = import_package(ws, _package(shared.root / "pkg"), reader=InlineReader())
    assert result.created and result.documents >= 2
    ws.close()
    admin = Workspace.open(shared.root / "admin", database_url=shared.admin_url)
    with admin.session() as s:
        imported = list(s.scalars(select(AuditEvent).where(AuditEvent.db_role == "lichushen")))
        assert imported and {e.actor for e in imported} == {"李初审"}
        assert audit.verify(s).ok
    admin.close()


def test_the_chair_aggregates_through_their_role(shared: Shared) -> None:
    from slq_desk.panel import aggregate

    _drafts(shared)
    assert _review(shared, "zhangwei", "张伟", "--recommend", "推荐", "--amount", shared.computed,
                   "--submit") == 0
    chair = Workspace.open(shared.root / "chair", database_url=shared.url("zhaomin"))
    assert chair.actor == "赵敏"
    with chair.session() as s:
        agg = aggregate.run(s, source="reviews")
    assert [r.reviewer for r in agg.records] == ["张伟"]  # 李娜's draft is not the chair's to see
    chair.close()


def test_a_reviewer_keeps_notes_but_is_refused_the_audit_log_in_words(shared: Shared) -> None:
    from slq_desk.desk.service import Desk
    from slq_desk.errors import BadInput

    ws = Workspace.open(shared.root / "zhangwei-notes", database_url=shared.url("zhangwei"))
    try:
        desk = Desk(ws)
        desk.add_note(shared.app, "张伟", "合同金额待核实。")
        assert [(n.author, n.text) for n in desk.notes(shared.app)] == [("张伟", "合同金额待核实。")]
        # Reading the audit log is not a reviewer's right: a refusal, not a database traceback.
        with pytest.raises(BadInput, match="无权查看审计日志"):
            desk.audit_log()
    finally:
        ws.close()
    admin = Workspace.open(shared.root / "admin", database_url=shared.admin_url)
    with admin.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "note.add")).one()
        assert (event.db_role, event.actor) == ("zhangwei", "张伟")
    admin.close()
