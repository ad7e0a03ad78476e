"""Applications built row by row in a real SQLite workspace, for the office's unit tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from slq_desk.models.schema import Application, Document, ExtractedField, Finding
from slq_desk.workspace import Workspace


def workspace(tmp_path: Path) -> Workspace:
    return Workspace.open(tmp_path / "ws")


def add_application(ws: Workspace, app_id: str, policy: str = "wuhan-2026",
                    applicant: str = "武汉甲科技有限公司", uscc: str = "91420100MA4K000001",
                    claimed: datetime | None = None, status: str = "pending_check",
                    documents: list[tuple[str, str, dict[str, str]]] = (),  # type: ignore[assignment]
                    blocking: list[str] = ()) -> None:  # type: ignore[assignment]
    """One application; ``documents`` are (file name, kind, fields); ``blocking`` finding codes."""
    with ws.session() as s:
        s.add(Application(id=app_id, policy_id=policy, applicant_name=applicant,
                          applicant_uscc=uscc, status=status,
                          claimed_at=claimed or datetime(2026, 5, 1, 2, 0, tzinfo=UTC)))
        s.flush()
        for name, kind, fields in documents:
            sha = hashlib.sha256(f"{app_id}/{name}/{sorted(fields.items())}".encode()).hexdigest()
            doc = Document(application_id=app_id, sha256=sha, kind=kind, original_name=name,
                           stored_path="")
            s.add(doc)
            s.flush()
            for field, value in fields.items():
                s.add(ExtractedField(document_id=doc.id, name=field, value=value))
        for code in blocking:
            s.add(Finding(application_id=app_id, code=code, severity="block",
                          message_zh=f"阻断：{code}", message_en=code, stage="check"))


def invoice(number: str, code: str = "", total: str = "10600.00") -> dict[str, str]:
    fields = {"invoice_number": number, "total": total}
    if code:
        fields["invoice_code"] = code
    return fields
