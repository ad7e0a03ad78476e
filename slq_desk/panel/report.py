"""The 评审报告 every panel member signs: build, sign in turn (with an optional dissent), verify.

The report (ranking, amounts, each expert's total, the 复核 flags and how they were resolved,
the panel's opinion per application, the combining method) is laid out with ReportLab and
prepared with one empty signature field per member plus the machine-readable
``panel-report.json``. Each member then signs their own field in an incremental update:

* the first signature is a certification signature (DocMDP ``FILL_FORMS``: after it only form
  filling and further signatures are allowed), every later one an approval signature;
* each signature's byte range covers the file from byte 0 to the end of its own revision, so
  every signature covers everything signed before it;
* a member who dissents writes the dissent and its reasons before signing: it is the
  signature's ``/Reason`` (inside the signed dictionary) and printed in the signature's
  appearance in the member's box — both covered by that member's signature, and neither a
  change DocMDP forbids.

``verify_report`` checks every signature with pyHanko (integrity, DocMDP) and with our own
byte-range sanity check, and lists who signed, who dissented, and who has not yet signed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.opinion.layout import SignatureBox

REPORT_ATTACHMENT = "panel-report.json"
REPORT_SCHEMA = "slq-desk/panel-report"
FIELD_PREFIX = "PanelMember"
AGREE = "同意本评审报告"
DISSENT_PREFIX = "持不同意见："
BEIJING = timezone(timedelta(hours=8), "北京时间")
STAMP = "评审组成员：%(signer)s　%(org)s\n%(verdict)s\n签署时间：%(when)s"
BOX_W_MM, BOX_H_MM = 178, 30


@dataclass(frozen=True)
class Member:
    name: str
    organisation: str = ""


@dataclass(frozen=True)
class ReportRow:
    """One application as the report prints it."""

    rank: int
    application_id: str
    applicant: str
    score: str
    list_label: str
    requested: str
    proposed: str
    granted: str
    expert_totals: dict[str, str]  # member → total (text)
    opinion: str  # the panel's opinion (综合意见)
    recommendation: str = ""


@dataclass(frozen=True)
class FlagLine:
    application_id: str
    reviewer: str
    what: str
    state: str


@dataclass(frozen=True)
class ReportContent:
    policy_id: str
    method_label: str
    members: tuple[Member, ...]
    rows: tuple[ReportRow, ...]
    flags: tuple[FlagLine, ...] = ()
    pool: str = "不限"
    granted: str = "0.00"
    day: date = field(default_factory=date.today)

    def to_json(self) -> dict[str, Any]:
        return {"schema": REPORT_SCHEMA, "schema_version": 1, "policy_id": self.policy_id,
                "method": self.method_label, "date": self.day.isoformat(),
                "members": [{"name": m.name, "organisation": m.organisation,
                             "field": f"{FIELD_PREFIX}{i + 1}"}
                            for i, m in enumerate(self.members)],
                "pool": self.pool, "granted": self.granted,
                "applications": [vars(r) for r in self.rows],
                "flags": [vars(f) for f in self.flags]}


# --- content from the workspace ---------------------------------------------------------------

def content_from_workspace(s: Any, agg: Any, plist: Any, members: list[Member] | None = None,
                           day: date | None = None) -> ReportContent:
    """Collect what the report prints from the panel's aggregate, list, opinions and flags."""
    from slq_desk.models.panel import PanelConclusion
    from slq_desk.money import fmt, fmt_grouped
    from slq_desk.panel.collect import opinions
    from slq_desk.panel.flags import KINDS, RESOLUTIONS, STATUS_LABELS, all_flags
    from slq_desk.panel.panel_opinion import compose_comment
    from slq_desk.panel.rank_allocate import LIST_LABELS
    from slq_desk.review.aggregate import quantum, round_for_display

    q = quantum(agg.settings.places)
    if members is None:
        members = [Member(c.reviewer) for c in agg.calibration]
    if not members:
        raise BadInput("评审报告需要至少一名评审组成员 / the report needs at least one member")
    rows: list[ReportRow] = []
    for e in plist.entries:
        c = e.candidate
        active = opinions(s, c.application_id, include_superseded=False)
        totals = {o.reviewer: o.total or "—" for o in active}
        conclusion = s.get(PanelConclusion, c.application_id)
        text = (conclusion.comment if conclusion is not None and conclusion.comment
                else compose_comment(active, agg.settings) if active else "—")
        rec = conclusion.recommendation if conclusion is not None else ""
        rows.append(ReportRow(e.rank, c.application_id, c.applicant_name,
                              str(round_for_display(c.score, q)), LIST_LABELS[e.status],
                              fmt(c.requested), fmt(c.amount), fmt(e.granted), totals, text,
                              rec))
    flag_lines = []
    for f in all_flags(s):
        state = STATUS_LABELS.get(f.status, f.status)
        if f.resolution:
            state += f"（{RESOLUTIONS.get(f.resolution, f.resolution)}"
            state += f"：{f.explanation}）" if f.explanation else "）"
        crit = f" {f.criterion}" if f.criterion else ""
        flag_lines.append(FlagLine(f.application_id, f.reviewer,
                                   f"{KINDS.get(f.kind, f.kind)}{crit}：{f.message.split(' / ')[0]}",
                                   state))
    return ReportContent(plist.policy_id, agg.settings.method_label, tuple(members), tuple(rows),
                         tuple(flag_lines),
                         "不限" if plist.pool is None else fmt_grouped(plist.pool),
                         fmt_grouped(plist.granted), day or date.today())


# --- layout -----------------------------------------------------------------------------------

def render_report(content: ReportContent) -> tuple[bytes, list[SignatureBox]]:
    """The report PDF and, per member in order, the box their signature will cover."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Flowable,
        KeepTogether,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from slq_desk.opinion.pdfstyle import HEADER_FILL, pdf_styles

    st = pdf_styles(base_size=9, base_leading=13)
    p = st.para
    page_w, page_h = A4
    margin = 16 * mm
    width = page_w - 2 * margin
    grid = TableStyle([*st.grid.getCommands(), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)])
    names = [m.name for m in content.members]
    story: list[Any] = [
        p("评审报告", st.title),
        p(f"政策 {content.policy_id}　·　{content.day:%Y年%m月%d日}", st.subtitle), Spacer(1, 6),
        p(f"评审组成员：{'、'.join(f'{m.name}（{m.organisation}）' if m.organisation else m.name for m in content.members)}。"
          f"汇总方法：{content.method_label}。资金池：{content.pool}；拨付合计：{content.granted} 元。"
          "各成员在本报告上依次签名；持不同意见的成员在其签名中写明不同意见及理由。"),
        p("一、排序、金额与各专家评分", st.heading)]
    head = ["排名", "申报单位 / 编号", "综合得分", "名单", "建议金额（元）", "拨付金额（元）", *names]
    table: list[list[Any]] = [[p(h, st.small) for h in head]]
    for r in content.rows:
        table.append([p(r.rank, st.small), p(f"{r.applicant}\n{r.application_id}", st.small),
                      p(r.score, st.small), p(r.list_label, st.small), p(r.proposed, st.small),
                      p(r.granted, st.small),
                      *[p(r.expert_totals.get(n, "—"), st.small) for n in names]])
    fixed = [10, 52, 16, 12, 24, 24]
    rest = (width - sum(fixed) * mm) / max(1, len(names))
    story.append(Table(table, colWidths=[w * mm for w in fixed] + [rest] * len(names),
                       style=grid, repeatRows=1))
    story.append(p("二、复核情况", st.heading))
    if content.flags:
        ft: list[list[Any]] = [[p(h, st.small) for h in ("申报编号", "专家", "标记", "处理")]]
        for f in content.flags:
            ft.append([p(f.application_id, st.small), p(f.reviewer, st.small),
                       p(f.what, st.small), p(f.state, st.small)])
        story.append(Table(ft, colWidths=[38 * mm, 16 * mm, 70 * mm, width - 124 * mm],
                           style=grid, repeatRows=1))
    else:
        story.append(p("无复核标记。"))
    story.append(p("三、评审组对各申报的意见", st.heading))
    for r in content.rows:
        rec = f"（{r.recommendation}）" if r.recommendation else ""
        story.append(p(f"{r.rank}. {r.applicant}（{r.application_id}）{rec}：{r.opinion}"))
        story.append(Spacer(1, 3))

    box_w, box_h = BOX_W_MM * mm, BOX_H_MM * mm
    boxes: list[SignatureBox | None] = [None] * len(content.members)

    class MemberBox(Flowable):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return (box_w, box_h)

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.setStrokeColor(colors.HexColor("#999999"))
            c.setDash(3, 2)
            c.rect(0, 0, box_w, box_h)
            # No "待签署" text inside the box: the signature's appearance has no background,
            # and a placeholder would show through the signed stamp.
            c.restoreState()
            x, y = c.absolutePosition(0, 0)
            boxes[self.index] = SignatureBox(c.getPageNumber() - 1, x, y, x + box_w, y + box_h)

    sign_part: list[Any] = [p("四、评审组成员签名", st.heading)]
    for i, m in enumerate(content.members):
        sign_part += [p(f"{i + 1}. {m.name}" + (f"（{m.organisation}）" if m.organisation else "")),
                      MemberBox(i), Spacer(1, 4)]
    story.append(KeepTogether(sign_part[:3]))
    story += sign_part[3:]

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.setFont(st.font, 7.5)
        canvas.drawString(margin, 8 * mm, f"评审报告 · {content.policy_id} · 汇总方法：{content.method_label}")
        canvas.drawRightString(page_w - margin, 8 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin, title="评审报告",
                            author="、".join(names), creator="slq-desk", lang="zh-CN",
                            initialFontName=st.font)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    assert all(b is not None for b in boxes)
    return buf.getvalue(), [b for b in boxes if b is not None]


def build_report(content: ReportContent, when: datetime | None = None) -> bytes:
    """The unsigned report: the layout plus, in one incremental update, the report data and an
    empty signature field per member (so signing later only fills fields DocMDP allows)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    from slq_desk.opinion.sign import Attachment, _embed

    pdf, boxes = render_report(content)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    data = json.dumps(content.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    _embed(writer, Attachment(REPORT_ATTACHMENT, data, description="评审报告数据 (panel report, "
                              "machine-readable)"), when or datetime.now(UTC))
    for i, (m, box) in enumerate(zip(content.members, boxes, strict=True)):
        fields.append_signature_field(writer, fields.SigFieldSpec(
            sig_field_name=f"{FIELD_PREFIX}{i + 1}", on_page=box.page, box=box.as_ints(),
            readable_field_name=f"评审组成员签名：{m.name}"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- signing ----------------------------------------------------------------------------------

def report_data(reader: Any) -> dict[str, Any]:
    from slq_desk.opinion.verify import embedded_file

    raw = embedded_file(reader, REPORT_ATTACHMENT)
    if raw is None:
        raise BadInput(f"不是评审报告：文件中没有 {REPORT_ATTACHMENT} / not a panel report")
    doc = json.loads(raw.decode("utf-8"))
    if doc.get("schema") != REPORT_SCHEMA:
        raise BadInput("不是评审报告 / not a panel report (unknown schema)")
    return doc


def _wrap(text: str, width: int = 52) -> str:
    """Break a long dissent into lines the stamp can hold (it does not wrap by itself)."""
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        while len(para) > width:
            lines.append(para[:width])
            para = para[width:]
        lines.append(para)
    return "\n".join(lines)


def sign_report(pdf: bytes, identity: LoadedIdentity, dissent: str | None = None,
                member: str | None = None, when: datetime | None = None) -> bytes:
    """Sign the member's own field; the first signature certifies (DocMDP FILL_FORMS)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    from slq_desk.opinion.sign import _simple_signer, stamp_font_bytes

    name = member or identity.info.name
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        doc = report_data(reader)
        existing = {s.field_name for s in reader.embedded_signatures}
    except BadInput:
        raise
    except Exception as err:  # noqa: BLE001 — a damaged file is bad input, never a crash
        raise BadInput(f"评审报告无法读取 / cannot read the report: {err}") from None
    entry = next((m for m in doc.get("members", []) if m.get("name") == name), None)
    if entry is None:
        listed = "、".join(m.get("name", "") for m in doc.get("members", []))
        raise BadInput(f"{name} 不是本报告的评审组成员（{listed}）/ not a member of this panel")
    if identity.info.name != name:
        raise BadInput(f"证书姓名 {identity.info.name} 与成员 {name} 不符 / the certificate is not "
                       f"{name}'s")
    field_name = entry["field"]
    if field_name in existing:
        raise BadInput(f"{name} 已签署本报告 / {name} has already signed this report")
    dissent = (dissent or "").strip()
    verdict = f"{DISSENT_PREFIX}{dissent}" if dissent else AGREE
    stamp_when = (when or datetime.now(UTC)).astimezone(BEIJING)
    params = {"signer": name, "org": identity.info.organisation or entry.get("organisation", ""),
              "verdict": _wrap(verdict), "when": f"{stamp_when:%Y年%m月%d日 %H:%M}（北京时间）"}
    font = stamp_font_bytes("".join(sorted(set(STAMP + "".join(params.values()) + "：（）"))))
    style = _stamp_style(font, TextStampStyle)
    certify = not existing
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=verdict, location="中国", name=name, certify=certify,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = io.BytesIO()
    signers.PdfSigner(meta, signer=_simple_signer(identity), stamp_style=style).sign_pdf(
        writer, output=out, appearance_text_params=params)
    return out.getvalue()


def _stamp_style(font_bytes: bytes, style_cls: Any) -> Any:
    from pyhanko.pdf_utils.font.opentype import (
        GlyphAccumulator,
        GlyphAccumulatorFactory,
    )
    from pyhanko.pdf_utils.text import TextBoxStyle

    @dataclass(frozen=True)
    class _MemoryFontFactory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(font_bytes),
                                    font_size=self.font_size, obj_stream=obj_stream)

    return style_cls(
        stamp_text=STAMP,
        text_box_style=TextBoxStyle(font=_MemoryFontFactory(font_file="<cjk>", font_size=9),
                                    font_size=9, leading=12),
        border_width=1, border_color=(0.55, 0.1, 0.1), background=None)


# --- verification -----------------------------------------------------------------------------

@dataclass
class SignatureCheck:
    field_name: str
    member: str
    signer: str  # the certificate's common name
    cert_sha256: str
    signed_at: datetime | None
    certification: bool
    verdict: str  # the signature's /Reason
    dissent: str  # "" when the member agreed
    byte_range: tuple[int, ...]
    revision_end: int
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    trusted: bool = False
    registered: bool = False  # the certificate is the one the expert pool registered

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field_name, "member": self.member, "signer": self.signer,
                "cert_sha256": self.cert_sha256,
                "signed_at": self.signed_at.isoformat() if self.signed_at else None,
                "signed_at_beijing": (self.signed_at.astimezone(BEIJING).strftime(
                    "%Y-%m-%d %H:%M:%S 北京时间") if self.signed_at else None),
                "certification": self.certification, "verdict": self.verdict,
                "dissent": self.dissent, "byte_range": list(self.byte_range),
                "revision_end": self.revision_end, "valid": self.ok,
                "trusted": self.trusted, "registered": self.registered,
                "problems": list(self.problems), "notes": list(self.notes)}


@dataclass
class ReportCheck:
    path: str
    signatures: list[SignatureCheck] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sha256: str = ""

    @property
    def valid(self) -> bool:
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)

    @property
    def unsigned(self) -> list[str]:
        done = {s.member for s in self.signatures}
        return [m for m in self.members if m not in done]

    @property
    def dissenters(self) -> list[str]:
        return [s.member for s in self.signatures if s.dissent]

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "valid": self.valid,
                "complete": self.valid and not self.unsigned, "members": self.members,
                "unsigned": self.unsigned, "dissenters": self.dissenters,
                "problems": self.problems,
                "signatures": [s.to_json() for s in self.signatures]}


def revision_ends(data: bytes) -> list[int]:
    """Byte offsets just after each ``%%EOF`` marker (and its end-of-line), i.e. where each
    revision of the file ends."""
    ends = []
    for m in re.finditer(rb"%%EOF(\r\n|\r|\n)?", data):
        ends.append(m.end())
    return ends


def verify_report(data: bytes, label: str = "<report>",
                  registered: dict[str, str] | None = None) -> ReportCheck:
    """Every signature: pyHanko's integrity and DocMDP checks, plus our own byte-range check
    (from byte 0 to the end of a revision, each covering more than the one before, the last
    covering the whole file). With ``registered`` (member → certificate SHA-256 from the expert
    pool), a member's signature by any other certificate is invalid."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from slq_desk.opinion.verify import _quiet_pyhanko

    check = ReportCheck(label, sha256=hashlib.sha256(data).hexdigest())
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        doc = report_data(reader)
        sigs = list(reader.embedded_signatures)
    except BadInput as err:
        check.problems.append(str(err))
        return check
    except Exception as err:  # noqa: BLE001 — hostile or damaged input: invalid, no crash
        check.problems.append(f"文件已损坏，无法解析 / damaged PDF: {type(err).__name__}: {err}")
        return check
    by_field = {m.get("field"): m.get("name", "") for m in doc.get("members", [])}
    check.members = [m.get("name", "") for m in doc.get("members", [])]
    if not sigs:
        check.problems.append("报告尚无签名 / the report carries no signature")
        return check
    ends = revision_ends(data)
    previous_end = 0
    for sig in sigs:
        sd = sig.sig_object
        br = tuple(int(x) for x in sd.get("/ByteRange", []))
        reason = str(sd.get("/Reason", ""))
        sc = SignatureCheck(field_name=sig.field_name, member=by_field.get(sig.field_name, ""),
                            signer="", cert_sha256="", signed_at=None,
                            certification=sig.docmdp_level is not None,
                            verdict=reason,
                            dissent=reason[len(DISSENT_PREFIX):] if reason.startswith(
                                DISSENT_PREFIX) else "",
                            byte_range=br, revision_end=br[2] + br[3] if len(br) == 4 else -1)
        if not sc.member:
            sc.problems.append(f"签名域 {sig.field_name} 不属于任何成员 / the field belongs to no "
                               "member of this panel")
        # Our own range check, independent of pyHanko.
        if len(br) != 4 or br[0] != 0:
            sc.problems.append("签名范围不从文件开头开始 / the byte range does not start at 0")
        elif sc.revision_end not in ends:
            sc.problems.append("签名范围未止于某一修订版的结尾 / the byte range does not end at "
                               "the end of a revision")
        elif sc.revision_end <= previous_end:
            sc.problems.append("签名范围未覆盖此前的签名 / the byte range does not extend past "
                               "the previous signature")
        if len(br) == 4:
            previous_end = max(previous_end, sc.revision_end)
        try:
            from cryptography import x509 as cx509
            from cryptography.hazmat.primitives import hashes
            from cryptography.x509.oid import NameOID

            cert = cx509.load_der_x509_certificate(sig.signer_cert.dump())
            cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
            sc.signer = str(cn[0].value) if cn else ""
            sc.cert_sha256 = cert.fingerprint(hashes.SHA256()).hex()
            with _quiet_pyhanko():
                status = validate_pdf_signature(
                    sig, ValidationContext(trust_roots=[], allow_fetching=False))
        except Exception as err:  # noqa: BLE001 — an unreadable signature is invalid
            sc.problems.append(f"签名无法核验 / cannot validate: {type(err).__name__}: {err}")
            check.signatures.append(sc)
            continue
        sc.signed_at = status.signer_reported_dt
        sc.trusted = bool(status.trusted)
        if not status.intact:
            sc.problems.append("签名后内容被改动：摘要不符 / digest mismatch")
        elif not status.valid:
            sc.problems.append("签名值无效 / signature value invalid")
        level = status.modification_level
        if level is None or level > ModificationLevel.FORM_FILLING:
            sc.problems.append(f"签名之后文件被修改（不只是签名或填表）/ modified after signing: "
                               f"{level.name if level is not None else 'unknown'}")
        if getattr(status, "docmdp_ok", True) is False:
            sc.problems.append("违反文档修改权限（DocMDP）/ DocMDP violated")
        expected = (registered or {}).get(sc.member, "")
        sc.registered = bool(expected) and sc.cert_sha256 == expected
        if expected and sc.cert_sha256 != expected:
            sc.problems.append(f"签名证书与专家库登记的 {sc.member} 的证书不同 / not the certificate "
                               f"registered for {sc.member} in the pool")
        elif registered is not None and not expected:
            sc.notes.append(f"专家库未登记 {sc.member} 的证书，请核对指纹 / no certificate registered "
                            "for this member: compare the fingerprint")
        if sc.member and sc.signer != sc.member:
            sc.problems.append(f"签名证书为 {sc.signer}，签名域属于 {sc.member} / the certificate is "
                               "not the member's")
        check.signatures.append(sc)
    if previous_end < len(data.rstrip(b"\r\n\x00 ")):
        check.problems.append("最后一个签名之后文件又有改动 / the file was changed after the "
                              "last signature")
    if sigs[0].docmdp_level is None:
        check.problems.append("第一个签名不是认证签名（DocMDP）/ the first signature is not a "
                              "certification signature")
    return check
