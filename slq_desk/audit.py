"""Append-only, hash-chained audit log of every state change, anchored outside the database.

Each event's ``hash`` is SHA-256 over a canonical JSON of its content and the previous event's
hash, so editing, deleting or reordering any event breaks the chain at that point, and
``verify`` names the first broken link. Events are appended in the same transaction as the change
they describe: either both are kept or neither. On PostgreSQL each event also carries the
database role that wrote it (``db_role``, part of the hash), and a trigger refuses an event whose
role is not ``current_user`` or whose actor is not the person mapped to that role (migration
0004), so the log names who acted by the database's word, not the application's.

**Anchors.** A chain alone cannot see its own tail cut: delete the last events, or all of them,
or edit one and recompute every later hash, and what is left is a valid chain. So the chain's
head (sequence number + hash) is carried out of the database:

* into every signed export (expert opinion, 初审意见, panel summary) — ``anchor(session)`` is
  what the exporters put in the signed JSON; whoever holds the signed file holds the head;
* into checkpoints beside the database: after each committed transaction that appended
  events, ``Workspace.session`` calls ``write_checkpoint``, which appends one line to
  ``<workspace>/audit-checkpoints/checkpoints.jsonl`` and keeps the newest also in the user's
  data folder (``<data>/audit-checkpoints/``). Each checkpoint is MACed (HMAC-SHA256) with a
  per-user key, ``<data>/audit-key`` (created 0600 on first use), which is not in the database
  and not in the workspace folder.

``verify_anchors`` compares the log with the checkpoints (and with anchors read from exports):
an empty log where a checkpoint recorded events is an **emptied** log; a log that ends before a
checkpoint's sequence number has a **cut tail**; an event whose hash differs from a
checkpoint's is a **recomputed** chain; a checkpoint whose MAC does not hold is **forged**.

What an attacker with write access to the database (the SQLite file, or the shared PostgreSQL
as its owner) can and cannot do:

* can delete, edit, reorder, truncate and recompute the log — all found by ``audit verify``
  as long as one checkpoint or signed export made after the attacked events survives;
* cannot write a checkpoint that verifies: the MAC key is not in the database;
* with write access to the workspace folder too, can delete ``checkpoints.jsonl``; the newest
  checkpoint in the user's data folder and the anchors inside signed exports held by others
  remain. Someone who also controls the user's account (the key) can forge checkpoints:
  against that, only the signed exports already sent to others (signed with the reviewer's
  key, not this MAC) still tell the truth;
* can append new, well-formed events after the last checkpoint: additions are not anchored
  until the next checkpoint; on PostgreSQL the trigger at least stamps the acting role on them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from slq_desk.models.schema import AuditEvent
from slq_desk.models.types import utcnow

GENESIS = "0" * 64
# Where the head of the chain is left for ``Workspace.session`` to checkpoint after commit.
PENDING_HEAD = "slq_audit_head"
CHECKPOINT_DIR = "audit-checkpoints"
CHECKPOINT_FILE = "checkpoints.jsonl"
CHECKPOINT_SCHEMA = "slq-desk/audit-checkpoint"
KEY_FILE = "audit-key"

_log = logging.getLogger(__name__)


def _jsonable(value: Any) -> Any:
    """Decimals and datetimes as strings, so amounts survive the JSON column exactly."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def event_hash(seq: int, at: datetime, actor: str, action: str, entity: str, entity_id: str,
               before: Any, after: Any, prev_hash: str, db_role: str | None = None) -> str:
    payload: dict[str, Any] = {
        "seq": seq,
        "at": at.isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "before": before,
        "after": after,
        "prev": prev_hash,
    }
    if db_role is not None:  # events written before roles existed keep their hashes
        payload["db_role"] = db_role
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def head(session: Session) -> tuple[int, str]:
    """The last event's (seq, hash); (0, GENESIS) for an empty log. On PostgreSQL through
    ``slq_audit_head()``, which a reviewer's role may call without reading the log."""
    if _is_postgres(session):
        last = session.execute(text("SELECT seq, hash FROM slq_audit_head()")).first()
    else:
        last = session.execute(
            select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
        ).first()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def record(session: Session, actor: str, action: str, entity: str, entity_id: str | int,
           before: Any = None, after: Any = None) -> AuditEvent:
    """Append one event in the caller's transaction."""
    db_role: str | None = None
    if _is_postgres(session):
        # Two clients of a shared workspace must not both chain onto the same last event.
        session.execute(text("SELECT pg_advisory_xact_lock(7355608)"))
        db_role = str(session.scalar(text("SELECT current_user")))
    session.flush()
    last_seq, prev = head(session)
    seq = last_seq + 1
    at = utcnow()
    before_j, after_j = _jsonable(before), _jsonable(after)
    ev = AuditEvent(
        seq=seq, at=at, actor=actor, action=action, entity=entity, entity_id=str(entity_id),
        before=before_j, after=after_j, prev_hash=prev, db_role=db_role,
        hash=event_hash(seq, at, actor, action, entity, str(entity_id), before_j, after_j, prev,
                        db_role),
    )
    session.add(ev)
    session.flush()
    session.info[PENDING_HEAD] = (seq, ev.hash)
    return ev


def anchor(session: Session) -> dict[str, Any]:
    """The chain head as carried in signed exports: ``{"seq": N, "hash": H}``."""
    seq, digest = head(session)
    return {"seq": seq, "hash": digest}


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    broken_seq: int | None = None
    reason: str = ""


def verify(session: Session) -> ChainReport:
    """Walk the chain in order; report the first event whose link or content does not hold."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        count += 1
        if ev.seq != expected_seq:
            return ChainReport(False, count, ev.seq,
                               f"event {expected_seq} is missing (next present is {ev.seq})")
        if ev.prev_hash != prev:
            return ChainReport(False, count, ev.seq,
                               "does not follow the previous event (removed or reordered)")
        recomputed = event_hash(ev.seq, ev.at, ev.actor, ev.action, ev.entity, ev.entity_id,
                                ev.before, ev.after, ev.prev_hash, ev.db_role)
        if recomputed != ev.hash:
            return ChainReport(False, count, ev.seq, "content changed after it was recorded")
        prev = ev.hash
        expected_seq += 1
    return ChainReport(True, count)


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


# --- checkpoints ------------------------------------------------------------------------------

def _data_dir() -> Path:
    from slq_desk.userenv import user_data_dir

    return user_data_dir()


def checkpoint_key() -> bytes:
    """The per-user MAC key (``<data>/audit-key``), created 0600 on first use."""
    path = _data_dir() / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_hex(32) + "\n")
    raw = path.read_text("ascii").strip()
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) < 32:
        raise ValueError(f"{path} is not an slq-desk audit key (64 hex digits)")
    return key


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"slq-desk audit key id\0" + key).hexdigest()[:16]


def _canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _mac(key: bytes, payload: dict[str, Any]) -> str:
    return hmac.new(key, _canonical(payload), hashlib.sha256).hexdigest()


def database_label(url: Any) -> str:
    """Which database a checkpoint is about, without credentials: the SQLite file's name (so a
    moved workspace folder keeps its checkpoints) or ``postgresql://host:port/db``."""
    backend = url.get_backend_name()
    if backend == "sqlite":
        return f"sqlite:{Path(url.database or '').name}"
    return f"{backend}://{url.host or ''}:{url.port or ''}/{url.database or ''}"


def _latest_path(folder: Path, label: str) -> Path:
    ident = hashlib.sha256(f"{folder.resolve()}\0{label}".encode()).hexdigest()[:24]
    return _data_dir() / CHECKPOINT_DIR / f"{ident}.json"


def write_checkpoint(folder: Path, label: str, seq: int, digest: str, actor: str) -> dict[str, Any]:
    """Append a MACed checkpoint of (seq, hash) beside the database and keep the newest one
    in the user's data folder as well."""
    key = checkpoint_key()
    payload: dict[str, Any] = {"schema": CHECKPOINT_SCHEMA, "version": 1, "database": label,
                               "seq": seq, "hash": digest, "at": utcnow().isoformat(),
                               "by": actor, "key_id": _key_id(key)}
    entry = payload | {"mac": _mac(key, payload)}
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
    target = folder / CHECKPOINT_DIR / CHECKPOINT_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    # One short O_APPEND write: concurrent writers (the window and a CLI) never interleave.
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)
    latest = _latest_path(folder, label)
    latest.parent.mkdir(parents=True, exist_ok=True)
    previous = _read_entries(latest)
    if not previous or int(previous[-1].get("seq", 0)) <= seq:
        tmp = latest.with_suffix(".part")
        tmp.write_text(line, "utf-8")
        os.replace(tmp, latest)
    return entry


def checkpoint_after_commit(folder: Path, label: str, pending: tuple[int, str] | None,
                            actor: str) -> None:
    """Called by ``Workspace.session`` after a commit; a failure to write is reported loudly
    (logged as an error) but cannot undo a change already committed."""
    if pending is None:
        return
    try:
        write_checkpoint(folder, label, pending[0], pending[1], actor)
    except (OSError, ValueError) as err:
        _log.error("audit checkpoint not written (%s): the log's tail is not anchored", err)


def _read_entries(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    out: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict):
                raise ValueError("not an object")
        except ValueError:
            entry = {"_unreadable": f"{path.name}:{number}"}
        entry["_source"] = f"{path}:{number}"
        out.append(entry)
    return out


def read_checkpoints(folder: Path, label: str) -> list[dict[str, Any]]:
    """Every checkpoint kept for this workspace and database (folder file + data-folder copy)."""
    entries = _read_entries(folder / CHECKPOINT_DIR / CHECKPOINT_FILE)
    entries += _read_entries(_latest_path(folder, label))
    return entries


@dataclass(frozen=True)
class AnchorProblem:
    kind: str  # emptied | cut | recomputed | forged
    message: str


@dataclass
class AnchorReport:
    checked: int = 0  # checkpoints/anchors compared with the log
    other_keys: int = 0  # MACed with another person's key: cannot be checked here
    other_database: int = 0
    newest: int = 0
    problems: list[AnchorProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _compare(report: AnchorReport, events: dict[int, str], last_seq: int, seq: int, digest: str,
             where: str) -> None:
    report.checked += 1
    report.newest = max(report.newest, seq)
    if seq <= 0:
        return
    if not events:
        report.problems.append(AnchorProblem(
            "emptied", f"审计日志已被清空：{where} 记录了第 {seq} 条事件，日志中却一条也没有 / the "
            f"audit log was emptied: {where} recorded event {seq}, the log has no events"))
    elif last_seq < seq:
        report.problems.append(AnchorProblem(
            "cut", f"审计日志尾部被截断：日志止于第 {last_seq} 条，{where} 记录了第 {seq} 条 / the "
            f"audit log's tail was cut: it ends at event {last_seq}, {where} recorded event {seq}"))
    elif events.get(seq) != digest:
        report.problems.append(AnchorProblem(
            "recomputed", f"审计链被改写并重算：第 {seq} 条事件的哈希与 {where} 不符 / the audit "
            f"chain was rewritten and recomputed: event {seq}'s hash differs from {where}"))


def verify_anchors(session: Session, folder: Path, label: str,
                   anchors: list[tuple[str, dict[str, Any]]] | None = None) -> AnchorReport:
    """Compare the log with this workspace's checkpoints and with ``anchors`` (name, {seq,
    hash}) read from signed exports."""
    events = {int(seq): str(digest) for seq, digest in
              session.execute(select(AuditEvent.seq, AuditEvent.hash))}
    last_seq = max(events) if events else 0
    report = AnchorReport()
    key: bytes | None
    try:
        key = checkpoint_key()
    except (OSError, ValueError):
        key = None
    kid = _key_id(key) if key else ""
    valid: list[tuple[int, str, str]] = []
    for entry in read_checkpoints(folder, label):
        where = f"检查点 / checkpoint {entry.get('_source', '?')}"
        if "_unreadable" in entry or entry.get("schema") != CHECKPOINT_SCHEMA:
            report.problems.append(AnchorProblem(
                "forged", f"{where} 无法读取或不是检查点 / is unreadable or not a checkpoint"))
            continue
        if entry.get("database") != label:
            report.other_database += 1
            continue
        if entry.get("key_id") != kid or key is None:
            report.other_keys += 1
            continue
        payload = {k: v for k, v in entry.items() if k not in ("mac", "_source")}
        if not hmac.compare_digest(str(entry.get("mac", "")), _mac(key, payload)):
            report.problems.append(AnchorProblem(
                "forged", f"{where} 的校验码不符：检查点被伪造或改动 / its MAC does not hold: the "
                "checkpoint was forged or altered"))
            continue
        try:
            valid.append((int(entry["seq"]), str(entry["hash"]), where))
        except (KeyError, TypeError, ValueError):
            report.problems.append(AnchorProblem("forged", f"{where} is malformed"))
    # Newest first; the same damage seen by many checkpoints is said once, by the newest.
    said: set[str] = set()
    for seq, digest, where in sorted(valid, key=lambda v: -v[0]):
        before = len(report.problems)
        _compare(report, events, last_seq, seq, digest, where)
        if len(report.problems) > before:
            kind = report.problems[-1].kind
            if kind in said:
                report.problems.pop()
            said.add(kind)
    for name, value in anchors or []:
        try:
            seq, digest = int(value["seq"]), str(value["hash"])
        except (KeyError, TypeError, ValueError):
            report.problems.append(AnchorProblem("forged", f"{name}: no readable audit anchor"))
            continue
        _compare(report, events, last_seq, seq, digest, f"签署文件 / signed export {name}")
    return report
