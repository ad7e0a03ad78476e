"""Values in running text: one cut by the line end ("已于20" / "24年9月12日完成登记") is read
whole, from both lines, with both parts as its evidence; Hunan 附件4's own wording gives the purpose
(为推动XX项目（用途）) and the card scale (已使用32卡规模)."""

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


def test_hunan_usage_report_purpose_and_card_scale_in_its_annex_wording() -> None:
    pdf = text_page_pdf(["附件4", "算力资源使用报告", "二、算力资源使用情况",
                         "2025年，本公司与湖南湘江算力科技有限公司签订《算力服务合同》，采购昇腾910B智能算力服务。",
                         "其中1月至6月，为推动麓谷工业视觉大模型项目（工业质检大模型训练推理），本公司已使用32",
                         "卡规模的昇腾910B算力，累计使用60000卡时。",
                         "长沙麓谷智能制造有限公司（盖章）"], size=9.0)
    report = analyse_file("附件4.pdf", pdf)
    assert report.kind == "usage_report"
    fields = report.extraction.fields
    assert fields["purpose"].value == "工业质检大模型训练推理"
    assert fields["card_count"].value == "32"
