"""Notices: the deadline, the 文书编号 per office and year (persistent, never reused), the draft
round trip, and the checks before signing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.office.notices import (
    NoticeDraft,
    draft_notice,
    sign_notice,
    working_days_after,
)
from tests.unit.office_builders import add_application, invoice, workspace


def test_working_days_skip_weekends() -> None:
    assert working_days_after(date(2026, 12, 4), 1) == date(2026, 12, 7)  # Friday → Monday
    assert working_days_after(date(2026, 12, 3), 15) == date(2026, 12, 24)
    assert working_days_after(date(2026, 12, 5), 5) == date(2026, 12, 11)  # from a Saturday


def test_numbers_run_per_office_and_year_and_persist(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1", documents=[("发票.pdf", "invoice", invoice("26422000000012345678"))])
    day = date(2026, 12, 3)
    first = draft_notice(ws, "a1", office="武汉市数据局", official="王", today=day)
    second = draft_notice(ws, "a1", kind="acceptance", official="王", today=day)  # office kept
    other = draft_notice(ws, "a1", office="达州市数据局", official="王", today=day)
    next_year = draft_notice(ws, "a1", office="武汉市数据局", official="王", today=date(2027, 1, 4))
    assert first.number == "武汉市数据局补正告字〔2026〕1号"
    assert second.number == "武汉市数据局受字〔2026〕2号"
    assert other.number == "达州市数据局补正告字〔2026〕1号"
    assert next_year.number == "武汉市数据局补正告字〔2027〕1号"
    ws.close()
    # A reopened workspace goes on from where it was.
    ws = workspace(tmp_path)
    again = draft_notice(ws, "a1", office="武汉市数据局", official="王", today=day)
    assert again.number == "武汉市数据局补正告字〔2026〕3号"
    # The supplement draft lists the blocking findings of the checks, with their articles.
    codes = {i.code for i in first.included}
    assert "material_missing" in codes
    assert all(i.article for i in first.included if i.code == "material_missing")
    assert first.deadline == "2026-12-24" and "15个工作日" in first.deadline_rule


def test_calendar_day_deadline_and_an_office_is_needed(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1")
    with pytest.raises(BadInput, match="office"):
        draft_notice(ws, "a1", official="王")
    notice = draft_notice(ws, "a1", office="武汉市数据局", official="王", calendar_days=10,
                          today=date(2026, 12, 3))
    assert notice.deadline == "2026-12-13"


def test_the_draft_round_trips_and_a_forged_draft_is_refused(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1")
    draft = draft_notice(ws, "a1", office="武汉市数据局", official="王")
    path = tmp_path / "d.json"
    draft.write(path)
    assert NoticeDraft.read(path) == draft
    data = json.loads(path.read_text(encoding="utf-8"))
    data["number"] = "武汉市数据局补正告字〔2026〕99号"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BadInput, match="not a notice drafted in this workspace"):
        sign_notice(ws, NoticeDraft.read(path), tmp_path / "n.pdf")
    data = {**json.loads(path.read_text(encoding="utf-8")), "deadline": "24/12/2026"}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BadInput, match="YYYY-MM-DD"):
        NoticeDraft.read(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(BadInput, match="not valid JSON"):
        NoticeDraft.read(path)


def test_unticked_items_are_left_out_and_an_empty_notice_is_refused(tmp_path: Path) -> None:
    import pymupdf

    ws = workspace(tmp_path)
    add_application(ws, "a1")
    draft = draft_notice(ws, "a1", office="武汉市数据局", official="王承办")
    assert len(draft.included) >= 2
    dropped = draft.included[0]
    dropped.include = False
    out = tmp_path / "n.pdf"
    written = sign_notice(ws, draft, out)  # unsigned: a 草稿 copy
    assert not written.signed
    with pymupdf.open(out) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "草稿" in text and draft.number in text
    assert dropped.problem not in text.replace("\n", "")
    assert draft.included[0].problem[:8] in text.replace("\n", "")
    for item in draft.items:
        item.include = False
    with pytest.raises(BadInput, match="lists no item"):
        sign_notice(ws, draft, out)


def test_a_number_taken_meanwhile_is_skipped(tmp_path: Path) -> None:
    from slq_desk.models.office import OfficeNotice

    ws = workspace(tmp_path)
    add_application(ws, "a1")
    # Another client took 〔2026〕1号 under a record this client's max(seq) does not see.
    with ws.session() as s:
        s.add(OfficeNotice(application_id="a1", kind="supplement", office="其他", year=2026,
                           seq=1, number="武汉市数据局补正告字〔2026〕1号"))
    notice = draft_notice(ws, "a1", office="武汉市数据局", official="王", today=date(2026, 12, 3))
    assert notice.number == "武汉市数据局补正告字〔2026〕2号"


@pytest.mark.parametrize("change", [
    {"items": "承诺函"}, {"items": [{"material": "x", "include": "yes"}]},
    {"items": [{"material": 5}]}, {"reasons": "理由"}, {"official": None}, {"notice_id": "1"}])
def test_a_badly_edited_draft_gets_a_clear_message(tmp_path: Path, change: dict[str, object]) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1")
    path = tmp_path / "d.json"
    draft_notice(ws, "a1", office="武汉市数据局", official="王").write(path)
    data = {**json.loads(path.read_text(encoding="utf-8")), **change}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BadInput):
        NoticeDraft.read(path)
