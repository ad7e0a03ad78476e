"""A value in prose cut by the line end ("已于20" / "24年9月12日完成登记") is read whole, from
both lines, with both parts as its evidence."""

from __future__ import annotations

from slq_desk.ingest.analyse import analyse_file
from tests.support.scanned import text_page_pdf


def test_filing_date_cut_by_the_line_end() -> None:
    pdf = text_page_pdf(["生成式人工智能服务已登记证明", "北京智行大模型科技股份有限公司：",
                         "你单位提交的“智行工业大模型”生成式人工智能服务登记材料已收悉。经审核，该服务已于20",
                         "24年9月12日完成登记，登记编号为Beijing-ZXDM-202409120033。",
                         "北京市互联网信息办公室"], size=10.0)
    report = analyse_file("x.pdf", pdf)
    assert report.kind == "model_filing"
    filed = report.extraction.fields["filed_on"]
    assert filed.value == "2024-09-12"
    assert filed.bbox is not None and filed.bbox[3] - filed.bbox[1] > 20  # spans both lines
