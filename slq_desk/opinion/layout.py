"""The opinion form as an A4 PDF (ReportLab platypus), Chinese text in the embedded CJK font.

``render`` returns the PDF bytes and where the signature box landed, so signing can put the
signature widget exactly over the box drawn here. Every glyph uses the one embedded TrueType
font: ReportLab's default Helvetica is never used (it is not embedded, which PDF/A forbids).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from slq_desk.kinds import DOCUMENT_KINDS
from slq_desk.money import fmt_grouped
from slq_desk.opinion.data import OpinionData
from slq_desk.vocabulary import SEVERITY_ZH

KIND_LABELS: dict[str, str] = DOCUMENT_KINDS
SEVERITY_LABELS: dict[str, str] = SEVERITY_ZH
MAX_FINDINGS_LISTED = 40
SIGNATURE_BOX_SIZE = (240.0, 70.0)  # points: room for the stamp's three lines


@dataclass(frozen=True)
class SignatureBox:
    """The visible signature field: 0-based page and rectangle in PDF points."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float

    def as_ints(self) -> tuple[int, int, int, int]:
        return (round(self.x0), round(self.y0), round(self.x1), round(self.y1))


@dataclass(frozen=True)
class RenderedOpinion:
    pdf: bytes
    signature_box: SignatureBox
    pages: int


def yuan(value: Decimal | None) -> str:
    return "—" if value is None else f"¥{fmt_grouped(value)}"


def _num(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format(value.normalize(), "f")
    return text


def signature_area(font: str, draft: bool) -> Any:
    """A ReportLab flowable: the dashed box the signature widget will cover.

    After the document is built, its ``box`` attribute holds where it was drawn (page and
    rectangle), which is what ``sign.SignRequest`` needs. Other forms (the 初审意见) put one in
    their story to be signed the same way.
    """
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    box_w, box_h = SIGNATURE_BOX_SIZE

    class SignatureArea(Flowable):
        box: SignatureBox | None = None

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return (box_w, box_h)

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.setStrokeColor(colors.HexColor("#999999"))
            c.setDash(3, 2)
            c.rect(0, 0, box_w, box_h)
            if draft:
                c.setFont(font, 8)
                c.setFillColor(colors.HexColor("#AAAAAA"))
                c.drawCentredString(box_w / 2, box_h / 2 - 3, "电子签名区（待签署）")
            c.restoreState()
            x, y = c.absolutePosition(0, 0)
            self.box = SignatureBox(c.getPageNumber() - 1, x, y, x + box_w, y + box_h)

    return SignatureArea()


def render(data: OpinionData, draft: bool = False) -> RenderedOpinion:
    """Lay out the opinion; ``draft`` prints 草稿 across every page (for unsigned copies)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from slq_desk.opinion.pdfstyle import HEADER_FILL, pdf_styles

    st = pdf_styles()
    font, small, tiny = st.font, st.small, st.tiny
    title, subtitle, heading, grid = st.title, st.subtitle, st.heading, st.grid
    p = st.para

    header_grid = TableStyle(grid.getCommands() + [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ])
    label_grid = TableStyle(grid.getCommands() + [
        ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
    ])

    page_w, page_h = A4
    margin = 18 * mm
    width = page_w - 2 * margin
    story: list[Any] = []

    story.append(p(data.title, title))
    story.append(p(f"申报编号 {data.application_id}　·　评审日期 {data.review_date:%Y年%m月%d日}",
                   subtitle))
    story.append(Spacer(1, 6))

    story.append(p("一、申报信息", heading))
    direction = "—" if data.direction is None else f"方向{data.direction}"
    info_rows = [
        [p("申报单位"), p(data.applicant_name or "—")],
        [p("统一社会信用代码"), p(data.applicant_uscc or "—")],
        [p("适用政策"), p(f"{data.policy_name or data.policy_id}（{data.policy_id}）")],
        [p("申报方向"), p(direction)],
    ]
    story.append(Table(info_rows, colWidths=[32 * mm, width - 32 * mm], style=label_grid))

    story.append(p("二、审阅材料", heading))
    doc_rows: list[list[Any]] = [[p("序号", small), p("文件名", small), p("类型", small),
                                  p("页数", small), p("SHA-256", small)]]
    for i, d in enumerate(data.documents, 1):
        doc_rows.append([p(i, small), p(d.name, small), p(KIND_LABELS.get(d.kind, d.kind), small),
                         p(d.pages, small), p(d.sha256, tiny)])
    if not data.documents:
        doc_rows.append([p("—", small), p("（无）", small), "", "", ""])
    story.append(Table(doc_rows, colWidths=[10 * mm, 58 * mm, 24 * mm, 10 * mm,
                                            width - 102 * mm],
                       style=header_grid, repeatRows=1))

    story.append(p("三、初审发现摘要", heading))
    counts = data.severity_counts()
    story.append(p("阻断 {block} 项，警告 {warn} 项，提示 {info} 项。".format(**counts)))
    listed = [f for f in data.findings if f.severity in ("block", "warn")]
    if listed:
        rows: list[list[Any]] = [[p("级别", small), p("问题", small), p("依据", small),
                                  p("出处", small)]]
        for f in listed[:MAX_FINDINGS_LISTED]:
            where = f.document + ("" if f.page is None else f" 第{f.page + 1}页")
            rows.append([p(SEVERITY_LABELS.get(f.severity, f.severity), small),
                         p(f.message, small), p(f.article or "—", small), p(where or "—", small)])
        story.append(Table(rows, colWidths=[12 * mm, width - 92 * mm, 35 * mm, 45 * mm],
                           style=header_grid, repeatRows=1))
        if len(listed) > MAX_FINDINGS_LISTED:
            story.append(p(f"另有 {len(listed) - MAX_FINDINGS_LISTED} 项未列出，"
                           "详见所附机器可读数据。", small))

    if data.criteria or data.kind == "expert":
        story.append(p("四、评分", heading))
        rows = [[p("评审项", small), p("得分", small), p("权重", small), p("评语", small)]]
        for c in data.criteria:
            score = _num(c.score) + ("" if c.max_score is None else f" / {_num(c.max_score)}")
            rows.append([p(c.name, small), p(score, small), p(_num(c.weight), small),
                         p(c.comment or "—", small)])
        rows.append([p("合计", small), p(_num(data.total), small), "", ""])
        story.append(Table(rows, colWidths=[42 * mm, 22 * mm, 14 * mm, width - 78 * mm],
                           style=header_grid, repeatRows=1))
        rubric = f"评分表：{data.rubric_id or '—'}"
        if data.rubric_version:
            rubric += f"（版本 {data.rubric_version}）"
        story.append(p(f"{rubric}。{data.rubric_note}", small))

    story.append(p("五、评审结论与补贴金额", heading))
    concl = [
        [p("评审意见"), p(data.recommendation or "—")],
        [p("测算补贴金额"), p(yuan(data.computed_subsidy))],
        [p("建议补贴金额"), p(yuan(data.recommended_subsidy))],
    ]
    if data.recommendation_reason:
        concl.append([p("理由"), p(data.recommendation_reason)])
    if data.comment:
        concl.append([p("综合意见"), p(data.comment)])
    story.append(Table(concl, colWidths=[32 * mm, width - 32 * mm], style=label_grid))
    if data.subsidy_steps:
        story.append(Spacer(1, 4))
        rows = [[p("测算步骤", small), p("金额", small), p("依据条款", small)]]
        for s in data.subsidy_steps:
            rows.append([p(s.label, small), p(yuan(s.amount), small), p(s.article or "—", small)])
        story.append(Table(rows, colWidths=[width - 80 * mm, 35 * mm, 45 * mm],
                           style=header_grid, repeatRows=1))
    else:
        story.append(p("测算步骤：未记录。", small))

    story.append(p("六、利益冲突声明", heading))
    if not data.coi_declared:
        coi = "未声明。"
    elif data.coi_conflict:
        coi = f"本人已申报存在利益冲突，已回避：{data.coi_text or '（未说明）'}"
    else:
        coi = data.coi_text or "本人声明：与申报单位及其算力供应方不存在利益冲突。"
    if data.coi_at is not None:
        coi += f"（声明时间 {data.coi_at:%Y-%m-%d %H:%M} UTC）"
    story.append(p(coi))

    area = signature_area(font, draft)

    sign_rows = [
        [p("评审专家"), p(data.reviewer or "—")],
        [p("工作单位"), p(data.reviewer_organisation or "—")],
        [p("日期"), p(f"{data.review_date:%Y年%m月%d日}")],
    ]
    story.append(KeepTogether([
        p("七、评审专家签名", heading),
        Table(sign_rows, colWidths=[32 * mm, width - 32 * mm], style=label_grid),
        Spacer(1, 6),
        area,
    ]))

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        if draft:
            canvas.setFillColor(colors.HexColor("#E6E6E6"))
            canvas.setFont(font, 110)
            canvas.translate(page_w / 2, page_h / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, -40, "草稿")
            canvas.rotate(-40)
            canvas.translate(-page_w / 2, -page_h / 2)
            canvas.setFillColor(colors.HexColor("#B00000"))
            canvas.setFont(font, 9)
            canvas.drawString(margin, page_h - 12 * mm, "草稿 · 未签名，不作为正式评审意见")
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.setFont(font, 7.5)
        canvas.drawString(margin, 10 * mm, f"{data.title} · {data.application_id}")
        canvas.drawRightString(page_w - margin, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
        bottomMargin=margin + 4 * mm, title=f"{data.title} {data.application_id}",
        author=data.reviewer, subject=f"{data.policy_id} {data.applicant_name}",
        creator="slq-desk", lang="zh-CN", initialFontName=font, initialFontSize=9.5,
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    assert area.box is not None, "the signature area is always in the story"
    return RenderedOpinion(pdf=buf.getvalue(), signature_box=area.box, pages=doc.page)
