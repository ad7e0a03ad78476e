"""Secret hygiene: the passphrase variable leaves the environment before children start, a
plaintext keyring is not a keyring, a weak new passphrase is refused."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from slq_desk.errors import BadInput
from slq_desk.opinion import identity, passphrase
from tests.support.keyring_memory import MemoryKeyring

PASS = "口令-pass"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    previous = keyring.get_keyring()
    monkeypatch.setattr(passphrase, "_notice_shown", False)
    monkeypatch.setattr(passphrase, "_taken_env", {})
    yield
    keyring.set_keyring(previous)


def test_env_passphrase_is_gone_before_a_child_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLQ_HYGIENE_PW", "长口令-secret-1")
    assert passphrase.from_env("SLQ_HYGIENE_PW") == "长口令-secret-1"
    assert "SLQ_HYGIENE_PW" not in os.environ
    # Still there for this process (a second signature in the same run) …
    assert passphrase.from_env("SLQ_HYGIENE_PW") == "长口令-secret-1"
    # … but not for a child process, which is what the importer's reader is.
    child = subprocess.run([sys.executable, "-c",
                            "import os; print(os.environ.get('SLQ_HYGIENE_PW', 'ABSENT'))"],
                           capture_output=True, text=True, check=True)
    assert child.stdout.strip() == "ABSENT"


def test_cli_takes_the_variable_before_running_the_command(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`slq-desk identity create --passphrase-env V`: V is out of os.environ even though the
    command fails later (no name given), i.e. it was taken before the handler ran."""
    from slq_desk.cli import main

    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SLQ_HYGIENE_PW", "x")
    assert main(["identity", "create", "--name", "甲", "--passphrase-env", "SLQ_HYGIENE_PW"]) == 2
    assert "SLQ_HYGIENE_PW" not in os.environ


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed here): same name."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def test_plaintext_keyring_is_refused_with_a_reason() -> None:
    ring = PlaintextKeyring()
    keyring.set_keyring(ring)
    assert not passphrase.keyring_available()
    assert passphrase.keyring_set("acct", PASS) is False
    assert ring.store == {}  # nothing was written to the plaintext file
    notes: list[str] = []
    passphrase.notify_no_backend_once(notes.append)
    assert "明文" in notes[0] and "PlaintextKeyring" in notes[0]


def test_alt_module_chainer_fail_and_null_are_refused() -> None:
    alt = type("EncryptedKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})()
    assert passphrase.insecure_backend(alt)
    assert passphrase.insecure_backend(fail.Keyring())
    assert passphrase.insecure_backend(null.Keyring())
    # keyring's chainer lists its backends as a class property: a subclass stands in.
    mixed = type("ChainerBackend", (chainer.ChainerBackend,),
                 {"__module__": "keyring.backends.chainer",
                  "backends": [MemoryKeyring(), PlaintextKeyring()]})()
    assert passphrase.insecure_backend(mixed)
    assert passphrase.insecure_backend(MemoryKeyring()) is None
    keyring.set_keyring(MemoryKeyring())
    assert passphrase.keyring_available()


@pytest.mark.parametrize("weak", ["a", "pw", "aaaaaaaaaaaaaaaa", "abcdefghijkl", "口令-pa",
                                  "1234567890"])
def test_weak_new_passphrase_is_refused(weak: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path))
    with pytest.raises(BadInput, match="口令强度不足.*too weak"):
        identity.create("甲", "", weak, days=1)
    assert not (tmp_path / "identity").exists()  # nothing was created


@pytest.mark.parametrize("good", ["测试口令-pass", "correct-horse-9", "评审专家口令12"])
def test_reasonable_passphrases_pass(good: str) -> None:
    passphrase.check_new_passphrase(good)
