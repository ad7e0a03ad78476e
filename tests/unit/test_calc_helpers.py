"""Builders of calculator inputs shared by the calculator's unit tests (no tests here)."""

from __future__ import annotations

import copy
from typing import Any


def application(**overrides: Any) -> dict[str, Any]:
    """A valid Wuhan application (domestic intelligent compute 1,000,000 + 60,000 tax)."""
    app: dict[str, Any] = {
        "id": "APP-001",
        "policy": "wuhan-2026",
        "claimed_at": "2026-06-01T09:00:00+08:00",
        "applicant": {
            "name": "武汉示例智能科技有限公司",
            "uscc": "91420100MA4K3XXX0X",
            "kind": "enterprise",
            "sme": False,
            "received_this_year": "0",
        },
        "direction": 1,
        "score": 87.5,
        "contracts": [
            {"id": "HT-1", "total": "1060000.00", "signed_on": "2026-01-05",
             "other_fiscal_support": "0"}
        ],
        "lines": [
            {"contract": "HT-1", "service": "compute", "compute_class": "intelligent",
             "domestic": True, "amount": "1000000.00", "tax": "60000.00",
             "period_start": "2026-01-10", "period_end": "2026-06-30",
             "in_window_amount": None}
        ],
    }
    app = copy.deepcopy(app)
    app.update(overrides)
    return app
