"""A missing or broken resource file stops start-up with a clear message, never a silent {}."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from slq_desk.checks import citations
from slq_desk.checks.rules import eligibility
from slq_desk.cli import main
from slq_desk.desk import startup
from slq_desk.policy.loader import load_policy
from slq_desk.resources import ResourceError, resources_dir


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    monkeypatch.setenv("SLQ_DESK_RESOURCES", str(copy))
    monkeypatch.setattr(startup, "_checked", False)
    load_policy.cache_clear()
    citations._table.cache_clear()
    eligibility._regions.cache_clear()
    yield copy
    load_policy.cache_clear()
    citations._table.cache_clear()
    eligibility._regions.cache_clear()


def test_shipped_resources_pass(resources: Path) -> None:
    startup.check_resources()


@pytest.mark.parametrize("table", startup.CHECK_TABLES)
def test_missing_check_table_is_an_error(resources: Path, table: str) -> None:
    (resources / "checks" / table).unlink()
    with pytest.raises(ResourceError, match=table):
        startup.check_resources()


def test_citations_table_missing_raises_instead_of_citing_nothing(resources: Path) -> None:
    (resources / "checks" / "citations.toml").unlink()
    with pytest.raises(ResourceError, match="citations.toml"):
        citations._table()


def test_broken_regions_table_raises(resources: Path) -> None:
    (resources / "checks" / "regions.toml").write_text("regions = [", encoding="utf-8")
    with pytest.raises(ResourceError, match="regions.toml"):
        eligibility._regions()


def test_broken_policy_file_is_an_error(resources: Path) -> None:
    (resources / "policies" / "wuhan-2026.toml").write_text("id = 'wuhan-2026'\nrate = 0.3\n",
                                                            encoding="utf-8")
    with pytest.raises(ResourceError, match="wuhan-2026"):
        startup.check_resources()


def test_missing_rubrics_and_translation_are_errors(resources: Path) -> None:
    shutil.rmtree(resources / "rubrics")
    (resources / "rubrics").mkdir()
    with pytest.raises(ResourceError, match="rubric"):
        startup.check_resources()


def test_missing_translation_is_an_error(resources: Path) -> None:
    (resources / "i18n" / "slq_desk_en.qm").unlink()
    with pytest.raises(ResourceError, match="slq_desk_en.qm"):
        startup.check_resources()


def test_cli_stops_at_start_up_with_exit_3(resources: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    (resources / "checks" / "regions.toml").unlink()
    assert main(["list", "--workspace", str(resources)]) == 3
    assert "regions.toml" in capsys.readouterr().err
