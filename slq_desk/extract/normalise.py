"""Text normalisation shared by every extractor.

PDF text from invoices and forms mixes full- and half-width forms, Kangxi radicals that look
like ordinary characters (⼈ U+2F08 for 人), both yuan signs (¥ U+00A5, ￥ U+FFE5) and labels
set with spaces between the characters (发 票 号 码). NFKC folds most of it; the rest is here.
Normalisation works character by character so every output character keeps the box of the
character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Beyond NFKC: ratio colon, CJK brackets some templates use, and dashes in dates/ids.
_EXTRA = {
    "\u2236": ":", "\ufe55": ":", "\u3010": "[", "\u3011": "]", "\u2014": "-", "\u2013": "-",
    "\u2212": "-", "\u00a0": " ", "\u3000": " ", "\uffe5": "¥",
}


@lru_cache(maxsize=8192)
def normalise_char(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    return "".join(_EXTRA.get(c, c) for c in out)


_UNSTABLE_EXTRA = re.compile("[\\s\ufffd" + "".join(re.escape(c) for c in _EXTRA) + "]")


_STABLE: dict[str, bool] = {}


def is_stable(text: str) -> bool:
    """True when normalising changes nothing and there is no whitespace (the common case)."""
    known = _STABLE.get(text)
    if known is None:
        known = unicodedata.normalize("NFKC", text) == text and not _UNSTABLE_EXTRA.search(text)
        if len(_STABLE) < 100_000:  # labels and dates repeat; a bound keeps memory flat
            _STABLE[text] = known
    return known


def normalise(text: str) -> str:
    return "".join(normalise_char(c) for c in text)


@lru_cache(maxsize=65536)
def compact(text: str) -> str:
    """No whitespace at all: for matching labels and titles whatever their spacing (cached:
    labels, dates and cell texts repeat across thousands of rows)."""
    return _SPACE.sub("", normalise(text))


_SPACE = re.compile(r"\s+")


def spaced(label: str) -> str:
    """A regex for ``label`` that also matches it set with spaces or gaps between characters."""
    return r"\s*".join(re.escape(c) for c in normalise(label) if not c.isspace())


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
