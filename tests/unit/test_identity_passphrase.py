"""Where passphrases come from: env var, OS keyring, or asking — and the no-keyring path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from slq_desk.errors import BadInput
from slq_desk.opinion import identity, passphrase
from tests.support.keyring_memory import MemoryKeyring

PASS = "口令-pass"

@pytest.fixture(autouse=True)
def _isolated_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    previous = keyring.get_keyring()
    monkeypatch.setattr(passphrase, "_notice_shown", False)
    monkeypatch.setattr(passphrase, "_taken_env", {})  # secrets taken out of os.environ
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("key") / "k.p12"
    path.write_bytes(identity.create_self_signed("钱七", "", PASS, days=10))
    return path


class Asker:
    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked = 0

    def __call__(self, label: str) -> str:
        self.asked += 1
        return self.answers.pop(0)


def test_no_backend_says_so_once_and_asks_every_time(key_file: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    assert not passphrase.keyring_available()
    notices: list[str] = []
    asker = Asker(PASS, PASS)
    for _ in range(2):
        source = identity.passphrase_source(key_file, prompt=asker, notify=notices.append)
        ident = identity.load_with(key_file, source)
        assert ident.info.name == "钱七"
        assert source.accepted(PASS) is False  # nowhere to keep it: never stored
    assert asker.asked == 2
    assert len(notices) == 1 and "keyring" in notices[0]


def test_keyring_keeps_typed_passphrase_and_reuses_it(key_file: Path) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    asker = Asker(PASS)
    identity.load_with(key_file, identity.passphrase_source(key_file, prompt=asker))
    account = identity.fingerprint_of_file(key_file)
    assert ring.store == {(passphrase.SERVICE, account): PASS}
    again = Asker()
    identity.load_with(key_file, identity.passphrase_source(key_file, prompt=again))
    assert again.asked == 0


def test_stale_keyring_entry_is_dropped_and_person_asked(key_file: Path) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    account = identity.fingerprint_of_file(key_file)
    ring.store[(passphrase.SERVICE, account)] = "old passphrase"
    asker = Asker(PASS)
    identity.load_with(key_file, identity.passphrase_source(key_file, prompt=asker))
    assert asker.asked == 1
    assert ring.store[(passphrase.SERVICE, account)] == PASS


def test_wrong_typed_passphrase_is_a_clear_error_and_not_stored(key_file: Path) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    with pytest.raises(identity.WrongPassphrase, match="wrong passphrase"):
        identity.load_with(key_file, identity.passphrase_source(key_file, prompt=Asker("nope")))
    assert ring.store == {}


def test_env_var_wins_and_is_never_stored(key_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    monkeypatch.setenv("SLQ_TEST_PASS", PASS)
    asker = Asker()
    source = identity.passphrase_source(key_file, env_var="SLQ_TEST_PASS", prompt=asker)
    identity.load_with(key_file, source)
    assert asker.asked == 0 and ring.store == {}


@pytest.mark.parametrize("value", [None, ""])
def test_env_var_missing_or_empty(value: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if value is None:
        monkeypatch.delenv("SLQ_TEST_PASS", raising=False)
    else:
        monkeypatch.setenv("SLQ_TEST_PASS", value)
    with pytest.raises(BadInput, match="SLQ_TEST_PASS"):
        passphrase.from_env("SLQ_TEST_PASS")


def test_no_terminal_to_ask_on(monkeypatch: pytest.MonkeyPatch) -> None:
    class NotATty:
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr("sys.stdin", NotATty())
    with pytest.raises(BadInput, match="passphrase-env"):
        passphrase.tty_prompt("口令")
