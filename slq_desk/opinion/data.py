"""``OpinionData``: everything an opinion says, as plain data, and its machine-readable JSON.

The same object feeds the PDF layout and the JSON attachment, so what a person reads and what a
panel chair's software imports cannot drift apart. Amounts and scores are Decimal in memory and
plain decimal strings in JSON (never floats).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import D, MoneyError, fmt

SCHEMA = "slq-desk/opinion"
SCHEMA_VERSION = 1
ATTACHMENT_NAME = "opinion.json"

KINDS: dict[str, str] = {
    "expert": "专家评审意见表",
    "preliminary": "初审意见表",
    "panel": "评审组综合意见表",
}


@dataclass(frozen=True)
class DocumentRef:
    name: str
    kind: str
    pages: int
    sha256: str


@dataclass(frozen=True)
class FindingRef:
    code: str
    severity: str  # block | warn | info
    message: str
    article: str = ""
    document: str = ""
    page: int | None = None  # 0-based, as stored; printed 1-based


@dataclass(frozen=True)
class Criterion:
    key: str
    name: str
    score: Decimal
    max_score: Decimal | None = None
    weight: Decimal | None = None
    comment: str = ""


@dataclass(frozen=True)
class SubsidyStep:
    label: str
    amount: Decimal | None = None
    article: str = ""


@dataclass
class OpinionData:
    """One opinion. ``kind`` picks the title; the rest is what the form prints."""

    application_id: str
    applicant_name: str
    policy_id: str
    reviewer: str
    review_date: date
    kind: str = "expert"
    applicant_uscc: str = ""
    policy_name: str = ""
    direction: int | None = None
    documents: list[DocumentRef] = field(default_factory=list)
    findings: list[FindingRef] = field(default_factory=list)
    rubric_id: str = ""
    rubric_version: str = ""
    rubric_note: str = "评分项及权重为系统默认设置，以主管部门通知为准。"
    criteria: list[Criterion] = field(default_factory=list)
    total: Decimal | None = None
    recommendation: str = ""
    computed_subsidy: Decimal | None = None
    recommended_subsidy: Decimal | None = None
    recommendation_reason: str = ""
    subsidy_steps: list[SubsidyStep] = field(default_factory=list)
    coi_declared: bool = False
    coi_conflict: bool = False
    coi_text: str = ""
    coi_at: datetime | None = None
    reviewer_organisation: str = ""
    comment: str = ""
    # The workspace's audit chain head when the opinion was made ({"seq", "hash"}; see
    # ``slq_desk.audit``): a signed copy of it, so a later cut of the log shows.
    audit_anchor: dict[str, Any] | None = None
    # Inside the signed data: the signer's certificate fingerprint (also printed on the page,
    # to compare with the panel's published roster) and the export's version number, counted
    # per review, which decides supersession instead of the signer's clock.
    cert_sha256: str = ""
    version: int = 1

    @property
    def title(self) -> str:
        return KINDS.get(self.kind, KINDS["expert"])

    def severity_counts(self) -> dict[str, int]:
        counts = {"block": 0, "warn": 0, "info": 0}
        for f in self.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "kind": self.kind,
            "version": self.version,
            "application": {
                "id": self.application_id,
                "applicant_name": self.applicant_name,
                "applicant_uscc": self.applicant_uscc,
                "policy_id": self.policy_id,
                "policy_name": self.policy_name,
                "direction": self.direction,
            },
            "documents": [
                {"name": d.name, "kind": d.kind, "pages": d.pages, "sha256": d.sha256}
                for d in self.documents
            ],
            "findings": [
                {"code": f.code, "severity": f.severity, "message": f.message,
                 "article": f.article, "document": f.document, "page": f.page}
                for f in self.findings
            ],
            "rubric": {"id": self.rubric_id, "version": self.rubric_version,
                       "note": self.rubric_note},
            "criteria": [
                {"key": c.key, "name": c.name, "score": _s(c.score),
                 "max_score": _s(c.max_score), "weight": _s(c.weight), "comment": c.comment}
                for c in self.criteria
            ],
            "total": _s(self.total),
            "recommendation": self.recommendation,
            "subsidy": {
                "computed": _money(self.computed_subsidy),
                "recommended": _money(self.recommended_subsidy),
                "reason": self.recommendation_reason,
                "steps": [{"label": s.label, "amount": _money(s.amount), "article": s.article}
                          for s in self.subsidy_steps],
            },
            "coi": {
                "declared": self.coi_declared,
                "conflict": self.coi_conflict,
                "text": self.coi_text,
                "at": self.coi_at.isoformat() if self.coi_at else None,
            },
            "reviewer": {"name": self.reviewer, "organisation": self.reviewer_organisation,
                         "cert_sha256": self.cert_sha256},
            "review_date": self.review_date.isoformat(),
            "comment": self.comment,
        }

    def json_bytes(self) -> bytes:
        out = self.to_json()
        if self.audit_anchor is not None:
            out["audit_anchor"] = dict(self.audit_anchor)
        return json.dumps(out, ensure_ascii=False, indent=2,
                          sort_keys=False).encode("utf-8")

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> OpinionData:
        """Read the attachment back (the panel chair's import); bad data is BadInput."""
        try:
            if raw.get("schema") != SCHEMA:
                raise BadInput(f"not a slq-desk opinion (schema {raw.get('schema')!r})")
            if int(raw.get("schema_version", 0)) > SCHEMA_VERSION:
                raise BadInput(f"opinion data version {raw['schema_version']} is newer than "
                               "this slq-desk understands")
            app = raw["application"]
            sub = raw.get("subsidy") or {}
            coi = raw.get("coi") or {}
            rub = raw.get("rubric") or {}
            version = raw.get("version", 1)
            if not isinstance(version, int) or isinstance(version, bool) or version < 1:
                raise ValueError(f"version must be a positive integer, got {version!r}")
            return cls(
                kind=str(raw.get("kind", "expert")),
                application_id=str(app["id"]),
                applicant_name=str(app.get("applicant_name", "")),
                applicant_uscc=str(app.get("applicant_uscc", "")),
                policy_id=str(app.get("policy_id", "")),
                policy_name=str(app.get("policy_name", "")),
                direction=None if app.get("direction") is None else int(app["direction"]),
                documents=[DocumentRef(str(d["name"]), str(d.get("kind", "")),
                                       int(d.get("pages", 0)), str(d["sha256"]))
                           for d in raw.get("documents", [])],
                findings=[FindingRef(str(f["code"]), str(f["severity"]), str(f["message"]),
                                     str(f.get("article", "")), str(f.get("document", "")),
                                     None if f.get("page") is None else int(f["page"]))
                          for f in raw.get("findings", [])],
                rubric_id=str(rub.get("id", "")),
                rubric_version=str(rub.get("version", "")),
                rubric_note=str(rub.get("note", "")),
                criteria=[Criterion(str(c["key"]), str(c.get("name", c["key"])),
                                    _d(c["score"]), _opt(c.get("max_score")),
                                    _opt(c.get("weight")), str(c.get("comment", "")))
                          for c in raw.get("criteria", [])],
                total=_opt(raw.get("total")),
                recommendation=str(raw.get("recommendation", "")),
                computed_subsidy=_opt(sub.get("computed")),
                recommended_subsidy=_opt(sub.get("recommended")),
                recommendation_reason=str(sub.get("reason", "")),
                subsidy_steps=[SubsidyStep(str(s.get("label", "")), _opt(s.get("amount")),
                                           str(s.get("article", "")))
                               for s in sub.get("steps", [])],
                coi_declared=bool(coi.get("declared", False)),
                coi_conflict=bool(coi.get("conflict", False)),
                coi_text=str(coi.get("text", "")),
                coi_at=datetime.fromisoformat(coi["at"]) if coi.get("at") else None,
                reviewer=str(raw["reviewer"]["name"]),
                reviewer_organisation=str(raw["reviewer"].get("organisation", "")),
                cert_sha256=str(raw["reviewer"].get("cert_sha256", "")).lower(),
                version=version,
                review_date=date.fromisoformat(raw["review_date"]),
                comment=str(raw.get("comment", "")),
                audit_anchor=(dict(raw["audit_anchor"])
                              if isinstance(raw.get("audit_anchor"), dict) else None),
            )
        except BadInput:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, MoneyError) as err:
            raise BadInput(f"opinion data is malformed: {type(err).__name__}: {err}") from None


def _s(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _money(value: Decimal | None) -> str | None:
    return None if value is None else fmt(value)


def _d(value: Any) -> Decimal:
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValueError(f"number must be a string, got {value!r}")
    return D(value)


def _opt(value: Any) -> Decimal | None:
    return None if value is None else _d(value)
