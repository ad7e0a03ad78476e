"""Starting from nothing (desk/first_run.py): what a folder is, create/open, recent list, demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from slq_desk.desk.first_run import (
    FolderKind,
    build_demo_workspace,
    create_workspace,
    inspect_folder,
    open_existing,
    recent_workspaces,
    remember_recent,
)
from slq_desk.errors import BadInput, localised
from slq_desk.workspace import DB_NAME


def test_folder_kinds(tmp_path: Path) -> None:
    assert inspect_folder(tmp_path / "nope") is FolderKind.MISSING
    empty = tmp_path / "empty"
    empty.mkdir()
    assert inspect_folder(empty) is FolderKind.EMPTY
    (tmp_path / "f.txt").write_text("x")
    assert inspect_folder(tmp_path / "f.txt") is FolderKind.FILE
    assert inspect_folder(tmp_path) is FolderKind.OTHER
    create_workspace(empty).close()
    assert inspect_folder(empty) is FolderKind.WORKSPACE


def test_an_empty_folder_is_accepted_and_initialised(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    ws = create_workspace(folder)
    ws.close()
    assert (folder / DB_NAME).is_file()
    # A folder that does not exist yet is made.
    ws = create_workspace(tmp_path / "a" / "b")
    ws.close()
    assert (tmp_path / "a" / "b" / DB_NAME).is_file()
    # Opening it again is fine; creating "again" just opens it.
    open_existing(folder).close()
    create_workspace(folder).close()


def test_someone_elses_files_are_never_taken_over(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_text("mine")
    with pytest.raises(BadInput) as err:
        create_workspace(tmp_path)
    assert "空文件夹" in localised(err.value, True) and "empty folder" in str(err.value)
    assert not (tmp_path / DB_NAME).exists()
    with pytest.raises(BadInput):
        create_workspace(tmp_path / "thesis.docx")


def test_opening_a_non_workspace_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as err:
        open_existing(tmp_path)  # empty
    assert "新建工作区" in localised(err.value, True)
    assert not (tmp_path / DB_NAME).exists()  # opening never creates
    with pytest.raises(BadInput) as err:
        open_existing(tmp_path / "missing")
    assert "不存在" in localised(err.value, True)
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(BadInput) as err:
        open_existing(tmp_path)
    assert "不是 slq-desk 工作区" in localised(err.value, True)


def test_recent_list_keeps_live_workspaces_most_recent_first(tmp_path: Path) -> None:
    a, b, c = (tmp_path / n for n in "abc")
    for folder in (a, b):
        create_workspace(folder).close()
    recent = remember_recent([], a)
    recent = remember_recent(recent, b)
    recent = remember_recent(recent, a)
    assert recent == [str(a), str(b)]
    # c was never a workspace; a gone folder and junk drop out of what is shown.
    listed = recent_workspaces([*recent, str(c), 3, "", str(a)])
    assert listed == [a, b]
    assert len(remember_recent([str(tmp_path / f"w{i}") for i in range(20)], a)) == 8


def test_demo_build_reports_each_step_and_can_stop(tmp_path: Path) -> None:
    steps: list[str] = []

    class Stop(Exception):
        pass

    def progress(done: int, total: int, step: str) -> None:
        steps.append(step)
        if step.startswith("import:") and len([s for s in steps if s.startswith("import:")]) == 2:
            raise Stop()

    with pytest.raises(Stop):
        build_demo_workspace(tmp_path / "demo", progress)
    assert steps[0] == "generate" and steps[1].startswith("import:")
    # Stopped after one package: that one stays, the workspace still opens.
    from slq_desk.desk.service import Desk

    ws = open_existing(tmp_path / "demo")
    try:
        assert len(Desk(ws).application_ids()) == 1
    finally:
        ws.close()
