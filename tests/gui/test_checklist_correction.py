"""Correcting an extracted field: kept beside the extracted value, audited, amount recomputed."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from slq_desk.models import AuditEvent, ExtractedField
from tests.gui.review_factory import REVIEWER


def _amount_item(tab):
    return next(i for i in tab.items("field")
                if i.data(0, 257)[1].name == "item.amount" and i.data(0, 257)[1].value == "276102.00")


def test_correcting_a_field_updates_the_amount_everywhere(review_window):
    win = review_window
    assert win.open_application("hunan-clean-1")
    before = win.calculation_tab.data.subsidy
    assert before == Decimal("172922.04")
    item = _amount_item(win.checklist_tab)
    field = item.data(0, 257)[1]
    win.checklist_tab.tree.setCurrentItem(item)
    win.checklist_tab.request_correction(field.id, "176102.00")  # 100 000 yuan less

    after = win.calculation_tab.data.subsidy
    assert after == before - Decimal("30000.00")  # 30 % of the 100 000 taken out
    assert "¥142,922.04" in win.calculation_tab.headline.text()
    assert win.checklist_tab.data.computed_subsidy == after
    assert win.app_model.rows[win.app_model.row_of("hunan-clean-1")].computed_subsidy == after
    assert win.scoring_tab.computed == after

    # The extracted value stays; the correction sits beside it with who and when.
    item = next(i for i in win.checklist_tab.items("field") if i.data(0, 257)[1].id == field.id)
    row = item.data(0, 257)[1]
    assert (row.value, row.corrected_value, row.corrected_by) == ("276102.00", "176102.00", REVIEWER)
    assert row.corrected_at
    assert "原提取：¥276,102.00" in item.text(1)
    with win.workspace.session() as s:
        stored = s.get(ExtractedField, field.id)
        assert stored.value == "276102.00" and stored.effective_value == "176102.00"
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "field.correct")).all()
        assert len(events) == 1 and events[0].actor == REVIEWER
        assert events[0].after["extracted"] == "276102.00"
        assert events[0].after["corrected_value"] == "176102.00"


def test_withdrawing_a_correction_restores_the_extracted_value(review_window):
    win = review_window
    assert win.open_application("hunan-clean-1")
    field = _amount_item(win.checklist_tab).data(0, 257)[1]
    win.correct_field(field.id, "176102.00")
    win.correct_field(field.id, None)
    assert win.calculation_tab.data.subsidy == Decimal("172922.04")
    row = next(i for i in win.checklist_tab.items("field") if i.data(0, 257)[1].id == field.id)
    assert row.data(0, 257)[1].corrected_value is None


def test_a_mistyped_amount_is_refused_in_the_dialog(review_window, qtbot):
    """"abc" for an amount: the dialog says why and stays open; nothing is corrected."""
    win = review_window
    assert win.open_application("hunan-clean-1")
    tab = win.checklist_tab
    item = _amount_item(tab)
    field = item.data(0, 257)[1]
    tab.tree.setCurrentItem(item)
    requested = []
    tab.correction_requested.connect(lambda fid, value: requested.append((fid, value)))
    tab.edit_current()
    dialog = tab.correction_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.edit.setText("abc")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and requested == []
    assert "“abc”不是金额" in dialog.refusal.text()
    assert dialog.height() >= dialog.minimumSizeHint().height()  # the sentence squeezes nothing
    assert win.calculation_tab.data.subsidy == Decimal("172922.04")
    # Separators and 万 are read and the stored form is plain.
    dialog.edit.setText("¥17.6102万")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert requested == [(field.id, "176102.00")]
    assert win.calculation_tab.data.subsidy == Decimal("142922.04")
