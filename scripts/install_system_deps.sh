#!/usr/bin/env bash
# Install the Debian packages Ville numérique needs (QGIS 3.22 and its Python),
# only if something is missing. Idempotent; used by `make deps`.
set -euo pipefail

PACKAGES=(qgis python3-qgis qgis-providers python3-pandas python3-geopandas python3-requests
          python3-scipy python3-pytest python3-venv xvfb xauth pyqt5-dev-tools qttools5-dev-tools
          python3-dask python3-distributed 7zip python3-py7zr python3-jinja2 python3-markupsafe
          poppler-utils)

# --list: print the package list (make test-matrix installs the same list in its chroot).
if [ "${1:-}" = "--list" ]; then
  echo "${PACKAGES[*]}"
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
