"""The panel's combining methods (mean, median, trimmed mean, 去掉一个最高分和一个最低分), chosen
in the panel settings and printed on the outputs; results checked against hand arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest

from slq_desk.errors import BadInput
from slq_desk.review.aggregate import PanelSettings, ScoreRecord, aggregate, describe


def d(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def test_four_methods_on_five_scores_by_hand() -> None:
    # sorted 61.5 70 78.5 80 96: mean 386 / 5 = 77.2; median 78.5;
    # without the highest and lowest: (70 + 78.5 + 80) / 3 = 228.5 / 3 = 76.1666…
    s = describe(d("78.5", "96", "61.5", "80", "70"))
    assert s.mean == Decimal("77.2")
    assert s.median == Decimal("78.5")
    assert s.drop_high_low == Decimal("228.5") / Decimal("3") and s.dropped
    assert s.trimmed and s.trimmed_mean == s.drop_high_low  # one each side by default
    for method, expected in (("mean", "77.2"), ("median", "78.5")):
        assert s.value(method) == Decimal(expected)
    assert s.value("drop_high_low").quantize(Decimal("0.01")) == Decimal("76.17")


def test_drop_high_low_applies_to_three_scores_where_trimmed_mean_does_not() -> None:
    s = describe(d("88", "52", "70"))
    assert s.dropped and s.drop_high_low == Decimal("70")
    assert not s.trimmed and s.trimmed_mean == Decimal("70")  # 210 / 3, nothing dropped
    two = describe(d("88", "52"))
    assert not two.dropped and two.drop_high_low == Decimal("70")  # mean kept, flagged


def test_trimmed_mean_by_fraction() -> None:
    # ten scores 10..100, 20% each end: drop 10, 20 and 90, 100 → (30+…+80) / 6 = 330 / 6 = 55
    values = d(*(str(v) for v in range(10, 101, 10)))
    s = describe(values, trim_min_reviewers=5, trim_fraction=Decimal("0.2"))
    assert s.trimmed and s.trimmed_mean == Decimal("55")
    # 10% of 10 is one each end: (20+…+90) / 8 = 440 / 8 = 55 as well; use skewed data
    skew = d("0", "50", "50", "50", "50", "50", "50", "50", "50", "100")
    assert describe(skew, 5, Decimal("0.1")).trimmed_mean == Decimal("50")
    assert describe(skew, 5).mean == Decimal("50")
    lopsided = d("0", "0", "60", "60", "60", "60", "60", "60", "60", "100")
    # mean 520 / 10 = 52; 20% trim drops 0, 0, 60, 100 → 360 / 6 = 60
    assert describe(lopsided).mean == Decimal("52")
    assert describe(lopsided, 5, Decimal("0.2")).trimmed_mean == Decimal("60")


def test_method_chosen_in_settings_drives_the_panel_score() -> None:
    recs = [ScoreRecord("甲", "A", Decimal("90")), ScoreRecord("乙", "A", Decimal("60")),
            ScoreRecord("丙", "A", Decimal("72"))]
    scores = {m: aggregate(recs, PanelSettings(method=m))[0].score
              for m in ("mean", "median", "trimmed_mean", "drop_high_low")}
    assert scores == {"mean": Decimal("74"), "median": Decimal("72"),
                      "trimmed_mean": Decimal("74"), "drop_high_low": Decimal("72")}
    three = PanelSettings(method="trimmed_mean", trim_min_reviewers=3)
    assert aggregate(recs, three)[0].score == Decimal("72")


def test_settings_read_the_method_and_fraction_and_name_it() -> None:
    s = PanelSettings.from_mapping({"method": "drop_high_low"})
    assert s.method_label == "去掉一个最高分和一个最低分后的平均分（专家不少于3人）"
    t = PanelSettings.from_mapping({"method": "trimmed_mean", "trim_fraction": "0.2",
                                    "trim_min_reviewers": 5})
    assert t.trim_fraction == Decimal("0.2")
    assert t.method_label == "截尾平均分（专家不少于5人时两端各去掉20%）"
    assert PanelSettings().method_label == "平均分"
    with pytest.raises(BadInput):
        PanelSettings.from_mapping({"method": "trimmed_mean", "trim_fraction": "0.5"})
    with pytest.raises(BadInput):
        PanelSettings.from_mapping({"trim_fraction": 0.2})  # a float is refused
    with pytest.raises(BadInput):
        PanelSettings.from_mapping({"method": "geometric"})
