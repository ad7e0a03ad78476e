"""查重 across the workspace and across policies, through an index table, not a scan.

``index_application`` writes the identities one application carries into ``dedup_key``:

- ``invoice``: 数电票 20-digit 号码, or 发票代码-号码 for the older types;
- ``contract``: the 合同编号;
- ``contract_deal``: the parties (USCC, else name) + total + signing date, for a contract that
  was renumbered;
- ``file``: every document's SHA-256;
- ``applicant``: the applicant's USCC (else name), so two claims of one applicant under two
  policies, or twice in one year, are found.

It runs at import and at every 补正 (and ``reindex`` rebuilds it, e.g. after field
corrections). ``find_duplicates`` is one self-join on (kind, key) — the index makes it a lookup
per key — and ``refresh_findings`` turns each pair into a finding on *both* applications, each
naming the other, kept as findings of stage ``dedup``. They are warnings: whether the second
claim is refused is the official's decision (the 初审's own duplicate rules block where the
policy text says a claim may be made once); the finding makes sure they see it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta, timezone
from typing import Any

from sqlalchemy import and_, delete, insert, select
from sqlalchemy.orm import Session, aliased

from slq_desk import audit
from slq_desk.checks.values import amount, day, id_key, name_key
from slq_desk.errors import SlqError
from slq_desk.models.office import DedupKey
from slq_desk.models.schema import Application, Document, ExtractedField, Finding
from slq_desk.models.types import utcnow
from slq_desk.money import fmt

STAGE = "dedup"
# progress(done, total, text): how far a long step is; a client's callback may raise to cancel.
Progress = Callable[[int, int, str], None]
CHUNK = 500  # applications per slice of the index rebuild (and per bounded IN list)
INDEX_TEXT = "重建查重索引 / rebuilding the 查重 index"
FIND_TEXT = "查重：比对索引 / 查重: comparing the index"
RECORD_TEXT = "查重：记录结果 / 查重: recording the findings"
CHINA = timezone(timedelta(hours=8))
KINDS = ("invoice", "contract", "contract_deal", "file", "applicant")
CODES = {
    "invoice": "dedup_invoice",
    "contract": "dedup_contract",
    "contract_deal": "dedup_contract_deal",
    "file": "dedup_file",
    "applicant_policies": "dedup_applicant_policies",
    "applicant_year": "dedup_applicant_year",
}


def _fields(s: Session, app_ids: list[str]) -> dict[int, dict[str, str]]:
    """Effective values of the invoice and contract fields the keys use, per document."""
    names = ("invoice_number", "invoice_code", "contract_number", "buyer_id", "buyer_name",
             "supplier_id", "supplier_name", "total", "signed_on")
    rows = s.execute(
        select(ExtractedField.document_id, ExtractedField.name, ExtractedField.value,
               ExtractedField.corrected_value)
        .join(Document, Document.id == ExtractedField.document_id)
        .where(Document.application_id.in_(app_ids), ExtractedField.item_index.is_(None),
               ExtractedField.name.in_(names),
               Document.kind.in_(("invoice", "contract")), Document.readable.is_(True)))
    out: dict[int, dict[str, str]] = defaultdict(dict)
    for doc_id, name, value, corrected in rows:
        text = (corrected if corrected is not None else value) or ""
        if text.strip():
            out[doc_id][name] = text.strip()
    return out


def _norm(text: str) -> str:
    return "".join(text.split()).upper()


def _key(kind: str, key: str, app_id: str, doc_id: int | None, label: str) -> dict[str, Any]:
    return {"kind": kind, "key": key[:300], "application_id": app_id, "document_id": doc_id,
            "label": label[:500]}


def keys_for(app_ids: list[str], s: Session) -> list[dict[str, Any]]:
    """The identities of these applications, as rows for ``dedup_key`` (a few queries for any
    number of applications, so rebuilding the index of a large workspace stays cheap)."""
    out: list[dict[str, Any]] = []
    fields = _fields(s, app_ids)
    for doc_id, app_id, sha, kind, name in s.execute(
            select(Document.id, Document.application_id, Document.sha256, Document.kind,
                   Document.original_name).where(Document.application_id.in_(app_ids))
            .order_by(Document.id)):
        out.append(_key("file", sha, app_id, doc_id, name))
        values = fields.get(doc_id, {})
        if kind == "invoice" and values.get("invoice_number"):
            number = _norm(values["invoice_number"])
            code = _norm(values.get("invoice_code", ""))
            key = f"{code}-{number}" if code else number
            out.append(_key("invoice", key, app_id, doc_id, f"{name}（发票 {key}）"))
        if kind == "contract":
            if values.get("contract_number"):
                number = _norm(values["contract_number"])
                out.append(_key("contract", number, app_id, doc_id, f"{name}（合同 {number}）"))
            buyer = id_key(values.get("buyer_id")) or name_key(values.get("buyer_name"))
            supplier = id_key(values.get("supplier_id")) or name_key(values.get("supplier_name"))
            total, signed = amount(values.get("total")), day(values.get("signed_on"))
            if buyer and supplier and total is not None and signed is not None:
                key = f"{buyer}|{supplier}|{fmt(total)}|{signed.isoformat()}"
                out.append(_key("contract_deal", key, app_id, doc_id,
                                f"{name}（{fmt(total)} 元，{signed}）"))
    for app_id, applicant, uscc in s.execute(
            select(Application.id, Application.applicant_name, Application.applicant_uscc)
            .where(Application.id.in_(app_ids))):
        who = id_key(uscc) or name_key(applicant)
        if who:
            out.append(_key("applicant", who, app_id, None, applicant or who))
    return out


def index_applications(s: Session, app_ids: list[str], progress: Progress | None = None) -> int:
    """Replace these applications' rows of the index, in the caller's transaction.

    ``progress(done, total, text)`` hears after each slice of applications; it may raise to
    cancel (the window's operations do), and the caller's transaction then rolls back: the
    index is left as it was, never half rebuilt."""
    s.flush()
    written = 0
    total = len(app_ids)
    if progress is not None:
        progress(0, total, INDEX_TEXT)
    for start in range(0, total, CHUNK):  # bounded IN lists
        chunk = app_ids[start:start + CHUNK]
        s.execute(delete(DedupKey).where(DedupKey.application_id.in_(chunk)))
        rows = keys_for(chunk, s)
        if rows:
            s.execute(insert(DedupKey), rows)
        written += len(rows)
        if progress is not None:
            progress(start + len(chunk), total, INDEX_TEXT)
    return written


def index_application(s: Session, app_id: str) -> int:
    """Replace one application's rows of the index (at import and 补正)."""
    return index_applications(s, [app_id])


def reindex(ws: Any, app_ids: list[str] | None = None, progress: Progress | None = None) -> int:
    """Rebuild the index for some or all applications, in one transaction; the number of keys
    written. ``progress`` as for ``index_applications`` (a cancel leaves the index as it was)."""
    with ws.session() as s:
        ids = app_ids or list(s.scalars(select(Application.id).order_by(Application.id)))
        return index_applications(s, ids, progress)


@dataclass(frozen=True)
class Duplicate:
    """Two applications sharing one identity."""

    kind: str  # a CODES key
    key: str
    first: str  # application ids, the earlier claim first
    second: str
    first_label: str
    second_label: str
    first_document: int | None
    second_document: int | None

    @property
    def code(self) -> str:
        return CODES[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "key": self.key,
                "applications": [self.first, self.second],
                "labels": [self.first_label, self.second_label],
                "documents": [self.first_document, self.second_document]}

    def messages(self, own: str) -> tuple[str, str]:
        other = self.second if own == self.first else self.first
        mine = self.first_label if own == self.first else self.second_label
        theirs = self.second_label if own == self.first else self.first_label
        order_zh = "本申报在先" if own == self.first else "对方申报在先"
        order_en = "this one claimed first" if own == self.first else "the other claimed first"
        pair = f"{self.first} 与 {self.second}"
        zh = {
            "invoice": f"同一发票在两份申报中出现（{pair}）：本申报“{mine}”，{other}“{theirs}”",
            "contract": f"同一合同编号在两份申报中出现（{pair}）：本申报“{mine}”，{other}“{theirs}”",
            "contract_deal": f"双方、金额、签订日期相同的合同在两份申报中出现（{pair}）："
                             f"本申报“{mine}”，{other}“{theirs}”，疑为同一合同",
            "file": f"完全相同的文件在两份申报中出现（{pair}）：本申报“{mine}”，{other}“{theirs}”",
            "applicant_policies": f"同一申报单位{mine}在两项政策下申报（{pair}），"
                                  "请核实是否就同一支出重复申领",
            "applicant_year": f"同一申报单位{mine}在同一年度两次申报（{pair}），请核实是否重复申领",
        }[self.kind]
        en = {
            "invoice": f"the same invoice appears in two applications ({self.first}, {self.second})",
            "contract": f"the same contract number appears in {self.first} and {self.second}",
            "contract_deal": f"a contract with the same parties, amount and date appears in "
                             f"{self.first} and {self.second}",
            "file": f"a byte-identical file appears in {self.first} and {self.second}",
            "applicant_policies": f"the same applicant claims under two policies "
                                  f"({self.first}, {self.second})",
            "applicant_year": f"the same applicant claims twice in one year "
                              f"({self.first}, {self.second})",
        }[self.kind]
        return f"{zh}（{order_zh}）", f"{en}; {order_en}"


def find_duplicates(s: Session, app_ids: list[str] | None = None) -> list[Duplicate]:
    """Every pair of applications sharing a key (optionally: pairs touching ``app_ids``)."""
    a, b = aliased(DedupKey), aliased(DedupKey)
    columns = (a.kind, a.key, a.application_id, a.document_id, a.label,
               b.application_id, b.document_id, b.label)
    rows: list[tuple[Any, ...]]
    if app_ids is None:
        rows = [tuple(r) for r in s.execute(select(*columns).join(
            b, and_(a.kind == b.kind, a.key == b.key, a.application_id < b.application_id)))]
    else:
        # From these applications' own keys to the same keys elsewhere: index lookups only.
        found = s.execute(select(*columns).join(
            b, and_(a.kind == b.kind, a.key == b.key, a.application_id != b.application_id))
            .where(a.application_id.in_(app_ids))).all()
        rows = [tuple(r) if r[2] < r[5] else (r[0], r[1], r[5], r[6], r[7], r[2], r[3], r[4])
                for r in found]
    involved = {r[2] for r in rows} | {r[5] for r in rows}
    info: dict[str, tuple[str, Any]] = {}
    if involved:
        for app_id, policy, claimed in s.execute(
                select(Application.id, Application.policy_id, Application.claimed_at)
                .where(Application.id.in_(involved))):
            info[app_id] = (policy, claimed)
    out: list[Duplicate] = []
    seen: set[tuple[str, str, str, str]] = set()
    for kind, key, app1, doc1, label1, app2, doc2, label2 in rows:
        (p1, c1), (p2, c2) = info[app1], info[app2]
        if kind == "applicant":
            y1 = c1.astimezone(CHINA).year if c1 else None
            y2 = c2.astimezone(CHINA).year if c2 else None
            if p1 != p2:
                kind = "applicant_policies"
            elif y1 is not None and y1 == y2:
                kind = "applicant_year"
            else:
                continue
        # The earlier claim first (no claim time: the smaller id), as the checks order them.
        if (c2 is not None and (c1 is None or c2 < c1)):
            app1, doc1, label1, app2, doc2, label2 = app2, doc2, label2, app1, doc1, label1
        mark = (kind, key, app1, app2)
        if mark in seen:
            continue
        seen.add(mark)
        out.append(Duplicate(kind, key, app1, app2, label1, label2, doc1, doc2))
    out.sort(key=lambda d: (KINDS.index(d.kind) if d.kind in KINDS else len(KINDS),
                            d.first, d.second, d.key))
    return out


def refresh_findings(ws: Any, app_ids: list[str] | None = None,
                     progress: Progress | None = None) -> list[Duplicate]:
    """Find duplicates and keep them as ``dedup`` findings on both applications, audited.

    With ``app_ids`` only pairs touching those applications are refreshed (at import / 补正);
    without, the whole workspace's ``dedup`` findings are rebuilt. ``progress`` hears the two
    steps (compare, record) and may raise to cancel: the findings are then left as they were.
    """
    from slq_desk.checks.citations import cite
    from slq_desk.checks.params import PolicyParams
    from slq_desk.policy import load_policy

    with ws.session() as s:
        if progress is not None:
            progress(0, 2, FIND_TEXT)
        if app_ids is None:
            dups = find_duplicates(s)
            touched: set[str] | None = None
        else:
            # The applications whose findings may change: these, their partners now, and those
            # whose findings name them (a 补正 may have removed the shared invoice). Pairs are
            # then found for all of them, so a partner's pairs with third applications stay.
            touched = set(app_ids)
            for app_id in app_ids:
                touched |= set(s.scalars(select(Finding.application_id).where(
                    Finding.stage == STAGE, Finding.message_zh.contains(app_id))))
            first = find_duplicates(s, sorted(touched))
            touched |= {d.first for d in first} | {d.second for d in first}
            dups = find_duplicates(s, sorted(touched))
        if progress is not None:
            progress(1, 2, RECORD_TEXT)
        cleared = select(Finding).where(Finding.stage == STAGE)
        if touched is not None:
            cleared = cleared.where(Finding.application_id.in_(touched))
        before: dict[str, list[str]] = defaultdict(list)
        for old in s.scalars(cleared):
            before[old.application_id].append(old.code)
            s.delete(old)
        s.flush()
        articles: dict[str, str] = {}
        for d in dups:
            for own, doc in ((d.first, d.first_document), (d.second, d.second_document)):
                app = s.get(Application, own)
                if app is None or (touched is not None and own not in touched):
                    continue
                if app.policy_id not in articles:
                    # The citation table does not depend on the day; any day of the policy will do.
                    when = (app.claimed_at or utcnow()).astimezone(CHINA).date()
                    try:
                        policy = load_policy(app.policy_id)
                        articles[app.policy_id] = cite(PolicyParams(policy, when), "duplicate")
                    except SlqError:  # an unknown policy must not stop 查重 of the rest
                        articles[app.policy_id] = ""
                zh, en = d.messages(own)
                s.add(Finding(application_id=own, document_id=doc, code=d.code, severity="warn",
                              message_zh=zh, message_en=en,
                              article=articles[app.policy_id][:200], stage=STAGE))
        after: dict[str, list[str]] = defaultdict(list)
        for d in dups:
            for own in (d.first, d.second):
                if touched is None or own in touched:
                    after[own].append(d.code)
        changed = {k for k in set(before) | set(after) if sorted(before[k]) != sorted(after[k])}
        if changed:
            audit.record(s, ws.actor, "application.dedup", "workspace", "dedup",
                         {k: sorted(before[k]) for k in sorted(changed)},
                         {k: sorted(after[k]) for k in sorted(changed)})
        if progress is not None:
            progress(2, 2, RECORD_TEXT)  # the last chance to cancel: nothing is committed yet
    return dups


def index_imported(ws: Any, app_id: str) -> None:
    """Bring the 查重 index and findings of a freshly imported application up to date.

    The importer (``ingest``) sits below the checks and cannot call this itself; every caller
    that imports a package (the desk service, the CLI) calls it right after, so 查重 stays a
    lookup rather than a scan.
    """
    with ws.session() as s:
        if s.get(Application, app_id) is not None:
            index_application(s, app_id)
    refresh_findings(ws, [app_id])
