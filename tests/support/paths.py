"""Where the tests find things outside the package: the repo root and ../shared beside it.

CI clones the repository fresh with ``shared/`` beside it, so paths are derived from this file,
never written as absolute paths.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SLQ_DESK_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
HOSTILE = SHARED / "corpus" / "hostile"
