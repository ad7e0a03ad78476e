"""Checklist: each document's row says how sure its kind is and, in its tooltip, why (the
classifier's reasons), or that a person set it; a weak guess stands out."""

from __future__ import annotations

from decimal import Decimal

from slq_desk.ui.review_data import ChecklistData, DocumentFields
from slq_desk.ui.review_tabs.checklist_tab import ChecklistTab


def _data(*docs: DocumentFields) -> ChecklistData:
    return ChecklistData("app-1", "wuhan-2026", "武汉星河智算科技有限公司", Decimal("1000.00"),
                         (), (), docs)


def test_document_rows_show_kind_confidence_and_reasons(qtbot) -> None:
    tab = ChecklistTab()
    qtbot.addWidget(tab)
    sure = DocumentFields(1, "a" * 64, "x.pdf", "voucher_certificate", True, (), 92, "auto",
                          "标题“武汉市算力券电子凭证”含“算力券”; 正文含 凭证编号、面额")
    weak = DocumentFields(2, "b" * 64, "合同.pdf", "contract", True, (), 45, "auto",
                          "文件名含“合同”")
    person = DocumentFields(3, "c" * 64, "附件1.pdf", "application_form", True, (), 100,
                            "manual:王审核", "set by a person")
    tab.set_data(_data(sure, weak, person))
    rows = {item.text(1): item for item in tab.items("document")}
    assert rows["x.pdf"].text(2) == "识别置信度 92%"
    tip = rows["x.pdf"].toolTip(0)
    assert "识别依据：标题“武汉市算力券电子凭证”含“算力券”" in tip and "置信度：92%" in tip
    assert "请核对材料类型" not in tip
    assert rows["合同.pdf"].text(2) == "识别置信度 45%"
    assert "请核对材料类型" in rows["合同.pdf"].toolTip(2)
    assert rows["合同.pdf"].foreground(2).color() != rows["x.pdf"].foreground(2).color()
    assert rows["附件1.pdf"].text(2) == "类型经人工认定"
    assert rows["附件1.pdf"].toolTip(0) == "材料类型由 王审核 人工认定"


def test_a_checklist_not_checked_yet_shows_no_counts_that_read_as_clean(qtbot) -> None:
    from dataclasses import replace

    tab = ChecklistTab()
    qtbot.addWidget(tab)
    tab.set_data(replace(_data(), computed_subsidy=None, checked=False))
    assert "尚未检查与测算" in tab.summary.text() and "阻断问题" not in tab.summary.text()
    tab.set_data(_data())
    assert "阻断问题 <b>0</b> 项" in tab.summary.text() and "尚未检查" not in tab.summary.text()
