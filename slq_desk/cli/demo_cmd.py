"""`slq-desk demo-packages OUTDIR`: write the synthetic demo submission packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from slq_desk.errors import BadInput


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo-packages",
        help="write synthetic demo submission packages (deterministic for a seed)",
        description="Write clean and flawed demo packages for all five policies, each with its "
        "expected.json, and OUTDIR/index.json (docs/demo-packages.md).",
    )
    parser.add_argument("outdir", metavar="OUTDIR", help="folder to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=1, help="seed; the same seed writes the same bytes (default 1)")
    parser.add_argument("--large-pages", type=int, default=None, metavar="N",
                        help="also write one package whose usage log runs to about N pages (benchmarks)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from slq_desk.demo.generate import generate_packages

    outdir = Path(args.outdir)
    if outdir.exists() and not outdir.is_dir():
        raise BadInput(f"{outdir} exists and is not a folder")
    if args.seed < 0:
        raise BadInput("--seed must be zero or positive")
    if args.large_pages is not None and not 1 <= args.large_pages <= 20000:
        raise BadInput("--large-pages must be between 1 and 20000")
    try:
        written = generate_packages(outdir, args.seed, args.large_pages)
    except OSError as err:
        raise BadInput(f"cannot write demo packages into {outdir}: {err.strerror or err}") from None
    for entry in written:
        flaws = ", ".join(str(code) for code in entry["flaws"]) or "clean"  # type: ignore[attr-defined]
        print(f"{entry['id']!s:24} {entry['policy']!s:14} {flaws}")
    print(f"{len(written)} packages written to {outdir} (index.json)")
    return 0
