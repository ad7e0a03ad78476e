"""A large application's fields fill the checklist in slices (no stall on opening it), ending
with the same tree as filling at once; new data stops a fill still under way."""

from __future__ import annotations

from slq_desk.ui.review_tabs import checklist_tab


def test_fields_fill_in_slices_and_end_complete(review_window, qtbot, monkeypatch):
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    tab = win.checklist_tab
    data = tab.data
    whole = len(tab.items("field"))
    assert whole == sum(len(d.fields) for d in data.documents) > 3

    monkeypatch.setattr(checklist_tab, "FILL_AT_ONCE", 0)
    monkeypatch.setattr(checklist_tab, "FILL_SLICE", 2)
    tab.set_data(data)
    assert len(tab.items("field")) < whole  # the rest comes between events
    assert tab.items("finding") and tab.summary.text()  # shown at once
    qtbot.waitUntil(lambda: len(tab.items("field")) == whole)

    # Other data while a fill is under way: the old fill stops, the new one completes alone.
    tab.set_data(data)
    tab.set_data(None)
    tab.set_data(data)
    qtbot.waitUntil(lambda: len(tab.items("field")) == whole)
    qtbot.wait(50)
    assert len(tab.items("field")) == whole
