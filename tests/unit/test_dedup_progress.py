"""查重 over a whole workspace is a long step: the index rebuild reports its progress slice by
slice and the comparison step by step, and a cancel (the callback raising, as the window's
operations do) leaves the index and the findings exactly as they were."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from slq_desk.checks import dedup
from slq_desk.desk.service import Desk
from slq_desk.models.office import DedupKey
from slq_desk.models.schema import Finding
from tests.unit.office_builders import add_application, invoice, workspace

SHUDIAN = "26422000000012345678"


class Stop(Exception):
    """What a cancelling callback raises."""


def _apps(ws, n: int) -> None:
    for i in range(n):
        number = SHUDIAN if i in (0, n - 1) else f"2642200000001{i:07d}"
        add_application(ws, f"app-{i:04d}", applicant=f"武汉科技有限公司{i}",
                        uscc=f"91420100MA4K{i:06d}", claimed=datetime(2026, 3, 1, tzinfo=UTC),
                        documents=[(f"发票-{i}.pdf", "invoice", invoice(number))])


def _index(ws) -> list[tuple[str, str, str]]:
    with ws.session() as s:
        return sorted((k.application_id, k.kind, k.key) for k in s.scalars(select(DedupKey)))


def _findings(ws) -> list[tuple[str, str]]:
    with ws.session() as s:
        return sorted((f.application_id, f.code) for f in s.scalars(
            select(Finding).where(Finding.stage == dedup.STAGE)))


def test_the_rebuild_reports_each_slice_and_ends_at_the_total(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ws = workspace(tmp_path)
    _apps(ws, 7)
    monkeypatch.setattr(dedup, "CHUNK", 3)  # 7 applications: slices of 3, 3 and 1
    heard: list[tuple[int, int, str]] = []
    written = dedup.reindex(ws, progress=lambda d, t, text: heard.append((d, t, text)))
    assert written > 0
    assert [(d, t) for d, t, _ in heard] == [(0, 7), (3, 7), (6, 7), (7, 7)]
    assert {text for _, _, text in heard} == {dedup.INDEX_TEXT}
    steps: list[tuple[int, int, str]] = []
    dups = dedup.refresh_findings(ws, progress=lambda d, t, text: steps.append((d, t, text)))
    assert [(d, t) for d, t, _ in steps] == [(0, 2), (1, 2), (2, 2)]
    assert [(d.code, d.first, d.second) for d in dups] == [
        ("dedup_invoice", "app-0000", "app-0006")]


def test_a_cancelled_rebuild_leaves_the_index_as_it_was(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    ws = workspace(tmp_path)
    _apps(ws, 7)
    monkeypatch.setattr(dedup, "CHUNK", 3)
    dedup.reindex(ws)
    with ws.session() as s:  # an index out of date, as after field corrections
        s.execute(delete(DedupKey).where(DedupKey.application_id == "app-0006"))
    before = _index(ws)

    def cancel_after_first_slice(done: int, total: int, text: str) -> None:
        if done >= 3:
            raise Stop()

    with pytest.raises(Stop):
        dedup.reindex(ws, progress=cancel_after_first_slice)
    # The first slice was already rewritten inside the transaction; none of it stays.
    assert _index(ws) == before
    dedup.reindex(ws)
    assert _index(ws) != before and ("app-0006", "invoice", SHUDIAN) in _index(ws)


def test_a_cancelled_comparison_leaves_the_findings_as_they_were(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    _apps(ws, 4)
    desk = Desk(ws)
    desk.office.find_duplicates(reindex=True)
    before = _findings(ws)
    assert before == [("app-0000", "dedup_invoice"), ("app-0003", "dedup_invoice")]
    add_application(ws, "app-late", applicant="另一家公司", uscc="91420100MA4K999999",
                    documents=[("发票.pdf", "invoice", invoice(SHUDIAN))])

    def cancel_at_the_end(done: int, total: int, text: str) -> None:
        if text == dedup.RECORD_TEXT and done == total:
            raise Stop()  # everything computed and written, not yet committed

    with pytest.raises(Stop):
        desk.office.find_duplicates(reindex=True, progress=cancel_at_the_end)
    assert _findings(ws) == before
    heard: list[str] = []
    desk.office.find_duplicates(reindex=True, progress=lambda d, t, text: heard.append(text))
    assert heard[0] == dedup.INDEX_TEXT and heard[-1] == dedup.RECORD_TEXT
    assert ("app-late", "dedup_invoice") in _findings(ws)
