"""Collecting signed opinions: valid ones stored, invalid ones refused with the reason, the
newer of a reviewer's two kept (both listed), opinions for unknown applications listed."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.opinion.data import Criterion, DocumentRef, OpinionData
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.panel import aggregate
from slq_desk.panel.collect import import_opinions, opinions
from slq_desk.panel.demo import add_applications, sign_opinion, throwaway_identity
from slq_desk.workspace import Workspace


@pytest.fixture(scope="module")
def idents() -> dict[str, LoadedIdentity]:
    # RSA-3072 generation is slow: once per module.
    return {n: throwaway_identity(n, "测试评审组") for n in ("张伟", "李娜")}


@pytest.fixture()
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    w = Workspace.open(tmp_path / "ws")
    add_applications(w, 7, tmp_path / "pkgs")
    return w


def opinion(app_id: str, reviewer: str, total: str = "80", day: date = date(2026, 11, 1),
            kind: str = "expert") -> OpinionData:
    parts = [Decimal(total) * w / 100 for w in (30, 25, 20, 25)]
    return OpinionData(
        application_id=app_id, applicant_name="测试单位", policy_id="hunan-2026",
        reviewer=reviewer, review_date=day, kind=kind, rubric_id="hunan-2026",
        rubric_version="2026.1",
        documents=[DocumentRef("01-服务合同.pdf", "contract", 6, "e" * 64)],
        criteria=[Criterion(k, k, v, Decimal(m), Decimal(m), "评语内容足够长")
                  for (k, m), v in zip((("real_usage", 30), ("scenario_plan", 25),
                                        ("innovation", 20), ("effect", 25)), parts, strict=False)],
        total=Decimal(total), recommendation="推荐", computed_subsidy=Decimal("318000.00"),
        recommended_subsidy=Decimal("300000.00"), coi_declared=True)


APP = "hunan-panel-7-01"


def test_valid_opinions_are_imported_and_aggregated(ws: Workspace, idents: dict, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(sign_opinion(opinion(APP, "张伟", "80"), idents["张伟"]))
    (folder / "b.pdf").write_bytes(sign_opinion(opinion(APP, "李娜", "70"), idents["李娜"]))
    report = import_opinions(ws, folder)
    assert [o.reviewer for o in report.imported] == ["张伟", "李娜"]
    assert not report.refused and all(o.held for o in report.imported)
    # The reviewer listed other files than the workspace holds: said, not refused.
    assert any("not in this workspace's package" in w for w in report.imported[0].warnings)
    with ws.session() as s:
        agg = aggregate.run(s)
    (result,) = agg.results
    assert result.score == Decimal("75") and result.total.range == Decimal("10")
    # Importing the same files again changes nothing.
    again = import_opinions(ws, folder)
    assert len(again.already) == 2 and not again.imported


def test_invalid_files_are_refused_with_their_reason(ws: Workspace, idents: dict, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = sign_opinion(opinion(APP, "张伟"), idents["张伟"])
    tampered = bytearray(good)
    tampered[len(good) // 3] ^= 0x01
    (folder / "1-tampered.pdf").write_bytes(bytes(tampered))
    (folder / "2-unsigned.pdf").write_bytes(sign_opinion(opinion(APP, "张伟"), None))
    (folder / "3-truncated.pdf").write_bytes(good[: len(good) - 200])
    (folder / "4-not-a-pdf.pdf").write_bytes(b"hello")
    (folder / "5-panel.pdf").write_bytes(sign_opinion(opinion(APP, "张伟", kind="panel"),
                                                      idents["张伟"]))
    (folder / "6-appended.pdf").write_bytes(good + b"\n% appended after signing\n%%EOF\n")
    report = import_opinions(ws, folder)
    assert not report.imported
    reasons = {r.name: " ".join(r.reasons) for r in report.refused}
    assert set(reasons) == {f.name for f in folder.iterdir()}
    assert "digest mismatch" in reasons["1-tampered.pdf"] or "damaged" in reasons["1-tampered.pdf"]
    assert "no signature" in reasons["2-unsigned.pdf"]
    assert "truncated" in reasons["3-truncated.pdf"]
    assert "not a PDF" in reasons["4-not-a-pdf.pdf"]
    assert "not an expert opinion" in reasons["5-panel.pdf"]
    assert any(w in reasons["6-appended.pdf"] for w in ("modified after signing", "damaged"))
    with ws.session() as s:
        assert opinions(s) == []


def test_same_reviewer_twice_keeps_the_newer_and_lists_both(ws: Workspace, idents: dict,
                                                            tmp_path: Path) -> None:
    older, newer = opinion(APP, "李娜", "50", date(2026, 11, 2)), \
        opinion(APP, "李娜", "90", date(2026, 11, 20))
    older.version, newer.version = 1, 2  # the version inside the signed data decides
    first = sign_opinion(older, idents["李娜"])
    second = sign_opinion(newer, idents["李娜"])
    (tmp_path / "second.pdf").write_bytes(second)
    (tmp_path / "first.pdf").write_bytes(first)
    # The newer one arrives first: the older must not replace it.
    import_opinions(ws, tmp_path / "second.pdf")
    report = import_opinions(ws, tmp_path / "first.pdf")
    assert report.imported[0].status == "superseded" and report.imported[0].replaced
    with ws.session() as s:
        both = {o.total: o.status for o in opinions(s, APP)}
        active = opinions(s, APP, include_superseded=False)
        agg = aggregate.run(s)
    assert both == {"90": "active", "50": "superseded"}
    assert [o.total for o in active] == ["90"]
    assert agg.results[0].score == Decimal("90")


def test_opinions_for_unknown_applications_are_listed_not_dropped(ws: Workspace, idents: dict,
                                                                  tmp_path: Path) -> None:
    archive = tmp_path / "opinions.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("专家/张伟-known.pdf", sign_opinion(opinion(APP, "张伟"), idents["张伟"]))
        z.writestr("专家/张伟-unknown.pdf",
                   sign_opinion(opinion("hunan-elsewhere-9", "张伟"), idents["张伟"]))
        z.writestr("readme.txt", "not an opinion")
    report = import_opinions(ws, archive)
    assert len(report.imported) == 2 and not report.refused
    assert [o.application_id for o in report.not_held] == ["hunan-elsewhere-9"]
    with ws.session() as s:
        assert {o.application_id for o in opinions(s)} == {APP, "hunan-elsewhere-9"}
        agg = aggregate.run(s)
    assert [a.application_id for a in agg.results] == [APP]


def test_bad_sources_are_bad_input(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        import_opinions(ws, tmp_path / "missing")
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(BadInput, match="zip"):
        import_opinions(ws, tmp_path / "x.zip")
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(BadInput):
        import_opinions(ws, tmp_path / "x.txt")


def test_opinion_without_coi_is_refused(ws: Workspace, idents: dict, tmp_path: Path) -> None:
    data = replace(opinion(APP, "张伟"), coi_declared=False)
    (tmp_path / "c.pdf").write_bytes(sign_opinion(data, idents["张伟"]))
    report = import_opinions(ws, tmp_path / "c.pdf")
    assert report.refused and "conflict" in report.refused[0].reasons[0]


def test_a_certificate_other_than_the_registered_one_is_flagged(ws: Workspace, idents: dict,
                                                                tmp_path: Path) -> None:
    from slq_desk.models.schema import ReviewerIdentity

    with ws.session() as s:
        s.add(ReviewerIdentity(name="张伟", cert_sha256="0" * 64))
    (tmp_path / "x.pdf").write_bytes(sign_opinion(opinion(APP, "张伟"), idents["张伟"]))
    (tmp_path / "y.pdf").write_bytes(sign_opinion(opinion(APP, "李娜"), idents["李娜"]))
    report = import_opinions(ws, tmp_path)
    notes = {o.reviewer: " ".join(o.warnings) for o in report.imported}
    assert "differs from the one registered" in notes["张伟"]
    assert "compare the fingerprint" in notes["李娜"]


def test_panel_settings_are_stored_only_when_valid(ws: Workspace, tmp_path: Path) -> None:
    from slq_desk.panel.settings import store_file, stored

    bad = tmp_path / "bad.toml"
    bad.write_text('method = "median"\n[[divergence]]\nmetric = "range"\nthreshold = 20.5\n')
    good = tmp_path / "good.toml"
    good.write_text('method = "trimmed_mean"\ntrim_min_reviewers = 3\n')
    with pytest.raises(BadInput, match="string"), ws.session() as s:
        store_file(s, "测试员", bad)
    with ws.session() as s:
        assert stored(s) is None
        store_file(s, "测试员", good)
    with ws.session() as s:
        settings = stored(s)
    assert settings is not None and settings.method == "trimmed_mean"
    assert settings.trim_min_reviewers == 3
