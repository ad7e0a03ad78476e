"""Recusal screening on facts the importer really extracted: the demo workspace's Hunan
packages (shareholders from the application form, legal representatives, suppliers from
contracts and invoices), drawn through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SLQ = [sys.executable, "-m", "slq_desk"]
pytestmark = pytest.mark.xdist_group("panel-draw-demo")

# Ties to hunan-clean-1 (长沙鸿途人工智能科技有限公司: legal representative 杜静, shareholder
# 杜海明, supplier 长沙曜石智算科技有限公司) as the demo generator writes them for seed 1.
POOL = """
[[expert]]
name = "杜静"
organisation = "湖南大学"

[[expert]]
name = "陈刚"
organisation = "国防科技大学"
[expert.ties]
relatives = ["杜海明"]

[[expert]]
name = "周洁"
organisation = "长沙曜石智算科技有限公司"

[[expert]]
name = "李娜"
organisation = "湖南省算力产业研究院"

[[expert]]
name = "王强"
organisation = "长沙市数据资源服务中心"
"""


def test_recusal_from_extracted_facts(tmp_path: Path) -> None:
    env = dict(os.environ) | {"SLQ_DESK_DATA_DIR": str(tmp_path / "data"),
                              "SLQ_DESK_USER": "组长"}
    ws = tmp_path / "ws"
    done = subprocess.run([*SLQ, "demo-workspace", str(ws), "--seed", "1"], capture_output=True,
                          text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    (tmp_path / "pool.toml").write_text(POOL, encoding="utf-8")
    done = subprocess.run([*SLQ, "panel", "draw", "--workspace", str(ws), "--pool",
                           str(tmp_path / "pool.toml"), "--size", "2", "--policy", "hunan-2026",
                           "--seed", "42", "--json"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    excluded = {x["name"]: " ".join(x["reasons"]) for x in out["excluded"]}
    assert set(excluded) == {"杜静", "陈刚", "周洁"}, excluded
    assert "hunan-clean-1" in excluded["杜静"] and "法定代表人" in excluded["杜静"]
    assert "股东 杜海明" in excluded["陈刚"] and "亲属" in excluded["陈刚"]
    assert "供应商 长沙曜石智算科技有限公司" in excluded["周洁"]
    assert sorted(out["drawn"]) == ["李娜", "王强"]
    assert all(a.startswith("hunan-") for a in out["applications"])
