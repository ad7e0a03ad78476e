"""补正 import: which earlier file a corrected one replaces, and when a 补正 is taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.office.supplement import import_supplement, name_key
from tests.unit.office_builders import add_application, workspace


@pytest.mark.parametrize(("a", "b"), [("06-发票-2.pdf", "发票-2.PDF"), ("07-发票-2.pdf", "05_发票-2.pdf"),
                                      ("sub/承诺函.pdf", "承诺函.pdf")])
def test_a_renumbered_file_names_the_same_material(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_different_materials_stay_apart() -> None:
    assert name_key("发票-1.pdf") != name_key("发票-2.pdf")


def test_a_supplement_is_refused_outside_the_check_and_for_an_unknown_application(
        tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "done", status="check_passed")
    package = tmp_path / "pkg"
    package.mkdir()
    with pytest.raises(BadInput, match="初审通过"):
        import_supplement(ws, package, "done")
    with pytest.raises(BadInput, match="no application"):
        import_supplement(ws, package, "nope")
    add_application(ws, "open")
    with pytest.raises(BadInput, match="no files"):
        import_supplement(ws, package, "open")
