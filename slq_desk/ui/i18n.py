"""Languages of the window: Chinese is built in (the source strings), English is a Qt translation.

The choice is kept in QSettings (``ui/language``); ``SLQ_DESK_LANG`` overrides it for one run.
``install`` swaps the one translator this module owns, so switching twice never stacks
translators; widgets built afterwards (dialogs, the next window) use the new language, and the
main window is rebuilt on the next start (the settings dialog says so).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from slq_desk.resources import resource_path
from slq_desk.vocabulary import Label

LANGUAGES: dict[str, str] = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT = "zh_CN"
SETTING = "ui/language"

_installed: QTranslator | None = None
# Qt's own strings (file dialogs' "Look in", OK / Cancel / Yes / No) in the same language.
_qtbase: QTranslator | None = None
QTBASE = {"zh_CN": "qtbase_zh_CN", "en": "qtbase_en"}


def qm_path(language: str) -> str:
    return str(resource_path("i18n", f"slq_desk_{language}.qm"))


def chosen_language(settings: QSettings | None) -> str:
    env = os.environ.get("SLQ_DESK_LANG", "")
    if env:
        return env
    value = settings.value(SETTING) if settings is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT


def remember(settings: QSettings, language: str) -> None:
    settings.setValue(SETTING, language if language in LANGUAGES else DEFAULT)


def current() -> str:
    return "en" if _installed is not None else DEFAULT


def install_qtbase(app: QCoreApplication, language: str) -> bool:
    """Load Qt's own translations (qtbase) for ``language`` from PySide6's translations folder."""
    global _qtbase
    if _qtbase is not None:
        app.removeTranslator(_qtbase)
        _qtbase = None
    name = QTBASE.get("zh_CN" if not language or language.startswith("zh") else language)
    if name is None:
        return False
    translator = QTranslator(app)
    if not translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    _qtbase = translator
    return True


def install(app: QCoreApplication, language: str) -> bool:
    """Use ``language`` from now on; True when a translation is active (False for Chinese).

    Qt's own dialogs follow: qtbase's Chinese or English translation is installed as well.
    """
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    install_qtbase(app, language)
    if not language or language.startswith("zh"):
        return False
    translator = QTranslator(app)
    if not translator.load(qm_path(language)):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True


def label(words: Label) -> str:
    """The vocabulary's label in the window's language (Chinese unless English is installed)."""
    return words.en if current() == "en" else words.zh
