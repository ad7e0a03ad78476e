"""The 补正 package a flawed demo application would send: the missing and corrected files.

The demo package is rebuilt from the same seed without the flaws an applicant can cure by
sending documents (a missing material, a wrong 大写 amount, an encrypted, truncated or scanned
file); every document that is missing from the flawed package, or differs from it, is written
under its own name. The 补正 import then adds or replaces them, which is what the e2e test of
the office flow and a demonstration need.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from slq_desk.demo.generate import _render
from slq_desk.demo.packages import Package, build, scenarios
from slq_desk.errors import BadInput

# Flaws a 补正 can cure; the others (a related party, a window missed) stay.
CURABLE = ("material_missing", "amount_words_mismatch", "pdf_encrypted", "pdf_broken",
           "image_only_page")


def _pair(package_id: str, seed: int) -> tuple[Package, Package]:
    built: dict[str, Package] = {}
    for sc in scenarios():
        if sc.id == package_id:
            flawed = build(seed, sc, built)
            fixed = build(seed, replace(sc, flaws=tuple(f for f in sc.flaws if f not in CURABLE)),
                          built)
            return flawed, fixed
        built[sc.id] = build(seed, sc, built)
    raise BadInput(f"no demo package {package_id!r}")


def write_supplement(outdir: Path, package_id: str, seed: int = 1) -> list[str]:
    """Write the 补正 files into ``outdir``; return their names (empty: nothing to cure)."""
    flawed, fixed = _pair(package_id, seed)
    had = {doc.stem: doc for doc in flawed.docs}
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for number, doc in enumerate(fixed.docs, 1):
        data, _ = _render(fixed, doc, doc.stem)
        old = had.get(doc.stem)
        if old is not None and _render(flawed, old, old.stem)[0] == data:
            continue
        name = f"{number:02d}-{doc.stem}.pdf"
        (outdir / name).write_bytes(data)
        written.append(name)
    return written
