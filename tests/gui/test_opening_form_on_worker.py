"""Opening an application reads the scoring form on a worker, beside the checklist (issue 18,
item 3: its database read was the UI thread's largest piece of an opening). Until it arrives the
form is locked; a form read for another application or reviewer is never shown; a failed read
says why instead of leaving the form waiting."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from slq_desk.desk.service import Desk
from slq_desk.ui.review_tabs.scoring_tab import Phase
from tests.gui.review_factory import REVIEWER

APP = "hunan-clean-1"
OTHER = "wuhan-flawed-1"


@pytest.fixture()
def threads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The threads ``Desk.review_form`` ran on."""
    seen: list[threading.Thread] = []
    original = Desk.review_form

    def review_form(self: Desk, *args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Desk, "review_form", review_form)
    return seen


def test_the_form_is_read_on_a_worker_and_locked_until_it_arrives(review_window, qtbot,
                                                                   threads) -> None:
    win = review_window
    win.synchronous_operations = False
    tab = win.scoring_tab
    assert win.open_application(APP)
    # At once: the new application's header, the form locked and saying it is being read.
    assert tab.loading and tab.application_id == APP and APP in tab.app_header.text()
    assert tab.phase is Phase.EMPTY and not tab.form.isEnabled() and not tab.coi_box.isEnabled()
    assert not tab.rubric_button.isEnabled() and not tab.submit_button.isEnabled()
    qtbot.waitUntil(lambda: not tab.loading and win.is_settled() and not win.operations,
                    timeout=30000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    # Hunan's rubric, the reviewer's (undeclared) state: the declaration can be made now.
    assert tab.rubric is not None and tab.phase is Phase.UNDECLARED and tab.coi_box.isEnabled()
    assert tab.computed is not None and "湖南" in tab.app_header.text() + tab.policy
    assert tab.declare_no_conflict() and tab.phase is Phase.DRAFT and tab.form.isEnabled()
    win.synchronous_operations = True


def test_a_policy_without_a_rubric_says_so_after_the_read(review_window, qtbot) -> None:
    win = review_window
    win.synchronous_operations = False
    assert win.open_application(OTHER)
    tab = win.scoring_tab
    qtbot.waitUntil(lambda: not tab.loading and win.is_settled() and not win.operations,
                    timeout=30000)
    assert tab.rubric is None and tab.phase is Phase.EMPTY
    assert "先到先得" in tab.title.text()  # Wuhan: first come, first served, no scored review
    win.synchronous_operations = True


def test_a_form_read_for_another_context_is_not_shown(review_window, review_ws_path) -> None:
    win = review_window
    tab = win.scoring_tab
    desk = Desk(win.workspace)
    other_form = desk.review_form(APP, "另一位专家")
    tab.begin_context(win.workspace, APP, REVIEWER)
    # Read for another reviewer (the name changed while it loaded): read again, as this one.
    tab.show_form(APP, "另一位专家", other_form)
    assert not tab.loading and tab.reviewer == REVIEWER and tab.rubric is not None
    tab.begin_context(win.workspace, APP, REVIEWER)
    tab.show_form(OTHER, REVIEWER, other_form)  # for another application: read again too
    assert not tab.loading and tab.application_id == APP and tab.phase is Phase.UNDECLARED
    before = tab.rubric
    tab.show_form(APP, REVIEWER, "never shown")  # no longer waiting: ignored
    assert tab.rubric is before and "never shown" not in tab.title.text()


def test_a_failed_read_is_said_not_waited_for(review_window, qtbot, monkeypatch) -> None:
    win = review_window

    def broken(self: Desk, *_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("database gone")

    monkeypatch.setattr(Desk, "checklist", broken)
    win.synchronous_operations = False
    assert win.open_application(APP)
    tab = win.scoring_tab
    qtbot.waitUntil(lambda: not tab.loading, timeout=30000)
    assert "database gone" in tab.title.text() and tab.phase is Phase.EMPTY
    assert not tab.form.isEnabled()
    qtbot.waitUntil(lambda: win.is_settled() and not win.operations, timeout=30000)
    win.synchronous_operations = True
