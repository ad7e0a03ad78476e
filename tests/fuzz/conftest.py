"""Hypothesis profiles and shared seeds for the fuzz tests.

Two profiles, chosen with ``SLQ_DESK_FUZZ_PROFILE`` (default ``fuzz-suite``):

* ``fuzz-suite`` — the short run that is part of ``make test`` (60 examples per property, the
  whole folder ≈ 10 s on the 2-core CI machine);
* ``fuzz-long`` — the recorded long session (see README.md), ``SLQ_DESK_FUZZ_EXAMPLES`` examples
  per property (default 4000).

The profiles are applied per test through ``harness.fuzz_settings()``, never with
``settings.load_profile``: loading a profile is global and would change the example counts of
the property tests elsewhere in the suite.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Importing the harness registers the profiles (it holds them so test modules can use them).
from tests.fuzz.harness import FUZZ_LIMITS, strict_analyse


@pytest.fixture(scope="session")
def fuzz_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No real data folder, settings or keyring is touched while fuzzing."""
    data = tmp_path_factory.mktemp("fuzz-data")
    old = {k: os.environ.get(k) for k in ("SLQ_DESK_DATA_DIR", "PYTHON_KEYRING_BACKEND")}
    os.environ["SLQ_DESK_DATA_DIR"] = str(data)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def demo_package(tmp_path_factory: pytest.TempPathFactory, fuzz_env: None) -> Path:
    """One generated demo package (wuhan-clean-1: contract, invoices, receipts, usage, forms)."""
    from slq_desk.demo.generate import generate_packages

    out = tmp_path_factory.mktemp("fuzz-demo")
    generate_packages(out, seed=1, only={"wuhan-clean-1"})
    return out / "wuhan-clean-1"


@pytest.fixture(scope="session")
def strict_reader(fuzz_env: None) -> Iterator[object]:
    """One reader process for the session, running ``strict_analyse``."""
    from slq_desk.ingest.worker import ParseWorker

    worker = ParseWorker(FUZZ_LIMITS, analyse=strict_analyse)
    yield worker
    worker.close()
