"""``Desk.office``, the 初审 office's desk service (Qt-free): what the window stands on."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from slq_desk.desk import office as od
from slq_desk.desk.service import Desk
from slq_desk.errors import BadInput
from tests.gui.review_factory import build
from tests.unit.office_builders import add_application, invoice, workspace

FLAWED = "wuhan-flawed-1"
CLEAN = "hunan-clean-1"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder, _ = build(tmp_path_factory.mktemp("desk-office"))
    return folder


@pytest.fixture()
def desk(template: Path, tmp_path: Path) -> Iterator[Desk]:
    target = tmp_path / "ws"
    shutil.copytree(template, target)
    d = Desk.open(target)
    yield d
    d.close()


def test_status_and_the_guards_as_data(desk: Desk) -> None:
    info = desk.office.status(FLAWED)
    assert info.status == "pending_check" and info.blocking > 0
    assert {"supplementing", "check_passed", "check_failed", "withdrawn"} == set(info.allowed)
    passed = desk.office.check_move(FLAWED, "初审通过")
    assert passed.refusal == od.BLOCKING and passed.overridable and len(passed.details) == info.blocking
    assert desk.office.check_move(FLAWED, "supplementing").refusal == od.NO_NOTICE
    not_allowed = desk.office.check_move(FLAWED, "reviewed")
    assert not_allowed.refusal == od.NOT_ALLOWED and not not_allowed.overridable
    assert set(not_allowed.details) == set(info.allowed)
    assert desk.office.check_move(FLAWED, "check_failed").allowed
    assert desk.office.check_move(FLAWED, "pending_check").refusal == od.SAME
    # Asking wrote nothing; refusing without override raises, with override the move is kept.
    assert desk.office.status(FLAWED).status == "pending_check"
    with pytest.raises(BadInput):
        desk.office.move(FLAWED, "check_passed", "看过", "李四")
    move = desk.office.move(FLAWED, "check_passed", "经集体研究同意", "李四", override=True)
    assert move.after == "check_passed" and len(move.overridden) == info.blocking
    after = desk.office.status(FLAWED)
    assert after.status == "check_passed" and after.history[-1]["by"] == "李四"
    assert after.history[-1]["override"]
    assert desk.office.check_move(FLAWED, "reviewed").refusal == od.NOT_ALLOWED
    desk.office.move(FLAWED, "reviewing", "移交评审", "李四")
    reviewed = desk.office.check_move(FLAWED, "reviewed")
    assert reviewed.refusal == od.NO_REVIEWS and not reviewed.overridable


def test_notice_drafted_edited_saved_and_rendered(desk: Desk) -> None:
    assert desk.office.office_name() == ""
    draft = desk.office.draft_notice(FLAWED, "supplement", office="武汉市数据局", official="王承办")
    assert desk.office.office_name() == "武汉市数据局"
    assert draft.number.startswith("武汉市数据局补正告字〔") and draft.included
    draft.contact = "027-12345678"
    draft.items[0].standard = "补交加盖公章的原件扫描件"
    desk.office.save_notice_draft(draft)
    again = desk.office.notice_draft(draft.notice_id)
    assert again.contact == "027-12345678" and again.items[0].standard == "补交加盖公章的原件扫描件"
    out = desk.office.notice_path(again)
    assert out.parent == desk.path / "notices" and "/" not in out.name
    written = desk.office.sign_notice(again, out, identity=None)
    assert written.path.is_file() and not written.signed
    rows = desk.office.notices(FLAWED)
    assert [(r["number"], r["status"]) for r in rows] == [(draft.number, "draft")]
    with pytest.raises(BadInput):
        desk.office.notice_draft(99999)


def test_supplement_closes_findings_and_versions_are_listed(desk: Desk, tmp_path: Path) -> None:
    from slq_desk.demo.supplement import write_supplement

    write_supplement(tmp_path / "sup", FLAWED, seed=1)
    result = desk.office.import_supplement(FLAWED, tmp_path / "sup")
    assert result.version == 2 and result.added and result.replaced
    assert {"material_missing", "amount_words_mismatch"} <= {f.code for f in result.closed}
    assert [v["version"] for v in desk.office.versions(FLAWED)] == [1, 2]
    with pytest.raises(BadInput):
        desk.office.import_supplement(FLAWED, tmp_path / "missing")


def test_manual_checks_are_recorded_and_read_back(desk: Desk) -> None:
    records = desk.office.manual_checks(CLEAN)
    assert records["invoices"] and records["credit"] is None
    doc = records["invoices"][0]["document_id"]
    desk.office.record_invoice_check(CLEAN, doc, "一致", date(2026, 12, 1), "李四", "税务局网站")
    desk.office.record_credit_check(CLEAN, "无失信记录", date(2026, 12, 2), "李四", "XYBG-1")
    records = desk.office.manual_checks(CLEAN)
    first = records["invoices"][0]
    assert (first["result"], first["checked_on"], first["checked_by"]) == ("一致", "2026-12-01", "李四")
    assert records["credit"]["result"] == "无失信记录" and "XYBG-1" in records["credit"]["note"]
    with pytest.raises(BadInput):
        desk.office.record_invoice_check(CLEAN, doc, "maybe", date(2026, 12, 1), "李四")


def test_reference_lists_import_and_show(desk: Desk, tmp_path: Path) -> None:
    assert "credit_blacklist" in desk.office.list_kinds()
    assert desk.office.reference_lists() == []
    csv = tmp_path / "黑名单.csv"
    csv.write_text("名称,统一社会信用代码\n某失信公司,91420100MA4K0000XX\n", encoding="utf-8")
    done = desk.office.import_list("credit_blacklist", csv, "信用中国", date(2026, 11, 30))
    assert done.entries == 1
    rows = desk.office.reference_lists()
    assert [(r["kind"], r["as_of"], r["source"], r["in_use"]) for r in rows] == [
        ("credit_blacklist", "2026-11-30", "信用中国", True)]


def test_dedup_names_both_applications(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    number = "26422000000012345678"
    add_application(ws, "a-first", claimed=datetime(2026, 3, 1, tzinfo=UTC),
                    documents=[("发票-1.pdf", "invoice", invoice(number))])
    add_application(ws, "b-later", applicant="武汉乙科技有限公司", uscc="91420100MA4K000002",
                    claimed=datetime(2026, 4, 1, tzinfo=UTC),
                    documents=[("发票-9.pdf", "invoice", invoice(number))])
    desk = Desk(ws)
    try:
        dups = desk.office.find_duplicates(reindex=True)
        assert [(d.kind, d.first, d.second) for d in dups] == [("invoice", "a-first", "b-later")]
    finally:
        desk.close()


def test_summary_of_the_passed_applications(desk: Desk, tmp_path: Path) -> None:
    assert desk.office.summary_candidates(["check_passed"]) == []
    desk.office.move(CLEAN, "初审通过", "材料齐全", "李四")
    assert desk.office.summary_candidates(["check_passed"]) == [CLEAN]
    written = desk.office.write_summary(tmp_path / "out", ["check_passed"], "李四", "湖南省数据局",
                                        identity=None)
    assert written.rows == 1 and written.pdf.is_file()
    sheet = load_workbook(written.xlsx).active
    assert any(CLEAN in str(c.value) for row in sheet.iter_rows() for c in row)
