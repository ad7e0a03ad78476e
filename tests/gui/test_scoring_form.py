"""Scoring tab: COI gate first, running total, required comments, autosave, reopen, undo, stale."""

from __future__ import annotations

from decimal import Decimal

import pytest

from slq_desk.clock import beijing_text
from slq_desk.review import service
from slq_desk.ui.review_tabs.scoring_tab import ScoringTab
from slq_desk.workspace import Workspace
from tests.gui.review_factory import REVIEWER

APP = "hunan-clean-1"


@pytest.fixture()
def ws(review_ws_path):
    workspace = Workspace.open(review_ws_path)
    yield workspace
    workspace.close()


@pytest.fixture()
def tab(qtbot, ws):
    widget = ScoringTab(save_delay_ms=200)
    qtbot.addWidget(widget)
    widget.resize(560, 900)
    widget.show()
    widget.set_context(ws, APP, REVIEWER)
    return widget


def stored(ws, reviewer=REVIEWER):
    with ws.session() as s:
        review = service.get_review(s, APP, reviewer)
        return None if review is None else service.state(s, review)


def test_form_is_locked_until_no_conflict_is_declared(tab, ws):
    assert tab.rubric is not None and tab.rubric.id == "hunan-2026"
    assert "以主管部门通知为准" in tab.notice.text()
    assert not tab.form.isEnabled() and tab.locked
    tab.set_value("score:real_usage", "20")  # ignored while locked
    assert stored(ws) is None and not tab.pending
    assert tab.declare_no_conflict()
    assert tab.form.isEnabled()
    state = stored(ws)
    assert state.coi_declared and not state.coi_conflict and "无利益冲突" in state.coi_text
    # Stored UTC, shown as Beijing time.
    assert state.coi_at and beijing_text(state.coi_at) in tab.coi_text.text()
    assert "北京时间" in tab.coi_text.text() and "+00:00" not in tab.coi_text.text()


def test_declared_conflict_keeps_the_reviewer_out(tab, ws):
    assert tab.declare_conflict("本人曾任申报单位技术顾问")
    assert tab.locked and not tab.form.isEnabled()
    assert "回避" in tab.coi_text.text()
    state = stored(ws)
    assert state.coi_conflict and state.coi_text == "本人曾任申报单位技术顾问"
    # Declaring "none" afterwards does not reopen the form.
    tab.declare_no_conflict()
    assert tab.locked and stored(ws).coi_conflict


def test_scores_autosave_within_a_second_and_reopen_exactly(tab, ws, qtbot):
    tab.declare_no_conflict()
    tab.boxes["real_usage"].spin.setValue(40)  # 40 steps of 0.5 = 20.0
    assert tab.values["score:real_usage"] == "20.0"
    tab.set_value("score:scenario_plan", "25")  # full marks: a comment is required
    tab.set_value("comment:scenario_plan", "场景清晰，规划可行")
    tab.set_value("score:innovation", "10")  # below the threshold 12
    assert "加权总分 55.00" in tab.total.text() and "未评完" in tab.total.text()
    assert any("低于阈值" in p for p in tab.problem_list)
    assert not tab.boxes["innovation"].flag.isHidden()
    assert tab.boxes["scenario_plan"].flag.isHidden()
    assert stored(ws).scoring.total == 0  # not yet written…
    qtbot.waitUntil(lambda: not tab.pending, timeout=1000)  # …but within a second
    state = stored(ws)
    assert state.scoring.total_display == Decimal("55.00")
    assert state.scoring.criteria[2].comment_missing

    tab.set_value("comment:innovation", "创新点不够突出，缺少对标")
    tab.set_value("score:effect", "20")
    tab.set_value("recommendation", "推荐")
    tab.flush()
    assert tab.values["amount"] == "172922.04"  # the computed amount, filled in by the service
    tab.set_value("amount", "150000.00")
    tab.set_value("reason", "部分卡时用于测试环境，建议核减")
    tab.flush()
    assert "达到通过线" in tab.total.text()  # 75 ≥ 60
    assert tab.problem_list == []

    # A new form (a reopened window) shows exactly what was saved.
    again = ScoringTab()
    qtbot.addWidget(again)
    again.set_context(ws, APP, REVIEWER)
    assert again.values == tab.values
    assert again.boxes["real_usage"].spin.text() == "20.0"
    assert again.boxes["innovation"].comment.toPlainText() == "创新点不够突出，缺少对标"
    assert again.recommendation.currentData() == "推荐"
    assert again.amount.text() == "150000.00"
    assert again.form.isEnabled()


def test_amount_above_computed_is_refused_and_reason_required_when_lower(tab, ws):
    tab.declare_no_conflict()
    tab.set_value("recommendation", "推荐")
    tab.flush()
    tab.set_value("amount", "999999999.00")
    assert any("超过测算金额" in p for p in tab.problem_list)
    tab.flush()
    assert stored(ws).recommended_amount == Decimal("172922.04")  # the refused amount was not written
    tab.set_value("amount", "100000.00")
    assert any("须说明理由" in p for p in tab.problem_list)
    tab.flush()
    assert stored(ws).recommended_amount == Decimal("100000.00")


def test_undo_and_redo_form_edits_are_saved_too(tab, ws):
    tab.declare_no_conflict()
    tab.set_value("score:real_usage", "20")
    tab.set_value("comment:real_usage", "核")
    tab.set_value("comment:real_usage", "核对一致")  # typing merges into one step
    assert tab.undo_stack.count() == 2
    tab.undo_stack.undo()
    assert tab.boxes["real_usage"].comment.toPlainText() == ""
    tab.undo_stack.undo()
    assert tab.boxes["real_usage"].spin.value() == -1
    tab.flush()
    assert stored(ws).scoring.criteria[0].score is None
    tab.undo_stack.redo()
    tab.flush()
    assert stored(ws).scoring.criteria[0].score == Decimal("20.0")
    assert tab.boxes["real_usage"].spin.text() == "20.0"


def test_someone_else_saving_is_shown_never_overwritten(tab, ws, qtbot):
    tab.declare_no_conflict()
    tab.set_value("score:real_usage", "20")
    tab.flush()
    # Another window (or `slq-desk review set`) saves in between.
    with ws.session() as s:
        service.update(s, REVIEWER, APP, REVIEWER, service.ReviewChanges(scores={"real_usage": "25"}))
    tab.set_value("score:real_usage", "10")
    assert not tab.save_now()
    assert tab.is_stale and tab.banner_box.isVisibleTo(tab)
    assert "别处被修改" in tab.banner.text()
    assert not tab.form.isEnabled()
    assert stored(ws).scoring.criteria[0].score == Decimal("25.0")  # theirs kept
    tab.reload()
    assert not tab.is_stale and tab.values["score:real_usage"] == "25.0"


def test_ctrl_z_in_a_comment_undoes_through_the_form(review_window, qtbot):
    from PySide6.QtCore import Qt

    win = review_window
    assert win.open_application(APP)
    tab = win.scoring_tab
    win.review_tabs.setCurrentWidget(tab)  # where a person types (Undo follows the tab in front)
    assert tab.declare_no_conflict()
    win.activateWindow()
    editor = tab.boxes["real_usage"].comment
    editor.setFocus()
    qtbot.keyClicks(editor, "checked")  # QTest types ASCII only
    assert tab.values["comment:real_usage"] == "checked"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "" and tab.values["comment:real_usage"] == ""
    qtbot.keyClick(editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "checked"
    tab.flush()
    assert stored(tab.ws).scoring.criteria[0].comment == "checked"
