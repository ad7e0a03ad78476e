"""Payment receipts (银行电子回单 / 付款凭证): payer, payee, accounts, amount, date, purpose.

Receipts print the payer's and the payee's blocks side by side (户名 / 账号 twice on a line)
or one above the other; in both the payer comes first in reading order, and explicit
付款人/收款人 labels win when a template uses them.
"""

from __future__ import annotations

from slq_desk.extract.evidence import Extraction
from slq_desk.extract.find import (
    CELL,
    DATE,
    MONEY,
    date_str,
    first,
    label_pattern,
    labelled,
    money_str,
    search,
)
from slq_desk.extract.text import DocText

_COLON = r"\s*:\s*"

_HOLDER = label_pattern(["户名", "账户名称", "名称"], CELL, _COLON)
_ACCOUNT_RE = r"\d[\d\s]{5,40}\d"
_ACCOUNT = label_pattern(["账号", "账户", "卡号"], _ACCOUNT_RE, _COLON)
_PAYER_ACCOUNT = label_pattern(["付款人账号", "付款账号", "付款方账号", "付款账户"], _ACCOUNT_RE, _COLON)
_PAYEE_ACCOUNT = label_pattern(["收款人账号", "收款账号", "收款方账号", "收款账户"], _ACCOUNT_RE, _COLON)
_PAYER = label_pattern(["付款人名称", "付款方名称", "付款人户名", "付款人", "付款方"], CELL, _COLON)
_PAYEE = label_pattern(["收款人名称", "收款方名称", "收款人户名", "收款人", "收款方"], CELL, _COLON)
_AMOUNT = label_pattern(["金额(小写)", "小写金额", "交易金额", "付款金额", "金额"], rf"(?:{MONEY})")
_DATE = label_pattern(["交易日期", "付款日期", "支付日期", "转账日期", "记账日期", "日期"], DATE)
_PURPOSE = ["用途", "附言", "付款用途", "资金用途"]


def extract_payment(text: DocText) -> Extraction:
    out = Extraction(kind="payment_receipt")
    lines = list(text.lines())
    payer, payee = first(lines, _PAYER), first(lines, _PAYEE)
    holders = list(search(lines, _HOLDER))
    out.put("payer_name", payer.field() if payer else (holders[0].field() if holders else None))
    out.put("payee_name", payee.field() if payee else
            (holders[1].field() if len(holders) > 1 else None))
    # Labelled 付款账号/收款账号 when the template says whose; else the two 账号 in order.
    accounts = list(search(lines, _ACCOUNT))
    for name, pattern, index in (("payer_account", _PAYER_ACCOUNT, 0),
                                 ("payee_account", _PAYEE_ACCOUNT, 1)):
        hit = first(lines, pattern) or (accounts[index] if len(accounts) > index else None)
        if hit is not None:
            out.put(name, hit.field(hit.text.replace(" ", "")))
    hit = first(lines, _AMOUNT)
    if hit and (value := money_str(hit.text)):
        out.put("amount", hit.field(value))
    hit = first(lines, _DATE)
    if hit and (iso := date_str(hit.text)):
        out.put("pay_date", hit.field(iso))
    hit = labelled(lines, _PURPOSE)
    out.put("purpose", hit.field() if hit else None)
    return out
