"""Four contract templates, multi-page, each naming the parties and the money its own way.

A ``甲方/乙方`` service contract with a two-column party table and a price table; a lease
agreement with ``需求方（以下简称"甲方"）`` and a total in 万元 on page 3; a 技术服务合同 in the
科技部 model's shape (cover page, 委托方/受托方, price table late in the document); a purchase
contract with 买方/卖方, dotted dates and storage/network lines. Any of them can carry the
statement on other subsidies that Beijing asks for.
"""

from __future__ import annotations

from decimal import Decimal

from tests.corpus.model import Case, Doc
from tests.corpus.pdfkit import Writer
from tests.corpus.values import amount_in_words, cn_date, grouped, plain, wan

CONTRACT_STYLES = ("service", "lease", "techservice", "purchase")

_FILLER = [
    ("服务标准", "乙方应保证所提供算力资源的可用性不低于99.5%（按自然月统计），单次故障恢复时间不超过4小时；"
     "因乙方原因导致月度可用性低于约定标准的，乙方应按未达标时长对应费用的两倍向甲方提供服务时长补偿。"),
    ("甲方的权利和义务", "甲方应按照本合同约定的用途使用算力资源，不得将算力资源转租、转售或用于任何违反法律法规的活动；"
     "甲方应妥善保管平台账号及密钥，因甲方保管不善造成的损失由甲方自行承担；甲方有权随时查询资源使用情况及计费明细。"),
    ("乙方的权利和义务", "乙方应按约定交付算力资源并提供7×24小时运维支持；乙方应配合甲方开展算力使用真实性核查，"
     "按甲方要求出具资源分配记录、使用日志及结算单据，并对其真实性负责。"),
    ("数据安全与保密", "双方对在履行本合同过程中知悉的对方商业秘密、技术资料及数据负有保密义务，保密期限自本合同签订之日起至相关信息依法公开之日止。"
     "乙方不得访问、复制、留存或向第三方披露甲方在算力平台上存储和处理的任何数据。"),
    ("知识产权", "甲方利用乙方算力资源形成的模型、算法、数据集及其他成果的知识产权归甲方所有；乙方提供的平台软件及工具的知识产权归乙方所有。"),
    ("违约责任", "任何一方违反本合同约定的，应当承担违约责任，赔偿因此给对方造成的直接经济损失；甲方逾期付款的，每逾期一日按应付未付金额的万分之三支付违约金，"
     "但累计不超过应付未付金额的百分之五。"),
    ("不可抗力", "因地震、洪水、疫情、政府行为等不可抗力导致本合同不能履行的，受影响一方应在不可抗力发生后十日内书面通知对方，并提供相关证明，双方协商确定是否延期履行或解除合同。"),
    ("争议解决", "因本合同引起的或与本合同有关的任何争议，双方应友好协商解决；协商不成的，任何一方均可向原告住所地有管辖权的人民法院提起诉讼。"),
    ("通知与送达", "双方在本合同首部载明的地址为有效送达地址，一方变更送达地址的，应在变更后三日内书面通知对方，否则按原地址送达视为有效送达。"),
    ("合同的变更与解除", "本合同的任何变更须经双方协商一致并签订书面补充协议；补充协议与本合同具有同等法律效力。"),
]


def _doc(case: Case, w: Writer, name: str, style: str, fields: dict[str, str],
         items: list[dict[str, str]]) -> Doc:
    data = w.finish()
    if "card_model" in w.fields:
        w.fields.setdefault("domestic", w.fields["card_model"])
    return Doc(name=name, data=data, kind="contract", fields=fields, items=items, pages=w.page,
               field_pages={k: w.fields.get(k, 0) for k in fields}, style=f"contract-{style}")


def _items(case: Case) -> list[dict[str, str]]:
    return [{"name": ln.name, "service": ln.service, "card_model": ln.card_model,
             "quantity": f"{ln.hours.normalize():f}", "unit": ln.unit,
             "unit_price": plain(ln.unit_price), "amount": plain(ln.amount), "tax": plain(ln.tax)}
            for ln in case.lines]


def _base_fields(case: Case) -> dict[str, str]:
    a, s = case.applicant, case.supplier
    return {
        "contract_number": case.contract_number, "buyer_name": a.name, "buyer_id": a.uscc,
        "supplier_name": s.name, "supplier_id": s.uscc, "signed_on": case.signed.isoformat(),
        "term_start": case.term_start.isoformat(), "term_end": case.term_end.isoformat(),
        "card_model": case.card_model,
        "domestic": "true" if all(ln.domestic for ln in case.compute_lines) else "false",
        "card_hours": f"{case.card_hours.normalize():f}", "total": plain(case.total),
        "tax_rate": "6%", "service_mode": case.service_mode, "purpose": case.purpose,
    }


def _subsidy_clause(w: Writer, case: Case, n: str, fields: dict[str, str]) -> None:
    w.para(f"{n} 关于财政补贴情况的说明", 11, fields=("other_subsidy_clause",))
    w.para(case.other_support_note, first_indent=True)
    fields["other_subsidy_clause"] = "true"
    if case.other_fiscal_support:
        fields["other_fiscal_support"] = plain(case.other_fiscal_support)
        w.mark("other_fiscal_support")


def _filler(w: Writer, start: int, count: int, numbering: str = "第{n}条") -> int:
    for k in range(count):
        title, text = _FILLER[(start + k) % len(_FILLER)]
        w.para(numbering.format(n=_cn_num(start + k)) + " " + title, 11)
        w.para(text, first_indent=True)
    return start + count


def _cn_num(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n <= 10:
        return "十" if n == 10 else digits[n]
    if n < 20:
        return "十" + digits[n - 10]
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def _sign_block(w: Writer, case: Case, left: str, right: str, stamp: bool, seed: int) -> None:
    w.ensure(190)
    y = w.y + 50
    a, s = case.applicant, case.supplier
    w.text(w.margin, y, f"{left}（盖章）：{a.name}", 10)
    w.text(w.w / 2 + 10, y, f"{right}（盖章）：{s.name}", 10)
    w.text(w.margin, y + 26, "法定代表人或授权代表（签字）：", 10)
    w.text(w.w / 2 + 10, y + 26, "法定代表人或授权代表（签字）：", 10)
    w.text(w.margin, y + 52, f"日期：{cn_date(case.signed)}", 10)
    w.text(w.w / 2 + 10, y + 52, f"日期：{cn_date(case.signed)}", 10)
    w.mark("signed_on")
    if stamp:
        w.seal(a.name, w.margin + 60, y - 30, 110, seed)
        w.seal(s.name, w.w / 2 + 80, y - 24, 110, seed + 1)
    w.y = y + 80


def _annex_config(w: Writer, case: Case) -> None:
    """附件一: the server configuration list, on its own page."""
    w.new_page()
    w.para("附件一：算力资源配置清单", 12)
    rows = [["项目", "配置说明"]]
    for ln in case.compute_lines:
        rows += [["加速卡", f"{ln.card_model}，每台8卡，共{ln.card_count}卡"],
                 ["CPU", "2 × 64核 通用处理器"], ["内存", "2TB DDR5"], ["本地存储", "4 × 7.68TB NVMe SSD"],
                 ["网络", "8 × 200Gbps RoCE 参数面网络，2 × 25Gbps 业务面网络"]]
    rows.append(["交付地点", case.datacentre])
    w.table([120, 363], rows, size=9.5)
    w.para("附件二：服务等级协议（SLA）", 12)
    for title, text in _FILLER[:3]:
        w.para(f"{title}：{text}", 10, first_indent=True)


# -- A: service contract, 甲方/乙方 in a two-column table ------------------------------------

def service_contract(case: Case, name: str, stamp: bool = False, seed: int = 0) -> Doc:
    a, s = case.applicant, case.supplier
    fields = _base_fields(case)
    fields.update(amount=plain(case.amount), tax=plain(case.tax), unit_price=plain(case.lines[0].unit_price),
                  card_count=str(sum(ln.card_count for ln in case.compute_lines)),
                  total_in_words=amount_in_words(case.total))
    w = Writer("算力服务合同")
    w.text(w.w - w.margin, 40, f"合同编号：{case.contract_number}", 9.5, anchor="r")
    w.mark("contract_number")
    w.heading("算 力 服 务 合 同", 20, 30)
    w.table([241.5, 241.5], [
        ["甲方（算力需求方）", "乙方（算力服务方）"],
        [f"名称：{a.name}", f"名称：{s.name}"],
        [f"统一社会信用代码：{a.uscc}", f"统一社会信用代码：{s.uscc}"],
        [f"住所：{a.address}", f"住所：{s.address}"],
        [f"法定代表人：{a.legal_rep}", f"法定代表人：{s.legal_rep}"],
        [f"联系电话：{a.phone}", f"联系电话：{s.phone}"],
    ], size=9.5, row_fields=[(), ("buyer_name", "supplier_name"), ("buyer_id", "supplier_id")])
    w.para("根据《中华人民共和国民法典》及相关法律法规，甲乙双方本着平等自愿、诚实信用的原则，就乙方向甲方提供智能算力服务事宜，经友好协商，订立本合同，以资共同遵守。", first_indent=True)
    w.para("第一条 服务内容与价格", 11)
    w.para(f"乙方以{case.service_mode}方式向甲方提供智能算力服务，服务用途为{case.purpose}，"
           f"算力部署于{case.datacentre}。具体配置及价格如下：", first_indent=True,
           fields=("service_mode", "purpose"))
    rows = [["序号", "服务内容", "卡型号", "卡数（张）", "数量", "单价（元，不含税）", "金额（元，不含税）"]]
    for i, ln in enumerate(case.lines, 1):
        rows.append([str(i), ln.name, ln.card_model or "—", str(ln.card_count) if ln.card_count else "—",
                     f"{ln.hours.normalize():,f}{ln.unit}", f"{ln.unit_price:.2f}", grouped(ln.amount)])
    rows.append(["合计", "", "", "", "", "", grouped(case.amount)])
    w.table([30, 118, 68, 50, 80, 62, 75], rows, size=8.8, align="cllrrrr",
            row_fields=[(), ("card_model", "card_hours", "unit_price", "card_count")])
    w.para(f"本合同总价（含税）为人民币{grouped(case.total)}元（大写：{amount_in_words(case.total)}），"
           f"其中不含税金额{grouped(case.amount)}元，增值税税率6%，税额{grouped(case.tax)}元。",
           first_indent=True, fields=("total", "total_in_words", "amount", "tax", "tax_rate"))
    w.para("第二条 服务期限", 11)
    w.para(f"服务期限自{cn_date(case.term_start)}至{cn_date(case.term_end)}。服务期满前三十日内，双方可协商续约。",
           first_indent=True, fields=("term_start", "term_end"))
    w.para("第三条 费用结算与支付", 11)
    w.para("算力服务费按月结算。乙方于每月前五个工作日内向甲方提供上月结算单，经甲方确认后开具增值税电子发票，"
           "甲方在收到发票后十五个工作日内将款项支付至乙方下列账户：", first_indent=True)
    w.para(f"户名：{s.name}　开户行：{s.bank}　账号：{s.account}", indent=24)
    n = _filler(w, 4, 5)
    _subsidy_clause(w, case, f"第{_cn_num(n)}条", fields)
    w.para(f"第{_cn_num(n + 1)}条 其他", 11)
    w.para("本合同一式肆份，甲乙双方各执贰份，自双方签字盖章之日起生效。", first_indent=True)
    _sign_block(w, case, "甲方", "乙方", stamp, seed)
    _annex_config(w, case)
    return _doc(case, w, name, "service", fields, _items(case))


# -- B: lease agreement, 需求方（以下简称"甲方"）, total in 万元 on page 3 ----------------------

def lease_contract(case: Case, name: str, stamp: bool = False, seed: int = 0) -> Doc:
    a, s = case.applicant, case.supplier
    ln = case.compute_lines[0]
    fields = _base_fields(case)
    fields.update(unit_price=plain(ln.unit_price_incl), unit_price_includes_tax="true",
                  card_count=str(ln.card_count), total_in_words=amount_in_words(case.total))
    w = Writer("智能算力资源租赁协议", margin=62)
    w.heading("智能算力资源租赁协议", 18, 26)
    w.para(f"协议编号：{case.contract_number}", 10, fields=("contract_number",))
    w.y += 6
    w.para(f"需求方：{a.name}（以下简称“甲方”）", 10.5, fields=("buyer_name",))
    w.para(f"统一社会信用代码：{a.uscc}", 10.5, fields=("buyer_id",))
    w.para(f"通讯地址：{a.address}", 10.5)
    w.y += 6
    w.para(f"供给方：{s.name}（以下简称“乙方”）", 10.5, fields=("supplier_name",))
    w.para(f"统一社会信用代码：{s.uscc}", 10.5, fields=("supplier_id",))
    w.para(f"通讯地址：{s.address}", 10.5)
    w.y += 6
    w.para("鉴于甲方因业务发展需要租用智能算力资源，乙方具备提供相应算力资源的能力和资质，双方经平等协商，就智能算力资源租赁事宜达成如下协议：", first_indent=True)
    w.para("一、租赁标的", 11)
    w.para(f"1.1 乙方向甲方出租{ln.card_model} GPU服务器算力资源，每台服务器配置8张加速卡，共{ln.card_count // 8 or 1}台、"
           f"{ln.card_count}张加速卡，预计使用总量为{ln.hours.normalize():,f}卡时。",
           fields=("card_model", "card_count", "card_hours"))
    w.para(f"1.2 租用方式：{case.service_mode}。算力资源部署于{case.datacentre}，由乙方负责机房环境、电力、散热及硬件运维。",
           fields=("service_mode",))
    w.para(f"1.3 甲方租用算力用于{case.purpose}，不得用于本协议约定以外的用途。", fields=("purpose",))
    w.para("二、租赁期限", 11)
    w.para(f"2.1 租赁期自{cn_date(case.term_start)}起至{cn_date(case.term_end)}止。",
           fields=("term_start", "term_end"))
    w.para("2.2 乙方应于租赁期起始日前完成资源交付并向甲方发送交付确认单，甲方应在收到后三个工作日内完成验收。")
    for k in range(2):
        title, text = _FILLER[k]
        w.para(f"{'三四'[k]}、{title}", 11)
        w.para(text, first_indent=True)
        w.para(_FILLER[k + 5][1], first_indent=True)
    while w.page < 3:
        title, text = _FILLER[(w.y > 0) + 6]
        w.para(text, first_indent=True)
    w.para("五、租金及支付方式", 11)
    w.para(f"5.1 租金单价为每卡每小时人民币{ln.unit_price_incl:.2f}元（含税），上述价款含6%增值税。",
           fields=("unit_price", "unit_price_includes_tax", "tax_rate"))
    w.para(f"5.2 本协议项下服务费总额（含税）为人民币{wan(case.total)}万元"
           f"（大写：人民币{amount_in_words(case.total)}）。", fields=("total", "total_in_words"))
    w.para("5.3 租金按季度预付，甲方应于每季度首月十日前支付当季租金，乙方收款后五个工作日内开具等额增值税电子发票。")
    w.para("六、其他约定", 11)
    _filler(w, 6, 3, "6.{n}")
    _subsidy_clause(w, case, "七、", fields)
    w.para("八、协议生效", 11)
    w.para("本协议自双方法定代表人或授权代表签字并加盖公章之日起生效，一式两份，双方各执一份。", first_indent=True)
    _sign_block(w, case, "甲方", "乙方", stamp, seed)
    return _doc(case, w, name, "lease", fields, _items(case))


# -- C: 技术服务合同, 委托方/受托方, cover page, price table late -------------------------------

def techservice_contract(case: Case, name: str, stamp: bool = False, seed: int = 0) -> Doc:
    a, s = case.applicant, case.supplier
    fields = _base_fields(case)
    fields.update(amount=plain(case.amount), tax=plain(case.tax), unit_price=plain(case.lines[0].unit_price),
                  card_count=str(sum(ln.card_count for ln in case.compute_lines)))
    w = Writer("技术服务合同", margin=60)
    w.text(w.w - 70, 70, f"合同登记编号：{case.contract_number}", 10, anchor="r")
    w.mark("contract_number")
    w.text(w.w / 2, 220, "技 术 服 务 合 同", 26, anchor="c")
    info = [("项目名称", f"{case.project}算力技术服务"), ("委托方（甲方）", a.name),
            ("受托方（乙方）", s.name), ("签订时间", f"{case.signed:%Y年%m月%d日}"),
            ("签订地点", a.address[:6]),
            ("有效期限", f"{case.term_start:%Y年%m月%d日}至{case.term_end:%Y年%m月%d日}")]
    y = 330
    for label, value in info:
        w.text(120, y, f"{label}：", 12)
        w.text(230, y + 0.8, value, 12)
        w.line(228, y + 5, 500, y + 5, 0.5)
        y += 40
    w.mark("buyer_name", "supplier_name", "signed_on", "term_start", "term_end")
    w.text(w.w / 2, 740, "中华人民共和国科学技术部印制（示范文本）", 10, anchor="c")
    w.new_page()
    w.heading("填 写 说 明", 14, 16)
    for i, t in enumerate([
        "本合同为技术服务合同示范文本，各技术合同认定登记机构可推荐技术合同当事人参照使用。",
        "本合同书适用于一方当事人（受托方）以技术知识为对方（委托方）解决特定技术问题所订立的合同。",
        "签约一方为多个当事人的，可按各自在合同关系中的作用等，在“委托方”、“受托方”项下（增页）分别排列为共同委托人或共同受托人。",
        "本合同书未尽事项，可由当事人附页另行约定，并作为本合同的组成部分。",
        "当事人使用本合同书时约定无需填写的条款，应在该条款处注明“无”等字样。"], 1):
        w.para(f"{_cn_num(i)}、{t}", 10.5, first_indent=True)
    w.new_page()
    w.para(f"委托方（甲方）：{a.name}", 10.5)
    w.para(f"住所地：{a.address}", 10.5)
    w.para(f"法定代表人：{a.legal_rep}　　统一社会信用代码：{a.uscc}", 10.5, fields=("buyer_id",))
    w.para(f"项目联系人：{a.contact}　　联系方式：{a.contact_phone}", 10.5)
    w.y += 8
    w.para(f"受托方（乙方）：{s.name}", 10.5)
    w.para(f"住所地：{s.address}", 10.5)
    w.para(f"法定代表人：{s.legal_rep}　　统一社会信用代码：{s.uscc}", 10.5, fields=("supplier_id",))
    w.para(f"项目联系人：{s.contact}　　联系方式：{s.contact_phone}", 10.5)
    w.y += 8
    w.para("本合同甲方委托乙方就算力资源保障及技术支撑项目进行专项技术服务，并支付相应的技术服务报酬。双方经过平等协商，"
           "在真实、充分地表达各自意愿的基础上，根据《中华人民共和国民法典》的规定，达成如下协议，并由双方共同恪守。", first_indent=True)
    w.para("第一条 甲方委托乙方进行技术服务的内容如下：", 11)
    w.para(f"1．技术服务的目标：为甲方{case.project}提供稳定可靠的智能算力资源，满足{case.purpose}需要。",
           fields=("purpose",))
    w.para(f"2．技术服务的内容：乙方以{case.service_mode}形式向甲方交付{case.card_model}加速卡算力"
           f"（共{fields['card_count']}卡），并提供环境部署、框架适配、故障处理等配套技术服务。",
           fields=("service_mode", "card_model", "card_count"))
    w.para(f"3．技术服务的方式：远程交付，算力中心位于{case.datacentre}。")
    w.para("第二条 乙方应按下列要求完成技术服务工作：", 11)
    w.para(f"1．技术服务地点：{case.datacentre}；")
    w.para(f"2．技术服务期限：{case.term_start:%Y年%m月%d日}至{case.term_end:%Y年%m月%d日}；")
    w.para("3．技术服务进度：合同生效后五个工作日内完成资源开通，按月提交服务报告；")
    w.para("4．技术服务质量要求：资源可用率不低于99.9%，故障响应时间不超过30分钟。")
    w.para("第三条 为保证乙方有效进行技术服务工作，甲方应当向乙方提供下列工作条件和协作事项：", 11)
    w.para("1．提供技术资料：模型训练任务说明、数据格式说明、所需软件环境清单；")
    w.para("2．提供工作条件：指定专人对接，及时确认资源交付与结算单据。")
    _filler(w, 0, 4, "第{n}条")
    w.para("第八条 技术服务报酬及其支付方式", 11)
    w.para("1．甲方向乙方支付技术服务报酬，报酬按下表计算：")
    rows = [["服务项目", "加速卡型号", "使用量", "单价（元，不含税）", "金额（元，不含税）", "税额（元）"]]
    for ln in case.lines:
        rows.append([ln.name, ln.card_model or "—", f"{ln.hours.normalize():f}{ln.unit}",
                     f"{ln.unit_price:.2f}", plain(ln.amount), plain(ln.tax)])
    rows.append(["合计", "", f"{case.card_hours.normalize():f}卡时", "", plain(case.amount), plain(case.tax)])
    w.table([120, 75, 80, 70, 78, 52], rows, size=8.8, align="llrrrr",
            row_fields=[(), ("unit_price",)] + [()] * (len(case.lines) - 1) + [("card_hours", "amount", "tax")])
    w.para(f"技术服务费总额为人民币{wan(case.total)}万元（含税，税率6%），"
           f"大写：{amount_in_words(case.total)}。", first_indent=True, fields=("total", "tax_rate"))
    w.para("2．支付方式：按月支付，乙方每月开具增值税发票，甲方在收到发票后十个工作日内付款。")
    w.para(f"乙方开户银行名称、地址和账号为：开户银行：{s.bank}；账号：{s.account}。")
    _filler(w, 5, 3, "第{n}条")
    _subsidy_clause(w, case, "第十二条", fields)
    _sign_block(w, case, "委托方（甲方）", "受托方（乙方）", stamp, seed)
    return _doc(case, w, name, "techservice", fields, _items(case))


# -- D: purchase contract, 买方/卖方, dotted dates, storage/network lines ----------------------

def purchase_contract(case: Case, name: str, stamp: bool = False, seed: int = 0) -> Doc:
    a, s = case.applicant, case.supplier
    fields = _base_fields(case)
    fields.update(tax=plain(case.tax),
                  unit_price=plain(case.compute_lines[0].unit_price_incl), unit_price_includes_tax="true")
    w = Writer("云计算资源采购合同", margin=50)
    w.text(w.w / 2, 62, "云计算资源采购合同", 17, anchor="c")
    w.text(50, 88, f"合同编号：{case.contract_number}", 9.5)
    w.text(w.w - 50, 88, f"签订日期：{case.signed:%Y.%m.%d}", 9.5, anchor="r")
    w.mark("contract_number", "signed_on")
    # Two columns, no rules: 买方 left, 卖方 right.
    y = 116
    w.text(50, y, "买方：", 10.5)
    w.text(310, y, "卖方：", 10.5)
    for i, (av, sv) in enumerate([(a.name, s.name), (f"统一社会信用代码：{a.uscc}", f"统一社会信用代码：{s.uscc}"),
                                  (f"地址：{a.address}", f"地址：{s.address}"),
                                  (f"开户行：{a.bank}", f"开户行：{s.bank}"),
                                  (f"账号：{a.account}", f"账号：{s.account}")]):
        for x, v in ((50, av), (310, sv)):
            lines = w.wrap(v, 235, 9.5)
            for k, ln_ in enumerate(lines):
                w.text(x, y + 18 + i * 30 + k * 12, ln_, 9.5)
    w.mark("buyer_name", "supplier_name", "buyer_id", "supplier_id")
    w.y = y + 18 + 5 * 30 + 10
    w.para("买卖双方经协商一致，买方向卖方采购下列云计算资源及服务，订立本合同。", first_indent=True)
    w.para("一、采购清单", 11)
    rows = [["资源名称", "规格/型号", "数量", "计费单位", "含税单价（元）", "含税金额（元）"]]
    for ln in case.lines:
        rows.append([ln.name, ln.card_model or ("对象存储" if ln.service == "storage" else "专线带宽"),
                     f"{ln.hours.normalize():f}", ln.unit, f"{ln.unit_price_incl:.2f}",
                     grouped(ln.total)])
    rows.append(["合计（含税）", "", "", "", "", grouped(case.total)])
    w.table([110, 90, 62, 60, 75, 98], rows, size=9, align="llrcrr",
            row_fields=[(), ("card_model", "card_hours", "unit_price", "unit_price_includes_tax")])
    w.mark("total")
    w.para(f"以上含税总价人民币{grouped(case.total)}元，其中税额{grouped(case.tax)}元（税率6%）。"
           f"各项资源以{case.service_mode}方式交付。",
           first_indent=True, fields=("tax", "tax_rate", "service_mode"))
    w.para("二、服务期", 11)
    w.para(f"服务期：{case.term_start:%Y.%m.%d}—{case.term_end:%Y.%m.%d}。", first_indent=True,
           fields=("term_start", "term_end"))
    w.para("三、用途", 11)
    w.para(f"买方采购上述资源用于{case.purpose}。", first_indent=True, fields=("purpose",))
    w.para("四、付款", 11)
    w.para("买方于合同签订后十个工作日内支付合同总价的百分之五十，其余款项于服务期满验收合格后十个工作日内付清。卖方应在每次收款前开具等额增值税专用发票。", first_indent=True)
    _filler(w, 3, 4, "{n}、")
    _subsidy_clause(w, case, "九、", fields)
    _sign_block(w, case, "买方", "卖方", stamp, seed)
    _annex_config(w, case)
    return _doc(case, w, name, "purchase", fields, _items(case))


CONTRACTS = {"service": service_contract, "lease": lease_contract,
             "techservice": techservice_contract, "purchase": purchase_contract}


def amount_field(case: Case) -> Decimal:
    return case.amount
