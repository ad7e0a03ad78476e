"""Letters and one-page certificates: commitment letters (承诺函), the legal-person
authorisation (法人授权书), the legal representative's identity certificate, the 信用中国 credit
report, the SME declaration (中小企业声明函), the project implementation report (Beijing
附件14-3), the model filing proof, the supplier's qualification statement and Wuhan's voucher
certificate. Each is a title, a body and a stamped signature."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from slq_desk.demo import layout as L
from slq_desk.demo.rendered import Rendered, iso
from slq_desk.demo.truth import Deal

COMMITMENTS: dict[str, tuple[str, list[str]]] = {
    "wuhan-2026": ("算力券申领承诺函", [
        "本单位自愿申领武汉市算力券，并郑重承诺：",
        "一、本单位提交的营业执照、算力服务合同、发票、支付凭证、算力服务使用记录等全部材料真实、准确、完整，不存在虚构交易、虚开发票等情形。",
        "二、本单位与算力供给方之间不存在关联关系，所购算力服务价格公允，且全部用于本单位研发及生产经营。",
        "三、本单位同意第三方机构及审计机构对申报材料的真实性和价格合理性进行核查。",
        "如有违反，本单位自愿退回已获补贴资金，并承担相应法律责任。"]),
    "dazhou-2026": ("真实性及无违法违规承诺书", [
        "本单位郑重承诺：",
        "一、所提交的申报材料均真实、合法、有效，复印件与原件一致；",
        "二、近三年内无重大违法违规行为，未被列入严重失信主体名单；",
        "三、同一合同仅申领一次算力券，不重复申报。",
        "如有不实，本单位愿承担由此产生的一切法律责任。"]),
    "chengdu-2026": ("诚信承诺书", [
        "本单位申请成都市算力券，郑重承诺：",
        "一、所提供的材料真实有效，无弄虚作假行为；",
        "二、本单位未同时申请成都市科技创新券支持同一事项；",
        "三、获得的算力券仅用于购买智能算力服务，不转让、不套现。",
        "若违反上述承诺，自愿承担相应责任并接受有关部门处理。"]),
    "hunan-2026": ("项目责任承诺书", [
        "本单位承诺，递交的申报资料真实有效，如存在利用虚假资料瞒报、虚报等手段获得补贴的，公司将承担相应的法律责任及后果。"]),
    "beijing-2026": ("北京市高精尖产业发展资金承诺书", [
        "本单位拟申请2026年北京市高精尖产业发展资金算力券补贴方向，具体承诺如下：",
        "1.本单位严格遵守国家相关法律法规、政策要求，以及《北京市高精尖产业发展项目资金管理办法》等相关规定。",
        "2.本单位未因违法失信行为被行政机关实施联合惩戒，或被司法部门采取失信惩戒措施。",
        "3.本单位提交的全部材料均真实、准确、有效，申报资格和条件符合指南、通知相关规定。",
        "4.本单位在申报期内未获得其他市级财政资金的相关智能算力支持。",
        "5.所有材料已经脱密处理，如有发生涉密资料（载体）泄露，愿意承担有关保密责任。",
        "6.本单位自愿接受并积极配合市区相关部门监管。",
        "7.本单位遵循诚实守信原则，若违反以上承诺事项，将在收到北京市经济和信息化局要求退还资金的通知之日起6个月内向北京市经济和信息化局退还全部资金。"]),
}


def _letter(kind: str, stem: str, title: str, annex: str, paragraphs: Sequence[str], signer: str, when: date,
            fields: dict[str, str], lines: Sequence[str] = (), seal_label: str = "",
            representative: bool = True) -> Rendered:
    buf = io.BytesIO()
    c = L.new_canvas(buf, title, signer)
    x, w = L.MARGIN + 10, L.PAGE_W - 2 * L.MARGIN - 20
    if annex:
        L.text(c, L.MARGIN, L.PAGE_H - 50, annex, 11)
    L.centred(c, L.PAGE_H - 90, title, 19)
    y = L.PAGE_H - 135
    for line in lines:
        L.text(c, x, y, line, 11)
        y -= 22
    if lines:
        y -= 6
    for k, para in enumerate(paragraphs):
        y = L.paragraph(c, x, y, para, w, 11, indent=k > 0 or not para.endswith("："))
        y -= 4
    y -= 36
    L.text(c, x + 230, y, f"单位名称（盖章）：{signer}" if representative else f"出具单位：{signer}", 11)
    if representative:
        L.text(c, x + 230, y - 26, "法定代表人（签字）：", 11)
    L.text(c, x + 230, y - 52, L.fmt_date(when, pad=False), 11)
    L.stamp(c, x + 370, y - 20, signer, seal_label, 110)
    c.showPage()
    c.save()
    return Rendered(kind, stem, buf.getvalue(), 1, fields)


def commitment_letter(policy: str, deal: Deal, stem: str, when: date) -> Rendered:
    title, paragraphs = COMMITMENTS[policy]
    annex = "附件14-4" if policy == "beijing-2026" else ""
    return _letter("commitment_letter", stem, title, annex, paragraphs, deal.applicant.name, when,
                   {"applicant_name": deal.applicant.name}, [f"承诺单位：{deal.applicant.name}"])


def authorisation_letter(deal: Deal, stem: str, when: date) -> Rendered:
    a = deal.applicant
    body = [f"兹授权{a.contact}（联系电话：{a.contact_phone}）为本单位代理人，代表本单位办理武汉市算力券申领、使用及兑现相关事宜，"
            "其在办理过程中所签署的一切文件和处理的相关事务，本单位均予以承认。",
            "授权期限：自签发之日起至2026年12月31日止。"]
    return _letter("authorisation_letter", stem, "法人授权书", "", body, a.name, when,
                   {"applicant_name": a.name, "legal_representative": a.legal_rep, "agent_name": a.contact},
                   [f"授权单位：{a.name}", f"法定代表人：{a.legal_rep}", f"被授权人：{a.contact}"])


def legal_rep_certificate(deal: Deal, stem: str, when: date) -> Rendered:
    a = deal.applicant
    body = [f"{a.legal_rep}（性别：{a.legal_rep_gender}），现任我单位法定代表人，特此证明。",
            "附：法定代表人居民身份证复印件（正反面）。"]
    return _letter("legal_rep_id", stem, "法定代表人身份证明书", "", body, a.name, when,
                   {"applicant_name": a.name, "legal_representative": a.legal_rep, "id_number": a.legal_rep_id},
                   [f"单位名称：{a.name}", f"法定代表人：{a.legal_rep}", f"公民身份号码：{a.legal_rep_id}"])


def credit_report(deal: Deal, stem: str, when: date) -> Rendered:
    a = deal.applicant
    body = ["本报告根据信用中国网站归集的公共信用信息生成，报告内容如下：",
            "一、行政许可信息：3条，均在有效期内。",
            "二、行政处罚信息：无。",
            "三、严重失信主体名单信息：无。",
            "四、经营异常名录信息：无。",
            "本报告仅供申报算力券使用，报告生成后信息如有变化，以信用中国网站实时查询结果为准。"]
    return _letter("credit_report", stem, "市场主体专项信用报告（无违法违规记录版）", "", body, "国家公共信用信息中心", when,
                   {"applicant_name": a.name},
                   [f"报告编号：XYZG{when:%Y%m%d}{a.uscc[-6:]}", f"市场主体名称：{a.name}", f"统一社会信用代码：{a.uscc}"],
                   "信用报告专用章", representative=False)


def sme_declaration(deal: Deal, stem: str, when: date) -> Rendered:
    a = deal.applicant
    body = ["本公司郑重声明，根据《中小企业划型标准规定》（工信部联企业〔2011〕300号）的规定，本公司为中小企业，相关情况如下：",
            f"{a.name}，属于软件和信息技术服务业；从业人员86人，上年营业收入为3,260万元，资产总额为5,120万元，属于小型企业。",
            "本企业对上述声明内容的真实性负责。如有虚假，将依法承担相应责任。"]
    return _letter("sme_declaration", stem, "中小企业声明函", "", body, a.name, when, {"applicant_name": a.name})


def implementation_report(policy: str, deal: Deal, stem: str, when: date) -> Rendered:
    a = deal.applicant
    annex = "附件14-3" if policy == "beijing-2026" else ""
    title = "算力项目实施情况报告" if policy == "beijing-2026" else "人工智能研发及应用情况说明"
    body = ["一、企业基本情况介绍",
            f"{a.name}成立于{a.registered_on.year}年，注册资本{a.capital_wan}万元，主营人工智能基础软件与行业应用开发，"
            "近三年主营业务收入分别为1,860万元、2,740万元、3,260万元。",
            "二、项目建设方案",
            f"{deal.project_name}项目面向{deal.purpose}需求，使用{deal.supplier.name}提供的{deal.card_model.name}智能算力，"
            "完成行业大模型的持续预训练、指令精调与推理服务部署，形成具有自主知识产权的模型产品。",
            "三、项目完成情况",
            f"截至{L.fmt_date(when, pad=False)}，项目已累计使用算力{deal.card_hours:,}卡时，完成模型训练三轮迭代，"
            "取得软件著作权2项，已在两家行业客户完成试点部署；下一步将扩大应用场景并推进模型开源。"]
    return _letter("implementation_report", stem, title, annex, body, a.name, when, {"applicant_name": a.name},
                   [f"项目名称：{deal.project_name}", f"企业名称（加盖公章）：{a.name}"])


def model_filing(deal: Deal, stem: str, when: date) -> Rendered:
    a = deal.applicant
    number = f"Beijing-{a.name[2:4]}Model-{a.uscc[-6:]}"
    body = [f"{a.name}的生成式人工智能服务“{deal.project_name}”已按照《生成式人工智能服务管理暂行办法》完成备案/登记，"
            "可依法向公众提供服务。", "特此证明。"]
    return _letter("model_filing", stem, "生成式人工智能服务备案登记证明", "", body, a.name, when,
                   {"applicant_name": a.name, "filing_number": number},
                   [f"备案主体：{a.name}", f"备案编号：{number}", f"模型名称：{deal.project_name}"])


def supplier_qualification(deal: Deal, stem: str, when: date) -> Rendered:
    a, s = deal.applicant, deal.supplier
    body = [f"兹证明，{a.name}自{L.fmt_date(deal.term_start, pad=False)}至{L.fmt_date(deal.term_end, pad=False)}"
            f"在我单位租用{deal.card_model.name}智能算力，规模{deal.cards}卡，累计使用{deal.card_hours}卡时。",
            "上述算力资源部署于我单位智算中心，属于符合《北京市算力基础设施建设实施方案（2024-2027年）》要求的合规智算资源。",
            f"我单位与{a.name}之间不存在直接或间接的股权关联、管理关联或利益关联。",
            "特此证明。"]
    return _letter("supplier_qualification", stem, "算力供给方资质及服务证明", "", body, s.name, when,
                   {"applicant_name": a.name, "supplier_name": s.name, "card_hours": str(deal.card_hours)},
                   [f"算力供给方：{s.name}", f"统一社会信用代码：{s.uscc}"])


def voucher_certificate(deal: Deal, stem: str, when: date, number: str) -> Rendered:
    a = deal.applicant
    body = [f"{a.name}已通过武汉市算力券服务平台完成算力券申领，凭本凭证向平台登记的算力供给方购买算力服务，"
            "并按规定申请兑现。", f"凭证生成日期：{iso(when)}"]
    return _letter("voucher_certificate", stem, "武汉市算力券凭证", "", body, "武汉市算力券服务平台", when,
                   {"applicant_name": a.name, "certificate_number": number},
                   [f"凭证编号：{number}", f"持券单位：{a.name}", f"统一社会信用代码：{a.uscc}"], "业务专用章",
                   representative=False)
