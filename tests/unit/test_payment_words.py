"""Bank receipts: the BOCOM grid labels (付款户名, 收款行名, 交易流水) are read; the amount
in 大写 is read whether it follows its label at once ("人民币（大写）贰拾万…") or after
金额大写：."""

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


def test_bocom_grid_labels_户名_行名_交易流水() -> None:
    pdf = text_page_pdf(["交通银行电子回单凭证",
                         "付款账号      5612008132832799217", "付款户名      达州川东智造科技有限公司",
                         "付款行名      中国银行股份有限公司达州分行",
                         "收款账号      4210422394171523705", "收款户名      达州数智算力运营有限公司",
                         "收款行名      交通银行股份有限公司达州分行", "交易金额      63,600.00",
                         "会计日期      20261015", "交易流水      DZ20260002", "摘要      算力服务费"],
                        size=10.0)
    fields = analyse_file("回单.pdf", pdf).extraction.fields
    got = {k: fields[k].value for k in ("payer_name", "payer_bank", "payee_name", "payee_bank",
                                         "serial_number")}
    assert got == {"payer_name": "达州川东智造科技有限公司", "payer_bank": "中国银行股份有限公司达州分行",
                   "payee_name": "达州数智算力运营有限公司", "payee_bank": "交通银行股份有限公司达州分行",
                   "serial_number": "DZ20260002"}
