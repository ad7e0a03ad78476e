"""The desk service without Qt: corrections (with the CLI), queue, review form, verification."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from slq_desk.cli import main
from slq_desk.desk.service import Desk
from slq_desk.desk.verification import OPINION, attachment_kind, verify
from slq_desk.errors import BadInput
from slq_desk.models import AuditEvent, ExtractedField
from slq_desk.review.service import ConcurrentEdit, ReviewChanges
from tests.gui.review_factory import build

APP = "hunan-clean-1"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder, _ = build(tmp_path_factory.mktemp("desk"))
    return folder


@pytest.fixture()
def ws_path(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(template, target)
    return target


@pytest.fixture()
def desk(ws_path: Path) -> Iterator[Desk]:
    d = Desk.open(ws_path)
    yield d
    d.close()


def _amount_field(desk: Desk) -> int:
    data = desk.checklist(APP)
    return next(f.id for d in data.documents for f in d.fields
                if f.name == "item.amount" and f.value == "276102.00")


def test_correct_changes_the_subsidy_and_keeps_the_extracted_value(desk: Desk) -> None:
    field_id = _amount_field(desk)
    assert desk.computed_subsidy(APP) == Decimal("172922.04")
    done = desk.correct(APP, field_id, "176102.00", "李审核")
    assert (done.extracted, done.corrected_value, done.corrected_by) == \
        ("276102.00", "176102.00", "李审核")
    assert done.computed_subsidy == Decimal("142922.04")  # 30 % of the 100 000 taken out
    assert desk.calculation(APP).subsidy == Decimal("142922.04")
    with desk.workspace.session() as s:
        assert s.get(ExtractedField, field_id).value == "276102.00"
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "field.correct")).all()
        assert [e.actor for e in events] == ["李审核"]

    back = desk.correct(APP, field_id, None)
    assert back.corrected_value is None and back.computed_subsidy == Decimal("172922.04")


def test_correct_refuses_a_field_of_another_application(desk: Desk) -> None:
    field_id = _amount_field(desk)
    with pytest.raises(BadInput, match="has no extracted field"):
        desk.correct("wuhan-flawed-1", field_id, "1.00")
    with pytest.raises(BadInput, match="no application"):
        desk.correct("nope", field_id, "1.00")
    assert desk.computed_subsidy(APP) == Decimal("172922.04")


def test_cli_correct(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _Closing(Desk.open(ws_path)) as d:
        field_id = _amount_field(d)
    assert main(["correct", APP, "--workspace", str(ws_path), "--field", str(field_id),
                 "--value", "176102.00", "--by", "李审核", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["computed_subsidy"] == "142922.04" and out["corrected_value"] == "176102.00"
    assert main(["correct", APP, "-w", str(ws_path), "--field", str(field_id), "--withdraw"]) == 0
    assert "172922.04" in capsys.readouterr().out
    assert main(["correct", APP, "-w", str(ws_path)]) == 0  # lists the fields with their ids
    assert f"{field_id:>6}" in capsys.readouterr().out
    assert main(["correct", APP, "-w", str(ws_path), "--field", str(field_id)]) == 2
    assert main(["correct", "wuhan-flawed-1", "-w", str(ws_path), "--field", str(field_id),
                 "--value", "1"]) == 2


class _Closing:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def __enter__(self) -> Desk:
        return self.desk

    def __exit__(self, *exc: object) -> None:
        self.desk.close()


def test_queue_and_documents(desk: Desk) -> None:
    rows = {r.id: r for r in desk.applications()}
    assert set(rows) == {"hunan-clean-1", "wuhan-flawed-1"}
    assert rows[APP].computed_subsidy == Decimal("172922.04")
    assert desk.documents("nope") is None
    assert desk.documents(APP)
    assert desk.first_application_id() == APP


def test_review_form_save_and_lost_update(desk: Desk) -> None:
    form = desk.review_form(APP, "张评审")
    assert form.state is None and form.computed == Decimal("172922.04")
    state = desk.declare_coi("张评审", APP, "张评审", "none", None)
    first = desk.save_review("张评审", APP, "张评审", ReviewChanges(reason="a"), state.version)
    # A second client saved in between: the stale version is refused, nothing overwritten.
    desk.save_review("张评审", APP, "张评审", ReviewChanges(reason="b"), first.version)
    with pytest.raises(ConcurrentEdit):
        desk.save_review("张评审", APP, "张评审", ReviewChanges(reason="c"), first.version)
    again = desk.review_form(APP, "张评审")
    assert again.state is not None and again.state.reason == "b"
    ctx = desk.sign_context(APP)
    assert ctx.exists and ctx.reviewers == ("张评审",)
    assert desk.sign_readiness(APP, "张评审").problems  # not scored yet: cannot be signed


def test_verification_tells_the_kind_from_the_file(tmp_path: Path) -> None:
    junk = tmp_path / "x.pdf"
    junk.write_bytes(b"%PDF-1.7\n%%EOF\n")
    assert attachment_kind(junk.read_bytes()) == OPINION
    outcome = verify(junk)
    assert outcome.kind == OPINION and outcome.result is not None and not outcome.result.valid


def test_correct_refuses_a_mistyped_amount_and_changes_nothing(desk: Desk) -> None:
    from slq_desk.desk.correction import CorrectionRefused

    field_id = _amount_field(desk)
    with pytest.raises(CorrectionRefused, match="不是金额"):
        desk.correct(APP, field_id, "abc")
    assert desk.computed_subsidy(APP) == Decimal("172922.04")
    # Separators and 万 are read and stored plainly.
    done = desk.correct(APP, field_id, "¥17.61020万")
    assert done.corrected_value == "176102.00" and done.computed_subsidy == Decimal("142922.04")
