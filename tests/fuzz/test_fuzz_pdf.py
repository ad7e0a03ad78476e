"""Fuzz the reader and the extractors with mutated PDFs (demo documents and the hostile corpus).

Each example takes a seed file, applies a few byte mutations (flips, truncations, inserted
garbage, PDF tokens, spliced chunks) and reads the result in the reader process, as one kind
or another so that every extractor sees every kind of damaged text. Properties: no exception
escapes ``analyse_file``; a hang is cut by the per-file time limit with a finding; an
unreadable file always carries a finding a person will see.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from tests.fuzz.harness import KINDS, check_report, fuzz_settings, mutate, mutations, seed_files
from tests.support.paths import HOSTILE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_pdfs(demo_package: Path) -> list[tuple[str, bytes]]:
    return [(n, d) for n, d in seed_files(demo_package) if n.endswith(".pdf")]


@pytest.fixture(scope="module")
def hostile_pdfs() -> list[tuple[str, bytes]]:
    seeds = seed_files(HOSTILE, limit_bytes=200_000)
    if not seeds:
        pytest.skip(f"no hostile corpus at {HOSTILE}")
    return seeds


@settings(fuzz_settings())
@given(pick=st.integers(min_value=0), changes=mutations, kind=st.sampled_from(KINDS))
def test_mutated_demo_pdf_is_read_or_reported(strict_reader: object,
                                              demo_pdfs: list[tuple[str, bytes]], pick: int,
                                              changes: list[object], kind: str | None) -> None:
    name, seed = demo_pdfs[pick % len(demo_pdfs)]
    data = mutate(seed, changes)  # type: ignore[arg-type]
    note(f"seed={name} kind={kind} size={len(data)}")
    report = strict_reader.analyse_as(name, data, kind)  # type: ignore[attr-defined]
    check_report(report, name, data)


@settings(fuzz_settings())
@given(pick=st.integers(min_value=0), changes=st.one_of(st.just([]), mutations),
       kind=st.sampled_from(KINDS))
def test_mutated_hostile_pdf_is_read_or_reported(strict_reader: object,
                                                 hostile_pdfs: list[tuple[str, bytes]],
                                                 pick: int, changes: list[object],
                                                 kind: str | None) -> None:
    # Sometimes the hostile file as it is (already broken), else mutated further.
    name, seed = hostile_pdfs[pick % len(hostile_pdfs)]
    data = mutate(seed, changes)  # type: ignore[arg-type]
    note(f"seed={name} kind={kind} size={len(data)}")
    report = strict_reader.analyse_as(name, data, kind)  # type: ignore[attr-defined]
    check_report(report, name, data)


def test_the_harness_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception inside analyse_file is surfaced as UNHANDLED and fails the check."""
    from tests.fuzz import harness

    def boom(*args: object) -> None:
        raise KeyError("planted")

    monkeypatch.setattr(harness, "analyse_file", boom)
    report = harness.strict_analyse("x.pdf", b"%PDF-1.7", 10, None)
    assert report.error and report.error.startswith(harness.UNHANDLED)
    assert "planted" in report.error
    with pytest.raises(AssertionError, match="planted"):
        check_report(report, "x.pdf", b"%PDF-1.7")
