"""Shared by the signing GUI tests: an isolated data folder and keyring, a key made once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

PASS = "测试口令-pass"

def isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """SLQ_DESK_DATA_DIR in tmp_path, keyring's fail backend, the once-notice reset."""
    from slq_desk.opinion import passphrase

    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(passphrase, "_notice_shown", False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def make_p12(name: str, org: str = "测试评审中心") -> bytes:
    from slq_desk.opinion.identity import create_self_signed

    return create_self_signed(name, org, PASS, days=30)


def install(p12: bytes) -> object:
    from slq_desk.opinion import identity

    return identity.install(p12, identity.unlock(p12, PASS, "test key").info)


class Asker:
    """Stands in for the password prompt: answers in turn, counts the questions."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked = 0

    def __call__(self, label: str) -> str | None:
        self.asked += 1
        return self.answers.pop(0) if self.answers else None
