"""Hunan's 附件2 算力使用备案表 names the supplier under 算力（服务）提供方名称, a title that
wraps in its cell after 提供方 (issue 13)."""

from __future__ import annotations

from slq_desk.ingest.analyse import analyse_file
from tests.unit.layout_samples import grid, placed_pdf


def test_the_wrapped_supplier_title_of_the_filing_form() -> None:
    table = grid(50, 110, [["单位名称", "长沙麓谷智能制造有限公司"],
                           ["合同编号", "XJSL-2025-1207"],
                           ["", ""], ["", ""],
                           ["使用算力类型", "国产/昇腾910B"]],
                 [140, 260])
    # The title in two lines of its cell, the value beside them, centred.
    wrapped = [(53, 150, "算力（服务）提供方"), (53, 162, "名称"), (193, 156, "湖南湘江算力科技有限公司")]
    page = [(60, 50, "附件2"), (200, 75, "算力使用备案表", 16), *table, *wrapped]
    report = analyse_file("附件2.pdf", placed_pdf([page]))
    fields = {k: v.value for k, v in report.extraction.fields.items()}
    assert report.kind == "application_form"
    assert fields["supplier_name"] == "湖南湘江算力科技有限公司"
    assert fields["applicant_name"] == "长沙麓谷智能制造有限公司"
