"""A whole panel process through the command line on the demo panel (issue 16): a pool of six
experts, a seeded draw with one recusal, signed review kits imported in three separate reviewer
workspaces, pledges signed before the documents open, each expert scoring in their own
workspace and returning signed opinions, one 畸高畸低
flag resolved by 复核 with a revised signed opinion (both versions kept), the method
去掉一个最高分和一个最低分, the 评审报告 signed by all three members in turn with one dissent
(poppler's pdfsig: three valid signatures), the 公示 list and one 异议 that reopens a review.

Each member has their own data folder (their key lives there) and workspace, as on their own
machine; the scores they enter are the demo panel's (read from the chair's demo reviews).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.panel_process import MEMBERS, POOL  # the pool of six and the three members

SLQ = [sys.executable, "-m", "slq_desk"]
pytestmark = pytest.mark.xdist_group("panel-process")

PASS = "成员-口令-2026"
DIVERGENT = "hunan-panel-1-03"
TIED = "hunan-panel-1-02"  # 湘江云脑信息技术有限公司, in which 赵敏 holds shares

SETTINGS = """
method = "drop_high_low"

[recheck]
outlier_fraction = "0.31"
deviation_fraction = "0.30"
"""


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=300, env=env,
                          stdin=subprocess.DEVNULL)


def ok(env: dict[str, str], *args: str) -> str:
    done = run(env, *args)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("process")
    base = dict(os.environ)
    base.update({"MEMBER_PW": PASS, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    chair = base | {"SLQ_DESK_DATA_DIR": str(root / "chair-data"), "SLQ_DESK_USER": "组长"}
    ok(chair, "identity", "create", "--name", "刘组长", "--org", "湖南省评审组",
       "--passphrase-env", "MEMBER_PW", "--out", str(root / "chair.p12"))
    envs: dict[str, dict[str, str]] = {}
    for name, org in MEMBERS:
        envs[name] = base | {"SLQ_DESK_DATA_DIR": str(root / f"{name}-data"),
                             "SLQ_DESK_USER": name}
        ok(envs[name], "identity", "create", "--name", name, "--org", org,
           "--passphrase-env", "MEMBER_PW", "--out", str(root / f"{name}.p12"))
        _write_pem(root / f"{name}.p12", root / f"{name}.pem")
    ok(chair, "panel", "demo", str(root / "ws"), "--seed", "1")
    return {"root": root, "ws": str(root / "ws"), "chair": chair, "members": envs}


def _write_pem(p12: Path, pem: Path) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    _key, cert, _chain = pkcs12.load_key_and_certificates(p12.read_bytes(), PASS.encode())
    assert cert is not None
    pem.write_bytes(cert.public_bytes(Encoding.PEM))


def test_whole_panel_process(setup: dict[str, object]) -> None:
    root = setup["root"]
    assert isinstance(root, Path)
    ws = str(setup["ws"])
    chair = setup["chair"]
    members = setup["members"]
    assert isinstance(chair, dict) and isinstance(members, dict)

    # 1. The pool of six and the draw: 赵敏 recuses (shareholding in an applicant).
    (root / "pool.toml").write_text(POOL, encoding="utf-8")
    drawn = json.loads(ok(chair, "panel", "draw", "--workspace", ws, "--pool",
                          str(root / "pool.toml"), "--size", "3", "--seed", "7",
                          "--batch", "湖南2026第一批", "--json"))
    assert sorted(drawn["drawn"]) == sorted(n for n, _o in MEMBERS)
    assert [x["name"] for x in drawn["excluded"]] == ["赵敏"]
    assert TIED in drawn["excluded"][0]["reasons"][0]
    assert "持股" in drawn["excluded"][0]["reasons"][0]
    again = run(chair, "panel", "substitute", "王强", "赵敏", "--workspace", ws,
                "--reason", "临时有事")
    assert again.returncode == 2 and "须回避" in again.stderr

    # 2. A signed kit per expert, imported in the expert's own workspace (chair's fingerprint
    #    checked); the pledge first, then the documents open; scores entered there; signed
    #    opinions and pledges go back to the chair.
    apps = drawn["applications"]
    demo_reviews = {a: {r["reviewer"]: r for r in json.loads(ok(
        chair, "review", "show", a, "-w", ws, "--json"))["reviews"]} for a in apps}
    fingerprint = ""
    for name, _org in MEMBERS:
        out = ok(chair, "panel", "kit", "export", "--workspace", ws, "--expert", name, "--out",
                 str(root / "kits" / f"{name}.zip"), "--packages",
                 str(Path(ws) / "demo-panel" / "packages"), "--identity",
                 str(root / "chair.p12"), "--passphrase-env", "MEMBER_PW")
        kit_id = re.search(r"kit ([0-9a-f]{32})", out).group(1)  # type: ignore[union-attr]
        fingerprint = re.search(r"fingerprint: ([0-9a-f]{64})", out).group(1)  # type: ignore[union-attr]
        mine_ws = str(root / f"{name}-ws")
        me = members[name]
        forged = run(me, "panel", "kit", "import", str(root / "kits" / f"{name}.zip"),
                     "--workspace", mine_ws, "--chair-fingerprint", "0" * 64)
        assert forged.returncode == 2 and "指纹" in forged.stderr
        ok(me, "panel", "kit", "import", str(root / "kits" / f"{name}.zip"), "--workspace",
           mine_ws, "--chair-fingerprint", fingerprint)
        locked = run(me, "review", "show", apps[0], "-w", mine_ws)
        assert locked.returncode != 0  # nothing opens before the pledge
        ok(me, "panel", "kit", "pledge", kit_id, "--workspace", mine_ws, "--out",
           str(root / "pledges" / f"{name}-承诺书.pdf"), "--identity", str(root / f"{name}.p12"),
           "--passphrase-env", "MEMBER_PW")
        for a in apps:
            r = demo_reviews[a][name]
            args = ["review", "set", a, "-w", mine_ws, "--reviewer", name, "--coi", "none",
                    "--recommend", r["recommendation"], "--amount", r["recommended_amount"],
                    "--submit"]
            for key, value in r["scores"].items():
                args += ["--score", f"{key}={value}", "--comment", f"{key}={r['comments'][key]}"]
            if r["recommendation_reason"]:
                args += ["--reason", r["recommendation_reason"]]
            ok(me, *args)
        ok(me, "opinion", "export-all", "--workspace", mine_ws, "--out-dir",
           str(root / "opinions" / name), "--identity", str(root / f"{name}.p12"),
           "--passphrase-env", "MEMBER_PW")
    imported = ok(chair, "panel", "import", str(root / "opinions"), "--workspace", ws)
    assert "拒绝 0 份" in imported, imported
    ok(chair, "panel", "pledges", "import", str(root / "pledges"), "--workspace", ws)
    pledged = json.loads(ok(chair, "panel", "pledges", "list", "--workspace", ws, "--json"))
    assert sorted(p["expert"] for p in pledged["pledges"]) == sorted(n for n, _o in MEMBERS)
    assert pledged["opinions_without_pledge"] == []
    if shutil.which("pdfsig"):
        sig = subprocess.run(["pdfsig", str(root / "pledges" / "李娜-承诺书.pdf")],
                             capture_output=True, text=True).stdout
        assert "Signature is Valid." in sig
    (root / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    ok(chair, "panel", "settings", "--workspace", ws, "--file", str(root / "settings.toml"))

    # 3. 复核: one 畸高畸低 flag, a request, a revised newly signed opinion.
    flags = json.loads(ok(chair, "panel", "flags", "--workspace", ws, "--json"))
    outliers = [f for f in flags if f["kind"] == "outlier"]
    assert len(outliers) == 1, flags
    flag = outliers[0]
    assert (flag["application_id"], flag["reviewer"]) == (DIVERGENT, "张伟")
    ok(chair, "panel", "review-request", str(flag["id"]), "--workspace", ws,
       "--note", "请核对平台使用记录", "--out", str(root / "复核通知.json"))
    request = json.loads((root / "复核通知.json").read_text("utf-8"))
    assert request["reviewer"] == "张伟" and "畸高畸低" in request["text"]
    mine = root / "opinions" / "张伟" / f"{DIVERGENT}.pdf"
    if not mine.exists():  # export-all names files by application; find it either way
        mine = next((root / "opinions" / "张伟").glob(f"*{DIVERGENT}*.pdf"))
    ok(members["张伟"], "panel", "revise", str(mine), "--out", str(root / "revised.pdf"),
       "--score", f"{flag['criterion']}=16",
       "--comment", f"{flag['criterion']}=复核后按平台使用记录下调，原评分偏高。",
       "--note", "按复核通知核对使用记录后修改", "--identity", str(root / "张伟.p12"),
       "--passphrase-env", "MEMBER_PW")
    out = ok(chair, "panel", "resolve", str(flag["id"]), "--workspace", ws,
             "--revised", str(root / "revised.pdf"), "--explanation", "已核对使用记录并修改")
    assert "修改后重新签署" in out and "仍触发" not in out
    after = {f["id"]: f for f in json.loads(ok(chair, "panel", "flags", "--workspace", ws,
                                                 "--json"))}
    assert after[flag["id"]]["status"] == "resolved"
    assert after[flag["id"]]["resolution"] == "revised"
    assert not [f for f in after.values() if f["kind"] == "outlier" and f["status"] != "resolved"]
    both = json.loads(ok(chair, "panel", "opinions", "--workspace", ws, "--application",
                         DIVERGENT, "--json"))
    zw = sorted(o["status"] for o in both if o["reviewer"] == "张伟")
    assert zw.count("superseded") >= 1 and zw.count("active") == 1  # the flagged one is kept

    # 4. The method, printed: 去掉一个最高分和一个最低分.
    agg = ok(chair, "panel", "aggregate", "--workspace", ws)
    assert "去掉一个最高分和一个最低分" in agg

    # 5. The report, signed by each member in turn; 李娜 dissents.
    report = root / "评审报告.pdf"
    built = ok(chair, "panel", "report", "build", "--workspace", ws, "--out", str(report),
               "--budget", "700000")
    assert "张伟" in built and "去掉一个最高分和一个最低分" in built
    dissent = f"对 {DIVERGENT} 的排序有不同意见：使用记录不足以支撑其得分，建议核减后再排序。"
    for name, _org in MEMBERS:
        args = ["panel", "report", "sign", str(report), "--identity", str(root / f"{name}.p12"),
                "--passphrase-env", "MEMBER_PW"]
        ok(members[name], *args, *(["--dissent", dissent] if name == "李娜" else []))
    check = json.loads(ok(chair, "panel", "report", "verify", str(report), "--json",
                          "--workspace", ws))
    assert all(s["registered"] for s in check["signatures"])  # the pool's certificates
    assert check["valid"] and check["complete"], check
    assert [s["member"] for s in check["signatures"]] == [n for n, _o in MEMBERS]
    assert check["dissenters"] == ["李娜"] and check["signatures"][1]["dissent"] in dissent
    assert check["signatures"][0]["certification"]
    text = ok(chair, "panel", "report", "verify", str(report))
    assert "持不同意见" in text and "有效 / VALID" in text
    if shutil.which("pdfsig"):
        sig = subprocess.run(["pdfsig", str(report)], capture_output=True, text=True).stdout
        assert sig.count("Signature is Valid.") == 3, sig
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(report), str(root / "report")],
                       check=True)
        assert list(root.glob("report-*.png"))

    # 6. 公示 and one 异议 that reopens a review.
    pub = ok(chair, "panel", "publicity", "--workspace", ws, "--out-dir", str(root / "公示"),
             "--budget", "700000", "--start", "2026-12-08", "--days", "5")
    assert "2026年12月08日至2026年12月12日" in pub and "李娜" in pub
    from openpyxl import load_workbook

    book = load_workbook(root / "公示" / "公示名单.xlsx")
    names = [r[1] for r in book["公示名单"].iter_rows(min_row=2, values_only=True)]
    assert names and all(isinstance(v, str) for r in book["公示名单"].iter_rows(
        min_row=2, values_only=True) for v in r)
    assert sorted(r[1] for r in book["评审专家"].iter_rows(min_row=2, values_only=True)) == \
        sorted(n for n, _o in MEMBERS)
    assert (root / "公示" / "公示名单.pdf").read_bytes().startswith(b"%PDF")
    added = json.loads(ok(chair, "panel", "objection", "add", DIVERGENT, "--workspace", ws,
                          "--by", "岳麓智图科技有限公司", "--about", "该项目使用记录存在重复计算。",
                          "--received", "2026-12-09T10:30:00+08:00", "--json"))
    assert added["received_at_beijing"].startswith("2026-12-09 10:30")
    answered = json.loads(ok(chair, "panel", "objection", "answer", str(added["id"]),
                             "--workspace", ws, "--answer", "经核查部分成立，重新评审。",
                             "--outcome", "partly", "--reopen", "--json"))
    assert answered["reopened"] and answered["outcome"] == "partly"
    log = ok(chair, "panel", "objection", "list", "--workspace", ws)
    assert "岳麓智图科技有限公司" in log and "异议部分成立" in log
    audit = run(chair, "audit", "verify", ws)
    assert audit.returncode == 0, audit.stdout + audit.stderr
