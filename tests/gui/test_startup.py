"""The window shows first and the workspace opens after (ui/startup.py, issue 18 item 1).

The opening operation is held back (its ``launch`` keeps it instead of starting it), so the
window can be looked at before the workspace is open; then it runs here, on the UI thread.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from slq_desk.ui import operations

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot: Any, settings: object) -> Any:
    from slq_desk.ui.main_window import MainWindow

    win = MainWindow(None, settings)  # type: ignore[arg-type]
    win.resize(1400, 900)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _held_open(win: Any, folder: Path, **kwargs: Any) -> operations.Operation:
    from slq_desk.ui.startup import open_in_background

    held: list[operations.Operation] = []

    def hold(op: operations.Operation) -> operations.Operation:
        held.append(op)
        return op

    op = open_in_background(win, folder, launch=hold, **kwargs)
    assert held == [op]
    assert not op.is_done  # held back: the workspace is not open
    return op


def _first_application(folder: Path) -> str:
    with sqlite3.connect(folder / "workspace.db") as db:
        return str(db.execute("SELECT id FROM application ORDER BY id LIMIT 1").fetchone()[0])


def test_the_window_shows_before_the_workspace_opens(qtbot: Any, workspace_path: Path,
                                                     settings: object) -> None:
    from slq_desk.ui.startup import WorkspaceOpening

    win = _window(qtbot, settings)
    try:
        op = _held_open(win, workspace_path)
        # Shown, with the panes and the list in place, saying it is opening; no workspace yet.
        assert win.isVisible() and not win.showing_start_page()
        assert win.application_dock.isVisible()
        opening = win.app_stack.currentWidget()
        assert isinstance(opening, WorkspaceOpening) and opening.isVisible()
        assert opening.title.text() == "正在打开工作区…"
        assert str(workspace_path) in opening.path.text()
        assert win.workspace is None and win.desk is None and win.app_model.rowCount() == 0
        assert workspace_path.name in win.windowTitle()
        needs_workspace = win.workspace_actions()
        assert win.import_zip_action in needs_workspace and win.signing.sign_action in needs_workspace
        assert not any(action.isEnabled() for action in needs_workspace)

        op.run()  # the worker's part, here; its report reaches the window like a worker's
        qtbot.waitUntil(lambda: win.workspace is not None)
        assert win.opening is None
        assert win.app_model.rowCount() == win.desk.applications().__len__() > 0
        assert win.app_stack.currentWidget() is win.app_table
        assert all(action.isEnabled() for action in win.workspace_actions())
        assert "WorkspaceOpening" not in [w.objectName() for w in
                                          (win.app_stack.widget(i) for i in range(win.app_stack.count()))
                                          if w is not None and not w.isHidden()]
        # Remembered as the last workspace, as opening it from the start page does.
        assert Path(str(win.settings.value("workspace/last"))) == workspace_path.resolve()
    finally:
        win.close()
        win.shutdown()


def test_the_application_asked_for_opens_once_the_workspace_is_open(
        qtbot: Any, workspace_path: Path, settings: object) -> None:
    win = _window(qtbot, settings)
    try:
        first = _first_application(workspace_path)
        op = _held_open(win, workspace_path, open_app=first, tab=2)
        assert win.application_id is None
        op.run()
        qtbot.waitUntil(lambda: win.application_id == first)
        assert win.review_tabs.currentIndex() == 2
    finally:
        win.close()
        win.shutdown()


def test_on_a_laptop_the_application_asked_for_shows_its_review_tabs_not_the_list(
        qtbot: Any, workspace_path: Path, settings: object) -> None:
    """The list and the review tabs share a dock column there; `--open APP --tab` asks for the tabs."""
    win = _window(qtbot, settings)
    win.resize(1366, 728)
    try:
        first = _first_application(workspace_path)
        op = _held_open(win, workspace_path, open_app=first, tab=0)
        op.run()
        qtbot.waitUntil(lambda: win.application_id == first and win._docks_sized)
        assert win.application_dock in win.tabifiedDockWidgets(win.review_dock)  # one column
        qtbot.waitUntil(lambda: not win.review_dock.visibleRegion().isEmpty())
        assert win.application_dock.visibleRegion().isEmpty()
        assert win.review_tabs.currentIndex() == 0
    finally:
        win.close()
        win.shutdown()


def test_an_unknown_application_opens_the_workspace_and_says_so(
        qtbot: Any, workspace_path: Path, settings: object) -> None:
    win = _window(qtbot, settings)
    try:
        op = _held_open(win, workspace_path, open_app="NO-SUCH-APP")
        op.run()
        qtbot.waitUntil(lambda: win.workspace is not None)
        assert win.application_id is None
        assert "NO-SUCH-APP" in win.statusBar().currentMessage()
    finally:
        win.close()
        win.shutdown()


def test_a_failed_open_shows_the_message_on_the_start_page(
        qtbot: Any, workspace_path: Path, settings: object) -> None:
    with sqlite3.connect(workspace_path / "workspace.db") as db:  # written by a newer slq-desk
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    win = _window(qtbot, settings)
    failures: list[BaseException] = []
    try:
        op = _held_open(win, workspace_path, on_failed=failures.append)
        op.run()
        qtbot.waitUntil(lambda: win.showing_start_page())
        message = win.start_page.message
        assert message.isVisible()
        assert "未能打开工作区" in message.text() and "较新版本" in message.text()
        assert "9999" in message.text() and "Traceback" not in message.text()
        assert win.workspace is None and win.opening is None
        assert not any(action.isEnabled() for action in win.workspace_actions())
        assert len(failures) == 1 and "newer version" in str(failures[0])
        # Nothing was changed: the newer revision is still there.
        with sqlite3.connect(workspace_path / "workspace.db") as db:
            assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999"
    finally:
        win.close()
        win.shutdown()


def test_another_workspace_chosen_while_opening_wins(qtbot: Any, workspace_path: Path,
                                                     tmp_path: Path, settings: object) -> None:
    from slq_desk.desk import first_run

    win = _window(qtbot, settings)
    try:
        op = _held_open(win, workspace_path)
        other = first_run.create_workspace(tmp_path / "other")
        win.adopt_workspace(other)
        op.run()  # finishes after: its workspace is closed, not adopted
        qtbot.wait(10)
        assert win.workspace is other and win.opening is not op
    finally:
        win.close()
        win.shutdown()


def test_nothing_heavy_is_imported_before_the_window_shows(tmp_path: Path) -> None:
    """A fresh interpreter builds and shows the empty window: no SQLAlchemy, models, PyMuPDF,
    ReportLab, pyHanko or OCR engine by then (the workspace's worker imports them after)."""
    script = (
        "import sys\n"
        "from slq_desk.ui.app import create_application\n"
        "app = create_application(language='zh_CN')\n"
        "from PySide6.QtCore import QSettings\n"
        "from slq_desk.ui.main_window import MainWindow\n"
        f"w = MainWindow(None, QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat),"
        " remember_geometry=False)\n"
        "w.show()\n"
        "app.processEvents()\n"
        "heavy = ('sqlalchemy', 'alembic', 'slq_desk.models', 'slq_desk.desk.service', 'pymupdf',"
        " 'fitz', 'reportlab', 'pyhanko', 'rapidocr_onnxruntime', 'onnxruntime', 'stdnum',"
        " 'pypdfium2')\n"
        "print(','.join(m for m in heavy if m in sys.modules) or 'none')\n"
        "w.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               SLQ_DESK_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    runs = [subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True,
                           text=True, timeout=120, check=False) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    # The very first start reads the CJK font out of PyMuPDF once, to keep a copy (qt_fonts.py);
    # every start after it is the one measured.
    assert runs[0].stdout.strip().splitlines()[-1] in ("none", "pymupdf"), runs[0].stdout
    assert runs[1].stdout.strip().splitlines()[-1] == "none", runs[1].stdout


def test_the_start_page_says_why_a_newer_workspace_does_not_open(
        qtbot: Any, workspace_path: Path, settings: object) -> None:
    with sqlite3.connect(workspace_path / "workspace.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    win = _window(qtbot, settings)
    try:
        assert win.showing_start_page()
        assert win.start_page.open_folder(workspace_path) is False
        assert win.start_page.message.isVisible() and "较新版本" in win.start_page.message.text()
        assert win.workspace is None
    finally:
        win.close()
        win.shutdown()
