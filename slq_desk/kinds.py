"""The document kinds slq-desk knows, with the Chinese label a person sees.

One vocabulary for the classifier, the policy files' materials lists, the opinions and the
window: a kind added here is known everywhere at once. No imports, so the UI can read the labels
at start-up without loading the classifier or PyMuPDF.
"""

from __future__ import annotations

DOCUMENT_KINDS: dict[str, str] = {
    "contract": "服务合同",
    "invoice": "发票",
    "payment_receipt": "付款凭证",
    "usage_log": "算力使用记录",
    "usage_report": "算力使用报告",
    "application_form": "申报表/备案表",
    "commitment_letter": "承诺函",
    "business_licence": "营业执照",
    "credit_report": "信用报告",
    "sme_declaration": "中小企业声明函",
    "implementation_report": "项目实施报告",
    # Materials the policies ask for beyond the contract-invoice-payment core.
    "authorisation_letter": "法人授权书",
    "legal_rep_id": "法定代表人身份证明",
    "model_filing": "模型备案/登记证明",
    "supplier_qualification": "算力供给方资质证明",
    "voucher_certificate": "算力券凭证",
    "other": "其他材料",
}


def kind_label(kind: str) -> str:
    return DOCUMENT_KINDS.get(kind, kind or DOCUMENT_KINDS["other"])
