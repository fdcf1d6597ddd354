#!/usr/bin/env bash
# make screenshot: the real QGIS desktop under Xvfb runs the station-district
# workflow from the Ville numérique panel and saves a screenshot.
#
#   scripts/screenshot.sh [LANG] [OUTPUT]
#     LANG    en (default) or fr: language of QGIS and of the plugin
#     OUTPUT  default docs/img/panel.png (en), docs/img/panel_<LANG>.png otherwise (the results page);
#             one image per page beside it: panel_<LANG>_<page>.png (territory, data, analysis, results, presets)
#
# A throwaway HOME keeps the user's QGIS profile untouched; the plugin is
# enabled in it with qgis_process.bin and found through QGIS_PLUGINPATH.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
LANG_CODE="${1:-en}"
if [ "$LANG_CODE" = en ]; then DEFAULT_OUT="$ROOT/docs/img/panel.png"; else DEFAULT_OUT="$ROOT/docs/img/panel_$LANG_CODE.png"; fi
OUT="${2:-$DEFAULT_OUT}"
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
mkdir -p "$(dirname "$OUT")" "$ROOT/.build/plugins"
[ -e "$ROOT/.build/plugins/ville_numerique" ] || ln -sfn "$ROOT" "$ROOT/.build/plugins/ville_numerique"
for tool in xvfb-run qgis.bin qgis_process.bin; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (make deps installs QGIS and xvfb)" >&2; exit 1; }
done

export HOME=$(mktemp -d)
trap 'rm -rf "$HOME"' EXIT
export QGIS_PLUGINPATH="$ROOT/.build/plugins"
export XDG_RUNTIME_DIR="$HOME/runtime"; mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
export VILLE_NUMERIQUE_LANG="$LANG_CODE" VN_SCREENSHOT="$OUT" PYTHONDONTWRITEBYTECODE=1
rm -f "$OUT"
for page in territory data analysis results results_chart presets; do rm -f "${OUT%.png}_$page.png"; done

QT_QPA_PLATFORM=offscreen qgis_process.bin plugins enable ville_numerique >/dev/null 2>&1
# Numbers, dates and currencies in the language's own format (QGIS › Options › General › Locale),
# as on a French user's machine: 15 174,5 rather than 15174.5.
INI="$HOME/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
mkdir -p "$(dirname "$INI")"
case "$LANG_CODE" in fr) GLOBAL_LOCALE=fr_FR ;; *) GLOBAL_LOCALE=en_GB ;; esac
printf '\n[locale]\noverrideFlag=true\nuserLocale=%s\nglobalLocale=%s\nshowGroupSeparator=true\n' "$LANG_CODE" "$GLOBAL_LOCALE" >> "$INI"
echo "QGIS desktop under Xvfb ($LANG_CODE)…"
# QT_QPA_PLATFORM must be empty: with "offscreen" the QGIS 3.22 desktop aborts at start-up.
# A 1366×768 screen, the smallest the panel is made for (issue 13), the dock at its default width.
QT_QPA_PLATFORM= timeout 300 xvfb-run -a -s "-screen 0 1366x768x24" \
  qgis.bin --nologo --noversioncheck --lang "$LANG_CODE" --code scripts/screenshot.py \
  > "$HOME/qgis.log" 2>&1 || true
grep '^\[screenshot\]' "$HOME/qgis.log" || true
if [ ! -s "$OUT" ]; then
  echo "No screenshot; QGIS said:" >&2; tail -n 60 "$HOME/qgis.log" >&2; exit 1
fi
echo "Screenshots: $OUT and ${OUT%.png}_<page>.png"
