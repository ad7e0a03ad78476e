"""Where a key file's passphrase comes from: an environment variable, the OS keyring, or a person.

Order: ``--passphrase-env VAR`` (unattended batches) → the OS keyring (service ``slq-desk``, one
entry per key file) → asking. When keyring has no usable backend (its ``fail``/``null``
backends, typical on headless Linux) we say so once per run and ask every time: the passphrase
is never written to disk in plaintext and never silently dropped.

Hygiene (issue 14):

* the variable named by ``--passphrase-env`` is removed from ``os.environ`` as soon as it is
  read (``take_env``; the CLI calls it before any command runs), so the import's reader
  process, a signing helper or anything else spawned later never inherits the secret;
* a keyring backend that keeps secrets in a plaintext or merely obfuscated file (keyrings.alt's
  ``PlaintextKeyring``/``EncryptedKeyring`` family, anything named "plaintext", a chainer that
  includes one) does not count as an OS keyring: nothing is stored there, the person is told
  why and asked each time;
* ``check_new_passphrase`` is the minimum strength for a new key's passphrase.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from slq_desk.errors import BadInput

# Below the layers that use it (the database URL, the audit checkpoints): see slq_desk/userenv.py.
from slq_desk.userenv import (  # noqa: F401  (re-exported: the names callers know)
    INSECURE_BACKEND_NOTICE,
    NO_BACKEND_NOTICE,
    insecure_backend,
    keyring_available,
    unavailable_reason,
)

SERVICE = "slq-desk"
Prompt = Callable[[str], str]
Notify = Callable[[str], None]

_notice_shown = False
# Secrets taken out of the environment (``take_env``): kept in this process only.
_taken_env: dict[str, str] = {}


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def notify_no_backend_once(notify: Notify = _stderr) -> None:
    global _notice_shown
    if not _notice_shown:
        _notice_shown = True
        notify(unavailable_reason())


def keyring_get(account: str) -> str | None:
    if not keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError:
        return None


def keyring_set(account: str, secret: str) -> bool:
    """Store the passphrase; False (never an exception) when the keyring refuses."""
    if not keyring_available():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account, secret)
        return True
    except KeyringError:
        return False


def keyring_forget(account: str) -> None:
    if not keyring_available():
        return
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(SERVICE, account)
    except KeyringError:
        pass


def tty_prompt(label: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise BadInput("a passphrase is needed but there is no terminal to ask on; "
                       "use --passphrase-env VAR for unattended runs")
    try:
        return getpass.getpass(f"{label}: ")
    except EOFError:
        raise BadInput("no passphrase given") from None


def take_env(var: str) -> None:
    """Move ``var`` out of the environment into this process's memory (no error if unset):
    child processes started afterwards do not inherit it."""
    if var in os.environ:
        _taken_env[var] = os.environ.pop(var)


def from_env(var: str) -> str:
    """The passphrase in ``var``; the variable is removed from the environment once read."""
    take_env(var)
    value = _taken_env.get(var)
    if value is None:
        raise BadInput(f"--passphrase-env {var}: the environment variable {var} is not set")
    if not value:
        raise BadInput(f"--passphrase-env {var}: the environment variable {var} is empty")
    return value


MIN_PASSPHRASE_WEIGHT = 10


def _char_class(ch: str) -> str:
    if ch.isascii():
        if ch.islower():
            return "lower"
        if ch.isupper():
            return "upper"
        if ch.isdigit():
            return "digit"
        return "symbol"
    return "cjk" if ch.isalpha() else "symbol"


def check_new_passphrase(secret: str) -> None:
    """Refuse a new key's passphrase that is too weak: at least 10 characters (a Chinese
    character counts as two: it carries far more choice than a Latin letter) drawn from at
    least two kinds (lower case, upper case, digits, symbols, Chinese), and not one character
    repeated. Raises BadInput with a bilingual message."""
    weight = sum(1 if ch.isascii() else 2 for ch in secret)
    classes = {_char_class(ch) for ch in secret}
    if weight < MIN_PASSPHRASE_WEIGHT or len(classes) < 2 or len(set(secret)) < 3:
        raise BadInput(
            "口令强度不足：至少 10 个字符（汉字计 2 个），并且至少包含两类字符（小写、大写、数字、"
            "符号、汉字），不能是同一字符的重复 / the passphrase is too weak: use at least 10 "
            "characters (a Chinese character counts as two) of at least two kinds (lower case, "
            "upper case, digits, symbols, Chinese), not one character repeated")


@dataclass
class PassphraseSource:
    """Resolves one key file's passphrase; remembers where it came from for a retry decision."""

    account: str
    env_var: str | None = None
    prompt: Prompt = tty_prompt
    notify: Notify = _stderr
    origin: str = field(default="", init=False)

    def get(self, label: str = "密钥口令 (key passphrase)") -> str:
        if self.env_var:
            self.origin = "env"
            return from_env(self.env_var)
        if keyring_available():
            stored = keyring_get(self.account)
            if stored:
                self.origin = "keyring"
                return stored
        else:
            notify_no_backend_once(self.notify)
        self.origin = "prompt"
        secret = self.prompt(label)
        if not secret:
            raise BadInput("no passphrase given")
        return secret

    def accepted(self, secret: str) -> bool:
        """The passphrase opened the key: keep it in the keyring if it was typed in."""
        if self.origin == "prompt":
            return keyring_set(self.account, secret)
        return self.origin == "keyring"

    def rejected(self) -> None:
        """A stored passphrase that no longer opens the key is dropped, not retried forever."""
        if self.origin == "keyring":
            keyring_forget(self.account)
