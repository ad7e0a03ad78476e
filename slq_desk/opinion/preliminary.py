"""The 初审意见 (preliminary review opinion) as an A4 PDF, Chinese in the embedded CJK font.

``render_preliminary(data)`` is a pure function of ``PreliminaryData`` (applicant, policy,
materials table, findings with evidence, the subsidy with its steps and articles, conclusion,
the official's comment, name and date, and the SHA-256 of every document). Until the opinion is
signed (issue 8) every page says 草稿. ``write_preliminary_opinion`` re-runs the checks so the
opinion shows the application as it stands, writes the file and records it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import D, MoneyError, fmt_grouped
from slq_desk.policy.trace import STEP_LABELS
from slq_desk.vocabulary import SEVERITY_ZH, finding_label, severity_rank

CONCLUSIONS = ("通过", "补正后通过", "不通过")
# Blocking findings an applicant can put right by sending a document again.
CURABLE = frozenset({"material_missing", "pdf_encrypted", "pdf_broken", "pdf_timeout",
                     "entry_refused", "unsupported_file", "facts_incomplete",
                     "direction_missing", "manifest_invalid"})


@dataclass
class PreliminaryData:
    application_id: str
    applicant_name: str
    applicant_uscc: str
    policy_name: str
    policy_id: str
    claimed_at: str
    materials: list[dict[str, Any]]
    findings: list[dict[str, Any]]  # CheckFinding.to_dict()
    subsidy: str | None
    base: str | None
    eligible: bool | None
    steps: list[dict[str, Any]]
    reasons: list[dict[str, Any]]
    documents: list[dict[str, Any]]  # file, kind, sha256, pages, readable
    conclusion: str
    comment: str
    official: str
    day: date
    draft: bool = True
    cert_sha256: str = ""  # the signer's certificate, printed for the roster check
    notes: list[str] = field(default_factory=list)
    # Manual 查验 records (office.verification.records_for): invoices and the credit check.
    manual_checks: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class WrittenOpinion:
    path: Path
    sha256: str
    pages: int
    conclusion: str


def _beijing_time(when: Any) -> str:
    """Claim times are stored in UTC; the applicant and the official think in Beijing time."""
    if when is None:
        return ""
    from datetime import timedelta, timezone

    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M（北京时间）")


def default_conclusion(findings: list[dict[str, Any]]) -> str:
    """通过 when nothing blocks; 补正后通过 when only re-sendable documents block; else 不通过."""
    blocking = {f["code"] for f in findings if f["severity"] == "block"}
    if not blocking:
        return "通过"
    return "补正后通过" if blocking <= CURABLE else "不通过"


def _yuan(text: str | None) -> str:
    if text is None:
        return "—"
    try:
        value = D(text)
    except MoneyError:  # a step value that is not an amount (a rate, a date) is shown as is
        return str(text)
    # An intermediate figure below the fen (before the policy's rounding step) keeps its digits.
    places = max(2, -int(value.as_tuple().exponent))
    return f"¥{fmt_grouped(value, places)}"


def _where(evidence: list[dict[str, Any]]) -> str:
    out: list[str] = []
    for e in evidence:
        if not e.get("file"):
            continue
        place = e["file"] + (f" 第{e['page'] + 1}页" if e.get("page") is not None else "")
        if place not in out:
            out.append(place)
    return "；".join(out[:4]) or "—"


def render_preliminary(data: PreliminaryData) -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    rendered = _render(data)
    return rendered[0], rendered[1]


def _render(data: PreliminaryData) -> tuple[bytes, int, Any]:
    """The PDF bytes, its page count and where the signature box was drawn."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from slq_desk.ingest.classify import KINDS
    from slq_desk.opinion.layout import KIND_LABELS, fingerprint_text, signature_area
    from slq_desk.opinion.pdfstyle import PageTemplate, pdf_styles

    # The classifier's names cover every kind it can assign; the opinion's own win where set.
    labels = {**KINDS, **KIND_LABELS}

    st = pdf_styles(small_size=8, small_leading=11)
    font, small, mono = st.font, st.small, st.tiny
    title, sub, heading = st.title, st.subtitle, st.heading
    p = st.para

    def grid(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
        style = [*st.grid.getCommands(), ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")))
        table.setStyle(TableStyle(style))
        return table

    area = signature_area(font, data.draft)
    width = A4[0] - 36 * mm
    story: list[Any] = [
        p("算力券申报初审意见", title),
        p(f"{data.policy_name}（{data.policy_id}）", sub),
        Spacer(1, 6),
        grid([[p("申报单位"), p(data.applicant_name), p("统一社会信用代码"), p(data.applicant_uscc)],
              [p("申报编号"), p(data.application_id), p("申报时间"), p(data.claimed_at or "—")]],
             [22 * mm, width / 2 - 22 * mm, 34 * mm, width / 2 - 34 * mm], header=False),
        p("一、申报材料", heading),
    ]
    rows = [[p("材料"), p("依据"), p("状态"), p("文件")]]
    for m in data.materials:
        rows.append([p(m["name"]), p(m["article"], small), p("齐全" if m["present"] else "缺失"),
                     p("、".join(m["files"]) or "—", small)])
    if len(rows) == 1:
        rows.append([p("本政策未列明必备材料"), p(""), p(""), p("")])
    story.append(grid(rows, [45 * mm, 25 * mm, 15 * mm, width - 85 * mm]))

    story.append(p("二、审查发现", heading))
    shown = sorted(data.findings, key=lambda f: severity_rank(f["severity"]))
    if shown:
        rows = [[p("级别"), p("问题"), p("依据"), p("证据（文件、页码）")]]
        for f in shown:
            rows.append([p(SEVERITY_ZH.get(f["severity"], f["severity"])),
                         p(f"{finding_label(f['code']).zh}：{f['message_zh']}", small),
                         p(f["article"] or "—", small),
                         p(_where(f["evidence"]), small)])
        story.append(grid(rows, [13 * mm, width - 88 * mm, 25 * mm, 50 * mm]))
    else:
        story.append(p("未发现问题。"))

    story.append(p("三、补贴测算", heading))
    verdict = {True: "符合条件", False: "不符合条件", None: "无法测算"}[data.eligible]
    story.append(p(f"测算补贴金额：{_yuan(data.subsidy)}　计补基数：{_yuan(data.base)}　（{verdict}）"))
    rows = [[p("步骤"), p("数值"), p("依据条款")]]
    for s in data.steps:
        rule = str(s.get("rule", ""))
        if not rule.startswith("calc:"):
            continue
        name = rule[5:]
        rows.append([p(STEP_LABELS.get(name, name)), p(_yuan(str(s.get("value"))), small),
                     p(s.get("article", ""), small)])
    for r in data.reasons:
        rows.append([p("说明"), p(r.get("message", ""), small), p(r.get("article", ""), small)])
    if len(rows) > 1:
        story.append(grid(rows, [35 * mm, width - 85 * mm, 50 * mm]))
    story.append(p("测算金额由政策参数及其条款逐步得出；比例为“不超过”的政策按最高比例测算，"
                   "以主管部门核定为准。", small))

    story.append(p("四、人工查验记录", heading))
    rows = [[p("事项"), p("结果"), p("查验日期"), p("查验人")]]
    for inv in data.manual_checks.get("invoices", []):
        rows.append([p(f"发票查验 {inv['invoice'] or inv['file']}", small),
                     p(inv["result"] or "未查验", small), p(inv["checked_on"] or "—", small),
                     p(inv["checked_by"] or "—", small)])
    credit = data.manual_checks.get("credit")
    rows.append([p("信用中国信用报告" + (f"（{credit['note']}）" if credit and credit["note"] else ""),
                   small), p(credit["result"] if credit else "未查验", small),
                 p(credit["checked_on"] if credit else "—", small),
                 p(credit["checked_by"] if credit else "—", small)])
    story.append(grid(rows, [width - 85 * mm, 25 * mm, 25 * mm, 35 * mm]))
    story.append(p("发票查验为初审人在全国增值税发票查验平台人工查验的结果；信用情况为初审人查阅"
                   "信用中国信用报告的结果。", small))

    # The conclusion and the box the signature will cover stay on one page.
    story.append(KeepTogether([
        p("五、初审结论", heading),
        grid([[p("结论"), p(data.conclusion)],
              [p("意见"), p(data.comment or "—")],
              [p("初审人"), p(data.official or "—")],
              [p("日期"), p(data.day.isoformat())],
              *([[p("证书指纹"), p(fingerprint_text(data.cert_sha256), mono)]]
                if data.cert_sha256 else [])],
             [24 * mm, width - 24 * mm], header=False),
        Spacer(1, 6),
        area,
    ]))

    story.append(p("六、审查材料指纹（SHA-256）", heading))
    rows = [[p("文件"), p("类别"), p("SHA-256")]]
    for d in data.documents:
        kind = labels.get(d["kind"], d["kind"]) + ("" if d["readable"] else "（无法读取）")
        rows.append([p(d["file"], small), p(kind, small), p(d["sha256"], mono)])
    story.append(grid(rows, [50 * mm, 28 * mm, width - 78 * mm]))
    for note in data.notes:
        story.append(p(note, small))

    page = PageTemplate(font, A4, 18 * mm, f"初审意见 · {data.application_id}",
                        "草稿 · 未签署，不作为正式意见" if data.draft else None)
    pdf, pages = page.build(story, title=f"初审意见 {data.application_id}",
                            author=data.official, subject=data.policy_name)
    return pdf, pages, area.box


def write_preliminary_opinion(ws: Any, app_id: str, out: Path, conclusion: str | None = None,
                              comment: str = "", official: str = "",
                              policy_id: str | None = None, day: date | None = None,
                              identity: Any = None) -> WrittenOpinion:
    """Write the 初审意见; signed (PAdES, like the expert opinion) when ``identity`` is given,
    else a draft marked 草稿 on every page."""
    from slq_desk import audit
    from slq_desk.checks import run_checks
    from slq_desk.models.schema import Application, Opinion
    from slq_desk.models.types import utcnow
    from slq_desk.opinion.data import ATTACHMENT_NAME
    from slq_desk.opinion.sign import Attachment, SignRequest, finalise
    from slq_desk.policy import load_policy

    if conclusion is not None and conclusion not in CONCLUSIONS:
        raise BadInput(f"conclusion must be one of {'、'.join(CONCLUSIONS)}")
    report = run_checks(ws, app_id, policy_id)
    # Stored in UTC; the opinion's date and its signature's time are shown in Beijing time.
    from datetime import datetime, timedelta, timezone

    signed_at = datetime.now(timezone(timedelta(hours=8)))
    findings = [f.to_dict() for f in report.findings]
    chosen = conclusion or default_conclusion(findings)
    with ws.session() as s:
        app = s.get(Application, app_id)
        claimed = _beijing_time(app.claimed_at)
        uscc = app.applicant_uscc
        anchor = audit.anchor(s)
    policy = load_policy(report.policy_id)
    result = report.result or {}
    data = PreliminaryData(
        application_id=app_id, applicant_name=report.applicant_name, applicant_uscc=uscc,
        policy_name=policy.name, policy_id=policy.id, claimed_at=claimed,
        materials=report.materials, findings=findings,
        subsidy=result.get("subsidy"), base=result.get("base"),
        eligible=result.get("eligible") if result else None,
        steps=result.get("steps", []), reasons=result.get("reasons", []),
        documents=report.documents, conclusion=chosen, comment=comment, official=official,
        day=day or signed_at.date(),
        notes=[] if conclusion else ["结论由系统按审查发现建议，初审人可改定。"],
        draft=identity is None, manual_checks=report.manual_checks,
        cert_sha256=identity.info.cert_sha256 if identity is not None else "",
    )
    pdf, pages, box = _render(data)
    embedded = _opinion_data(data)
    embedded.audit_anchor = anchor
    if identity is not None:
        embedded.cert_sha256 = identity.info.cert_sha256
    pdf = finalise(pdf, SignRequest(
        box=box, attachments=(Attachment(ATTACHMENT_NAME, embedded.json_bytes(),
                                         description="机器可读初审数据 (machine-readable "
                                                     "preliminary review)"),),
        identity=identity, reason="算力券申报初审意见", role="初审人", when=signed_at,
    ))
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(pdf)
        os.replace(tmp, out)
    except OSError as err:
        raise BadInput(f"cannot write {out}: {err.strerror or err}") from None
    digest = hashlib.sha256(pdf).hexdigest()
    with ws.session() as s:
        row = Opinion(application_id=app_id, kind="preliminary", file_path=str(out.resolve()),
                      sha256=digest, signature_status="signed" if identity else "unsigned",
                      signer=identity.info.name if identity else "",
                      signed_at=utcnow() if identity else None)
        s.add(row)
        s.flush()
        audit.record(s, ws.actor, "opinion.preliminary", "opinion", row.id, None, {
            "application": app_id, "sha256": digest, "conclusion": chosen,
            "official": official, "subsidy": result.get("subsidy")})
    return WrittenOpinion(out, digest, pages, chosen)


def _opinion_data(data: PreliminaryData) -> Any:
    """The machine-readable 初审意见 embedded in the PDF, in the expert opinion's schema
    (kind "preliminary"), so `slq-desk verify --package` checks the same document hashes."""
    from slq_desk.opinion.build import steps_from_facts
    from slq_desk.opinion.data import DocumentRef, FindingRef, OpinionData

    return OpinionData(
        application_id=data.application_id, applicant_name=data.applicant_name,
        applicant_uscc=data.applicant_uscc, policy_id=data.policy_id,
        policy_name=data.policy_name, reviewer=data.official, review_date=data.day,
        kind="preliminary",
        documents=[DocumentRef(d["file"], d["kind"], int(d.get("pages") or 0), d["sha256"])
                   for d in data.documents],
        findings=[FindingRef(f["code"], f["severity"], f["message_zh"], f.get("article", ""),
                             (f.get("evidence") or [{}])[0].get("file", ""),
                             (f.get("evidence") or [{}])[0].get("page"))
                  for f in data.findings],
        computed_subsidy=D(data.subsidy) if data.subsidy else None,
        subsidy_steps=steps_from_facts({"steps": data.steps}),
        recommendation=data.conclusion, comment=data.comment,
    )


__all__ = ["CONCLUSIONS", "PreliminaryData", "WrittenOpinion", "default_conclusion",
           "render_preliminary", "write_preliminary_opinion"]
