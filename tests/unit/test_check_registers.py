"""Reference lists and the rules a list or a person decides (policy/rules/registers.py):
each rule asks when its list is not loaded, blocks when a loaded list says no, and is silent
when the list says yes. Lists are read from real CSV and XLSX files; hostile files get a clear
BadInput."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from slq_desk.checks.lists import import_list, list_summaries, load_lists, parse_list
from slq_desk.checks.rules import registers as r
from slq_desk.errors import BadInput
from slq_desk.policy.rules.registers import Entry, ListView
from slq_desk.workspace import Workspace
from tests.unit.check_builders import (
    APPLICANT,
    APPLICANT_ID,
    CST,
    SUPPLIER,
    SUPPLIER_ID,
    codes,
    contract,
    invoice,
    params,
    view,
)


def _list(kind: str, *entries: Entry) -> dict[str, ListView]:
    return {kind: ListView(kind, date(2026, 3, 1), "公示", entries)}


def test_supplier_registry_asks_blocks_or_passes() -> None:
    p = params()
    asked = r.supplier_listed(view(), p)
    assert codes(asked) == ["supplier_list_unchecked"] and asked[0].severity == "info"
    assert asked[0].article == "第五条" and SUPPLIER in asked[0].message_zh
    other = view(lists=_list("wuhan_suppliers", Entry("武汉另一家算力有限公司")))
    found = r.supplier_listed(other, p)
    assert codes(found) == ["supplier_not_listed"] and found[0].severity == "block"
    assert "2026-03-01" in found[0].message_zh and found[0].evidence[0].field == "supplier_name"
    # Matched by USCC even when the name is written with full-width brackets.
    listed = view(lists=_list("wuhan_suppliers", Entry("武汉算力云科技（有限）公司", SUPPLIER_ID)))
    assert r.supplier_listed(listed, p) == []


def test_dazhou_supplier_registered_two_years() -> None:
    p = params("dazhou-2026")
    docs = [contract(), invoice()]
    young = view("dazhou-2026", docs=docs, lists=_list(
        "dazhou_service_providers", Entry(SUPPLIER, since=date(2025, 1, 1))))
    found = r.supplier_listed(young, p)
    assert codes(found) == ["supplier_registered_too_recently"] and found[0].article == "第九条"
    old = view("dazhou-2026", docs=docs, lists=_list(
        "dazhou_service_providers", Entry(SUPPLIER, since=date(2024, 7, 1))))
    assert r.supplier_listed(old, p) == []  # claimed 2026-07-01: exactly two years
    undated = view("dazhou-2026", docs=docs, lists=_list("dazhou_service_providers", Entry(SUPPLIER)))
    assert codes(r.supplier_listed(undated, p)) == ["supplier_registration_unchecked"]


def test_credit_blacklist() -> None:
    p = params()
    asked = r.credit(view(), p)
    assert codes(asked) == ["credit_unchecked"] and "申报单位、算力供给方" in asked[0].message_zh
    listed = view(lists=_list("credit_blacklist", Entry("", APPLICANT_ID)))
    found = r.credit(listed, p)
    assert codes(found) == ["credit_listed"] and found[0].severity == "block"
    assert found[0].article == "第六条" and APPLICANT in found[0].message_zh
    assert r.credit(view(lists=_list("credit_blacklist", Entry("某失信公司"))), p) == []
    # Beijing (附件14-4) asks only about the applicant.
    bj = r.credit(view("beijing-2026", docs=[contract()]), params("beijing-2026"))
    assert "算力供给方" not in bj[0].message_zh


def test_wuhan_five_year_ban_runs_from_the_sanction() -> None:
    p = params()
    assert codes(r.banned(view(), p)) == ["ban_list_unchecked"]
    recent = view(lists=_list("wuhan_banned", Entry(SUPPLIER, since=date(2023, 5, 1))))
    found = r.banned(recent, p)
    assert codes(found) == ["banned_from_subsidies"] and found[0].article == "第十一条"
    lapsed = view(lists=_list("wuhan_banned", Entry(SUPPLIER, since=date(2021, 6, 30))))
    assert r.banned(lapsed, p) == []  # five years ended 2026-06-30, the claim is 2026-07-01
    assert r.banned(view("hunan-2026", docs=[contract()]), params("hunan-2026")) == []


def test_beijing_unsafe_devices_by_card_model() -> None:
    p = params("beijing-2026")
    docs = [contract(card_model="NVIDIA H20"), invoice(spec="NVIDIA H20 96GB")]
    asked = r.unsafe_devices(view("beijing-2026", docs=docs), p)
    assert codes(asked) == ["unsafe_devices_unchecked"] and "NVIDIA H20" in asked[0].message_zh
    found = r.unsafe_devices(view("beijing-2026", docs=docs,
                                  lists=_list("unsafe_devices", Entry(item="NVIDIA H20"))), p)
    assert codes(found) == ["unsafe_device", "unsafe_device"] and found[0].article == "二（五）"
    assert r.unsafe_devices(view(docs=docs, lists=_list("unsafe_devices", Entry(item="H20"))),
                            params()) == []  # Wuhan has no such rule


def test_beijing_industry_and_direction_conditions() -> None:
    p = params("beijing-2026")
    company = view("beijing-2026", docs=[contract()], direction=4)
    assert codes(r.industry(company, p)) == ["industry_to_confirm"]
    estate = view("beijing-2026", docs=[contract()], direction=4, overrides={"industry": "房地产业"})
    assert codes(r.industry(estate, p)) == ["industry_not_supported"]
    software = view("beijing-2026", docs=[contract()], overrides={"industry": "信息软件业"})
    assert r.industry(software, p) == []
    # Direction 4: a model filed before 2026-01-01 does not qualify.
    early = view("beijing-2026", docs=[contract()], direction=4,
                 overrides={"model_filed_on": "2025-12-01"})
    found = r.direction_conditions(early, p)
    assert codes(found) == ["model_filed_too_early"] and found[0].article == "一（四）"
    late = view("beijing-2026", docs=[contract()], direction=4,
                overrides={"model_filed_on": "2026-02-01"})
    assert r.direction_conditions(late, p) == []
    assert codes(r.direction_conditions(company, p)) == ["direction_condition_to_confirm"]
    # Direction 2: on the 揭榜 list nothing to ask; otherwise a person judges the alternative.
    d2 = view("beijing-2026", docs=[contract()], direction=2)
    assert codes(r.direction_conditions(d2, p)) == ["direction_condition_to_confirm"]
    on_list = view("beijing-2026", docs=[contract()], direction=2,
                   lists=_list("beijing_jiebang", Entry(APPLICANT)))
    assert r.direction_conditions(on_list, p) == []
    assert codes(r.direction_conditions(view("beijing-2026", docs=[], direction=3), p)) == [
        "direction_condition_to_confirm"]


def test_chengdu_quota_ledger_asked_until_recorded() -> None:
    p = params("chengdu-2026")
    asked = r.quota_ledger(view("chengdu-2026", docs=[]), p)
    assert codes(asked) == ["quota_ledger_to_confirm"] and asked[0].article == "第十二条"
    assert r.quota_ledger(view("chengdu-2026", docs=[], overrides={"quota_granted": "1"}), p) == []


def test_parse_csv_xlsx_and_refuse_bad_files(tmp_path: Path) -> None:
    gbk = tmp_path / "名单.csv"
    gbk.write_bytes("企业名称,统一社会信用代码,注册日期,备注\n达州某算力有限公司,91511700MA6XXXXX0X,"
                    "2023年5月6日,入库\n,,,\n".encode("gb18030"))
    entries, sha = parse_list(gbk)
    assert entries == [Entry("达州某算力有限公司", "91511700MA6XXXXX0X", "", date(2023, 5, 6), "入库")]
    assert len(sha) == 64

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["设备型号", "日期"])
    sheet.append(["NVIDIA H20", datetime(2025, 4, 1)])
    xlsx = tmp_path / "devices.xlsx"
    book.save(xlsx)
    assert parse_list(xlsx)[0] == [Entry(item="NVIDIA H20", since=date(2025, 4, 1))]

    for name, data, words in [
        ("empty.csv", b"", "empty"),
        ("cols.csv", "甲,乙\n1,2\n".encode(), "no column"),
        ("date.csv", "名称,日期\n某公司,去年\n".encode(), "row 2"),
        ("bad.xlsx", b"PK\x03\x04 not a workbook", "XLSX"),
        ("rows.csv", "名称,备注\n,只有备注\n".encode(), "no row names"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(BadInput, match=words):
            parse_list(path)


def test_import_keeps_every_list_and_uses_the_newest(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    first = tmp_path / "a.csv"
    first.write_text(f"名称\n{SUPPLIER}\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("名称\n武汉另一家算力有限公司\n", encoding="utf-8")
    import_list(ws, "wuhan_suppliers", first, "2026年第一批", date(2026, 2, 1))
    import_list(ws, "wuhan_suppliers", second, "2026年第二批", date(2026, 4, 1))
    with pytest.raises(BadInput, match="unknown list kind"):
        import_list(ws, "no_such_list", first)
    with ws.session() as s:
        lists = load_lists(s)
    assert lists["wuhan_suppliers"].source == "2026年第二批"
    v = view(claimed=datetime(2026, 7, 1, tzinfo=CST), lists=lists)
    assert codes(r.supplier_listed(v, params())) == ["supplier_not_listed"]
    rows = list_summaries(ws)
    assert [(x["source"], x["in_use"]) for x in rows] == [("2026年第二批", True),
                                                         ("2026年第一批", False)]
    from slq_desk import audit

    with ws.session() as s:
        assert audit.verify(s).ok
    ws.close()


def test_each_judgement_is_asked_with_its_article() -> None:
    found = r.judgements(view("beijing-2026", docs=[contract()], direction=4), params("beijing-2026"))
    assert {f.code for f in found} == {"judgement_required"}
    assert {f.article for f in found} == {"一（二）", "一（五）", "一（六）", "附件14-1 一"}
    assert all(f.severity == "info" and f.message_zh.startswith("需人工判断：") for f in found)
    assert all(f.message_en.startswith("a person's judgement: ") for f in found)
    chengdu = r.judgements(view("chengdu-2026", docs=[]), params("chengdu-2026"))
    assert "第八条" in {f.article for f in chengdu}
