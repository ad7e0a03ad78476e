#!/usr/bin/env bash
# Build the one-folder slq-desk bundle with PyInstaller, outside the repository.
#
#   packaging/build.sh [DIST_DIR]        default DIST_DIR: /tmp/slq-desk-dist
#
# The result is DIST_DIR/slq-desk/slq-desk. Build products never go into the checkout
# (work files go to a temp folder beside DIST_DIR). Needs PyInstaller in the project's venv:
#   .venv/bin/pip install pyinstaller
# Prints the build time and the bundle size at the end.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-$root/.venv/bin/python}"
dist="${1:-/tmp/slq-desk-dist}"
work="${SLQ_DESK_BUILD_WORK:-${dist%/}-work}"

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is not installed: $python -m pip install pyinstaller" >&2
    exit 2
fi

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" "$here/slq-desk.spec"
end=$(date +%s)

app="$dist/slq-desk/slq-desk"
test -x "$app" || { echo "build finished but $app is missing" >&2; exit 1; }
echo "built $app in $((end - start)) s; bundle size $(du -sh "$dist/slq-desk" | cut -f1)"
