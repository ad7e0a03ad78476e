"""The 评审结果汇总表: the panel's ranked list, budget, alerts and calibration on A4 landscape,
Chinese in the embedded CJK font, with a signature box the chair's signature will cover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from slq_desk.money import fmt_grouped
from slq_desk.opinion.layout import SignatureBox, fingerprint_text, signature_area
from slq_desk.panel.aggregate import PanelAggregate
from slq_desk.panel.rank_allocate import LIST_LABELS, PanelList, describe_tie_break
from slq_desk.review.aggregate import quantum, round_for_display
from slq_desk.vocabulary import METRIC_LABELS, bilingual

MODE_LABELS = {"rank": "按综合排序依次兑付", "first_come": "先到先得", "scaled": "按预算等比例核减",
               "none": "未设资金池，全额"}


@dataclass(frozen=True)
class SummaryPdf:
    pdf: bytes
    signature_box: SignatureBox


def render_summary(agg: PanelAggregate, plist: PanelList, chair: str, organisation: str = "",
                   title_note: str = "", today: date | None = None,
                   draft: bool = False, cert_sha256: str = "") -> SummaryPdf:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from slq_desk.opinion.pdfstyle import HEADER_FILL, PageTemplate, pdf_styles

    day = today or date.today()
    places = agg.settings.places
    q = quantum(places)
    st = pdf_styles(base_size=9, base_leading=13)
    font, base, small = st.font, st.base, st.small
    title, sub, heading = st.title, st.subtitle, st.heading

    def p(text: Any, style: ParagraphStyle = small) -> Paragraph:
        return st.para(text, style)

    grid = TableStyle([*st.grid.getCommands(), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)])
    page_w, page_h = landscape(A4)
    margin = 14 * mm
    width = page_w - 2 * margin
    story: list[Any] = [p("评审结果汇总表", title),
                        p(f"政策 {plist.policy_id}　·　汇总日期 {day:%Y年%m月%d日}　·　评审组组长 {chair}"
                          + (f"　·　{title_note}" if title_note else ""), sub), Spacer(1, 6)]

    pool = "不限" if plist.pool is None else f"¥{fmt_grouped(plist.pool)}"
    remaining = "—" if plist.pool is None else f"¥{fmt_grouped(plist.pool - plist.granted)}"
    story.append(p(
        f"汇总方法：{agg.settings.method_label}"
        f"{'（已按评审专家作 z 分数标准化）' if agg.settings.normalise else ''}；"
        f"排序规则：{' → '.join(describe_tie_break(k.split(':')[0]) for k in plist.order)}；"
        f"分配方式：{MODE_LABELS.get(plist.mode, plist.mode)}；资金池：{pool}"
        f"（{'预算通知' if plist.pool_source == 'budget' else '政策规定' if plist.pool_source == 'policy' else '—'}）；"
        f"分数线：{plist.cut_off if plist.cut_off is not None else '无'}。"
        f"正选 {len(plist.of('main'))} 项，备选 {len(plist.of('reserve'))} 项，未入选 "
        f"{len(plist.of('out'))} 项；拨付合计 ¥{fmt_grouped(plist.granted)}，资金池余额 {remaining}。",
        base))

    story.append(p("一、排序与名单", heading))
    head = ["排名", "申报编号", "申报单位", "综合得分", "专家数", "分歧", "测算金额（元）",
            "建议金额（元）", "拨付金额（元）", "名单", "排序依据 / 说明"]
    rows: list[list[Any]] = [[p(h) for h in head]]
    for e in plist.entries:
        c = e.candidate
        note = describe_tie_break(e.decided_by) + ("（并列未决）" if e.unresolved else "")
        if e.reason:
            # The official PDF is Chinese: the reason's Chinese half, amounts included.
            reason = bilingual(e.reason).zh
            note = f"{note}；{reason}" if note else reason
        rows.append([p(e.rank), p(c.application_id), p(c.applicant_name),
                     p(round_for_display(c.score, q)), p(c.reviewers),
                     p(f"有（{c.alerts}）" if c.alerts else "—"),
                     p(fmt_grouped(c.requested)), p(fmt_grouped(c.amount)),
                     p(fmt_grouped(e.granted)), p(LIST_LABELS[e.status]), p(note or "—")])
    widths = [10, 34, 52, 16, 11, 10, 26, 26, 26, 13]
    used = sum(widths) * mm
    story.append(Table(rows, colWidths=[w * mm for w in widths] + [width - used], style=grid,
                       repeatRows=1))

    story.append(p("二、分歧提示", heading))
    alerts = [a for r in agg.results for a in r.alerts]
    if alerts:
        arows: list[list[Any]] = [[p(h) for h in ("申报编号", "范围", "指标", "数值", "阈值", "提示")]]
        for a in alerts:
            info = agg.criteria.get(a.scope)
            scope = "总分" if a.scope == "total" else (info.name if info else a.scope)
            metric = METRIC_LABELS[a.metric].zh if a.metric in METRIC_LABELS else a.metric
            arows.append([p(a.application_id), p(scope), p(metric),
                          p(round_for_display(a.value, q)), p(a.threshold), p(bilingual(a.message).zh)])
        story.append(Table(arows, colWidths=[40 * mm, 36 * mm, 16 * mm, 18 * mm, 18 * mm,
                                             width - 128 * mm], style=grid, repeatRows=1))
    else:
        story.append(p("无。", base))

    calibration_title = p("三、评审专家打分校准", heading)
    crow: list[list[Any]] = [[p(h) for h in ("评审专家", "评分份数", "平均分", "标准差",
                                             "全组平均分", "偏离")]]
    for cal in agg.calibration:
        crow.append([p(cal.reviewer), p(cal.n), p(round_for_display(cal.mean, q)),
                     p("—" if cal.stdev is None else round_for_display(cal.stdev, q)),
                     p(round_for_display(cal.panel_mean, q)),
                     p(f"{round_for_display(cal.offset, q):+}")])
    calibration_table = Table(crow, hAlign="LEFT", colWidths=[50 * mm, 22 * mm, 24 * mm, 24 * mm, 24 * mm,
                                               24 * mm], style=grid, repeatRows=1)

    area = signature_area(font, draft)
    # The calibration stays with the signature: a signature box alone on a page reads as if
    # it signed nothing.
    story.append(KeepTogether([
        calibration_title, calibration_table,
        p("四、评审组组长签名", heading),
        p(f"评审组组长：{chair}　　工作单位：{organisation or '—'}　　日期：{day:%Y年%m月%d日}", base),
        *([p(f"证书指纹 SHA-256：{fingerprint_text(cert_sha256)}", base)] if cert_sha256 else []),
        Spacer(1, 6), area]))

    page = PageTemplate(font, (page_w, page_h), margin, f"评审结果汇总表 · {plist.policy_id}",
                        "草稿 · 未签名，不作为正式评审结果" if draft else None,
                        bottom_margin=margin + 2 * mm)
    pdf, _pages = page.build(story, title=f"评审结果汇总表 {plist.policy_id}", author=chair)
    assert area.box is not None
    return SummaryPdf(pdf, area.box)
