"""`slq-desk db setup-roles|add-reviewer|add-chair|add-official|people|whoami|remember-password`.

The shared PostgreSQL workspace's roles (see ``slq_desk.models.roles``): run by the database
owner with ``--database-url`` (no password in it: ~/.pgpass, PGPASSFILE or PGSERVICEFILE) or
``--database-url-file F``. New passwords come from ``--password-file`` or a prompt, never from
the command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("db", help="共享数据库的角色与权限 / roles of the shared PostgreSQL workspace")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        # Also accepted after the action; SUPPRESS keeps the top-level value when not given.
        q.add_argument("--database-url-file", metavar="F", default=argparse.SUPPRESS,
                       help="read the database URL (may hold the password) from file F")

    setup = dsub.add_parser("setup-roles", help="create the group roles, grants and row-level "
                            "security policies (idempotent; run as the database owner)")
    common(setup)
    setup.add_argument("--verbose", action="store_true", help="print every statement run")
    setup.set_defaults(func=_setup)

    for kind, label in (("reviewer", "评审专家"), ("chair", "评审组长"), ("official", "初审人员")):
        a = dsub.add_parser(f"add-{kind}", help=f"add a {kind} ({label}) login role")
        common(a)
        a.add_argument("name", metavar="NAME", help="the person's name as reviews record it")
        a.add_argument("--role", metavar="ROLE",
                       help="login role name (lower-case ASCII); default derived from NAME")
        a.add_argument("--password-file", metavar="F",
                       help="read the new password from F (first line); else it is asked for")
        a.set_defaults(func=_add, kind=kind)

    people = dsub.add_parser("people", help="list the roles and who they are")
    common(people)
    people.set_defaults(func=_people)

    who = dsub.add_parser("whoami", help="the role and person this connection is")
    common(who)
    who.set_defaults(func=_whoami)

    rem = dsub.add_parser("remember-password",
                          help="ask for the database password and keep it in the OS keyring")
    common(rem)
    rem.set_defaults(func=_remember)


def _engine(args: argparse.Namespace) -> Engine:
    from slq_desk.cli.common import database_password
    from slq_desk.errors import BadInput
    from slq_desk.models.dburl import connect_password
    from slq_desk.models.session import make_engine, migrate

    url = getattr(args, "database_url", None)
    if not url:
        raise BadInput("name the shared database: --database-url URL (no password in it) or "
                       "--database-url-file F")
    password = database_password(args) or connect_password(url)
    engine = make_engine(url, password)
    if engine.dialect.name == "postgresql" and args.db_command == "setup-roles":
        migrate(engine)  # the owner brings the schema to head before granting on it
    return engine


def _new_password(path: str | None, role: str) -> str | None:
    from slq_desk.errors import BadInput
    from slq_desk.opinion.passphrase import tty_prompt

    if path:
        try:
            lines = Path(path).read_text("utf-8").splitlines()
        except OSError as err:
            raise BadInput(f"--password-file {path}: {err.strerror or err}") from None
        secret = lines[0] if lines else ""
        if not secret:
            raise BadInput(f"--password-file {path} is empty")
        return secret
    if not sys.stdin or not sys.stdin.isatty():
        return None  # an existing role keeps its password; a new one is refused by add_person
    first = tty_prompt(f"{role} 的新口令 (new password)")
    if first != tty_prompt("再次输入 (repeat)"):
        raise BadInput("两次输入的口令不一致 / the passwords differ; nothing was changed")
    return first


def _setup(args: argparse.Namespace) -> int:
    from slq_desk.models.roles import setup_roles

    engine = _engine(args)
    done = setup_roles(engine)
    if args.verbose:
        for statement in done:
            print(statement)
    print(f"数据库角色与行级安全策略已建立 / roles, grants and row-level security set up "
          f"({len(done)} statements)")
    return 0


def _add(args: argparse.Namespace) -> int:
    from slq_desk.models.roles import KIND_LABELS, add_person, default_role

    engine = _engine(args)
    role = args.role or default_role(args.name, args.kind)
    password = _new_password(args.password_file, role)
    person = add_person(engine, args.name, args.kind, role, password)
    print(f"{KIND_LABELS[person.kind]} {person.name} → 数据库角色 / database role {person.role}")
    return 0


def _people(args: argparse.Namespace) -> int:
    from slq_desk.models.roles import KIND_LABELS, people

    for person in people(_engine(args)):
        print(f"{person.role:<24} {KIND_LABELS.get(person.kind, person.kind)}  {person.name}")
    return 0


def _whoami(args: argparse.Namespace) -> int:
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    from slq_desk.models.roles import KIND_LABELS, whoami

    engine = _engine(args)
    with Session(engine) as s:
        role = s.scalar(text("SELECT current_user"))
        person = whoami(s)
    if person is None:
        print(f"{role}（未登记的角色 / not a registered person: owner or admin）")
    else:
        print(f"{role}  {KIND_LABELS.get(person.kind, person.kind)}  {person.name}")
    return 0


def _remember(args: argparse.Namespace) -> int:
    from slq_desk.errors import BadInput
    from slq_desk.models.dburl import parse, prompt_password, remember_password

    url = getattr(args, "database_url", None)
    if not url:
        raise BadInput("name the shared database: --database-url URL")
    parsed = parse(url)
    remember_password(parsed, prompt_password(parsed))
    print("数据库口令已保存到系统钥匙串 / the database password is kept in the OS keyring")
    return 0
