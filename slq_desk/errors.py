"""Errors the CLI and the UI turn into a clear message instead of a traceback."""

from __future__ import annotations


class SlqError(Exception):
    """Base class: ``str(err)`` is a message fit for the person at the keyboard."""

    exit_code = 1


class BadInput(SlqError):
    """The input (a file, a field, an argument) is wrong; nothing was changed. CLI exit 2."""

    exit_code = 2
