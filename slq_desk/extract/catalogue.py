"""The accelerator catalogue (resources/catalogue/accelerators.toml): is a card domestic?

One loader, which fails loudly (``BadInput`` naming the file and the entry) when the file is
missing or malformed: a silently empty catalogue would make every card “unknown” or, worse,
let a default decide. ``lookup`` finds the card a text names — a listed model first (the
longest alias wins, matched as a whole so “H20” is never read inside “H200”), else a maker's
brand — and returns None when the text names neither: the caller raises a finding for a person.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.resources import resource_path

CATALOGUE = ("catalogue", "accelerators.toml")


@dataclass(frozen=True)
class Accelerator:
    name: str
    aliases: tuple[str, ...]
    vendor: str
    domestic: bool
    source: str
    family: bool = False  # matched by the maker's brand only, not a listed model


@dataclass(frozen=True)
class Catalogue:
    models: tuple[Accelerator, ...]
    families: tuple[Accelerator, ...]
    # (pattern, entry) for every name and alias; models before brands.
    patterns: tuple[tuple[re.Pattern[str], Accelerator], ...]


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", unicodedata.normalize("NFKC", text).upper())


def _pattern(alias: str) -> re.Pattern[str]:
    """The alias as printed in any width and case, with or without spaces or hyphens between
    its characters; an ASCII letter or digit may not extend it ("H20" is not in "H200")."""
    chars = [c for c in unicodedata.normalize("NFKC", alias) if not c.isspace() and c not in "-_"]
    body = r"[\s\-_]*".join(re.escape(c) for c in chars)
    head = r"(?<![A-Za-z0-9])" if chars[0].isascii() and chars[0].isalnum() else ""
    tail = r"(?![A-Za-z0-9])" if chars[-1].isascii() and chars[-1].isalnum() else ""
    return re.compile(head + body + tail, re.IGNORECASE)


def _entry(name: str, row: Any, where: str, family: bool) -> Accelerator:
    if not isinstance(row, dict):
        raise BadInput(f"{where}: [{name}] must be a table")
    aliases = row.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise BadInput(f"{where}: {name}.aliases must be a list of names")
    domestic = row.get("domestic")
    if not isinstance(domestic, bool):
        raise BadInput(f"{where}: {name}.domestic must be true or false")
    vendor, source = row.get("vendor"), row.get("source")
    if not isinstance(vendor, str) or not vendor.strip():
        raise BadInput(f"{where}: {name}.vendor is missing")
    if not isinstance(source, str) or not source.strip():
        raise BadInput(f"{where}: {name}.source is missing (every entry says where it was checked)")
    return Accelerator(name, tuple(aliases), vendor, domestic, source, family)


def parse_catalogue(text: str, where: str = "accelerators.toml") -> Catalogue:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise BadInput(f"{where}: not valid TOML ({err})") from None
    models_raw, families_raw = data.get("models"), data.get("families")
    if not isinstance(models_raw, dict) or not models_raw:
        raise BadInput(f"{where}: no [models] entries")
    models = tuple(_entry(n, r, where, False) for n, r in models_raw.items())
    families = tuple(_entry(n, r, where, True) for n, r in (families_raw or {}).items())
    seen: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], Accelerator]] = []
    for entry in (*models, *families):
        for alias in (entry.name, *entry.aliases):
            key = _key(alias)
            if key in seen and seen[key] != entry.name:
                raise BadInput(f"{where}: “{alias}” names both {seen[key]} and {entry.name}")
            seen[key] = entry.name
            patterns.append((_pattern(alias), entry))
    return Catalogue(models, families, tuple(patterns))


@functools.cache
def load_catalogue() -> Catalogue:
    path = resource_path(*CATALOGUE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise BadInput(f"the accelerator catalogue {path} cannot be read: {err}") from None
    return parse_catalogue(text, str(path))


def find_in(text: str | None, catalogue: Catalogue | None = None,
            brands: bool = True) -> tuple[Accelerator, int, int] | None:
    """The card ``text`` names, with its span: a listed model first (the earliest, then the
    longest name there), else a maker's brand (only when ``brands``: in a long clause "华为"
    or "英伟达" alone says nothing about which card was rented)."""
    if not text or not text.strip():
        return None
    cat = catalogue or load_catalogue()
    text = unicodedata.normalize("NFKC", text)  # one character for one: spans stay valid
    for want_family in ((False, True) if brands else (False,)):
        best: tuple[Accelerator, int, int] | None = None
        for pattern, entry in cat.patterns:
            if entry.family != want_family:
                continue
            m = pattern.search(text)
            if m is None:
                continue
            if best is None or (m.start(), -m.end()) < (best[1], -best[2]):
                best = (entry, m.start(), m.end())
        if best is not None:
            return best
    return None


def lookup(text: str | None, catalogue: Catalogue | None = None) -> Accelerator | None:
    """The listed model (or, failing that, the maker's brand) that ``text`` names."""
    found = find_in(text, catalogue)
    return found[0] if found else None
