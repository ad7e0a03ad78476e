"""English mode names the scoring criteria in the problem list, never their keys."""

from __future__ import annotations

from slq_desk.ui import i18n
from slq_desk.ui.review_tabs.scoring_tab import ScoringTab, with_criterion_names
from slq_desk.workspace import Workspace
from tests.gui.review_factory import REVIEWER


def test_with_criterion_names() -> None:
    names = {"real_usage": "Real compute usage"}
    assert with_criterion_names("real_usage: not scored", names) == "Real compute usage: not scored"
    assert with_criterion_names("amount: too high", names) == "amount: too high"
    assert with_criterion_names("no colon here", names) == "no colon here"


def test_english_problem_list_has_no_criterion_keys(qtbot, qapp, review_ws_path) -> None:
    assert i18n.install(qapp, "en")
    ws = Workspace.open(review_ws_path)
    try:
        tab = ScoringTab(save_delay_ms=200)
        qtbot.addWidget(tab)
        tab.resize(560, 900)
        tab.show()
        tab.set_context(ws, "hunan-clean-1", REVIEWER)
        assert tab.declare_no_conflict()
        text = tab.problems.text()
        keys = [c.key for c in tab.rubric.criteria]
        assert "not scored" in text
        assert not any(f"{key}:" in text for key in keys), text
        assert any((c.name_en or c.name) in text for c in tab.rubric.criteria)
        tab.flush()
    finally:
        i18n.install(qapp, "zh_CN")
        ws.close()
