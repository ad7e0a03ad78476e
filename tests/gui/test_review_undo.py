"""Undo and redo of review changes in the window (review_history.py): a field corrected, a fact
set, a document read as another kind — each undone and redone from Edit › Undo / Redo as a new
audited change, the calculation following; the history follows the tab in front, belongs to one
application, is off while a step runs and is emptied when a step fails."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select

from slq_desk.models import AuditEvent
from tests.gui.review_factory import REVIEWER

APP = "hunan-clean-1"
FULL = Decimal("172922.04")


def _opened(win: Any) -> Any:
    assert win.open_application(APP)
    win.review_tabs.setCurrentWidget(win.checklist_tab)
    return win.checklist_tab


def _field(tab: Any, name: str, value: str | None = None) -> Any:
    return next(i.data(0, 257)[1] for i in tab.items("field")
                if i.data(0, 257)[1].name == name and (value is None or i.data(0, 257)[1].value == value))


def _subsidy(win: Any) -> Decimal:
    return win.calculation_tab.data.subsidy


def test_a_correction_is_undone_and_redone_from_the_checklist(review_window: Any) -> None:
    win = review_window
    tab = _opened(win)
    assert not win.undo_action.isEnabled()  # nothing changed yet
    amount = _field(tab, "item.amount", "276102.00")
    win.correct_field(amount.id, "176102.00")
    assert _subsidy(win) == FULL - Decimal("30000.00")
    assert win.undo_action.isEnabled() and "更正字段值" in win.undo_action.text()

    win.undo_action.trigger()
    assert _subsidy(win) == FULL
    assert _field(tab, "item.amount", "276102.00").corrected_value is None
    assert win.statusBar().currentMessage() == "已撤销：更正字段值"
    assert win.redo_action.isEnabled() and not win.undo_action.isEnabled()

    win.redo_action.trigger()
    assert _subsidy(win) == FULL - Decimal("30000.00")
    assert _field(tab, "item.amount", "276102.00").corrected_value == "176102.00"
    with win.workspace.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "field.correct")
                           .order_by(AuditEvent.seq)).all()
        assert [e.after["corrected_value"] for e in events] == ["176102.00", None, "176102.00"]
        assert {e.actor for e in events} == {REVIEWER}

    # On the 评分 tab Edit › Undo acts on the scoring form; back on the checklist, on this.
    win.review_tabs.setCurrentWidget(win.scoring_tab)
    assert "更正字段值" not in win.undo_action.text()
    win.review_tabs.setCurrentWidget(win.calculation_tab)
    assert win.undo_action.isEnabled() and "更正字段值" in win.undo_action.text()
    # Another application: its own history, empty.
    assert win.open_application("wuhan-flawed-1")
    win.review_tabs.setCurrentWidget(win.checklist_tab)
    assert not win.undo_action.isEnabled() and not win.redo_action.isEnabled()


def test_a_withdrawal_is_undone(review_window: Any) -> None:
    win = review_window
    tab = _opened(win)
    amount = _field(tab, "item.amount", "276102.00")
    win.correct_field(amount.id, "176102.00")
    win.correct_field(amount.id, None)  # 撤回更正
    assert _subsidy(win) == FULL and "撤回更正" in win.undo_action.text()
    win.undo_action.trigger()
    assert _field(tab, "item.amount", "276102.00").corrected_value == "176102.00"
    win.undo_action.trigger()
    assert _field(tab, "item.amount", "276102.00").corrected_value is None and _subsidy(win) == FULL


def test_a_fact_set_is_undone_and_redone(review_window: Any) -> None:
    win = review_window
    _opened(win)
    lines = next(r for r in win.desk.application_facts(APP).rows if r.key == "excluded_lines")
    ref = lines.choices[0][0]
    win.facts.set_facts(APP, {"excluded_lines": ref})
    lowered = _subsidy(win)
    assert lowered < FULL and "认定事实" in win.undo_action.text()

    win.undo_action.trigger()
    assert _subsidy(win) == FULL
    assert "fact_set_by_person" not in [f.code for f in win.checklist_tab.data.findings]
    win.redo_action.trigger()
    assert _subsidy(win) == lowered
    with win.workspace.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "application.facts_set")
                           .order_by(AuditEvent.seq)).all()
        assert [e.after.get("excluded_lines") for e in events] == [[ref], None, [ref]]


def test_a_relabel_undone_brings_back_the_corrections_it_had_no_field_for(review_window: Any) -> None:
    """A contract with a corrected number read as 其他 (no field for the number) and back: the
    correction is there again, under its author."""
    win = review_window
    tab = _opened(win)
    contract = next(d for d in tab.data.documents if d.kind == "contract")
    number = next(f for f in contract.fields if f.name == "contract_number")
    win.correct_field(number.id, "HT-UNDO-1")
    win.facts.set_kind(APP, contract.document_id, "other")
    doc = next(d for d in tab.data.documents if d.document_id == contract.document_id)
    assert doc.kind == "other" and not any(f.name == "contract_number" for f in doc.fields)
    assert "material_missing" in [f.code for f in tab.data.findings]
    assert "更改文档类型" in win.undo_action.text()

    win.undo_action.trigger()  # read as a contract again, the correction carried back
    doc = next(d for d in tab.data.documents if d.document_id == contract.document_id)
    back = next(f for f in doc.fields if f.name == "contract_number")
    assert doc.kind == "contract" and (back.value, back.corrected_value, back.corrected_by) == (
        number.value, "HT-UNDO-1", REVIEWER)
    assert "material_missing" not in [f.code for f in tab.data.findings]
    win.undo_action.trigger()  # the correction
    assert _field(tab, "contract_number").corrected_value is None
    win.redo_action.trigger()
    win.redo_action.trigger()
    doc = next(d for d in tab.data.documents if d.document_id == contract.document_id)
    assert doc.kind == "other"
    win.undo_action.trigger()  # and back once more: the correction is carried again
    assert _field(tab, "contract_number").corrected_value == "HT-UNDO-1"


def test_a_step_that_fails_empties_the_history(review_window: Any, qtbot: Any, monkeypatch: Any) -> None:
    from slq_desk.errors import BadInput
    from slq_desk.ui.review_tabs import facts_actions

    win = review_window
    tab = _opened(win)
    amount = _field(tab, "item.amount", "276102.00")
    win.correct_field(amount.id, "176102.00")
    active: list[object] = []
    warned: list[str] = []

    def refuse(key: Any, value: Any, who: Any = None) -> None:
        active.append(win.undo_group.activeStack())
        raise BadInput("the document went away")

    monkeypatch.setattr(win.desk, "set_field", refuse)
    monkeypatch.setattr(facts_actions.QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text: warned.append(text)))
    win.undo_action.trigger()
    assert active == [None]  # no second step could start beside it
    assert warned and "the document went away" in warned[0]
    assert win.statusBar().currentMessage() == "撤销“更正字段值”未完成，撤销记录已清空"
    qtbot.waitUntil(lambda: win.review_history.stack.count() == 0)
    assert not win.undo_action.isEnabled() and not win.redo_action.isEnabled()
    assert _field(tab, "item.amount", "276102.00").corrected_value == "176102.00"  # as it was


def test_ctrl_z_in_the_checklist_takes_back_the_correction(review_window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    win = review_window
    tab = _opened(win)
    win.correct_field(_field(tab, "item.amount", "276102.00").id, "176102.00")
    win.activateWindow()
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _subsidy(win) == FULL
    qtbot.keyClick(tab.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _subsidy(win) == FULL - Decimal("30000.00")
