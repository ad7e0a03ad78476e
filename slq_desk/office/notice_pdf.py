"""The office's notices as A4 PDFs in the shared style (``opinion.pdfstyle``), Chinese in the
embedded CJK font, with the box the signature will cover.

``render_notice(draft, signed)`` is a pure function of the edited draft. An unsigned copy says
草稿 on every page. The legal wording (一次性告知 under 行政许可法 第三十二条 and 优化营商环境条例
第三十六条; the right to 行政复议 within 60 days or 行政诉讼 within 6 months) is part of the
notice's text.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from slq_desk.office.notices import NoticeDraft


def _cn_date(iso: str) -> str:
    if not iso:
        return "—"
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def _body(draft: NoticeDraft) -> list[str]:
    """The notice's paragraphs before its table / reasons."""
    claimed = f"于{_cn_date(draft.claimed_on)}" if draft.claimed_on else ""
    subject = (f"你单位{claimed}提交的{draft.policy_name}申报材料（申报编号：{draft.application_id}）")
    if draft.kind == "supplement":
        return [(f"{subject}，经初审，存在下列材料不齐全或者不符合法定形式的情形。根据《中华人民共和国"
                "行政许可法》第三十二条、《优化营商环境条例》第三十六条的规定，现一次性告知你单位需要"
                "补正的全部内容如下：")]
    if draft.kind == "acceptance":
        return [(f"{subject}，经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》"
                "第三十二条第一款第（五）项的规定，决定予以受理。"),
                (f"受理日期：{_cn_date(draft.issued_on)}。本机关将依照{draft.policy_name}"
                "的规定组织审核、评审，结果另行告知。")]
    return [f"{subject}，经审查，不符合受理条件，理由如下："]


def _closing(draft: NoticeDraft) -> list[str]:
    if draft.kind == "supplement":
        return [(f"请你单位{draft.deadline_rule or ''}，即于{_cn_date(draft.deadline)}前，"
                "一次性提交上述全部补正材料。逾期未补正的，视为放弃本次申报。"),
                "补正材料提交后，本机关将重新审查；补正材料仍不符合要求的，依法作出处理。"]
    if draft.kind == "rejection":
        return ["根据《中华人民共和国行政许可法》第三十二条的规定，决定不予受理。",
                ("如对本决定不服，可以自收到本通知书之日起六十日内依照《中华人民共和国行政复议法》"
                "的规定申请行政复议，或者自收到本通知书之日起六个月内依照《中华人民共和国行政诉讼法》"
                "的规定向人民法院提起行政诉讼。")]
    return []


def render_notice(draft: NoticeDraft, signed: bool) -> tuple[bytes, int, Any]:
    """The PDF bytes, its page count and where the signature box was drawn."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
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

    st = pdf_styles(base_size=10.5, base_leading=17, small_size=8.5, small_leading=11.5)
    font, small, p = st.font, st.small, st.para
    body = ParagraphStyle("body", parent=st.base, firstLineIndent=21)
    right = ParagraphStyle("right", parent=st.base, alignment=TA_RIGHT)
    number_style = ParagraphStyle("number", parent=st.subtitle, fontSize=10.5, leading=16)
    draft_mark = not signed
    page_w, page_h = A4
    margin = 20 * mm
    width = page_w - 2 * margin

    story: list[Any] = [
        p(draft.office, st.title),
        p(draft.title, st.title),
        p(draft.number, number_style),
        Spacer(1, 8),
        p(f"{draft.applicant_name}（统一社会信用代码：{draft.applicant_uscc or '—'}）："),
        Spacer(1, 2),
    ]
    story += [p(text, body) for text in _body(draft)]

    if draft.kind == "supplement":
        rows: list[list[Any]] = [[p("序号", small), p("材料", small), p("存在的问题", small),
                                  p("依据", small), p("补正要求", small)]]
        for n, item in enumerate(draft.included, 1):
            rows.append([p(str(n), small), p(item.material, small), p(item.problem, small),
                         p(item.article or "—", small), p(item.standard or "—", small)])
        table = Table(rows, colWidths=[10 * mm, 32 * mm, width - 122 * mm, 30 * mm, 50 * mm],
                      repeatRows=1)
        table.setStyle(TableStyle([*st.grid.getCommands(),
                                   ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]))
        story += [Spacer(1, 4), table,
                  p(f"注：“依据”栏所列条款为《{draft.policy_document}》的条款。", small),
                  Spacer(1, 6)]
    if draft.kind == "rejection":
        for n, reason in enumerate([r for r in draft.reasons if r.strip()], 1):
            story.append(p(f"{n}. {reason}", body))
    story += [p(text, body) for text in _closing(draft)]
    if draft.contact:
        story.append(p(f"联系方式：{draft.contact}", body))

    area = signature_area(font, draft_mark)
    sign_block = Table(
        [[p("承办人"), p(draft.official or "—")], [p("签发机关"), p(draft.office)],
         [p("签发日期"), p(_cn_date(draft.issued_on))]],
        colWidths=[24 * mm, 60 * mm])
    sign_block.setStyle(TableStyle([*st.grid.getCommands(),
                                    ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL)]))
    story.append(Spacer(1, 10))
    story.append(KeepTogether([
        p(draft.office, right), p(_cn_date(draft.issued_on), right), Spacer(1, 6),
        Table([[sign_block, area]], colWidths=[86 * mm, width - 86 * mm],
              style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0)])),
    ]))
    for note in draft.notes if draft_mark else []:
        story.append(p(f"（草稿提示：{note}）", small))

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        if draft_mark:
            canvas.setFont(font, 90)
            canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.12))
            canvas.translate(page_w / 2, page_h / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, -30, "草稿")
            canvas.rotate(-35)
            canvas.translate(-page_w / 2, -page_h / 2)
            canvas.setFont(font, 9)
            canvas.setFillColor(colors.HexColor("#B00000"))
            canvas.drawString(margin, page_h - 12 * mm, "草稿 · 未签发，不作为正式文书")
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawCentredString(page_w / 2, 10 * mm,
                                 f"{draft.number} · {draft.title} · 第 {doc.page} 页")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=f"{draft.title} {draft.number}", author=draft.official,
                            subject=draft.application_id, creator="slq-desk", lang="zh-CN",
                            initialFontName=font, initialFontSize=10.5)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    assert area.box is not None, "the signature area is always in the story"
    return buf.getvalue(), doc.page, area.box
