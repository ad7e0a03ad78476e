"""Take PySide6's per-import source read out of every later import.

Importing PySide6 replaces ``builtins.__import__`` with shiboken's ``__feature_import__`` (it
serves ``from __feature__ import snake_case``). After each new module it calls
``shibokensupport.feature.feature_imported``, which decides whether the module "uses PySide" by
reading the module's whole source file through ``inspect.getsource`` and searching it for the
string ``PySide6``. Every module imported after Qt pays that: on this machine importing
ReportLab, pyHanko and SQLAlchemy took 2.5× as long with PySide6 loaded first (6.1 s vs 2.4 s
under load), and that Python work is what held the GIL while the opinion pre-warm ran beside an
import (the UI-thread gaps of issue 13).

slq-desk never selects a ``__feature__``, so the answer only has to stay right in spirit: a
module uses PySide when its namespace, already filled when the hook runs, holds a PySide6 or
shiboken6 module, class or function. That is a look at a dict instead of a file read. When the
PySide6 internals are not the ones expected (another version), nothing is changed.
"""

from __future__ import annotations

import sys
from types import BuiltinFunctionType, FunctionType, ModuleType
from typing import Any

_QT_PREFIXES = ("PySide6", "shiboken6")


def uses_pyside(module: Any) -> bool:
    """Whether ``module``'s namespace holds something from PySide6 (its imports have run).

    Like the check it replaces, a module without Python source (an extension module such as
    ``PySide6.QtCore`` itself) does not count."""
    source = getattr(module, "__file__", None)
    if not isinstance(source, str) or not source.endswith(".py"):
        return False
    try:
        namespace = vars(module)
    except TypeError:
        return False
    for value in list(namespace.values()):
        # Only modules, classes and functions: their names are plain attributes, while
        # reading ``__module__`` off an arbitrary object could run a lazy proxy's __getattr__.
        if isinstance(value, ModuleType):
            name = value.__name__
        elif isinstance(value, type):
            name = type.__dict__["__module__"].__get__(value)
        elif isinstance(value, FunctionType | BuiltinFunctionType):
            name = value.__module__
        else:
            continue
        if isinstance(name, str) and name.startswith(_QT_PREFIXES):
            return True
    return False


def install() -> bool:
    """Replace the source-reading check with ``uses_pyside``; True when it was replaced."""
    import PySide6.QtCore  # noqa: F401  (installs shiboken's import hook and its feature module)

    feature: Any = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    if feature._mod_uses_pyside is uses_pyside:
        return True
    feature._mod_uses_pyside = uses_pyside
    return True
