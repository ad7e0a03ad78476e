"""Payment receipts (银行电子回单 / 付款凭证 / 转账凭证): payer, payee, accounts, amount, date,
purpose, serial number.

The big banks' 电子回单 differ in layout more than in words: explicit labels (付款人名称：…),
a grid whose row starts with the role (付款人 | 户名 | … | 收款人 | 户名 | …), two role blocks
side by side each with its own 户名/账号/开户行, or the blocks stacked. Explicit labels win;
otherwise every 户名/账号 is given to the role header (付款…/收款…/转出/转入/汇款人) it sits
beside or under, by position; failing even that, the payer comes first in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from slq_desk.extract.evidence import Extraction
from slq_desk.extract.find import AMOUNT, DATE, WORDS, Hit, amount_str, date_str, search
from slq_desk.extract.geometry import find_all, find_value, label_regex
from slq_desk.extract.text import DocText, Line

TEXT = r"[^\t:]+?(?=\t|$|\s+[^\s:]{1,15}:)"
ACCOUNT = r"\d[\d\s*]{5,40}\d"
ROLES = {
    "payer": ("付款人", "付款方", "付款单位", "付款账户", "付款信息", "汇款人", "转出方", "转出账户",
              "出账方", "出账账户", "付方", "借方"),
    "payee": ("收款人", "收款方", "收款单位", "收款账户", "收款信息", "收款账号信息", "转入方",
              "转入账户", "入账方", "入账账户", "收方", "贷方"),
}
NAME_LABELS = {
    "payer": ("付款人名称", "付款方名称", "付款人户名", "付款方户名", "付款账户名称", "付款账户名",
              "付款单位名称", "付款单位", "汇款人名称", "汇款人", "转出户名", "转出账户名称",
              "出账户名", "付方户名", "付款人全称", "付款户名", "付款人", "付款方"),
    "payee": ("收款人名称", "收款方名称", "收款人户名", "收款方户名", "收款账户名称", "收款账户名",
              "收款单位名称", "收款单位", "转入户名", "转入账户名称", "入账户名", "收方户名",
              "收款人全称", "收款户名", "收款人", "收款方"),
}
ACCOUNT_LABELS = {
    "payer": ("付款人账号", "付款方账号", "付款账号", "付款账户", "付款卡号", "转出账号", "转出账户",
              "出账账号", "付方账号", "汇款人账号"),
    "payee": ("收款人账号", "收款方账号", "收款账号", "收款账户", "收款卡号", "转入账号", "转入账户",
              "入账账号", "收方账号"),
}
BANK_LABELS = {
    "payer": ("付款人开户行", "付款人开户银行", "付款方开户行", "付款开户行", "付款银行", "付款行名",
              "付款行",
              "转出行", "汇出行"),
    "payee": ("收款人开户行", "收款人开户银行", "收款方开户行", "收款开户行", "收款银行", "收款行名",
              "收款行",
              "转入行", "汇入行"),
}
_BANK = ("开户银行", "开户行", "开户机构", "开户网点", "银行名称")
_HOLDER = ("户名", "账户名称", "账户名", "名称", "全称", "单位名称")
_ACCOUNT = ("账号", "账户", "卡号", "账户号码")
_AMOUNT_LABELS = ("金额(小写)", "小写金额", "交易金额", "转账金额", "付款金额", "汇款金额", "支付金额",
                  "实付金额", "发生额", "金额")
_DATE_LABELS = ("交易日期", "交易时间", "付款日期", "支付日期", "转账日期", "记账日期", "入账日期",
                "回单日期", "汇款日期", "业务日期", "会计日期", "日期", "时间")
_PURPOSE = ("用途", "交易用途", "汇款用途", "资金用途", "付款用途", "转账用途", "附言", "转账附言",
            "摘要", "备注")
_SERIAL = ("交易流水号", "交易流水", "流水号", "回单编号", "回单号码", "回单号", "电子回单号码", "交易序号",
           "凭证号", "凭证编号", "业务编号", "交易参考号", "柜员流水号", "业务流水号")


def extract_payment(text: DocText) -> Extraction:
    out = Extraction(kind="payment_receipt")
    lines = list(text.lines())
    stop = [w for ws in (*NAME_LABELS.values(), *ACCOUNT_LABELS.values(), *ROLES.values())
            for w in ws] + [*_HOLDER, *_ACCOUNT, "开户行", "开户银行", "开户机构"]
    for role in ("payer", "payee"):
        hit = find_value(lines, NAME_LABELS[role], TEXT, stop=stop)
        if hit is not None and _is_name(hit):
            out.put(f"{role}_name", hit.field())
        hit = find_value(lines, ACCOUNT_LABELS[role], ACCOUNT, stop=stop)
        if hit is not None:
            out.put(f"{role}_account", hit.field(_digits(hit.text)))
        hit = find_value(lines, BANK_LABELS[role], TEXT, stop=stop)
        if hit is not None and "银行" in hit.text:
            out.put(f"{role}_bank", hit.field())
    if any(f"{r}_{w}" not in out.fields for r in ("payer", "payee") for w in ("name", "account", "bank")):
        _by_blocks(out, lines)
    _amount(out, lines)
    _amount_in_words(out, lines)
    hit = find_value(lines, _DATE_LABELS, DATE)
    if hit and (iso := date_str(hit.text)):
        out.put("pay_date", hit.field(iso))
    hit = find_value(lines, _PURPOSE, TEXT, below=False)
    out.put("purpose", hit.field() if hit else None)
    hit = find_value(lines, _SERIAL, r"[A-Za-z0-9][A-Za-z0-9\-]{5,40}")
    out.put("serial_number", hit.field() if hit else None)
    return out


def _digits(text: str) -> str:
    return re.sub(r"\s", "", text)


def _is_name(hit: Hit) -> bool:
    text = hit.text
    return len(text) >= 2 and not re.fullmatch(r"[\d\s*,.\-]+", text) and ":" not in text


# After a 大写 label the value follows at once ("人民币（大写）贰拾万…"): the general rule that a
# label runs straight into more Chinese only in prose does not hold for the numerals.
_WORDS_LABELS = ("金额(大写)", "大写金额", "金额大写", "交易金额(大写)", "人民币(大写)", "大写")
_WORDS_SEP = r"[ ]*(?:\([^)\t]{0,12}\))?[ ]*:?[ ]*"


def _amount_in_words(out: Extraction, lines: list[Line]) -> None:
    for hit in find_all(lines, _WORDS_LABELS, WORDS, sep=_WORDS_SEP):
        text = re.sub(r"^人民币\s*", "", hit.text)
        if amount_str(text) is not None:
            start = hit.start + (len(hit.text) - len(text))
            out.put("amount_in_words", Hit(hit.line, start, hit.end).field(re.sub(r"\s", "", text)))
            return


def _amount(out: Extraction, lines: list[Line]) -> None:
    for hit in find_all(lines, _AMOUNT_LABELS, rf"(?:{WORDS}|{AMOUNT})"):
        if "大写" in hit.line.text[max(0, hit.start - 6):hit.start]:
            continue
        value = amount_str(hit.text)
        if value is not None:
            out.put("amount", hit.field(value))
            return
    for hit in find_all(lines, _WORDS_LABELS, WORDS, sep=_WORDS_SEP):
        value = amount_str(hit.text)
        if value is not None:
            out.put("amount", hit.field(value))
            return


def _by_blocks(out: Extraction, lines: Sequence[Line]) -> None:
    """户名/账号 given to the role header they sit beside or under."""
    role_re = {role: re.compile(label_regex(words)) for role, words in ROLES.items()}
    headers: list[tuple[str, float, float, float, int]] = []  # role, x0, y-mid, height, page
    for line in lines:
        for role, pattern in role_re.items():
            for m in pattern.finditer(line.text):
                box = line.span_bbox(m.start(), m.end())
                if box is not None:
                    headers.append((role, box[0], (box[1] + box[3]) / 2, box[3] - box[1], line.page))
    if not headers:
        _in_order(out, lines)
        return
    holder_re = re.compile(rf"{label_regex(_HOLDER)}\s*:?\s*(?P<v>{TEXT})")
    account_re = re.compile(rf"{label_regex(_ACCOUNT)}\s*:?\s*(?P<v>{ACCOUNT})")
    bank_re = re.compile(rf"{label_regex(_BANK)}\s*:?\s*(?P<v>{TEXT})")
    for field, pattern, clean in (("name", holder_re, None), ("account", account_re, _digits),
                                  ("bank", bank_re, None)):
        hits = [h for h in search(lines, pattern) if field != "name" or _is_name(h)]
        taken: set[int] = set()
        for role in ("payer", "payee"):
            if f"{role}_{field}" in out.fields:
                continue
            best: tuple[float, int] | None = None
            for n, hit in enumerate(hits):
                if n in taken:
                    continue
                box = hit.line.span_bbox(hit.start, hit.end)
                if box is None:
                    continue
                for h_role, x, y, height, page in headers:
                    if h_role != role or page != hit.line.page:
                        continue
                    dy = (box[1] + box[3]) / 2 - y
                    if x > box[0] + height:
                        continue
                    # A header cell merged over its block's rows sits beside the middle one.
                    if dy < -0.6 * height and not (x < box[0] - height and dy >= -3 * height):
                        continue
                    score = abs(dy) + 0.3 * (box[0] - x)
                    if best is None or score < best[0]:
                        best = (score, n)
            if best is not None:
                hit = hits[best[1]]
                taken.add(best[1])
                if field == "bank" and "行" not in hit.text:
                    continue
                out.put(f"{role}_{field}", hit.field(clean(hit.text) if clean else None))


def _in_order(out: Extraction, lines: Sequence[Line]) -> None:
    holders = list(find_all(lines, _HOLDER, TEXT))
    accounts = list(find_all(lines, _ACCOUNT, ACCOUNT))
    banks = [h for h in find_all(lines, _BANK, TEXT) if "银行" in h.text or "行" in h.text[-2:]]
    for index, role in enumerate(("payer", "payee")):
        if len(holders) > index and _is_name(holders[index]):
            out.put(f"{role}_name", holders[index].field())
        if len(accounts) > index:
            out.put(f"{role}_account", accounts[index].field(_digits(accounts[index].text)))
        if len(banks) > index:
            out.put(f"{role}_bank", banks[index].field())
