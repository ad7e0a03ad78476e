"""Materials: every document the policy requires is in the package.

The lists are policy data (``materials_apply``, ``materials_payout``, ``materials_if_sme``,
``material_alternatives``): a document kind, or ``application_form:TYPE`` for one form. A file
that could not be read still counts as present here (its own finding, pdf_encrypted or
pdf_broken, already blocks); a file of unknown kind that could not be read may be any of them,
so it is offered to the first missing material rather than reporting that material missing.
"""

from __future__ import annotations

from slq_desk.checks.model import BLOCK, CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.rules import rule
from slq_desk.checks.view import ApplicationView
from slq_desk.kinds import DOCUMENT_KINDS
from slq_desk.vocabulary import material_en

# Chinese names of the materials, for messages and the opinion's table.
# The policies' own names for materials, where they say more than the kind's label; any other
# kind falls back to the shared label (slq_desk/kinds.py), never to the raw key.
MATERIAL_NAMES: dict[str, str] = {
    **DOCUMENT_KINDS,
    "contract": "算力服务合同",
    "invoice": "发票",
    "payment_receipt": "付款凭证",
    "usage_log": "算力使用记录（结算单/日志）",
    "usage_report": "算力资源使用报告",
    "commitment_letter": "承诺函（书）",
    "business_licence": "营业执照（登记证书）",
    "credit_report": "信用信息报告",
    "sme_declaration": "中小企业声明函",
    "implementation_report": "项目实施情况报告",
    "application_form": "申报表",
    "application_form:declaration": "申报（申领/登记）表",
    "application_form:filing": "算力使用备案表",
    "application_form:subsidy": "补贴申报（兑现申请）表",
    "application_form:usage_table": "算力使用情况表",
}


def required_materials(view: ApplicationView, params: PolicyParams) -> list[tuple[str, str]]:
    """(material, parameter it comes from), without repeats, in the policy's order."""
    out: list[tuple[str, str]] = []
    names = ["materials_apply", "materials_payout"]
    sme = any((d.get("sme") or "").lower() in ("true", "是") for d in view.of_kind("application_form"))
    if sme:
        names.append("materials_if_sme")
    for name in names:
        for material in params.value(name) or ():
            if all(m != material for m, _ in out):
                out.append((material, name))
    return out


def present(view: ApplicationView, material: str) -> list[Evidence]:
    kind, _, form_type = material.partition(":")
    docs = view.of_kind(kind, form_type or None)
    if form_type:
        # An unreadable form cannot say which form it is: it may be this one.
        docs += [d for d in view.of_kind(kind) if not d.readable]
    return [d.evidence() for d in docs]


def materials_table(view: ApplicationView, params: PolicyParams) -> list[dict[str, object]]:
    """Each required material with the files that provide it (empty: missing)."""
    alternatives = params.value("material_alternatives") or {}
    rows = []
    for material, source in required_materials(view, params):
        found = present(view, material)
        for alt in alternatives.get(material, ()):
            found += present(view, alt)
        rows.append({"material": material, "name": MATERIAL_NAMES.get(material, material),
                     "article": params.article(source), "files": [e.file for e in found],
                     "present": bool(found)})
    return rows


@rule("materials", "material_missing")
def material_missing(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    unknown_unreadable = [d for d in view.documents if not d.readable and d.kind == "other"]
    findings = []
    for row in materials_table(view, params):
        if row["present"]:
            continue
        material = str(row["material"])
        if unknown_unreadable:
            unknown_unreadable.pop(0)  # that file may be this material: its own finding blocks
            continue
        name = MATERIAL_NAMES.get(material, material)
        findings.append(CheckFinding(
            "material_missing", BLOCK,
            f"缺少必备材料：{name}",
            f"required material missing: {material_en(material)}",
            str(row["article"]),
        ))
    return findings
