"""The panel aggregate + rank pinned on a generated panel, before and after any speed work.

A panel of 16 applications × up to 7 experts is written as rows (as an import leaves them) with
the awkward cases: ties on score (broken by claim time, by request, and one only by the id),
criteria a member left unscored, members absent from an application (recused), superseded
opinions, an opinion without a total, opinions for an application the workspace does not hold,
outliers that trimming drops, half points, criteria named differently by different opinions,
conclusions with an amount or 不推荐, a majority of 不推荐, a missing claim time and a missing
computed subsidy. Every Decimal of the result is compared exactly (``str``: digits and
exponent), for several methods and allocation modes, on SQLite and on PostgreSQL, against
``panel_aggregate_pin.json``, which the code before issue 18's speed work wrote. Regenerate
it only on purpose: ``SLQ_PIN_WRITE=1 pytest tests/unit/test_panel_aggregate_pin.py``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from slq_desk.models.panel import PanelConclusion, PanelOpinion
from slq_desk.models.schema import Application
from slq_desk.panel import aggregate
from slq_desk.panel.rank_allocate import candidates, rank_and_allocate
from slq_desk.review.aggregate import DivergenceRule, PanelSettings
from slq_desk.workspace import Workspace

PIN = Path(__file__).with_name("panel_aggregate_pin.json")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
EXPERTS = [f"专家{e}" for e in range(7)]
CRITERIA = [{"key": "c1", "name": "真实使用", "max_score": "30"},
            {"key": "c2", "name": "场景", "max_score": "25"},
            {"key": "c3", "name": "创新", "max_score": "25"},
            {"key": "c4", "name": "效益", "max_score": "20"}]
# Another rubric text: c2 named differently (the first opinion read names it), c5 without a
# scale (no relative alert on it), c6 that no opinion scores.
CRITERIA_B = [{"key": "c2", "name": "应用场景"}, {"key": "c5", "name": "附加", "max_score": None},
              {"key": "c6", "name": "未用", "max_score": "10"}, {"key": "c1", "name": "真实使用"}]

SETTINGS = {
    "mean": PanelSettings(),
    "median": PanelSettings(method="median"),
    "trimmed": PanelSettings(method="trimmed_mean", trim_min_reviewers=5),
    "trimmed_fraction": PanelSettings(method="trimmed_mean", trim_min_reviewers=4,
                                      trim_fraction=Decimal("0.3")),
    "drop_high_low": PanelSettings(method="drop_high_low", places=1),
    "normalised": PanelSettings(method="mean", normalise=True, z_min_samples=3, places=3),
    # Rules on every criterion's deviation and absolute range, not only the default relative
    # range: the alerts then read each criterion's full statistics.
    "criterion_rules": PanelSettings(method="median", divergence=(
        DivergenceRule("stdev", Decimal("4"), "criterion"),
        DivergenceRule("range", Decimal("9.5"), "criterion"),
        DivergenceRule("range", Decimal("0.4"), "criterion", relative=True),
        DivergenceRule("range", Decimal("20"), "total"))),
}


def _scores(rng: random.Random, outlier: bool = False) -> dict[str, str]:
    out = {}
    for c in CRITERIA:
        top = int(c["max_score"])
        if outlier:
            out[c["key"]] = str(rng.randrange(0, 4))
        elif rng.random() < 0.3:
            out[c["key"]] = f"{rng.randrange(top // 2, top)}.5"
        else:
            out[c["key"]] = str(rng.randrange(top // 2, top + 1))
    return out


def _total(scores: Mapping[str, str]) -> str:
    return str(sum((Decimal(v) for v in scores.values()), Decimal("0")))


def build(ws: Workspace) -> None:
    rng = random.Random(1818)
    apps: list[dict[str, Any]] = []
    opinions: list[dict[str, Any]] = []
    seq = 0

    def opinion(app_id: str, reviewer: str, scores: dict[str, str], *, total: str | None = "",
                status: str = "active", rec: str | None = None, amount: str | None = "x",
                data: dict[str, Any] | None = None) -> None:
        nonlocal seq
        seq += 1
        t = _total(scores) if total == "" else total
        opinions.append({
            "sha256": f"{seq:064x}", "application_id": app_id, "reviewer": reviewer,
            "rubric_id": "pin", "total": t, "scores": scores,
            "recommendation": rec if rec is not None else (
                "推荐" if t is not None and Decimal(t) >= 60 else "不推荐"),
            "recommended_amount": (Decimal(rng.randrange(50, 400)) * 1000 + Decimal("0.37")
                                   if amount == "x" else None if amount is None else Decimal(amount)),
            "data": data if data is not None else {
                "criteria": CRITERIA, "comments": {"c1": "评语" * 40}, "version": 1},
            "warnings": [], "status": status, "imported_at": T0})

    for i in range(16):
        app_id = f"pin-{i:02d}"
        apps.append({"id": app_id, "policy_id": "hunan-2026" if i != 15 else "wuhan-2026",
                     "applicant_name": f"测试公司{i}", "applicant_uscc": f"91430000{i:010d}",
                     "status": "reviewed", "package_name": f"p{i}.zip",
                     "package_sha256": f"{i + 100:064x}",
                     "claimed_at": None if i == 9 else T0 + timedelta(hours=i % 5),
                     "created_at": T0 + timedelta(minutes=i),
                     "computed_subsidy": None if i == 11 else Decimal(rng.randrange(10_000, 900_000)) / 100})
    same = _scores(rng)
    for i in range(16):
        app_id = f"pin-{i:02d}"
        present = EXPERTS
        if i in (2, 7):
            present = EXPERTS[:4]  # three recused
        elif i == 5:
            present = EXPERTS[:2]
        elif i == 12:
            present = EXPERTS[3:4]  # one member only
        for e, reviewer in enumerate(present):
            if i in (3, 4, 13):
                scores = dict(same)  # identical panels: ties on every statistic
            else:
                scores = _scores(rng, outlier=(e == 6 and i % 3 == 0))
            kw: dict[str, Any] = {}
            if i == 6 and e == 1:
                del scores["c3"]  # a criterion left unscored
            if i == 8 and e == 2:
                scores = {}
                kw["total"] = "55"  # a total without criterion scores
            if i == 10 and e == 0:
                kw["total"] = None  # no total: not aggregated
            if i == 14:
                kw["rec"] = "不推荐" if e < 4 else "推荐"  # the majority does not recommend
            if e == 5:
                kw["amount"] = None  # no proposed amount
            if i == 0 and e == 0:
                kw["data"] = {"criteria": CRITERIA_B, "comments": {}}
                scores["c5"] = "3"
            if i == 1 and e == 4:
                kw["data"] = {}  # no criteria listed
            opinion(app_id, reviewer, scores, **kw)
        if i in (0, 6):
            # The member's earlier version, superseded by the active one above.
            opinion(app_id, present[0], _scores(rng, outlier=True), status="superseded")
    # Tie broken only by the application id: pin-03 and pin-13 share scores and claim time
    # (hour 3) but differ in request; pin-04 shares scores with them, not the claim hour.
    apps[13]["computed_subsidy"] = apps[3]["computed_subsidy"]
    apps[13]["claimed_at"] = apps[3]["claimed_at"]
    for reviewer in EXPERTS[:3]:
        opinion("not-held-1", reviewer, _scores(rng))
    with ws.session() as s:
        s.execute(insert(Application), apps)
        s.execute(insert(PanelOpinion), opinions)
        s.add(PanelConclusion(application_id="pin-01", recommendation="推荐",
                              recommended_amount=Decimal("123456.78"), chair="主席"))
        s.add(PanelConclusion(application_id="pin-02", recommendation="不推荐", chair="主席"))
        s.add(PanelConclusion(application_id="pin-05", recommendation="",
                              recommended_amount=None, chair="主席"))


def plain(value: Any) -> Any:
    """Every value as JSON, Decimals exactly (``str`` keeps digits and exponent), mapping order
    kept (pairs), dataclasses field by field."""
    if isinstance(value, Decimal):
        return "D:" + str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return [[plain(k), plain(v)] for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    return value


def snapshot(ws: Workspace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, settings in SETTINGS.items():
        with ws.session() as s:
            agg = aggregate.run(s, settings, "opinions")
            cands = candidates(s, agg)
            only = candidates(s, agg, "wuhan-2026")
        whole = plain(agg)
        entry: dict[str, Any] = {"candidates": plain(cands), "candidates_wuhan": plain(only),
                                 "lists": {}}
        if name == "mean":
            # What does not depend on the settings, once; and the display form once.
            entry |= {"aggregate": whole, "json": agg.to_json()}
        else:
            entry["aggregate"] = {k: v for k, v in whole.items() if k not in ("records", "criteria", "rubrics")}
        combos = [("rank", "1500000", None), ("rank", "1500000", Decimal("60")),
                  ("scaled", "800000", None), ("first_come", "900000", Decimal("60"))]
        for mode, budget, cut in combos if name == "mean" else combos[:2]:
            plist = rank_and_allocate(cands, budget=Decimal(budget), mode=mode, cut_off=cut,
                                      policy_id="hunan-2026")
            entry["lists"][f"{mode}/{budget}/{cut}"] = plain(plist)
        out[name] = entry
    return out


def _check(ws: Workspace) -> None:
    build(ws)
    got = json.loads(json.dumps(snapshot(ws), ensure_ascii=False))
    if os.environ.get("SLQ_PIN_WRITE"):
        PIN.write_text(json.dumps(got, ensure_ascii=False, indent=None, separators=(",", ":"))
                       + "\n", encoding="utf-8")
    want = json.loads(PIN.read_text(encoding="utf-8"))
    assert got.keys() == want.keys()
    for name in want:
        for part in want[name]:
            assert got[name][part] == want[name][part], f"{name}: {part} differs from the pin"


def test_the_generated_panel_covers_the_awkward_cases(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        build(ws)
        with ws.session() as s:
            agg = aggregate.run(s, SETTINGS["trimmed"], "opinions")
            plist = rank_and_allocate(candidates(s, agg), budget=Decimal("1500000"), mode="rank",
                                      cut_off=None, policy_id="hunan-2026")
        by_id = agg.by_id()
        assert "not-held-1" not in by_id and len(by_id) == 16
        assert by_id["pin-00"].total.trimmed and not by_id["pin-02"].total.trimmed
        assert len(by_id["pin-10"].reviewers) == 6  # the opinion without a total is left out
        assert by_id["pin-06"].criteria["c3"].n == 6  # one member left c3 unscored
        assert agg.criteria["c2"].name == "应用场景" and agg.criteria["c5"].max_score is None
        assert any(a.alerts for a in agg.results)
        entries = {e.candidate.application_id: e for e in plist.entries}
        assert entries["pin-13"].unresolved or entries["pin-03"].unresolved
        assert entries["pin-14"].candidate.not_recommended
        assert entries["pin-01"].candidate.amount_source == "conclusion"
        assert entries["pin-11"].candidate.requested == Decimal("0")
    finally:
        ws.close()


def test_aggregate_and_rank_match_the_pin_on_sqlite(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        _check(ws)
    finally:
        ws.close()


@pytest.mark.postgres
def test_aggregate_and_rank_match_the_pin_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    ws = Workspace.open(tmp_path / "ws", database_url=postgres_url)
    try:
        _check(ws)
    finally:
        ws.close()
