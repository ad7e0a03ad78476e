"""Running 初审 on one application: all rules, the facts, the subsidy, stored with an audit event.

``evaluate`` is the pure part (view + policy → findings). ``run_checks`` reads the application
from the workspace, evaluates, assembles the calculator's facts (leaving out invoices the checks
found not to count), computes the subsidy, then in one transaction replaces the application's
check-stage findings, stores facts and subsidy, and records what changed in the audit log.
Ingest-stage findings (unreadable files, scanned pages, 大写≠小写 …) are kept and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from slq_desk.checks.facts import Facts, assemble, set_by_person
from slq_desk.checks.lists import load_lists
from slq_desk.checks.model import BLOCK, CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.rules import all_rules, finding
from slq_desk.checks.rules.integrity import duplicate_left_out
from slq_desk.checks.rules.materials import materials_table
from slq_desk.checks.view import ApplicationView, build_view, invoice_copies
from slq_desk.errors import BadInput
from slq_desk.money import fmt
from slq_desk.policy.rules.period import draft_label
from slq_desk.policy.trace import INELIGIBLE, Reason

# Findings that take a document's figures out of the base: not the applicant's purchase, or
# already claimed elsewhere.
LEAVE_OUT = ("buyer_mismatch", "duplicate_invoice")

# The calculator's blocking reasons are the same Reason objects the policy rules return to the
# 初审 (policy/rules): one not already reported by a blocking finding of the same code becomes a
# finding itself, with its own code, article and message. A reason may also be explained by
# another blocking finding: a base that fell to nothing or below the threshold because lines
# were kept out (outside the window, another buyer, a duplicate, an unreadable file) is said by
# those findings; the calculator's reasons, shown with the subsidy and in the opinion, still say it.
EXPLAINED_BY: dict[str, set[str]] = {
    "below_threshold": {"outside_window", "buyer_mismatch", "duplicate_invoice"},
    # Beijing without a declared direction has no rate for any line (一（四）): the base is nil
    # because of the direction, which ``direction_missing`` already says.
    "no_eligible_lines": {"outside_window", "buyer_mismatch", "duplicate_invoice",
                          "direction_missing", "direction_invalid", "facts_incomplete",
                          "pdf_encrypted", "pdf_broken", "material_missing",
                          "claim_outside_period"},
}


@dataclass
class CheckReport:
    application_id: str
    policy_id: str
    applicant_name: str
    findings: list[CheckFinding]
    materials: list[dict[str, Any]]
    facts: Facts | None
    result: dict[str, Any] | None
    subsidy: Decimal | None
    documents: list[dict[str, Any]] = field(default_factory=list)
    # What officials checked by hand (invoice 查验, 信用中国): office.verification.records_for.
    manual_checks: dict[str, Any] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        return any(f.severity == BLOCK for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "application_id": self.application_id,
            "policy": self.policy_id,
            "applicant": self.applicant_name,
            "blocking": self.blocking,
            "findings": [f.to_dict() for f in self.findings],
            "materials": self.materials,
            "subsidy": fmt(self.subsidy) if self.subsidy is not None else None,
            "result": self.result,
            "facts": self.facts.to_json() if self.facts else None,
            "documents": self.documents,
            "manual_checks": self.manual_checks,
        }


def evaluate(view: ApplicationView, policy: Any, day: date | None = None) -> list[CheckFinding]:
    """All rules of the policy on the view: check-stage findings, in rule order."""
    params = PolicyParams(policy, day or view.claim_day)
    findings: list[CheckFinding] = []
    for rule in all_rules():
        findings.extend(rule.fn(view, params))
    return findings


def calculation_findings(reasons: list[Reason], reported: list[CheckFinding],
                         facts: Facts | None = None) -> list[CheckFinding]:
    """The calculator's blocking reasons no blocking finding already says (see EXPLAINED_BY),
    with the evidence of the figures they concern (the facts' sources)."""
    blocking = {f.code for f in reported if f.severity == BLOCK}
    out: list[CheckFinding] = []
    for reason in reasons:
        if reason.effect != INELIGIBLE or reason.code in blocking:
            continue
        if EXPLAINED_BY.get(reason.code, set()) & blocking:
            continue
        made = finding(reason, BLOCK)
        if not made.evidence and facts is not None:
            made.evidence = _figures_evidence(reason, facts)
        out.append(made)
        blocking.add(reason.code)
    return out


def _figures_evidence(reason: Reason, facts: Facts) -> list[Evidence]:
    """Where the figures behind a calculator reason were read: its line, else every line."""
    line = reason.details.get("line")
    keys = ([f"lines[{int(line) - 1}].amount"] if isinstance(line, int)
            else [k for k in facts.evidence if k.startswith("lines[") and k.endswith("].amount")])
    seen: dict[tuple[str, str | None], Evidence] = {}
    for key in keys:
        for e in facts.evidence.get(key, []):
            seen.setdefault((e.sha256, e.field), e)
    return list(seen.values())[:20]  # enough to jump to; the facts keep them all


def mark_draft(findings: list[CheckFinding], policy: Any, day: date) -> list[CheckFinding]:
    """Reading 14: under a draft for comment every finding says "征求意见稿"."""
    label = draft_label(policy, day)
    if not label:
        return findings
    prefix_zh, prefix_en = f"（{label}）", "(draft for comment) "
    return [f if f.message_zh.startswith(prefix_zh) else
            replace(f, message_zh=prefix_zh + f.message_zh, message_en=prefix_en + f.message_en)
            for f in findings]


def _left_out(view: ApplicationView, findings: list[CheckFinding]) -> set[int]:
    """Documents whose figures do not count here. A duplicated invoice stays with the
    application that claimed it first (first come, first served) and leaves the later ones."""
    out: set[int] = set(invoice_copies(view))  # one invoice in two formats counts once
    for f in findings:
        if f.code not in LEAVE_OUT:
            continue
        for e in f.evidence:
            if e.document_id is None:
                continue
            doc = view.doc(e.document_id)
            if f.code == "duplicate_invoice" and doc is not None and not duplicate_left_out(view, doc):
                continue
            out.add(e.document_id)
    return out


def check_view(view: ApplicationView, policy: Any) -> CheckReport:
    """Findings, facts and subsidy for a view, without touching the database."""
    from slq_desk.policy import compute

    params = PolicyParams(policy, view.claim_day)
    findings = evaluate(view, policy)
    facts = assemble(view, params, _left_out(view, findings))
    findings.extend(facts.assumptions)  # what the facts had to assume, each a visible warning
    findings.extend(set_by_person(view))  # what a person set instead: named, with who and when
    result: dict[str, Any] | None = None
    subsidy: Decimal | None = None
    try:
        computed = compute(facts.application, policy)
    except BadInput as err:
        findings.append(CheckFinding(
            "facts_incomplete", BLOCK,
            f"材料中读出的事实不足以计算补贴：{err}",
            f"the facts read from the documents are not enough to compute the subsidy: {err}"))
    else:
        result = computed.to_dict()
        subsidy = computed.subsidy
        findings += calculation_findings(computed.reasons, findings + view.ingest_findings, facts)
    # Findings made while reading the files carry no article; the documents they concern are
    # the policy's required materials, so they cite the materials articles in the report.
    materials_article = params.article("materials_apply", "materials_payout")
    ingest = [replace(f, article=f.article or materials_article) for f in view.ingest_findings]
    all_findings = mark_draft(ingest + findings, policy, view.claim_day)
    return CheckReport(view.id, policy.id, view.applicant_name, all_findings,
                       materials_table(view, params), facts, result, subsidy,
                       [{"file": d.file, "kind": d.kind, "sha256": d.sha256, "pages": d.pages,
                         "readable": d.readable} for d in view.documents])


def run_checks(ws: Any, app_id: str, policy_id: str | None = None) -> CheckReport:
    """Check one application of the workspace and store the outcome (see the module doc)."""
    from slq_desk import audit
    from slq_desk.checks import dedup
    from slq_desk.models.schema import Application, Finding
    from slq_desk.policy import load_policy

    # A re-check follows a change (a field corrected, a kind set, a 补正): the 查重 index and
    # findings of this application are brought up to date first, so the view carries them.
    with ws.session() as s:
        if s.get(Application, app_id) is not None:
            dedup.index_application(s, app_id)
    dedup.refresh_findings(ws, [app_id])
    with ws.session() as s:
        view = build_view(s, app_id)
        view.lists = load_lists(s)
        policy = load_policy(policy_id or view.policy_id)
        report = check_view(view, policy)
        app = s.get(Application, app_id)
        before = {
            "subsidy": fmt(app.computed_subsidy) if app.computed_subsidy is not None else None,
            "check_findings": sorted(f.code for f in app.findings if f.stage == "check"),
        }
        for old in [f for f in app.findings if f.stage == "check"]:
            app.findings.remove(old)
        s.flush()
        for f in report.findings:
            if f.stage != "check":
                continue
            first = f.evidence[0] if f.evidence else None
            app.findings.append(Finding(
                application_id=app_id, document_id=first.document_id if first else None,
                code=f.code, severity=f.severity, message_zh=f.message_zh,
                message_en=f.message_en, article=f.article[:200],
                page=first.page if first else None, bbox=first.bbox if first else None,
                stage="check"))
        stored = report.facts.to_json() if report.facts else {}
        # A person's facts and who set them when outlive every run of the checks.
        for kept in ("overrides", "overrides_set"):
            if (app.facts or {}).get(kept):
                stored[kept] = app.facts[kept]
        if report.result is not None:
            stored["result"] = report.result
            stored["steps"] = report.result.get("steps", [])
        stored["policy"] = policy.id
        app.facts = stored
        app.computed_subsidy = report.subsidy
        from slq_desk.checks.verification import records_for

        report.manual_checks = records_for(s, app_id)
        audit.record(s, ws.actor, "application.check", "application", app_id, before, {
            "policy": policy.id,
            "subsidy": fmt(report.subsidy) if report.subsidy is not None else None,
            "check_findings": sorted(f.code for f in report.findings if f.stage == "check"),
            "blocking": report.blocking,
        })
    return report
