"""The 初审 office end to end, through the CLI on the demo packages:

import → 补正材料通知书 (drafted, edited, signed, verified with pdfsig, rendered) → 补正中 →
补正 import closes the findings (originals kept) → manual 查验 → 初审通过 → 初审汇总表 (XLSX +
signed PDF); 查重 finds the duplicate invoice planted across dazhou-flawed-1 and -2.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SLQ = [sys.executable, "-m", "slq_desk"]
APP = "wuhan-flawed-1"


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=300, env=env)


def ok(*args: str, env: dict[str, str]) -> str:
    done = run(*args, env=env)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def pdfsig_valid(path: Path) -> None:
    if shutil.which("pdfsig") is None:
        pytest.skip("poppler's pdfsig is not installed (scripts/sysdeps.sh installs it)")
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    assert "Signature is Valid." in sig.stdout and "Total document signed" in sig.stdout, sig.stdout


def render_page(pdf: Path, out: Path) -> Path:
    """What a person looks at: the first page at 70 dpi."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf), str(out)],
                   check=True, timeout=60)
    pngs = sorted(out.parent.glob(out.name + "*.png"))
    assert pngs and pngs[0].stat().st_size > 10_000  # a page with text, not a blank
    return pngs[0]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("office")
    env = {**os.environ, "SLQ_DESK_DATA_DIR": str(root / "data"), "PW": "初审口令-123",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    ok("demo-packages", str(root / "demo"), env=env)
    ws = root / "ws"
    for package in (APP, "dazhou-flawed-1", "dazhou-flawed-2"):
        ok("import", str(root / "demo" / package), "--workspace", str(ws), env=env)
    ok("identity", "create", "--name", "王承办", "--org", "武汉市数据局",
       "--out", str(root / "wang.p12"), "--passphrase-env", "PW", env=env)
    return root, env


def test_office_flow(office: tuple[Path, dict[str, str]]) -> None:
    import pymupdf
    from openpyxl import load_workbook

    root, env = office
    ws = str(root / "ws")
    sign = ("--identity", str(root / "wang.p12"), "--passphrase-env", "PW")

    # The package is missing its 承诺函 and one invoice's 大写 amount is wrong: 初审通过 refused.
    assert run("check", APP, "--workspace", ws, env=env).returncode == 1
    refused = run("status", APP, "--workspace", ws, "--to", "初审通过", "--reason", "看过",
                  "--by", "李四", env=env)
    assert refused.returncode == 1 and "blocking" in refused.stderr
    # 补正中 needs the signed notice first (一次性告知).
    assert run("status", APP, "--workspace", ws, "--to", "supplementing", "--reason", "补正",
               "--by", "李四", env=env).returncode == 1

    # 补正材料通知书: drafted from the findings, edited by the official, signed.
    draft = root / "notice.json"
    out = ok("office", "notice", "draft", APP, "--workspace", ws, "--out", str(draft),
             "--office", "武汉市数据局", "--official", "王承办", "--working-days", "15", env=env)
    assert "武汉市数据局补正告字〔" in out
    data = json.loads(draft.read_text(encoding="utf-8"))
    codes = {i["code"] for i in data["items"] if i["include"]}
    assert {"material_missing", "amount_words_mismatch"} <= codes
    data["contact"] = "027-12345678（王承办）"
    for item in data["items"]:
        if item["code"] == "material_missing":
            item["standard"] = "补交加盖公章的承诺函原件扫描件"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    notice = root / "补正材料通知书.pdf"
    ok("office", "notice", "sign", str(draft), "--workspace", ws, "--out", str(notice), *sign,
       env=env)
    pdfsig_valid(notice)
    with pymupdf.open(notice) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "补正材料通知书" in text and data["number"] in text
    assert "一次性告知" in text and "补交加盖公章的承诺函原件扫描件" in text and "王承办" in text
    render_page(notice, root / "notice-page")
    # A signed notice is not signed twice under the same number.
    assert run("office", "notice", "sign", str(draft), "--workspace", ws, "--out",
               str(root / "again.pdf"), "--unsigned", env=env).returncode == 2

    listed = json.loads(ok("office", "notice", "list", APP, "--workspace", ws, "--json", env=env))
    assert [(n["number"], n["status"]) for n in listed] == [(data["number"], "signed")]
    ok("status", APP, "--workspace", ws, "--to", "补正中", "--reason", "已送达补正通知书",
       "--by", "李四", env=env)
    listed = json.loads(ok("list", "--workspace", ws, "--status", "补正中", "--json", env=env))
    assert [r["id"] for r in listed] == [APP]

    # 补正: the missing 承诺函 added, the corrected invoice replaces the wrong one.
    supplement = root / "supplement"
    ok("office", "demo-supplement", APP, "--out", str(supplement), env=env)
    result = json.loads(ok("import", str(supplement), "--workspace", ws, "--supplement", APP,
                           "--json", env=env))
    assert result["version"] == 2
    assert any("承诺函" in name for name in result["files"]["added"])
    assert any("发票" in r["old"] and "发票" in r["new"] for r in result["files"]["replaced"])
    closed = {f["code"] for f in result["findings"]["closed"]}
    assert {"material_missing", "amount_words_mismatch"} <= closed
    assert not [f for f in result["findings"]["remaining"] if f["severity"] == "block"]
    versions = json.loads(ok("office", "versions", APP, "--workspace", ws, "--json", env=env))
    original = {f["sha256"] for f in versions[0]["files"]}
    current = {f["sha256"] for f in versions[1]["files"]}
    replaced = original - current
    assert len(replaced) == 1
    for sha in replaced:  # the replaced original's bytes are still in the workspace
        kept = next(f for f in versions[0]["files"] if f["sha256"] == sha)
        assert (root / "ws" / kept["stored_path"]).is_file()

    # Manual 查验, then 初审通过 without an override.
    report = json.loads(run("check", APP, "--workspace", ws, "--json", env=env).stdout)
    invoice = report["manual_checks"]["invoices"][0]
    assert invoice["result"] is None
    ok("office", "verify-invoice", APP, invoice["invoice"], "--workspace", ws, "--result", "一致",
       "--date", "2026-12-01", "--by", "李四", env=env)
    ok("office", "credit", APP, "--workspace", ws, "--result", "无失信记录", "--date",
       "2026-12-01", "--by", "李四", "--report", "XYBG-2026-001", env=env)
    report = json.loads(run("check", APP, "--workspace", ws, "--json", env=env).stdout)
    assert report["manual_checks"]["invoices"][0]["result"] == "一致"
    assert report["manual_checks"]["credit"]["result"] == "无失信记录"
    ok("status", APP, "--workspace", ws, "--to", "初审通过", "--reason", "补正后材料齐全",
       "--by", "李四", env=env)
    shown = json.loads(ok("status", APP, "--workspace", ws, "--json", env=env))
    assert shown["status"] == "check_passed"
    assert [h["to"] for h in shown["history"]] == ["supplementing", "check_passed"]
    # 已评审 only after reviews: 初审通过 → 已评审 is not a move, and 评审中 → 已评审 needs reviews.
    assert run("status", APP, "--workspace", ws, "--to", "reviewed", "--reason", "x", "--by", "李四",
               env=env).returncode == 1

    # The 初审意见 shows the manual checks.
    opinion = root / "初审意见.pdf"
    ok("preliminary-opinion", APP, "--workspace", ws, "--out", str(opinion), *sign, env=env)
    with pymupdf.open(opinion) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "人工查验记录" in text and "XYBG-2026-001" in text

    # The 初审汇总表 for the panel: XLSX and a signed PDF.
    summary = root / "summary"
    ok("office", "summary", "--workspace", ws, "--out", str(summary), *sign, env=env)
    sheet = load_workbook(summary / "初审汇总表.xlsx").active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [r[0] for r in rows] == [APP]
    assert rows[0][8] == report["subsidy"] and isinstance(rows[0][8], str)  # exact text
    assert rows[0][13] == "李四"
    pdfsig_valid(summary / "初审汇总表.pdf")
    with pymupdf.open(summary / "初审汇总表.pdf") as doc:
        text = "".join(page.get_text() for page in doc)
    assert "初审汇总表" in text and APP in text
    render_page(summary / "初审汇总表.pdf", root / "summary-page")

    ok("audit", "verify", ws, env=env)


def test_dedup_finds_the_planted_invoice(office: tuple[Path, dict[str, str]]) -> None:
    root, env = office
    ws = str(root / "ws")
    done = run("dedup", "--workspace", ws, "--json", env=env)
    assert done.returncode == 1, done.stderr  # duplicates found
    dups = json.loads(done.stdout)
    invoices = [d for d in dups if d["code"] == "dedup_invoice"]
    assert len(invoices) == 1
    assert invoices[0]["applications"] == ["dazhou-flawed-1", "dazhou-flawed-2"]
    assert not [d for d in dups if APP in d["applications"]]
    # Each application carries a finding naming the other.
    for own, other in (("dazhou-flawed-1", "dazhou-flawed-2"), ("dazhou-flawed-2", "dazhou-flawed-1")):
        report = json.loads(run("check", own, "--workspace", ws, "--json", env=env).stdout)
        found = [f for f in report["findings"] if f["code"] == "dedup_invoice"]
        assert found and other in found[0]["message_zh"], report["findings"]
