"""Contracts, usage logs, receipts and forms drawn in the tests (independent of the generator)."""

from __future__ import annotations

import pytest

from slq_desk.extract.services import service_of
from slq_desk.ingest.analyse import analyse_file
from tests.unit.ingest_samples import grid_pdf, text_pdf


@pytest.mark.parametrize("name,service", [
    ("智能算力租赁服务", "compute"), ("GPU裸金属租用", "compute"), ("高性能并行存储服务", "storage"),
    ("公网带宽及专线服务", "network"), ("算力适配技术支持服务", "tech_support"),
    ("国产化适配迁移服务", "adaptation"), ("国产大模型Token服务", "token"), ("云数据库服务", "database"),
    ("等保安全防护服务", "security"), ("办公用品", "other"),
])
def test_service_tags(name: str, service: str) -> None:
    assert service_of(name) == service


def _log(total_hours: str, total_amount: str) -> bytes:
    return grid_pdf(
        "算力服务使用记录（结算单）",
        ["统计周期：2026年01月01日至2026年01月03日", "算力卡型号：海光DCU K100　计费单价：12.00元/卡时"],
        ["日期", "使用卡时", "金额（元）"],
        [["2026-01-01", "10", "120.00"], ["2026-01-02", "12", "144.00"], ["2026-01-03", "9", "108.00"]],
        [f"合计使用卡时：{total_hours}卡时", f"合计金额：{total_amount}元"])


def test_usage_log_rows_and_totals() -> None:
    report = analyse_file("算力使用记录.pdf", _log("31", "372.00"))
    assert report.kind == "usage_log"
    f = {k: v.value for k, v in report.extraction.fields.items()}
    assert f == {"period_start": "2026-01-01", "period_end": "2026-01-03",
                 "card_model": "海光DCU K100", "card_hours": "31", "amount": "372.00"}
    days = [(i["date"].value, i["card_hours"].value, i["amount"].value)
            for i in report.extraction.items]
    assert days == [("2026-01-01", "10", "120.00"), ("2026-01-02", "12", "144.00"),
                    ("2026-01-03", "9", "108.00")]
    assert report.findings == []


def test_usage_log_that_does_not_add_up() -> None:
    report = analyse_file("算力使用记录.pdf", _log("40", "480.00"))
    codes = [f.code for f in report.findings]
    assert codes == ["usage_sum_mismatch", "usage_sum_mismatch"]
    assert "31" in report.findings[0].message_en and "40" in report.findings[0].message_en


def test_contract_fields_and_lines() -> None:
    data = grid_pdf(
        "算力服务合同",
        ["合同编号：HT-2026-017", "甲方（算力需求方）：武汉某某科技有限公司",
         "统一社会信用代码：91420100MA4K00001U", "乙方（算力供给方）：湖北某某云计算有限公司",
         "统一社会信用代码：91420100MA4K00002Y", "算力卡型号：NVIDIA H20（非国产）",
         "服务期限：自2026年1月5日至2026年6月30日止。", "单价：人民币7.50元/卡时（不含税）",
         "算力总量：20,000卡时"],
        ["服务项目", "数量", "金额（元）"],
        [["智能算力租赁服务", "20,000", "150,000.00"], ["对象存储服务", "10", "1,000.00"]],
        ["合同总价（含税）：人民币160,060.00元", "本合同项下费用未申请其他财政补贴。",
         "签订日期：2026年1月4日"])
    report = analyse_file("合同.pdf", data)
    f = {k: v.value for k, v in report.extraction.fields.items()}
    assert f == {"contract_number": "HT-2026-017", "buyer_name": "武汉某某科技有限公司",
                 "supplier_name": "湖北某某云计算有限公司", "buyer_id": "91420100MA4K00001U",
                 "supplier_id": "91420100MA4K00002Y", "signed_on": "2026-01-04",
                 "term_start": "2026-01-05", "term_end": "2026-06-30", "card_model": "NVIDIA H20",
                 "domestic": "false", "domestic_stated": "false", "card_hours": "20000",
                 "unit_price": "7.50", "unit_price_includes_tax": "false",
                 "total": "160060.00", "other_subsidy_clause": "true"}
    lines = [(i["name"].value, i["service"].value, i["amount"].value) for i in report.extraction.items]
    assert lines == [("智能算力租赁服务", "compute", "150000.00"), ("对象存储服务", "storage", "1000.00")]


def test_payment_receipt_stacked_layout() -> None:
    data = text_pdf(["付款人：武汉某某科技有限公司", "付款账号：6222 0200 1234 5678",
                     "收款人：湖北某某云计算有限公司", "收款账号：4200 1234 5678 9012 3",
                     "交易日期：2026-02-03", "金额（小写）：¥53,000.00", "用途：算力服务费"],
                    title="中国建设银行单位客户专用回单")
    report = analyse_file("回单.pdf", data)
    f = {k: v.value for k, v in report.extraction.fields.items()}
    assert f["payer_name"] == "武汉某某科技有限公司" and f["payee_name"] == "湖北某某云计算有限公司"
    assert (f["payer_account"], f["payee_account"]) == ("6222020012345678", "42001234567890123")
    assert (f["amount"], f["pay_date"], f["purpose"]) == ("53000.00", "2026-02-03", "算力服务费")


def test_application_form_amount_in_wan_and_sme_box() -> None:
    data = grid_pdf("算力补贴申报表", [],
                    ["单位名称", "武汉某某科技有限公司"],
                    [["统一社会信用代码", "91420100MA4K00001U"], ["是否属于中小企业", "□是　■否"],
                     ["申请算力补贴金额（万元）", "12.345678"], ["补贴比例", "30%"],
                     ["合同编号", "HT-2026-017"], ["所获政策资金额度（万元）", "1.5"]], [],
                    col_width=200)
    report = analyse_file("申报表.pdf", data)
    f = {k: v.value for k, v in report.extraction.fields.items()}
    assert f == {"form_type": "subsidy", "applicant_name": "武汉某某科技有限公司",
                 "applicant_id": "91420100MA4K00001U", "sme": "false",
                 "requested_amount": "123456.78", "rate": "30%", "contract_number": "HT-2026-017",
                 "other_fiscal_support": "15000.00"}


def test_grid_value_wrapping_inside_its_cell() -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    from slq_desk.fonts import register_cjk_font

    font = register_cjk_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(595, 842))
    c.setFont(font, 18)
    c.drawCentredString(297, 790, "算力券申报登记表")
    c.setFont(font, 10)
    # Label centred in a two-line row; the long name wraps in the value cell above and below.
    c.drawString(62, 700, "单位名称")
    c.drawString(160, 706.5, "武汉东湖新技术开发区长江算力")
    c.drawString(160, 693.5, "科技股份有限公司")
    c.drawString(62, 670, "统一社会信用代码")
    c.drawString(160, 670, "91420100MA4K00001U")
    c.showPage()
    c.save()
    report = analyse_file("登记表.pdf", buf.getvalue())
    name = report.extraction.fields["applicant_name"]
    assert name.value == "武汉东湖新技术开发区长江算力科技股份有限公司"
    assert name.bbox is not None and name.bbox[1] < 140 < name.bbox[3]  # spans both lines
    assert report.extraction.fields["applicant_id"].value == "91420100MA4K00001U"
