"""Runs the policy cases under tests/cases/<policy>/cases.toml.

Each case is an application (the file's defaults, overridden by the case) and the figures
derived by hand from the article it cites. A case passes when eligibility, base, subsidy and
the set of reason codes all match.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from slq_desk.policy import compute, load_policy

HERE = Path(__file__).parent
MIN_CASES = 12


def _load(policy_dir: Path) -> dict[str, Any]:
    with (policy_dir / "cases.toml").open("rb") as fh:
        return tomllib.load(fh)


def _application(data: dict[str, Any], case: dict[str, Any], policy: str) -> dict[str, Any]:
    defaults = data["defaults"]
    app = copy.deepcopy(defaults["application"])
    app["policy"] = policy
    override = copy.deepcopy(case.get("application", {}))
    if "applicant" in override:
        app["applicant"] = {**app["applicant"], **override.pop("applicant")}
    contracts = override.pop("contracts", None)
    app["contracts"] = [
        {**defaults["contract"], **c} for c in (contracts or [{}])
    ]
    lines = override.pop("lines", None)
    app["lines"] = [{**defaults["line"], **line} for line in (lines or [{}])]
    app.update(override)
    for key in case.get("unset", []):  # TOML has no null: a case removes a default instead
        app.pop(key, None)
    app["id"] = case["name"]
    return app


def _cases() -> list[Any]:
    params = []
    for policy_dir in sorted(p for p in HERE.iterdir() if (p / "cases.toml").is_file()):
        data = _load(policy_dir)
        for case in data["case"]:
            params.append(pytest.param(policy_dir.name, data, case,
                                       id=f"{policy_dir.name}:{case['name']}"))
    return params


@pytest.mark.parametrize("policy_dir", ["wuhan-2026", "dazhou-2026", "chengdu-2026",
                                        "hunan-2026", "beijing-2026"])
def test_each_policy_has_enough_cited_cases(policy_dir: str) -> None:
    cases = _load(HERE / policy_dir)["case"]
    assert len(cases) >= MIN_CASES
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names), "case names must be unique"
    for case in cases:
        assert case["article"].strip() and case["quote"].strip() and case["derivation"].strip()


@pytest.mark.parametrize(("policy_id", "data", "case"), _cases())
def test_case(policy_id: str, data: dict[str, Any], case: dict[str, Any]) -> None:
    policy = load_policy(policy_id)
    result = compute(_application(data, case, policy_id), policy)
    expect = case["expect"]
    got = {
        "eligible": result.eligible,
        "base": f"{result.base:.2f}",
        "subsidy": f"{result.subsidy:.2f}",
        "reasons": sorted({r.code for r in result.reasons}),
    }
    wanted = {
        "eligible": expect["eligible"],
        "base": expect["base"],
        "subsidy": expect["subsidy"],
        "reasons": sorted(set(expect.get("reasons", []))),
    }
    assert got == wanted, case["derivation"]
    for reason in result.to_dict()["reasons"]:
        assert reason["article"] and reason["message"] and reason["message_en"], reason
    # The case's article must be among those the computation cites.
    assert any(case["article"] in a for a in result.articles), (case["article"], result.articles)
