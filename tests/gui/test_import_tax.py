"""PySide6's per-import "does this module use PySide" check is replaced by a namespace look."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from slq_desk.ui import import_tax


def _module(tmp_path: Path, name: str, source: str) -> types.ModuleType:
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    module = types.ModuleType(name)
    module.__file__ = str(path)
    exec(compile(source, str(path), "exec"), module.__dict__)
    return module


def test_installed_once_the_client_is_imported() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is import_tax.uses_pyside
    assert import_tax.install()  # idempotent


def test_a_module_importing_qt_uses_pyside(tmp_path: Path) -> None:
    for source in ("from PySide6.QtWidgets import QWidget\n",
                   "import PySide6.QtCore as core\n",
                   "from PySide6.QtCore import qVersion\n"):
        assert import_tax.uses_pyside(_module(tmp_path, "with_qt", source)), source


def test_a_module_that_only_mentions_qt_does_not(tmp_path: Path) -> None:
    source = '"""Talks about PySide6 in prose only."""\nimport json\nclass A:\n    pass\n'
    assert not import_tax.uses_pyside(_module(tmp_path, "prose", source))


def test_lazy_proxies_are_not_touched(tmp_path: Path) -> None:
    class Proxy:
        def __getattr__(self, name: str) -> object:
            raise AssertionError(f"looked up {name}")

    module = _module(tmp_path, "proxy", "x = 1\n")
    module.thing = Proxy()
    assert not import_tax.uses_pyside(module)


def test_extension_modules_do_not_count_as_before() -> None:
    import PySide6.QtCore

    assert not import_tax.uses_pyside(PySide6.QtCore)
    assert not import_tax.uses_pyside(types.ModuleType("no_file"))


def test_a_new_import_is_classified_by_its_namespace(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "slq_tax_probe_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "slq_tax_probe_plain.py").write_text("import json  # PySide6 in a comment\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import slq_tax_probe_plain  # noqa: F401
    import slq_tax_probe_qt  # noqa: F401

    table = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert table["slq_tax_probe_qt"] == 0
    assert table["slq_tax_probe_plain"] == -1
