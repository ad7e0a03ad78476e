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

SERVICE = "slq-desk"
NO_BACKEND_NOTICE = (
    "没有可用的系统钥匙串（keyring）：口令不会被保存，每次签名都需要输入。 "
    "No OS keyring backend is available: the passphrase is not stored and will be asked each time."
)

Prompt = Callable[[str], str]
Notify = Callable[[str], None]

INSECURE_BACKEND_NOTICE = (
    "系统钥匙串后端“{name}”以明文或可还原的方式把口令存放在文件中，不予使用：口令不会被保存，"
    "每次签名都需要输入。 The keyring backend '{name}' keeps secrets in a plaintext or "
    "reversibly obfuscated file; it is not used: the passphrase is not stored and will be asked "
    "each time."
)

_notice_shown = False
# Secrets taken out of the environment (``take_env``): kept in this process only.
_taken_env: dict[str, str] = {}


def _backend_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def insecure_backend(backend: object) -> str | None:
    """The name of the part of ``backend`` that must not hold secrets, or None when it is a
    real OS keyring. Placeholders (fail/null), keyrings.alt's file backends and anything
    called plaintext are refused; a chainer is refused if any backend it chains is."""
    name = _backend_name(backend)
    lowered = name.lower()
    if (lowered.startswith("keyring.backends.fail.") or lowered.startswith("keyring.backends.null.")
            or lowered.startswith("keyrings.alt") or "plaintext" in lowered
            or ".alt." in lowered):
        return name
    chained = getattr(backend, "backends", None)
    if lowered.startswith("keyring.backends.chainer.") and chained is not None:
        for inner in chained:
            bad = insecure_backend(inner)
            if bad:
                return bad
        if not list(chained):
            return name
    return None


def keyring_available() -> bool:
    """True when keyring has a real, secret-keeping backend (see ``insecure_backend``)."""
    try:
        import keyring
    except Exception:
        return False
    backend = keyring.get_keyring()
    if insecure_backend(backend):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return True


def unavailable_reason() -> str:
    """Why no keyring is used: no backend at all, or one that would keep secrets in plaintext."""
    try:
        import keyring
    except Exception:
        return NO_BACKEND_NOTICE
    backend = keyring.get_keyring()
    bad = insecure_backend(backend)
    lowered = (bad or "").lower()
    if bad and not (lowered.startswith("keyring.backends.fail.")
                    or lowered.startswith("keyring.backends.null.")):
        return INSECURE_BACKEND_NOTICE.format(name=bad)
    return NO_BACKEND_NOTICE


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
