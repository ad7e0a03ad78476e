#!/usr/bin/env bash
# Refresh the English translation: collect every tr() source string of the window (lupdate),
# fill the English from resources/i18n/en_*.py, compile the .qm. Unfinished strings are listed.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
mapfile -t sources < <(find slq_desk/ui -name '*.py' | sort)
"$VENV/bin/pyside6-lupdate" "${sources[@]}" -no-obsolete -locations none -source-language zh_CN \
    -target-language en -ts resources/i18n/slq_desk_en.ts >/dev/null
"$VENV/bin/python" resources/i18n/en_glossary.py
"$VENV/bin/pyside6-lrelease" resources/i18n/slq_desk_en.ts -qm resources/i18n/slq_desk_en.qm >/dev/null
