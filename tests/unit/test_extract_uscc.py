"""USCC validation: check characters with python-stdnum, old taxpayer ids by format."""

from __future__ import annotations

import pytest
from stdnum.cn import uscc

from slq_desk.extract.uscc import IdStatus, check_id


def _valid(prefix17: str) -> str:
    return prefix17 + uscc.calc_check_digit(prefix17)


def test_valid_and_wrong_check_character() -> None:
    good = _valid("91420100MA4K00001")
    assert check_id(good) is IdStatus.valid
    assert check_id(good.lower()) is IdStatus.valid
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert check_id(wrong) is IdStatus.bad_check


@pytest.mark.parametrize("value,status", [
    ("420100123456789", IdStatus.old_format),  # 15-character 纳税人识别号
    ("42010012345678901234", IdStatus.old_format),  # 20 characters
    ("91-4201", IdStatus.malformed),
    ("", IdStatus.malformed),
    ("91420100MA4K0000\u00e91", IdStatus.malformed),
])
def test_other_forms(value: str, status: IdStatus) -> None:
    assert check_id(value) is status
