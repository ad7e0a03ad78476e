"""Fixtures shared by every suite: a PostgreSQL server on loopback, started once per worker."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator

import pytest

# Tests never touch the real user's data folder, settings or keyring.
os.environ.setdefault("SLQ_DESK_USER", "测试员")
# The per-user data folder (identity, the audit checkpoints' MAC key) is a throw-away one unless
# a test names its own.
os.environ.setdefault("SLQ_DESK_DATA_DIR", tempfile.mkdtemp(prefix="slq-data-"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    from tests.support import postgres

    try:
        server = postgres.start()
    except postgres.NoPostgres as err:
        pytest.skip(f"no PostgreSQL server: {err}")
    yield server
    server.stop()


@pytest.fixture()
def postgres_url(postgres_server: object) -> str:
    """A fresh, empty database on the shared test server."""
    return postgres_server.create_database(f"t_{uuid.uuid4().hex[:12]}")  # type: ignore[attr-defined]


# Fixtures that start Qt: a test that uses one (directly or through another fixture) is a GUI
# test, so `-m "not gui"` runs no Qt at all.
QT_FIXTURES = frozenset({"qtbot", "qapp", "qapp_args", "qapp_cls"})


@pytest.hookimpl(tryfirst=True)  # before the mark plugin deselects by `-m`
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if QT_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
