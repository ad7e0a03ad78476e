"""Opening a workspace for the window, off its UI thread, with every failure in plain words.

The window shows itself first and opens the workspace after (issue 18, item 1): this module is
what its background operation runs. It imports the heavy parts (SQLAlchemy, the models, the
desk service) on that worker thread, opens and migrates the database, and reads the queue, so
the UI thread only fills the list from plain rows.

What can go wrong when opening becomes a ``SlqError`` saying what happened and what to do
(English and Chinese): a workspace written by a newer slq-desk, a database locked by another
program, a file that is not a database, a PostgreSQL server that cannot be reached, a folder that
cannot be written. Qt-free; the CLI's ``gui`` command and the tests call it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from slq_desk.errors import BadInput, SlqError

if TYPE_CHECKING:
    from slq_desk.desk.queue import ApplicationRow
    from slq_desk.desk.service import Desk
    from slq_desk.workspace import Workspace

Report = Callable[[int, int, str], None]

# The steps ``open_for_window`` reports, in order (the window words them).
STEPS = ("load", "open", "queue")


@dataclass(frozen=True)
class Opened:
    """An open workspace, its desk, and the queue read once (the window's list fills from it)."""

    workspace: Workspace
    desk: Desk
    applications: list[ApplicationRow]


def open_for_window(folder: Path, database_url: str | None = None, open_app: str | None = None,
                    report: Report | None = None) -> Opened:
    """Open (and migrate) the workspace and read its queue; ``open_app`` must be in it."""
    step = report or (lambda _done, _total, _text: None)
    step(0, len(STEPS), "load")
    from slq_desk.desk.service import Desk  # SQLAlchemy and the models, here on the worker

    step(1, len(STEPS), "open")
    workspace = open_workspace_clearly(folder, database_url)
    try:
        desk = Desk(workspace)
        step(2, len(STEPS), "queue")
        rows = desk.applications()
        if open_app is not None and all(row.id != open_app for row in rows):
            raise BadInput(f"no application {open_app!r} in {workspace.path}",
                           zh=f"工作区“{workspace.path}”中没有申报 {open_app}。")
    except BaseException:
        workspace.close()
        raise
    step(3, len(STEPS), "queue")
    return Opened(workspace, desk, rows)


def warm_for_opening() -> None:
    """Import, on a worker, what opening an application imports the first time (the scoring
    form's review service and its statistics, the checklist's and the calculation's readers,
    the 初审 office's notices and supplements): done while the person looks at the queue, the
    first opening does not stall on module imports — on the UI thread, or on a worker holding
    the interpreter while the UI thread waits for it."""
    import slq_desk.checks.verification  # noqa: F401
    import slq_desk.checks.view  # noqa: F401
    import slq_desk.desk.overview  # noqa: F401
    import slq_desk.desk.review_data  # noqa: F401
    import slq_desk.office.notices  # noqa: F401
    import slq_desk.office.status  # noqa: F401
    import slq_desk.office.supplement  # noqa: F401
    import slq_desk.policy.calculator  # noqa: F401
    import slq_desk.review.aggregate  # noqa: F401
    import slq_desk.review.scoring  # noqa: F401
    import slq_desk.review.service  # noqa: F401


def open_workspace_clearly(folder: Path, database_url: str | None = None,
                           create: bool = True) -> Workspace:
    """``Workspace.open`` with its low-level failures turned into clear ``SlqError`` messages."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    from slq_desk.workspace import Workspace

    where, zh_where = _where(folder, database_url)
    try:
        return Workspace.open(folder, database_url=database_url, create=create)
    except SlqError:
        raise
    except OperationalError as err:
        raise _operational(err, (where, zh_where), database_url) from None
    except DBAPIError as err:
        raise SlqError(f"{where} cannot be read as an slq-desk database: {_first_line(err.orig)}",
                       zh=f"无法读取{zh_where}：它不是可用的 slq-desk 数据库（{_first_line(err.orig)}）。") from None
    except OSError as err:
        raise SlqError(f"cannot open the workspace {folder}: {err.strerror or err}",
                       zh=f"无法打开工作区“{folder}”：{err.strerror or err}") from None
    except Exception as err:
        newer = _newer_revision(err)
        if newer is None:
            raise
        raise SlqError(
            f"{where} was written by a newer version of slq-desk (database revision {newer}); "
            "update slq-desk to open it (nothing was changed)",
            zh=f"{zh_where}由较新版本的 slq-desk 写入（数据库版本 {newer}），请先升级 slq-desk 再打开；"
               "未作任何改动。") from None


def _where(folder: Path, database_url: str | None) -> tuple[str, str]:
    """What is being opened, in English and in Chinese (never with a password)."""
    if database_url is None:
        db = folder / "workspace.db"
        return f"the workspace database {db}", f"工作区数据库“{db}”"
    from sqlalchemy.engine import make_url

    try:
        shown = make_url(database_url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 — only for the message; the open reports the bad URL itself
        return "the shared database", "共享数据库"
    return f"the shared database {shown}", f"共享数据库“{shown}”"


def _operational(err: Exception, names: tuple[str, str], database_url: str | None) -> SlqError:
    where, zh_where = names
    text = _first_line(getattr(err, "orig", err))
    if "locked" in text or "busy" in text:
        return SlqError(f"{where} is locked by another program (another slq-desk, a backup or a "
                        "sync tool); close it and open the workspace again",
                        zh=f"{zh_where}被另一个程序锁定（另一个 slq-desk 窗口、备份或同步工具），"
                           "请关闭它后重新打开工作区。")
    if database_url is not None:
        return SlqError(f"cannot reach {where}: {text}; check that the server is running and "
                        "the address is right",
                        zh=f"无法连接{zh_where}：{text}。请检查数据库服务器是否在运行、地址是否正确。")
    return SlqError(f"cannot open {where}: {text}", zh=f"无法打开{zh_where}：{text}")


def _newer_revision(err: Exception) -> str | None:
    """The revision id when Alembic does not know the database's revision (a newer schema)."""
    from alembic.util.exc import CommandError

    if not isinstance(err, CommandError):
        return None
    found = re.search(r"Can't locate revision identified by '([^']+)'", str(err))
    return found.group(1) if found else None


def _first_line(err: object) -> str:
    lines = str(err).strip().splitlines()
    return lines[0].strip() if lines else type(err).__name__
