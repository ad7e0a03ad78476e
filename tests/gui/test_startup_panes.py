"""The viewer panes are built after the window's first paint (issue 18, item 1).

Until then a stand-in of their size says what they would say; whatever needs the panes before
they are built (opening an application, from the list or the command line, Ctrl+L, Alt+2, a
test) builds them on the spot. Windows here are mostly left hidden, so the panes are not built
behind the test's back (the window builds them once it has painted).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from slq_desk.ui import operations
from tests.gui.helpers import WAIT_MS

ROOT = Path(__file__).resolve().parents[2]


def _hidden(qtbot: Any, settings: object, workspace: object = None) -> Any:
    from slq_desk.ui.main_window import MainWindow

    win = MainWindow(workspace, settings)  # type: ignore[arg-type]
    win.resize(1400, 900)
    qtbot.addWidget(win)
    return win


def _first_application(folder: Path) -> str:
    with sqlite3.connect(folder / "workspace.db") as db:
        return str(db.execute("SELECT id FROM application ORDER BY id LIMIT 1").fetchone()[0])


def test_the_stand_in_until_the_window_has_painted_then_the_panes(qtbot: Any, workspace_path: Path,
                                                                  settings: object) -> None:
    from slq_desk.workspace import Workspace

    win = _hidden(qtbot, settings, Workspace.open(workspace_path))
    try:
        assert win.viewer_panes_if_built() is None
        stand_in = win.panes_placeholder
        assert win.central_stack.currentWidget() is stand_in
        assert [half.text() for half in stand_in.halves] == ["请在左侧申报列表中打开一份申报。"] * 2
        assert win.is_settled()  # nothing waits while the window is not shown

        with qtbot.waitSignal(win.viewer_panes_built, timeout=WAIT_MS):
            win.show()  # painted, then the panes
        left, right = win.viewer_panes_if_built()
        assert (left.objectName(), right.objectName()) == ("LeftPane", "RightPane")
        assert win.central_stack.currentWidget() is win.splitter
        stack = win.central_stack  # the stand-in left it (and is deleted later)
        assert {stack.widget(i) for i in range(stack.count())} == {win.splitter, win.start_page}
        assert left.message == right.message == "请在左侧申报列表中打开一份申报。"
        qtbot.waitUntil(win.is_settled, timeout=WAIT_MS)
        # Tab walks the panes now (the tab order was set again when they were built).
        chain = win.keyboard.chain()
        assert left.picker in chain and right.view in chain
        assert chain.index(win.app_table) < chain.index(left.picker) < chain.index(win.review_tabs)
    finally:
        win.close()
        win.shutdown()


def test_the_stand_in_is_as_wide_as_the_panes(qtbot: Any, settings: object) -> None:
    """The docks keep their place when the panes take the stand-in's."""
    win = _hidden(qtbot, settings)
    try:
        before = win.panes_placeholder.minimumSizeHint().width()
        assert before == win.splitter.minimumSizeHint().width()
    finally:
        win.close()
        win.shutdown()


def test_opening_an_application_before_the_panes_are_built_builds_them(
        qtbot: Any, workspace_path: Path, settings: object) -> None:
    from slq_desk.workspace import Workspace

    win = _hidden(qtbot, settings, Workspace.open(workspace_path))
    win.synchronous_operations = True
    try:
        assert win.viewer_panes_if_built() is None
        first = _first_application(workspace_path)
        assert win.open_application(first)
        assert win.viewer_panes_if_built() is not None
        assert win.left_pane.documents() and win.left_pane.doc is not None
        assert win.central_stack.currentWidget() is win.splitter
    finally:
        win.close()
        win.shutdown()


def test_the_command_line_application_opens_in_panes_built_on_demand(
        qtbot: Any, workspace_path: Path, settings: object) -> None:
    """``slq-desk gui WS --open APP``: the workspace may be open before the panes are."""
    from slq_desk.ui.startup import open_in_background

    win = _hidden(qtbot, settings)
    try:
        held: list[operations.Operation] = []
        first = _first_application(workspace_path)
        op = open_in_background(win, workspace_path, open_app=first, tab=2,
                                launch=lambda o: held.append(o) or o)
        assert win.viewer_panes_if_built() is None
        assert [half.text() for half in win.panes_placeholder.halves] == ["正在打开工作区…"] * 2
        op.run()
        qtbot.waitUntil(lambda: win.application_id == first, timeout=WAIT_MS)
        assert win.viewer_panes_if_built() is not None
        assert win.left_pane.doc is not None
        assert win.left_pane.doc.key in {doc.key for doc in win.desk.documents(first)}
        assert win.review_tabs.currentIndex() == 2
    finally:
        win.close()
        win.shutdown()


def test_shortcuts_before_the_panes_are_built_build_them(qtbot: Any, workspace_path: Path,
                                                         settings: object) -> None:
    from slq_desk.workspace import Workspace

    win = _hidden(qtbot, settings, Workspace.open(workspace_path))
    try:
        assert win.viewer_panes_if_built() is None
        win.sync_action.trigger()  # Ctrl+L
        assert win.viewer_panes_if_built() is not None
        assert win.sync.enabled and win.sync_action.isChecked()
        win.sync_action.trigger()
        assert not win.sync.enabled
    finally:
        win.close()
        win.shutdown()
    other = _hidden(qtbot, settings, Workspace.open(workspace_path))
    try:
        assert other.viewer_panes_if_built() is None
        assert other.keyboard.region_of(other.search_edit) == "list"  # no panes to look in
        assert other.keyboard.focus_region("left")  # Alt+2
        assert other.viewer_panes_if_built() is not None
        assert other.keyboard.entry("left") is other.left_pane.picker
    finally:
        other.close()
        other.shutdown()


def test_alt_2_typed_before_the_panes_are_built(qtbot: Any, workspace_path: Path,
                                                settings: object) -> None:
    from slq_desk.workspace import Workspace

    win = _hidden(qtbot, settings, Workspace.open(workspace_path))
    try:
        # Shown, but held in the gap before the panes are built (as if not painted yet).
        win._panes_scheduled = True
        win.show()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        assert win.viewer_panes_if_built() is None
        QTest.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is win.left_pane.picker, timeout=WAIT_MS)
        assert win.keyboard.region_of(QApplication.focusWidget()) == "left"
    finally:
        win.close()
        win.shutdown()


def test_the_saved_split_is_restored_on_panes_built_after_the_first_paint(
        qtbot: Any, workspace_path: Path, tmp_path: Path) -> None:
    from slq_desk.workspace import Workspace

    path = str(tmp_path / "split.ini")
    win = _hidden(qtbot, QSettings(path, QSettings.Format.IniFormat), Workspace.open(workspace_path))
    try:
        with qtbot.waitSignal(win.viewer_panes_built, timeout=WAIT_MS):
            win.show()
        qtbot.waitUntil(lambda: win.splitter.sizes()[0] > 0, timeout=WAIT_MS)
        total = sum(win.splitter.sizes())
        win.splitter.setSizes([total // 4, total - total // 4])
        saved = win.splitter.saveState()
        win.close()
    finally:
        win.shutdown()
    assert QSettings(path, QSettings.Format.IniFormat).value("window/splitter") == saved

    again = _hidden(qtbot, QSettings(path, QSettings.Format.IniFormat), Workspace.open(workspace_path))
    try:
        assert again.viewer_panes_if_built() is None
        with qtbot.waitSignal(again.viewer_panes_built, timeout=WAIT_MS):
            again.show()
        qtbot.waitUntil(lambda: again.splitter.saveState() == saved, timeout=WAIT_MS)
    finally:
        again.close()
        again.shutdown()


def test_closed_before_the_panes_are_built_keeps_the_saved_split(
        qtbot: Any, workspace_path: Path, tmp_path: Path) -> None:
    from slq_desk.workspace import Workspace

    path = str(tmp_path / "split.ini")
    saved = QByteArray(b"not a split the window made")
    settings = QSettings(path, QSettings.Format.IniFormat)
    settings.setValue("window/splitter", saved)
    win = _hidden(qtbot, settings, Workspace.open(workspace_path))
    win.close()  # never shown: the panes were never built
    win.shutdown()
    assert win.viewer_panes_if_built() is None
    assert QSettings(path, QSettings.Format.IniFormat).value("window/splitter") == saved


def test_the_viewer_is_not_imported_to_build_the_window(tmp_path: Path) -> None:
    """A fresh interpreter builds the empty window without the viewer's modules; they come
    once it is shown and has painted."""
    script = (
        "import sys\n"
        "from slq_desk.ui.app import create_application\n"
        "app = create_application(language='zh_CN')\n"
        "from PySide6.QtCore import QSettings\n"
        "from slq_desk.ui.main_window import MainWindow\n"
        f"w = MainWindow(None, QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat),"
        " remember_geometry=False)\n"
        "viewer = ('slq_desk.ui.viewer.pane', 'slq_desk.ui.viewer.page_view',"
        " 'slq_desk.ui.viewer.render_service', 'slq_desk.ui.viewer.text_service')\n"
        "print(','.join(m for m in viewer if m in sys.modules) or 'none')\n"
        "w.build_viewer_panes()\n"
        "print(','.join(m for m in viewer if m not in sys.modules) or 'all')\n"
        "w.close()\n"
        "w.shutdown()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               SLQ_DESK_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-2:] == ["none", "all"], run.stdout
