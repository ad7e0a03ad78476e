"""The opinion form as an A4 PDF (ReportLab platypus), Chinese text in the embedded CJK font.

``render`` returns the PDF bytes and where the signature box landed, so signing can put the
signature widget exactly over the box drawn here. Every glyph uses the one embedded TrueType
font: ReportLab's default Helvetica is never used (it is not embedded, which PDF/A forbids).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from slq_desk.clock import beijing_text
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


def fingerprint_text(sha256: str) -> str:
    """A certificate fingerprint in colon-separated pairs, the way certificate viewers show it."""
    h = sha256.upper()
    return ":".join(h[i:i + 2] for i in range(0, len(h), 2))


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


class _Form:
    """What every section of the form needs: the styles, the text width and the two table
    looks (a header row, or a label column)."""

    def __init__(self, width: float) -> None:
        from reportlab.lib.units import mm
        from reportlab.platypus import TableStyle

        from slq_desk.opinion.pdfstyle import HEADER_FILL, pdf_styles

        self.st = pdf_styles()
        self.p = self.st.para
        self.width = width
        self.mm = float(mm)
        self.header_grid = TableStyle(self.st.grid.getCommands() + [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ])
        self.label_grid = TableStyle(self.st.grid.getCommands() + [
            ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
        ])

    def table(self, rows: list[list[Any]], widths: list[float], header: bool = True) -> Any:
        from reportlab.platypus import Table

        if header:
            return Table(rows, colWidths=widths, style=self.header_grid, repeatRows=1)
        return Table(rows, colWidths=widths, style=self.label_grid)


# One function per section of the form, in the order printed; each returns its flowables.

def _title(f: _Form, data: OpinionData) -> list[Any]:
    from reportlab.platypus import Spacer

    return [f.p(data.title, f.st.title),
            f.p(f"申报编号 {data.application_id}　·　评审日期 {data.review_date:%Y年%m月%d日}",
                f.st.subtitle),
            Spacer(1, 6)]


def _application(f: _Form, data: OpinionData) -> list[Any]:
    mm = f.mm
    p = f.p
    direction = "—" if data.direction is None else f"方向{data.direction}"
    rows = [
        [p("申报单位"), p(data.applicant_name or "—")],
        [p("统一社会信用代码"), p(data.applicant_uscc or "—")],
        [p("适用政策"), p(f"{data.policy_name or data.policy_id}（{data.policy_id}）")],
        [p("申报方向"), p(direction)],
    ]
    return [p("一、申报信息", f.st.heading),
            f.table(rows, [32 * mm, f.width - 32 * mm], header=False)]


def _documents(f: _Form, data: OpinionData) -> list[Any]:
    mm = f.mm
    p, small, tiny = f.p, f.st.small, f.st.tiny
    rows: list[list[Any]] = [[p("序号", small), p("文件名", small), p("类型", small),
                              p("页数", small), p("SHA-256", small)]]
    for i, d in enumerate(data.documents, 1):
        rows.append([p(i, small), p(d.name, small), p(KIND_LABELS.get(d.kind, d.kind), small),
                     p(d.pages, small), p(d.sha256, tiny)])
    if not data.documents:
        rows.append([p("—", small), p("（无）", small), "", "", ""])
    return [p("二、审阅材料", f.st.heading),
            f.table(rows, [10 * mm, 58 * mm, 24 * mm, 10 * mm, f.width - 102 * mm])]


def _findings(f: _Form, data: OpinionData) -> list[Any]:
    mm = f.mm
    p, small = f.p, f.st.small
    counts = data.severity_counts()
    out: list[Any] = [p("三、初审发现摘要", f.st.heading),
                      p("阻断 {block} 项，警告 {warn} 项，提示 {info} 项。".format(**counts))]
    listed = [x for x in data.findings if x.severity in ("block", "warn")]
    if not listed:
        return out
    rows: list[list[Any]] = [[p("级别", small), p("问题", small), p("依据", small), p("出处", small)]]
    for x in listed[:MAX_FINDINGS_LISTED]:
        where = x.document + ("" if x.page is None else f" 第{x.page + 1}页")
        rows.append([p(SEVERITY_LABELS.get(x.severity, x.severity), small),
                     p(x.message, small), p(x.article or "—", small), p(where or "—", small)])
    out.append(f.table(rows, [12 * mm, f.width - 92 * mm, 35 * mm, 45 * mm]))
    if len(listed) > MAX_FINDINGS_LISTED:
        out.append(p(f"另有 {len(listed) - MAX_FINDINGS_LISTED} 项未列出，"
                     "详见所附机器可读数据。", small))
    return out


def _scores(f: _Form, data: OpinionData) -> list[Any]:
    mm = f.mm
    if not (data.criteria or data.kind == "expert"):
        return []
    p, small = f.p, f.st.small
    rows = [[p("评审项", small), p("得分", small), p("权重", small), p("评语", small)]]
    for c in data.criteria:
        score = _num(c.score) + ("" if c.max_score is None else f" / {_num(c.max_score)}")
        rows.append([p(c.name, small), p(score, small), p(_num(c.weight), small),
                     p(c.comment or "—", small)])
    rows.append([p("合计", small), p(_num(data.total), small), "", ""])
    rubric = f"评分表：{data.rubric_id or '—'}"
    if data.rubric_version:
        rubric += f"（版本 {data.rubric_version}）"
    return [p("四、评分", f.st.heading),
            f.table(rows, [42 * mm, 22 * mm, 14 * mm, f.width - 78 * mm]),
            p(f"{rubric}。{data.rubric_note}", small)]


def _conclusion(f: _Form, data: OpinionData) -> list[Any]:
    from reportlab.platypus import Spacer

    mm = f.mm
    p, small = f.p, f.st.small
    rows = [
        [p("评审意见"), p(data.recommendation or "—")],
        [p("测算补贴金额"), p(yuan(data.computed_subsidy))],
        [p("建议补贴金额"), p(yuan(data.recommended_subsidy))],
    ]
    if data.recommendation_reason:
        rows.append([p("理由"), p(data.recommendation_reason)])
    if data.comment:
        rows.append([p("综合意见"), p(data.comment)])
    out: list[Any] = [p("五、评审结论与补贴金额", f.st.heading),
                      f.table(rows, [32 * mm, f.width - 32 * mm], header=False)]
    if not data.subsidy_steps:
        out.append(p("测算步骤：未记录。", small))
        return out
    steps = [[p("测算步骤", small), p("金额", small), p("依据条款", small)]]
    for s in data.subsidy_steps:
        steps.append([p(s.label, small), p(yuan(s.amount), small), p(s.article or "—", small)])
    out += [Spacer(1, 4), f.table(steps, [f.width - 80 * mm, 35 * mm, 45 * mm])]
    return out


def _conflict_of_interest(f: _Form, data: OpinionData) -> list[Any]:
    if not data.coi_declared:
        coi = "未声明。"
    elif data.coi_conflict:
        coi = f"本人已申报存在利益冲突，已回避：{data.coi_text or '（未说明）'}"
    else:
        coi = data.coi_text or "本人声明：与申报单位及其算力供应方不存在利益冲突。"
    if data.coi_at is not None:
        coi += f"（声明时间 {beijing_text(data.coi_at)}）"  # stored UTC, printed as read in China
    return [f.p("六、利益冲突声明", f.st.heading), f.p(coi)]


def _signature(f: _Form, data: OpinionData, area: Any) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    mm = f.mm
    p = f.p
    rows = [
        [p("评审专家"), p(data.reviewer or "—")],
        [p("工作单位"), p(data.reviewer_organisation or "—")],
        [p("日期"), p(f"{data.review_date:%Y年%m月%d日}")],
    ]
    if data.version > 1:
        rows.append([p("意见版本"), p(f"第 {data.version} 版（取代此前导出的版本）")])
    if data.cert_sha256:
        # A third party compares this with the panel's published roster of certificates.
        rows.append([p("证书指纹 SHA-256"), p(fingerprint_text(data.cert_sha256), f.st.tiny)])
    # The heading, the signer's lines and the box the signature covers stay on one page.
    return [KeepTogether([
        p("七、评审专家签名", f.st.heading),
        f.table(rows, [32 * mm, f.width - 32 * mm], header=False),
        Spacer(1, 6),
        area,
    ])]


def render(data: OpinionData, draft: bool = False) -> RenderedOpinion:
    """Lay out the opinion; ``draft`` prints 草稿 across every page (for unsigned copies)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from slq_desk.opinion.pdfstyle import PageTemplate

    margin = 18 * mm
    form = _Form(A4[0] - 2 * margin)
    area = signature_area(form.st.font, draft)
    story: list[Any] = [
        *_title(form, data),
        *_application(form, data),
        *_documents(form, data),
        *_findings(form, data),
        *_scores(form, data),
        *_conclusion(form, data),
        *_conflict_of_interest(form, data),
        *_signature(form, data, area),
    ]
    page = PageTemplate(form.st.font, A4, margin, f"{data.title} · {data.application_id}",
                        "草稿 · 未签名，不作为正式评审意见" if draft else None,
                        bottom_margin=margin + 4 * mm)
    pdf, pages = page.build(story, title=f"{data.title} {data.application_id}",
                            author=data.reviewer,
                            subject=f"{data.policy_id} {data.applicant_name}")
    assert area.box is not None, "the signature area is always in the story"
    return RenderedOpinion(pdf=pdf, signature_box=area.box, pages=pages)
