"""The review form's phases (issue 19 items 1, 2, 10, 11): draft → submitted → signed, with undo,
autosave and every button agreeing; the highlighted row is the open application; submit is
disabled with its reason; the reviewer is asked once, never the login name; Beijing time."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from slq_desk.review import service
from slq_desk.ui.review_tabs.scoring_tab import Phase, ScoringTab
from slq_desk.workspace import Workspace
from tests.gui.review_factory import REVIEWER
from tests.gui.signing_support import PASS, install, isolate, make_p12

APP = "hunan-clean-1"
OTHER = "wuhan-flawed-1"


@pytest.fixture(scope="module")
def p12() -> bytes:
    return make_p12(REVIEWER)  # one RSA-3072 key for the module


@pytest.fixture()
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    yield from isolate(monkeypatch, tmp_path)


@pytest.fixture()
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every QMessageBox.question is recorded and answered Yes (none may block a test)."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture()
def ws(review_ws_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(review_ws_path)
    yield workspace
    workspace.close()


@pytest.fixture()
def tab(qtbot: object, ws: Workspace) -> ScoringTab:
    widget = ScoringTab(save_delay_ms=200)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(560, 900)
    widget.show()
    widget.set_context(ws, APP, REVIEWER)
    return widget


def stored(ws: Workspace, app: str = APP) -> service.ReviewState | None:
    with ws.session() as s:
        review = service.get_review(s, app, REVIEWER)
        return None if review is None else service.state(s, review)


def fill_complete(tab: ScoringTab) -> None:
    """A review with nothing missing (75 of 100, 推荐 150000.00 with its reason)."""
    assert tab.declare_no_conflict()
    for key, score in (("real_usage", "20"), ("scenario_plan", "25"), ("innovation", "10"),
                       ("effect", "20")):
        tab.set_value(f"score:{key}", score)
    tab.set_value("comment:scenario_plan", "场景清晰，规划可行")
    tab.set_value("comment:innovation", "创新点不够突出，缺少对标")
    tab.set_value("recommendation", "推荐")
    tab.flush()
    tab.set_value("amount", "150000.00")
    tab.set_value("reason", "部分卡时用于测试环境，建议核减")
    tab.flush()


# --- item 1: the phases ----------------------------------------------------------------------

def test_each_transition_locks_and_unlocks_what_it_should(tab: ScoringTab, ws: Workspace,
                                                         no_questions: list[str]) -> None:
    seen: list[Phase] = []
    tab.phase_changed.connect(seen.append)
    assert tab.phase is Phase.UNDECLARED and tab.locked
    assert tab.coi_box.isEnabled() and not tab.form.isEnabled()
    assert not tab.submit_button.isEnabled() and "声明" in tab.submit_hint.text()

    fill_complete(tab)
    assert tab.phase is Phase.DRAFT and tab.form.isEnabled()
    # A conflict found later can still be declared; "no conflict" is not asked twice.
    assert tab.coi_box.isEnabled() and tab.coi_none.isHidden() and not tab.coi_conflict.isHidden()
    assert tab.problem_list == [] and tab.submit_button.isEnabled()
    assert tab.undo_stack.canUndo()

    assert tab.submit()
    assert no_questions and APP in no_questions[0]  # the confirmation names the application
    assert tab.phase is Phase.SUBMITTED and tab.locked and not tab.form.isEnabled()
    assert not tab.submit_button.isEnabled() and "已提交" in tab.submit_hint.text()
    assert tab.undo_stack.count() == 0 and not tab.undo_stack.canUndo()
    assert stored(ws).status == "submitted"

    # Undo after submit: nothing to undo, and a command replayed anyway changes nothing.
    before = dict(tab.values)
    tab.undo_stack.undo()
    tab.apply_value("amount", "1.00")
    tab.set_value("score:real_usage", "0")
    assert tab.values == before and not tab.pending and not tab.save_timer.isActive()
    tab.flush()
    assert stored(ws).recommended_amount == Decimal("150000.00")
    assert not tab.submit()  # a second submit is refused quietly, no question asked
    assert len(no_questions) == 1
    assert not tab.coi_box.isEnabled()
    assert not tab.declare_conflict("迟到的声明") and "不能再更改" in tab.status.text()
    assert stored(ws).status == "submitted" and not stored(ws).coi_conflict

    tab.mark_signed()
    assert tab.phase is Phase.SIGNED and tab.locked and "已签署" in tab.submit_hint.text()
    assert seen == [Phase.DRAFT, Phase.SUBMITTED, Phase.SIGNED]


def test_a_declared_conflict_is_a_locked_phase_with_no_undo(tab: ScoringTab) -> None:
    assert tab.declare_conflict("本人曾任申报单位技术顾问")
    assert tab.phase is Phase.CONFLICT and not tab.coi_box.isEnabled()
    assert not tab.rubric_button.isEnabled() and not tab.submit_button.isEnabled()
    assert tab.undo_stack.count() == 0


def test_undo_after_submit_in_the_window_then_sign_switch_and_quit(
        review_window: object, qtbot: object, ws: Workspace, p12: bytes, isolated: None,
        no_questions: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from slq_desk.ui.signing import sign_dialog

    win = review_window
    assert win.open_application(APP)  # type: ignore[attr-defined]
    tab: ScoringTab = win.scoring_tab  # type: ignore[attr-defined]
    # Scored on the 评分 tab, where Edit › Undo acts on the form (on the checklist it acts on
    # the review changes: review_history.py).
    win.review_tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    fill_complete(tab)
    assert win.undo_action.isEnabled()  # type: ignore[attr-defined]
    assert tab.submit()
    assert not win.undo_action.isEnabled()  # type: ignore[attr-defined]

    # Ctrl+Z, by the action and by the key, does nothing to the locked form.
    values = dict(tab.values)
    win.undo_action.trigger()  # type: ignore[attr-defined]
    win.activateWindow()  # type: ignore[attr-defined]
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert tab.values == values and tab.phase is Phase.SUBMITTED and not tab.pending

    # Signing still works, under the reviewer's name, and the form shows it is signed.
    install(p12)
    monkeypatch.setattr(sign_dialog, "ask_passphrase", lambda _parent, _label: PASS)
    win.signing.sign_action.trigger()  # type: ignore[attr-defined]
    dialog = win.signing._opened[-1]  # type: ignore[attr-defined]
    assert APP in dialog.header.text() and "湖南" in dialog.header.text()
    dialog.run_sync = True
    dialog.out_edit.setText(str(tmp_path / "意见.pdf"))
    with qtbot.waitSignal(dialog.signed, timeout=60000):  # type: ignore[attr-defined]
        dialog.sign()
    dialog.reject()
    assert tab.phase is Phase.SIGNED
    events = win.desk.audit_events(20)  # type: ignore[attr-defined]
    sign = [e for e in events if e["action"] == "opinion.sign"]
    assert sign and sign[-1]["actor"] == REVIEWER
    text = "".join(page.get_text() for page in pymupdf.open(tmp_path / "意见.pdf"))
    assert "北京时间" in text and " UTC）" not in text

    # Switching applications still works: list, documents and form are the other one.
    assert win.open_application(OTHER)  # type: ignore[attr-defined]
    assert tab.application_id == OTHER and OTHER in tab.app_header.text()
    # (the Wuhan policy has no built-in rubric: the form says so and takes nothing)
    assert tab.phase is (Phase.UNDECLARED if tab.rubric is not None else Phase.EMPTY)
    assert tab.undo_stack.count() == 0 and not tab.submit_button.isEnabled()
    current = win.app_table.currentIndex()  # type: ignore[attr-defined]
    assert current.isValid() and win.app_filter.data(  # type: ignore[attr-defined]
        win.app_filter.index(current.row(), 0)) == OTHER  # type: ignore[attr-defined]

    # Quitting finishes: the close is accepted and the workers are stopped.
    assert win.close()  # type: ignore[attr-defined]
    assert win._shut_down  # type: ignore[attr-defined]


def test_closing_the_workspace_leaves_an_empty_locked_form(tab: ScoringTab) -> None:
    assert tab.declare_no_conflict() and tab.computed is not None
    tab.set_context(None, None, "")
    assert tab.phase is Phase.EMPTY and tab.locked and tab.computed is None
    assert "—" in tab.computed_label.text() and not tab.coi_box.isEnabled()
    assert not tab.submit_button.isEnabled() and "未打开" in tab.app_header.text()


# --- item 2: the highlighted row is the open application ----------------------------------------

def _highlighted(win: object) -> str | None:
    current = win.app_table.currentIndex()  # type: ignore[attr-defined]
    if not current.isValid():
        return None
    return str(win.app_filter.data(win.app_filter.index(current.row(), 0)))  # type: ignore[attr-defined]


def test_arrow_keys_open_the_highlighted_application(review_window: object, qtbot: object) -> None:
    win = review_window
    table = win.app_table  # type: ignore[attr-defined]
    table.setFocus()
    table.setCurrentIndex(win.app_filter.index(0, 0))  # type: ignore[attr-defined]
    first = _highlighted(win)
    assert first is not None and win.application_id == first  # type: ignore[attr-defined]
    qtbot.keyClick(table, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    second = _highlighted(win)
    assert second != first and win.application_id == second  # type: ignore[attr-defined]
    assert win.scoring_tab.application_id == second  # type: ignore[attr-defined]
    # The form's header names the application, its applicant and its policy.
    row = next(r for r in win.app_model.rows if r.id == second)  # type: ignore[attr-defined]
    header = win.scoring_tab.app_header.text()  # type: ignore[attr-defined]
    assert second in header and row.applicant_name in header and row.policy_label in header
    qtbot.keyClick(table, Qt.Key.Key_Up)  # type: ignore[attr-defined]
    assert win.application_id == first == _highlighted(win)  # type: ignore[attr-defined]


def test_opening_elsewhere_moves_the_highlight_and_filtering_never_opens(review_window: object) -> None:
    win = review_window
    ids = [str(win.app_filter.index(r, 0).data()) for r in range(win.app_filter.rowCount())]  # type: ignore[attr-defined]
    assert sorted(ids) == sorted([APP, OTHER])
    first, second = ids
    assert win.open_application(second)  # type: ignore[attr-defined]
    assert _highlighted(win) == second
    win.step_application(-1)  # type: ignore[attr-defined]
    assert win.application_id == first == _highlighted(win)  # type: ignore[attr-defined]
    # A search that hides the open application leaves it open and highlights nothing…
    win.search_edit.setText(second)  # type: ignore[attr-defined]
    assert win.application_id == first and _highlighted(win) is None  # type: ignore[attr-defined]
    # …and clearing it puts the highlight back on the open one.
    win.search_edit.clear()  # type: ignore[attr-defined]
    assert win.application_id == first == _highlighted(win)  # type: ignore[attr-defined]
    win.refresh_applications()  # type: ignore[attr-defined]
    assert win.application_id == first == _highlighted(win)  # type: ignore[attr-defined]


# --- item 10: validation ------------------------------------------------------------------------

def test_submit_is_disabled_with_the_reason_and_never_asks_first(tab: ScoringTab,
                                                                 no_questions: list[str]) -> None:
    assert tab.declare_no_conflict()
    tab.set_value("score:real_usage", "20")
    assert tab.problem_list and not tab.submit_button.isEnabled()
    assert "不能提交" in tab.submit_hint.text()
    # Named in Chinese, not by the rubric's key ("应用场景规划：未评分", not "scenario_plan（…）").
    assert any(p.startswith("应用场景规划：") for p in tab.problem_list)
    assert not any("scenario_plan" in p for p in tab.problem_list)
    assert tab.problem_list[0] in tab.submit_button.toolTip()
    assert not tab.submit()
    assert no_questions == []  # refused before "确定提交吗？"
    assert "未提交" in tab.status.text()


def test_amount_in_the_box_is_never_reported_missing_and_a_cap_is_visible(tab: ScoringTab,
                                                                          ws: Workspace) -> None:
    assert tab.declare_no_conflict()
    tab.set_value("recommendation", "推荐")
    tab.flush()
    tab.set_value("amount", "200000")  # above the computed 172922.04
    assert not any("未填写推荐金额" in p for p in tab.problem_list)
    assert any("超过测算金额" in p for p in tab.problem_list)
    assert tab.amount_error.isVisibleTo(tab) and "超过测算金额" in tab.amount_error.text()
    assert tab.amount.text() == "200000"  # kept on screen, not dropped
    tab.flush()
    assert stored(ws).recommended_amount == Decimal("172922.04")  # and not written
    # Against a 0.00 cap, 50000 is refused in words beside the box.
    tab.computed = Decimal("0.00")
    tab.set_value("amount", "50000")
    assert tab.amount_error.isVisibleTo(tab) and "0.00" in tab.amount_error.text()
    assert not tab.submit_button.isEnabled()
    # A valid amount clears it.
    tab.refresh_computed()
    tab.set_value("amount", "172922.04")
    assert not tab.amount_error.isVisibleTo(tab)
    assert not any("未填写推荐金额" in p for p in tab.problem_list)


def test_validation_lines_wrap(tab: ScoringTab) -> None:
    assert tab.problems.wordWrap() and tab.status.wordWrap() and tab.amount_error.wordWrap()
    assert all(box.flag.wordWrap() for box in tab.boxes.values())


# --- item 11: who and when ------------------------------------------------------------------------

@pytest.fixture()
def nameless_window(qtbot: object, review_ws_path: Path, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    from PySide6.QtCore import QSettings

    from slq_desk.ui.main_window import MainWindow

    monkeypatch.delenv("SLQ_DESK_USER", raising=False)  # only the login name is left

    settings = QSettings(str(tmp_path / "nameless.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Workspace.open(review_ws_path), settings)
    win.synchronous_operations = True
    win.resize(1600, 1000)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    yield win
    win.close()
    win.shutdown()


def test_the_reviewer_is_asked_once_and_never_the_login_name(nameless_window: object,
                                                             qtbot: object, ws: Workspace) -> None:
    from slq_desk.ui.settings_dialog import SettingsDialog

    win = nameless_window
    assert win.reviewer() == ""  # type: ignore[attr-defined]
    assert win.open_application(APP)  # type: ignore[attr-defined]
    tab: ScoringTab = win.scoring_tab  # type: ignore[attr-defined]
    assert tab.reviewer == "" and win.workspace.actor not in tab.reviewer_label.text()  # type: ignore[attr-defined]
    assert "未设置" in tab.reviewer_label.text()
    # Starting the review asks who is reviewing (a window-modal dialog, nothing blocks).
    tab.coi_none.click()
    dialog = win.findChild(SettingsDialog, "ReviewerDialog")  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    assert stored(ws) is None
    dialog.accept()  # an empty name is not taken
    assert dialog.isVisible() and "请填写姓名" in dialog.error.text()
    dialog.name.setText(REVIEWER)
    dialog.organisation.setText("湖南省算力评审中心")
    dialog.accept()
    assert win.reviewer() == REVIEWER and tab.reviewer == REVIEWER  # type: ignore[attr-defined]
    assert REVIEWER in tab.reviewer_label.text()
    assert tab.declare_no_conflict() and stored(ws).coi_declared
    # Kept: another application, and the identity dialog, start from that name.
    assert win.open_application(OTHER)  # type: ignore[attr-defined]
    assert tab.reviewer == REVIEWER
    assert not any(d.isVisible() for d in win.findChildren(SettingsDialog))  # type: ignore[attr-defined]


def test_identity_dialog_is_prefilled_with_the_reviewer(review_window: object, isolated: None) -> None:
    from slq_desk.ui.settings_dialog import ORGANISATION

    win = review_window
    win.settings.setValue(ORGANISATION, "湖南省算力评审中心")  # type: ignore[attr-defined]
    win.signing.show_identity()  # type: ignore[attr-defined]
    page = win.signing._opened[-1]  # type: ignore[attr-defined]
    assert page.name_edit.text() == REVIEWER
    assert page.org_edit.text() == "湖南省算力评审中心"
    page.window().reject()


def test_a_correction_without_a_name_asks_first_then_records_that_name(nameless_window: object) -> None:
    from slq_desk.ui.settings_dialog import SettingsDialog

    win = nameless_window
    assert win.open_application(APP)  # type: ignore[attr-defined]
    data = win.desk.checklist(APP)  # type: ignore[attr-defined]
    field = next(f for d in data.documents for f in d.fields)
    win.correct_field(field.id, "改正值")  # type: ignore[attr-defined]
    dialog = win.findChild(SettingsDialog, "ReviewerDialog")  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    unchanged = next(f for d in win.desk.checklist(APP).documents for f in d.fields  # type: ignore[attr-defined]
                     if f.id == field.id)
    assert unchanged.corrected_value is None  # nothing written under the login name
    dialog.name.setText(REVIEWER)
    dialog.accept()
    after = next(f for d in win.desk.checklist(APP).documents for f in d.fields  # type: ignore[attr-defined]
                 if f.id == field.id)
    assert (after.corrected_value, after.corrected_by) == ("改正值", REVIEWER)
