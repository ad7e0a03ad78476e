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


def test_usage_log_tax_basis_from_the_note_under_its_table() -> None:
    rows = ["算力使用明细导出", "客户名称：达州川东智造科技有限公司",
            "计费月份      卡型号        使用卡时      费用（元）",
            "2026-04       海光DCU Z100   5000         30,000.00",
            "2026-05       海光DCU Z100   5000         30,000.00",
            "合计                         10000        60,000.00"]
    for note, said in (("说明：费用为不含税金额。", "false"), ("说明：以上金额均含税。", "true")):
        report = analyse_file("log.pdf", text_page_pdf([*rows, note], size=9.0))
        assert report.kind == "usage_log"
        assert report.extraction.fields["amount_includes_tax"].value == said
