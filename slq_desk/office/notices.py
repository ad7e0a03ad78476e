"""The office's numbered notices: 补正材料通知书 (一次性告知), 受理通知书, 不予受理通知书.

Two steps, so the official decides what the applicant is told:

1. ``draft_notice`` builds the notice from the application's findings and gives it its 文书编号
   (``<office>补正告字〔2026〕3号``: one sequence per office and year, shared by the three kinds,
   stored in ``office_notice`` so a number is never issued twice). The draft is a JSON file
   (``NoticeDraft.write``) the official edits: items, wording of each problem and requirement,
   the deadline, the 承办人, reasons of a refusal.
2. ``sign_notice`` reads the edited draft back, checks it is the notice it claims to be (same
   number, application and kind, not signed before), renders it (``notice_pdf``) and signs it
   with the same code path as the 初审意见 (``opinion.sign.finalise``, PAdES), the draft JSON
   embedded as an attachment.

The deadline of a 补正 notice is counted in working days (Monday–Friday; the statutory holidays
and their make-up working days are not known offline, so the draft says so and the official
checks the date) or in calendar days. The legal basis printed on each notice (行政许可法,
优化营商环境条例, 行政复议法, 行政诉讼法) is the wording of the notice, not a policy rule.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.kinds import kind_label
from slq_desk.models.office import OfficeNotice
from slq_desk.models.schema import Application, Document, Setting
from slq_desk.models.types import utcnow

FORMAT = "slq-desk-notice/1"
CHINA = timezone(timedelta(hours=8))
OFFICE_SETTING = "office.name"
DEFAULT_WORKING_DAYS = 15
KINDS = {
    "supplement": ("补正材料通知书", "补正告字"),
    "acceptance": ("受理通知书", "受字"),
    "rejection": ("不予受理通知书", "不受字"),
}
ATTACHMENT_NAME = "slq-notice.json"

# What the corrected material must meet, per finding code; the official edits it in the draft.
STANDARDS = {
    "material_missing": "补交该材料（加盖申报单位公章的原件扫描件或电子件）",
    "amount_words_mismatch": "提交大写与小写金额一致的发票（重新开具或经税务机关查验一致）",
    "pdf_encrypted": "提交未加密、无需密码即可打开的PDF文件",
    "pdf_broken": "提交完整、可正常打开的PDF文件",
    "pdf_timeout": "提交可正常打开的PDF文件",
    "image_only_page": "提交带文字层的电子文件，或清晰完整的扫描件",
    "entry_refused": "按要求重新提交该文件（PDF格式，不得为链接、压缩包嵌套或加密文件）",
    "unsupported_file": "以PDF格式重新提交",
    "facts_incomplete": "补充能证明相关金额、日期的材料",
    "direction_missing": "在申报表中明确申报方向",
    "manifest_invalid": "按申报要求重新提交材料清单",
    "buyer_mismatch": "提交购买方为申报单位的发票，或说明情况并提供证明",
    "invoice_payment_mismatch": "提交与发票金额一致的付款凭证，或说明差额原因",
    "uscc_invalid": "核对并提交正确的统一社会信用代码及营业执照",
}
GENERIC_STANDARD = "按所列依据的要求提交符合规定的材料或作出书面说明"


def working_days_after(start: date, days: int) -> date:
    """``days`` working days (Monday–Friday) after ``start``."""
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def beijing_today() -> date:
    return datetime.now(CHINA).date()


@dataclass
class NoticeItem:
    material: str
    problem: str
    article: str = ""
    standard: str = ""
    code: str = ""
    include: bool = True


@dataclass
class NoticeDraft:
    """The notice as the official edits it (one JSON file)."""

    notice_id: int
    kind: str
    number: str
    title: str
    office: str
    official: str
    application_id: str
    applicant_name: str
    applicant_uscc: str
    policy_id: str
    policy_name: str
    policy_document: str
    claimed_on: str  # ISO date, Beijing calendar
    issued_on: str
    deadline: str = ""
    deadline_rule: str = ""
    contact: str = ""
    items: list[NoticeItem] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    format: str = FORMAT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoticeDraft:
        if data.get("format") != FORMAT:
            raise BadInput(f"not an slq-desk notice draft (format {data.get('format')!r})")
        # The official edits this file by hand: say what is wrong rather than fail on a type.
        items_in, reasons_in = data.get("items", []), data.get("reasons", [])
        if not isinstance(items_in, list) or not all(isinstance(i, dict) for i in items_in):
            raise BadInput("items must be a list of {material, problem, article, standard, "
                           "include} objects")
        for n, item in enumerate(items_in, 1):
            if not isinstance(item.get("include", True), bool):
                raise BadInput(f"item {n}: include must be true or false")
            for key in ("material", "problem", "article", "standard", "code"):
                if not isinstance(item.get(key, ""), str):
                    raise BadInput(f"item {n}: {key} must be text")
        if not isinstance(reasons_in, list) or not all(isinstance(r, str) for r in reasons_in):
            raise BadInput("reasons must be a list of texts")
        for key in ("number", "official", "office", "deadline", "issued_on", "contact", "kind"):
            if not isinstance(data.get(key, ""), str):
                raise BadInput(f"{key} must be text")
        if not isinstance(data.get("notice_id"), int):
            raise BadInput("notice_id must be the number the draft was given")
        try:
            items = [NoticeItem(**{k: v for k, v in i.items()
                                   if k in NoticeItem.__dataclass_fields__})
                     for i in data.get("items", [])]
            known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
            known["items"] = items
            draft = cls(**known)
        except TypeError as err:
            raise BadInput(f"the notice draft is incomplete: {err}") from None
        for name in ("issued_on", "deadline", "claimed_on"):
            value = getattr(draft, name)
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise BadInput(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None
        if draft.kind not in KINDS:
            raise BadInput(f"unknown notice kind {draft.kind!r}")
        return draft

    def write(self, path: Path) -> None:
        try:
            path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
        except OSError as err:
            raise BadInput(f"cannot write {path}: {err.strerror or err}") from None

    @classmethod
    def read(cls, path: Path) -> NoticeDraft:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise BadInput(f"cannot read {path}: {err.strerror or err}") from None
        except json.JSONDecodeError as err:
            raise BadInput(f"{path} is not valid JSON (line {err.lineno}): {err.msg}") from None
        if not isinstance(data, dict):
            raise BadInput(f"{path} is not a notice draft")
        return cls.from_dict(data)

    @property
    def included(self) -> list[NoticeItem]:
        return [i for i in self.items if i.include]


def office_name(ws: Any, given: str | None) -> str:
    """The office named now (remembered for the next notices), else the remembered one."""
    with ws.session() as s:
        if given and given.strip():
            row = s.get(Setting, OFFICE_SETTING)
            if row is None:
                s.add(Setting(key=OFFICE_SETTING, value=given.strip()))
            else:
                row.value = given.strip()
            return given.strip()
        row = s.get(Setting, OFFICE_SETTING)
        if row is None or not str(row.value or "").strip():
            raise BadInput("name the office issuing the notice once (--office 武汉市数据局); "
                           "it is remembered for this workspace")
        return str(row.value)


def _items(s: Any, app_id: str, findings: list[Any]) -> list[NoticeItem]:
    """Every finding of the check report as an item: blocking ones included, warnings offered
    unticked for the official to add. The report's findings carry their articles (a finding
    made while reading a file cites the policy's materials articles)."""
    kinds = {d.original_name: d.kind for d in s.scalars(
        select(Document).where(Document.application_id == app_id))}
    order = {"block": 0, "warn": 1, "info": 2}
    out: list[NoticeItem] = []
    seen: set[tuple[str, str]] = set()
    for f in sorted(findings, key=lambda f: order.get(f.severity, 3)):
        if f.severity == "info" or (f.code, f.message_zh) in seen:
            continue
        seen.add((f.code, f.message_zh))
        files = [e.file for e in f.evidence if e.file]
        if f.code == "material_missing":
            material = f.message_zh.split("：", 1)[-1]
        elif files:
            material = f"{kind_label(kinds.get(files[0], 'other'))}（{files[0]}）"
        else:
            material = "申报材料"
        out.append(NoticeItem(material=material, problem=f.message_zh, article=f.article or "",
                              standard=STANDARDS.get(f.code, GENERIC_STANDARD), code=f.code,
                              include=f.severity == "block"))
    return out


def _number(office: str, kind: str, year: int, seq: int) -> str:
    return f"{office}{KINDS[kind][1]}〔{year}〕{seq}号"


def _numbered(s: Any, draft: NoticeDraft, office: str, year: int, actor: str) -> OfficeNotice:
    """Store the notice under the next free number of the office's year. Two clients of a
    shared workspace may race for a number: the unique constraint refuses the second, which
    takes the next one (inside a savepoint, so the rest of the transaction stands)."""
    tried = 0
    for _attempt in range(5):
        seq = max(tried + 1, int(s.scalar(select(func.max(OfficeNotice.seq)).where(
            OfficeNotice.office == office, OfficeNotice.year == year)) or 0) + 1)
        tried = seq
        draft.number = _number(office, draft.kind, year, seq)
        row = OfficeNotice(application_id=draft.application_id, kind=draft.kind, office=office,
                           year=year, seq=seq, number=draft.number, status="draft", draft={},
                           deadline=draft.deadline or None, created_by=actor)
        try:
            with s.begin_nested():
                s.add(row)
                s.flush()
        except IntegrityError:
            continue
        return row
    raise BadInput("could not give the notice a number: other clients kept taking the next "
                   "one; try again")


def draft_notice(ws: Any, app_id: str, kind: str = "supplement", office: str | None = None,
                 official: str = "", working_days: int | None = None,
                 calendar_days: int | None = None, reasons: list[str] | None = None,
                 today: date | None = None) -> NoticeDraft:
    """Number a new notice for the application and return its editable draft."""
    from slq_desk.policy import load_policy

    if kind not in KINDS:
        raise BadInput(f"unknown notice kind {kind!r}; one of {', '.join(KINDS)}")
    if working_days is not None and working_days <= 0 or calendar_days is not None and calendar_days <= 0:
        raise BadInput("the deadline must be at least one day")
    issuer = office_name(ws, office)
    issued = today or beijing_today()
    # The notice lists the application as it stands: the checks run first, as for the 初审意见.
    from slq_desk.checks import run_checks

    report = run_checks(ws, app_id)
    with ws.session() as s:
        app = s.get(Application, app_id)
        if app is None:
            raise BadInput(f"no application {app_id!r} in this workspace")
        policy = load_policy(app.policy_id)
        items = _items(s, app_id, report.findings)
        notes: list[str] = []
        deadline, rule = "", ""
        if kind == "supplement":
            if not any(i.include for i in items):
                notes.append("未发现需补正的阻断问题；如仍需补正，请在 items 中加入或勾选项目。")
            if calendar_days is not None:
                deadline = (issued + timedelta(days=calendar_days)).isoformat()
                rule = f"自本通知书发出之日起{calendar_days}日内"
            else:
                n = working_days or DEFAULT_WORKING_DAYS
                deadline = working_days_after(issued, n).isoformat()
                rule = f"自本通知书发出之日起{n}个工作日内"
                notes.append("截止日期按周一至周五计算，未扣除法定节假日及调休，签发前请核对。")
        blocking = sum(1 for i in items if i.include)
        if kind == "acceptance" and blocking:
            notes.append(f"尚有 {blocking} 项阻断问题未解决；材料不齐全或不符合法定形式的，"
                         "应一次性告知补正，而非受理。")
        refusal: list[str] = list(reasons or [])
        if kind == "rejection" and not refusal:
            refusal = [f"{i.problem}（《{policy.document}》{i.article}）" if i.article
                       else i.problem for i in items if i.include]
            if not refusal:
                raise BadInput("a 不予受理通知书 needs its reasons (--reason …): no blocking "
                               "finding gives one")
        year = issued.year
        claimed = app.claimed_at.astimezone(CHINA).date().isoformat() if app.claimed_at else ""
        draft = NoticeDraft(
            notice_id=0, kind=kind, number="", title=KINDS[kind][0], office=issuer,
            official=official, application_id=app_id, applicant_name=app.applicant_name,
            applicant_uscc=app.applicant_uscc, policy_id=policy.id, policy_name=policy.name,
            policy_document=policy.document, claimed_on=claimed,
            issued_on=issued.isoformat(), deadline=deadline, deadline_rule=rule,
            items=items if kind == "supplement" else [],
            reasons=refusal if kind == "rejection" else [], notes=notes)
        row = _numbered(s, draft, issuer, year, ws.actor)
        draft.notice_id = row.id
        row.draft = draft.to_dict()
        audit.record(s, ws.actor, "notice.draft", "office_notice", row.id, None,
                     {"application": app_id, "kind": kind, "number": draft.number,
                      "items": len(draft.included), "deadline": deadline})
    return draft


@dataclass(frozen=True)
class SignedNotice:
    path: Path
    number: str
    sha256: str
    pages: int
    signed: bool


def sign_notice(ws: Any, draft: NoticeDraft, out: Path, identity: Any = None) -> SignedNotice:
    """Render the edited draft, sign it (unsigned: a 草稿 copy), record it; see the module doc."""
    from slq_desk.office.notice_pdf import render_notice
    from slq_desk.opinion.sign import Attachment, SignRequest, finalise

    if draft.kind == "supplement" and not draft.included:
        raise BadInput("the 补正材料通知书 lists no item (every item has include: false)")
    if draft.kind == "supplement" and not draft.deadline:
        raise BadInput("the 补正材料通知书 needs a deadline")
    if draft.kind == "rejection" and not [r for r in draft.reasons if r.strip()]:
        raise BadInput("the 不予受理通知书 needs at least one reason")
    if not draft.official.strip():
        raise BadInput("name the 承办人 (official) in the draft")
    with ws.session() as s:
        row = s.get(OfficeNotice, draft.notice_id)
        if row is None or row.number != draft.number or row.application_id != draft.application_id \
                or row.kind != draft.kind:
            raise BadInput(f"the draft's notice {draft.number} (id {draft.notice_id}) is not a "
                           "notice drafted in this workspace; draft it here first")
        if row.status == "signed":
            raise BadInput(f"{draft.number} was signed already; a changed notice needs a new "
                           "number (draft again)")
    pdf, pages, box = render_notice(draft, signed=identity is not None)
    payload = json.dumps(draft.to_dict(), ensure_ascii=False, indent=2).encode("utf-8")
    pdf = finalise(pdf, SignRequest(
        box=box, attachments=(Attachment(ATTACHMENT_NAME, payload,
                                         description=f"{draft.title}（机器可读）"),),
        identity=identity, reason=f"{draft.title}签发", role="承办人",
        when=datetime.now(CHINA)))
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(pdf)
        os.replace(tmp, out)
    except OSError as err:
        raise BadInput(f"cannot write {out}: {err.strerror or err}") from None
    digest = hashlib.sha256(pdf).hexdigest()
    with ws.session() as s:
        row = s.get(OfficeNotice, draft.notice_id)
        assert row is not None
        before = {"status": row.status}
        row.draft = draft.to_dict()
        row.deadline = draft.deadline or None
        row.file_path = str(out.resolve())
        row.sha256 = digest
        if identity is not None:
            row.status = "signed"
            row.signer = identity.info.name
            row.signed_at = utcnow()
        audit.record(s, ws.actor, "notice.sign" if identity else "notice.render", "office_notice",
                     row.id, before, {"status": row.status, "number": row.number,
                                      "sha256": digest, "items": len(draft.included),
                                      "deadline": draft.deadline, "official": draft.official})
    return SignedNotice(out, draft.number, digest, pages, identity is not None)


def notices(ws: Any, app_id: str) -> list[dict[str, Any]]:
    with ws.session() as s:
        return [{"id": n.id, "kind": n.kind, "title": KINDS[n.kind][0], "number": n.number,
                 "status": n.status, "deadline": n.deadline, "file": n.file_path,
                 "sha256": n.sha256, "signer": n.signer}
                for n in s.scalars(select(OfficeNotice).where(
                    OfficeNotice.application_id == app_id).order_by(OfficeNotice.id))]
