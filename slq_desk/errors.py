"""Errors the CLI and the UI turn into a clear message instead of a traceback."""

from __future__ import annotations


class SlqError(Exception):
    """Base class: ``str(err)`` is a message fit for the person at the keyboard.

    ``zh`` is the same sentence in Chinese when the raiser gives one: the window shows it in
    Chinese mode (``str(err)`` stays what the CLI and the logs have always printed).
    """

    exit_code = 1

    def __init__(self, *args: object, zh: str | None = None) -> None:
        super().__init__(*args)
        self.zh = zh


def localised(err: BaseException, chinese: bool) -> str:
    """What the window shows for ``err``: its Chinese sentence in Chinese mode when it has one."""
    zh = getattr(err, "zh", None)
    return zh if chinese and isinstance(zh, str) and zh else (str(err) or type(err).__name__)


class BadInput(SlqError):
    """The input (a file, a field, an argument) is wrong; nothing was changed. CLI exit 2."""

    exit_code = 2
