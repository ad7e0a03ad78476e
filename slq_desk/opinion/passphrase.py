"""Where a key file's passphrase comes from: an environment variable, the OS keyring, or a person.

Order: ``--passphrase-env VAR`` (unattended batches) → the OS keyring (service ``slq-desk``, one
entry per key file) → asking. When keyring has no usable backend (its ``fail``/``null``
backends, typical on headless Linux) we say so once per run and ask every time: the passphrase
is never written to disk in plaintext and never silently dropped.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from slq_desk.errors import BadInput

SERVICE = "slq-desk"
NO_BACKEND_NOTICE = (
    "没有可用的系统钥匙串（keyring）：口令不会被保存，每次签名都需要输入。 "
    "No OS keyring backend is available: the passphrase is not stored and will be asked each time."
)

Prompt = Callable[[str], str]
Notify = Callable[[str], None]

_notice_shown = False


def keyring_available() -> bool:
    """True when keyring has a real backend (not the fail/null placeholders)."""
    try:
        import keyring
        from keyring.backends import fail, null
    except Exception:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return True


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def notify_no_backend_once(notify: Notify = _stderr) -> None:
    global _notice_shown
    if not _notice_shown:
        _notice_shown = True
        notify(NO_BACKEND_NOTICE)


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


def from_env(var: str) -> str:
    value = os.environ.get(var)
    if value is None:
        raise BadInput(f"--passphrase-env {var}: the environment variable {var} is not set")
    if not value:
        raise BadInput(f"--passphrase-env {var}: the environment variable {var} is empty")
    return value


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
