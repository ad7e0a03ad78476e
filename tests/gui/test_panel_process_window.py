"""The panel process of issue 16 in the chair's window (PanelView): the draw with recusal and a
substitution, kits exported as an operation and pledges imported, the method menu with
去掉一个最高分和一个最低分, 复核 flags requested and resolved (explanation and revised opinion),
the 综合意见, the 评审报告 signed by every member with one dissent, the 公示 list and the 异议
log — each through the real view, with "open file / open folder" after the exports.

The members' own desks (kit import and pledge, a revised opinion, their report signatures) are
the core functions, as a member's slq-desk would run them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.gui.signing_support import Asker, install, isolate
from tests.support import panel_process as pp

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> pp.Scenario:
    return pp.build(tmp_path_factory.mktemp("window") / "s")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    yield from isolate(monkeypatch, tmp_path)


@pytest.fixture()
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What "open file / open folder" handed to the desktop."""
    from slq_desk.ui import outputs

    urls: list[str] = []
    monkeypatch.setattr(outputs, "DEFAULT_OPENER", [lambda url: urls.append(url.toLocalFile()) or True])
    return urls


@pytest.fixture()
def here(scenario: pp.Scenario, tmp_path: Path) -> Iterator[tuple[pp.Scenario, Any]]:
    from slq_desk.workspace import Workspace

    sc = pp.copy(scenario, tmp_path / "s")
    ws = Workspace.open(sc.root / "ws")
    yield sc, ws
    ws.close()


def view(qtbot: Any, ws: Any, **kw: Any) -> Any:
    from slq_desk.ui.panel.panel_view import PanelView

    v = PanelView(ws, **({"run_sync": True} | kw))
    v.resize(1600, 1000)
    qtbot.addWidget(v)
    return v


def draw(v: Any, sc: pp.Scenario) -> None:
    v.show_page(v.draw_page)
    v.draw_page.pool_edit.setText(str(sc.pool))
    v.draw_page.seed_edit.setText("7")
    v.draw_page.batch_edit.setText("湖南2026第一批")
    assert v.draw_page.draw() is not None


def test_draw_shows_recusal_and_substitutes_with_a_reason(qtbot: Any, here: Any) -> None:
    sc, ws = here
    v = view(qtbot, ws)
    page = v.draw_page
    v.show_page(page)
    assert "尚未抽取" in page.message.text()
    page.draw()
    assert "专家库" in page.message.text()  # no pool chosen: said, nothing drawn
    page.pool_edit.setText(str(sc.pool))  # previewed as soon as it names a file
    assert page.pool_table.rowCount() == 6 and "6 人" in page.message.text()
    ties = {page.pool_table.item(i, 0).text(): page.pool_table.item(i, 4).text() for i in range(6)}
    assert ties["赵敏"] == "持股企业：" + pp.TIED_APPLICANT and ties["张伟"] == "—"
    page.seed_edit.setText("七")
    assert page.draw() is None and "整数" in page.message.text()
    draw(v, sc)
    assert page.members_table.rowCount() == 3
    members = {page.members_table.item(i, 0).text() for i in range(3)}
    assert members == {n for n, _o in pp.MEMBERS}
    assert page.excluded_table.item(0, 0).text() == "赵敏"
    assert "持股" in page.excluded_table.item(0, 1).text()
    assert pp.TIED_APPLICANT in page.excluded_table.item(0, 1).text()
    assert "随机种子 7" in page.summary.text() and "湖南2026第一批" in page.summary.text()
    assert v.roster_table.rowCount() == 3  # the drawn members' certificates, on the roster
    assert [page.in_box.itemText(i) for i in range(page.in_box.count())] == ["陈刚", "周洁"]
    state = {page.pool_table.item(i, 0).text(): page.pool_table.item(i, 1).text() for i in range(6)}
    assert state == {"张伟": "评审组成员", "李娜": "评审组成员", "王强": "评审组成员", "赵敏": "回避",
                     "陈刚": "未抽中", "周洁": "未抽中"}

    page.out_box.setCurrentText("王强")
    page.in_box.setCurrentText("陈刚")
    assert page.substitute() is None and "理由" in page.sub_message.text()
    page.reason_edit.setText("王强临时出差")
    assert page.substitute() is not None
    now = {page.members_table.item(i, 0).text(): page.members_table.item(i, 3).text()
           for i in range(3)}
    assert "王强" not in now and "王强临时出差" in now["陈刚"]
    state = {page.pool_table.item(i, 0).text(): page.pool_table.item(i, 1).text() for i in range(6)}
    assert state["王强"] == "抽中后被替换" and state["陈刚"] == "评审组成员"
    assert page.subs_table.rowCount() == 1 and page.subs_table.item(0, 2).text() == "王强临时出差"


def test_kits_export_as_an_operation_and_pledges_show_who_pledged_when(
        qtbot: Any, here: Any, tmp_path: Path, opened: list[str]) -> None:
    sc, ws = here
    install(sc.p12["刘组长"])
    asker = Asker(pp.PASS, pp.PASS)
    v = view(qtbot, ws, ask=asker)
    page = v.kits_page
    v.show_page(page)
    assert not page.export_kits() and "抽取" in page.kit_message.text()
    draw(v, sc)
    v.show_page(page)
    assert page.pledges_table.rowCount() == 3  # all three still to pledge
    assert all(page.pledges_table.item(i, 1).text() == "尚未签署（已有评审意见）" for i in range(3))
    page.kit_dir.setText(str(tmp_path / "kits"))
    page.packages_dir.setText(str(sc.root / "ws" / "demo-panel" / "packages"))
    page.pledge_file.setText(str(tmp_path / "无此文件.txt"))
    assert page.export_kits()  # every expert's kit refused, each with the reason
    assert len(page.last_kits.failed) == 3 and not page.last_kits.written
    assert page.kits_table.item(0, 1).text() == "未导出"
    assert "承诺书文本无法读取" in page.kits_table.item(0, 4).text()
    assert "3 个未导出" in page.kit_message.text()
    (tmp_path / "承诺书.txt").write_text("本评审组承诺书：严守评审纪律，不泄露评审信息。", "utf-8")
    page.pledge_file.setText(str(tmp_path / "承诺书.txt"))
    v.run_sync = False  # this one off the GUI thread: the passphrase is asked across threads
    with qtbot.waitSignal(page.kits_exported, timeout=120000):
        assert page.export_kits()
        assert v.is_busy() or page.last_kits is not None
    qtbot.waitUntil(lambda: not v.progress.isVisible(), timeout=10000)
    v.run_sync = True
    assert asker.asked == 2
    done = page.last_kits
    assert len(done.written) == 3 and not done.failed
    import zipfile

    with zipfile.ZipFile(done.written[0][1].path) as z:  # the panel's own pledge text travels
        assert z.read("pledge.txt").decode("utf-8").startswith("本评审组承诺书")
    assert page.kits_table.rowCount() == 3
    assert sc.chair.info.cert_sha256 in page.fingerprint.text()
    assert page.kit_open.isVisibleTo(page)
    page.kit_open.open_folder.click()
    page.kits_table.selectRow(1)
    page.kit_open.open_file.click()
    assert opened == [str(tmp_path / "kits"), str(done.written[1][1].path)]

    pledges = tmp_path / "pledges"
    for name in ("张伟", "李娜"):
        kit = next(k for n, k in done.written if n == name)
        pp.expert_pledges(kit.path, name, sc.identities[name], done.chair_fingerprint,
                          tmp_path, pledges / f"{name}-承诺书.pdf")
    bad = bytearray((pledges / "李娜-承诺书.pdf").read_bytes())
    bad[bad.find(b"stream") + 200] ^= 1
    (pledges / "篡改-承诺书.pdf").write_bytes(bytes(bad))
    with qtbot.waitSignal(page.pledges_imported, timeout=60000):
        page.import_pledges(pledges)
    assert len(page.last_pledges.imported) == 2 and len(page.last_pledges.refused) == 1
    assert "拒绝 1 份" in page.pledge_message.text() and "篡改" in page.pledge_message.text()
    t = page.pledges_table
    rows = {t.item(i, 0).text(): (t.item(i, 1).text(), t.item(i, 2).text())
            for i in range(t.rowCount())}
    assert rows["张伟"][0] == "已签署" and rows["张伟"][1].startswith("20")
    assert rows["李娜"][0] == "已签署"
    assert rows["王强"][0].startswith("尚未签署")


def test_method_menu_and_flags_requested_and_resolved(qtbot: Any, here: Any,
                                                      tmp_path: Path, opened: list[str]) -> None:
    from slq_desk.opinion.verify import read_pdf_bytes
    from slq_desk.panel.flags import revise_opinion

    sc, ws = here
    v = view(qtbot, ws)
    labels = [v.method_box.itemText(i) for i in range(v.method_box.count())]
    assert labels == ["均值", "中位数", "截尾均值（≥5 位专家时去掉最高最低）", "去掉一个最高分和一个最低分"]
    v.method_box.setCurrentIndex(3)
    assert v.settings().method == "drop_high_low"
    assert "去掉一个最高分和一个最低分后的平均分" in v.method_note.text()

    page = v.flags_page
    v.show_page(page)
    rows = page.rows
    assert rows and {r.kind_label for r in rows} >= {"畸高畸低"}
    outlier = next(r for r in rows if r.kind == "outlier")
    assert outlier.application_id == sc.divergent
    assert "未处理 {0} 个".format(len(rows)) in page.summary.text()
    assert not page.request_button.isEnabled()  # nothing selected yet
    page.select_flag(outlier.id)
    assert page.request_button.isEnabled() and "畸高畸低" in page.detail.text()
    page.note_edit.setText("请核对平台使用记录")
    request = tmp_path / "复核通知.json"
    doc = page.request(request)
    assert doc is not None and request.exists() and "请核对平台使用记录" in doc["text"]
    page.request_open.open_file.click()
    assert opened == [str(request)]
    row = next(i for i, r in enumerate(page.rows) if r.id == outlier.id)
    assert page.flags_table.item(row, 7).text() == "已发复核通知"

    # The expert revises on their own desk; the chair imports the revision here.
    mine = next((sc.root / "ws" / "demo-panel" / "opinions").glob(
        f"{sc.divergent}-{outlier.reviewer}.pdf"))
    value = str(Decimal(outlier.reference).quantize(Decimal(1)))
    revised = tmp_path / "revised.pdf"
    revised.write_bytes(revise_opinion(read_pdf_bytes(mine), sc.identities[outlier.reviewer],
                                       {outlier.criterion: value}, {}, "按复核通知修改"))
    page.select_flag(outlier.id)
    (tmp_path / "garbage.pdf").write_text("not a pdf", "utf-8")
    assert page.resolve_with_revision(tmp_path / "garbage.pdf")  # launched, then refused
    assert page.message.text().startswith("未完成")
    assert not next(r for r in page.rows if r.id == outlier.id).resolved
    with qtbot.waitSignal(page.resolved, timeout=60000):
        assert page.resolve_with_revision(revised)
    after = next(r for r in page.rows if r.id == outlier.id)
    assert after.resolution == "revised" and "修改后重新签署" in page.message.text()
    statuses = [v.opinions_table.item(i, 4).text() for i in range(v.opinions_table.rowCount())]
    assert "已被更新的意见取代" in statuses  # the flagged opinion is kept, superseded
    stale = [i for i, r in enumerate(page.rows) if r.superseded and not r.resolved]
    assert stale and all("已被更新的意见取代" in page.flags_table.item(i, 7).text() for i in stale)
    assert page.flags_table.item(row, 4).text() != outlier.criterion  # the criterion's name

    other = next((r for r in page.rows if not r.resolved), None)
    if other is not None:  # any other flag: answered with a written explanation
        page.select_flag(other.id)
        assert not page.resolve_with_explanation() and "说明" in page.message.text()
        page.explanation_edit.setPlainText("评分依据充分，见使用记录第 3 页。")
        assert page.resolve_with_explanation()
        assert next(r for r in page.rows if r.id == other.id).resolution_label == "书面说明"


def test_conclusion_and_report_signed_by_every_member_with_a_dissent(
        qtbot: Any, here: Any, tmp_path: Path, opened: list[str]) -> None:
    sc, ws = here
    install(sc.p12["王强"])
    asker = Asker(pp.PASS)
    v = view(qtbot, ws, ask=asker)
    draw(v, sc)
    v.method_box.setCurrentIndex(3)
    v.budget_edit.setText("700000")
    v.rank()
    page = v.report_page
    v.show_page(page)
    assert "去掉一个最高分和一个最低分" in page.method_note.text()

    # 综合意见: the composed text, a saved draft, an unsigned export.
    assert page.app_box.count() == 6 and page.comment_edit.toPlainText()
    page.rec_box.setCurrentIndex(page.rec_box.findData("推荐"))
    page.comment_edit.setPlainText("评审组同意推荐。")
    assert page.save_conclusion() and "第 1 版" in page.opinion_message.text()
    page.load_conclusion()
    assert page.comment_edit.toPlainText() == "评审组同意推荐。" and page.version == 1
    page.opinion_draft_box.setChecked(True)
    with qtbot.waitSignal(page.opinion_exported, timeout=60000):
        assert page.export_opinion(tmp_path / "综合意见.pdf")
    assert "草稿" in page.opinion_message.text() and (tmp_path / "综合意见.pdf").exists()
    assert page.opinions_table.rowCount() == 1
    assert page.opinions_table.item(0, 1).text() == "草稿（未签名）"
    page.opinion_open.open_file.click()

    # Another PDF is not a report: said so, and nobody signs it.
    page.report_path.setText(str(tmp_path / "综合意见.pdf"))
    with qtbot.waitSignal(page.report_checked, timeout=60000):
        page.verify_report()
    assert page.verdict.text().startswith("无效") and "不是评审报告" in page.verdict.text()
    before = (tmp_path / "综合意见.pdf").read_bytes()
    page.sign_report()
    assert page.report_message.text().startswith("未完成")
    assert (tmp_path / "综合意见.pdf").read_bytes() == before
    assert asker.asked == 0  # refused before the passphrase is asked

    # 评审报告: built, two members sign on their own desks (李娜 dissents), 王强 signs here.
    report = tmp_path / "评审报告.pdf"
    page.report_path.setText(str(report))
    with qtbot.waitSignal(page.report_built, timeout=60000):
        assert page.build_report()
    assert page.members_table.rowCount() == 3
    assert all(page.members_table.item(i, 1).text() == "尚未签署" for i in range(3))
    assert "尚无签名" in page.verdict.text()
    page.report_open.open_file.click()
    from slq_desk.desk.service import Desk

    Desk.panel_sign_report(report, sc.identities["张伟"])
    Desk.panel_sign_report(report, sc.identities["李娜"], "使用记录不足以支撑其排序。")
    with qtbot.waitSignal(page.report_checked, timeout=60000):
        assert page.verify_report()
    t = page.members_table
    status = {t.item(i, 0).text(): t.item(i, 1).text() for i in range(3)}
    assert status == {"张伟": "已签署（同意）", "李娜": "持不同意见", "王强": "尚未签署"}
    assert "尚未签署 王强" in page.verdict.text()
    with qtbot.waitSignal(page.report_checked, timeout=60000):
        assert page.sign_report()
    assert asker.asked == 1
    check = page.check
    assert check.valid and not check.unsigned and check.dissenters == ["李娜"]
    assert "有效" in page.verdict.text() and "持不同意见 李娜" in page.verdict.text()
    assert page.dissents.text() == "李娜 持不同意见：使用记录不足以支撑其排序。"
    page.sign_report()
    assert "都已签署" in page.report_message.text() and asker.asked == 1
    at = {t.item(i, 0).text(): i for i in range(3)}  # the draw's order
    assert all("专家库登记的证书" in t.item(i, 4).text() for i in range(3))
    assert t.item(at["张伟"], 3).text().startswith("✓ 认证签名")  # the first to sign certifies
    assert t.item(at["王强"], 3).text() == "✓ 签名"
    assert opened == [str(tmp_path / "综合意见.pdf"), str(report)]


def test_publicity_export_and_objection_that_reopens(qtbot: Any, here: Any, tmp_path: Path,
                                                     opened: list[str]) -> None:
    from PySide6.QtCore import QDate

    sc, ws = here
    v = view(qtbot, ws)
    page = v.publicity_page
    v.show_page(page)
    v.budget_edit.setText("700000")
    page.out_dir.setText(str(tmp_path / "公示"))
    page.start_edit.setDate(QDate(2026, 12, 8))
    page.export()
    assert "评审专家" in page.pub_message.text()  # no draw yet: the list needs its experts
    draw(v, sc)
    v.method_box.setCurrentIndex(3)
    v.show_page(page)
    with qtbot.waitSignal(page.published, timeout=60000):
        assert page.export()
    text = page.pub_message.text()
    assert "2026年12月08日至2026年12月12日" in text and "去掉一个最高分和一个最低分" in text
    assert page.files_table.rowCount() == 2
    shown = [page.rows_table.item(i, 2).text() for i in range(page.rows_table.rowCount())]
    assert shown == list(page.last.applications) and shown  # the main list, as published
    assert page.rows_table.item(0, 3).text().endswith(".00")
    page.files_table.selectRow(1)
    page.pub_open.open_file.click()
    page.pub_open.open_folder.click()
    assert opened == [str(tmp_path / "公示" / "公示名单.pdf"), str(tmp_path / "公示")]
    page.export()
    assert "未覆盖" in page.pub_message.text()

    page.app_box.setCurrentIndex(page.app_box.findData(sc.divergent))
    assert page.record() is None  # who and what are required
    page.objector_edit.setText("岳麓智图科技有限公司")
    page.about_edit.setText("该项目使用记录存在重复计算。")
    from PySide6.QtCore import QDateTime, QTime

    from slq_desk.ui.panel.publicity_page import BEIJING_ZONE

    page.received_edit.setDateTime(QDateTime(QDate(2026, 12, 9), QTime(10, 30), BEIJING_ZONE))
    row = page.record()
    assert row is not None and page.objections_table.rowCount() == 1
    assert row.received_at.isoformat().startswith("2026-12-09T02:30")  # stored UTC
    assert page.objections_table.item(0, 2).text() == "2026-12-09 10:30"  # shown Beijing
    assert page.objections_table.item(0, 5).text() == "待答复"
    page.objections_table.selectRow(0)
    page.answer_edit.setText("经核查部分成立，重新评审。")
    page.outcome_box.setCurrentIndex(page.outcome_box.findData("rejected"))
    page.reopen_box.setChecked(True)
    assert page.answer() is None  # a rejected objection reopens nothing
    page.outcome_box.setCurrentIndex(page.outcome_box.findData("partly"))
    answered = page.answer()
    assert answered is not None and answered.reopened
    assert page.objections_table.item(0, 5).text() == "异议部分成立"
    assert page.objections_table.item(0, 7).text() == "已重新评审"
    assert "退回评审中" in page.obj_message.text()
    assert not page.answer_button.isEnabled()  # answered once


def test_summary_export_offers_open_file_and_folder(qtbot: Any, here: Any, tmp_path: Path,
                                                    opened: list[str]) -> None:
    sc, ws = here
    v = view(qtbot, ws)
    assert v.export_open.isHidden()
    v.budget_edit.setText("700000")
    v.rank()
    v.export_dir.setText(str(tmp_path / "summary"))
    v.draft_box.setChecked(True)
    v.export()
    assert not v.export_open.isHidden() and v.export_open.path == v.written[0].path
    v.export_table.selectRow(2)
    v.export_open.open_file.click()
    v.export_open.open_folder.click()
    assert opened == [str(v.written[2].path), str(tmp_path / "summary")]
