"""What a check produces: findings with a severity, an article and evidence.

A finding carries its messages in Chinese and English and a list of ``Evidence``: the document
(SHA-256 and file name), page and rectangle that prove it, so the UI can jump there and the
初审意见 can cite it. The database ``Finding`` row keeps one place (the first evidence); the full
list travels in the JSON output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BLOCK = "block"
WARN = "warn"
INFO = "info"
SEVERITIES = (BLOCK, WARN, INFO)


@dataclass(frozen=True)
class Evidence:
    """Where a value was read: document, page (0-based), box in PDF points, field and value."""

    document_id: int | None
    sha256: str
    file: str
    page: int | None = None
    bbox: list[str] | None = None
    field: str | None = None
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "sha256": self.sha256,
            "file": self.file,
            "page": self.page,
            "bbox": self.bbox,
            "field": self.field,
            "value": self.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(data.get("document_id"), data.get("sha256", ""), data.get("file", ""),
                   data.get("page"), data.get("bbox"), data.get("field"), data.get("value"))


@dataclass
class CheckFinding:
    code: str
    severity: str
    message_zh: str
    message_en: str
    article: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    stage: str = "check"

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def blocks(self) -> bool:
        return self.severity == BLOCK

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "stage": self.stage,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "article": self.article,
            "evidence": [e.to_dict() for e in self.evidence],
        }
