"""`slq-desk compute` and `slq-desk allocate` through the real entry point (capsys)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_calc_helpers import application

from slq_desk.cli import main


def _file(tmp_path: Path, data: Any, name: str = "in.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_object_in_object_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "compute", "--input", _file(tmp_path, application()))
    assert code == 0
    result = json.loads(out)
    assert isinstance(result, dict)
    assert result["subsidy"] == "300000.00" and result["policy"] == "wuhan-2026"


def test_list_in_list_out_with_policy_override(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    apps = [application(id="A"), application(id="B")]
    code, out, _ = _run(capsys, "compute", "--input", _file(tmp_path, apps),
                        "--policy", "dazhou-2026")
    assert code == 0
    results = json.loads(out)
    assert [r["id"] for r in results] == ["A", "B"]
    assert {r["policy"] for r in results} == {"dazhou-2026"}
    assert results[0]["subsidy"] == "500000.00"  # 1,060,000 × 50% capped at 500,000


def test_compare_prints_five_policies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, application())
    code, out, _ = _run(capsys, "compute", "--input", path, "--compare")
    assert code == 0
    compared = json.loads(out)
    assert [r["policy"] for r in compared["results"]] == [
        "beijing-2026", "chengdu-2026", "dazhou-2026", "hunan-2026", "wuhan-2026"]
    code, out, _ = _run(capsys, "compute", "--input", path, "--compare", "--format", "table")
    assert code == 0
    header = out.splitlines()[0]
    for pid in ("beijing-2026", "chengdu-2026", "dazhou-2026", "hunan-2026", "wuhan-2026"):
        assert pid in header
    assert "530,000.00" in out and "300,000.00" in out


def test_csv_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, [application(id="A"), application(id="B", policy="hunan-2026")])
    code, out, _ = _run(capsys, "compute", "--input", path, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["policy"], r["subsidy"]) for r in rows] == [
        ("A", "wuhan-2026", "300000.00"), ("B", "hunan-2026", "318000.00")]
    code, out, _ = _run(capsys, "compute", "--input", path, "--format", "table")
    assert code == 0 and "318,000.00" in out
    single = _file(tmp_path, application(), "one.json")
    code, out, _ = _run(capsys, "compute", "--input", single, "--format", "table")
    assert code == 0
    rate_row = next(line for line in out.splitlines() if "parameter:rate[" in line)
    assert rate_row.split() == ["parameter:rate[compute/domestic/*]", "第七条", "0.30"]


def _bad(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: Any, field: str,
         *extra: str) -> str:
    code, out, err = _run(capsys, "compute", "--input", _file(tmp_path, data), *extra)
    assert code == 2, err
    assert out == "", "nothing partial may be printed"
    assert field in err, err
    assert "Traceback" not in err
    return err


def test_bad_missing_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = application()
    del app["applicant"]["kind"]
    _bad(tmp_path, capsys, [application(id="ok"), app], "[1].applicant.kind")


def test_bad_unknown_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = application()
    app["lines"][0]["colour"] = "red"
    _bad(tmp_path, capsys, app, "lines[0].colour")


def test_bad_amount_as_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = application()
    app["lines"][0]["amount"] = 1000000.0
    err = _bad(tmp_path, capsys, app, "lines[0].amount")
    assert "string" in err


def test_bad_unknown_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _bad(tmp_path, capsys, [application(id="A"), application(id="B", policy="mars-2026")],
         "[1].policy")
    _bad(tmp_path, capsys, application(), "--policy", "--policy", "mars-2026")


def test_bad_negative_amount(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = application()
    app["contracts"][0]["other_fiscal_support"] = "-1"
    _bad(tmp_path, capsys, app, "contracts[0].other_fiscal_support")


def test_bad_end_before_start(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = application()
    app["lines"][0]["period_end"] = "2025-12-31"
    _bad(tmp_path, capsys, app, "lines[0].period_end")


def test_bad_missing_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = application()
    del app["policy"]
    _bad(tmp_path, capsys, app, "policy")


def test_bad_json_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    code, out, err = _run(capsys, "compute", "--input", str(path))
    assert code == 2 and out == "" and "not valid JSON" in err
    code, out, err = _run(capsys, "compute", "--input", str(tmp_path / "absent.json"))
    assert code == 2 and out == "" and "cannot read" in err


def _apps_for_pool() -> list[dict[str, Any]]:
    apps = []
    for i, (hour, amount) in enumerate([(9, "4000000.00"), (8, "4000000.00"), (10, "4000000.00")]):
        app = application(id=f"A{i}", policy="dazhou-2026",
                          claimed_at=f"2026-06-01T{hour:02d}:00:00+08:00", score=80 + i)
        app["lines"][0].update(amount=amount, tax="0", period_end="2026-12-31")
        apps.append(app)
    return apps


def test_allocate_first_come(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, _apps_for_pool())
    code, out, _ = _run(capsys, "allocate", "--policy", "dazhou-2026", "--input", path,
                        "--budget", "700000")
    assert code == 0
    result = json.loads(out)
    rows = {a["id"]: a for a in result["applications"]}
    # each computes 500,000 (capped); claim order A1 (08:00), A0 (09:00), A2 (10:00)
    assert rows["A1"] == {"id": "A1", "subsidy": "500000.00", "granted": "500000.00",
                          "rank": 1, "status": "main"}
    assert rows["A0"]["granted"] == "200000.00" and rows["A0"]["status"] == "main"
    assert rows["A2"]["granted"] == "0.00" and rows["A2"]["status"] == "reserve"
    assert result["totals"]["granted"] == "700000.00" and result["pool_source"] == "budget"


def test_allocate_rank_and_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, _apps_for_pool())
    code, out, _ = _run(capsys, "allocate", "--policy", "hunan-2026", "--input", path,
                        "--budget", "1500000", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    # Hunan: 4,000,000 × 30% = 1,200,000 each; highest score (A2) first
    assert [(r["id"], r["granted"]) for r in rows[:3]] == [
        ("A2", "1200000.00"), ("A1", "300000.00"), ("A0", "0.00")]
    code, out, _ = _run(capsys, "allocate", "--policy", "hunan-2026", "--input", path,
                        "--budget", "1500000", "--format", "table")
    assert code == 0 and "候补" in out and "1,500,000.00" in out


def test_allocate_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, _apps_for_pool())
    for argv, needle in [
        (["--policy", "hunan-2026"], "--budget"),
        (["--policy", "beijing-2026", "--budget", "100"], "--mode"),
        (["--policy", "wuhan-2026", "--budget", "-5"], "--budget"),
        (["--policy", "wuhan-2026", "--budget", "lots"], "--budget"),
    ]:
        code, out, err = _run(capsys, "allocate", "--input", path, *argv)
        assert code == 2 and out == "" and needle in err, (argv, err)


def test_subprocess_exit_code(tmp_path: Path) -> None:
    app = application()
    app["lines"][0]["amount"] = 5
    proc = subprocess.run(
        [sys.executable, "-m", "slq_desk", "compute", "--input", _file(tmp_path, app)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "lines[0].amount" in proc.stderr and "Traceback" not in proc.stderr
