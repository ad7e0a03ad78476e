"""A second author's corpus of submission packages with truth files (issue 13, item 7).

``build(out_dir)`` writes the packages and ``truth.json`` into ``out_dir``; ``load_truth`` reads
the truth back. The generator lives in ``generate.py`` (``build.py`` is its command line) and shares no code with ``slq_desk.demo`` or
``slq_desk.extract``; the truth format is described in ``TRUTH.md``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def build(out_dir: str | Path) -> Path:
    """Write the corpus into ``out_dir`` and return it."""
    from tests.corpus.generate import build as _build

    return _build(Path(out_dir))


def load_truth(out_dir: str | Path) -> dict[str, Any]:
    """The truth of a built corpus: ``{"version", "documents": [...], "packages": [...]}``."""
    return json.loads((Path(out_dir) / "truth.json").read_text(encoding="utf-8"))


def load_real_truth() -> dict[str, Any]:
    """The author's readings of real public e-invoices (files under ``SLQ_DESK_REAL_SAMPLES``)."""
    return json.loads((Path(__file__).with_name("real_einvoices.json")).read_text(encoding="utf-8"))
