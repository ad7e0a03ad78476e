"""复核 flags on the experts' imported opinions, the 复核 request, and its resolution.

Four rules, thresholds in the panel settings (table ``[recheck]``):

* 畸高畸低 (``outlier``): on one criterion, |score − mean of the other experts' scores| is more
  than ``outlier_fraction`` of the criterion's maximum (needs at least three experts);
* 偏离均值 (``deviation``): an expert's total differs from the mean of all the experts' totals
  for that application by more than ``deviation_fraction`` (±30 % by default) of that mean;
* 计算错误 (``arithmetic``): the total is not Σ score ÷ max × weight over the criteria (the
  criteria's minimum is taken as 0 — the opinion data carries no minimum; the message says so);
* 超出分值范围 (``range``): a criterion score below 0 or above its maximum, or a total outside
  0–100.

Each flag is a row (``PanelFlag``) naming the exact opinion it was raised on. The chair sends a
复核 request; the expert answers with a written explanation or a revised, newly signed opinion,
which is imported like any other (the old one stays, superseded); the flag records which.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.panel import ACTIVE, PanelOpinion
from slq_desk.models.panel_process import (
    FLAG_OPEN,
    FLAG_REQUESTED,
    FLAG_RESOLVED,
    PanelFlag,
)
from slq_desk.models.schema import Setting
from slq_desk.money import D, MoneyError
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.panel.collect import held_ids, opinions
from slq_desk.review.aggregate import CTX
from slq_desk.workspace import Workspace

KINDS = {"outlier": "畸高畸低", "deviation": "偏离均值", "arithmetic": "计算错误",
         "range": "超出分值范围"}
RESOLUTIONS = {"explained": "书面说明", "revised": "修改后重新签署"}
STATUS_LABELS = {FLAG_OPEN: "待复核", FLAG_REQUESTED: "已发复核通知", FLAG_RESOLVED: "已复核"}


@dataclass(frozen=True)
class FlagSettings:
    outlier_fraction: Decimal = Decimal("0.25")
    deviation_fraction: Decimal = Decimal("0.30")
    arithmetic_tolerance: Decimal = Decimal("0.01")
    outlier_min_reviewers: int = 3

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None,
                     origin: str = "panel settings [recheck]") -> FlagSettings:
        raw = raw or {}
        if not isinstance(raw, Mapping):
            raise BadInput(f"{origin}: 应为表 / expected a table")
        known = {"outlier_fraction", "deviation_fraction", "arithmetic_tolerance",
                 "outlier_min_reviewers"}
        unknown = set(raw) - known
        if unknown:
            raise BadInput(f"{origin}: 未知设置 {', '.join(sorted(unknown))} / unknown keys")

        def num(key: str, default: Decimal) -> Decimal:
            value = raw.get(key)
            if value is None:
                return default
            if isinstance(value, (float, bool)):
                raise BadInput(f"{origin}.{key}: 不得使用浮点数，请写成字符串 / write {value!r} as "
                               "a string")
            try:
                out = D(str(value))
            except MoneyError:
                raise BadInput(f"{origin}.{key}: 不是数字 / not a number: {value!r}") from None
            if out < 0:
                raise BadInput(f"{origin}.{key}: 不得为负 / must not be negative")
            return out

        n = raw.get("outlier_min_reviewers", 3)
        if isinstance(n, bool) or not isinstance(n, int) or n < 3:
            raise BadInput(f"{origin}.outlier_min_reviewers: 应为不小于3的整数 / an integer ≥ 3")
        return cls(num("outlier_fraction", cls.outlier_fraction),
                   num("deviation_fraction", cls.deviation_fraction),
                   num("arithmetic_tolerance", cls.arithmetic_tolerance), n)


def stored_flag_settings(s: Session) -> FlagSettings:
    """The ``[recheck]`` table of the workspace's stored panel settings (defaults without)."""
    row = s.get(Setting, "panel:settings")
    raw = row.value if row is not None and isinstance(row.value, dict) else {}
    return FlagSettings.from_mapping(raw.get("recheck"))


def file_flag_settings(path: Path) -> FlagSettings:
    import tomllib

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"找不到评审组设置文件 / no panel settings file at {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise BadInput(f"{path}: 无法读取 / cannot read: {err}") from None
    return FlagSettings.from_mapping(raw.get("recheck"), f"{path} [recheck]")


@dataclass(frozen=True)
class Finding:
    application_id: str
    reviewer: str
    kind: str
    criterion: str  # "" for the total
    value: Decimal
    reference: Decimal
    threshold: Decimal
    message: str
    opinion_sha256: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.opinion_sha256, self.kind, self.criterion)


def _criteria(o: PanelOpinion) -> list[dict[str, Any]]:
    return [c for c in (o.data or {}).get("criteria", []) if isinstance(c, dict) and "key" in c]


def _dec(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return D(str(value))
    except MoneyError:
        return None


def _fmt(value: Decimal) -> str:
    text = format(value.quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def opinion_findings(o: PanelOpinion, settings: FlagSettings) -> list[Finding]:
    """The rules that need one opinion only: arithmetic and range."""
    out: list[Finding] = []
    total = _dec(o.total)
    weighted = Decimal("0")
    complete = True
    for c in _criteria(o):
        score, top, weight = _dec(c.get("score")), _dec(c.get("max_score")), _dec(c.get("weight"))
        name = str(c.get("name") or c["key"])
        if score is None or top is None or top <= 0:
            complete = False
            continue
        if score < 0 or score > top:
            out.append(Finding(o.application_id, o.reviewer, "range", c["key"], score, top, top,
                               f"{name} 得分 {_fmt(score)} 超出 0–{_fmt(top)} 分值范围 / score "
                               f"outside 0–{_fmt(top)}", o.sha256))
        if weight is None:
            complete = False
            continue
        weighted += CTX.divide(CTX.multiply(score, weight), top)
    if total is not None and (total < 0 or total > 100):
        out.append(Finding(o.application_id, o.reviewer, "range", "", total, Decimal(100),
                           Decimal(100), f"总分 {_fmt(total)} 超出 0–100 / total outside 0–100",
                           o.sha256))
    if total is not None and complete and _criteria(o):
        diff = abs(total - weighted)
        if diff > settings.arithmetic_tolerance:
            out.append(Finding(o.application_id, o.reviewer, "arithmetic", "", total, weighted,
                               settings.arithmetic_tolerance,
                               f"总分 {_fmt(total)} 与各项加权合计 {_fmt(weighted)} 不符（各项最低分按0计）"
                               f" / total differs from the weighted sum (criteria minimum taken "
                               "as 0)", o.sha256))
    return out


def panel_findings(rows: list[PanelOpinion], settings: FlagSettings) -> list[Finding]:
    """The rules that compare one expert with the others on the same application."""
    out: list[Finding] = []
    totals = [(o, _dec(o.total)) for o in rows]
    known = [(o, t) for o, t in totals if t is not None]
    if len(known) >= 2:
        mean = CTX.divide(sum((t for _o, t in known), Decimal("0")), Decimal(len(known)))
        limit = CTX.multiply(mean, settings.deviation_fraction)
        for o, t in known:
            if mean > 0 and abs(t - mean) > limit:
                share = CTX.divide(CTX.multiply(t - mean, Decimal(100)), mean)
                out.append(Finding(o.application_id, o.reviewer, "deviation", "", t, mean, limit,
                                   f"总分 {_fmt(t)} 偏离平均分 {_fmt(mean)} 达 {_fmt(share)}%，超过 "
                                   f"±{_fmt(settings.deviation_fraction * 100)}% / total deviates "
                                   "from the mean", o.sha256))
    if len(rows) >= settings.outlier_min_reviewers:
        by_key: dict[str, list[tuple[PanelOpinion, Decimal, Decimal, str]]] = defaultdict(list)
        for o in rows:
            for c in _criteria(o):
                score, top = _dec(c.get("score")), _dec(c.get("max_score"))
                if score is not None and top is not None and top > 0:
                    by_key[c["key"]].append((o, score, top, str(c.get("name") or c["key"])))
        for key, entries in sorted(by_key.items()):
            if len(entries) < settings.outlier_min_reviewers:
                continue
            for i, (o, score, top, name) in enumerate(entries):
                others = [e[1] for j, e in enumerate(entries) if j != i]
                mean = CTX.divide(sum(others, Decimal("0")), Decimal(len(others)))
                limit = CTX.multiply(top, settings.outlier_fraction)
                if abs(score - mean) > limit:
                    word = "畸高" if score > mean else "畸低"
                    out.append(Finding(o.application_id, o.reviewer, "outlier", key, score, mean,
                                       limit, f"{name} 得分 {_fmt(score)}{word}：其他专家平均 "
                                       f"{_fmt(mean)}，差距超过满分 {_fmt(top)} 的 "
                                       f"{_fmt(settings.outlier_fraction * 100)}% / far from the "
                                       "other experts", o.sha256))
    return out


def detect(s: Session, settings: FlagSettings) -> list[Finding]:
    """Every finding on the active opinions of the applications the workspace holds."""
    held = held_ids(s)
    by_app: dict[str, list[PanelOpinion]] = defaultdict(list)
    for o in opinions(s, include_superseded=False):
        if o.application_id in held:
            by_app[o.application_id].append(o)
    out: list[Finding] = []
    for app_id in sorted(by_app):
        rows = by_app[app_id]
        for o in rows:
            out += opinion_findings(o, settings)
        out += panel_findings(rows, settings)
    return out


def refresh(s: Session, actor: str, settings: FlagSettings) -> list[PanelFlag]:
    """Store a flag for every new finding; flags already raised keep their state."""
    have = {(f.opinion_sha256, f.kind, f.criterion) for f in s.scalars(select(PanelFlag))}
    new: list[PanelFlag] = []
    for f in detect(s, settings):
        if f.key in have:
            continue
        row = PanelFlag(application_id=f.application_id, reviewer=f.reviewer, kind=f.kind,
                        criterion=f.criterion, value=format(f.value, "f"),
                        reference=_fmt(f.reference), threshold=_fmt(f.threshold),
                        message=f.message, opinion_sha256=f.opinion_sha256, status=FLAG_OPEN)
        s.add(row)
        s.flush()
        have.add(f.key)
        audit.record(s, actor, "panel.flag", "panel_flag", row.id, None,
                     {"application_id": f.application_id, "reviewer": f.reviewer,
                      "kind": f.kind, "criterion": f.criterion, "opinion": f.opinion_sha256})
        new.append(row)
    return new


def all_flags(s: Session, application_id: str | None = None) -> list[PanelFlag]:
    q = select(PanelFlag).order_by(PanelFlag.application_id, PanelFlag.reviewer, PanelFlag.id)
    if application_id:
        q = q.where(PanelFlag.application_id == application_id)
    return list(s.scalars(q))


def _flag(s: Session, flag_id: int) -> PanelFlag:
    row = s.get(PanelFlag, flag_id)
    if row is None:
        raise BadInput(f"没有编号为 {flag_id} 的复核标记 / no flag {flag_id}")
    return row


def request_recheck(s: Session, actor: str, flag_id: int, note: str = "") -> dict[str, Any]:
    """Mark the flag as sent for 复核 and return the request (what the expert receives)."""
    row = _flag(s, flag_id)
    if row.status == FLAG_RESOLVED:
        raise BadInput(f"复核标记 {flag_id} 已处理 / flag {flag_id} is already resolved")
    row.status, row.requested_by, row.request_note = FLAG_REQUESTED, actor, note
    row.requested_at = datetime.now(UTC)
    s.flush()
    audit.record(s, actor, "panel.recheck_request", "panel_flag", row.id, None,
                 {"reviewer": row.reviewer, "note": note})
    return request_document(row)


def request_document(row: PanelFlag) -> dict[str, Any]:
    what = KINDS.get(row.kind, row.kind)
    text = (f"{row.reviewer} 专家：您对申报 {row.application_id} 的评审意见被标记为“{what}”："
            f"{row.message}。请书面说明理由，或修改评分后重新签署评审意见。"
            + (f"组长附言：{row.request_note}" if row.request_note else ""))
    return {"schema": "slq-desk/recheck-request", "schema_version": 1, "flag": row.id,
            "application_id": row.application_id, "reviewer": row.reviewer, "kind": row.kind,
            "kind_label": what, "criterion": row.criterion, "value": row.value,
            "reference": row.reference, "threshold": row.threshold,
            "opinion_sha256": row.opinion_sha256, "requested_by": row.requested_by,
            "requested_at": row.requested_at.isoformat() if row.requested_at else None,
            "text": text}


def write_request(path: Path, doc: dict[str, Any], replace: bool = False) -> None:
    from slq_desk.opinion.export import write_atomically

    write_atomically(path, json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"),
                     replace)


@dataclass(frozen=True)
class Resolution:
    flag_id: int
    resolution: str
    revised_sha256: str = ""
    still_flagged: tuple[str, ...] = ()  # what the revised opinion still triggers


def resolve(ws: Workspace, flag_id: int, *, explanation: str | None = None,
            revised: Path | None = None, settings: FlagSettings | None = None) -> Resolution:
    """Close a flag with the expert's written explanation, or a revised signed opinion (which
    is verified and imported; the flagged opinion stays, superseded)."""
    if not explanation and revised is None:
        raise BadInput("请给出书面说明或修改后的评审意见 / give an explanation or a revised "
                       "opinion")
    with ws.session() as s:
        row = _flag(s, flag_id)
        if row.status == FLAG_RESOLVED:
            raise BadInput(f"复核标记 {flag_id} 已处理 / flag {flag_id} is already resolved")
        app_id, reviewer, old_sha = row.application_id, row.reviewer, row.opinion_sha256
    revised_sha = ""
    if revised is not None:
        revised_sha = _import_revision(ws, revised, app_id, reviewer, old_sha)
    still: list[str] = []
    with ws.session() as s:
        row = _flag(s, flag_id)
        row.status, row.resolved_by = FLAG_RESOLVED, ws.actor
        row.resolved_at = datetime.now(UTC)
        row.explanation = explanation or ""
        row.resolution = "revised" if revised_sha else "explained"
        row.revised_sha256 = revised_sha
        s.flush()
        audit.record(s, ws.actor, "panel.recheck_resolve", "panel_flag", row.id, None,
                     {"resolution": row.resolution, "explanation": row.explanation,
                      "revised": revised_sha, "flagged_opinion": old_sha})
        if revised_sha:
            fs = settings or stored_flag_settings(s)
            still = [f.message for f in detect(s, fs) if f.opinion_sha256 == revised_sha
                     and f.kind == row.kind and f.criterion == row.criterion]
        return Resolution(flag_id, row.resolution, revised_sha, tuple(still))


def _import_revision(ws: Workspace, path: Path, app_id: str, reviewer: str,
                     old_sha: str) -> str:
    """Verify the revised opinion belongs to this expert and application, then import it."""
    from slq_desk.opinion.verify import read_pdf_bytes, verify_bytes
    from slq_desk.panel.collect import import_opinions

    data = read_pdf_bytes(path)
    result = verify_bytes(data, str(path))
    if not result.valid or result.data is None:
        raise BadInput(f"{path}: 修改后的评审意见验证未通过 / the revised opinion does not "
                       f"verify: {'; '.join(result.reasons) or 'no opinion data'}")
    if result.data.application_id != app_id or result.data.reviewer != reviewer:
        raise BadInput(f"{path}: 这是 {result.data.reviewer} 对 {result.data.application_id} 的意见，"
                       f"不是 {reviewer} 对 {app_id} 的 / the revised opinion is for another expert "
                       "or application")
    report = import_opinions(ws, path)
    if report.refused:
        raise BadInput(f"{path}: 导入被拒绝 / refused: "
                       + "; ".join(r for x in report.refused for r in x.reasons))
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    if digest == old_sha:
        raise BadInput(f"{path}: 与被标记的意见相同 / this is the flagged opinion itself")
    with ws.session() as s:
        row = s.scalars(select(PanelOpinion).where(PanelOpinion.sha256 == digest)).first()
        if row is None or row.status != ACTIVE:
            raise BadInput(f"{path}: 修改后的意见不晚于原意见，未生效 / the revised opinion is not "
                           "newer than the flagged one, so it did not replace it")
    return digest


def revise_opinion(signed: bytes, identity: LoadedIdentity, scores: Mapping[str, str],
                   comments: Mapping[str, str], note: str = "",
                   day: date | None = None) -> bytes:
    """The expert's side of 复核: their signed opinion with changed scores (and comments),
    the total recomputed (Σ score ÷ max × weight), signed anew. Only the signer of the
    original may revise it; a score outside its range is refused."""
    from dataclasses import replace

    from slq_desk.opinion.data import Criterion
    from slq_desk.opinion.verify import verify_bytes
    from slq_desk.panel.demo import sign_opinion

    result = verify_bytes(signed, "<opinion>")
    if not result.valid or result.data is None:
        raise BadInput("原评审意见验证未通过 / the opinion to revise does not verify: "
                       + "; ".join(result.reasons))
    data = result.data
    if data.reviewer != identity.info.name:
        raise BadInput(f"只有 {data.reviewer} 本人可以修改此意见 / only {data.reviewer} may revise "
                       "this opinion")
    keys = {c.key for c in data.criteria}
    unknown = (set(scores) | set(comments)) - keys
    if unknown:
        raise BadInput(f"意见中没有评分项 {', '.join(sorted(unknown))} / unknown criteria")
    criteria: list[Criterion] = []
    total = Decimal("0")
    for c in data.criteria:
        score = c.score
        if c.key in scores:
            try:
                score = D(scores[c.key])
            except MoneyError:
                raise BadInput(f"{c.key}: {scores[c.key]!r} 不是数字 / not a number") from None
        if c.max_score is None or c.weight is None or c.max_score <= 0:
            raise BadInput(f"{c.key}: 意见未写明满分或权重，无法重算总分 / no maximum or weight")
        if not Decimal("0") <= score <= c.max_score:
            raise BadInput(f"{c.name} 得分 {score} 超出 0–{c.max_score} / out of range")
        total += CTX.divide(CTX.multiply(score, c.weight), c.max_score)
        criteria.append(replace(c, score=score, comment=comments.get(c.key, c.comment)))
    comment = data.comment
    if note:
        comment = f"{comment}\n复核说明：{note}" if comment else f"复核说明：{note}"
    revised = replace(data, criteria=criteria, total=total, comment=comment,
                      review_date=day or date.today())
    return sign_opinion(revised, identity)
