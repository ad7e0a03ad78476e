"""The calculator's input facts, assembled from the extracted fields, each with its evidence.

``assemble(view, policy)`` turns the documents into the issue-3 application object (applicant,
contracts, lines) and remembers, for every figure, the document/page/box it was read from:
``evidence["lines[0].amount"]`` lists the invoice lines summed into that line, so a subsidy can
be traced from the amount back to the invoice line that produced it.

Invoice lines are grouped by (contract, service, compute class, origin) as the calculator wants
them; invoices the checks already found not to count for this applicant (another buyer, a
duplicate of another application's invoice) are left out and listed in ``left_out``.

Nothing is assumed silently: whenever a figure had to stand in for one the documents do not
give (a contract that could not be read, a service period taken from invoice dates, an invoice
whose lines could not be read counted as compute, a card the catalogue does not know), the
assumption is a warning finding (``Facts.assumptions``) with the page it rests on, beside the
note in the facts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from slq_desk.checks.model import INFO, WARN, CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.services import compute_class_of, item_service, model_origin, service_of
from slq_desk.checks.values import amount, day, flag
from slq_desk.checks.view import ApplicationView, DocView
from slq_desk.extract.catalogue import lookup
from slq_desk.money import ZERO, fmt

NO_CONTRACT = "（未提供合同）"


@dataclass
class Facts:
    application: dict[str, Any]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what had to be assumed, for the reviewer
    left_out: list[str] = field(default_factory=list)  # files whose figures were not counted
    assumptions: list[CheckFinding] = field(default_factory=list)  # warnings, one per assumption

    def add(self, path: str, *evidence: Evidence) -> None:
        self.evidence.setdefault(path, []).extend(evidence)

    def assume(self, code: str, zh: str, en: str, *evidence: Evidence) -> None:
        """Record an assumption: a note in the facts and a warning finding with its evidence."""
        self.notes.append(f"{zh} / {en}")
        if not any(f.code == code and f.message_zh == zh for f in self.assumptions):
            self.assumptions.append(CheckFinding(code, WARN, zh, en, evidence=list(evidence)))

    def to_json(self) -> dict[str, Any]:
        return {
            "input": self.application,
            "evidence": {k: [e.to_dict() for e in v] for k, v in self.evidence.items()},
            "notes": list(self.notes),
            "left_out": list(self.left_out),
        }


def infer_applicant_kind(name: str, params: PolicyParams) -> str:
    """The applicant kind from its name, when nobody has said it (overrides win).

    A 研究院 in a policy that knows 新型研发机构 (Beijing) is read as one; the reviewer confirms.
    """
    kinds = set(params.value("applicant_kinds") or ())
    if any(w in name for w in ("大学", "学院")) and "研究院" not in name:
        return "university"
    if any(w in name for w in ("研究院", "研究所", "研究中心", "实验室")):
        return "new_rnd_institution" if "new_rnd_institution" in kinds else "research_institute"
    return "enterprise"


def _first(view: ApplicationView, kind: str, name: str) -> tuple[DocView, str] | None:
    for doc, found in view.fields_named(kind, name):
        return doc, found.value.strip()
    return None


def _sme(view: ApplicationView, facts: Facts) -> bool:
    if "sme" in view.overrides:
        return bool(view.overrides["sme"])
    for doc, found in view.fields_named("application_form", "sme"):
        value = flag(found.value)
        if value is not None:
            facts.add("applicant.sme", doc.evidence("sme"))
            return value
    if view.of_kind("sme_declaration"):
        doc = view.of_kind("sme_declaration")[0]
        facts.add("applicant.sme", doc.evidence())
        return True
    return False


def assemble(view: ApplicationView, params: PolicyParams,
             exclude_documents: set[int] | None = None) -> Facts:
    exclude = exclude_documents or set()
    facts = Facts({})
    claimed = view.claimed_local  # Beijing time: the calculator takes the date as written
    if view.claimed_at is None:
        facts.assume("assumed_claim_time", "申报时间未知，按今日计算，请核对",
                     "the claim time is unknown and was taken as today; check it")

    kind = view.overrides.get("applicant_kind") or infer_applicant_kind(view.applicant_name, params)
    if "applicant_kind" not in view.overrides:
        facts.notes.append(f"申报主体类型按名称推定为 {kind} / applicant kind inferred from the name")
    applicant = {
        "name": view.applicant_name or "（未知）",
        "uscc": view.applicant_uscc or "（未知）",
        "kind": kind,
        "sme": _sme(view, facts),
        "received_this_year": str(view.overrides.get("received_this_year", "0")),
        # Qualifying purchases earlier this year, as a person recorded them (Wuhan, reading 2).
        "purchased_this_year": str(view.overrides.get("purchased_this_year", "0")),
    }
    for kind_name, name_field, id_field in (("business_licence", "name", "uscc"),
                                            ("application_form", "applicant_name", "applicant_id")):
        found = view.fields_named(kind_name, name_field)
        for doc, _ in found:
            facts.add("applicant.name", doc.evidence(name_field))
            facts.add("applicant.uscc", doc.evidence(id_field))
            break

    contracts, contract_docs = _contracts(view, facts, exclude)
    lines = _lines(view, params, facts, exclude, contracts, contract_docs)
    facts.application = {
        "id": view.id,
        "policy": params.id,
        "claimed_at": claimed.isoformat(),
        "applicant": applicant,
        "direction": view.direction,
        "contracts": contracts,
        "lines": lines,
    }
    if "quota_granted" in view.overrides:  # Chengdu 第十二条: from the platform's quota ledger
        facts.application["quota_granted"] = str(view.overrides["quota_granted"])
    return facts


def _contracts(view: ApplicationView, facts: Facts, exclude: set[int]
               ) -> tuple[list[dict[str, Any]], list[DocView]]:
    out: list[dict[str, Any]] = []
    docs: list[DocView] = []
    for doc in view.readable("contract"):
        if doc.id in exclude:
            continue
        number = doc.get("contract_number") or doc.file
        total = amount(doc.get("total"))
        signed = day(doc.get("signed_on"))
        if total is None or signed is None or any(c["id"] == number for c in out):
            missing = "、".join(label for label, ok in (
                ("合同金额", total is not None), ("签订日期", signed is not None),
                ("不重复的合同编号", not any(c["id"] == number for c in out))) if not ok)
            facts.assume("contract_not_used",
                         f"合同“{doc.file}”未能读出{missing}，未计入补贴测算，请人工录入",
                         f"contract '{doc.file}': {missing} could not be read, so it is not used "
                         "in the calculation; enter it by hand", doc.evidence("total"))
            continue
        i = len(out)
        support = _other_support(view, facts, i) if i == 0 else "0"
        entry = {"id": number, "total": fmt(total), "signed_on": signed.isoformat(),
                 "other_fiscal_support": support}
        compute = contract_compute_amount(doc)
        if compute is not None and compute != total:
            entry["compute_total"] = fmt(compute)
        out.append(entry)
        docs.append(doc)
        facts.add(f"contracts[{i}].id", doc.evidence("contract_number"))
        facts.add(f"contracts[{i}].total", doc.evidence("total"))
        facts.add(f"contracts[{i}].signed_on", doc.evidence("signed_on"))
    if not out:
        # No readable contract: the invoices still show what was bought; the materials rule
        # reports the missing contract, and the figure is kept for the reviewer's information.
        invoices = [d for d in view.readable("invoice") if d.id not in exclude]
        total = sum((amount(d.get("total")) or ZERO for d in invoices), ZERO)
        dates = [x for x in (day(d.get("issue_date")) for d in invoices) if x]
        signed = min(dates) if dates else view.claim_day
        out.append({"id": NO_CONTRACT, "total": fmt(total), "signed_on": signed.isoformat(),
                    "other_fiscal_support": "0"})
        facts.assume("contract_from_invoices",
                      "无可读合同：合同金额按发票价税合计、签订日期按最早开票日期计，请核对",
                      "no readable contract: the invoices' total stands in for the contract total "
                      "and the first invoice date for its signing date; check them",
                      *[d.evidence("total") for d in invoices])
    return out, docs


def _other_support(view: ApplicationView, facts: Facts, index: int) -> str:
    """Other fiscal support on the contract (Beijing 二（四）): a person's figure, else what a
    form declares (附件14-2 “所获政策资金额度”, read as yuan), else none."""
    if "other_fiscal_support" in view.overrides:
        return str(view.overrides["other_fiscal_support"])
    for doc, found in view.fields_named("application_form", "other_fiscal_support"):
        value = amount(found.value)
        if value is not None:
            facts.add(f"contracts[{index}].other_fiscal_support", doc.evidence("other_fiscal_support"))
            return fmt(value)
    return "0"


def _period(view: ApplicationView, contract_docs: list[DocView], facts: Facts
            ) -> tuple[date, date, list[Evidence]]:
    # A period a person set (``service_start``/``service_end``) wins over every document.
    start, end = day(str(view.overrides.get("service_start") or "")), \
        day(str(view.overrides.get("service_end") or ""))
    if start and end and start <= end:
        return start, end, []
    for doc in contract_docs:
        start, end = day(doc.get("term_start")), day(doc.get("term_end"))
        if start and end and start <= end:
            return start, end, [doc.evidence("term_start"), doc.evidence("term_end")]
    for doc in view.readable("usage_log"):
        start, end = day(doc.get("period_start")), day(doc.get("period_end"))
        if start and end and start <= end:
            return start, end, [doc.evidence("period_start"), doc.evidence("period_end")]
    dated = [(x, d) for d in view.readable("invoice") for x in [day(d.get("issue_date"))] if x]
    if dated:
        start, end = min(x for x, _ in dated), max(x for x, _ in dated)
        facts.assume("period_from_invoices",
                      f"服务期限未见于合同或使用记录，按发票开票日期计为 {start} 至 {end}，请核对",
                      f"no service period in the contract or usage log; taken from the invoice "
                      f"dates as {start} to {end}; check it",
                      *[d.evidence("issue_date") for _, d in dated])
        return start, end, [d.evidence("issue_date") for _, d in dated]
    facts.assume("period_assumed_claim_day",
                 f"服务期限未见于合同、使用记录或发票，按申报日 {view.claim_day} 计，请人工录入",
                 f"no service period in any document; taken as the claim day {view.claim_day}; "
                 "enter it by hand")
    return view.claim_day, view.claim_day, []


def _domestic(spec: str, contract_docs: list[DocView], facts: Facts,
              evidence: Evidence) -> bool:
    """Domestic or not: the catalogue on the line's card, else the contract's (a person's
    correction of the contract's ``domestic`` field counts), else an assumption for a person."""
    card = lookup(spec)
    if card is not None:
        return card.domestic
    for doc in contract_docs:
        value = flag(doc.get("domestic"))
        if value is not None:
            return value
        card = lookup(doc.get("card_model"))
        if card is not None:
            return card.domestic
    named = spec or next((m for d in contract_docs if (m := d.get("card_model"))), "")
    facts.assume("domestic_unknown",
                 f"算力卡型号“{named or '未注明'}”不在目录中，是否国产无法认定，暂按非国产计，请人工认定",
                 f"card '{named or 'not named'}' is not in the accelerator catalogue; counted as "
                 "not domestic until a person decides", evidence)
    return False


def _origin(service: str, name: str, spec: str, contract_docs: list[DocView], facts: Facts,
            evidence: Evidence) -> bool:
    """Domestic or not: the card model for compute; the model family for Token/model lines,
    else the contract's line for that service (“国产大模型Token服务”)."""
    if service == "compute":
        return _domestic(spec, contract_docs, facts, evidence)
    if service not in ("token", "model"):
        return False
    origin = model_origin(spec, name)
    if origin is not None:
        return origin
    for doc in contract_docs:
        for item in doc.items:
            said = item["service"].value if "service" in item else ""
            if said == service and "name" in item:
                origin = model_origin(item["name"].value)
                if origin is not None:
                    return origin
    return False


def in_window_amount(view: ApplicationView, window: Any) -> tuple[Decimal, list[Evidence]] | None:
    """Σ of the usage log's daily amounts inside the window (tax excluded), if a log has days."""
    for doc in view.readable("usage_log"):
        total, inside, seen = ZERO, ZERO, False
        for item in doc.items:
            when = day(item["date"].value) if "date" in item else None
            value = amount(item["amount"].value) if "amount" in item else None
            if when is None and "period_start" in item and "period_end" in item:
                # A row for a period (a month): it counts when it lies wholly in the window;
                # one that straddles an edge cannot be split by the log, so the line is prorated.
                first, last = day(item["period_start"].value), day(item["period_end"].value)
                if first is None or last is None or value is None:
                    continue
                if (first < window.start <= last) or (first <= window.end < last):
                    return None
                seen = True
                total += value
                if window.start <= first and last <= window.end:
                    inside += value
                continue
            if when is None or value is None:
                continue
            seen = True
            total += value
            if window.start <= when <= window.end:
                inside += value
        if seen:
            return inside, [doc.evidence("amount")]
    return None


def _lines(view: ApplicationView, params: PolicyParams, facts: Facts, exclude: set[int],
           contracts: list[dict[str, Any]], contract_docs: list[DocView]) -> list[dict[str, Any]]:
    contract_id = contracts[0]["id"]
    start, end, period_ev = _period(view, contract_docs, facts)
    groups: dict[tuple[str, str | None, bool], dict[str, Any]] = {}
    sources: dict[tuple[str, str | None, bool], list[Evidence]] = defaultdict(list)
    excluded = {str(ref) for ref in view.overrides.get("excluded_lines") or ()}
    for doc in view.readable("invoice"):
        if doc.id in exclude:
            facts.left_out.append(doc.file)
            continue
        items = doc.items or [{}]
        for i, item in enumerate(items):
            if f"{doc.id}:{i + 1}" in excluded:
                facts.notes.append(f"发票“{doc.file}”第{i + 1}行经人工认定不计入 / invoice "
                                   f"'{doc.file}' line {i + 1} left out by a person")
                continue
            name = item["name"].value if "name" in item else ""
            spec = item["spec"].value if "spec" in item else ""
            if item:
                value = amount(item["amount"].value) if "amount" in item else None
                tax = amount(item["tax"].value) if "tax" in item else ZERO
                ev = doc.item_evidence(i, "amount")
            else:  # an invoice whose lines could not be read: its 合计 as one compute line
                value, tax = amount(doc.get("amount")), amount(doc.get("tax")) or ZERO
                ev = doc.evidence("amount")
                name = "算力服务"
                if value is not None:
                    facts.assume("invoice_lines_assumed_compute",
                                 f"发票“{doc.file}”的明细行未能读出，其合计金额 {fmt(value)} 元暂按算力服务计，"
                                 "请核对是否含存储、带宽等不予补贴的项目",
                                 f"the lines of invoice '{doc.file}' could not be read; its amount "
                                 f"{fmt(value)} is counted as compute; check for storage, bandwidth "
                                 "or other lines that are not subsidised", ev)
            if value is None:
                facts.assume("invoice_line_unread",
                             f"发票“{doc.file}”第{i + 1}行金额无法读取，该行未计入，请人工录入",
                             f"invoice '{doc.file}' line {i + 1}: the amount could not be read and "
                             "the line is not counted; enter it by hand",
                             doc.item_evidence(i, "name"))
                continue
            service = item_service(item) if item else service_of(name, spec)
            cls = compute_class_of(name, spec) if service == "compute" else None
            if service == "compute" and "domestic" in view.overrides:
                domestic = bool(view.overrides["domestic"])  # a person decided: no guess
            else:
                domestic = _origin(service, name, spec, contract_docs, facts, ev)
            key = (service, cls, domestic)
            group = groups.setdefault(key, {"amount": ZERO, "tax": ZERO})
            group["amount"] += value
            group["tax"] += tax or ZERO
            sources[key].append(ev)
    lines: list[dict[str, Any]] = []
    window = params.value("service_window")
    for key, group in groups.items():
        service, cls, domestic = key
        i = len(lines)
        line: dict[str, Any] = {
            "contract": contract_id, "service": service, "compute_class": cls,
            "domestic": domestic, "amount": fmt(group["amount"]), "tax": fmt(group["tax"]),
            "period_start": start.isoformat(), "period_end": end.isoformat(),
        }
        if window is not None and service == "compute" and (start < window.start or end > window.end):
            found = in_window_amount(view, window)
            if found is not None:
                inside, window_ev = found
                line["in_window_amount"] = fmt(min(inside, group["amount"]))
                facts.add(f"lines[{i}].in_window_amount", *window_ev)
        lines.append(line)
        facts.add(f"lines[{i}].amount", *sources[key])
        facts.add(f"lines[{i}].period", *period_ev)
    return lines


def contract_compute_amount(doc: DocView) -> Decimal | None:
    """A contract's intelligent-compute amount (Beijing direction 2, reading 17): its total when
    every priced line is intelligent compute (or it has no priced lines), else the sum of its
    intelligent-compute lines as written; storage, network and security do not count."""
    total = amount(doc.get("total"))
    compute, other = ZERO, ZERO
    for item in doc.items:
        value = amount(item["amount"].value) if "amount" in item else None
        if value is None:
            continue
        name = item["name"].value if "name" in item else ""
        spec = item["spec"].value if "spec" in item else ""
        service = item["service"].value if "service" in item else item_service(item)
        if service == "compute" and compute_class_of(name, spec) == "intelligent":
            compute += value
        else:
            other += value
    if other == 0:
        return total
    return compute


def _shown(value: Any, key: str = "") -> str:
    if key == "direction" and str(value) in ("1", "2", "3", "4"):
        return f"方向{'一二三四'[int(value) - 1]}（{value}）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _local_time(text: Any) -> str:
    """A stored UTC time as Beijing time to the minute ("" when there is none)."""
    from datetime import datetime

    from slq_desk.checks.view import CHINA

    try:
        when = datetime.fromisoformat(str(text))
    except ValueError:
        return ""
    if when.tzinfo is None:
        return when.strftime("%Y-%m-%d %H:%M")
    return when.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def set_by_person(view: ApplicationView) -> list[CheckFinding]:
    """A note per fact a person set (``facts["overrides"]``), naming who and when, so every
    report shows what was not read from the documents; a warning where the fact cannot be used
    as set (half a service period, an invoice line that does not exist)."""
    from slq_desk.vocabulary import fact_label

    out: list[CheckFinding] = []
    for key, value in view.overrides.items():
        label = fact_label(key)
        mark = view.overrides_set.get(key) or {}
        who, when = str(mark.get("by") or "审核人"), _local_time(mark.get("at"))
        at_zh, at_en = (f"于 {when} " if when else ""), (f" on {when}" if when else "")
        out.append(CheckFinding(
            "fact_set_by_person", INFO,
            f"{label.zh}由 {who} {at_zh}人工认定为 {_shown(value, key)}，未取自申报材料",
            f"{label.en} set by {who}{at_en} to {_shown(value)}, not read from the documents"))
    start, end = view.overrides.get("service_start"), view.overrides.get("service_end")
    if bool(start) != bool(end) or (start and end and str(start) > str(end)):
        out.append(CheckFinding(
            "fact_set_incomplete", WARN,
            "人工认定的服务期限起止不完整或起日晚于止日，未采用，请补全",
            "the service period set by a person lacks its start or end (or starts after it "
            "ends) and is not used; complete it"))
    lines = {f"{d.id}:{n}" for d in view.of_kind("invoice") for n in range(1, max(1, len(d.items)) + 1)}
    unknown = [str(ref) for ref in view.overrides.get("excluded_lines") or () if str(ref) not in lines]
    if unknown:
        out.append(CheckFinding(
            "fact_set_incomplete", WARN,
            f"人工认定不计入的发票明细行 {', '.join(unknown)} 在本申报的发票中不存在，请核对",
            f"the invoice lines {', '.join(unknown)} left out by a person do not exist in this "
            "application's invoices; check them"))
    return out
