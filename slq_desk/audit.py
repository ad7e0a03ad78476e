"""Append-only, hash-chained audit log of every state change.

Each event's ``hash`` is SHA-256 over a canonical JSON of its content and the previous event's
hash, so editing, deleting or reordering any event breaks the chain at that point, and
``verify`` names the first broken link. Events are appended in the same transaction as the change
they describe: either both are kept or neither.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from slq_desk.models.schema import AuditEvent
from slq_desk.models.types import utcnow

GENESIS = "0" * 64


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
               before: Any, after: Any, prev_hash: str) -> str:
    payload = {
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
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(session: Session, actor: str, action: str, entity: str, entity_id: str | int,
           before: Any = None, after: Any = None) -> AuditEvent:
    """Append one event in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Two clients of a shared workspace must not both chain onto the same last event.
        session.execute(text("SELECT pg_advisory_xact_lock(7355608)"))
    session.flush()
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = utcnow()
    before_j, after_j = _jsonable(before), _jsonable(after)
    ev = AuditEvent(
        seq=seq, at=at, actor=actor, action=action, entity=entity, entity_id=str(entity_id),
        before=before_j, after=after_j, prev_hash=prev,
        hash=event_hash(seq, at, actor, action, entity, str(entity_id), before_j, after_j, prev),
    )
    session.add(ev)
    session.flush()
    return ev


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
                                ev.before, ev.after, ev.prev_hash)
        if recomputed != ev.hash:
            return ChainReport(False, count, ev.seq, "content changed after it was recorded")
        prev = ev.hash
        expected_seq += 1
    return ChainReport(True, count)


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
