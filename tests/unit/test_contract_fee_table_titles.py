"""A contract's fee table says more than its prose: the unit-price column's title says whether
tax is in the price (含税单价, 单价（元，不含税）, also wrapped over two lines), and its
规格/型号 cell names the card in full where the first mention in the text is short (issue 13)."""

from __future__ import annotations

from slq_desk.extract.contract import _price_title_tax
from slq_desk.ingest.analyse import analyse_file
from tests.unit.ingest_samples import valid_uscc
from tests.unit.layout_samples import grid, placed_pdf, rows

A_ID = valid_uscc("91510100MA6C0A01K")
B_ID = valid_uscc("91510100MA6C0B02L")


def _contract(header: list[str], row: list[str]) -> dict[str, str]:
    page = [(230, 60, "算力服务采购合同", 18),
            *rows(50, 100, ["买方：成都蓉城数字孪生技术股份有限公司", f"统一社会信用代码：{A_ID}",
                            "卖方：成都天府智算中心运营有限公司", f"统一社会信用代码：{B_ID}",
                            "买卖双方经协商一致，买方向卖方采购下列云计算资源及服务，订立本合同。"]),
            *grid(50, 220, [header, row, ["合计（含税）", "", "", "", "", "148,400.00"]],
                  [100, 80, 60, 50, 80, 90])]
    report = analyse_file("x.pdf", placed_pdf([page]))
    assert report.kind == "contract"
    return {k: v.value for k, v in report.extraction.fields.items()}


def test_a_tax_inclusive_unit_price_column_says_so() -> None:
    f = _contract(["资源名称", "规格/型号", "数量", "计费单位", "含税单价（元）", "含税金额（元）"],
                  ["L40S GPU算力服务", "NVIDIA L40S", "25000", "卡时", "5.94", "148,400.00"])
    assert f["unit_price"] == "5.94"
    assert f["unit_price_includes_tax"] == "true"


def test_the_spec_cell_names_the_card_in_full() -> None:
    f = _contract(["资源名称", "规格/型号", "数量", "计费单位", "单价（元）", "金额（元）"],
                  ["L40S GPU算力服务", "NVIDIA L40S", "25000", "卡时", "5.94", "148,400.00"])
    assert (f["card_model"], f["domestic"]) == ("NVIDIA L40S", "false")
    assert "unit_price_includes_tax" not in f  # the title says nothing: nothing assumed


def test_a_price_title_that_says_nothing_of_tax_decides_nothing() -> None:
    assert _price_title_tax("序号服务内容单价(元/卡时)金额(元,不含税)") is None
    assert _price_title_tax("单价金额(含税)") is None


def test_price_titles() -> None:
    assert _price_title_tax("资源名称含税单价(元)含税金额(元)") == "true"
    assert _price_title_tax("不含税单价(元)金额") == "false"
    assert _price_title_tax("单价(元/卡时,含税)金额") == "true"
    assert _price_title_tax("单价(元,不含税)金额(元,不含税)") == "false"
    # Two wrapped titles joined column by column: "单价（元，不" / "含税）".
    assert _price_title_tax("卡数(张单价(元,不金额(元,不含序号服务内容卡型号数量)含税)税)") == "false"


def _settlement(model_line: str) -> dict[str, str]:
    table = grid(50, 160, [["序号", "计费期间", "使用卡时", "结算金额（元，含税）"],
                           ["1", "2026.05.15-2026.05.31", "5,999", "69,241.32"],
                           ["合计", "", "5,999", "69,241.32"]],
                 [40, 160, 90, 140])
    page = [(200, 60, "光谷智算算力服务结算单", 16),
            (50, 100, "客户名称：武汉楚天慧图科技有限公司"),
            (50, 120, f"合同编号：GGZS-2026-0522  {model_line}"),
            (50, 140, "结算周期：2026-05-15 至 2026-05-31"), *table]
    report = analyse_file("对账.pdf", placed_pdf([page]))
    assert report.kind == "usage_log"
    return {k: v.value for k, v in report.extraction.fields.items()}


def test_a_settlement_for_two_cards_names_both_with_their_makers() -> None:
    assert _settlement("资源型号：昇腾910B、NVIDIA H20")["card_model"] == "昇腾910B、NVIDIA H20"
    assert _settlement("资源型号：寒武纪MLU370-S4")["card_model"] == "寒武纪MLU370-S4"
    # Prose after the model is not a second card.
    assert _settlement("资源型号：昇腾910B，按卡时计费")["card_model"] == "昇腾910B"


def test_the_sum_row_of_a_tax_column_and_a_card_count_wrapped_before_its_unit() -> None:
    page = [(230, 60, "算力服务合同", 18),
            *rows(50, 100, ["甲方：长沙麓谷智能制造有限公司", f"统一社会信用代码：{A_ID}",
                            "乙方：湖南湘江算力科技有限公司", f"统一社会信用代码：{B_ID}",
                            "乙方以裸金属算力租赁形式向甲方交付昇腾910B加速卡算力（共32",
                            "卡），并提供环境部署等配套技术服务。"]),
            *grid(50, 240, [["服务项目", "加速卡型号", "使用量", "单价（元）", "金额（元）", "税额（元）"],
                            ["昇腾910B算力资源", "昇腾910B", "60000卡时", "9.00", "540000.00",
                             "32400.00"],
                            ["合计", "", "60000卡时", "", "540000.00", "32400.00"]],
                  [100, 80, 70, 60, 80, 80]),
            *rows(50, 320, ["技术服务费总额为人民币57.24万元（含税，税率6%）。"])]
    report = analyse_file("x.pdf", placed_pdf([page]))
    f = {k: v.value for k, v in report.extraction.fields.items()}
    assert report.kind == "contract"
    assert (f["total"], f["tax"], f["tax_rate"]) == ("572400.00", "32400.00", "6%")
    assert f["card_count"] == "32"
