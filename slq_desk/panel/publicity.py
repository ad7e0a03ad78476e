"""公示 and 异议: the published list (applicant, amount, the panel's experts) as XLSX and PDF, and
the objections log — received, by whom, about what, the answer, the outcome — whose upheld
objections can reopen an application's review.

Amounts are written as exact decimal text (never through float, see ``exports``); times are
stored UTC and printed in Beijing time.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.panel_process import PanelObjection
from slq_desk.models.schema import Application

BEIJING = timezone(timedelta(hours=8), "北京时间")
OUTCOMES = {"upheld": "异议成立", "partly": "异议部分成立", "rejected": "异议不成立"}
REOPENED_STATUS = "reviewing"  # back to 评审中


@dataclass(frozen=True)
class PublicityRow:
    no: int
    applicant: str
    uscc: str
    application_id: str
    amount: str  # yuan, exact text


@dataclass(frozen=True)
class Publicity:
    policy_id: str
    method_label: str
    rows: tuple[PublicityRow, ...]
    experts: tuple[tuple[str, str], ...]  # (name, organisation)
    start: date
    end: date
    total: str

    @property
    def period(self) -> str:
        return f"{self.start:%Y年%m月%d日}至{self.end:%Y年%m月%d日}"


def build_publicity(plist: Any, method_label: str, experts: list[tuple[str, str]],
                    start: date, days: int = 5) -> Publicity:
    """The main list (拟支持名单) with the amounts granted, and the panel's experts."""
    from slq_desk.money import fmt, fmt_grouped

    if days < 1:
        raise BadInput("公示期至少1天 / the publicity period is at least one day")
    if not experts:
        raise BadInput("公示须列出评审专家 / the publicity lists the panel's experts: draw the "
                       "panel or name the members")
    rows = tuple(PublicityRow(i, e.candidate.applicant_name, e.candidate.applicant_uscc,
                              e.candidate.application_id, fmt(e.granted))
                 for i, e in enumerate((e for e in plist.entries if e.status == "main"), 1))
    return Publicity(plist.policy_id, method_label, rows, tuple(experts), start,
                     start + timedelta(days=days - 1), fmt_grouped(plist.granted))


def publicity_xlsx(pub: Publicity) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "公示名单"
    ws.append(["序号", "申报单位", "统一社会信用代码", "申报编号", "拟支持金额（元）"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in pub.rows:
        ws.append([str(r.no), r.applicant, r.uscc, r.application_id, r.amount])  # text only
        ws.cell(ws.max_row, 5).alignment = Alignment(horizontal="right")
    for letter, chars in zip("ABCDE", (6, 34, 24, 24, 18), strict=True):
        ws.column_dimensions[letter].width = chars
    ex = wb.create_sheet("评审专家")
    ex.append(["序号", "姓名", "工作单位"])
    for i, (name, org) in enumerate(pub.experts, 1):
        ex.append([str(i), name, org])
    info = wb.create_sheet("说明")
    for pair in (("政策", pub.policy_id), ("公示期", pub.period), ("汇总方法", pub.method_label),
                 ("拟支持金额合计（元）", pub.total),
                 ("异议", "公示期内对公示内容有异议的，请以书面形式实名提出并说明理由。")):
        info.append(list(pair))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def publicity_pdf(pub: Publicity) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from slq_desk.opinion.pdfstyle import HEADER_FILL, pdf_styles

    st = pdf_styles(base_size=10, base_leading=15)
    p = st.para
    margin = 18 * mm
    width = A4[0] - 2 * margin
    grid = TableStyle([*st.grid.getCommands(), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)])
    story: list[Any] = [
        p("算力券拟支持项目公示", st.title),
        p(f"政策 {pub.policy_id}　·　公示期 {pub.period}", st.subtitle), Spacer(1, 8),
        p(f"经专家评审（汇总方法：{pub.method_label}），拟对以下 {len(pub.rows)} 个项目给予支持，"
          f"拟支持金额合计 {pub.total} 元。现予公示。"),
        p("一、拟支持项目", st.heading)]
    rows: list[list[Any]] = [[p(h, st.small) for h in ("序号", "申报单位", "统一社会信用代码",
                                                       "拟支持金额（元）")]]
    for r in pub.rows:
        rows.append([p(r.no, st.small), p(r.applicant, st.small), p(r.uscc, st.small),
                     p(r.amount, st.small)])
    story.append(Table(rows, colWidths=[14 * mm, 70 * mm, 50 * mm, width - 134 * mm],
                       style=grid, repeatRows=1))
    story.append(p("二、评审专家", st.heading))
    story.append(p("、".join(f"{n}（{o}）" if o else n for n, o in pub.experts) + "。"))
    story.append(p("三、异议受理", st.heading))
    story.append(p("公示期内，对公示内容有异议的单位或个人，请以书面形式实名提出，并说明理由、"
                   "提供必要的证明材料。逾期或匿名的异议不予受理。"))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin, title="算力券拟支持项目公示", creator="slq-desk",
                      lang="zh-CN", initialFontName=st.font).build(story)
    return buf.getvalue()


# --- 异议 ---------------------------------------------------------------------------------------

def record_objection(s: Session, actor: str, application_id: str, objector: str, about: str,
                     received_at: datetime | None = None) -> PanelObjection:
    if s.get(Application, application_id) is None:
        raise BadInput(f"工作区中没有申报 {application_id} / no application {application_id}")
    if not objector.strip() or not about.strip():
        raise BadInput("异议须写明提出人和内容 / an objection needs who and what")
    when = received_at or datetime.now(UTC)
    if when.tzinfo is None:
        raise BadInput("收到时间须带时区 / the received time needs a time zone, e.g. +08:00")
    row = PanelObjection(application_id=application_id, objector=objector.strip(),
                         about=about.strip(), recorded_by=actor, received_at=when.astimezone(UTC))
    s.add(row)
    s.flush()
    audit.record(s, actor, "panel.objection", "panel_objection", row.id, None,
                 {"application_id": application_id, "objector": row.objector,
                  "about": row.about, "received_at": row.received_at.isoformat()})
    return row


def answer_objection(s: Session, actor: str, objection_id: int, answer: str, outcome: str,
                     reopen: bool = False) -> PanelObjection:
    """Record the answer and outcome; ``reopen`` sends the application back to 评审中 (only an
    objection that is at least partly upheld can do that)."""
    row = s.get(PanelObjection, objection_id)
    if row is None:
        raise BadInput(f"没有编号为 {objection_id} 的异议 / no objection {objection_id}")
    if row.outcome:
        raise BadInput(f"异议 {objection_id} 已答复 / already answered")
    if outcome not in OUTCOMES:
        raise BadInput(f"处理结果应为 {', '.join(OUTCOMES)} / outcome must be one of them")
    if not answer.strip():
        raise BadInput("须写明答复 / the answer is required")
    if reopen and outcome == "rejected":
        raise BadInput("异议不成立时不能重新评审 / a rejected objection reopens nothing")
    row.answer, row.outcome, row.answered_by = answer.strip(), outcome, actor
    row.answered_at = datetime.now(UTC)
    row.reopened = reopen
    before_status = None
    if reopen:
        app = s.get(Application, row.application_id)
        assert app is not None
        before_status, app.status = app.status, REOPENED_STATUS
    s.flush()
    audit.record(s, actor, "panel.objection_answer", "panel_objection", row.id,
                 None, {"answer": row.answer, "outcome": outcome, "reopened": reopen,
                        "application_status_before": before_status})
    return row


def objections(s: Session, application_id: str | None = None) -> list[PanelObjection]:
    q = select(PanelObjection).order_by(PanelObjection.received_at, PanelObjection.id)
    if application_id:
        q = q.where(PanelObjection.application_id == application_id)
    return list(s.scalars(q))


def beijing(value: datetime | None) -> str:
    return "—" if value is None else value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M 北京时间")
