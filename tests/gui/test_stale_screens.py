"""Issue 19 item 12: no screen outlives what it shows — every dock and tab resets when the
workspace changes; the verify window's lines come from one verdict; the demo panel's
applications open their documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from slq_desk.ui.review_tabs.scoring_tab import Phase
from slq_desk.workspace import Workspace

APP = "hunan-clean-1"


def _switch(win: object, folder: Path) -> None:
    assert win.open_workspace_folder(folder)  # type: ignore[attr-defined]


def _assert_empty(win: object) -> None:
    tab = win.scoring_tab  # type: ignore[attr-defined]
    assert win.application_id is None  # type: ignore[attr-defined]
    assert tab.application_id is None and tab.phase is Phase.EMPTY and tab.computed is None
    assert "—" in tab.computed_label.text() and "318" not in tab.computed_label.text()
    assert not tab.coi_box.isEnabled() and not tab.coi_none.isEnabled()
    assert not tab.submit_button.isEnabled() and not tab.form.isEnabled()
    assert "未打开" in tab.app_header.text()
    assert win.checklist_tab.data is None  # type: ignore[attr-defined]
    assert win.calculation_tab.data is None  # type: ignore[attr-defined]
    for pane in (win.left_pane, win.right_pane):  # type: ignore[attr-defined]
        assert pane.doc is None
    assert APP not in win.review_placeholder.text()  # type: ignore[attr-defined]


def test_switching_workspace_resets_every_dock_and_tab(review_window: object, review_ws_path: Path,
                                                       tmp_path: Path) -> None:
    win = review_window
    assert win.open_application(APP)  # type: ignore[attr-defined]
    tab = win.scoring_tab  # type: ignore[attr-defined]
    assert tab.declare_no_conflict() and tab.computed is not None
    assert tab.phase is Phase.DRAFT and tab.form.isEnabled()
    # A workspace with the same application ids (a copy): nothing of the first may show.
    twin = tmp_path / "twin"
    shutil.copytree(review_ws_path, twin)
    for wal in twin.glob("workspace.db-*"):
        wal.unlink()
    _switch(win, twin)
    _assert_empty(win)
    # An empty workspace: still nothing, and the list says so.
    empty = tmp_path / "empty"
    Workspace.open(empty, create=True).close()
    _switch(win, empty)
    _assert_empty(win)
    assert win.app_model.rowCount() == 0  # type: ignore[attr-defined]


def test_review_data_loaded_from_the_previous_workspace_is_dropped(review_window: object) -> None:
    from slq_desk.desk.service import Desk

    win = review_window
    assert win.open_application(APP)  # type: ignore[attr-defined]
    desk = win.desk  # type: ignore[attr-defined]
    result = (desk.checklist(APP), desk.calculation(APP))
    win.checklist_tab.set_data(None)  # type: ignore[attr-defined]
    # Loaded through another Desk (the workspace before a switch, holding the same ids): dropped.
    win._show_review_data(APP, result, Desk(desk.workspace))  # type: ignore[attr-defined]
    assert win.checklist_tab.data is None  # type: ignore[attr-defined]
    win._show_review_data(APP, result, desk)  # type: ignore[attr-defined]
    assert win.checklist_tab.data is not None  # type: ignore[attr-defined]
