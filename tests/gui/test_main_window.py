"""The main window shell: application list, empty states, review dock, remembered geometry."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QLabel

from slq_desk.ui.main_window import MainWindow
from slq_desk.workspace import Workspace
from tests.gui.factory import DocSpec, make_pdf, make_workspace
from tests.gui.helpers import WAIT_MS


def _window(qtbot, workspace, settings, **kwargs) -> MainWindow:
    win = MainWindow(workspace, settings, **kwargs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_application_list_shows_policy_applicant_status_and_count(window, qtbot):
    model = window.app_model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    # Issue 7 added the computed subsidy and the blocking count (none: no checks ran here).
    assert row == ["WH-2026-001", "武汉 2026", "武汉示例算力科技有限公司1号", "待初审", "5", "—", ""]
    assert [model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(5)] == ["编号", "政策", "申报单位", "状态", "材料"]
    assert window.app_stack.currentWidget() is window.app_table
    window.app_table.clicked.emit(model.index(0, 2))
    assert window.application_id == "WH-2026-001"
    qtbot.waitUntil(window.is_settled, timeout=WAIT_MS)
    assert window.left_pane.is_loaded() and window.right_pane.is_loaded()


def test_unknown_application_is_refused(window):
    assert not window.open_application("NO-SUCH")
    assert window.application_id is None


def test_empty_workspace_says_so(qtbot, tmp_path, settings):
    win = _window(qtbot, Workspace.open(tmp_path / "empty"), settings)
    assert win.app_stack.currentWidget() is win.app_message
    assert "工作区中还没有申报材料" in win.app_message.text()
    assert "生成演示工作区" in win.app_message.text()
    assert win.left_pane.stack.currentWidget() is win.left_pane.message_label
    win.close()


def test_no_workspace_says_how_to_get_one(qtbot, settings):
    win = _window(qtbot, None, settings)
    assert "尚未打开工作区" in win.app_message.text()
    assert win.is_settled()
    win.close()


def test_review_dock_is_titled_and_takes_tabs(window):
    assert window.review_dock.windowTitle() == "检查清单 / 评分 / 测算"
    assert window.review_placeholder.isVisible() and not window.review_tabs.isVisible()
    index = window.add_review_tab(QLabel("x"), "初审")
    # Added at once, shown with the others when an application opens.
    assert window.review_tabs.widget(index).parent() is not None
    assert window.review_placeholder.isVisible() and not window.review_tabs.isVisible()
    window.open_application(window.desk.application_ids()[0])
    assert window.review_tabs.isVisible() and not window.review_placeholder.isVisible()
    assert window.review_tabs.tabText(index) == "初审"


def test_geometry_and_splitter_are_remembered(qtbot, workspace_path, tmp_path):
    ini = str(tmp_path / "geometry.ini")
    first = _window(qtbot, Workspace.open(workspace_path), QSettings(ini, QSettings.Format.IniFormat))
    # The offscreen screen is 800×800 and restoring clamps to the screen, so stay inside it.
    first.setGeometry(QRect(20, 40, 760, 690))
    first.review_dock.hide()
    qtbot.waitUntil(lambda: first.size().width() == 760)
    qtbot.wait(50)  # let the dock layout settle before sizing the splitter
    total = sum(first.splitter.sizes())
    first.splitter.setSizes([total // 3, total - total // 3])
    qtbot.wait(50)
    sizes = first.splitter.sizes()
    assert sizes[0] < sizes[1] / 1.5
    first.close()
    second = _window(qtbot, Workspace.open(workspace_path), QSettings(ini, QSettings.Format.IniFormat))
    assert (second.size().width(), second.size().height()) == (760, 690)
    assert not second.review_dock.isVisible() and second.application_dock.isVisible()
    qtbot.wait(300)
    assert second.splitter.sizes() == sizes
    second.close()


def test_documents_of_an_application_only(qtbot, tmp_path, settings):
    folder = tmp_path / "two"
    ids = make_workspace(folder, applications=2,
                         documents=[DocSpec("合同.pdf", "contract", make_pdf(2), 2)])
    win = _window(qtbot, Workspace.open(folder), settings)
    assert win.app_model.rowCount() == 2
    assert win.open_application(ids[1])
    docs = win.left_pane.documents()
    assert [d.original_name for d in docs] == ["合同.pdf"]
    # Only one document: both panes show it (the right pane falls back to it).
    qtbot.waitUntil(win.is_settled, timeout=WAIT_MS)
    assert win.right_pane.doc.key == win.left_pane.doc.key
    win.close()
