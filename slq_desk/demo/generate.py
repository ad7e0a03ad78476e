"""Entry point: write the demo packages, their expected.json files and index.json.

Layout and schema: docs/demo-packages.md. Output is byte-for-byte the same for the same seed
(no clock, no unseeded randomness, invariant PDFs), so tests and benchmarks can rely on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from slq_desk.demo import damage
from slq_desk.demo import layout as L
from slq_desk.demo.packages import DocSpec, Package, application, build_all
from slq_desk.demo.rendered import Rendered


@dataclass
class Written:
    id: str
    policy: str
    path: Path
    expected_path: Path
    flaws: list[str]


def _render(pkg: Package, doc: DocSpec, stem: str) -> tuple[bytes, Rendered]:
    with L.binary_streams():
        return _render_plain(pkg, doc, stem)


def _render_plain(pkg: Package, doc: DocSpec, stem: str) -> tuple[bytes, Rendered]:
    if doc.damage == "encrypted":
        with L.encrypted(pkg.password, pkg.password[::-1] + "-owner"):
            rendered = doc.render(stem)
        return rendered.pdf, rendered
    rendered = doc.render(stem)
    if doc.damage == "scanned":
        return damage.scanned(rendered.pdf, stem), rendered
    if doc.damage == "truncated":
        return damage.truncated(rendered.pdf), rendered
    return rendered.pdf, rendered


def _doc_entry(doc: DocSpec, name: str, rendered: Rendered, password: str) -> dict[str, object]:
    readable = doc.damage not in ("encrypted", "truncated")
    entry: dict[str, object] = {
        "file": name,
        "kind": rendered.kind,
        "pages": rendered.pages,
        "readable": readable,
        "image_only_pages": list(range(1, rendered.pages + 1)) if doc.damage == "scanned" else [],
        "encrypted": doc.damage == "encrypted",
        "fields": rendered.fields if readable else {},
        "items": rendered.items if readable else [],
    }
    if doc.damage == "encrypted":
        entry["password"] = password
    return entry


def _dump(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_package(outdir: Path, pkg: Package, seed: int) -> Written:
    folder = outdir / pkg.id
    folder.mkdir(parents=True, exist_ok=True)
    # A rerun must not leave documents of an older layout behind; only our own kinds of file go.
    for stale in [*folder.glob("*.pdf"), folder / "manifest.json"]:
        if stale.is_file():
            stale.unlink()
    names: dict[str, str] = {}
    documents: list[dict[str, object]] = []
    for number, doc in enumerate(pkg.docs, 1):
        name = f"{number:02d}-{doc.stem}.pdf"
        names[doc.stem] = name
        data, rendered = _render(pkg, doc, doc.stem)
        (folder / name).write_bytes(data)
        documents.append(_doc_entry(doc, name, rendered, pkg.password))
    manifest = {
        "policy": pkg.policy,
        "applicant": {"name": pkg.deal.applicant.name, "uscc": pkg.deal.applicant.uscc},
        "claimed_at": pkg.claimed_at.isoformat(),
        "direction": pkg.claim.direction,
    }
    _dump(folder / "manifest.json", manifest)
    flaws = [{"code": f["code"], "file": names.get(f["file"] or "") if f["file"] else None, "detail": f["detail"]}
             for f in pkg.flaws]
    expected = {"id": pkg.id, "policy": pkg.policy, "seed": seed, "application": application(pkg),
                "documents": documents, "flaws": flaws}
    expected_path = outdir / f"{pkg.id}.expected.json"
    _dump(expected_path, expected)
    return Written(pkg.id, pkg.policy, folder, expected_path, [str(f["code"]) for f in flaws])


def generate_packages(outdir: Path, seed: int = 1, large_pages: int | None = None,
                      only: set[str] | None = None) -> list[dict[str, object]]:
    """Write every demo package (``only``: just these ids) and ``index.json`` into ``outdir``.

    Returns the index entries: ``{"id", "policy", "flaws", "path", "expected"}``, paths relative
    to ``outdir``.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    written = [write_package(outdir, pkg, seed) for pkg in build_all(seed, large_pages)
               if only is None or pkg.id in only]
    index: list[dict[str, object]] = [
        {"id": w.id, "policy": w.policy, "flaws": w.flaws, "path": w.path.name, "expected": w.expected_path.name}
        for w in written]
    _dump(outdir / "index.json", index)
    return index
