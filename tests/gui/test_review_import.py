"""Opening a package: by the menu's path, by drag-and-drop, cancellable, off the UI thread."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from slq_desk.models import Application
from slq_desk.ui import operations
from tests.gui.review_factory import NOT_IMPORTED


def _count(win) -> int:
    with win.workspace.session() as s:
        return s.query(Application).count()


def test_import_package_opens_it_with_findings_and_amount(review_window, review_template):
    win = review_window
    op = win.import_package(review_template[1])
    assert op.done.is_set() and op.error is None
    app_id = op.result.application_id
    assert app_id == NOT_IMPORTED
    assert win.application_id == app_id  # opened at once
    assert win.app_model.row_of(app_id) >= 0
    row = win.app_model.rows[win.app_model.row_of(app_id)]
    assert row.computed_subsidy is not None and row.computed_subsidy > 0  # checks ran
    assert win.checklist_tab.data.application_id == app_id
    assert win.left_pane.documents()


def test_cancel_during_import_writes_nothing(review_window, review_template, qtbot):
    win = review_window
    before = _count(win)
    op = operations.import_operation(win.workspace, review_template[1])
    seen: list[str] = []
    op.progress.connect(lambda d, t, name: (seen.append(name), op.cancel()))
    cancelled: list[bool] = []
    op.cancelled.connect(lambda: cancelled.append(True))
    op.run()
    assert cancelled == [True] and op.error is None
    assert _count(win) == before


def test_import_runs_off_the_ui_thread(review_window, review_template, qtbot):
    win = review_window
    win.synchronous_operations = False
    threads: list[object] = []
    op = operations.import_operation(win.workspace, review_template[1], run_checks_after=False)
    original = op._work
    op._work = lambda report: (threads.append(threading.current_thread()), original(report))[1]
    with qtbot.waitSignal(op.finished, timeout=30000):
        win.run_operation(op)
    assert threads and threads[0] is not threading.main_thread()


def test_drop_of_folder_or_zip_is_accepted_and_imported(review_window, review_template, tmp_path, qtbot):
    win = review_window
    archive = Path(shutil.make_archive(str(tmp_path / NOT_IMPORTED), "zip", review_template[1]))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(archive))])
    enter = QDragEnterEvent(QPointF(10, 10).toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    text = QMimeData()
    text.setUrls([QUrl.fromLocalFile(str(tmp_path / "note.txt"))])
    (tmp_path / "note.txt").write_text("x")
    refused = QDragEnterEvent(QPointF(10, 10).toPoint(), Qt.DropAction.CopyAction, text,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dragEnterEvent(refused)
    assert not refused.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dropEvent(drop)
    qtbot.waitUntil(lambda: win.application_id == NOT_IMPORTED, timeout=30000)
