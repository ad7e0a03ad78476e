"""`slq-desk review show|set` end to end: the form's rules from the command line, exit codes
0 / 1 / 2, and nothing lost when a step is refused."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from slq_desk import audit
from slq_desk.cli import main
from slq_desk.models import Application
from slq_desk.review import service
from slq_desk.workspace import Workspace


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    folder = tmp_path / "评审工作区"
    w = Workspace.open(folder)
    with w.session() as s:
        s.add_all([
            Application(id="HN-1", policy_id="hunan-2026", applicant_name="湖南某科技有限公司",
                        computed_subsidy=Decimal("300000.00")),
            Application(id="BJ-1", policy_id="beijing-2026", direction=1,
                        applicant_name="北京某研究院", computed_subsidy=Decimal("2000000.00")),
            Application(id="WH-1", policy_id="wuhan-2026", applicant_name="武汉某公司",
                        computed_subsidy=Decimal("100000.00")),
        ])
    w.close()
    return folder


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


HUNAN_SCORES = ["--score", "real_usage=27.5", "--score", "scenario_plan=20",
                "--score", "innovation=15", "--score", "effect=20"]


def test_full_review_by_cli(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "review", "set", "HN-1", "--workspace", str(ws), "--reviewer", "专家甲",
                       "--coi", "none", *HUNAN_SCORES, "--recommend", "推荐",
                       "--amount", "280000", "--reason", "含2万元独立带宽费用", "--submit", "--json")
    assert code == 0, err
    code, out, _ = cli(capsys, "review", "show", "HN-1", "--workspace", str(ws), "--json")
    data = json.loads(out)
    [review] = data["reviews"]
    assert review["status"] == "submitted" and review["total"] == "82.50" and review["passed"]
    assert review["scores"]["real_usage"] == "27.5"
    assert review["recommended_amount"] == "280000.00"
    assert review["coi"]["declared"] and not review["coi"]["conflict"]
    assert data["default_rubric"]["notice"] == "默认权重为本系统设定，以主管部门通知为准"
    code, out, _ = cli(capsys, "review", "show", "HN-1", "--workspace", str(ws))
    assert code == 0 and "82.50" in out and "以主管部门通知为准" in out


def test_locked_without_coi_is_exit_2(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲",
                       "--score", "real_usage=20")
    assert code == 2 and "利益冲突" in err and "conflicts of interest" in err


@pytest.mark.parametrize("args, words", [
    (["--score", "real_usage=30.5"], "outside"),
    (["--score", "real_usage"], "KEY=VALUE"),
    (["--score", "speed=3"], "no criterion"),
    (["--recommend", "推荐", "--amount", "300000.01"], "exceeds the computed subsidy"),
    (["--amount", "三十万"], "not an amount"),
])
def test_bad_input_is_exit_2_and_changes_nothing(ws: Path, capsys: pytest.CaptureFixture[str],
                                                 args: list[str], words: str) -> None:
    assert cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲",
               "--coi", "none", "--score", "effect=20")[0] == 0
    code, _, err = cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲", *args)
    assert code == 2 and words in err and "Traceback" not in err
    w = Workspace.open(ws)
    with w.session() as s:
        review = service.get_review(s, "HN-1", "专家甲")
        assert review is not None and review.scores == {"effect": "20.0"}
        assert review.recommended_amount is None
        assert audit.verify(s).ok
    w.close()


def test_refused_submit_keeps_the_draft(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲",
                       "--coi", "none", *HUNAN_SCORES[:-2], "--score", "effect=25",
                       "--recommend", "推荐", "--submit")
    assert code == 2 and "full marks" in err and "effect" in err
    assert "the draft was saved" in err and "COI declaration was saved" in err
    code, out, _ = cli(capsys, "review", "show", "HN-1", "-w", str(ws), "--json")
    [review] = json.loads(out)["reviews"]
    assert review["status"] == "draft" and review["scores"]["effect"] == "25.0"
    code, _, err = cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲",
                       "--comment", "effect=已在三家医院落地，效果显著", "--submit")
    assert code == 0, err


def test_declared_conflict_keeps_the_reviewer_out(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "review", "set", "BJ-1", "-w", str(ws), "--reviewer", "专家乙",
                       "--coi", "本人为该研究院兼职研究员")
    assert code == 0 and "回避" in out
    code, _, err = cli(capsys, "review", "set", "BJ-1", "-w", str(ws), "--reviewer", "专家乙",
                       "--score", "direction_fit=10")
    assert code == 1 and "kept out" in err
    code, out, _ = cli(capsys, "review", "show", "BJ-1", "-w", str(ws), "--json")
    [review] = json.loads(out)["reviews"]
    assert review["rubric"]["id"] == "beijing-2026-dir1" and review["coi"]["conflict"]


def test_wuhan_needs_explicit_rubric(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "review", "set", "WH-1", "-w", str(ws), "--reviewer", "专家甲",
                       "--coi", "none")
    assert code == 2 and "先到先得" in err and "--rubric" in err
    code, _, err = cli(capsys, "review", "set", "WH-1", "-w", str(ws), "--reviewer", "专家甲",
                       "--coi", "none", "--rubric", "dazhou-2026",
                       "--score", "empowerment_benefit=70")
    assert code == 0, err


def test_stale_version_is_exit_1(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲", "--coi", "none")
    code, out, _ = cli(capsys, "review", "show", "HN-1", "-w", str(ws), "--json")
    version = json.loads(out)["reviews"][0]["version"]
    assert cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲",
               "--score", "effect=10", "--expect-version", str(version))[0] == 0
    code, _, err = cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", "专家甲",
                       "--score", "effect=12", "--expect-version", str(version))
    assert code == 1 and "someone else changed this review" in err


def test_unknown_application_and_workspace(ws: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "review", "show", "NOPE", "-w", str(ws))
    assert code == 2 and "no application NOPE" in err
    code, _, err = cli(capsys, "review", "show", "HN-1", "-w", str(tmp_path / "nowhere"))
    assert code == 2 and "not an slq-desk workspace" in err


def test_installed_command(ws: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "slq_desk", "review", "set", "HN-1", "-w", str(ws),
                           "--reviewer", "专家丙", "--coi", "none", "--score", "effect=99"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "effect" in done.stderr and "Traceback" not in done.stderr


def test_show_as_a_reviewer_hides_others_drafts(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for who in ("专家甲", "专家乙"):
        assert cli(capsys, "review", "set", "HN-1", "-w", str(ws), "--reviewer", who,
                   "--coi", "none", "--score", "effect=20")[0] == 0
    code, out, _ = cli(capsys, "review", "show", "HN-1", "-w", str(ws), "--reviewer", "专家乙",
                       "--json")
    assert [r["reviewer"] for r in json.loads(out)["reviews"]] == ["专家乙"]
    code, out, _ = cli(capsys, "review", "show", "HN-1", "-w", str(ws), "--json")
    assert [r["reviewer"] for r in json.loads(out)["reviews"]] == ["专家乙", "专家甲"]
