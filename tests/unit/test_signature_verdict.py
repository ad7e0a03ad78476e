"""One verdict per verification (issue 19 item 12): the integrity reading a verify screen shows
never says "unchanged" for a file whose signed bytes were edited in place."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from slq_desk.desk.verification import signature_verdict
from slq_desk.opinion import identity
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.opinion.verify import verify_bytes
from tests.unit.test_opinion_sign_verify import PASS, signed_with


@pytest.fixture(scope="module")
def signed() -> bytes:
    ident: LoadedIdentity = identity.unlock(identity.create_self_signed("周九", "", PASS), PASS)
    return signed_with(ident)


def test_untouched_file_is_intact(signed: bytes) -> None:
    verdict = signature_verdict(verify_bytes(signed))
    assert verdict.valid and verdict.integrity == "intact"


def test_byte_edited_inside_the_signed_range(signed: bytes) -> None:
    b = bytearray(signed)
    b[len(b) // 4] ^= 0x01
    result = verify_bytes(bytes(b))
    verdict = signature_verdict(result)
    assert not verdict.valid
    # pyHanko's own level says nothing was appended: the verdict must not read it as "none".
    assert result.modification == "NONE" and result.codes == ["DIGEST_MISMATCH"]
    assert verdict.integrity == "changed_inside"


def test_change_appended_after_signing(signed: bytes, tmp_path: Path) -> None:
    f = tmp_path / "t.pdf"
    f.write_bytes(signed)
    with pymupdf.open(f) as doc:
        doc[0].insert_text((72, 72), "APPROVED 9,999,999")
        doc.saveIncr()
    verdict = signature_verdict(verify_bytes(f.read_bytes()))
    assert not verdict.valid and verdict.integrity == "changed_after"


def test_unsigned_draft_was_not_checked() -> None:
    verdict = signature_verdict(verify_bytes(signed_with(None)))
    assert not verdict.valid and verdict.integrity == "not_checked"
