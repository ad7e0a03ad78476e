"""复核 flags: 畸高畸低 per criterion, ±30 % deviation, arithmetic errors, out-of-range scores —
each checked against hand arithmetic; flags stored once, requested, resolved by explanation
or by a revised signed opinion (both versions kept)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.models.panel import PanelOpinion
from slq_desk.models.panel_process import FLAG_REQUESTED, FLAG_RESOLVED
from slq_desk.opinion.data import Criterion, DocumentRef, OpinionData
from slq_desk.panel import flags
from slq_desk.panel.collect import import_opinions, opinions
from slq_desk.panel.demo import add_applications, sign_opinion, throwaway_identity
from slq_desk.workspace import Workspace

CRITERIA = (("real_usage", "真实使用", 30), ("scenario_plan", "场景规划", 25),
            ("innovation", "创新", 20), ("effect", "成效", 25))


def op(reviewer: str, scores: tuple[str, ...], total: str | None = None, sha: str = "",
       app: str = "A") -> PanelOpinion:
    crit = [{"key": k, "name": n, "score": v, "max_score": str(m), "weight": str(m)}
            for (k, n, m), v in zip(CRITERIA, scores, strict=True)]
    tot = total if total is not None else format(sum(Decimal(v) for v in scores), "f")
    return PanelOpinion(sha256=sha or f"{reviewer}{app}".ljust(64, "0"), application_id=app,
                        reviewer=reviewer, total=tot, data={"criteria": crit})


def kinds(found: list[flags.Finding]) -> list[tuple[str, str, str]]:
    return [(f.reviewer, f.kind, f.criterion) for f in found]


def test_outlier_is_measured_against_the_mean_of_the_others() -> None:
    # real_usage: 甲 27 vs (18 + 19) / 2 = 18.5 → 8.5 > 0.25 × 30 = 7.5: 畸高.
    # 乙 18 vs (27 + 19) / 2 = 23 → 5; 丙 19 vs 22.5 → 3.5: not flagged.
    rows = [op("甲", ("27", "20", "15", "20")), op("乙", ("18", "20", "15", "20")),
            op("丙", ("19", "20", "15", "20"))]
    found = flags.panel_findings(rows, flags.FlagSettings())
    assert kinds(found) == [("甲", "outlier", "real_usage")]
    f = found[0]
    assert f.value == Decimal("27") and f.reference == Decimal("18.5")
    assert f.threshold == Decimal("7.50") and "畸高" in f.message
    # exactly at the limit is not beyond it: 26 − 18.5 = 7.5
    rows[0] = op("甲", ("26", "20", "15", "20"))
    assert flags.panel_findings(rows, flags.FlagSettings()) == []
    # two experts have no "others" to speak of
    assert flags.panel_findings(rows[:2], flags.FlagSettings()) == []


def test_deviation_of_more_than_thirty_percent_from_the_mean() -> None:
    # totals 90, 55, 50: mean 65, ±30 % = 19.5; 90 − 65 = 25 > 19.5 → flagged (+38.46 %)
    rows = [op("甲", ("30", "25", "15", "20")), op("乙", ("15", "15", "10", "15")),
            op("丙", ("15", "12", "10", "13"))]
    settings = flags.FlagSettings(outlier_fraction=Decimal("1"))  # outliers off
    found = flags.panel_findings(rows, settings)
    assert kinds(found) == [("甲", "deviation", "")]
    assert found[0].reference == Decimal("65") and found[0].threshold == Decimal("19.50")
    assert "38.46%" in found[0].message


def test_arithmetic_and_range() -> None:
    settings = flags.FlagSettings()
    good = op("甲", ("27", "20", "15", "20"))
    assert flags.opinion_findings(good, settings) == []
    wrong = op("乙", ("27", "20", "15", "20"), total="85")  # 27 + 20 + 15 + 20 = 82
    found = flags.opinion_findings(wrong, settings)
    assert kinds(found) == [("乙", "arithmetic", "")] and found[0].reference == Decimal("82")
    over = op("丙", ("31", "20", "15", "20"))
    assert kinds(flags.opinion_findings(over, settings)) == [("丙", "range", "real_usage")]
    # weights differing from the maxima: 24/30 × 40 + 20/25 × 20 + 15/20 × 20 + 20/25 × 20
    # = 32 + 16 + 15 + 16 = 79
    o = op("丁", ("24", "20", "15", "20"), total="79")
    for c, w in zip(o.data["criteria"], ("40", "20", "20", "20"), strict=True):
        c["weight"] = w
    assert flags.opinion_findings(o, settings) == []


def test_settings_from_the_recheck_table() -> None:
    s = flags.FlagSettings.from_mapping({"outlier_fraction": "0.2", "deviation_fraction": "0.3"})
    assert s.outlier_fraction == Decimal("0.2") and s.deviation_fraction == Decimal("0.3")
    with pytest.raises(BadInput):
        flags.FlagSettings.from_mapping({"outlier_fraction": 0.2})
    with pytest.raises(BadInput):
        flags.FlagSettings.from_mapping({"outliers": "0.2"})


def _signed(app_id: str, reviewer: str, scores: tuple[str, ...], ident: object,
            day: date) -> bytes:
    data = OpinionData(
        application_id=app_id, applicant_name="测试单位", policy_id="hunan-2026",
        reviewer=reviewer, review_date=day, kind="expert", rubric_id="hunan-2026",
        rubric_version="2026.1",
        documents=[DocumentRef("01-服务合同.pdf", "contract", 6, "e" * 64)],
        criteria=[Criterion(k, n, Decimal(v), Decimal(m), Decimal(m), "评语内容足够长，理由充分。")
                  for (k, n, m), v in zip(CRITERIA, scores, strict=True)],
        total=sum((Decimal(v) for v in scores), Decimal("0")), recommendation="推荐",
        computed_subsidy=Decimal("318000.00"), recommended_subsidy=Decimal("300000.00"),
        coi_declared=True)
    return sign_opinion(data, ident)  # type: ignore[arg-type]


def test_flag_request_and_resolution_keep_both_versions(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    ws = Workspace.open(tmp_path / "ws")
    app = add_applications(ws, 7, tmp_path / "pkgs")[0]
    # One key per reviewer: an opinion naming someone other than its signer is refused.
    idents = {n: throwaway_identity(n, "测试评审组") for n in ("甲", "乙", "丙")}
    inbox = tmp_path / "in"
    inbox.mkdir()
    rows = {"甲": ("27", "20", "15", "20"), "乙": ("18", "20", "15", "20"),
            "丙": ("19", "20", "15", "20")}
    for name, scores in rows.items():
        (inbox / f"{name}.pdf").write_bytes(_signed(app, name, scores, idents[name],
                                                    date(2026, 11, 1)))
    assert not import_opinions(ws, inbox).refused
    with ws.session() as s:
        new = flags.refresh(s, "组长", flags.FlagSettings())
        assert [(f.reviewer, f.kind, f.criterion) for f in new] == [("甲", "outlier", "real_usage")]
        assert flags.refresh(s, "组长", flags.FlagSettings()) == []  # stored once
        flag_id = new[0].id
        doc = flags.request_recheck(s, "组长", flag_id, "请核实使用记录")
        assert doc["reviewer"] == "甲" and "畸高畸低" in doc["text"]
        assert flags.all_flags(s)[0].status == FLAG_REQUESTED
    with pytest.raises(BadInput):
        flags.resolve(ws, flag_id)  # neither explanation nor revision
    other = tmp_path / "other.pdf"
    other.write_bytes(_signed(app, "乙", ("20", "20", "15", "20"), idents["乙"], date(2026, 11, 3)))
    with pytest.raises(BadInput, match="another expert"):
        flags.resolve(ws, flag_id, revised=other)
    revised = tmp_path / "revised.pdf"
    revised.write_bytes(_signed(app, "甲", ("22", "20", "15", "20"), idents["甲"], date(2026, 11, 3)))
    done = flags.resolve(ws, flag_id, explanation="复核后按使用记录调整", revised=revised)
    assert done.resolution == "revised" and done.revised_sha256 and not done.still_flagged
    with ws.session() as s:
        row = flags.all_flags(s)[0]
        assert row.status == FLAG_RESOLVED and row.revised_sha256 == done.revised_sha256
        mine = [o for o in opinions(s, app) if o.reviewer == "甲"]
        assert sorted(o.status for o in mine) == ["active", "superseded"]  # both kept
        assert flags.refresh(s, "组长", flags.FlagSettings()) == []
    with pytest.raises(BadInput, match="already resolved"):
        flags.resolve(ws, flag_id, explanation="again")


def test_bad_recheck_thresholds_are_refused_before_storing(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from slq_desk.panel.settings import store_file

    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    ws = Workspace.open(tmp_path / "ws")
    bad = tmp_path / "bad.toml"
    bad.write_text('method = "drop_high_low"\n[recheck]\noutlier_fraction = 0.3\n', "utf-8")
    good = tmp_path / "good.toml"
    good.write_text('method = "drop_high_low"\n[recheck]\noutlier_fraction = "0.3"\n', "utf-8")
    with ws.session() as s:
        with pytest.raises(BadInput, match="浮点"):
            store_file(s, "组长", bad)
        assert flags.stored_flag_settings(s) == flags.FlagSettings()
        store_file(s, "组长", good)
        assert flags.stored_flag_settings(s).outlier_fraction == Decimal("0.3")
