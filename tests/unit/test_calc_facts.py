"""Validating the calculator's input: hostile input is refused with the field named."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_calc_helpers import application

from slq_desk.errors import BadInput
from slq_desk.policy import compute, parse_application


def _refused(app: Any, field: str, *words: str, where: str = "") -> str:
    with pytest.raises(BadInput) as err:
        parse_application(app, where)
    message = str(err.value)
    assert message.startswith(f"{field}: "), message
    for word in words:
        assert word in message, message
    return message


def test_valid_application_parses_to_typed_facts() -> None:
    facts = parse_application(application())
    assert facts.lines[0].amount == Decimal("1000000.00")
    assert facts.applicant.received_this_year == Decimal("0")
    assert facts.direction == 1 and facts.score == Decimal("87.5")
    assert facts.claimed_at.utcoffset() == timedelta(hours=8)


def test_naive_claim_time_is_beijing_time() -> None:
    facts = parse_application(application(claimed_at="2026-06-01T09:00:00"))
    assert facts.claimed_at.utcoffset() == timedelta(hours=8)


def test_optional_fields_default() -> None:
    app = application()
    del app["applicant"]["sme"], app["applicant"]["received_this_year"]
    del app["contracts"][0]["other_fiscal_support"], app["lines"][0]["in_window_amount"]
    del app["direction"], app["score"]
    facts = parse_application(app)
    assert facts.applicant.sme is False and facts.direction is None and facts.score is None


def test_missing_field() -> None:
    app = application()
    del app["lines"][0]["amount"]
    _refused(app, "lines[0].amount", "missing")


def test_missing_top_level_field_in_a_list_names_the_index() -> None:
    app = application()
    del app["claimed_at"]
    _refused(app, "[3].claimed_at", "missing", where="[3]")


def test_unknown_field() -> None:
    _refused(application(subsidy_wanted="1"), "subsidy_wanted", "unknown field")
    app = application()
    app["lines"][0]["discount"] = "1"
    _refused(app, "lines[0].discount", "unknown field")


@pytest.mark.parametrize("number", [1000000, 1000000.5])
def test_amount_as_json_number(number: float) -> None:
    app = application()
    app["lines"][0]["amount"] = number
    _refused(app, "lines[0].amount", "JSON number", "string")


def test_negative_amount() -> None:
    app = application()
    app["lines"][0]["tax"] = "-1.00"
    _refused(app, "lines[0].tax", "negative")
    app = application()
    app["applicant"]["received_this_year"] = "-5"
    _refused(app, "applicant.received_this_year", "negative")


def test_end_before_start() -> None:
    app = application()
    app["lines"][0]["period_end"] = "2026-01-09"
    _refused(app, "lines[0].period_end", "before period_start")


def test_sub_fen_amount() -> None:
    app = application()
    app["lines"][0]["amount"] = "100.005"
    _refused(app, "lines[0].amount", "fen")


def test_implausibly_large_amount() -> None:
    app = application()
    app["lines"][0]["amount"] = "1" + "0" * 30
    _refused(app, "lines[0].amount", "implausibly large")


def test_garbage_amount() -> None:
    app = application()
    app["contracts"][0]["total"] = "一百万"
    _refused(app, "contracts[0].total", "not a decimal amount")


def test_unknown_enum_values() -> None:
    app = application()
    app["applicant"]["kind"] = "government"
    _refused(app, "applicant.kind", "government")
    app = application()
    app["lines"][0]["service"] = "coffee"
    _refused(app, "lines[0].service", "coffee")
    app = application()
    app["lines"][0]["compute_class"] = "analog"
    _refused(app, "lines[0].compute_class", "analog")


def test_compute_line_needs_a_class() -> None:
    app = application()
    del app["lines"][0]["compute_class"]
    _refused(app, "lines[0].compute_class", "missing")


def test_line_must_name_a_known_contract() -> None:
    app = application()
    app["lines"][0]["contract"] = "HT-9"
    _refused(app, "lines[0].contract", "HT-9")


def test_duplicate_contract_id() -> None:
    app = application()
    app["contracts"].append(dict(app["contracts"][0]))
    _refused(app, "contracts[1].id", "duplicate")


def test_in_window_amount_above_amount() -> None:
    app = application()
    app["lines"][0]["in_window_amount"] = "1000000.01"
    _refused(app, "lines[0].in_window_amount", "exceeds")


def test_bad_dates() -> None:
    _refused(application(claimed_at="yesterday"), "claimed_at", "ISO 8601")
    app = application()
    app["contracts"][0]["signed_on"] = "2026-02-30"
    _refused(app, "contracts[0].signed_on", "not a date")


def test_bad_direction_score_and_bool() -> None:
    _refused(application(direction=True), "direction")
    _refused(application(direction=0), "direction")
    _refused(application(score="high"), "score", "not a number")
    app = application()
    app["lines"][0]["domestic"] = "yes"
    _refused(app, "lines[0].domestic", "true or false")


def test_not_an_object() -> None:
    _refused([1, 2], "input", "object")
    _refused(application(applicant="someone"), "applicant", "object")
    _refused(application(lines={}), "lines", "list")
    _refused(application(contracts=[]), "contracts", "non-empty")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=12) | st.sampled_from(["1e5", "NaN", "-0", "0.001", "9" * 40,
                                             "2026-02-30", "compute", "HT-1", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6,
)
PATHS = [("id",), ("claimed_at",), ("direction",), ("score",), ("applicant",),
         ("applicant", "kind"), ("applicant", "sme"), ("applicant", "received_this_year"),
         ("contracts",), ("contracts", 0, "id"), ("contracts", 0, "total"),
         ("contracts", 0, "signed_on"), ("contracts", 0, "other_fiscal_support"), ("lines",),
         ("lines", 0), ("lines", 0, "contract"), ("lines", 0, "service"),
         ("lines", 0, "compute_class"), ("lines", 0, "domestic"), ("lines", 0, "amount"),
         ("lines", 0, "tax"), ("lines", 0, "period_start"), ("lines", 0, "period_end"),
         ("lines", 0, "in_window_amount")]


@settings(max_examples=300, deadline=None, database=None)
@given(st.sampled_from(PATHS), JSON_VALUES, st.sampled_from(
    ["wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026", "beijing-2026"]))
def test_hostile_values_are_refused_cleanly(path: tuple[Any, ...], value: Any, pid: str) -> None:
    app = application()
    target: Any = app
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        result = compute(app, pid)
    except BadInput as err:
        assert str(err)
    else:
        assert result.subsidy >= 0
