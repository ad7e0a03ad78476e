#!/usr/bin/env bash
# System libraries slq-desk needs on Debian/Ubuntu: Qt's xcb/EGL libraries, a CJK font for the
# window, poppler-utils (pdfsig, pdftoppm), Xvfb for the GUI tests, a PostgreSQL server for the
# shared-workspace tests, and SoftHSM2 + OpenSC's pkcs11-tool for the PKCS#11 token tests. As root we install what is missing; otherwise we print the exact
# command and stop, because a half-working set-up is worse than a clear instruction.
set -euo pipefail

[ "$(uname -s)" = "Linux" ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || { echo "sysdeps: not a Debian-like system; install Qt's xcb libraries, poppler-utils, Xvfb and PostgreSQL yourself" >&2; exit 0; }

want=(libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
      libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-image0 libxcb-render-util0
      libfontconfig1 libdbus-1-3 fonts-droid-fallback poppler-utils xvfb xauth postgresql
      softhsm2 opensc)
missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "sysdeps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  $cmd -qq
else
  echo "sysdeps: these system packages are missing: ${missing[*]}" >&2
  echo "sysdeps: run:  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
