"""The policy loader: shipped files load and cite their texts; broken files are refused by name."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.policy import PolicyFileError, list_policies, load_policy, load_policy_file
from slq_desk.resources import resource_path

POLICIES = ["beijing-2026", "chengdu-2026", "dazhou-2026", "hunan-2026", "wuhan-2026"]
from tests.support.paths import SEEDS

WUHAN = resource_path("policies", "wuhan-2026.toml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "wuhan-2026.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path: Path, text: str, *needles: str) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(PolicyFileError) as err:
        load_policy_file(path)
    message = str(err.value)
    assert message.startswith("wuhan-2026.toml: "), message
    for needle in needles:
        assert needle in message, message
    return message


def test_all_five_policies_are_listed_and_load() -> None:
    assert list_policies() == POLICIES
    for pid in POLICIES:
        policy = load_policy(pid)
        assert policy.id == pid
        assert policy.parameter("rate").values


def test_every_value_carries_a_citation() -> None:
    for pid in POLICIES:
        for param in load_policy(pid).parameters.values():
            for value in param.values:
                assert value.citation.article.strip(), (pid, param.name)
                assert value.citation.quote.strip(), (pid, param.name)
                assert value.citation.document.strip(), (pid, param.name)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="policy texts not available")
def test_every_quote_appears_in_its_text() -> None:
    for pid in POLICIES:
        policy = load_policy(pid)
        source = _normalise((SEEDS / policy.source).read_text(encoding="utf-8"))
        for param in policy.parameters.values():
            for value in param.values:
                for part in value.citation.quote.split("……"):
                    fragment = _normalise(part).strip("。；，")
                    assert fragment in source, (pid, param.name, fragment)


def test_rates_and_amounts_are_decimals() -> None:
    wuhan = load_policy("wuhan-2026")
    day = date(2026, 6, 1)
    assert wuhan.value_on("rate", day)["compute/domestic/*"] == Decimal("0.30")
    assert wuhan.value_on("threshold", day) == Decimal("50000")
    assert load_policy("beijing-2026").value_on("cap", day)["2"] == Decimal("5000000")


def test_unknown_policy_is_bad_input() -> None:
    with pytest.raises(BadInput, match="unknown policy 'nowhere-2026'"):
        load_policy("nowhere-2026")


def test_shipped_copy_loads_from_tmp(tmp_path: Path) -> None:
    policy = load_policy_file(_write(tmp_path, WUHAN))
    assert policy.id == "wuhan-2026"


def test_refuses_a_float_rate(tmp_path: Path) -> None:
    text = WUHAN.replace('"compute/domestic/*" = "0.30"', '"compute/domestic/*" = 0.30')
    _refused(tmp_path, text, "params.rate.value.compute/domestic/*", "float")


def test_refuses_a_float_amount(tmp_path: Path) -> None:
    text = WUHAN.replace('value = "50000"', "value = 50000.0")
    _refused(tmp_path, text, "params.threshold.value", "float")


def test_refuses_an_integer_amount(tmp_path: Path) -> None:
    text = WUHAN.replace('value = "50000"', "value = 50000")
    _refused(tmp_path, text, "params.threshold.value", "must be a string")


def test_refuses_a_value_without_citation(tmp_path: Path) -> None:
    text = re.sub(
        r'(\[params\.threshold\][^\[]*?)cite = \{[^\n]*\}\n', r"\1", WUHAN, count=1
    )
    assert text != WUHAN
    _refused(tmp_path, text, "params.threshold.cite", "missing citation")


def test_refuses_a_citation_without_quote(tmp_path: Path) -> None:
    text = WUHAN.replace(
        'cite = { article = "第七条", quote = "同一主体年度补贴总额最高300万元" }',
        'cite = { article = "第七条" }',
        1,
    )
    _refused(tmp_path, text, "params.cap.cite.quote", "missing")


def test_refuses_overlapping_date_ranges(tmp_path: Path) -> None:
    text = WUHAN.replace(
        '[params.threshold]\nkind = "amount"',
        '[params.threshold]\nkind = "amount"\nvalues = [\n'
        '  { valid_from = 2026-01-01, valid_to = 2026-06-30, value = "50000", '
        'cite = { article = "第七条", quote = "5万元（含）以上" } },\n'
        '  { valid_from = 2026-06-30, value = "60000", '
        'cite = { article = "第七条", quote = "5万元（含）以上" } },\n]\n'
        "[params.threshold_old]\nkind = \"amount\"",
    )
    _refused(tmp_path, text, "params.threshold", "overlap", "2026-06-30")


def test_accepts_adjacent_date_ranges(tmp_path: Path) -> None:
    text = WUHAN.replace(
        '[params.threshold]\nkind = "amount"',
        '[params.threshold]\nkind = "amount"\nvalues = [\n'
        '  { valid_from = 2026-01-01, valid_to = 2026-06-30, value = "50000", '
        'cite = { article = "第七条", quote = "5万元（含）以上" } },\n'
        '  { valid_from = 2026-07-01, value = "60000", '
        'cite = { article = "第七条", quote = "5万元（含）以上" } },\n]\n'
        "[params.threshold_old]\nkind = \"amount\"",
    )
    policy = load_policy_file(_write(tmp_path, text))
    assert policy.value_on("threshold", date(2026, 6, 30)) == Decimal("50000")
    assert policy.value_on("threshold", date(2026, 7, 1)) == Decimal("60000")


def test_refuses_a_gap_while_in_force(tmp_path: Path) -> None:
    text = WUHAN.replace(
        '[params.threshold]\nkind = "amount"\ndescription = "Minimum qualifying purchase (含), '
        'measured on the eligible base."\nvalid_from = 2026-01-01',
        '[params.threshold]\nkind = "amount"\nvalid_from = 2026-03-01',
    )
    assert text != WUHAN
    _refused(tmp_path, text, "params.threshold", "2026-01-01", "in force")


def test_refuses_an_unknown_key(tmp_path: Path) -> None:
    text = WUHAN.replace("[params.cap]\nkind", "[params.cap]\nvaild_to = 2026-12-31\nkind")
    _refused(tmp_path, text, "params.cap", "vaild_to")


def test_refuses_a_missing_required_parameter(tmp_path: Path) -> None:
    text = WUHAN.replace("[params.cap]", "[params.cap_renamed]")
    _refused(tmp_path, text, "params.cap", "required")


def test_refuses_an_unknown_rounding_mode(tmp_path: Path) -> None:
    text = WUHAN.replace('value = "half_up"', 'value = "bankers"')
    _refused(tmp_path, text, "params.rounding_mode.value", "bankers")


def test_refuses_a_rate_above_one(tmp_path: Path) -> None:
    text = WUHAN.replace('"compute/domestic/*" = "0.30"', '"compute/domestic/*" = "30"')
    _refused(tmp_path, text, "params.rate.value.compute/domestic/*", "fraction")


def test_refuses_an_unknown_material(tmp_path: Path) -> None:
    text = WUHAN.replace('value = ["contract", "commitment_letter", "authorisation_letter"]',
                         'value = ["contract", "授权书"]')
    _refused(tmp_path, text, "params.materials_apply", "授权书")


def test_refuses_an_id_that_differs_from_the_file_name(tmp_path: Path) -> None:
    text = WUHAN.replace('id = "wuhan-2026"', 'id = "wuhan-2027"')
    _refused(tmp_path, text, "policy.id")


def test_refuses_broken_toml(tmp_path: Path) -> None:
    _refused(tmp_path, WUHAN + "\n[params.cap\n", "not valid TOML")


def test_refuses_a_rule_without_its_companion(tmp_path: Path) -> None:
    text = resource_path("policies", "hunan-2026.toml").read_text(encoding="utf-8")
    text = text.replace("[params.proration]", "[params.proration_renamed]")
    path = tmp_path / "hunan-2026.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyFileError, match=r"hunan-2026.toml: params.proration: required "
                                              r"with params.service_window"):
        load_policy_file(path)
