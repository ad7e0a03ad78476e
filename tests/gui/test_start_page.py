"""The start page: create / open / demo workspace inside the window, recent workspaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from slq_desk.desk.first_run import FolderKind, inspect_folder
from slq_desk.ui.main_window import MainWindow
from slq_desk.ui.start_page import PATH_ROLE
from slq_desk.workspace import DB_NAME


@pytest.fixture()
def bare(qtbot, settings):
    win = MainWindow(None, settings)
    win.synchronous_operations = True
    win.resize(1366, 728)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.shutdown()


def test_no_workspace_shows_the_start_page_not_empty_panes(bare):
    win = bare
    assert win.showing_start_page() and win.start_page.isVisible()
    assert not win.application_dock.isVisible() and not win.review_dock.isVisible()
    for button in (win.start_page.new_button, win.start_page.open_button, win.start_page.demo_button):
        assert button.isVisible() and button.isEnabled()
    for pane in (win.left_pane, win.right_pane):
        assert "该申报没有材料" not in pane.message_label.text()
        assert pane.message_label.text() == "尚未打开工作区。"
    assert win.start_page.no_recent.isVisible()
    assert "命令行" not in win.app_message.text() and "slq-desk demo" not in win.app_message.text()


def test_an_empty_folder_becomes_a_workspace(bare, tmp_path):
    win = bare
    folder = tmp_path / "new-ws"
    folder.mkdir()
    assert win.start_page.create_in(folder)
    assert (folder / DB_NAME).is_file()
    assert win.workspace is not None and win.workspace.path == folder.resolve()
    assert not win.showing_start_page()
    assert win.application_dock.isVisible() and win.review_dock.isVisible()
    # An open workspace with nothing opened yet does not claim "no documents" either.
    assert "该申报没有材料" not in win.left_pane.message_label.text()
    assert "生成演示工作区" in win.app_message.text()
    # Back to the start page: the workspace is listed as recent and opens from there.
    win.close_workspace()
    assert win.showing_start_page() and win.workspace is None
    page = win.start_page
    assert page.recent.isVisible() and page.recent.count() == 1
    page.recent.itemActivated.emit(page.recent.item(0))
    assert win.workspace is not None and win.workspace.path == folder.resolve()


def test_a_folder_with_other_files_is_refused_with_a_reason(bare, tmp_path):
    win = bare
    (tmp_path / "notes.txt").write_text("mine")
    assert not win.start_page.create_in(tmp_path)
    assert win.workspace is None and not (tmp_path / DB_NAME).exists()
    message = win.start_page.message
    assert message.isVisible() and "已有其他文件" in message.text() and "空文件夹" in message.text()
    assert not win.start_page.open_folder(tmp_path)
    assert "不是 slq-desk 工作区" in message.text()


def test_opening_an_empty_folder_offers_to_create_it(bare, qtbot, tmp_path):
    win = bare
    page = win.start_page
    assert not page.open_folder(tmp_path)
    assert inspect_folder(tmp_path) is FolderKind.EMPTY  # nothing made behind the person's back
    assert page.create_here_button.isVisible() and "空文件夹" in page.message.text()
    page.create_here_button.click()
    assert win.workspace is not None and (tmp_path / DB_NAME).is_file()


def test_demo_build_can_be_cancelled_and_leaves_a_usable_workspace(bare, tmp_path):
    win = bare
    page = win.start_page
    steps: list[tuple[int, int, str]] = []

    def on_progress(done: int, total: int, step: str) -> None:
        steps.append((done, total, step))
        assert page.progress_box.isVisible() and not page.demo_button.isEnabled()
        if step.startswith("import:"):
            page.cancel_demo()  # the package being imported finishes, then it stops

    folder = tmp_path / "demo"
    original = win.run_operation

    def run(operation):
        operation.progress.connect(on_progress)
        return original(operation)

    win.run_operation = run  # type: ignore[method-assign]
    page.build_demo(folder)
    assert steps[0][2] == "generate" and steps[1][2].startswith("import:")
    assert win.workspace is None and win.showing_start_page()
    assert "已取消" in page.message.text() and not page.progress_box.isVisible()
    assert page.demo_button.isEnabled()
    assert inspect_folder(folder) is FolderKind.WORKSPACE
    assert page.open_folder(folder)
    assert win.app_model.rowCount() == 1


def test_demo_build_runs_off_the_ui_thread_and_opens_the_workspace(bare, qtbot, tmp_path):
    win = bare
    win.synchronous_operations = False
    page = win.start_page
    seen: list[str] = []
    op = page.build_demo(tmp_path / "demo")
    assert op is not None
    op.progress.connect(lambda _d, _t, step: seen.append(step))
    assert page.progress_box.isVisible()
    qtbot.waitUntil(lambda: win.workspace is not None, timeout=300_000)
    assert any(s.startswith("check:") for s in seen)
    assert win.app_model.rowCount() == 16
    assert not page.progress_box.isVisible()
    # Back on the start page, the demo is the first recent workspace.
    win.close_workspace()
    assert Path(page.recent.item(0).data(PATH_ROLE)) == (tmp_path / "demo")
