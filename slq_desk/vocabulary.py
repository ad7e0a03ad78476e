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
