"""The checklist rows carry how each document's kind was decided (migration 0005): the
classifier's confidence and reasons, or the person who set it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from slq_desk.desk.service import Desk
from slq_desk.models import Document
from tests.gui.review_factory import build

APP = "hunan-clean-1"


def test_checklist_documents_carry_kind_confidence_reason_and_source(tmp_path: Path) -> None:
    folder, _ = build(tmp_path)
    desk = Desk.open(folder)
    try:
        with desk.workspace.session() as s:
            docs = list(s.scalars(select(Document).where(Document.application_id == APP)))
            first, second = docs[0], docs[1]
            first.kind_confidence, first.kind_source = 73, "auto"
            first.kind_reason = "标题“营业执照”含“营业执照”"
            second.kind_source, second.kind_confidence = "manual:王审核", 100
            ids = (first.id, second.id)
        rows = {d.document_id: d for d in desk.checklist(APP).documents}
        auto, manual = rows[ids[0]], rows[ids[1]]
        assert (auto.kind_confidence, auto.kind_source, auto.kind_reason) == (
            73, "auto", "标题“营业执照”含“营业执照”")
        assert not auto.kind_by_person
        assert manual.kind_by_person and manual.kind_source == "manual:王审核"
    finally:
        desk.close()


def test_an_application_never_checked_says_so_instead_of_showing_no_blocking_findings(tmp_path: Path) -> None:
    """`slq-desk import` does not run the 初审 checks: its checklist must not read as a clean one."""
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import InlineReader
    from tests.gui.review_factory import build as build_ws

    folder, unimported = build_ws(tmp_path)
    desk = Desk.open(folder)
    try:
        assert desk.checklist(APP).checked  # checked when the workspace was built
        new = import_package(desk.workspace, unimported, reader=InlineReader()).application_id
        before = desk.checklist(new)
        assert not before.checked and before.computed_subsidy is None
        desk.run_checks(new)
        after = desk.checklist(new)
        assert after.checked and after.computed_subsidy is not None
    finally:
        desk.close()
