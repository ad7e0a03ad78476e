"""Nothing lost: close the window mid-edit, open a new one, the form is exactly as it was."""

from __future__ import annotations

from slq_desk.ui.main_window import MainWindow
from slq_desk.workspace import Workspace


def test_close_and_reopen_restores_the_form(review_window, review_ws_path, review_settings, qtbot):
    win = review_window
    assert win.open_application("hunan-clean-1")
    tab = win.scoring_tab
    assert tab.declare_no_conflict()
    tab.set_value("score:real_usage", "27.5")
    tab.set_value("comment:innovation", "有对标分析")
    tab.set_value("recommendation", "修改后推荐")
    assert tab.pending  # not yet saved when the window closes…
    win.close()  # …closing saves it

    again = MainWindow(Workspace.open(review_ws_path), review_settings)
    again.synchronous_operations = True
    qtbot.addWidget(again)
    assert again.open_application("hunan-clean-1")
    restored = again.scoring_tab
    assert restored.values == tab.values
    assert restored.boxes["real_usage"].spin.text() == "27.5"
    assert restored.recommendation.currentData() == "修改后推荐"
    assert restored.form.isEnabled() and "无利益冲突" in restored.coi_text.text()
    again.shutdown()
