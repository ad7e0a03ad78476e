"""The words slq-desk shows for its codes, once: recommendations, finding severities,
application statuses, applicant kinds and document kinds, each with a Chinese and an English
label.

Every client (the opinions, the CLI, the window, the checks' messages, the calculator's trace)
reads its labels here, so two screens can never call the same thing by two names. A label never
embeds a parameter value (a rate or an amount belongs to the policy file and its citation, not
to a name). No imports beyond ``kinds``, so the UI can read the labels at start-up cheaply.

The window translates the Chinese label with ``tr()`` (the English comes from the .qm file);
this module's English is for the CLI's bilingual lines and the machine-readable exports.
"""

from __future__ import annotations

from dataclasses import dataclass

from slq_desk.kinds import DOCUMENT_KINDS


@dataclass(frozen=True, slots=True)
class Label:
    zh: str
    en: str

    def both(self) -> str:
        """``中文 / English``, the CLI's bilingual form."""
        return f"{self.zh} / {self.en}"


def _zh(labels: dict[str, Label]) -> dict[str, str]:
    return {code: label.zh for code, label in labels.items()}


# --- Recommendations (the stored value is the Chinese word: the opinion prints it) ----------
RECOMMEND, NOT_RECOMMEND, RECOMMEND_AFTER_CHANGES = "推荐", "不推荐", "修改后推荐"
RECOMMENDATION_LABELS: dict[str, Label] = {
    RECOMMEND: Label("推荐", "recommend"),
    NOT_RECOMMEND: Label("不推荐", "do not recommend"),
    RECOMMEND_AFTER_CHANGES: Label("修改后推荐", "recommend after changes"),
}
RECOMMENDATIONS: tuple[str, ...] = tuple(RECOMMENDATION_LABELS)
# Chinese word -> English, the form review/service has always exposed.
RECOMMENDATIONS_EN: dict[str, str] = {k: v.en for k, v in RECOMMENDATION_LABELS.items()}
# A recommendation that needs a written reason whatever the amount.
REASON_ALWAYS = frozenset({NOT_RECOMMEND, RECOMMEND_AFTER_CHANGES})

# --- Finding severities ----------------------------------------------------------------------
BLOCK, WARN, INFO = "block", "warn", "info"
SEVERITY_LABELS: dict[str, Label] = {
    BLOCK: Label("阻断", "blocking"),
    WARN: Label("警告", "warning"),
    INFO: Label("提示", "note"),
}
SEVERITIES: tuple[str, ...] = tuple(SEVERITY_LABELS)
SEVERITY_ORDER: dict[str, int] = {code: i for i, code in enumerate(SEVERITIES)}
SEVERITY_ZH: dict[str, str] = _zh(SEVERITY_LABELS)


def severity_rank(severity: str) -> int:
    """Sort key: blocking first, unknown severities last."""
    return SEVERITY_ORDER.get(severity, len(SEVERITY_ORDER))


# --- Application statuses, in workflow order --------------------------------------------------
STATUS_LABELS: dict[str, Label] = {
    # The workflow's statuses in order; the allowed moves are one table in
    # ``slq_desk.office.status`` and migration 0008 maps older workspaces' 初审中/待评审/已签署.
    "pending_check": Label("待初审", "awaiting preliminary review"),
    "supplementing": Label("补正中", "awaiting supplementary materials"),
    "check_passed": Label("初审通过", "passed preliminary review"),
    "check_failed": Label("初审不通过", "failed preliminary review"),
    "reviewing": Label("评审中", "in expert review"),
    "reviewed": Label("已评审", "reviewed"),
    "publicised": Label("公示中", "publicised"),
    "paid": Label("已兑付", "paid"),
    "withdrawn": Label("撤销", "withdrawn"),
}
STATUSES: dict[str, str] = _zh(STATUS_LABELS)

# --- Applicant kinds (the policy files' supported_kinds codes) --------------------------------
APPLICANT_KIND_LABELS: dict[str, Label] = {
    "enterprise": Label("企业", "enterprise"),
    "research_institute": Label("科研机构", "research institute"),
    "university": Label("高校", "university"),
    # The Chengdu policy's own wording (第四条): OPC（一人公司）.
    "opc": Label("OPC（一人公司）", "one-person company (OPC)"),
    "new_rnd_institution": Label("新型研发机构", "new R&D institution"),
}
APPLICANT_KINDS: frozenset[str] = frozenset(APPLICANT_KIND_LABELS)
APPLICANT_KIND_ZH: dict[str, str] = _zh(APPLICANT_KIND_LABELS)


def applicant_kind_zh(kind: str) -> str:
    return APPLICANT_KIND_ZH.get(kind, kind)


# --- Document kinds (the Chinese names live in kinds.py, which the classifier extends) ---------
DOCUMENT_KIND_EN: dict[str, str] = {
    "contract": "service contract",
    "invoice": "invoice",
    "payment_receipt": "payment receipt",
    "usage_log": "compute usage log",
    "usage_report": "compute usage report",
    "application_form": "application / filing form",
    "commitment_letter": "letter of commitment",
    "business_licence": "business licence",
    "credit_report": "credit report",
    "sme_declaration": "SME declaration",
    "implementation_report": "project implementation report",
    "authorisation_letter": "letter of authorisation",
    "legal_rep_id": "legal representative's identity",
    "model_filing": "model filing / registration",
    "supplier_qualification": "compute supplier's qualification",
    "voucher_certificate": "compute voucher certificate",
    "other": "other material",
}


def document_kind_label(kind: str) -> Label:
    """Chinese and English name of a document kind; an unknown kind is shown as its code."""
    zh = DOCUMENT_KINDS.get(kind)
    if zh is None:
        return Label(kind or DOCUMENT_KINDS["other"], kind or DOCUMENT_KIND_EN["other"])
    return Label(zh, DOCUMENT_KIND_EN.get(kind, kind))


# --- Finding codes (what the checklist shows in place of ``material_missing`` …) -------------
# A short title per code; the finding's own message says the particulars (names, amounts).
FINDING_LABELS: dict[str, Label] = {
    "amount_words_mismatch": Label("大小写金额不一致", "amount in words differs from figures"),
    "applicant_kind_not_supported": Label("申报主体类型不在支持范围", "applicant kind not supported"),
    "ban_list_unchecked": Label("禁止申领名单未核对", "ban list not checked"),
    "banned_from_subsidies": Label("处于禁止申领期", "barred from subsidies"),
    "below_minimum": Label("低于最低补贴额", "below the minimum subsidy"),
    "below_threshold": Label("未达申报门槛", "below the claim threshold"),
    "buyer_mismatch": Label("发票购买方不是申报单位", "invoice buyer is not the applicant"),
    "cap_exhausted": Label("补贴上限已用完", "subsidy cap used up"),
    "capped": Label("按上限封顶", "capped"),
    "claim_outside_period": Label("申报日期不在政策有效期内", "claim outside the policy's period"),
    "compute_class_excluded": Label("算力类型不予支持", "compute class not supported"),
    "contract_party_mismatch": Label("合同主体不一致", "contract parties do not match"),
    "contract_term_beyond_year_end": Label("合同期限跨年度", "contract term runs past year end"),
    "contract_total_below_direction_minimum": Label("合同金额低于方向最低要求",
                                                    "contract total below the direction's minimum"),
    "credit_listed": Label("列入失信名单", "on a credit blacklist"),
    "credit_unchecked": Label("信用状况未核查", "credit standing not checked"),
    "dated_before_signing": Label("日期早于合同签订", "dated before the contract was signed"),
    "dedup_applicant_year": Label("同一单位同年度重复申报", "same applicant claimed twice this year"),
    "dedup_file": Label("文件在其他申报中重复出现", "file also in another application"),
    "dedup_invoice": Label("发票在其他申报中重复出现", "invoice also in another application"),
    "direction_applicant_kind": Label("申报方向与主体类型不符", "direction does not fit the applicant kind"),
    "direction_condition_to_confirm": Label("申报方向条件待确认", "direction condition to confirm"),
    "direction_invalid": Label("申报方向无效", "invalid direction"),
    "direction_missing": Label("未填写申报方向", "direction missing"),
    "draft_for_comment": Label("政策为征求意见稿", "policy is a draft for comment"),
    "duplicate_contract": Label("合同重复申领", "contract claimed twice"),
    "duplicate_invoice": Label("发票重复申领", "invoice claimed twice"),
    "excluded_service": Label("含不予支持的服务", "includes services not supported"),
    "extraction_failed": Label("材料内容无法读取", "contents could not be read"),
    "filing_date_unknown": Label("备案日期未读出", "filing date not read"),
    "filing_late": Label("备案逾期", "filed late"),
    "fiscal_support_limit": Label("超过财政资金支持限额", "above the fiscal support limit"),
    "image_only_page": Label("扫描页（已OCR识别）", "scanned page (read by OCR)"),
    "industry_not_supported": Label("所属行业不予支持", "industry not supported"),
    "industry_to_confirm": Label("所属行业待确认", "industry to confirm"),
    "invoice_copy": Label("同一发票的不同格式（只计一次）", "one invoice in two formats (counted once)"),
    "invoice_contract_mismatch": Label("发票与合同不一致", "invoice and contract differ"),
    "invoice_payment_mismatch": Label("发票与付款金额不一致", "invoice and payment amounts differ"),
    "judgement_required": Label("需人工判断", "needs a person's judgement"),
    "material_missing": Label("缺少必备材料", "required material missing"),
    "model_filed_too_early": Label("模型备案早于规定时间", "model filed too early"),
    "no_eligible_lines": Label("无可计补项目", "no eligible lines"),
    "no_rate": Label("无适用补贴比例", "no applicable rate"),
    "not_domestic": Label("非国产（自主可控）算力", "not domestic (self-controlled) compute"),
    "nothing_extracted": Label("未提取到任何字段", "nothing extracted"),
    "ofd_partly_drawn": Label("OFD 文件部分内容未能显示", "OFD file partly drawn"),
    "other_support_undeclared": Label("未声明其他财政支持", "other public support not declared"),
    "outside_window": Label("服务期不在政策支持期内", "service outside the supported period"),
    "pages_not_read": Label("部分页面未读取", "some pages not read"),
    "payment_party_mismatch": Label("付款主体不一致", "payment parties do not match"),
    "pdf_broken": Label("文件已损坏", "file damaged"),
    "pdf_encrypted": Label("文件已加密", "file encrypted"),
    "pdf_repaired": Label("文件经修复后读取", "file read after repair"),
    "price_above_market": Label("单价高于市场参考价", "price above the market reference"),
    "prorated": Label("按支持期折算", "prorated to the supported period"),
    "qr_mismatch": Label("二维码信息与票面不一致", "QR code differs from the printed invoice"),
    "quota_lapsed": Label("算力券额度已失效", "voucher quota lapsed"),
    "quota_ledger_to_confirm": Label("算力券额度明细待核对", "voucher quota ledger to confirm"),
    "quota_limit": Label("超过已申领额度", "above the quota claimed"),
    "rate_is_ceiling": Label("补贴比例为上限", "the rate is a ceiling"),
    "region_mismatch": Label("申报单位不在本地区", "applicant outside the region"),
    "related_party": Label("关联交易", "related-party transaction"),
    "seller_mismatch": Label("发票销售方不是算力供给方", "invoice seller is not the supplier"),
    "service_excluded": Label("服务不予支持", "service not supported"),
    "service_not_covered": Label("服务不在支持范围", "service not covered"),
    "sme_not_applicable": Label("中小企业条款不适用", "SME provision does not apply"),
    "supplier_list_unchecked": Label("算力服务机构名单未核对", "supplier list not checked"),
    "supplier_not_listed": Label("算力供给方不在名单内", "supplier not on the list"),
    "supplier_registered_too_recently": Label("算力供给方成立时间过短", "supplier registered too recently"),
    "supplier_registration_unchecked": Label("算力供给方注册信息未核对", "supplier registration not checked"),
    "threshold_met_by_payout": Label("按实付金额达到门槛", "threshold met by the amount paid"),
    "topped_up": Label("已补足", "topped up"),
    "unsafe_device": Label("使用存在安全隐患的设备", "device with a declared security risk"),
    "unsafe_devices_unchecked": Label("算力设备安全性未核对", "devices' security not checked"),
    "unsupported_file": Label("文件格式不支持", "unsupported file"),
    "usage_invoice_mismatch": Label("使用记录与发票不一致", "usage log and invoice differ"),
    "uscc_invalid": Label("统一社会信用代码有误", "invalid unified social credit code"),
    "zero_subsidy": Label("测算补贴为零", "computed subsidy is zero"),
    "entry_refused": Label("文件不予接收", "file refused"),
    "facts_incomplete": Label("关键金额或日期缺失", "key amounts or dates missing"),
    "fact_set_by_person": Label("事实经人工认定", "fact set by a person"),
    "fact_set_incomplete": Label("人工认定的事实不完整", "fact set by a person is incomplete"),
    "manifest_invalid": Label("材料清单无效", "material list invalid"),
}


def finding_label(code: str) -> Label:
    """Title of a finding code; an unknown code gets a generic title, never the bare code."""
    return FINDING_LABELS.get(code) or Label("其他问题", "other problem")


# --- Extracted field names (``contract_number`` …; ``item.`` fields are a line's) ------------
FIELD_LABELS: dict[str, Label] = {
    "amount": Label("金额", "amount"),
    "applicant_name": Label("申报单位名称", "applicant"),
    "applicant_id": Label("申报单位统一社会信用代码", "applicant's USCC"),
    "total": Label("价税合计", "total incl. tax"),
    "total_in_words": Label("价税合计（大写）", "total in words"),
    "tax": Label("税额", "tax"),
    "tax_rate": Label("税率", "tax rate"),
    "buyer_name": Label("购买方名称", "buyer"),
    "buyer_id": Label("购买方纳税人识别号", "buyer's taxpayer id"),
    "seller_name": Label("销售方名称", "seller"),
    "seller_id": Label("销售方纳税人识别号", "seller's taxpayer id"),
    "card_hours": Label("卡时数", "card-hours"),
    "card_model": Label("算力卡型号", "card model"),
    "purpose": Label("用途", "purpose"),
    "issue_date": Label("开票日期", "issue date"),
    "invoice_type": Label("发票类型", "invoice type"),
    "invoice_number": Label("发票号码", "invoice number"),
    "invoice_code": Label("发票代码", "invoice code"),
    "check_code": Label("校验码", "check code"),
    "payer_name": Label("付款人", "payer"),
    "payer_account": Label("付款账号", "payer's account"),
    "payee_name": Label("收款人", "payee"),
    "payee_account": Label("收款账号", "payee's account"),
    "pay_date": Label("付款日期", "payment date"),
    "contract_number": Label("合同编号", "contract number"),
    "sme": Label("中小企业", "SME"),
    "form_type": Label("表单类型", "form type"),
    "legal_representative": Label("法定代表人", "legal representative"),
    "requested_amount": Label("申请补贴金额", "amount requested"),
    "supplier_name": Label("算力供给方", "supplier"),
    "supplier_id": Label("算力供给方统一社会信用代码", "supplier's USCC"),
    "period_start": Label("服务期起", "service from"),
    "period_end": Label("服务期止", "service until"),
    "term_start": Label("合同期起", "term from"),
    "term_end": Label("合同期止", "term until"),
    "unit_price": Label("单价", "unit price"),
    "signed_on": Label("签订日期", "signed on"),
    "other_subsidy_clause": Label("其他补贴条款", "other-subsidy clause"),
    "domestic": Label("国产（自主可控）", "domestic (self-controlled)"),
    "uscc": Label("统一社会信用代码", "USCC"),
    "rate": Label("比例", "rate"),
    "name": Label("名称", "name"),
    "id_number": Label("身份证号码", "ID number"),
    "certificate_number": Label("证书编号", "certificate number"),
    "agent_name": Label("经办人", "agent"),
    "other_fiscal_support": Label("其他财政资金支持", "other public funding"),
    "filing_number": Label("备案编号", "filing number"),
    "direction": Label("申报方向", "direction"),
    "applicant_kind": Label("申报主体类型", "applicant kind"),
    "date": Label("日期", "date"),
    "share": Label("占比", "share"),
    "service": Label("服务类别", "service"),
    "spec": Label("规格型号", "specification"),
    "unit": Label("单位", "unit"),
    "quantity": Label("数量", "quantity"),
    "filed_on": Label("备案日期", "filed on"),
    "amount_in_words": Label("金额（大写）", "amount in words"),
    "amount_includes_tax": Label("金额含税", "amount includes tax"),
    "unit_price_includes_tax": Label("单价含税", "unit price includes tax"),
    "card_count": Label("算力卡数量", "number of cards"),
    "domestic_stated": Label("合同载明国产", "contract states domestic"),
    "serial_number": Label("交易流水号", "transaction serial number"),
    "service_mode": Label("服务模式", "service mode"),
    "payer_bank": Label("付款人开户行", "payer's bank"),
    "payee_bank": Label("收款人开户行", "payee's bank"),
}


def field_label(name: str) -> Label:
    """Label of an extracted field name (``item.amount`` is a line's 金额); unknown names are
    shown as they are, since they are the extractor's own words."""
    bare = name.removeprefix("item.")
    return FIELD_LABELS.get(bare) or Label(bare, bare)


# --- Yes / no for boolean fields, as people read them ------------------------------------------
BOOLEAN_LABELS: dict[str, Label] = {"true": Label("是", "yes"), "false": Label("否", "no")}


def value_label(value: str) -> Label:
    """A stored field value as a person reads it: ``true``/``false`` become 是/否."""
    return BOOLEAN_LABELS.get(value.strip().lower()) or Label(value, value)


# --- The calculator's computation steps (``calc:NAME``) ----------------------------------------
STEP_LABEL_TEXTS: dict[str, Label] = {
    "line_base": Label("单项计补基数", "line base"),
    "line_subsidy": Label("单项补贴额", "line subsidy"),
    "eligible_base": Label("计补基数合计", "eligible base"),
    "gross_subsidy": Label("按比例测算", "subsidy at the rate"),
    "cap_remaining": Label("年度上限余额", "remaining annual cap"),
    "capped": Label("封顶后", "after the cap"),
    "rounding": Label("取整后", "after rounding"),
    "subsidy": Label("测算补贴金额", "computed subsidy"),
    "prorated": Label("按支持期折算", "prorated to the supported period"),
    "fiscal_limit": Label("财政资金支持限额", "fiscal support limit"),
}


# --- Required materials (a document kind, or ``application_form:<form type>``) -------------------
FORM_TYPE_EN: dict[str, str] = {
    "declaration": "application (claim / registration) form",
    "filing": "compute usage filing form",
    "subsidy": "subsidy claim form",
    "usage_table": "compute usage table",
}


def material_en(material: str) -> str:
    """English name of a required material; an unknown one is named as a document kind."""
    kind, _, form = material.partition(":")
    if form:
        return FORM_TYPE_EN.get(form, DOCUMENT_KIND_EN.get(kind, material))
    return DOCUMENT_KIND_EN.get(kind, material)


def bilingual(text: str) -> Label:
    """Split a core sentence written "中文 / English" (the CLI's form) into its two halves, so
    an official PDF or the Chinese window prints only the Chinese; text without " / " is both."""
    zh, sep, en = text.partition(" / ")
    return Label(zh.strip(), en.strip()) if sep else Label(text, text)


# --- Score-divergence metrics (review/aggregate.py's ``range`` / ``stdev``) ---------------------
METRIC_LABELS: dict[str, Label] = {
    "range": Label("极差", "range"),
    "stdev": Label("标准差", "standard deviation"),
}


# --- Audit-log actions and the objects they touch (the audit-log viewer) ----------------------
AUDIT_ACTION_LABELS: dict[str, Label] = {
    "application.import": Label("导入申报", "application imported"),
    "application.check": Label("检查与测算", "checks and calculation"),
    "application.dedup": Label("查重索引更新", "duplicate index updated"),
    "application.facts_set": Label("设定申报事实", "application facts set"),
    "application.status": Label("变更状态", "status changed"),
    "application.supplement": Label("导入补正材料", "supplement imported"),
    "check.credit_seen": Label("记录信用查询", "credit check recorded"),
    "check.invoice_verified": Label("记录发票查验", "invoice verification recorded"),
    "document.add": Label("添加材料", "document added"),
    "document.replace": Label("替换材料", "document replaced"),
    "document.set_kind": Label("更改材料类型", "document kind changed"),
    "field.correct": Label("更正字段", "field corrected"),
    "kit.import": Label("导入评审材料包", "review kit imported"),
    "kit.pledge": Label("签署保密承诺", "confidentiality pledge signed"),
    "list.import": Label("导入参考名单", "reference list imported"),
    "note.add": Label("添加备注", "note added"),
    "notice.draft": Label("起草通知书", "notice drafted"),
    "notice.edit": Label("修改通知书草稿", "notice draft edited"),
    "notice.render": Label("生成通知书（未签署）", "notice rendered (unsigned)"),
    "notice.sign": Label("签发通知书", "notice signed"),
    "office.summary": Label("导出初审汇总", "preliminary summary exported"),
    "opinion.draft": Label("导出意见草稿", "opinion draft exported"),
    "opinion.preliminary": Label("签署初审意见", "preliminary opinion signed"),
    "opinion.sign": Label("签署评审意见", "opinion signed"),
    "panel.conclusion": Label("评审组结论", "panel conclusion"),
    "panel.draw": Label("抽取评审专家", "experts drawn"),
    "panel.export": Label("导出评审结果", "panel results exported"),
    "panel.flag": Label("标记评审意见", "opinion flagged"),
    "panel.import": Label("导入评审意见", "opinion imported"),
    "panel.kit": Label("生成评审材料包", "review kit made"),
    "panel.objection": Label("登记异议", "objection recorded"),
    "panel.objection_answer": Label("答复异议", "objection answered"),
    "panel.opinion.draft": Label("导出评审组意见草稿", "panel opinion draft exported"),
    "panel.opinion.sign": Label("签署评审组意见", "panel opinion signed"),
    "panel.pledge": Label("专家承诺", "expert pledge"),
    "panel.publicity": Label("公示", "publicity"),
    "panel.recheck_request": Label("要求复核", "recheck requested"),
    "panel.recheck_resolve": Label("复核结论", "recheck resolved"),
    "panel.refuse": Label("拒收评审意见", "opinion refused"),
    "panel.report": Label("评审报告", "panel report"),
    "panel.roster.add": Label("名册添加专家", "expert added to roster"),
    "panel.roster.remove": Label("名册移除专家", "expert removed from roster"),
    "panel.settings": Label("评审组设置", "panel settings"),
    "panel.substitute": Label("替补专家", "expert substituted"),
    "review.coi": Label("利益冲突声明", "conflict-of-interest declaration"),
    "review.create": Label("开始评审", "review started"),
    "review.submit": Label("提交评审", "review submitted"),
    "review.update": Label("保存评分", "review saved"),
}
AUDIT_ENTITY_LABELS: dict[str, Label] = {
    "application": Label("申报", "application"), "document": Label("材料", "document"),
    "extracted_field": Label("字段", "field"), "kit": Label("材料包", "kit"),
    "office_notice": Label("通知书", "notice"), "opinion": Label("意见", "opinion"),
    "panel": Label("评审组", "panel"), "panel_draw": Label("专家抽取", "draw"),
    "panel_flag": Label("标记", "flag"), "panel_kit": Label("材料包", "kit"),
    "panel_objection": Label("异议", "objection"), "panel_opinion": Label("评审意见", "opinion"),
    "panel_pledge": Label("承诺", "pledge"), "panel_roster": Label("名册", "roster"),
    "reference_list": Label("参考名单", "reference list"), "review": Label("评审", "review"),
    "setting": Label("设置", "setting"), "workspace": Label("工作区", "workspace"),
}


def audit_action_label(action: str) -> Label:
    """An audit action's name; an unknown one (a newer version's) keeps its code, marked."""
    return AUDIT_ACTION_LABELS.get(action) or Label(f"其他操作（{action}）", f"other ({action})")


def audit_entity_label(entity: str) -> Label:
    return AUDIT_ENTITY_LABELS.get(entity) or Label(entity, entity)
# The first part of an action code: the viewer filters by it ("review." = every review event).
AUDIT_GROUP_LABELS: dict[str, Label] = {
    "application": Label("申报", "application"), "check": Label("查验", "verification"),
    "document": Label("材料", "document"), "field": Label("字段", "field"),
    "kit": Label("材料包", "kit"), "list": Label("参考名单", "reference list"),
    "note": Label("备注", "note"), "notice": Label("通知书", "notice"),
    "office": Label("初审办公", "office"), "opinion": Label("意见", "opinion"),
    "panel": Label("评审组", "panel"), "review": Label("评审", "review"),
}


# --- Facts a person sets on an application (``check --set``, the window's 认定事实 dialog) -----
# The keys are those of ``facts["overrides"]``; ``desk/facts.py`` validates them and says which
# policies each one matters for, the checks name them in the "set by a person" finding.
FACT_LABELS: dict[str, Label] = {
    "direction": Label("申报方向", "declared direction"),
    "applicant_kind": Label("申报主体类型", "applicant kind"),
    "sme": Label("中小企业", "small or medium-sized enterprise"),
    "industry": Label("所属行业", "industry"),
    "service_start": Label("服务期限起", "service period start"),
    "service_end": Label("服务期限止", "service period end"),
    "domestic": Label("算力卡为国产", "accelerators are domestic"),
    "excluded_lines": Label("不计入的发票明细行", "invoice lines left out"),
    "received_this_year": Label("本年度已获算力券补贴", "vouchers received this year"),
    "purchased_this_year": Label("本年度此前已购算力服务", "qualifying purchases earlier this year"),
    "other_fiscal_support": Label("合同已获其他财政资金", "other fiscal support on the contract"),
    "quota_granted": Label("已核定算力券额度", "voucher quota granted"),
    "model_filed_on": Label("模型备案登记日期", "model filing date"),
}


def fact_label(key: str) -> Label:
    return FACT_LABELS.get(key) or Label(key, key)
