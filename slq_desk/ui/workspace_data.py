"""The queue's plain rows, for the viewer and the list: they live in the desk service now
(``slq_desk/desk/queue.py``); re-exported here so the widgets' imports stay short."""

from __future__ import annotations

from slq_desk.desk.queue import (
    KIND_LABELS,
    POLICY_LABELS,
    ApplicationRow,
    DocumentRef,
    kind_label,
    kind_order,
    policy_label,
)

__all__ = ["KIND_LABELS", "POLICY_LABELS", "ApplicationRow", "DocumentRef", "kind_label",
           "kind_order", "policy_label"]
