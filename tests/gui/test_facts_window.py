"""The window's 认定事实 dialog and 更改文档类型 (issue 13, items 1 and 6).

A Beijing package whose forms print no 申报方向 is refused (direction_missing); the reviewer sets
direction 4 in the dialog, the checks run again as an operation, the finding goes, the subsidy
appears, a note names the reviewer, and the change is audited. Relabelling a document from the
checklist reads it again as the chosen kind, remembers who chose it, and re-runs the checks.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from tests.gui.review_factory import REVIEWER

APP = "beijing-clean-1"


def build_beijing(folder: Path) -> Path:
    """The demo's clean Beijing package, imported, with its 申报方向 taken away (as if no form
    printed it and the manifest did not say), then checked."""
    from slq_desk.checks.runner import run_checks
    from slq_desk.demo.generate import generate_packages
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from slq_desk.models.schema import Application, Document, ExtractedField
    from slq_desk.workspace import Workspace

    packages = folder / "packages-src"
    [entry] = generate_packages(packages, seed=1, only={APP})
    ws = Workspace.open(folder / "ws")
    try:
        app_id = import_package(ws, packages / str(entry["path"]), reader=InlineReader()).application_id
        assert app_id == APP
        with ws.session() as s:
            app = s.get(Application, APP)
            assert app is not None
            app.direction = None
            docs = select(Document.id).where(Document.application_id == APP)
            s.execute(delete(ExtractedField).where(ExtractedField.name == "direction",
                                                   ExtractedField.document_id.in_(docs)))
        run_checks(ws, APP)
    finally:
        ws.close()
    return folder / "ws"


@pytest.fixture(scope="module")
def beijing_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_beijing(tmp_path_factory.mktemp("beijing-template"))


@pytest.fixture()
def beijing_window(qtbot: Any, beijing_template: Path, tmp_path: Path,
                   review_settings: Any) -> Iterator[Any]:
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.workspace import Workspace

    target = tmp_path / "ws"
    shutil.copytree(beijing_template, target)
    for wal in target.glob("workspace.db-*"):
        wal.unlink()
    win = MainWindow(Workspace.open(target), review_settings)
    win.synchronous_operations = True
    win.resize(1600, 1000)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.shutdown()


def _codes(win: Any) -> list[str]:
    return [f.code for f in win.checklist_tab.data.findings]


def _facts_dialog(win: Any) -> Any:
    win.facts.edit_facts()
    [dialog] = [d for d in win.facts.dialogs if d.objectName() == "FactsDialog"]
    assert dialog.isVisible()
    return dialog


def test_setting_the_direction_in_the_dialog_lifts_the_refusal(beijing_window: Any) -> None:
    from slq_desk.models import AuditEvent

    win = beijing_window
    assert win.open_application(APP)
    assert "direction_missing" in _codes(win)
    assert win.calculation_tab.data.subsidy == Decimal("0.00")
    # Reachable from the calculation tab, the checklist and the 审核 menu (Ctrl+Shift+F).
    assert win.calculation_tab.facts_button.isEnabled() and win.checklist_tab.facts_button.isEnabled()
    assert win.facts.facts_action in win.menus["review"].actions()
    assert win.facts.facts_action.shortcut().toString() == "Ctrl+Shift+F"

    dialog = _facts_dialog(win)
    keys = list(dialog.editors)
    assert {"direction", "industry", "model_filed_on", "service_start", "excluded_lines"} <= set(keys)
    assert "domestic" not in keys and "purchased_this_year" not in keys  # not Beijing's facts
    assert dialog.states["direction"].text() == "未知"
    assert "一（四）" in dialog.editors["direction"].toolTip()
    assert dialog.states["service_start"].text().endswith("（测算所用，据材料或推定）")
    dialog.set_text("direction", "4")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()

    # The checks ran again (synchronously here, an operation in the window): refusal gone.
    assert "direction_missing" not in _codes(win)
    assert win.calculation_tab.data.subsidy == Decimal("300000.00")
    assert "¥300,000.00" in win.calculation_tab.headline.text()
    assert win.app_model.rows[win.app_model.row_of(APP)].computed_subsidy == Decimal("300000.00")
    note = next(f for f in win.checklist_tab.data.findings if f.code == "fact_set_by_person")
    assert note.message_zh.startswith(f"申报方向由 {REVIEWER} 于 ") and "方向四（4）" in note.message_zh
    with win.workspace.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "application.facts_set")).one()
        assert event.actor == REVIEWER and event.after == {"direction": 4}

    # Opened again, the dialog says who set it; clearing it brings the refusal back.
    dialog = _facts_dialog(win)
    assert dialog.states["direction"].text().startswith(f"方向四（{REVIEWER} 于 ")
    dialog.set_text("direction", "")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "direction_missing" in _codes(win)
    assert win.calculation_tab.data.subsidy == Decimal("0.00")


def test_a_value_that_does_not_fit_stays_in_the_dialog(beijing_window: Any) -> None:
    win = beijing_window
    assert win.open_application(APP)
    dialog = _facts_dialog(win)
    dialog.set_text("received_this_year", "很多")
    dialog.set_text("service_start", "2026-03-01")
    dialog.set_text("service_end", "2026-02-01")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.refusal.text().startswith("本年度已获算力券补贴：")
    dialog.set_text("received_this_year", "")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.refusal.text() == "服务期限起 2026-03-01 晚于服务期限止 2026-02-01"
    dialog.reject()
    with win.workspace.session() as s:
        from slq_desk.models.schema import Application

        assert not (s.get(Application, APP).facts or {}).get("overrides")


def test_relabelling_a_document_from_the_checklist(beijing_window: Any, qtbot: Any) -> None:
    """The 承诺书 taken for another material: the 承诺函 goes missing; set back to its kind by
    the reviewer, it is read again, the row says a person decided, and the material is back."""
    from slq_desk.models import AuditEvent

    win = beijing_window
    assert win.open_application(APP)
    tab = win.checklist_tab

    def row(name: str) -> Any:
        # The document's own row under 提取字段 (a material's row shows "✔ 已提交：…").
        return next(i for i in tab.items("document") if i.text(1) == name)

    name = "13-附件14-4-承诺书.pdf"
    item = row(name)
    tab.tree.setCurrentItem(item)
    assert tab.relabel_button.isEnabled()
    # The context menu offers it on a document's row.
    assert "更改文档类型…" in [a.text() for a in tab.menu_for(item).actions()]

    win.facts.relabel_action.trigger()
    [dialog] = [d for d in win.facts.dialogs if d.objectName() == "RelabelDialog"]
    dialog.choose("other")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "material_missing" in _codes(win)
    doc = next(d for d in tab.data.documents if d.name == name)
    assert (doc.kind, doc.kind_source) == ("other", f"manual:{REVIEWER}")

    item = row(name)
    assert item.text(2) == "类型经人工认定" and REVIEWER in item.toolTip(0)
    tab.tree.setCurrentItem(item)
    tab.relabel_current()
    [dialog] = [d for d in win.facts.dialogs if d.objectName() == "RelabelDialog"]
    dialog.choose("commitment_letter")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "material_missing" not in _codes(win)
    doc = next(d for d in tab.data.documents if d.name == name)
    assert (doc.kind, doc.kind_by_person) == ("commitment_letter", True)
    with win.workspace.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.set_kind")).all()
        assert [e.after["kind"] for e in events] == ["other", "commitment_letter"]
        assert {e.actor for e in events} == {REVIEWER}


def test_invoice_lines_are_left_out_by_ticking_them(beijing_window: Any) -> None:
    """The lines are listed by file, line, name and amount (no ids to type); a ticked line
    leaves the base, and the dialog then shows it ticked, set by the reviewer."""
    win = beijing_window
    assert win.open_application(APP)
    dialog = _facts_dialog(win)
    lines = dialog.editors["excluded_lines"]
    labels = [lines.item(n).text() for n in range(lines.count())]
    assert len(labels) >= 3 and labels[0].startswith("04-发票-1.pdf 第1行 ")
    dialog.set_text("direction", "4")
    first = lines.item(0)
    first.setCheckState(first.checkState().Checked)
    ref = str(first.data(256))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    base = win.calculation_tab.data.base
    assert base is not None and base < Decimal("32144720.91")
    dialog = _facts_dialog(win)
    assert dialog.text_of("excluded_lines") == ref
    assert dialog.states["excluded_lines"].text().startswith(f"{labels[0]}（{REVIEWER} 于 ")


def test_a_field_the_reader_missed_is_entered_from_the_checklist(beijing_window: Any) -> None:
    """补录字段 on the contract's row: its total was not read (the invoices stood in, with a
    warning); entered by the reviewer, the contract counts and the row says it was entered."""
    from slq_desk.models.schema import Document, ExtractedField

    win = beijing_window
    with win.workspace.session() as s:
        contract = s.scalars(select(Document).where(Document.kind == "contract")).one()
        total = next(f for f in contract.fields if f.name == "total" and f.item_index is None)
        value, contract_id = total.value, contract.id
        s.execute(delete(ExtractedField).where(ExtractedField.id == total.id))
    assert win.open_application(APP)
    win.run_checks()
    assert "contract_from_invoices" in _codes(win)
    tab = win.checklist_tab
    item = next(i for i in tab.items("document") if i.text(1) == "01-智算服务合同.pdf")
    assert "补录字段…" in [a.text() for a in tab.menu_for(item).actions()]
    tab.entry_requested.emit(contract_id)
    [dialog] = [d for d in win.facts.dialogs if d.objectName() == "EntryDialog"]
    assert dialog.combo.currentData() == "total"
    dialog.choose("total", "abc")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.refusal.text()
    dialog.choose("total", value)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert "contract_from_invoices" not in _codes(win)
    row = next(i for i in tab.items("field") if i.data(0, 257)[1].name == "total"
               and tab.document_of(i.parent()) is not None
               and tab.document_of(i.parent()).document_id == contract_id)
    assert row.text(1).endswith("（人工补录）") and REVIEWER in row.toolTip(1)
