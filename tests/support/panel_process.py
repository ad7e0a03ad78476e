"""The demo panel ready for the panel process (issue 16), shared by the desk-service unit tests
and the chair's-window GUI tests: three members with known keys whose signed opinions are
imported, a pool of six (one with a shareholding in an applicant, so the draw has one
recusal), and the expert's side of a kit (import, pledge) done with the core functions, as a
member's own slq-desk would.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MEMBERS = (("张伟", "湖南大学信息科学与工程学院"), ("李娜", "湖南省算力产业研究院"),
           ("王强", "长沙市数据资源服务中心"))
PASS = "测试口令-pass"  # the GUI tests' signing_support.PASS, so install() opens these keys
TIED_APPLICANT = "湘江云脑信息技术有限公司"  # 赵敏 holds shares in it
POOL = """
[[expert]]
name = "张伟"
organisation = "湖南大学信息科学与工程学院"
fields = ["人工智能", "算力调度"]
certificate = "张伟.pem"

[[expert]]
name = "李娜"
organisation = "湖南省算力产业研究院"
fields = ["算力基础设施"]
certificate = "李娜.pem"

[[expert]]
name = "王强"
organisation = "长沙市数据资源服务中心"
fields = ["数据治理"]
certificate = "王强.pem"

[[expert]]
name = "赵敏"
organisation = "中南大学计算机学院"
fields = ["高性能计算"]
[expert.ties]
shareholdings = ["湘江云脑信息技术有限公司"]

[[expert]]
name = "陈刚"
organisation = "国防科技大学计算机学院"
fields = ["并行计算"]

[[expert]]
name = "周洁"
organisation = "湖南省财政科学研究所"
fields = ["财务审计"]
"""


@dataclass
class Scenario:
    root: Path  # holds ws/, pool.toml and the members' .pem files
    identities: dict[str, Any]  # name → LoadedIdentity
    chair: Any  # LoadedIdentity
    divergent: str  # the application with the 畸高畸低 score
    app_ids: list[str]
    p12: dict[str, bytes]  # name (members and "刘组长") → PKCS#12 under PASS, to install

    @property
    def pool(self) -> Path:
        return self.root / "pool.toml"


def build(root: Path) -> Scenario:
    """The demo panel in ``root/ws`` signed by keys the tests hold, and the pool beside it."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from slq_desk.opinion.identity import create_self_signed, unlock
    from slq_desk.panel.demo import build_demo_panel
    from slq_desk.workspace import Workspace

    root.mkdir(parents=True, exist_ok=True)
    p12 = {name: create_self_signed(name, org, PASS, days=60)
           for name, org in (*MEMBERS, ("刘组长", "湖南省评审组"))}
    keys = {name: unlock(data, PASS, name) for name, data in p12.items()}
    idents = {name: keys[name] for name, _org in MEMBERS}
    for name, ident in idents.items():
        (root / f"{name}.pem").write_bytes(ident.certificate.public_bytes(Encoding.PEM))
    (root / "pool.toml").write_text(POOL, encoding="utf-8")
    ws = Workspace.open(root / "ws")
    try:
        demo = build_demo_panel(ws, 1, idents)
    finally:
        ws.close()
    return Scenario(root, idents, keys["刘组长"], demo.divergent, list(demo.applications), p12)


def copy(scenario: Scenario, target: Path) -> Scenario:
    """A fresh copy of the scenario's folder (one per test), the same keys."""
    shutil.copytree(scenario.root, target)
    for wal in (target / "ws").glob("workspace.db-*"):
        wal.unlink()
    return Scenario(target, scenario.identities, scenario.chair, scenario.divergent,
                    scenario.app_ids, scenario.p12)


def expert_pledges(kit: Path, name: str, ident: Any, chair_fingerprint: str, work: Path,
                   out: Path) -> Path:
    """The member's side: import the kit in their own workspace and sign the pledge."""
    from slq_desk.panel.kit import import_kit, sign_pledge
    from slq_desk.workspace import Workspace

    ws = Workspace.open(work / f"{name}-ws")
    try:
        opened = import_kit(ws, kit, chair_fingerprint)
        sign_pledge(ws, opened.kit_id, ident, out)
    finally:
        ws.close()
    return out
