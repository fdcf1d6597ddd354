#!/usr/bin/env bash
# make test-matrix: run the test suite on the *other* Debian release than the host's,
# in a debootstrap chroot built once and cached (QGIS 3.22 on Debian 12 "bookworm",
# QGIS 3.40 LTR on Debian 13 "trixie"). Needs root, Debian's and PyPI's registries.
#
#   MATRIX_RELEASE=trixie|bookworm   force the release tested in the chroot
#   MATRIX_DIR=/path                 where the chroot lives (default .build/chroot-<release>)
#   MATRIX_TARGET="test demo"        make targets run in the chroot (default: test)
#
# The checkout is copied (tracked and untracked, not ignored files) into a folder whose
# name has a hyphen, /src/ville-numerique, as many users' clones are named: the suite
# must not depend on the folder's name.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

host_major=$(cut -d. -f1 /etc/debian_version 2>/dev/null || echo 0)
case "$host_major" in
  12) default_release=trixie ;;
  13) default_release=bookworm ;;
  trixie*) default_release=bookworm ;;   # a trixie/sid testing system reports a name
  *) default_release=trixie ;;
esac
RELEASE=${MATRIX_RELEASE:-$default_release}
CHROOT=${MATRIX_DIR:-$ROOT/.build/chroot-$RELEASE}
TARGETS=${MATRIX_TARGET:-test}
MIRROR=${MATRIX_MIRROR:-http://deb.debian.org/debian}
LOG_DIR="$ROOT/.build"
LOG="$LOG_DIR/test-matrix-$RELEASE.log"

if [ "$(id -u)" -ne 0 ]; then
  echo "make test-matrix builds a chroot and must run as root (sudo make test-matrix)." >&2
  exit 2
fi

mounted=()
cleanup() {
  for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount_binds() {
  for fs in proc sys dev; do
    mkdir -p "$CHROOT/$fs"
    if ! mountpoint -q "$CHROOT/$fs"; then
      mount --bind "/$fs" "$CHROOT/$fs"
      mounted+=("$CHROOT/$fs")
    fi
  done
}
# The chroot inherits neither the host's DNS, CA bundle nor pip configuration.
copy_host_config() {
  cp -L /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true
  mkdir -p "$CHROOT/etc/ssl/certs"
  [ -f /etc/ssl/certs/ca-certificates.crt ] && cp -L /etc/ssl/certs/ca-certificates.crt "$CHROOT/etc/ssl/certs/"
  [ -f /etc/pip.conf ] && cp -L /etc/pip.conf "$CHROOT/etc/pip.conf"
  if [ -d /etc/xdg/pip ]; then mkdir -p "$CHROOT/etc/xdg"; cp -rL /etc/xdg/pip "$CHROOT/etc/xdg/"; fi
  return 0
}

if [ ! -f "$CHROOT/.ville-numerique-ready" ]; then
  command -v debootstrap >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  echo "Building a Debian $RELEASE chroot in $CHROOT (once; about 10 minutes)…"
  if [ ! -x "$CHROOT/usr/bin/apt-get" ]; then
    rm -rf "$CHROOT"
    mkdir -p "$CHROOT"
    debootstrap --variant=minbase --include=ca-certificates "$RELEASE" "$CHROOT" "$MIRROR" \
      > "$LOG_DIR/debootstrap-$RELEASE.log" 2>&1 || {
        echo "debootstrap failed; see $LOG_DIR/debootstrap-$RELEASE.log" >&2; tail -20 "$LOG_DIR/debootstrap-$RELEASE.log" >&2; exit 1; }
  fi
  copy_host_config
  mount_binds
  # The same package list as the host's `make deps` (one source: install_system_deps.sh).
  chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get update -qq
  chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends make git locales \
    $(scripts/install_system_deps.sh --list) > "$LOG_DIR/chroot-apt-$RELEASE.log" 2>&1 || {
      echo "apt-get install in the chroot failed; see $LOG_DIR/chroot-apt-$RELEASE.log" >&2
      tail -20 "$LOG_DIR/chroot-apt-$RELEASE.log" >&2; exit 1; }
  touch "$CHROOT/.ville-numerique-ready"
fi

copy_host_config
mount_binds

# A fresh clone of the checkout, with the work not yet committed laid over it (tracked and
# untracked files, not ignored ones), in a folder whose name has a hyphen.
DEST="$CHROOT/src/ville-numerique"
rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
git clone -q --no-hardlinks "$ROOT" "$DEST"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - 2>/dev/null | tar -xf - -C "$DEST"
# The shared data folder sits beside the checkout when it exists (tests use their own copy).
[ -d "$ROOT/../shared" ] && { mkdir -p "$CHROOT/src/shared"; cp -r "$ROOT/../shared/data" "$CHROOT/src/shared/" 2>/dev/null || true; }

qgis_version=$(chroot "$CHROOT" /usr/bin/env -i PATH=/usr/bin:/bin dpkg-query -W -f='${Version}' qgis 2>/dev/null || echo "?")
echo "Running 'make $TARGETS' on Debian $RELEASE (QGIS $qgis_version) in $DEST…"
set +e
chroot "$CHROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root LANG=C.UTF-8 CI="${CI:-}" \
  bash -c "cd /src/ville-numerique && make $TARGETS" 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
set -e
summary=$(grep -E '^(=+ )?[0-9]+ (passed|failed)' "$LOG" | tail -1 || true)
echo
echo "test-matrix: Debian $RELEASE, QGIS $qgis_version: ${summary:-no pytest summary} (exit $rc); log $LOG"
exit "$rc"
