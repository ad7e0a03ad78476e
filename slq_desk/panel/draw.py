"""The expert pool, the random draw of a batch's panel with recusal screening, and manual
substitution.

The pool is a TOML (``[[expert]]`` tables) or CSV file: name, organisation, fields, the path of
the expert's certificate (PEM, fingerprinted when read), and declared ties — employers,
shareholdings, relatives' companies, relatives (people). Before the draw every expert is
screened against every application of the batch: its applicant, the applicant's shareholders
and legal representative, and its suppliers (invoice sellers, contract suppliers) as the
workspace's extracted facts (corrections included) give them. An expert with any tie is
excluded, with the reason. The draw is ``random.Random(seed).sample`` over the eligible experts
sorted by name, so the same pool, applications and seed give the same panel; the seed (drawn
from ``secrets`` unless given) is stored with the draw and in the audit log.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import secrets
import tomllib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.panel_process import PanelDraw
from slq_desk.models.schema import Application, Document, ExtractedField

TIE_KINDS = {"employers": "任职单位", "shareholdings": "持股企业",
             "relatives_companies": "亲属任职或持股企业", "relatives": "亲属"}
LIST_SPLIT = re.compile(r"[;；、\n]")


@dataclass(frozen=True)
class Expert:
    name: str
    organisation: str = ""
    fields: tuple[str, ...] = ()
    certificate: str = ""  # path as written in the pool file
    cert_sha256: str = ""
    employers: tuple[str, ...] = ()
    shareholdings: tuple[str, ...] = ()
    relatives_companies: tuple[str, ...] = ()
    relatives: tuple[str, ...] = ()

    def ties(self) -> list[tuple[str, str]]:
        """(kind, name) of every declared tie; the organisation counts as an employer."""
        out = [("employers", self.organisation)] if self.organisation else []
        for kind in TIE_KINDS:
            out += [(kind, v) for v in getattr(self, kind) if v]
        return out

    def to_json(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def _norm(name: str) -> str:
    """Company and person names compared without spaces, with half-width brackets."""
    return re.sub(r"\s+", "", name).replace("（", "(").replace("）", ")").lower()


def _cert_fingerprint(path: Path, who: str) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    try:
        cert = x509.load_pem_x509_certificate(path.read_bytes())
    except FileNotFoundError:
        raise BadInput(f"专家 {who} 的证书文件不存在 / no certificate file at {path}") from None
    except (OSError, ValueError) as err:
        raise BadInput(f"专家 {who} 的证书无法读取 / cannot read the certificate {path}: "
                       f"{err}") from None
    return cert.fingerprint(hashes.SHA256()).hex()


def _list(value: Any, where: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in LIST_SPLIT.split(value) if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise BadInput(f"{where}: 应为字符串列表 / expected a list of strings, got {value!r}")


def load_pool(path: Path) -> list[Expert]:
    """Read a pool file (.toml or .csv); every problem names the expert and the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInput(f"找不到专家库文件 / no expert pool file at {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise BadInput(f"{path}: 无法读取 / cannot read: {err}") from None
    rows: list[dict[str, Any]]
    if path.suffix.lower() == ".csv":
        rows = [dict(r) for r in csv.DictReader(io.StringIO(text))]
    else:
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise BadInput(f"{path}: 不是有效的 TOML / not valid TOML: {err}") from None
        rows = raw.get("expert", [])
        if not isinstance(rows, list):
            raise BadInput(f"{path}: [[expert]] 应为表数组 / expected an array of tables")
    experts: list[Expert] = []
    seen: set[str] = set()
    for i, r in enumerate(rows, 1):
        where = f"{path} 第 {i} 位专家 / expert {i}"
        name = str(r.get("name") or "").strip()
        if not name:
            raise BadInput(f"{where}: 缺少姓名 / no name")
        if name in seen:
            raise BadInput(f"{where}: 专家 {name} 重复 / listed twice")
        seen.add(name)
        nested = r.get("ties")
        ties: dict[str, Any] = nested if isinstance(nested, dict) else r
        cert = str(r.get("certificate") or "").strip()
        fp = _cert_fingerprint((path.parent / cert), name) if cert else ""
        experts.append(Expert(
            name=name, organisation=str(r.get("organisation") or "").strip(),
            fields=_list(r.get("fields"), f"{where}.fields"), certificate=cert, cert_sha256=fp,
            **{k: _list(ties.get(k), f"{where}.{k}") for k in TIE_KINDS}))
    if not experts:
        raise BadInput(f"{path}: 专家库为空 / the pool lists no experts")
    return experts


def pool_digest(experts: list[Expert]) -> str:
    data = json.dumps([e.to_json() for e in experts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


# --- the parties of each application -----------------------------------------------------------

@dataclass
class Parties:
    applicant: str
    legal_representatives: set[str] = field(default_factory=set)
    shareholders: set[str] = field(default_factory=set)
    suppliers: set[str] = field(default_factory=set)

    def named(self) -> list[tuple[str, str]]:
        out = [("申报单位", self.applicant)] if self.applicant else []
        out += [("法定代表人", n) for n in sorted(self.legal_representatives)]
        out += [("股东", n) for n in sorted(self.shareholders)]
        out += [("供应商", n) for n in sorted(self.suppliers)]
        return out


def parties(s: Session, app_ids: list[str]) -> dict[str, Parties]:
    """Applicant, legal representative, shareholders and suppliers from the extracted facts."""
    out: dict[str, Parties] = {}
    for app_id in app_ids:
        app = s.get(Application, app_id)
        if app is None:
            raise BadInput(f"工作区中没有申报 {app_id} / no application {app_id}")
        out[app_id] = Parties(app.applicant_name or "")
    rows = s.execute(
        select(Document.application_id, ExtractedField)
        .join(ExtractedField, ExtractedField.document_id == Document.id)
        .where(Document.application_id.in_(app_ids)))
    items: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    for app_id, f in rows:
        value = f.effective_value.strip()
        if not value:
            continue
        p = out[app_id]
        if f.name == "legal_representative":
            p.legal_representatives.add(value)
        elif f.name in ("supplier_name", "seller_name"):
            p.suppliers.add(value)
        elif f.name in ("item.name", "item.share") and f.item_index is not None:
            items[(f.document_id, f.item_index)][f.name] = value
            items[(f.document_id, f.item_index)]["app"] = app_id
    for row in items.values():
        # A row with a share is a shareholder; invoice lines have names but no share.
        if "item.share" in row and "item.name" in row:
            out[row["app"]].shareholders.add(row["item.name"])
    return out


def screen(experts: list[Expert], by_app: dict[str, Parties]) -> dict[str, list[str]]:
    """Expert name → the reasons they must recuse (empty lists are left out)."""
    out: dict[str, list[str]] = {}
    for e in experts:
        reasons: list[str] = []
        ties = [(kind, _norm(v), v) for kind, v in e.ties()]
        me = _norm(e.name)
        for app_id, p in sorted(by_app.items()):
            for role, party in p.named():
                pn = _norm(party)
                for kind, tn, shown in ties:
                    if tn and tn == pn:
                        reasons.append(f"{app_id}：{role} {party} 是其{TIE_KINDS[kind]}"
                                       + ("" if shown == party else f"（{shown}）"))
                if role in ("法定代表人", "股东") and pn == me:
                    reasons.append(f"{app_id}：本人是申报单位的{role}")
        if reasons:
            out[e.name] = reasons
    return out


@dataclass(frozen=True)
class DrawResult:
    id: int
    batch: str
    seed: int
    drawn: tuple[str, ...]
    excluded: dict[str, list[str]]
    eligible: int


def draw(s: Session, actor: str, experts: list[Expert], batch: str, size: int,
         app_ids: list[str], seed: int | None = None) -> DrawResult:
    if size < 1:
        raise BadInput("抽取人数至少为1 / draw at least one expert")
    if not app_ids:
        raise BadInput("本批次没有申报 / the batch has no applications")
    by_app = parties(s, app_ids)
    excluded = screen(experts, by_app)
    eligible = sorted((e for e in experts if e.name not in excluded), key=lambda e: e.name)
    if len(eligible) < size:
        raise BadInput(f"回避后可抽专家 {len(eligible)} 人，少于所需 {size} 人 / only "
                       f"{len(eligible)} eligible experts after recusal, {size} needed")
    seed = secrets.randbits(64) if seed is None else seed
    drawn = tuple(e.name for e in random.Random(seed).sample(eligible, size))
    row = PanelDraw(batch=batch, seed=str(seed), size=size, pool_sha256=pool_digest(experts),
                    pool=[e.to_json() for e in experts], applications=list(app_ids),
                    drawn=list(drawn),
                    excluded=[{"name": n, "reasons": r} for n, r in sorted(excluded.items())],
                    substitutions=[], actor=actor)
    s.add(row)
    s.flush()
    audit.record(s, actor, "panel.draw", "panel_draw", row.id, None,
                 {"batch": batch, "seed": str(seed), "size": size, "pool": row.pool_sha256,
                  "applications": list(app_ids), "drawn": list(drawn),
                  "excluded": row.excluded})
    return DrawResult(row.id, batch, seed, drawn, excluded, len(eligible))


def redraw_check(row: PanelDraw) -> tuple[str, ...]:
    """Redo a stored draw from its seed and pool snapshot (for audit): the same names."""
    def restored(e: dict[str, Any]) -> Expert:
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in e.items()}
        return Expert(**values)

    experts = [restored(e) for e in row.pool]
    barred = {x["name"] for x in row.excluded}
    eligible = sorted((e for e in experts if e.name not in barred), key=lambda e: e.name)
    return tuple(e.name for e in random.Random(int(row.seed)).sample(eligible, row.size))


def get_draw(s: Session, draw_id: int | None = None) -> PanelDraw:
    if draw_id is None:
        row = s.scalars(select(PanelDraw).order_by(PanelDraw.id.desc())).first()
    else:
        row = s.get(PanelDraw, draw_id)
    if row is None:
        raise BadInput("没有抽取记录 / no draw recorded" + (f" #{draw_id}" if draw_id else ""))
    return row


def current_members(row: PanelDraw) -> list[str]:
    members = list(row.drawn)
    for sub in row.substitutions:
        members[members.index(sub["out"])] = sub["in"]
    return members


def substitute(s: Session, actor: str, out_name: str, in_name: str, reason: str,
               draw_id: int | None = None) -> PanelDraw:
    """Replace a drawn expert by another eligible one from the pool, with the reason."""
    if not reason.strip():
        raise BadInput("替换须说明理由 / a substitution needs a reason")
    row = get_draw(s, draw_id)
    members = current_members(row)
    if out_name not in members:
        raise BadInput(f"{out_name} 不在本次抽取的评审组中 / not on this panel")
    if in_name in members:
        raise BadInput(f"{in_name} 已在评审组中 / already on the panel")
    pool = {e["name"] for e in row.pool}
    if in_name not in pool:
        raise BadInput(f"{in_name} 不在专家库中 / not in the pool")
    barred = {x["name"]: x["reasons"] for x in row.excluded}
    if in_name in barred:
        raise BadInput(f"{in_name} 须回避，不能替补 / must recuse: {barred[in_name][0]}")
    subs = [*row.substitutions, {"out": out_name, "in": in_name, "reason": reason.strip(),
                                 "by": actor, "at": datetime.now(UTC).isoformat()}]
    row.substitutions = subs  # a new list, so the JSON column is seen as changed
    s.flush()
    audit.record(s, actor, "panel.substitute", "panel_draw", row.id, None, subs[-1])
    return row


def latest_panel(s: Session) -> list[Any] | None:
    """The members of the latest draw (after substitutions), as report members; None without
    a draw."""
    from slq_desk.panel.report import Member

    row = s.scalars(select(PanelDraw).order_by(PanelDraw.id.desc())).first()
    if row is None:
        return None
    orgs = {e["name"]: e.get("organisation", "") for e in row.pool}
    return [Member(n, orgs.get(n, "")) for n in current_members(row)]


def pool_fingerprints(s: Session) -> dict[str, str]:
    """Member → certificate SHA-256 as registered in the latest draw's pool ("" unknown)."""
    row = s.scalars(select(PanelDraw).order_by(PanelDraw.id.desc())).first()
    if row is None:
        return {}
    return {e["name"]: e.get("cert_sha256", "") for e in row.pool}
