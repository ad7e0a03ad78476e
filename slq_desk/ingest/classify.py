"""Which kind of document a file is, decided by its content; the file name is one weak hint.

Every kind has signals of four strengths: words in the title (the largest lines at the top of
the first page — the strongest, and the longer the matched word the more specific), phrases an
issuing body prints in the body ("兹授权", "郑重承诺", "中小企业划型标准"), table headers or
label sets that only that kind has (发票号码 + 价税合计; 付款人 + 收款人; 日期 + 卡时 + 金额), and
words in the file name. Each kind's evidence is scored; the best wins, and its confidence grows
with its score and its lead over the runner-up, so a weak or contested answer is shown for a
person to confirm. The reasons travel with the result (and are stored with the document), and a
person's choice (``doc set-kind``) always overrides it — for every identical file thereafter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from slq_desk.extract.normalise import compact
from slq_desk.extract.text import DocText, title_lines
from slq_desk.kinds import DOCUMENT_KINDS

# The shared vocabulary (slq_desk/kinds.py), under the name the extractors use.
KINDS: dict[str, str] = DOCUMENT_KINDS

TITLE_WEIGHT = 6.0  # plus the matched word's length: 中小企业声明函 outweighs 承诺函
HEAD_WEIGHT = 4.0  # the title ends with the word: the head noun says the kind
PHRASE_WEIGHT = 2.5  # each distinctive phrase of the body, at most MAX_PHRASES counted
MAX_PHRASES = 3
GROUP_WEIGHT = 5.0  # a set of labels or table headers that only this kind has, all present
NAME_WEIGHT = 2.0  # a word in the file name: a hint, never enough against content


@dataclass(frozen=True)
class Rule:
    kind: str
    title: tuple[str, ...]  # words in the title (the top lines of page 1)
    groups: tuple[tuple[str, ...], ...] = ()  # label/header sets that together mark the kind
    name: tuple[str, ...] = ()  # words in the file name
    phrases: tuple[str, ...] = ()  # what the issuing body prints in the body


RULES: tuple[Rule, ...] = (
    Rule("voucher_certificate", ("算力券电子凭证", "算力券凭证", "券凭证", "算力券兑付凭证", "算力券确认书"),
         (("算力券", "凭证编号"), ("算力券", "券面金额"), ("算力券编号", "持券单位")),
         ("算力券凭证", "券凭证"), ("持券单位", "券面金额", "算力券编号", "核发")),
    Rule("authorisation_letter", ("授权书", "授权委托书", "法人授权"),
         (("授权人", "被授权人"), ("委托人", "受托人", "授权")),
         ("授权书", "授权委托"), ("兹授权", "特此授权", "代理权限", "被授权人", "授权期限")),
    Rule("legal_rep_id", ("法定代表人身份证明", "身份证明书", "身份证复印件", "居民身份证", "身份证明"),
         (("公民身份号码",), ("身份证号码", "法定代表人"), ("签发机关", "有效期限")),
         ("法定代表人身份证明", "法人身份证明", "身份证"),
         ("公民身份号码", "签发机关", "居民身份证", "系我单位法定代表人", "特此证明")),
    Rule("model_filing", ("备案登记证明", "备案证明", "登记证明", "上线备案", "算法备案", "服务备案",
                          "备案通知", "模型备案"),
         (("备案编号", "模型"), ("备案号", "算法")),
         ("备案证明", "登记证明", "模型备案", "算法备案"),
         ("生成式人工智能服务", "深度合成", "网信办", "备案编号", "上线备案")),
    Rule("supplier_qualification", ("资质证明", "资质", "服务证明", "服务能力证明", "供给方证明"),
         (("兹证明", "算力供给方"),),
         ("资质",), ("增值电信业务经营许可证", "兹证明", "服务能力")),
    Rule("invoice", ("发票",),
         (("发票号码", "价税合计"), ("发票号码", "开票日期"), ("购买方", "销售方", "税额")),
         ("发票", "invoice", "fapiao"), ("价税合计", "开票人", "税务局", "销售方", "购买方")),
    Rule("sme_declaration", ("中小企业声明函",), (("中小企业声明函",), ("从业人员", "营业收入", "资产总额")),
         ("中小企业声明",), ("中小企业划型标准", "中型企业", "小型企业", "微型企业")),
    Rule("business_licence", ("营业执照",),
         (("统一社会信用代码", "法定代表人", "成立日期"), ("注册资本", "经营范围", "登记机关")),
         ("营业执照", "licence", "license", "执照"),
         ("登记机关", "经营范围", "国家企业信用信息公示系统", "注册资本", "营业期限")),
    Rule("credit_report", ("信用报告", "信用信息报告", "信用记录", "无违法违规", "公共信用信息",
                           "信用状况"),
         (("信用中国", "报告编号"),), ("信用报告", "信用中国", "credit", "信用"),
         ("信用中国", "失信", "行政处罚", "严重失信主体", "经营异常")),
    Rule("application_form", ("申报表", "备案表", "使用情况表", "申请表", "登记表", "汇总表", "申领表",
                              "兑付申请", "补贴申请", "情况表", "信息表"),
         (("申报单位", "申请金额"), ("单位名称", "统一社会信用代码", "联系人", "申请")),
         ("申报表", "备案表", "使用情况表", "申请表", "登记表", "申领表", "申领"),
         ("申报方向", "申请金额", "申领算力补贴", "填报说明", "申报单位")),
    Rule("usage_report", ("使用报告", "使用情况报告", "使用情况说明", "应用报告", "使用说明"),
         (), ("使用报告", "使用情况"), ("我单位", "累计使用", "算力资源用于", "使用成效")),
    Rule("usage_log", ("结算单", "对账单", "账单", "计量", "使用记录", "使用明细", "消费明细", "日志",
                       "结算清单", "计费清单", "用量清单", "结算确认单", "用量明细", "使用量确认"),
         (("计费周期", "卡时"), ("结算周期", "卡时"), ("日期", "卡时", "金额"), ("月份", "卡时", "金额")),
         ("结算", "账单", "计量", "使用记录", "日志", "明细", "对账"),
         ("计费周期", "结算周期", "作业编号", "日小计", "计费卡时")),
    Rule("payment_receipt", ("回单", "付款凭证", "支付凭证", "转账凭证", "付款回执", "汇款", "交易凭证",
                             "转账记录", "支付回执", "付款通知"),
         (("付款人", "收款人"), ("付款方", "收款方"), ("户名", "账号", "交易"), ("转出", "转入")),
         ("回单", "付款", "支付凭证", "转账", "汇款", "银行"),
         ("交易流水号", "回单编号", "电子回单", "记账日期", "交易金额", "银行")),
    Rule("implementation_report", ("实施报告", "实施情况报告", "实施情况", "实施方案", "研发及应用情况",
                                   "应用情况说明", "项目总结", "建设方案", "验收报告"),
         (), ("实施报告", "实施情况", "实施方案"), ("项目背景", "实施内容", "预期成效", "实施进度")),
    Rule("commitment_letter", ("承诺函", "承诺书", "信用承诺"), (), ("承诺",),
         ("郑重承诺", "承诺如下", "特此承诺", "本单位承诺")),
    Rule("contract", ("合同", "协议", "协议书", "订单", "采购单"),
         (("甲方", "乙方", "签订"), ("甲方", "乙方", "服务期"), ("需求方", "供给方"),
          ("委托方", "受托方"), ("买方", "卖方")),
         ("合同", "协议", "contract"),
         ("违约责任", "以下简称", "双方", "争议解决", "不可抗力", "合同生效")),
)


@dataclass(frozen=True)
class Classification:
    kind: str
    confidence: int  # percent
    reason: str
    reasons: tuple[str, ...] = field(default=())


def _score(rule: Rule, titles: list[str], body: str, stem: str) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    for title in titles:
        words = [w for w in rule.title if w in title]
        if words:
            word = max(words, key=len)
            score += TITLE_WEIGHT + len(word)
            # A Chinese title ends with what the document is: 无违法违规承诺书 is a 承诺书.
            head = re.sub(r"\([^)]*\)$|[（(][^)）]*$", "", title)
            if any(head.endswith(w) for w in words):
                score += HEAD_WEIGHT
            reasons.append(f"标题“{title[:30]}”含“{word}”")
            break
    for group in rule.groups:
        if all(w in body for w in group):
            score += GROUP_WEIGHT
            reasons.append("正文/表头含 " + "+".join(group))
            break
    phrases = [p for p in rule.phrases if p in body][:MAX_PHRASES]
    if phrases:
        score += PHRASE_WEIGHT * len(phrases)
        reasons.append("正文含 " + "、".join(phrases))
    name = next((w for w in rule.name if w.lower() in stem), None)
    if name is not None:
        score += NAME_WEIGHT
        reasons.append(f"文件名含“{name}”")
    return score, reasons


def classify(text: DocText | None, filename: str) -> Classification:
    stem = compact(PurePosixPath(filename).stem).lower()
    titles: list[str] = []
    body = ""
    if text is not None:
        titles = [t for line in title_lines(text) if not _is_reference(t := compact(line.text))]
        body = compact("".join(line.text for line in text.lines(range(0, 3))))
    scored = sorted(((*_score(rule, titles, body, stem), rule.kind) for rule in RULES),
                    key=lambda s: -s[0])
    best, reasons, kind = scored[0]
    runner_up = scored[1][0]
    if best < NAME_WEIGHT or not reasons:
        return Classification("other", 30, "no rule matched", ("没有可判断类型的标题、正文或文件名",))
    confidence = _confidence(best, runner_up)
    return Classification(kind, confidence, "; ".join(reasons), tuple(reasons))


def _confidence(best: float, runner_up: float) -> int:
    """Grows with the evidence and with its lead; a file name alone stays below 60."""
    lead = best - runner_up
    value = 35 + 2.5 * best + 1.5 * lead
    return int(max(30, min(99, value)))


def _is_reference(title: str) -> bool:
    # "合同编号：HT-2026-001" on a form's first line names a contract; it is not a title.
    return bool(re.search(r"(编号|号码|名称|日期)[:：]", title))
