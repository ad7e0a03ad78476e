"""The user's own environment, below every layer that needs it: the per-user data folder and
whether the OS keyring really keeps secrets.

The database URL handling (``models.dburl``), the audit checkpoints (``audit``) and the signing
identity (``opinion``) all need these; they live here so no low layer imports ``opinion``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "SLQ_DESK_DATA_DIR"

NO_BACKEND_NOTICE = (
    "没有可用的系统钥匙串（keyring）：口令不会被保存，每次签名都需要输入。 "
    "No OS keyring backend is available: the passphrase is not stored and will be asked each time."
)

INSECURE_BACKEND_NOTICE = (
    "系统钥匙串后端“{name}”以明文或可还原的方式把口令存放在文件中，不予使用：口令不会被保存，"
    "每次签名都需要输入。 The keyring backend '{name}' keeps secrets in a plaintext or "
    "reversibly obfuscated file; it is not used: the passphrase is not stored and will be asked "
    "each time."
)

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


def user_data_dir() -> Path:
    """The per-user data folder (``SLQ_DESK_DATA_DIR`` overrides, which is what tests use)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / "slq-desk"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "slq-desk"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "slq-desk"
