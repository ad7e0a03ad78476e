"""Limits on what an untrusted package may make us do, with documented defaults.

Every limit is a guard against a hostile or broken package (a zip bomb, a million tiny
entries, a PDF that never finishes parsing). The defaults are generous for real submissions
(a few dozen PDFs, tens of megabytes) and can be changed per call, from the command line
(``slq-desk import --max-files … --max-total-mb … --file-timeout …``) or from a mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from slq_desk.errors import BadInput

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # Files in one package (zip entries or folder files, directories not counted).
    max_entries: int = 500
    # One file's unpacked size; a bigger entry is refused, the rest of the package goes on.
    max_file_bytes: int = 200 * MIB
    # All files together, unpacked; past it the whole package is refused (a bomb).
    max_total_bytes: int = 1024 * MIB
    # Unpacked ÷ compressed for one zip entry; real PDFs compress 1–10×, bombs 1000×+.
    max_ratio: int = 200
    # Entries this small are never refused for their ratio (a run of spaces compresses well).
    ratio_floor_bytes: int = 1 * MIB
    # Seconds one file may take to open and read (in the worker process) before it is killed.
    file_timeout_s: float = 30.0
    # Pages read from one PDF; the rest are reported, not read.
    max_pages: int = 2000
    # Address space of the parsing worker (bytes; 0 = unlimited), so a decompression bomb
    # inside a PDF stream fails the file instead of the machine.
    worker_memory_bytes: int = 3072 * MIB

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Limits:
        """Limits from e.g. a settings table; unknown keys or bad values are refused clearly."""
        known = {f.name: f for f in fields(cls)}
        changes: dict[str, Any] = {}
        for key, raw in values.items():
            if key not in known:
                raise BadInput(f"unknown import limit {key!r}; known: {', '.join(sorted(known))}")
            kind = float if key == "file_timeout_s" else int
            try:
                value = kind(str(raw))
            except ValueError:
                raise BadInput(f"import limit {key} must be a number, got {raw!r}") from None
            if value < 0 or (value == 0 and key != "worker_memory_bytes"):
                raise BadInput(f"import limit {key} must be positive, got {raw!r}")
            changes[key] = value
        return replace(cls(), **changes)


DEFAULT_LIMITS = Limits()
