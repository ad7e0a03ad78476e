"""Layouts the line templates could not read: values beside or under their labels, on other
baselines, two-column headers, 以下简称 roles, 万元 totals on a later page, bank receipts'
role blocks, monthly settlement rows, prose usage reports (issue 13, item 2)."""

from __future__ import annotations

from slq_desk.extract.text import build_lines
from slq_desk.ingest.analyse import analyse_file
from tests.unit.ingest_samples import valid_uscc
from tests.unit.layout_samples import grid, placed_pdf, rows

A_ID = valid_uscc("91510100MA6C0A01K")
B_ID = valid_uscc("91510100MA6C0B02L")


def _fields(data: bytes, name: str = "x.pdf") -> tuple[str, dict[str, str], list[dict[str, str]]]:
    report = analyse_file(name, data)
    items = [{k: v.value for k, v in item.items()} for item in report.extraction.items]
    return report.kind, {k: v.value for k, v in report.extraction.fields.items()}, items


def test_two_column_header_pairs_each_party_with_its_own_id() -> None:
    page1 = [(200, 60, "算力资源租赁协议", 18),
             (50, 100, "协议编号：ZL-2026-0419"),
             (50, 130, "甲方：星河智算科技有限公司"), (320, 130, "乙方：天府云算力服务有限公司"),
             (50, 150, f"统一社会信用代码：{A_ID}"), (320, 150, f"统一社会信用代码：{B_ID}"),
             *rows(50, 190, ["第一条 乙方向甲方提供昇腾910B智算资源，服务方式为裸金属整机租赁。",
                             "第二条 服务期限：2026.03.01 至 2026.12.31。",
                             "第三条 算力主要用于多模态大模型训练，不用于其他用途。"])]
    page2 = [*rows(50, 80, ["第四条 费用", "单价为每卡时人民币11.00元（11.00元/卡时），",
                            "合计 60,000 卡时。"]),
             *rows(50, 200, ["第五条 合同总价（含税）：人民币陆拾陆万元整（¥660,000.00）",
                             "税率6%，其中税额：¥37,358.49。",
                             "甲方承诺本合同费用未享受其他财政补贴。"]),
             (50, 400, "甲方（盖章）："), (320, 400, "乙方（盖章）："),
             (50, 430, "日期：2026年2月26日"), (320, 430, "日期：2026年2月26日")]
    kind, f, _ = _fields(placed_pdf([page1, page2]))
    assert kind == "contract"
    assert f["buyer_name"] == "星河智算科技有限公司"
    assert f["supplier_name"] == "天府云算力服务有限公司"
    assert (f["buyer_id"], f["supplier_id"]) == (A_ID, B_ID)
    assert f["contract_number"] == "ZL-2026-0419"
    assert (f["term_start"], f["term_end"]) == ("2026-03-01", "2026-12-31")
    assert (f["total"], f["tax"], f["tax_rate"]) == ("660000.00", "37358.49", "6%")
    assert (f["card_model"], f["domestic"]) == ("昇腾910B", "true")
    assert (f["card_hours"], f["unit_price"]) == ("60000", "11.00")
    assert f["signed_on"] == "2026-02-26"
    assert f["service_mode"] == "裸金属整机租赁"
    assert "多模态大模型训练" in f["purpose"]
    assert f["other_subsidy_clause"] == "true"


def test_defined_roles_wan_yuan_on_page_three_and_a_price_table() -> None:
    page1 = [(230, 60, "算力服务合同", 18),
             *rows(50, 110, ["需求方（以下简称\u201c甲方\u201d）：成都慧眼人工智能研究院",
                             f"统一社会信用代码：{A_ID}",
                             "供给方（以下简称\u201c乙方\u201d）：四川蜀算科技有限公司",
                             f"统一社会信用代码：{B_ID}",
                             "合同编号：SC/2026/077",
                             "本合同于2026年1月18日在成都市签订。"])]
    table = grid(50, 120, [["序号", "服务内容", "卡型", "数量（卡时）", "单价（元/卡时）", "金额（万元）"],
                           ["1", "智能算力服务", "MLU370-X8", "50,000", "12.00", "60.00"],
                           ["2", "高性能存储服务", "—", "—", "—", "3.60"],
                           ["", "合计", "", "", "", "63.60"]],
                 [30, 110, 80, 80, 90, 80])
    page2 = [(50, 80, "附件：服务清单及价格"), *table]
    page3 = rows(50, 80, ["第六条 服务期限为12个月，自2026年2月1日起算。",
                          "第七条 服务费总额（含税）为人民币63.6万元。"])
    kind, f, items = _fields(placed_pdf([page1, page2, page3]), "附件3.pdf")
    assert kind == "contract"
    assert (f["buyer_name"], f["supplier_name"]) == ("成都慧眼人工智能研究院", "四川蜀算科技有限公司")
    assert (f["buyer_id"], f["supplier_id"]) == (A_ID, B_ID)
    assert f["contract_number"] == "SC/2026/077"
    assert f["signed_on"] == "2026-01-18"
    assert f["total"] == "636000.00"
    assert (f["term_start"], f["term_end"]) == ("2026-02-01", "2027-01-31")
    assert (f["card_model"], f["domestic"]) == ("MLU370-X8", "true")
    assert f["card_hours"] == "50000"
    assert [(i["service"], i["amount"]) for i in items] == [("compute", "600000.00"),
                                                            ("storage", "36000.00")]


def test_supplier_named_first_by_its_definition() -> None:
    text = rows(50, 100, ["本合同由以下双方订立：",
                          "服务方：北京京算云科技有限公司（以下简称\u201c甲方\u201d）",
                          "委托方：北京某某大模型研究院（以下简称\u201c乙方\u201d）",
                          "甲方为乙方提供NVIDIA H800算力服务，合同金额：人民币1,200,000.00元。"])
    kind, f, _ = _fields(placed_pdf([[(230, 60, "技术服务合同", 18), *text]]))
    assert kind == "contract"
    assert f["supplier_name"] == "北京京算云科技有限公司"
    assert f["buyer_name"] == "北京某某大模型研究院"
    assert (f["card_model"], f["domestic"]) == ("NVIDIA H800", "false")
    assert f["total"] == "1200000.00"


def test_unknown_card_is_a_finding_not_a_guess() -> None:
    text = rows(50, 100, ["甲方：某某科技有限公司", "乙方：某某算力有限公司",
                          "算力卡型号：XG-9000（国产）", "合同金额：¥100,000.00"])
    report = analyse_file("c.pdf", placed_pdf([[(230, 60, "算力服务合同", 18), *text]]))
    f = report.extraction.fields
    assert f["card_model"].value == "XG-9000"
    assert "domestic" not in f and f["domestic_stated"].value == "true"
    assert [x.code for x in report.findings] == ["card_model_unknown"]
    assert "不在目录中" in report.findings[0].message_zh


def test_receipt_with_explicit_labels_cny_and_compact_date() -> None:
    page = [(220, 60, "中国某某银行电子回单", 16),
            *rows(50, 110, ["付款人名称：星河智算科技有限公司", "付款人账号：6222 0210 0101 2345 678",
                            "金额：CNY 346,500.00", "交易日期：20260408", "用途：算力服务费",
                            "交易流水号：HX20260408000123"]),
            *rows(320, 110, ["收款人名称：天府云算力服务有限公司", "收款人账号：4402 2300 0900 1122 334"])]
    kind, f, _ = _fields(placed_pdf([page]))
    assert kind == "payment_receipt"
    assert f == {"payer_name": "星河智算科技有限公司", "payee_name": "天府云算力服务有限公司",
                 "payer_account": "6222021001012345678", "payee_account": "4402230009001122334",
                 "amount": "346500.00", "pay_date": "2026-04-08", "purpose": "算力服务费",
                 "serial_number": "HX20260408000123"}


def test_receipt_grid_with_merged_role_cells() -> None:
    table = grid(40, 120, [["", "户名", "星河智算科技有限公司", "", "户名", "天府云算力服务有限公司"],
                           ["付款人", "账号", "6222021001012345678", "收款人", "账号", "4402230009001122334"],
                           ["", "开户行", "某某银行成都分行", "", "开户行", "某某银行高新支行"]],
                 [45, 40, 170, 45, 40, 170])
    page = [(220, 60, "网上银行电子回单", 16), *table,
            (40, 200, "转账金额"), (130, 202, "¥346,500.00"),
            (40, 220, "交易时间"), (130, 220, "2026/4/8 10:22:01"),
            (40, 240, "摘要"), (130, 240, "支付算力服务费")]
    kind, f, _ = _fields(placed_pdf([page]), "回单.pdf")
    assert kind == "payment_receipt"
    assert (f["payer_name"], f["payee_name"]) == ("星河智算科技有限公司", "天府云算力服务有限公司")
    assert (f["payer_account"], f["payee_account"]) == ("6222021001012345678", "4402230009001122334")
    assert (f["amount"], f["pay_date"], f["purpose"]) == ("346500.00", "2026-04-08", "支付算力服务费")


def test_receipt_stacked_blocks() -> None:
    page = [(220, 60, "转账凭证", 16),
            *rows(50, 100, ["付款方信息", "户名：星河智算科技有限公司", "账号：6222021001012345678",
                            "收款方信息", "户名：天府云算力服务有限公司", "账号：4402230009001122334",
                            "交易金额：人民币叁拾肆万陆仟伍佰元整", "记账日期：2026年4月8日"])]
    kind, f, _ = _fields(placed_pdf([page]))
    assert kind == "payment_receipt"
    assert (f["payer_name"], f["payee_name"]) == ("星河智算科技有限公司", "天府云算力服务有限公司")
    assert (f["payer_account"], f["payee_account"]) == ("6222021001012345678", "4402230009001122334")
    assert (f["amount"], f["pay_date"]) == ("346500.00", "2026-04-08")


def test_invoice_ids_on_their_own_baselines() -> None:
    """数电 invoices draw each value as its own text object; its box sits lower than the
    label's, so the line builder puts it on a line of its own."""
    page = [(200, 40, "电子发票（普通发票）", 16),
            (400, 70, "发票号码：26512000000098765432"), (400, 85, "开票日期：2026年04月09日"),
            *rows(30, 110, "购买方信息", step=10), (60, 120, "名称："),
            (92, 123.5, "星河智算科技有限公司", 9),
            (60, 140, "统一社会信用代码/纳税人识别号："), (218, 143.5, A_ID, 9),
            *rows(300, 110, "销售方信息", step=10), (330, 120, "名称："),
            (362, 123.5, "天府云算力服务有限公司", 9),
            (330, 140, "统一社会信用代码/纳税人识别号："), (490, 143.5, B_ID, 9),
            *grid(30, 180, [["项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率/征收率", "税额"],
                            ["*信息技术服务*算力服务", "昇腾910B", "卡时", "30000", "11.00", "330000.00", "6%", "19800.00"]],
                  [130, 60, 40, 50, 50, 70, 70, 70]),
            (30, 240, "合计"), (370, 243, "¥330000.00", 9), (500, 243, "¥19800.00", 9),
            (30, 260, "价税合计（大写）"), (130, 260, "叁拾肆万玖仟捌佰圆整"), (400, 260, "（小写）¥349800.00")]
    kind, f, items = _fields(placed_pdf([page]), "file.pdf")
    assert kind == "invoice"
    assert (f["buyer_name"], f["seller_name"]) == ("星河智算科技有限公司", "天府云算力服务有限公司")
    assert (f["buyer_id"], f["seller_id"]) == (A_ID, B_ID)
    assert (f["amount"], f["tax"], f["total"]) == ("330000.00", "19800.00", "349800.00")
    assert len(items) == 1 and items[0]["amount"] == "330000.00"


def test_ocr_words_feed_the_same_finder() -> None:
    """Words with boxes from any source (here as OCR returns them) become lines the finders
    read: a label and its value a few points apart vertically still pair up."""
    from slq_desk.extract.geometry import find_value

    words = [(60.0, 131.0, 220.0, 141.0, "统一社会信用代码/纳税人识别号:"),
             (228.0, 136.0, 330.0, 145.5, A_ID)]
    lines = build_lines(list(words), 0)
    assert len(lines) == 2  # the builder keeps them apart ...
    hit = find_value(lines, ["统一社会信用代码/纳税人识别号"], r"[0-9A-Z]{18}")
    assert hit is not None and hit.text == A_ID  # ... and the finder pairs them by position


def test_monthly_settlement_rows_and_totals() -> None:
    table = grid(50, 140, [["结算月份", "资源类型", "使用量（卡时）", "结算金额（元）"],
                           ["2026年3月", "昇腾910B", "12,000", "132,000.00"],
                           ["2026年4月", "昇腾910B", "18,000", "198,000.00"],
                           ["合计", "", "30,000", "330,000.00"]],
                 [110, 110, 110, 120])
    page = [(200, 60, "算力服务结算单", 16), (50, 100, "结算周期：2026-03-01 ~ 2026-04-30"), *table]
    kind, f, items = _fields(placed_pdf([page]), "附件.pdf")
    assert kind == "usage_log"
    assert (f["period_start"], f["period_end"]) == ("2026-03-01", "2026-04-30")
    assert (f["card_hours"], f["amount"]) == ("30000", "330000.00")
    assert [(i["month"], i["card_hours"], i["amount"]) for i in items] == [
        ("2026-03", "12000", "132000.00"), ("2026-04", "18000", "198000.00")]


def test_prose_usage_report() -> None:
    text = rows(50, 110, [
        "我单位（成都慧眼人工智能研究院）于2026年2月1日至2026年6月30日期间，",
        "使用四川蜀算科技有限公司提供的寒武纪MLU370-X8算力开展医学影像大模型训练，",
        "累计使用算力28,500卡时，支付算力服务费用共计人民币34.2万元。"])
    kind, f, _ = _fields(placed_pdf([[(180, 60, "算力使用情况报告", 16), *text]]), "x.pdf")
    assert kind == "usage_report"
    assert (f["period_start"], f["period_end"]) == ("2026-02-01", "2026-06-30")
    assert f["card_hours"] == "28500"
    assert f["amount"] == "342000.00"
    assert f["card_model"] == "寒武纪MLU370-X8"


def test_glyph_by_glyph_lines_keep_their_words() -> None:
    """PDFs converted from OFD draw each character on its own with wide tracking: the
    letter spacing must not become cell boundaries, while real column gaps still do."""
    def tracked(x: float, y: float, text: str, pitch: float = 14.0) -> list[tuple[float, float, str]]:
        return [(x + i * pitch, y, ch) for i, ch in enumerate(text)]

    number = "26512000000098765432"
    page = [(200, 40, "电子发票（普通发票）", 16), *tracked(330, 80, "发票号码："),
            *tracked(400, 80, number, 7.5)]
    lines = build_lines(
        [(x, y - 8, x + 10 * (1 if ord(t[0]) > 255 else 0.55), y + 2, t) for x, y, t, *_ in page[1:]], 0)
    assert len(lines) == 1 and "\t" not in lines[0].text  # no glyph became a cell of its own
    assert lines[0].compact == f"发票号码:{number}"
    kind, f, _ = _fields(placed_pdf([page]), "t.pdf")
    assert kind == "invoice" and f["invoice_number"] == number
