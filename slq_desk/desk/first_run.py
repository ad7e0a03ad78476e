"""Starting from nothing: what a folder is, creating and opening workspaces, the demo build,
the recent-workspaces list. Qt-free; the window's start page and the CLI call it.

A folder chosen for a workspace is one of: an existing workspace, an empty (or not yet
existing) folder that a new workspace may be made in, a folder with other files in it (never
taken over: the person's files stay theirs), or not a folder at all. Each refusal says why and
what to do instead, in English (``str``) and Chinese (``zh``), as ``BadInput`` always does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.workspace import DB_NAME, MARKER, Workspace

Report = Callable[[int, int, str], None]
RECENT_LIMIT = 8


class FolderKind(Enum):
    WORKSPACE = "workspace"  # has workspace.db or the marker
    EMPTY = "empty"  # exists and holds nothing: a new workspace may be made here
    MISSING = "missing"  # does not exist yet: created with the workspace
    OTHER = "other"  # holds other files: never turned into a workspace
    FILE = "file"  # not a folder


def inspect_folder(folder: str | os.PathLike[str]) -> FolderKind:
    path = Path(folder).expanduser()
    if not path.exists():
        return FolderKind.MISSING
    if not path.is_dir():
        return FolderKind.FILE
    if (path / DB_NAME).exists() or (path / MARKER).exists():
        return FolderKind.WORKSPACE
    try:
        empty = not any(path.iterdir())
    except OSError:
        return FolderKind.OTHER
    return FolderKind.EMPTY if empty else FolderKind.OTHER


def create_workspace(folder: str | os.PathLike[str]) -> Workspace:
    """A new workspace in an empty or new folder; an existing workspace is simply opened."""
    path = Path(folder).expanduser()
    kind = inspect_folder(path)
    if kind is FolderKind.FILE:
        raise BadInput(f"{path} is a file; choose a folder for the workspace",
                       zh=f"“{path}”是文件，不是文件夹；请选择一个文件夹作为工作区。")
    if kind is FolderKind.OTHER:
        raise BadInput(f"{path} already holds other files; choose an empty folder (or create a new "
                       "one) for the workspace",
                       zh=f"“{path}”中已有其他文件，不能作为新工作区。请选择一个空文件夹，或新建一个文件夹。")
    try:
        return Workspace.open(path, create=True)
    except OSError as err:
        raise BadInput(f"cannot create a workspace in {path}: {err.strerror or err}",
                       zh=f"无法在“{path}”中创建工作区：{err.strerror or err}") from None


def open_existing(folder: str | os.PathLike[str]) -> Workspace:
    """Open a workspace; a folder that is not one gets a refusal saying what it is instead."""
    path = Path(folder).expanduser()
    kind = inspect_folder(path)
    if kind is FolderKind.MISSING:
        raise BadInput(f"no folder {path}", zh=f"文件夹“{path}”不存在。")
    if kind is FolderKind.FILE:
        raise BadInput(f"{path} is a file, not a workspace folder",
                       zh=f"“{path}”是文件，不是工作区文件夹。")
    if kind is FolderKind.EMPTY:
        raise BadInput(f"{path} is empty: create a new workspace there instead",
                       zh=f"“{path}”是空文件夹，还不是工作区。请用“新建工作区”在这里创建一个。")
    if kind is FolderKind.OTHER:
        raise BadInput(f"{path} is not an slq-desk workspace (no {DB_NAME})",
                       zh=f"“{path}”不是 slq-desk 工作区（没有 {DB_NAME}）。")
    # A newer schema, a locked or damaged database: a sentence, not a traceback.
    from slq_desk.desk.opening import open_workspace_clearly

    return open_workspace_clearly(path, create=False)


def build_demo_workspace(folder: str | os.PathLike[str], progress: Report | None = None,
                         seed: int = 1, panel: bool = False) -> Path:
    """Generate the demo packages into ``folder/demo-packages``, import each through the real
    importer, run the 初审 checks, optionally build the demo panel — what ``slq-desk
    demo-workspace`` does, for the window's start page. ``progress(done, total, step)`` is
    called before each step, ``step`` being ``generate``, ``import:<id>``, ``check:<id>``,
    ``panel`` or ``done`` (the window words them in its language); raising from it stops the
    build, and what was imported stays (one transaction per package). Returns the folder."""
    ws = create_workspace(folder)
    try:
        fill_demo_workspace(ws, progress, seed=seed, panel=panel)
        return ws.path
    finally:
        ws.close()


def fill_demo_workspace(ws: Workspace, progress: Report | None = None, seed: int = 1,
                        panel: bool = False,
                        imported: Callable[[str, Any], None] | None = None) -> int:
    """The demo build into an open workspace (a folder or the shared database): the steps of
    ``build_demo_workspace``; ``imported(id, result)`` hears each package's import result.
    Packages already imported (same bytes) are recognised, not imported twice. Returns the
    number of packages."""
    from slq_desk.demo.generate import generate_packages
    from slq_desk.desk.service import Desk
    from slq_desk.extract.ocr import CACHE_DIR
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import ParseWorker

    report = progress or (lambda _d, _t, _s: None)
    report(0, 0, "generate")
    out = ws.path / "demo-packages"
    index = generate_packages(out, seed=seed)
    total = 2 * len(index) + (1 if panel else 0)
    done = 0
    # One reader process for every package: each start costs an interpreter and PyMuPDF.
    with ParseWorker(ocr_cache=ws.path / CACHE_DIR) as reader:
        for entry in index:
            report(done, total, f"import:{entry['id']}")
            result = import_package(ws, out / str(entry["path"]), reader=reader)
            if imported is not None:
                imported(str(entry["id"]), result)
            done += 1
    desk = Desk(ws)
    for app_id in desk.application_ids():
        report(done, total, f"check:{app_id}")
        desk.run_checks(app_id)
        done += 1
    if panel:
        from slq_desk.panel.demo import build_demo_panel

        report(done, total, "panel")
        build_demo_panel(ws, seed)
        done += 1
    report(done, total, "done")
    return len(index)


def recent_workspaces(paths: Iterable[object], limit: int = RECENT_LIMIT) -> list[Path]:
    """The remembered paths that are still workspaces, most recent first, each once."""
    seen: set[Path] = set()
    kept: list[Path] = []
    for raw in paths:
        if not isinstance(raw, str) or not raw.strip():
            continue
        path = Path(raw).expanduser()
        key = path.resolve() if path.exists() else path
        if key in seen or inspect_folder(path) is not FolderKind.WORKSPACE:
            continue
        seen.add(key)
        kept.append(path)
        if len(kept) >= limit:
            break
    return kept


def remember_recent(paths: Iterable[object], opened: str | os.PathLike[str],
                    limit: int = RECENT_LIMIT) -> list[str]:
    """The recent list with ``opened`` in front (moved there if it was already listed)."""
    first = Path(opened).expanduser()
    first_key = first.resolve() if first.exists() else first
    rest = [p for p in paths if isinstance(p, str) and p.strip()]
    out = [str(first)]
    for raw in rest:
        path = Path(raw).expanduser()
        key = path.resolve() if path.exists() else path
        if key != first_key and str(path) not in out:
            out.append(str(path))
    return out[:limit]
