"""Reference lists end to end: `slq-desk lists import|show` and a real package checked against
them. A clean Wuhan package asks for the supplier registry until one is loaded; a registry
without its supplier blocks (第五条); one with it passes. A Dazhou package (征求意见稿) says so on
its result and on every finding (reading 14). `slq-desk check --set` records the facts the rules
ask a person for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from slq_desk.cli import main


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from slq_desk.demo.generate import generate_packages

    out = tmp_path_factory.mktemp("demo")
    generate_packages(out, seed=1, only={"wuhan-clean-1", "dazhou-clean-1", "beijing-clean-1"})
    return out


def _check(capsys: pytest.CaptureFixture[str], target: str, ws: Path,
           *extra: str) -> tuple[int, dict[str, Any]]:
    code, out, err = cli(capsys, "check", target, "--workspace", str(ws), "--json", *extra)
    assert code in (0, 1), err
    return code, json.loads(out)


def _codes(report: dict[str, Any]) -> dict[str, str]:
    return {f["code"]: f["severity"] for f in report["findings"]}


def test_supplier_registry_decides_once_loaded(packages: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    code, report = _check(capsys, str(packages / "wuhan-clean-1"), ws)
    assert code == 0, _codes(report)
    app_id = report["application_id"]
    asked = next(f for f in report["findings"] if f["code"] == "supplier_list_unchecked")
    assert asked["severity"] == "info" and asked["article"] == "第五条"
    supplier = next(e["value"] for e in asked["evidence"] if e["field"] == "supplier_name")
    assert supplier

    other = tmp_path / "registry-old.csv"
    other.write_text("名称,统一社会信用代码\n武汉别家算力有限公司,91420100MA4K00000X\n", encoding="utf-8")
    code, out, err = cli(capsys, "lists", "import", "wuhan_suppliers", str(other), "--workspace",
                         str(ws), "--source", "武汉市数据局 算力供给方库（第一批）", "--date", "2026-02-01")
    assert code == 0, err
    assert "1 entries" in out
    code, report = _check(capsys, app_id, ws)
    assert code == 1 and _codes(report)["supplier_not_listed"] == "block"
    blocked = next(f for f in report["findings"] if f["code"] == "supplier_not_listed")
    assert "武汉市数据局 算力供给方库（第一批）" in blocked["message_zh"] and supplier in blocked["message_zh"]

    newer = tmp_path / "registry.csv"
    newer.write_text(f"名称\n{supplier}\n武汉别家算力有限公司\n", encoding="utf-8")
    code, _, err = cli(capsys, "lists", "import", "wuhan_suppliers", str(newer), "--workspace",
                       str(ws), "--source", "第二批", "--date", "2026-05-01")
    assert code == 0, err
    code, report = _check(capsys, app_id, ws)
    assert code == 0 and "supplier_not_listed" not in _codes(report)
    assert "supplier_list_unchecked" not in _codes(report)

    code, out, _ = cli(capsys, "lists", "show", "--workspace", str(ws), "--json")
    shown = json.loads(out)
    assert [(r["source"], r["in_use"], r["entries"]) for r in shown] == [
        ("第二批", True, 2), ("武汉市数据局 算力供给方库（第一批）", False, 1)]
    code, out, _ = cli(capsys, "lists", "show", "--workspace", str(ws))
    assert "武汉算力供给方库" in out and out.count("wuhan_suppliers") == 2

    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = cli(capsys, "lists", "import", "credit_blacklist", str(bad), "--workspace", str(ws))
    assert code == 2 and "bad.csv" in err
    code, _, err = cli(capsys, "lists", "import", "credit_blacklist", str(newer), "--workspace",
                       str(ws), "--date", "yesterday")
    assert code == 2 and "--date" in err


def test_dazhou_draft_is_said_everywhere(packages: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    _, report = _check(capsys, str(packages / "dazhou-clean-1"), tmp_path / "ws")
    assert report["result"]["draft"] == "征求意见稿"
    assert "draft_for_comment" in [r["code"] for r in report["result"]["reasons"]]
    assert report["findings"] and all(f["message_zh"].startswith("（征求意见稿）")
                                      for f in report["findings"])
    code, out, _ = cli(capsys, "check", report["application_id"], "--workspace", str(tmp_path / "ws"))
    assert code == 0 and "〔征求意见稿，仅供参考 / draft for comment〕" in out


def test_facts_a_person_records(packages: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    _, report = _check(capsys, str(packages / "beijing-clean-1"), ws)
    app_id = report["application_id"]
    assert _codes(report)["industry_to_confirm"] == "info"
    code, report = _check(capsys, app_id, ws, "--set", "industry=房地产业")
    assert code == 1 and _codes(report)["industry_not_supported"] == "block"
    code, report = _check(capsys, app_id, ws, "--set", "industry=信息软件业")
    assert "industry_not_supported" not in _codes(report) and "industry_to_confirm" not in _codes(report)
    code, _, err = cli(capsys, "check", app_id, "--workspace", str(ws), "--set", "model_filed_on=soon")
    assert code == 2 and "model_filed_on" in err
