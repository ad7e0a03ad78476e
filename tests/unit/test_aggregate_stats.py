"""Panel aggregation: Decimal statistics, trimming with ≥ 5 reviewers, divergence alerts from
data, z-score normalisation with its minimum-sample guard, calibration."""

from __future__ import annotations

import statistics
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slq_desk.errors import BadInput
from slq_desk.review.aggregate import (
    PanelSettings,
    ScoreRecord,
    aggregate,
    calibration,
    describe,
    normalise,
)


def d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def rec(reviewer: str, app: str, total: str, **criteria: str) -> ScoreRecord:
    return ScoreRecord(reviewer, app, Decimal(total), {k: Decimal(v) for k, v in criteria.items()})


def test_describe_known_values() -> None:
    s = describe(d("2", "4", "4", "4", "5", "5", "7", "9"))
    assert s.mean == Decimal("5") and s.median == Decimal("4.5")
    assert s.range == Decimal("7") and s.minimum == Decimal("2")
    # sample sd = sqrt(32 / 7)
    assert s.stdev is not None and abs(s.stdev ** 2 - Decimal(32) / Decimal(7)) < Decimal("1e-20")
    assert s.trimmed and s.trimmed_mean == Decimal("29") / Decimal("6")
    assert all(isinstance(v, Decimal) for v in (s.mean, s.median, s.trimmed_mean, s.stdev))


def test_trimming_needs_five_reviewers() -> None:
    four = describe(d("10", "80", "82", "84"))
    assert not four.trimmed and four.trimmed_mean == four.mean
    five = describe(d("10", "80", "82", "84", "99"))
    assert five.trimmed and five.trimmed_mean == Decimal("82")
    assert describe(d("10", "80", "82", "84"), trim_min_reviewers=4).trimmed


def test_single_score_has_no_stdev_and_empty_is_refused() -> None:
    assert describe(d("70")).stdev is None
    with pytest.raises(BadInput):
        describe([])


def test_display_is_quantised() -> None:
    shown = describe(d("70", "71", "71")).display(2)
    assert shown["mean"] == "70.67" and shown["median"] == "71.00" and shown["range"] == "1"


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=2, max_size=12))
def test_matches_exact_fractions(tenths: list[int]) -> None:
    values = [Decimal(t) / 10 for t in tenths]
    s = describe(values)
    exact = [Fraction(t, 10) for t in tenths]
    assert abs(Fraction(s.mean) - statistics.mean(exact)) < Fraction(1, 10**20)
    assert Fraction(s.median) == statistics.median(exact)
    var = statistics.variance(exact)
    assert s.stdev is not None and abs(Fraction(s.stdev) ** 2 - var) < Fraction(1, 10**15)
    assert s.minimum <= s.trimmed_mean <= s.maximum


def test_divergence_alert_on_total_range() -> None:
    records = [rec("甲", "A", "85"), rec("乙", "A", "55"), rec("丙", "A", "80"),
               rec("甲", "B", "70"), rec("乙", "B", "65")]
    by_app = {a.application_id: a for a in aggregate(records)}
    assert [(x.scope, x.metric) for x in by_app["A"].alerts] == [("total", "range"),
                                                                 ("total", "stdev")]
    assert by_app["A"].alerts[0].value == Decimal("30")
    assert by_app["B"].alerts == ()


def test_thresholds_are_data() -> None:
    settings = PanelSettings.from_mapping({
        "method": "median",
        "divergence": [{"metric": "range", "threshold": "10", "scope": "total"},
                       {"metric": "range", "threshold": "0.4", "scope": "criterion",
                        "relative": True, "message": "单项分歧"}],
    })
    records = [rec("甲", "A", "70", effect="20"), rec("乙", "A", "81", effect="10"),
               rec("丙", "A", "75", effect="18")]
    [agg] = aggregate(records, settings, scales={"effect": Decimal("25")})
    assert agg.score == Decimal("75")  # median
    scopes = {(a.scope, a.threshold) for a in agg.alerts}
    assert scopes == {("total", Decimal("10")), ("effect", Decimal("10.0"))}
    assert next(a for a in agg.alerts if a.scope == "effect").message == "单项分歧"


@pytest.mark.parametrize("raw, words", [
    ({"method": "mode"}, "unknown method"),
    ({"divergence": [{"metric": "range", "threshold": 30.0}]}, "string"),
    ({"divergence": [{"metric": "iqr", "threshold": "3"}]}, "range or stdev"),
    ({"trim_min_reviewers": 2}, "at least 3"),
    ({"z_min_samples": "5"}, "integer"),
])
def test_bad_settings_are_refused(raw: dict[str, object], words: str) -> None:
    with pytest.raises(BadInput, match=words):
        PanelSettings.from_mapping(raw)


def test_duplicate_sheets_are_refused() -> None:
    with pytest.raises(BadInput, match="two score sheets"):
        aggregate([rec("甲", "A", "70"), rec("甲", "A", "71")])


def _panel() -> list[ScoreRecord]:
    # 甲 is harsh (about 10 below), 乙 generous, both over six applications; 丙 scored only two.
    base = {"A": 80, "B": 75, "C": 70, "D": 65, "E": 60, "F": 55}
    records = [rec("甲", a, str(v - 10)) for a, v in base.items()]
    records += [rec("乙", a, str(v + 5)) for a, v in base.items()]
    records += [rec("丙", "A", "90"), rec("丙", "B", "50")]
    return records


def test_normalisation_removes_a_reviewer_offset_and_guards_small_samples() -> None:
    norm = normalise(_panel(), min_samples=5)
    assert norm.normalised == ("乙", "甲")
    assert "丙" in norm.skipped and "< 5" in norm.skipped["丙"]
    assert norm.adjusted[("丙", "A")] == Decimal("90")  # raw kept
    # after normalisation the harsh and the generous reviewer agree on every application
    for app in "ABCDEF":
        diff = norm.adjusted[("甲", app)] - norm.adjusted[("乙", app)]
        assert abs(diff) < Decimal("1e-20")


def test_normalised_score_is_used_when_enabled() -> None:
    raw = {a.application_id: a for a in aggregate(_panel())}
    norm = {a.application_id: a for a in aggregate(_panel(), PanelSettings(normalise=True))}
    assert raw["C"].normalised is None and norm["C"].normalised is not None
    assert norm["C"].total == raw["C"].total  # raw statistics stay visible beside the score
    assert norm["C"].score != raw["C"].score


def test_calibration() -> None:
    cal = {c.reviewer: c for c in calibration(_panel())}
    assert cal["甲"].offset < 0 < cal["乙"].offset
    assert cal["丙"].n == 2


def test_settings_from_file(tmp_path: Path) -> None:
    path = tmp_path / "panel.toml"
    path.write_text('method = "trimmed_mean"\nnormalise = true\n\n[[divergence]]\n'
                    'metric = "range"\nthreshold = "25"\n', encoding="utf-8")
    s = PanelSettings.from_file(path)
    assert s.method == "trimmed_mean" and s.normalise
    assert s.divergence[0].threshold == Decimal("25")
    path.write_text('[[divergence]]\nmetric = "range"\nthreshold = 25.5\n', encoding="utf-8")
    with pytest.raises(BadInput, match="panel.toml.*threshold"):
        PanelSettings.from_file(path)
