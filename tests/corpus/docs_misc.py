"""Everything else a package holds: usage logs and settlement sheets, prose reports, the
policies' forms, letters, the business licence, an ID card copy, certificates and reports.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PIL import Image, ImageDraw

from tests.corpus.model import Case, Company, Doc
from tests.corpus.pdfkit import Writer, pil_font, seal_image
from tests.corpus.values import cn_date, cn_upper_date, grouped, plain, wan


def _doc(w: Writer, name: str, kind: str, fields: dict[str, str], style: str,
         rows: list[dict[str, str]] | None = None, items: list[dict[str, str]] | None = None) -> Doc:
    data = w.finish()
    return Doc(name=name, data=data, kind=kind, fields=fields, pages=w.page, style=style,
               rows=rows or [], items=items or [],
               field_pages={k: w.fields.get(k, 1) for k in fields})


def _incl(case: Case, amount: Decimal) -> Decimal:
    return amount + (amount * Decimal("0.06")).quantize(Decimal("0.01"))


# -- usage logs -----------------------------------------------------------------------------

def settlement_sheet(case: Case, name: str, with_tax: bool = False) -> Doc:
    """算力服务结算单: monthly rows, totals; amounts tax excluded (or included, as the header says)."""
    s, a = case.supplier, case.applicant
    w = Writer("算力服务结算单")
    w.heading(f"{s.short}算力服务结算单", 16, 20)
    w.para(f"客户名称：{a.name}", 10.5, fields=("applicant_name",))
    w.para(f"合同编号：{case.contract_number}　　资源型号：{case.card_model}", 10.5,
           fields=("contract_number", "card_model"))
    w.para(f"结算周期：{case.usage[0].start:%Y-%m-%d} 至 {case.usage[-1].end:%Y-%m-%d}", 10.5,
           fields=("period_start", "period_end"))
    head = "结算金额（元，含税）" if with_tax else "结算金额（元，不含税）"
    rows = [["序号", "计费期间", "使用卡时", head]]
    truth_rows = []
    total_h = Decimal(0)
    total_a = Decimal(0)
    for i, r in enumerate(case.usage, 1):
        amt = _incl(case, r.amount) if with_tax else r.amount
        rows.append([str(i), f"{r.start:%Y.%m.%d}-{r.end:%Y.%m.%d}", f"{r.hours.normalize():,f}", grouped(amt)])
        truth_rows.append({"period_start": r.start.isoformat(), "period_end": r.end.isoformat(),
                           "card_hours": f"{r.hours.normalize():f}", "amount": plain(amt)})
        total_h += r.hours
        total_a += amt
    rows.append(["合计", "", f"{total_h.normalize():,f}", grouped(total_a)])
    w.table([40, 180, 110, 153], rows, align="ccrr",
            row_fields=[()] * len(case.usage) + [("card_hours", "amount")])
    w.para("以上结算数据来源于算力平台计量系统，双方确认无误。", 10)
    w.y += 20
    w.text(320, w.y, f"服务方（盖章）：{s.name}", 10)
    w.text(320, w.y + 22, f"日期：{case.usage[-1].end + timedelta(days=3):%Y年%m月%d日}", 10)
    w.seal(s.name, 360, w.y - 50, 100, 21)
    fields = {"applicant_name": a.name, "contract_number": case.contract_number,
              "card_model": case.card_model, "period_start": case.usage[0].start.isoformat(),
              "period_end": case.usage[-1].end.isoformat(), "card_hours": f"{total_h.normalize():f}",
              "amount": plain(total_a), "amount_includes_tax": "true" if with_tax else "false"}
    w.mark("amount_includes_tax")
    return _doc(w, name, "usage_log", fields, "usage-settlement", truth_rows)


def platform_log(case: Case, name: str) -> Doc:
    """A platform's usage export: many job rows, landscape, monthly subtotals, grand total."""
    a = case.applicant
    w = Writer("资源使用明细", pagesize=(842.0, 595.0), margin=36)
    w.text(36, 40, f"算力调度平台 · 资源使用明细（导出）  租户：{a.name}", 12)
    w.mark("applicant_name")
    w.text(36, 58, f"资源规格：{case.card_model} × 8卡/实例    统计区间：{case.usage[0].start:%Y%m%d}–{case.usage[-1].end:%Y%m%d}", 9.5)
    w.mark("card_model", "period_start", "period_end")
    w.y = 70
    rows = [["作业ID", "实例", "开始时间", "结束时间", "卡数", "卡时", "费用(元)"]]
    truth_rows = []
    for mi, r in enumerate(case.usage):
        # Four jobs a month whose card-hours and fees add up to the month's row exactly.
        parts = [(r.hours * k / 10).to_integral_value() for k in (4, 3, 2)]
        parts.append(r.hours - sum(parts))
        fees = [(r.amount * h / r.hours).quantize(Decimal("0.01")) for h in parts[:3]]
        fees.append(r.amount - sum(fees))
        day = r.start
        for j, (h, f) in enumerate(zip(parts, fees, strict=True)):
            rows.append([f"job-{r.start:%y%m}-{j + 1:03d}", f"ins-{mi:02d}{j}", f"{day:%Y-%m-%d} 08:00",
                         f"{min(day + timedelta(days=6), r.end):%Y-%m-%d} 20:00", "8",
                         f"{h.normalize():f}", plain(f)])
            day += timedelta(days=7)
        rows.append([f"{r.start:%Y年%m月}小计", "", "", "", "", f"{r.hours.normalize():f}", plain(r.amount)])
        truth_rows.append({"period_start": r.start.isoformat(), "period_end": r.end.isoformat(),
                           "card_hours": f"{r.hours.normalize():f}", "amount": plain(r.amount)})
    total_h = sum((r.hours for r in case.usage), Decimal(0))
    total_a = sum((r.amount for r in case.usage), Decimal(0))
    rows.append(["总计", "", "", "", "", f"{total_h.normalize():f}", plain(total_a)])
    w.table([120, 70, 130, 130, 50, 120, 150], rows, size=8.5, align="llllrrr",
            row_fields=[()] * (len(rows) - 1) + [("card_hours", "amount")])
    w.text(36, w.y + 12, "费用为不含税金额。导出时间：" + f"{case.usage[-1].end + timedelta(days=1):%Y-%m-%d} 09:12:44", 8.5)
    fields = {"applicant_name": a.name, "card_model": case.card_model,
              "period_start": case.usage[0].start.isoformat(), "period_end": case.usage[-1].end.isoformat(),
              "card_hours": f"{total_h.normalize():f}", "amount": plain(total_a),
              "amount_includes_tax": "false"}
    w.mark("amount_includes_tax")
    return _doc(w, name, "usage_log", fields, "usage-platform-export", truth_rows)


def usage_report(case: Case, name: str) -> Doc:
    """Hunan 附件4 算力资源使用报告: prose giving card model, scale, period, hours, amount."""
    a, s = case.applicant, case.supplier
    ln = case.compute_lines[0]
    w = Writer("算力资源使用报告", margin=64)
    w.text(64, 50, "附件4", 11)
    w.heading("算力资源使用报告", 17, 24)
    w.para(f"因{case.project}需要，{a.name}现拟兑付算力补贴，具体算力资源使用情况说明如下：",
           first_indent=True, fields=("applicant_name",))
    w.para("一、公司简介", 11.5)
    w.para(f"{a.name}成立于{a.founded.year}年，为民营企业，主营{a.scope.rstrip('。')}等业务。公司近年来持续加大在人工智能领域的投入，"
           "已组建五十余人的算法团队，年度算力需求计划约为二十万卡时。", first_indent=True)
    w.para("二、算力资源使用情况", 11.5)
    w.para(f"{case.signed.year}年，本公司与{s.name}签订《算力服务合同》（合同编号{case.contract_number}），"
           f"采购其{ln.card_model}智能算力服务，服务期限为{cn_date(case.term_start)}至{cn_date(case.term_end)}，"
           f"服务定价为每卡时{ln.unit_price:.2f}元（不含税），合同总额{grouped(case.total)}元（含税）。",
           first_indent=True, fields=("supplier_name", "card_model", "period_start", "period_end", "total"))
    w.para(f"其中{case.usage[0].start.month}月至{case.usage[-1].end.month}月，为推动{case.project}（{case.purpose}），"
           f"本公司已使用{ln.card_count}卡规模的{ln.card_model}算力，累计使用{case.card_hours.normalize():f}卡时，"
           f"实际结算金额{grouped(case.total)}元，目前已完成基座模型的领域精调及推理服务部署。",
           first_indent=True, fields=("card_count", "card_hours", "purpose"))
    w.para("随本报告附系统订单、资源使用记录及算力供给方出具的证明文件，均已加盖公章。", first_indent=True)
    w.para("三、价值及成效", 11.5)
    w.para(f"{case.project}立足湖南先进制造业基础，力争实现工业质检场景的人工智能应用示范，项目上线后缺陷识别准确率提升至98.6%，"
           "人工复检工作量下降约六成，已在三家制造企业部署试用。", first_indent=True)
    w.y += 20
    w.text(330, w.y, f"{a.name}（盖章）", 10.5)
    w.text(330, w.y + 24, cn_date(case.claimed_date), 10.5)
    w.seal(a.name, 360, w.y - 50, 100, 31, "公章")
    fields = {"applicant_name": a.name, "supplier_name": s.name, "card_model": ln.card_model,
              "card_count": str(ln.card_count), "card_hours": f"{case.card_hours.normalize():f}",
              "period_start": case.term_start.isoformat(), "period_end": case.term_end.isoformat(),
              "purpose": case.purpose, "total": plain(case.total)}
    return _doc(w, name, "usage_report", fields, "report-hunan-annex4")


def implementation_report(case: Case, name: str) -> Doc:
    """Beijing 附件14-3 项目实施情况报告 with a cover page."""
    a, s = case.applicant, case.supplier
    w = Writer("算力项目实施情况报告", margin=64)
    w.text(64, 50, "附件14-3", 11)
    w.text(w.w / 2, 260, "算力项目实施情况报告", 24, anchor="c")
    w.text(150, 420, f"项目名称：{case.project}", 13)
    w.text(150, 460, f"企业名称（加盖公章）：{a.name}", 13)
    w.mark("project_name", "applicant_name")
    w.text(w.w / 2, 560, cn_date(case.claimed_date), 13, anchor="c")
    w.seal(a.name, 330, 400, 110, 41, "公章")
    w.new_page()
    w.para("一、企业基本情况介绍", 12)
    w.para("1.1申请企业情况", 11)
    w.para(f"{a.name}成立于{cn_date(a.founded)}，注册资本{a.capital}，主营业务为{a.scope}"
           "近三年主营业务收入分别为4,210万元、6,835万元和9,902万元。", first_indent=True)
    w.para("二、项目建设方案", 12)
    w.para("2.1项目背景和目标", 11)
    w.para(f"{case.project}面向{case.purpose}，建设目标为形成具备行业领先水平的模型产品并实现规模化应用。", first_indent=True)
    w.para("2.2项目内容", 11)
    w.para(f"项目所用算力由{s.name}提供，使用{case.card_model}加速卡共计{case.card_hours.normalize():f}卡时。"
           "项目创新点在于多模态数据融合训练与高效推理架构，与同类产品相比推理成本降低约40%。",
           first_indent=True, fields=("supplier_name", "card_model", "card_hours"))
    w.para("三、项目完成情况", 12)
    w.para("3.1完成情况", 11)
    w.para("目前项目已完成模型训练与评测，正在开展行业客户试点部署；下一步将扩展应用场景并开源部分基础组件。", first_indent=True)
    fields = {"applicant_name": a.name, "project_name": case.project, "supplier_name": s.name,
              "card_model": case.card_model, "card_hours": f"{case.card_hours.normalize():f}"}
    return _doc(w, name, "implementation_report", fields, "report-beijing-14-3")


# -- forms ----------------------------------------------------------------------------------

def _grid(w: Writer, rows: list[list[str]], cols: list[float], fields: list[tuple[str, ...]] | None = None,
          size: float = 9.5) -> None:
    w.table(cols, rows, size=size, header_fill=False, min_h=24, row_fields=fields)


def _box(b: bool) -> str:
    return "√是　□否" if b else "□是　√否"


def hunan_demand_form(case: Case, name: str, requested: Decimal) -> Doc:
    """Hunan 附件1 算力补贴需求申请表, with the top-3 shareholders."""
    a, s = case.applicant, case.supplier
    w = Writer("算力补贴需求申请表", margin=46)
    w.text(46, 40, "附件1", 10.5)
    w.heading("算力补贴需求申请表", 16, 16)
    w.para("1、基本情况", 11)
    c4 = [100, 150, 100, 153]
    _grid(w, [["单位名称", a.name, "统一社会信用代码", a.uscc],
              ["注册地址", a.address, "注册时间", cn_date(a.founded)],
              ["法人代表", a.legal_rep, "证件号", a.legal_rep_id],
              ["联系人", a.contact, "电话", a.contact_phone],
              ["上年营业收入（万元）", "6835", "本年营业收入（万元，截止申报当月）", "4102"]],
          c4, [("applicant_name", "applicant_id")])
    rows = [["主要股东（按股权比例列出前三名）", "股东名称", "所占股权比例（%）", ""]]
    for nm, pct in a.shareholders[:3]:
        rows.append(["", nm, pct, ""])
    _grid(w, rows, [160, 200, 143, 0.01])
    w.mark("shareholders")
    _grid(w, [["是否属于中小企业", _box(case.sme)], ["经营范围", a.scope]], [160, 343], [("sme",)])
    w.para("2、单位简介（限300字以内）", 11)
    w.para(f"{a.name}是一家专注于工业人工智能的高新技术企业，主营业务涵盖工业视觉检测、设备预测性维护等，已服务省内外百余家制造企业。", first_indent=True)
    w.para("3、算力券申领信息", 11)
    _grid(w, [["申领算力补贴额度（万元）", wan(requested)],
              ["算力使用类型", f"{'国产' if case.compute_lines[0].domestic else '非国产'}，{case.card_model}，"
                             f"{case.card_hours.normalize():f}卡时，{(case.term_end - case.term_start).days // 30 + 1}个月"],
              ["上年度实际发生的算力支出（万元）", "12.6"],
              ["算力供给方名称", s.name], ["算力服务用途", case.purpose]],
          [180, 323], [("requested_amount",)])
    w.para("4、项目责任承诺书", 11)
    w.para("本单位承诺，递交的申报资料真实有效，如存在利用虚假资料瞒报、虚报等手段获得补贴的，公司将承担相应的法律责任及后果。", first_indent=True)
    w.text(300, w.y + 20, f"单位名称（盖章）：{a.name}", 10)
    w.text(300, w.y + 44, cn_date(case.claimed_date), 10)
    fields = {"form_type": "declaration", "applicant_name": a.name, "applicant_id": a.uscc,
              "sme": "true" if case.sme else "false", "requested_amount": plain(requested),
              "supplier_name": s.name}
    items = [{"name": nm, "share": pct} for nm, pct in a.shareholders[:3]]
    w.mark("form_type", "supplier_name")
    return _doc(w, name, "application_form", fields, "form-hunan-annex1", items=items)


def hunan_filing_form(case: Case, name: str) -> Doc:
    """Hunan 附件2 算力使用备案表."""
    a, s = case.applicant, case.supplier
    w = Writer("算力使用备案表", margin=46)
    w.text(46, 40, "附件2", 10.5)
    w.heading("算力使用备案表", 16, 16)
    c4 = [95, 170, 90, 148]
    _grid(w, [["单位名称", a.name, "统一社会信用代码", a.uscc],
              ["注册地址", a.address, "注册时间", f"{a.founded:%Y-%m-%d}"],
              ["是否属于中小企业", _box(case.sme), "办公地址", a.address],
              ["法人代表", a.legal_rep, "联系电话", a.phone],
              ["拟采购算力金额（万元）", wan(case.total), "合同编号", case.contract_number],
              ["合同名称", "算力服务合同", "合同金额（万元）", wan(case.total)],
              ["算力（服务）提供方名称", s.name, "使用算力类型", f"{'国产' if case.compute_lines[0].domestic else '非国产'}/{case.card_model}"],
              ["算力中心地址", case.datacentre, "", ""]],
          c4, [("applicant_name", "applicant_id"), (), ("sme",), (), ("contract_number",), ("contract_total",)])
    w.para("算力用途：√人工智能模型训练推理　□数据标注　□数据分析　□工程设计　□其他", 10)
    w.para("本单位承诺，递交的申报资料真实有效，如存在利用虚假资料瞒报、虚报等手段获得补贴的，公司将承担相应的法律责任及后果。", first_indent=True)
    fields = {"form_type": "filing", "applicant_name": a.name, "applicant_id": a.uscc,
              "sme": "true" if case.sme else "false", "contract_number": case.contract_number,
              "contract_total": plain(case.total), "supplier_name": s.name}
    w.mark("form_type", "supplier_name")
    return _doc(w, name, "application_form", fields, "form-hunan-annex2")


def subsidy_form(case: Case, name: str, requested: Decimal, rate: str, title: str = "算力补贴申报表",
                 annex: str = "附件3") -> Doc:
    """Hunan 附件3 算力补贴申报表 (also used as Dazhou/Chengdu 兑付申请表 with another title)."""
    a, s = case.applicant, case.supplier
    w = Writer(title, margin=46)
    if annex:
        w.text(46, 40, annex, 10.5)
    w.heading(title, 16, 16)
    c4 = [95, 170, 90, 148]
    _grid(w, [["单位名称", a.name, "统一社会信用代码", a.uscc],
              ["是否属于中小企业", _box(case.sme), "基本户开户行", a.bank],
              ["账号", a.account, "法人代表", a.legal_rep],
              ["算力实际使用金额（万元）", wan(case.paid), "合同编号", case.contract_number],
              ["算力提供方名称", s.name, "统一社会信用代码", s.uscc],
              ["使用算力类型", "国产" if case.compute_lines[0].domestic else "非国产", "补贴比例", rate],
              ["申请算力补贴金额（万元）", wan(requested), "", ""]],
          c4, [("applicant_name", "applicant_id"), ("sme",), (), ("contract_number",),
               ("supplier_name", "supplier_id"), ("rate",), ("requested_amount",)])
    w.para("本单位承诺，递交的申报资料真实有效，如存在利用虚假资料瞒报、虚报等手段获得补贴的，公司将承担相应的法律责任及后果。", first_indent=True)
    w.text(300, w.y + 24, f"单位名称（盖章）：{a.name}", 10)
    w.text(300, w.y + 48, f"{case.claimed_date:%Y年%m月%d日}", 10)
    w.seal(a.name, 330, w.y - 20, 100, 51, "公章")
    fields = {"form_type": "subsidy", "applicant_name": a.name, "applicant_id": a.uscc,
              "sme": "true" if case.sme else "false", "requested_amount": plain(requested),
              "rate": rate, "contract_number": case.contract_number, "supplier_name": s.name,
              "supplier_id": s.uscc}
    w.mark("form_type")
    return _doc(w, name, "application_form", fields, "form-subsidy")


def dazhou_claim_form(case: Case, name: str, requested: Decimal) -> Doc:
    """Dazhou 算力券申领表 (no official template: the author's own), printed as a plain list."""
    a, s = case.applicant, case.supplier
    w = Writer("达州市算力券申领表", margin=60)
    w.heading("达州市算力券申领表", 16, 22)
    w.text(w.w - 60, w.y, f"申领编号：DZSLQ-{case.claimed_date:%Y%m%d}-{case.contract_number[-3:]}", 9, anchor="r")
    w.y += 10
    entries = [("申领单位", a.name, "applicant_name"), ("统一社会信用代码", a.uscc, "applicant_id"),
               ("单位类型", "企业", ""), ("法定代表人", a.legal_rep, ""), ("联系人及电话", f"{a.contact} {a.contact_phone}", ""),
               ("算力供给方", s.name, "supplier_name"), ("服务合同编号", case.contract_number, "contract_number"),
               ("合同期限", f"{case.term_start:%Y年%m月%d日}—{case.term_end:%Y年%m月%d日}", "term_end"),
               ("合同金额", f"{grouped(case.total)}元", "contract_total"),
               ("申领算力券金额", f"{grouped(requested)}元", "requested_amount"),
               ("是否为中小企业", "是" if case.sme else "否", "sme"),
               ("算力用途", case.purpose, "")]
    for label, value, key in entries:
        w.ensure(30)
        w.y += 30
        w.text(80, w.y, label, 11)
        w.text(220, w.y + 0.6, value, 11)
        w.line(215, w.y + 6, 535, w.y + 6, 0.4)
        if key:
            w.mark(key)
    w.y += 30
    w.para("申领单位承诺：以上填报内容及所附材料真实、准确、完整，如有虚假，愿承担相应法律责任。", first_indent=True)
    w.text(320, w.y + 30, "申领单位（盖章）", 11)
    w.text(320, w.y + 54, cn_date(case.claimed_date), 11)
    fields = {"form_type": "declaration", "applicant_name": a.name, "applicant_id": a.uscc,
              "supplier_name": s.name, "contract_number": case.contract_number,
              "term_end": case.term_end.isoformat(), "contract_total": plain(case.total),
              "requested_amount": plain(requested), "sme": "true" if case.sme else "false"}
    w.mark("form_type")
    return _doc(w, name, "application_form", fields, "form-dazhou-claim")


def chengdu_registration_form(case: Case, name: str) -> Doc:
    """Chengdu 算力券申领登记表."""
    a = case.applicant
    w = Writer("成都市算力券申领登记表", margin=46)
    w.heading("成都市算力券申领登记表", 16, 18)
    c4 = [100, 160, 100, 143]
    _grid(w, [["单位名称（盖章）", a.name, "统一社会信用代码", a.uscc],
              ["单位类型", "√企业 □科研院所 □高校 □OPC社区运营主体", "是否中小企业", _box(case.sme)],
              ["法定代表人", a.legal_rep, "身份证号码", a.legal_rep_id],
              ["联系人", a.contact, "联系电话", a.contact_phone],
              ["注册地址", a.address, "成立日期", f"{a.founded:%Y/%m/%d}"],
              ["拟使用算力类型", "√智能算力（GPU/NPU）", "拟申领额度（万元）", "30"],
              ["人工智能研发或应用方向", case.purpose, "", ""]],
          c4, [("applicant_name", "applicant_id"), ("sme",), ("legal_representative",)])
    w.para("承诺：本单位所填信息真实有效，未同时申请成都市科技创新券用于同一算力服务。", first_indent=True)
    fields = {"form_type": "declaration", "applicant_name": a.name, "applicant_id": a.uscc,
              "sme": "true" if case.sme else "false", "legal_representative": a.legal_rep}
    w.mark("form_type")
    return _doc(w, name, "application_form", fields, "form-chengdu-registration")


def beijing_usage_table(case: Case, name: str, requested: Decimal, print_direction: bool) -> Doc:
    """Beijing 附件14-2 算力使用情况表; 申报方向 printed only when ``print_direction``."""
    a = case.applicant
    w = Writer("算力使用情况表", margin=46)
    w.text(46, 40, "附件14-2", 10.5)
    w.heading("算力使用情况表", 16, 16)
    c4 = [110, 150, 100, 143]
    _grid(w, [["第一部分 申请企业情况（加盖公章）", "", "", ""],
              ["企业名称", a.name, "统一社会信用代码", a.uscc],
              ["注册地址", a.address, "生产经营地址", a.address],
              ["项目申报联系人", a.contact, "联系人手机", a.contact_phone],
              ["第二部分 算力使用情况", "", "", ""],
              ["用算项目名称", case.project, "", ""],
              ["该项目消耗算力总额（万元）", wan(case.total), "对应申请金额（万元）", wan(requested)],
              ["项目开始日期", f"{case.term_start:%Y年%m月%d日}", "项目是否获得其他财政资金支持",
               "是" if case.other_fiscal_support else "否"],
              ["所获政策资金额度（万元）", wan(case.other_fiscal_support) if case.other_fiscal_support else "—", "", ""]]
          + ([["申报方向", f"方向{'一二三四'[case.direction - 1]}", "", ""]] if print_direction and case.direction else []),
          c4, [(), ("applicant_name", "applicant_id"), (), (), (), ("project_name",),
               ("compute_total", "requested_amount"), ("other_fiscal_support_flag",), (), ("direction",)])
    w.para(f"项目概述：{case.project}属于人工智能产业方向，算力用于{case.purpose}。", 10)
    fields = {"form_type": "usage_table", "applicant_name": a.name, "applicant_id": a.uscc,
              "project_name": case.project, "compute_total": plain(case.total),
              "requested_amount": plain(requested)}
    if print_direction and case.direction:
        fields["direction"] = str(case.direction)
    w.mark("form_type")
    return _doc(w, name, "application_form", fields, "form-beijing-14-2")


# -- letters --------------------------------------------------------------------------------

def commitment_letter(case: Case, name: str, title: str, body: list[str], style: str) -> Doc:
    a = case.applicant
    w = Writer(title, margin=70)
    w.heading(title, 18, 30)
    for p in body:
        w.para(p, 11, first_indent=True)
    w.y += 30
    w.text(300, w.y, f"承诺单位（公章）：{a.name}", 11)
    w.mark("applicant_name")
    w.text(300, w.y + 26, f"法定代表人（签字）：{a.legal_rep}", 11)
    w.text(300, w.y + 52, cn_date(case.claimed_date), 11)
    w.seal(a.name, 340, w.y - 40, 105, 61, "公章")
    return _doc(w, name, "commitment_letter", {"applicant_name": a.name}, style)


def authorisation_letter(case: Case, name: str) -> Doc:
    a = case.applicant
    w = Writer("法定代表人授权书", margin=70)
    w.heading("法定代表人授权书", 18, 30)
    w.para("武汉市数据局：", 11)
    w.para(f"本人{a.legal_rep}（身份证号码：{a.legal_rep_id}）系{a.name}的法定代表人，现授权{a.contact}"
           f"（身份证号码：{case.extra.get('agent_id', '')}）为本单位代理人，以本单位名义办理武汉市算力券申领、使用及兑现相关事宜。"
           "代理人在办理上述事宜过程中所签署的一切文件和处理的一切有关事务，本单位均予以承认。", 11, first_indent=True,
           fields=("legal_representative", "agent_name"))
    w.para("代理人无转委托权。授权期限：自本授权书签署之日起至本年度算力券兑现完成之日止。", 11, first_indent=True)
    w.y += 30
    w.text(300, w.y, f"授权单位（盖章）：{a.name}", 11)
    w.mark("applicant_name")
    w.text(300, w.y + 26, f"法定代表人（签字）：{a.legal_rep}", 11)
    w.text(300, w.y + 52, cn_date(case.claimed_date), 11)
    w.seal(a.name, 340, w.y - 40, 105, 71, "公章")
    fields = {"applicant_name": a.name, "legal_representative": a.legal_rep, "agent_name": a.contact}
    return _doc(w, name, "authorisation_letter", fields, "letter-authorisation")


def sme_declaration(case: Case, name: str) -> Doc:
    a = case.applicant
    w = Writer("中小企业声明函", margin=70)
    w.heading("中小企业声明函", 18, 30)
    w.para(f"本公司（联合体）郑重声明，根据《中小企业划型标准规定》（工信部联企业〔2011〕300号）的规定，"
           f"{a.name}属于软件和信息技术服务业中的小型企业。本企业从业人员86人，营业收入为6835万元，资产总额为5210万元。",
           11, first_indent=True, fields=("applicant_name",))
    w.para("本企业对上述声明内容的真实性负责。如有虚假，将依法承担相应责任。", 11, first_indent=True)
    w.y += 30
    w.text(300, w.y, f"企业名称（盖章）：{a.name}", 11)
    w.text(300, w.y + 26, f"日期：{case.claimed_date:%Y年%m月%d日}", 11)
    return _doc(w, name, "sme_declaration", {"applicant_name": a.name}, "letter-sme")


# -- certificates and records ---------------------------------------------------------------

def business_licence(c: Company, name: str) -> Doc:
    """营业执照 (副本), landscape, red-bordered, the big title and the fields in two columns."""
    w = Writer("营业执照", pagesize=(842.0, 595.0), margin=40)
    w.rect(24, 24, 794, 547, 3, (0.75, 0.1, 0.1))
    w.rect(32, 32, 778, 531, 0.8, (0.75, 0.1, 0.1))
    w.text(421, 120, "营 业 执 照", 40, anchor="c", color=(0.75, 0.1, 0.1))
    w.text(421, 150, "（副　本）", 14, anchor="c")
    w.text(70, 110, f"统一社会信用代码 {c.uscc}", 12)
    w.mark("uscc")
    left = [("名　　称", c.name), ("类　　型", "有限责任公司（自然人投资或控股）"),
            ("法定代表人", c.legal_rep), ("经营范围", c.scope)]
    right = [("注册资本", c.capital), ("成立日期", cn_date(c.founded)),
             ("住　　所", c.address)]
    y = 200
    for label, value in left:
        w.text(90, y, label, 13)
        lines = w.wrap(value, 260, 12)
        for k, ln in enumerate(lines):
            w.text(190, y + k * 20, ln, 12)
        y += max(1, len(lines)) * 20 + 18
    y = 200
    for label, value in right:
        w.text(480, y, label, 13)
        lines = w.wrap(value, 250, 12)
        for k, ln in enumerate(lines):
            w.text(570, y + k * 20, ln, 12)
        y += max(1, len(lines)) * 20 + 18
    w.mark("name", "legal_representative", "registered_on", "address")
    w.text(560, 470, "登记机关", 13)
    w.text(560, 500, cn_upper_date(c.founded), 12)
    w.image(seal_image("市场监督管理局", "登记专用章", 81), 600, 420, 110, 110)
    fields = {"name": c.name, "uscc": c.uscc, "legal_representative": c.legal_rep,
              "registered_on": c.founded.isoformat(), "address": c.address}
    return _doc(w, name, "business_licence", fields, "licence")


def id_card_copy(c: Company, name: str, born: date, sex: str = "男") -> Doc:
    """身份证复印件: the card's front and back drawn as raster images on an A4 page."""
    w = Writer("身份证复印件")
    front = Image.new("RGB", (856, 540), (236, 240, 246))
    d = ImageDraw.Draw(front)
    f = pil_font(30)
    d.text((60, 60), "姓名", font=f, fill=(80, 110, 160))
    d.text((150, 58), c.legal_rep, font=pil_font(34), fill=(0, 0, 0))
    d.text((60, 130), "性别", font=f, fill=(80, 110, 160))
    d.text((150, 130), sex, font=f, fill=(0, 0, 0))
    d.text((260, 130), "民族", font=f, fill=(80, 110, 160))
    d.text((350, 130), "汉", font=f, fill=(0, 0, 0))
    d.text((60, 200), "出生", font=f, fill=(80, 110, 160))
    d.text((150, 200), f"{born.year}年{born.month}月{born.day}日", font=f, fill=(0, 0, 0))
    d.text((60, 270), "住址", font=f, fill=(80, 110, 160))
    d.text((150, 270), c.address[:14], font=f, fill=(0, 0, 0))
    d.text((150, 310), c.address[14:28], font=f, fill=(0, 0, 0))
    d.text((60, 440), "公民身份号码", font=f, fill=(80, 110, 160))
    d.text((280, 438), c.legal_rep_id, font=pil_font(36), fill=(0, 0, 0))
    d.rectangle((610, 60, 800, 300), fill=(200, 205, 215))
    back = Image.new("RGB", (856, 540), (236, 240, 246))
    d2 = ImageDraw.Draw(back)
    d2.text((250, 120), "中华人民共和国", font=pil_font(48), fill=(0, 0, 0))
    d2.text((280, 200), "居民身份证", font=pil_font(56), fill=(0, 0, 0))
    d2.text((130, 380), "签发机关", font=f, fill=(80, 110, 160))
    d2.text((280, 380), "公安局", font=f, fill=(0, 0, 0))
    d2.text((130, 440), "有效期限", font=f, fill=(80, 110, 160))
    d2.text((280, 440), f"{born.year + 40}.03.02-长期", font=f, fill=(0, 0, 0))
    w.image(front, 150, 90, 295, 186)
    w.image(back, 150, 320, 295, 186)
    w.text(297, 560, "此复印件仅供申报算力券使用，再次复印无效", 12, anchor="c", color=(0.3, 0.3, 0.3))
    fields = {"legal_representative": c.legal_rep, "id_number": c.legal_rep_id}
    doc = _doc(w, name, "legal_rep_id", fields, "id-card-copy")
    doc.note = "the card is an image even in the unscanned version: its fields have no text layer"
    return doc


def voucher_certificate(case: Case, name: str, number: str, face: Decimal) -> Doc:
    a = case.applicant
    w = Writer("武汉市算力券电子凭证", pagesize=(595.0, 420.0), margin=40)
    w.rect(20, 20, 555, 380, 2, (0.1, 0.3, 0.6))
    w.text(297, 70, "武汉市算力券电子凭证", 22, anchor="c", color=(0.1, 0.3, 0.6))
    items = [("凭证编号", number, "certificate_number"), ("持券单位", a.name, "applicant_name"),
             ("统一社会信用代码", a.uscc, "applicant_id"), ("算力服务机构", case.supplier.name, "supplier_name"),
             ("券面额度", f"¥{grouped(face)}", "face_value"),
             ("有效期至", f"{case.term_end.year}-12-31", "valid_until")]
    y = 120
    for label, value, key in items:
        w.text(70, y, f"{label}：", 12)
        w.text(210, y, value, 12)
        w.mark(key)
        y += 34
    w.image(seal_image("武汉市数据局", "算力券专用章", 91), 420, 260, 110, 110)
    fields = {"certificate_number": number, "applicant_name": a.name, "applicant_id": a.uscc,
              "supplier_name": case.supplier.name, "face_value": plain(face),
              "valid_until": f"{case.term_end.year}-12-31"}
    return _doc(w, name, "voucher_certificate", fields, "voucher-wuhan")


def credit_report(c: Company, name: str, number: str, day: date) -> Doc:
    w = Writer("信用报告", margin=60)
    w.text(w.w / 2, 80, "法人和非法人组织公共信用信息报告", 17, anchor="c")
    w.text(w.w / 2, 108, "（无违法违规记录证明版）", 11, anchor="c")
    w.y = 130
    w.table([160, 323], [["报告编号", number], ["报告生成时间", f"{day:%Y年%m月%d日}"],
                         ["机构名称", c.name], ["统一社会信用代码", c.uscc],
                         ["法定代表人", c.legal_rep]], header_fill=False,
            row_fields=[("report_number",), ("report_date",), ("applicant_name",), ("applicant_id",)])
    for title in ("一、行政管理信息", "二、严重失信主体名单", "三、经营异常名录", "四、行政处罚信息", "五、其他信息"):
        w.para(title, 11.5)
        w.para("经查询，报告期内未发现该主体存在相关记录。", 10.5, first_indent=True)
    w.para("本报告由“信用中国”网站生成，报告内容可通过扫描二维码或登录信用中国网站核验。", 9.5)
    fields = {"report_number": number, "report_date": day.isoformat(), "applicant_name": c.name,
              "applicant_id": c.uscc}
    return _doc(w, name, "credit_report", fields, "credit-china")


def model_filing(case: Case, name: str, number: str, filed: date, model: str) -> Doc:
    a = case.applicant
    w = Writer("生成式人工智能服务登记", margin=60)
    w.heading("生成式人工智能服务已登记证明", 16, 26)
    w.para(f"{a.name}：", 11)
    w.para(f"你单位提交的“{model}”生成式人工智能服务登记材料已收悉。经审核，该服务已于{cn_date(filed)}完成登记，"
           f"登记编号为{number}。", 11, first_indent=True, fields=("applicant_name", "model_name", "filed_on", "filing_number"))
    w.para("请严格落实安全主体责任，在服务显著位置公示所使用已上线备案或登记的模型名称及编号。", 11, first_indent=True)
    w.y += 30
    w.text(330, w.y, "北京市互联网信息办公室", 11)
    w.text(330, w.y + 24, cn_date(filed), 11)
    fields = {"applicant_name": a.name, "filing_number": number, "filed_on": filed.isoformat(), "model_name": model}
    return _doc(w, name, "model_filing", fields, "model-filing")


def supplier_qualification(case: Case, name: str) -> Doc:
    a, s = case.applicant, case.supplier
    w = Writer("算力资源合规证明", margin=64)
    w.heading("算力资源合规情况证明", 17, 26)
    w.para(f"兹证明，{a.name}（统一社会信用代码：{a.uscc}）自{cn_date(case.term_start)}至{cn_date(case.term_end)}"
           f"在我司租用的{case.card_model}智能算力资源属于合规智算资源，符合《北京市算力基础设施建设实施方案（2024-2027年）》的相关要求。"
           f"租用规模为{sum(ln.card_count for ln in case.compute_lines)}卡，租赁期内累计交付{case.card_hours.normalize():f}卡时。",
           11, first_indent=True, fields=("applicant_name", "card_model", "card_hours", "period_start", "period_end"))
    w.para("我司与该单位不存在直接或间接的股权关联、管理关联、利益关联或重大影响关系。", 11, first_indent=True)
    w.y += 30
    w.text(320, w.y, f"{s.name}（盖章）", 11)
    w.mark("supplier_name")
    w.text(320, w.y + 24, cn_date(case.claimed_date), 11)
    w.seal(s.name, 350, w.y - 40, 105, 101, "公章")
    fields = {"applicant_name": a.name, "supplier_name": s.name, "card_model": case.card_model,
              "card_hours": f"{case.card_hours.normalize():f}", "period_start": case.term_start.isoformat(),
              "period_end": case.term_end.isoformat()}
    return _doc(w, name, "supplier_qualification", fields, "supplier-qualification")
