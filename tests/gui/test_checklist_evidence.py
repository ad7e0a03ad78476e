"""Checklist tab: materials, findings by severity, fields by document; a click shows the evidence."""

from __future__ import annotations

from tests.gui.helpers import WAIT_MS


def _finding(tab, code):
    return next(i for i in tab.items("finding") if i.data(0, 257)[1].code == code)


def test_checklist_lists_materials_findings_and_fields(review_window):
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    tab = win.checklist_tab
    data = tab.data
    assert data is not None and data.application_id == "wuhan-flawed-1"
    assert any(not m.present for m in data.materials)  # the flawed package misses one
    codes = [f.code for f in data.findings]
    assert "amount_words_mismatch" in codes and "material_missing" in codes
    assert [f.severity for f in data.findings] == sorted(
        (f.severity for f in data.findings), key={"block": 0, "warn": 1, "info": 2}.get)
    assert tab.items("field") and tab.items("document")
    assert "阻断问题 <b>2</b>" in tab.summary.text()


def test_click_on_finding_opens_page_and_draws_box(review_window, qtbot):
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    tab = win.checklist_tab
    item = _finding(tab, "amount_words_mismatch")
    finding = item.data(0, 257)[1]
    tab.tree.setCurrentItem(item)
    tab.tree.itemClicked.emit(item, 0)
    pane = win.left_pane if win.pane_for(finding.sha256) == "left" else win.right_pane
    qtbot.waitUntil(lambda: pane.is_loaded() and pane.doc.key == finding.sha256, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: pane.view.evidence is not None, timeout=WAIT_MS)
    evidence = pane.view.evidence
    assert evidence.page == finding.page
    assert evidence.rect == tuple(float(v) for v in finding.bbox)
    assert evidence.label == "大小写金额不一致"  # the code's label, never the code
    box = pane.view.evidence_view_rect()
    assert box is not None and pane.view.viewport().rect().contains(box.center().toPoint())


def test_click_on_field_shows_its_box_in_the_pane_already_showing_it(review_window, qtbot):
    win = review_window
    assert win.open_application("hunan-clean-1")
    tab = win.checklist_tab
    qtbot.waitUntil(lambda: win.right_pane.is_loaded(), timeout=WAIT_MS)
    shown = win.right_pane.doc  # the first invoice opens on the right
    item = next(i for i in tab.items("field")
                if i.data(0, 257)[2] == shown.key and i.data(0, 257)[1].name == "total")
    tab.tree.itemClicked.emit(item, 0)
    qtbot.waitUntil(lambda: win.right_pane.view.evidence is not None, timeout=WAIT_MS)
    field = item.data(0, 257)[1]
    assert win.right_pane.view.evidence.rect == tuple(float(v) for v in field.bbox)
    assert win.right_pane.view.evidence.label == "价税合计"


def test_material_missing_without_document_does_not_move_panes(review_window):
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    tab = win.checklist_tab
    before = win.left_pane.doc
    assert tab.show_item_evidence(_finding(tab, "material_missing")) is False
    assert win.left_pane.doc is before


def test_click_on_a_present_material_opens_its_file(review_window, qtbot):
    win = review_window
    assert win.open_application("hunan-clean-1")
    tab = win.checklist_tab
    licence = next(i for i in tab.items("document") if i.text(0).startswith("营业执照"))
    sha = licence.data(0, 257)[1]
    tab.tree.itemClicked.emit(licence, 0)
    pane = win.left_pane if win.pane_for(sha) == "left" else win.right_pane
    qtbot.waitUntil(lambda: pane.doc is not None and pane.doc.key == sha, timeout=WAIT_MS)
    qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
    assert pane.view.current_page() == 0



def test_fields_read_by_ocr_say_so_with_their_confidence(qtbot, tmp_path, review_settings):
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.workspace import Workspace
    from tests.support.scanned import scanned_contract

    folder = tmp_path / "scan-1"
    folder.mkdir()
    (folder / "合同扫描件.pdf").write_bytes(scanned_contract())
    ws = Workspace.open(tmp_path / "ws")
    import_package(ws, folder, policy="wuhan-2026", reader=InlineReader())
    win = MainWindow(ws, review_settings)
    win.synchronous_operations = True
    qtbot.addWidget(win)
    try:
        assert win.open_application("scan-1")
        tab = win.checklist_tab
        items = [i for i in tab.items("field") if i.data(0, 257)[1].source == "ocr"]
        assert items, "no field was read by OCR from the scanned contract"
        row = items[0].data(0, 257)[1]
        assert 0 < row.confidence <= 100
        assert items[0].text(1) == f"{row.value}（OCR，置信度 {row.confidence}%）"
        assert "OCR" in items[0].toolTip(1)
    finally:
        win.close()
        win.shutdown()


def test_no_codes_in_the_chinese_checklist(review_window):
    """Finding codes, field names and true/false are shown as Chinese words."""
    import re

    win = review_window
    assert win.open_application("wuhan-flawed-1")
    tab = win.checklist_tab
    code = re.compile(r"^[a-z_.]+$")
    rows = []
    stack = tab._top_items()
    while stack:
        item = stack.pop()
        rows.append(item)
        stack.extend(item.child(n) for n in range(item.childCount()))
    assert rows
    assert [i.text(0) for i in rows if code.match(i.text(0))] == []
    assert [i.text(1) for i in rows if i.text(1) in ("true", "false")] == []
    missing = _finding(tab, "material_missing")
    assert missing.text(0) == "缺少必备材料"
    fields = {i.data(0, 257)[1].name: i for i in tab.items("field")}
    flags = [i for name, i in fields.items() if name in ("domestic", "sme", "other_subsidy_clause")]
    assert all(i.text(1) in ("是", "否") for i in flags)
