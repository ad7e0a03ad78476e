"""What the review tabs show and change, as plain values (no Qt): checklist, calculation, corrections.

Clients never hold a session or an ORM object: they get frozen rows built here (the window in a
background operation, ``ui/operations.py``; the CLI directly, through ``Desk``). A field
correction keeps the extracted value, records who and when beside it, appends an audit event
in the same transaction, then re-runs the checks (which recompute the subsidy) so every view
can refresh. (Moved from ``ui/review_data.py``, which re-exports it.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from slq_desk.desk.queue import kind_label, kind_order, policy_label
from slq_desk.vocabulary import SEVERITY_ZH, severity_rank

if TYPE_CHECKING:
    from slq_desk.models import ExtractedField
    from slq_desk.workspace import Workspace

# The tabs import these rows before the window shows; SQLAlchemy and the models are imported
# by the loaders below, once a workspace is open (issue 18, item 1: the window shows first).

SEVERITY_LABELS: dict[str, str] = SEVERITY_ZH


@dataclass(frozen=True)
class FieldRow:
    id: int
    name: str
    item_index: int | None
    value: str  # as extracted, never overwritten
    corrected_value: str | None
    corrected_by: str | None
    corrected_at: str | None  # ISO text, UTC
    page: int | None
    bbox: tuple[str, ...] | None
    confidence: int
    source: str = "extracted"  # extracted | ocr | qr | xml | computed

    @property
    def effective(self) -> str:
        return self.corrected_value if self.corrected_value is not None else self.value

    @property
    def corrected(self) -> bool:
        return self.corrected_value is not None


@dataclass(frozen=True)
class DocumentFields:
    document_id: int
    sha256: str
    name: str
    kind: str
    readable: bool
    fields: tuple[FieldRow, ...]  # document-level fields first, then items by index
    # How the kind was decided (ingest/classify.py): its confidence (percent), "auto" or
    # "manual:<who>", and the reasons (title words, phrases, table headers, file name).
    kind_confidence: int = 0
    kind_source: str = "auto"
    kind_reason: str = ""
    # Item rows kept as a table (thousands of a usage log's lines, ``extract/packed.py``): how
    # many, and the first ``PREVIEW_ROWS`` as (name, value) pairs; they are not in ``fields``.
    table_rows: int = 0
    table_preview: tuple[tuple[tuple[str, str], ...], ...] = ()

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def kind_by_person(self) -> bool:
        return self.kind_source.startswith("manual")


@dataclass(frozen=True)
class FindingRow:
    id: int
    code: str
    severity: str
    message_zh: str
    message_en: str
    article: str
    stage: str
    document_id: int | None
    sha256: str
    document_name: str
    page: int | None
    bbox: tuple[str, ...] | None


# A field name an older workspace's message ends with ("…校验位错误（applicant_id）"): the
# evidence list names where each one is, so the rows group as one problem.
_FIELD_SUFFIX = re.compile(r"（[a-z_.]+）$")


@dataclass(frozen=True)
class FindingGroup:
    """One problem as a person reads it: the same code and message found in several places
    (six documents with the same wrong USCC) is one row with six pieces of evidence."""

    code: str
    severity: str
    message_zh: str
    message_en: str
    article: str
    rows: tuple[FindingRow, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.document_name for r in self.rows if r.document_name))


def group_findings(findings: tuple[FindingRow, ...] | list[FindingRow]) -> tuple[FindingGroup, ...]:
    """Findings grouped by severity, code, article and message, in their first one's order."""
    groups: dict[tuple[str, str, str, str], list[FindingRow]] = {}
    for f in findings:
        key = (f.severity, f.code, f.article, _FIELD_SUFFIX.sub("", f.message_zh))
        groups.setdefault(key, []).append(f)
    return tuple(FindingGroup(code, severity, message, _FIELD_SUFFIX_EN.sub("", rows[0].message_en),
                              article, tuple(rows))
                 for (severity, code, article, message), rows in groups.items())


_FIELD_SUFFIX_EN = re.compile(r" \([a-z_.]+\)$")


@dataclass(frozen=True)
class MaterialRow:
    name: str
    present: bool
    files: tuple[str, ...]
    article: str
    material: str = ""  # the code (a document kind, or application_form:<type>)


@dataclass(frozen=True)
class ChecklistData:
    application_id: str
    policy_id: str
    applicant: str
    computed_subsidy: Decimal | None
    materials: tuple[MaterialRow, ...]
    findings: tuple[FindingRow, ...]  # by severity, then as stored
    documents: tuple[DocumentFields, ...]
    materials_error: str = ""
    # What officials checked by hand (invoice 查验, 信用中国), ``checks.verification.records_for``.
    manual_checks: dict[str, Any] = field(default_factory=dict)
    # False until the 初审 checks have run on it (an import by `slq-desk import` does not run
    # them): its findings are then only what reading the files found, and no subsidy is known.
    checked: bool = True

    def documents_by_id(self) -> dict[int, DocumentFields]:
        return {d.document_id: d for d in self.documents}

    @property
    def finding_groups(self) -> tuple[FindingGroup, ...]:
        return group_findings(self.findings)


def load_checklist(ws: Workspace, application_id: str) -> ChecklistData:
    """Materials, findings and extracted fields of one application (raises BadInput if unknown)."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from slq_desk.checks.params import PolicyParams
    from slq_desk.checks.rules.materials import materials_table
    from slq_desk.checks.view import build_view
    from slq_desk.errors import BadInput, SlqError
    from slq_desk.models import Application, Document, Finding
    from slq_desk.policy import load_policy

    with ws.session() as s:
        app = s.get(Application, application_id)
        if app is None:
            raise BadInput(f"no application {application_id!r} in this workspace")
        # Every document's fields in one more query, not one per document.
        docs = list(s.scalars(select(Document).where(Document.application_id == application_id)
                              .options(selectinload(Document.fields))))
        names = {d.id: (d.sha256, d.original_name) for d in docs}
        tables = _tables(s, [d.id for d in docs])
        documents = []
        for d in sorted(docs, key=lambda d: (kind_order(d.kind), d.original_name, d.id)):
            rows = sorted(d.fields, key=lambda f: (f.item_index is not None, f.item_index or 0, f.id))
            count, preview = tables.get(d.id, (0, ()))
            documents.append(DocumentFields(d.id, d.sha256, d.original_name, d.kind, d.readable,
                                            tuple(_field_row(f) for f in rows),
                                            d.kind_confidence or 0, d.kind_source or "auto",
                                            d.kind_reason or "", count, preview))
        findings = [
            FindingRow(f.id, f.code, f.severity, f.message_zh, f.message_en, f.article or "",
                       f.stage, f.document_id, *names.get(f.document_id or -1, ("", "")), f.page,
                       tuple(str(v) for v in f.bbox) if f.bbox else None)
            for f in s.scalars(select(Finding).where(Finding.application_id == application_id)
                               .order_by(Finding.id))
        ]
        findings.sort(key=lambda f: severity_rank(f.severity))
        materials: list[MaterialRow] = []
        error = ""
        try:
            # Materials only ask which documents are there: a usage log's table rows stay unread.
            view = build_view(s, application_id, packed_items=False)
            params = PolicyParams(load_policy(view.policy_id), view.claim_day)
            materials = [MaterialRow(str(m["name"]), bool(m["present"]),
                                     tuple(str(x) for x in m["files"]),  # type: ignore[attr-defined]
                                     str(m["article"]), str(m["material"]))
                         for m in materials_table(view, params)]
        except SlqError as err:
            # An unknown policy still shows its findings and fields; say why materials are absent.
            error = str(err)
        from slq_desk.checks.verification import records_for

        return ChecklistData(app.id, app.policy_id, app.applicant_name or "", app.computed_subsidy,
                             tuple(materials), tuple(findings), tuple(documents), error,
                             records_for(s, application_id),
                             checked=bool((app.facts or {}).get("policy")))  # set by every run


PREVIEW_ROWS = 20


def _tables(s: Any, doc_ids: list[int]) -> dict[int, tuple[int, tuple[tuple[tuple[str, str], ...], ...]]]:
    """Documents whose item rows are kept as a table: row count and the first rows' values
    (only the first chunk of each is decoded)."""
    from sqlalchemy import func, select

    from slq_desk.extract.packed import chunk_rows
    from slq_desk.models import DocumentItemChunk

    if not doc_ids:
        return {}
    counts = dict(s.execute(select(DocumentItemChunk.document_id, func.sum(DocumentItemChunk.rows))
                            .where(DocumentItemChunk.document_id.in_(doc_ids))
                            .group_by(DocumentItemChunk.document_id)).all())
    out: dict[int, tuple[int, tuple[tuple[tuple[str, str], ...], ...]]] = {}
    for doc_id, data in s.execute(select(DocumentItemChunk.document_id, DocumentItemChunk.data)
                                  .where(DocumentItemChunk.document_id.in_(list(counts)),
                                         DocumentItemChunk.chunk == 0)):
        preview = tuple(tuple((str(c[0]), str(c[1])) for c in cells)
                        for cells in chunk_rows(data)[:PREVIEW_ROWS])
        out[doc_id] = (int(counts[doc_id]), preview)
    return out


def _field_row(f: ExtractedField) -> FieldRow:
    return FieldRow(f.id, f.name, f.item_index, f.value, f.corrected_value, f.corrected_by,
                    f.corrected_at.isoformat(timespec="seconds") if f.corrected_at else None,
                    f.page, tuple(str(v) for v in f.bbox) if f.bbox else None, f.confidence,
                    f.source or "extracted")


def correct_field(ws: Workspace, field_id: int, value: str | None, who: str,
                  checks: bool = True) -> str:
    """Record a person's value for an extracted field and re-run the checks (unless ``checks``
    is False: the caller runs them); returns the app id.

    ``value`` None (or equal to the extracted value) withdraws the correction. The extracted
    value itself is never touched, so the evidence and the correction stay side by side.
    """
    from slq_desk import audit
    from slq_desk.checks.runner import run_checks
    from slq_desk.desk.correction import normalise
    from slq_desk.errors import BadInput
    from slq_desk.models import ExtractedField
    from slq_desk.models.types import utcnow

    who = who.strip() or ws.actor
    with ws.session() as s:
        row = s.get(ExtractedField, field_id)
        if row is None:
            raise BadInput(f"no extracted field {field_id}")
        # Held to the field's type first (raises CorrectionRefused, nothing changed).
        typed = None if value is None else normalise(row.name, value)
        new = None if typed is None or typed == row.value else typed
        before = {"corrected_value": row.corrected_value, "corrected_by": row.corrected_by,
                  "corrected_at": row.corrected_at}
        row.corrected_value = new
        row.corrected_by = who if new is not None else None
        row.corrected_at = utcnow() if new is not None else None
        application_id = row.document.application_id
        if new is None and row.source == "manual":
            s.delete(row)  # a field a person entered (desk/entry.py): nothing read to go back to
        audit.record(s, who, "field.correct", "extracted_field", row.id, before, {
            "application_id": application_id, "document_id": row.document_id, "name": row.name,
            "item_index": row.item_index, "extracted": row.value,
            "corrected_value": new, "corrected_by": row.corrected_by,
            "corrected_at": row.corrected_at})
    if checks:
        run_checks(ws, application_id)
    return application_id


# --- calculation ------------------------------------------------------------------------------

@dataclass(frozen=True)
class StepRow:
    label: str
    amount: Decimal | None
    article: str
    name: str = ""  # the calculator's step name (``capped``), for the English label
    quotes: tuple[str, ...] = ()  # the policy's words behind the step's articles


@dataclass(frozen=True)
class PolicyOutcome:
    policy_id: str
    label: str
    eligible: bool
    subsidy: Decimal
    base: Decimal
    reasons: tuple[str, ...]  # Chinese, with articles
    own: bool  # the application's own policy
    error: str = ""


@dataclass(frozen=True)
class CalculationData:
    application_id: str
    policy_id: str
    policy_name: str
    applicant: str
    subsidy: Decimal | None
    eligible: bool | None
    base: Decimal | None
    steps: tuple[StepRow, ...]
    articles: tuple[str, ...]
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    compare: tuple[PolicyOutcome, ...]
    explanation: str
    missing: str = ""  # why there is no calculation yet
    extra: dict[str, Any] = field(default_factory=dict)
    # article -> the quoted words of the policy the calculation read under it
    quotes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the application's blocking findings (code, Chinese message): the amount is not payable
    blocking: tuple[tuple[str, str], ...] = ()
    explanation_en: str = ""  # the same paragraph in English (the window's English mode)
    reasons_en: tuple[str, ...] = ()


def article_quotes(facts: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The quoted policy words of every parameter the stored trace read, by article."""
    raw = facts.get("steps") or facts.get("trace") or []
    if isinstance(raw, dict):
        raw = raw.get("steps") or []
    quotes: dict[str, dict[str, None]] = {}
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and item.get("quote") and item.get("article"):
            quotes.setdefault(str(item["article"]), {})[str(item["quote"])] = None
    return {article: tuple(q) for article, q in quotes.items()}


def _split_articles(article: str) -> list[str]:
    return [a.strip() for a in re.split(r"[；;、]", article) if a.strip()]


def _step_names(facts: dict[str, Any]) -> list[str]:
    """The calculator's names of the steps ``steps_from_facts`` prints, in the same order."""
    raw = facts.get("steps") or facts.get("trace") or []
    if isinstance(raw, dict):
        raw = raw.get("steps") or []
    items = [item for item in (raw if isinstance(raw, list) else []) if isinstance(item, dict)]
    if any(str(item.get("rule", "")).startswith("calc:") for item in items):
        items = [item for item in items if str(item.get("rule", "")).startswith("calc:")]
    return [str(item.get("label") or item.get("rule") or "").removeprefix("calc:") for item in items]


def load_calculation(ws: Workspace, application_id: str) -> CalculationData:
    """The stored calculation with its steps, the five policies side by side, a spoken summary."""
    from sqlalchemy import select

    from slq_desk.errors import BadInput, SlqError
    from slq_desk.models import Application, Finding
    from slq_desk.money import fmt_grouped
    from slq_desk.opinion.build import steps_from_facts
    from slq_desk.policy import compute, load_policy
    from slq_desk.policy.loader import list_policies

    with ws.session() as s:
        app = s.get(Application, application_id)
        if app is None:
            raise BadInput(f"no application {application_id!r} in this workspace")
        facts: dict[str, Any] = dict(app.facts or {})
        policy_id, applicant, stored_subsidy = app.policy_id, app.applicant_name or "", app.computed_subsidy
        blocking = tuple((f.code, f.message_zh) for f in s.scalars(
            select(Finding).where(Finding.application_id == application_id, Finding.severity == "block")
            .order_by(Finding.id)))
    try:
        policy_name = load_policy(policy_id).name
    except SlqError:
        policy_name = policy_label(policy_id)
    result = facts.get("result") or {}
    quotes = article_quotes(facts)
    steps = tuple(StepRow(st.label, st.amount, st.article, name,
                          tuple(q for a in _split_articles(st.article) for q in quotes.get(a, ())))
                  for st, name in zip(steps_from_facts(facts), _step_names(facts), strict=False))
    reasons = tuple(f"{r.get('message', '')}（{r.get('article', '')}）" for r in result.get("reasons", []))
    notes = tuple(str(n) for n in facts.get("notes", []))
    facts_input = facts.get("input")
    compare: list[PolicyOutcome] = []
    if isinstance(facts_input, dict):
        for pid in list_policies():
            try:
                r = compute(dict(facts_input), load_policy(pid))
            except SlqError as err:
                compare.append(PolicyOutcome(pid, policy_label(pid), False, Decimal(0),
                                             Decimal(0), (), pid == policy_id, str(err)))
                continue
            compare.append(PolicyOutcome(
                pid, policy_label(pid), r.eligible, r.subsidy, r.base,
                tuple(f"{m[0]}（{x.article}）" for x in r.reasons if x.effect != "info"
                      for m in [x.messages()]), pid == policy_id))
    subsidy = stored_subsidy
    eligible = result.get("eligible") if result else None
    base = Decimal(result["base"]) if result.get("base") else None
    missing = "" if result else "尚未完成初审计算：请先运行检查（Ctrl+R）。"
    data = CalculationData(application_id, policy_id, policy_name, applicant, subsidy, eligible, base,
                           steps, tuple(result.get("articles", [])), reasons, notes, tuple(compare),
                           "", missing, quotes=quotes, blocking=blocking,
                           reasons_en=tuple(f"{r.get('message_en', '')} ({r.get('article', '')})"
                                            for r in result.get("reasons", [])))
    text = explain(data, fmt_grouped)  # read aloud: grouped digits ("89,295.61 元")
    return CalculationData(**{**data.__dict__, "explanation": text,
                              "explanation_en": explain_en(data, fmt_grouped)})


def explain(data: CalculationData, fmt: Any) -> str:
    """A paragraph a reviewer can read aloud: policy, base, each step with its article, result."""
    if data.missing:
        return data.missing
    parts = [f"本申报由{data.applicant or '申报单位'}提出，适用《{data.policy_name}》。"]
    if data.base is not None:
        parts.append(f"经初审，计入补贴基数的金额为 {fmt(data.base)} 元。")
    for step in data.steps:
        amount = f" {fmt(step.amount)} 元" if step.amount is not None else ""
        cite = f"（依据 {step.article}）" if step.article else ""
        parts.append(f"{step.label}{amount}{cite}。")
    if data.eligible is False:
        parts.append("该申报不符合补贴条件：" + "；".join(data.reasons) + "。" if data.reasons
                     else "该申报不符合补贴条件。")
    elif data.reasons:
        parts.append("说明：" + "；".join(data.reasons) + "。")
    if data.subsidy is not None:
        parts.append(f"据此测算的补贴金额为 {fmt(data.subsidy)} 元。")
    if data.blocking:
        from slq_desk.vocabulary import finding_label

        names = "、".join(dict.fromkeys(finding_label(code).zh for code, _ in data.blocking))
        parts.append(f"但本申报存在 {len(data.blocking)} 项阻断问题（{names}），问题解决前不予补贴。")
    return "".join(parts)


def explain_en(data: CalculationData, fmt: Any) -> str:
    """``explain`` in English: the step names and reasons from the vocabulary and the checks'
    English messages; the policy keeps its Chinese name."""
    from slq_desk.vocabulary import STEP_LABEL_TEXTS, finding_label

    if data.missing:
        return "No preliminary calculation yet: run the checks first (Ctrl+R)."
    parts = [f"Application by {data.applicant or 'the applicant'} under 《{data.policy_name}》."]
    if data.base is not None:
        parts.append(f"The preliminary review counts ¥{fmt(data.base)} towards the subsidy base.")
    for step in data.steps:
        words = STEP_LABEL_TEXTS.get(step.name)
        name = words.en if words is not None else step.label
        amount = f" ¥{fmt(step.amount)}" if step.amount is not None else ""
        cite = f" (under {step.article})" if step.article else ""
        parts.append(f"{name[:1].upper()}{name[1:]}:{amount}{cite}.")
    if data.eligible is False:
        parts.append("The application is not eligible" + (": " + "; ".join(data.reasons_en) + "."
                                                          if data.reasons_en else "."))
    elif data.reasons_en:
        parts.append("Notes: " + "; ".join(data.reasons_en) + ".")
    if data.subsidy is not None:
        parts.append(f"The computed subsidy is ¥{fmt(data.subsidy)}.")
    if data.blocking:
        names = ", ".join(dict.fromkeys(finding_label(code).en for code, _ in data.blocking))
        parts.append(f"But the application has {len(data.blocking)} blocking findings ({names}); "
                     f"nothing is payable until they are resolved.")
    return " ".join(parts)
