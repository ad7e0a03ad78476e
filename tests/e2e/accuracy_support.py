"""Comparing what the extractors read with a demo package's ``expected.json``.

Shared by the accuracy test and the benchmark's sanity check: per (kind, field) counts of
true positives, false positives and false negatives, and the list of every disagreement.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Tally:
    scores: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[str] = field(default_factory=list)

    def compare(self, where: str, key: str, expected: str | None, got: str | None) -> None:
        score = self.scores[key]
        if expected is not None and got == expected:
            score.tp += 1
            return
        if got is not None:
            score.fp += 1
        if expected is not None:
            score.fn += 1
        self.errors.append(f"{where} {key}: expected {expected!r}, got {got!r}")

    def table(self) -> str:
        lines = [f"{'field':<42} {'prec':>7} {'recall':>7} {'n':>5}"]
        for key in sorted(self.scores):
            s = self.scores[key]
            lines.append(f"{key:<42} {s.precision:7.1%} {s.recall:7.1%} {s.tp + s.fn:5d}")
        return "\n".join(lines)


# Fields the extractors read beyond docs/demo-packages.md's table because a check uses them;
# expected.json does not list them, so they are left out of the comparison.
# The contract's tax, service mode, purpose and fee-table columns came with issue 13.
BEYOND_SCHEMA = {"application_form": {"other_fiscal_support", "supplier_name", "supplier_id",
                                      "contract_total", "legal_representative", "term_end",
                                      "project_name", "compute_total"},
                 "contract": {"domestic_stated", "purpose", "service_mode", "tax", "tax_rate",
                              "unit_price_includes_tax", "other_fiscal_support",
                              "amount", "card_count", "total_in_words"},
                 "payment_receipt": {"serial_number", "payer_bank", "payee_bank",
                                     "amount_in_words"},
                 "business_licence": {"address", "registered_on"},
                 "credit_report": {"applicant_id", "report_number", "report_date"},
                 "implementation_report": {"card_hours", "card_model", "project_name",
                                           "supplier_name"},
                 "voucher_certificate": {"applicant_id", "supplier_name", "face_value",
                                         "valid_until"},
                 "model_filing": {"filed_on", "model_name"},
                 "supplier_qualification": {"card_model", "period_start", "period_end"},
                 "usage_report": {"amount", "supplier_name", "total"},
                 "usage_log": {"amount_includes_tax", "applicant_name", "contract_number"}}
BEYOND_ITEMS = {"contract": {"spec", "unit", "quantity", "unit_price"}}


def compare_document(tally: Tally, package: str, expected: dict[str, Any],
                     got: dict[str, Any]) -> None:
    """``got`` is a FileReport.as_json()."""
    where = f"{package}/{expected['file']}"
    kind = expected["kind"]
    tally.compare(where, "(kind)", kind, got["kind"])
    tally.compare(where, "(readable)", str(expected.get("readable", True)).lower(),
                  str(got["readable"]).lower())
    if not expected.get("readable", True):
        return
    extra = BEYOND_SCHEMA.get(kind, set()) - set(expected.get("fields", {}))
    got_fields = {k: v["value"] for k, v in got["fields"].items() if k not in extra}
    for name in sorted(set(expected.get("fields", {})) | set(got_fields)):
        tally.compare(where, f"{kind}.{name}", expected.get("fields", {}).get(name),
                      got_fields.get(name))
    exp_items = expected.get("items", [])
    extra_items = BEYOND_ITEMS.get(kind, set())
    got_items = [{k: v["value"] for k, v in item.items() if k not in extra_items}
                 for item in got["items"]]
    tally.compare(where, f"{kind}.items(count)", str(len(exp_items)), str(len(got_items)))
    for index in range(max(len(exp_items), len(got_items))):
        e = exp_items[index] if index < len(exp_items) else {}
        g = got_items[index] if index < len(got_items) else {}
        for name in sorted(set(e) | set(g)):
            tally.compare(f"{where}[{index}]", f"{kind}.item.{name}", e.get(name), g.get(name))
    # expected.json numbers image-only pages from 1; the extractors, like PyMuPDF, from 0.
    got_pages = set(p + 1 for p in got.get("image_only_pages", []))
    tally.compare(where, "(image_only_pages)", str(sorted(expected.get("image_only_pages", []))),
                  str(sorted(got_pages)))


def load_index(root: Path) -> list[dict[str, Any]]:
    return json.loads((root / "index.json").read_text(encoding="utf-8"))
