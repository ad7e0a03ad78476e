"""SHA-256 fingerprints of files and of whole packages."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def package_fingerprint(file_hashes: Iterable[str]) -> str:
    """SHA-256 over the sorted file hashes: the same files are the same package, whatever the
    folder or archive they came in and whatever they were renamed to."""
    joined = "\n".join(sorted(set(file_hashes)))
    return hashlib.sha256(joined.encode("ascii")).hexdigest()
