"""The desk service's panel-process methods (issue 16) on the demo panel: the draw with one
recusal and a substitution, kits and pledges, 复核 flags, the 综合意见, the 评审报告 signed by
every member with one dissent, 公示 and the 异议 log — plain values, no session outside."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from tests.support import panel_process as pp


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> pp.Scenario:
    return pp.build(tmp_path_factory.mktemp("process") / "s")


@pytest.fixture()
def desk(scenario: pp.Scenario, tmp_path: Path):  # type: ignore[no-untyped-def]
    from slq_desk.desk.service import Desk

    here = pp.copy(scenario, tmp_path / "s")
    d = Desk.open(here.root / "ws")
    d.scenario = here  # type: ignore[attr-defined]
    yield d
    d.close()


def test_draw_with_recusal_substitution_and_roster(desk) -> None:  # type: ignore[no-untyped-def]
    sc = desk.scenario
    assert desk.panel_latest_draw() is None
    pool = desk.panel_read_pool(sc.pool)
    assert [e.name for e in pool] == ["张伟", "李娜", "王强", "赵敏", "陈刚", "周洁"]
    assert len(pool[0].cert_sha256) == 64 and pool[3].cert_sha256 == ""
    assert "持股企业：湘江云脑信息技术有限公司" in pool[3].ties
    bad = sc.root / "bad.toml"
    bad.write_text('[[expert]]\nname = "甲"\ncertificate = "无.pem"\n', "utf-8")
    with pytest.raises(BadInput, match="证书"):
        desk.panel_read_pool(bad)
    drawn = desk.panel_draw(sc.pool, 3, "湖南2026第一批", seed=7)
    assert sorted(drawn.members) == sorted(n for n, _o in pp.MEMBERS)
    assert [n for n, _r in drawn.excluded] == ["赵敏"]
    assert "持股" in drawn.excluded[0][1][0] and pp.TIED_APPLICANT in drawn.excluded[0][1][0]
    assert drawn.seed == "7" and len(drawn.applications) == 6
    assert sorted(drawn.enrolled) == sorted(drawn.members)  # their certificates trusted now
    again = desk.panel_latest_draw()
    assert again is not None and again.id == drawn.id and again.members == drawn.members
    with pytest.raises(BadInput, match="须回避"):
        desk.panel_substitute("王强", "赵敏", "临时有事")
    with pytest.raises(BadInput, match="理由"):
        desk.panel_substitute("王强", "陈刚", " ")
    swapped = desk.panel_substitute("王强", "陈刚", "王强临时出差", sc.pool)
    assert "陈刚" in swapped.members and "王强" not in swapped.members
    assert swapped.substitutions[0]["reason"] == "王强临时出差"
    assert swapped.drawn == drawn.drawn  # the draw itself is kept as drawn
    assert swapped.enrolled == ()  # 陈刚 has no certificate in the pool
    back = desk.panel_substitute("陈刚", "王强", "王强行程取消", sc.pool)
    assert back.enrolled == ()  # 王强's certificate is on the roster already
    from cryptography.hazmat.primitives.serialization import Encoding

    from slq_desk.panel.roster import list_members, remove_member
    from tests.support.attacks import make_identity

    remove_member(desk.workspace, "王强")
    # A pool file whose certificate is not the one the draw recorded enrols nobody.
    other = sc.root / "other"
    other.mkdir()
    (other / "pool.toml").write_text(pp.POOL, "utf-8")
    for name, _org in pp.MEMBERS:
        (other / f"{name}.pem").write_bytes(make_identity(name).certificate.public_bytes(Encoding.PEM))
    desk.panel_substitute("王强", "周洁", "改派", sc.pool)
    assert desk.panel_substitute("周洁", "王强", "恢复", other / "pool.toml").enrolled == ()
    desk.panel_substitute("王强", "周洁", "改派", sc.pool)
    assert desk.panel_substitute("周洁", "王强", "恢复", sc.pool).enrolled == ("王强",)
    assert "王强" in {m.name for m in list_members(desk.workspace)}


def test_kits_and_pledges(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc = desk.scenario
    with pytest.raises(BadInput, match="抽取"):
        desk.panel_export_kit("张伟", tmp_path / "k.zip", sc.chair)
    desk.panel_draw(sc.pool, 3, "批次", seed=7)
    packages = sc.root / "ws" / "demo-panel" / "packages"
    # The demo keeps its documents in the store: take one original away to see the refusal,
    # then name the package folder that still holds it.
    from sqlalchemy import select

    from slq_desk.models.schema import Document

    with desk.workspace.session() as s:
        sha = s.scalars(select(Document.sha256)).first()
    assert sha is not None
    desk.workspace.blob_path(sha).unlink()
    with pytest.raises(BadInput, match="原件"):
        desk.panel_export_kit("张伟", tmp_path / "none.zip", sc.chair)
    assert not (tmp_path / "none.zip").exists()
    kit = desk.panel_export_kit("张伟", tmp_path / "张伟.zip", sc.chair, packages=packages)
    assert kit.path.exists() and len(kit.applications) == 6
    state = desk.panel_pledges()
    assert state.pledges == () and sorted(state.members_without_pledge) == sorted(state.members)
    pledge = pp.expert_pledges(kit.path, "张伟", sc.identities["张伟"], sc.chair.info.cert_sha256,
                               tmp_path, tmp_path / "pledges" / "张伟-承诺书.pdf")
    (tmp_path / "pledges" / "readme.txt").write_text("not a pledge", "utf-8")
    done = desk.panel_import_pledges(pledge.parent)
    assert done.imported == [(pledge.name, "张伟")]
    state = desk.panel_pledges()
    assert [p.expert for p in state.pledges] == ["张伟"] and state.pledges[0].signed_at
    assert "张伟" not in state.members_without_pledge
    assert set(state.opinions_without_pledge) == {"李娜", "王强"}
    assert desk.panel_import_pledges(pledge).already == [pledge.name]
    with pytest.raises(BadInput, match="找不到"):
        desk.panel_import_pledges(tmp_path / "nowhere")


def test_flags_request_and_resolution(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sc = desk.scenario
    rows = desk.panel_flags()
    assert rows and all(r.new for r in rows)
    outlier = next(r for r in rows if r.kind == "outlier")
    assert outlier.application_id == sc.divergent and outlier.kind_label == "畸高畸低"
    assert not any(r.new for r in desk.panel_flags())  # raised once
    doc = desk.panel_request_recheck(outlier.id, "请核对使用记录", tmp_path / "req.json")
    assert "畸高畸低" in doc["text"] and (tmp_path / "req.json").exists()
    with pytest.raises(BadInput):
        desk.panel_request_recheck(outlier.id, "", tmp_path / "req.json")
    sent = next(r for r in desk.panel_flags() if r.id == outlier.id)
    assert sent.status_label == "已发复核通知" and sent.request_note == "请核对使用记录"
    with pytest.raises(BadInput, match="说明"):
        desk.panel_resolve_flag(outlier.id, "  ")
    done = desk.panel_resolve_flag(outlier.id, "该项目平台使用记录完整，评分依据充分。")
    assert done.resolution == "explained"
    after = next(r for r in desk.panel_flags() if r.id == outlier.id)
    assert after.resolved and after.resolution_label == "书面说明" and after.resolved_at


def test_conclusion_report_signatures_publicity_and_objections(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    sc = desk.scenario
    desk.panel_draw(sc.pool, 3, "批次", seed=7)
    settings = desk.panel_settings("drop_high_low")
    app = sc.app_ids[0]
    assert desk.panel_conclusion(app) is None
    assert desk.panel_composed_comment(app, settings)
    desk.save_panel_conclusion(app, "刘组长", settings, comment="同意推荐。", recommendation="推荐")
    assert desk.panel_conclusion(app)["comment"] == "同意推荐。"
    opinion = desk.panel_export_opinion(app, tmp_path / "综合意见.pdf", sc.chair, settings)
    assert opinion.signed and opinion.path.exists()
    files = desk.panel_opinion_files()
    assert [(f.application_id, f.signed, f.signer, f.path) for f in files] == \
        [(app, True, "刘组长", opinion.path)]

    built = desk.panel_build_report(tmp_path / "评审报告.pdf", settings, budget=Decimal(700000),
                                    cut_off=None, mode=None, policy_id=None)
    assert built.method_label.startswith("去掉一个最高分和一个最低分")
    assert sorted(built.members) == sorted(n for n, _o in pp.MEMBERS)
    with pytest.raises(BadInput, match="已存在"):
        desk.panel_build_report(built.path, settings, budget=Decimal(700000), cut_off=None,
                                mode=None, policy_id=None)
    check = desk.panel_verify_report(built.path)
    assert not check.signatures and sorted(check.unsigned) == sorted(built.members)
    for name in built.members:
        dissent = "使用记录不足以支撑排序。" if name == "李娜" else None
        desk.panel_sign_report(built.path, sc.identities[name], dissent)
    check = desk.panel_verify_report(built.path)
    assert check.valid and not check.unsigned and check.dissenters == ["李娜"]
    assert all(s.registered for s in check.signatures)  # the pool's certificates

    pub = desk.panel_publicity(tmp_path / "公示", settings, budget=Decimal(700000), cut_off=None,
                               mode=None, policy_id=None, start=date(2026, 12, 8), days=5)
    assert pub.period == "2026年12月08日至2026年12月12日" and all(f.exists() for f in pub.files)
    assert pub.method_label.startswith("去掉一个最高分和一个最低分")
    with pytest.raises(BadInput, match="未覆盖"):
        desk.panel_publicity(tmp_path / "公示", settings, budget=Decimal(700000), cut_off=None,
                             mode=None, policy_id=None, start=date(2026, 12, 8), days=5)

    assert desk.panel_objections() == []
    row = desk.panel_record_objection(sc.divergent, "岳麓智图科技有限公司", "使用记录重复计算。",
                                      datetime(2026, 12, 9, 2, 30, tzinfo=UTC))
    assert row.outcome_label == "待答复"
    with pytest.raises(BadInput):
        desk.panel_answer_objection(row.id, "不成立", "rejected", reopen=True)
    answered = desk.panel_answer_objection(row.id, "部分成立，重新评审。", "partly", reopen=True)
    assert answered.reopened and answered.outcome_label == "异议部分成立"
    assert [o.id for o in desk.panel_objections()] == [row.id]
    assert desk.verify_audit().ok
