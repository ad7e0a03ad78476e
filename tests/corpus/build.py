"""Command line of the corpus generator: ``python tests/corpus/build.py OUT_DIR``.

Writes the packages, the loose documents and ``truth.json`` into OUT_DIR (see TRUTH.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(argv: list[str]) -> int:
    from tests.corpus.generate import build

    if len(argv) != 1:
        print("usage: python tests/corpus/build.py OUT_DIR", file=sys.stderr)
        return 2
    out = build(Path(argv[0]))
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    nfields = sum(len(d["fields"]) for d in truth["documents"])
    print(f"{out}: {len(truth['packages'])} packages, {len(truth['documents'])} documents, {nfields} fields")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
