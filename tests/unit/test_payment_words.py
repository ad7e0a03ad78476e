"""Bank receipts: the amount in 大写 is read whether it follows its label at once
("人民币（大写）贰拾万…") or after 金额大写：, and it agrees with the figures."""

from __future__ import annotations

import pytest

from slq_desk.ingest.analyse import analyse_file
from tests.support.scanned import text_page_pdf


@pytest.mark.parametrize("line,words", [
    ("转账金额：¥207,760.00    人民币（大写）贰拾万柒仟柒佰陆拾元整", "贰拾万柒仟柒佰陆拾元整"),
    ("金额：RMB63,600.00    金额大写：人民币陆万叁仟陆佰元整", "陆万叁仟陆佰元整"),
])
def test_amount_in_words_on_a_receipt(line: str, words: str) -> None:
    pdf = text_page_pdf(["招商银行 业务回单（付款）", "付款人名称：武汉楚天慧图科技有限公司",
                         "收款人名称：武汉光谷智算运营有限公司", line, "交易日期：2026/07/25",
                         "用途：支付算力服务费"], size=10.0)
    report = analyse_file("回单.pdf", pdf)
    assert report.kind == "payment_receipt"
    assert report.extraction.fields["amount_in_words"].value == words
