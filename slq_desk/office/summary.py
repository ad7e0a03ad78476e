"""The 初审汇总表: the office's hand-off of checked applications to the expert panel.

One row per application (by default those 初审通过): applicant, contract parties, invoices,
the eligible base, the computed subsidy, open findings, manual 查验, status and the 初审人 (who
moved it to 初审通过, from the audit log). Written as XLSX (amounts as exact decimal *text*, as
the panel's exports do, because openpyxl writes numbers through float) and as an A4 landscape
PDF in the shared style, signed like the 初审意见 (PAdES), the rows embedded as JSON.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.schema import STATUSES, Application, AuditEvent, Document, Finding
from slq_desk.money import D, MoneyError, fmt, fmt_grouped
from slq_desk.office import status as wf

CHINA = timezone(timedelta(hours=8))
ATTACHMENT_NAME = "slq-preliminary-summary.json"
HEADER = ("申报编号", "政策", "申报单位", "统一社会信用代码", "合同双方", "合同编号", "发票",
          "计补基数（元）", "测算补贴（元）", "阻断问题", "审查发现", "人工查验", "状态", "初审人")
HEADER_EN = ("application", "policy", "applicant", "USCC", "contract parties", "contract no.",
             "invoices", "eligible base (yuan)", "computed subsidy (yuan)", "blocking",
             "findings", "manual checks", "status", "checked by")


@dataclass(frozen=True)
class SummaryRow:
    application_id: str
    policy_id: str
    applicant_name: str
    applicant_uscc: str
    parties: str
    contracts: str
    invoices: str
    base: str | None
    subsidy: str | None
    blocking: int
    findings: list[str]
    manual: str
    status: str
    checked_by: str

    def cells(self) -> list[str]:
        return [self.application_id, self.policy_id, self.applicant_name, self.applicant_uscc,
                self.parties, self.contracts, self.invoices, self.base or "—",
                self.subsidy or "—", str(self.blocking), "\n".join(self.findings) or "无",
                self.manual, STATUSES.get(self.status, self.status), self.checked_by or "—"]

    def to_dict(self) -> dict[str, Any]:
        return {"application_id": self.application_id, "policy": self.policy_id,
                "applicant": self.applicant_name, "uscc": self.applicant_uscc,
                "parties": self.parties, "contracts": self.contracts, "invoices": self.invoices,
                "base": self.base, "subsidy": self.subsidy, "blocking": self.blocking,
                "findings": self.findings, "manual": self.manual, "status": self.status,
                "checked_by": self.checked_by}


def _fields(s: Any, doc: Document) -> dict[str, str]:
    return {f.name: f.effective_value for f in doc.fields if f.item_index is None}


def _checked_by(s: Any, app_id: str) -> str:
    """Who moved the application to 初审通过 last (the audit log's named person)."""
    rows = s.scalars(select(AuditEvent).where(
        AuditEvent.entity == "application", AuditEvent.entity_id == app_id,
        AuditEvent.action == "application.status").order_by(AuditEvent.seq.desc()))
    for ev in rows:
        if (ev.after or {}).get("status") == wf.PASSED:
            return ev.actor
    return ""


def summary_rows(s: Any, app_ids: list[str]) -> list[SummaryRow]:
    from slq_desk.checks.verification import records_for

    out: list[SummaryRow] = []
    for app_id in app_ids:
        app = s.get(Application, app_id)
        if app is None:
            raise BadInput(f"no application {app_id!r} in this workspace")
        parties, contracts, invoices = [], [], []
        for doc in app.documents:
            values = _fields(s, doc)
            if doc.kind == "contract":
                pair = f"甲方 {values.get('buyer_name', '—')}；乙方 {values.get('supplier_name', '—')}"
                if pair not in parties:
                    parties.append(pair)
                number = values.get("contract_number")
                total = values.get("total")
                contracts.append((number or doc.original_name) + (f"（{total} 元）" if total else ""))
            if doc.kind == "invoice":
                number = values.get("invoice_number") or doc.original_name
                code = values.get("invoice_code")
                key = f"{code}-{number}" if code else number
                total = values.get("total")
                invoices.append(key + (f"（{total} 元）" if total else ""))
        result = (app.facts or {}).get("result") or {}
        base = result.get("base")
        try:
            base = fmt(D(str(base))) if base is not None else None
        except MoneyError:
            base = str(base)
        findings: list[str] = []
        for f in s.scalars(select(Finding).where(
                Finding.application_id == app_id, Finding.severity.in_(("block", "warn")))
                .order_by(Finding.severity, Finding.id)):
            line = (f"[{'阻断' if f.severity == 'block' else '警示'}] {f.message_zh}"
                    + (f"（{f.article}）" if f.article else ""))
            if line not in findings:  # one line per problem, however many fields show it
                findings.append(line)
        blocking = sum(1 for f in findings if f.startswith("[阻断]"))
        manual = records_for(s, app_id)
        done = [i for i in manual["invoices"] if i["result"]]
        parts = [f"发票查验 {len(done)}/{len(manual['invoices'])}"
                 + (f"（{'、'.join(sorted({i['result'] for i in done}))}）" if done else "")]
        credit = manual["credit"]
        parts.append(f"信用中国 {credit['result']}（{credit['checked_on']}）" if credit
                     else "信用中国 未查验")
        out.append(SummaryRow(
            app.id, app.policy_id, app.applicant_name, app.applicant_uscc, "\n".join(parties) or "—",
            "\n".join(contracts) or "—", "\n".join(invoices) or "—", base,
            fmt(app.computed_subsidy) if app.computed_subsidy is not None else None, blocking,
            findings, "；".join(parts), wf.current(app.status), _checked_by(s, app_id)))
    return out


def xlsx_bytes(rows: list[SummaryRow], office: str, official: str, when: datetime) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    sheet = wb.active
    sheet.title = "初审汇总表"
    sheet.append(list(HEADER))
    sheet.append(list(HEADER_EN))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    right = Alignment(horizontal="right", vertical="top")
    for row in rows:
        sheet.append(row.cells())  # every value a str: amounts stay exact, never through float
        for col in range(1, len(HEADER) + 1):
            sheet.cell(sheet.max_row, col).alignment = right if col in (8, 9, 10) else wrap
    widths = (16, 12, 26, 20, 36, 24, 30, 14, 14, 8, 60, 28, 10, 10)
    for n, chars in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + n)].width = chars
    sheet.freeze_panes = "A3"
    info = wb.create_sheet("说明")
    total = sum((D(r.subsidy) for r in rows if r.subsidy), Decimal("0"))
    for pair in (("初审机关", office), ("初审人", official),
                 ("生成时间（北京时间）", when.strftime("%Y-%m-%d %H:%M")),
                 ("申报数", str(len(rows))), ("测算补贴合计（元）", fmt(total)),
                 ("金额格式", "金额以文本保存（精确到分，不经浮点）/ amounts are exact text")):
        info.append(list(pair))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_pdf(rows: list[SummaryRow], office: str, official: str, when: datetime,
               draft: bool) -> tuple[bytes, int, Any]:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from slq_desk.opinion.layout import signature_area
    from slq_desk.opinion.pdfstyle import HEADER_FILL, pdf_styles

    st = pdf_styles(small_size=7, small_leading=9.5)
    p, small, font = st.para, st.small, st.font
    page_w, page_h = landscape(A4)
    margin = 12 * mm
    width = page_w - 2 * margin
    total = sum((D(r.subsidy) for r in rows if r.subsidy), Decimal("0"))
    story: list[Any] = [
        p("算力券申报初审汇总表", st.title),
        p(f"{office}　·　{len(rows)} 份申报　·　测算补贴合计 ¥{fmt_grouped(total)}　·　"
          f"{when:%Y年%m月%d日 %H:%M}（北京时间）", st.subtitle),
        Spacer(1, 6),
    ]
    cols = ["申报编号", "申报单位", "合同双方", "发票", "计补基数", "测算补贴", "审查发现",
            "人工查验", "状态", "初审人"]
    table_rows: list[list[Any]] = [[p(c, small) for c in cols]]
    for r in rows:
        table_rows.append([
            p(f"{r.application_id}\n{r.policy_id}", small),
            p(f"{r.applicant_name}\n{r.applicant_uscc}", small),
            p(f"{r.parties}\n{r.contracts}", small), p(r.invoices, small),
            p(f"¥{fmt_grouped(D(r.base))}" if r.base else "—", small),
            p(f"¥{fmt_grouped(D(r.subsidy))}" if r.subsidy else "—", small),
            p("\n".join(r.findings[:8]) + (f"\n…另 {len(r.findings) - 8} 项" if len(r.findings) > 8
                                           else "") or "无", small),
            p(r.manual, small), p(STATUSES.get(r.status, r.status), small),
            p(r.checked_by or "—", small)])
    widths = [22, 32, 38, 34, 18, 18, 0, 26, 12, 14]  # the findings take what is left (~60 mm)
    fixed = sum(widths) * mm
    col_w = [w * mm if w else width - fixed for w in widths]
    table = Table(table_rows, colWidths=col_w, repeatRows=1)
    table.setStyle(TableStyle([*st.grid.getCommands(), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]))
    story.append(table)
    area = signature_area(font, draft)
    story.append(Spacer(1, 8))
    story.append(KeepTogether([
        p(f"初审人：{official or '—'}　　初审机关：{office}"), Spacer(1, 4), area]))

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        if draft:
            canvas.setFont(font, 90)
            canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.12))
            canvas.translate(page_w / 2, page_h / 2)
            canvas.rotate(25)
            canvas.drawCentredString(0, -30, "草稿")
            canvas.rotate(-25)
            canvas.translate(-page_w / 2, -page_h / 2)
            canvas.setFont(font, 9)
            canvas.setFillColor(colors.HexColor("#B00000"))
            canvas.drawString(margin, page_h - 8 * mm, "草稿 · 未签署，不作为正式移交材料")
        canvas.setFont(font, 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawCentredString(page_w / 2, 7 * mm, f"初审汇总表 · {office} · 第 {doc.page} 页")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=(page_w, page_h), leftMargin=margin,
                            rightMargin=margin, topMargin=12 * mm, bottomMargin=12 * mm,
                            title="算力券申报初审汇总表", author=official, creator="slq-desk",
                            lang="zh-CN", initialFontName=font, initialFontSize=9.5)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    assert area.box is not None, "the signature area is always in the story"
    return buf.getvalue(), doc.page, area.box


@dataclass(frozen=True)
class WrittenSummary:
    xlsx: Path
    pdf: Path
    rows: int
    pages: int
    sha256: str


def write_summary(ws: Any, out_dir: Path, statuses: list[str] | None = None,
                  app_ids: list[str] | None = None, official: str = "",
                  office: str | None = None, identity: Any = None) -> WrittenSummary:
    """Write ``初审汇总表.xlsx`` and ``初审汇总表.pdf`` (signed when ``identity``) into ``out_dir``."""
    from slq_desk.office.notices import office_name
    from slq_desk.opinion.sign import Attachment, SignRequest, finalise

    wanted = {wf.parse_status(v) for v in (statuses or [wf.PASSED])}
    issuer = office_name(ws, office)
    with ws.session() as s:
        if app_ids:
            chosen = list(app_ids)
        else:
            chosen = [a.id for a in s.scalars(select(Application).order_by(Application.id))
                      if wf.current(a.status) in wanted]
        if not chosen:
            raise BadInput("no application to summarise (none in "
                           f"{'、'.join(wf.label(c) for c in sorted(wanted))})")
        rows = summary_rows(s, chosen)
    when = datetime.now(CHINA)
    out_dir.mkdir(parents=True, exist_ok=True)
    xlsx = out_dir / "初审汇总表.xlsx"
    pdf_path = out_dir / "初审汇总表.pdf"
    pdf, pages, box = render_pdf(rows, issuer, official, when, draft=identity is None)
    payload = json.dumps({"kind": "preliminary_summary", "office": issuer, "official": official,
                          "generated_at": when.isoformat(), "rows": [r.to_dict() for r in rows]},
                         ensure_ascii=False, indent=2).encode("utf-8")
    pdf = finalise(pdf, SignRequest(
        box=box, attachments=(Attachment(ATTACHMENT_NAME, payload,
                                         description="初审汇总表（机器可读）"),),
        identity=identity, reason="算力券申报初审汇总表", role="初审人", when=when))
    try:
        for path, data in ((xlsx, xlsx_bytes(rows, issuer, official, when)), (pdf_path, pdf)):
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(data)
            os.replace(tmp, path)
    except OSError as err:
        raise BadInput(f"cannot write into {out_dir}: {err.strerror or err}") from None
    digest = hashlib.sha256(pdf).hexdigest()
    with ws.session() as s:
        audit.record(s, ws.actor, "office.summary", "workspace", "summary", None,
                     {"applications": chosen, "sha256": digest, "signed": identity is not None,
                      "official": official, "office": issuer})
    return WrittenSummary(xlsx, pdf_path, len(rows), pages, digest)
