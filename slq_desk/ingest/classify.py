"""Which kind of document a file is: from its text first (the title above all), its name second.

Each rule lists title words, supporting body words and file-name words for one kind; the
order of ``RULES`` settles overlaps (中小企业声明函 before 承诺函, 使用情况表 before 使用报告).
The result carries a confidence in percent so the UI can ask a person to confirm the weak
ones, and a person's choice (``doc set-kind``) always overrides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from slq_desk.extract.normalise import compact
from slq_desk.extract.text import DocText, title_lines
from slq_desk.kinds import DOCUMENT_KINDS

# The shared vocabulary (slq_desk/kinds.py), under the name the extractors use.
KINDS: dict[str, str] = DOCUMENT_KINDS


@dataclass(frozen=True)
class Rule:
    kind: str
    title: tuple[str, ...]  # words in the title (the top lines of page 1)
    body: tuple[tuple[str, ...], ...] = ()  # groups of words that together mark the kind
    name: tuple[str, ...] = ()  # words in the file name


RULES: tuple[Rule, ...] = (
    Rule("voucher_certificate", ("算力券凭证", "券凭证"), (), ("算力券凭证",)),
    Rule("authorisation_letter", ("授权书", "授权委托书"), (), ("授权书", "授权委托")),
    Rule("legal_rep_id", ("法定代表人身份证明",), (), ("法定代表人身份证明", "法人身份证明")),
    Rule("model_filing", ("备案登记证明", "备案证明", "登记证明", "上线备案"), (),
         ("备案证明", "登记证明", "模型备案")),
    Rule("supplier_qualification", ("资质", "服务证明"), (), ("资质",)),
    Rule("invoice", ("发票",), (("发票号码", "价税合计"), ("发票号码", "开票日期")),
         ("发票", "invoice")),
    Rule("sme_declaration", ("中小企业声明函",), (("中小企业声明函",),), ("中小企业声明",)),
    Rule("business_licence", ("营业执照",), (("统一社会信用代码", "法定代表人", "成立日期"),),
         ("营业执照", "licence", "license")),
    Rule("credit_report", ("信用报告", "信用信息报告", "信用记录"), (("信用中国", "报告编号"),),
         ("信用报告", "信用中国", "credit")),
    Rule("application_form", ("申报表", "备案表", "使用情况表", "申请表", "登记表", "汇总表"),
         (), ("申报表", "备案表", "使用情况表", "申请表", "登记表")),
    Rule("usage_report", ("使用报告", "使用情况报告"), (), ("使用报告",)),
    Rule("usage_log", ("结算单", "对账单", "账单", "计量", "使用记录", "使用明细", "消费明细",
                       "日志", "结算清单", "计费清单"),
         (("计费周期", "卡时"), ("结算周期", "卡时")),
         ("结算", "账单", "计量", "使用记录", "日志", "明细")),
    Rule("payment_receipt", ("回单", "付款凭证", "支付凭证", "转账凭证", "付款回执", "汇款"),
         (("付款人", "收款人", "交易"), ("付款方", "收款方", "转账")),
         ("回单", "付款", "支付凭证", "转账")),
    Rule("implementation_report", ("实施报告", "实施情况报告", "实施情况", "实施方案",
                                   "研发及应用情况", "应用情况说明"), (),
         ("实施报告", "实施情况")),
    Rule("commitment_letter", ("承诺函", "承诺书"), (), ("承诺",)),
    Rule("contract", ("合同", "协议"), (("甲方", "乙方", "签订"), ("甲方", "乙方", "服务期")),
         ("合同", "协议", "contract")),
)


@dataclass(frozen=True)
class Classification:
    kind: str
    confidence: int  # percent
    reason: str


def classify(text: DocText | None, filename: str) -> Classification:
    stem = compact(PurePosixPath(filename).stem).lower()
    by_name = next((r.kind for r in RULES if any(w.lower() in stem for w in r.name)), None)
    if text is not None:
        titles = [compact(line.text) for line in title_lines(text)]
        for rule in RULES:
            for title in titles:
                if any(w in title for w in rule.title) and not _is_reference(title):
                    confidence = 99 if by_name == rule.kind else 90
                    return Classification(rule.kind, confidence, f"title “{title[:40]}”")
        body = compact("".join(line.text for line in text.lines(range(0, 2))))
        for rule in RULES:
            for group in rule.body:
                if all(w in body for w in group):
                    confidence = 90 if by_name == rule.kind else 70
                    return Classification(rule.kind, confidence, "words " + "/".join(group))
    if by_name is not None:
        return Classification(by_name, 55, f"file name “{filename}”")
    return Classification("other", 30, "no rule matched")


def _is_reference(title: str) -> bool:
    # "合同编号：HT-2026-001" on a form's first line names a contract; it is not a title.
    return bool(re.search(r"(编号|号码|名称)[:：]", title))
