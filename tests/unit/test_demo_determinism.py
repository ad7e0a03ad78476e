"""Same seed, same bytes: every file of a package, including the encrypted and the scanned one."""

from __future__ import annotations

from pathlib import Path

from slq_desk.demo.generate import generate_packages

# The encrypted usage log, the scanned licence, the truncated receipt and an older-style invoice.
SUBSET = {"dazhou-flawed-1", "dazhou-flawed-2", "chengdu-flawed-2", "wuhan-clean-2"}


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_writes_identical_bytes(tmp_path: Path) -> None:
    generate_packages(tmp_path / "a", seed=11, only=SUBSET)
    generate_packages(tmp_path / "b", seed=11, only=SUBSET)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(a) > 30
    assert a.keys() == b.keys()
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_another_seed_writes_other_packages(tmp_path: Path) -> None:
    generate_packages(tmp_path / "a", seed=11, only={"wuhan-clean-1"})
    generate_packages(tmp_path / "b", seed=12, only={"wuhan-clean-1"})
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() != b.keys() or any(a[name] != b[name] for name in a)
    assert a["wuhan-clean-1/manifest.json"] != b["wuhan-clean-1/manifest.json"]


def test_rerun_into_the_same_folder_leaves_no_stale_documents(tmp_path: Path) -> None:
    generate_packages(tmp_path, seed=11, only={"wuhan-clean-1"})
    stale = tmp_path / "wuhan-clean-1" / "99-旧文件.pdf"
    stale.write_bytes(b"%PDF-1.4 old")
    generate_packages(tmp_path, seed=11, only={"wuhan-clean-1"})
    assert not stale.exists()
