#!/usr/bin/env bash
# make demo: score the Saint-Omer station district with qgis_process, offline.
# A throwaway HOME keeps the user's QGIS profile untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/out/demo"
SAMPLE="$ROOT/resources/sample/saint_omer/saint_omer.gpkg"
mkdir -p "$OUT"
ARCEP="$ROOT/resources/sample/saint_omer/arcep_constructed"  # built to ARCEP's format, not real ARCEP data
rm -f "$OUT"/coverage.* "$OUT"/scenario.* "$OUT/summary.json" "$OUT"/rapport.* "$OUT"/connectivite.* "$OUT"/communes_thd.*

export HOME=$(mktemp -d)
trap 'rm -rf "$HOME"' EXIT
export QGIS_PLUGINPATH="$ROOT/.build/plugins"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$HOME/runtime"; mkdir -p -m 0700 "$XDG_RUNTIME_DIR"

qgis_process.bin plugins enable ville_numerique >/dev/null 2>&1
echo "qgis_process.bin run ville_numerique:coverage (Saint-Omer sample)…"
qgis_process.bin --json run ville_numerique:coverage -- \
  POPULATION="$SAMPLE|layername=carreaux_200m" POPULATION_FIELD=ind \
  SERVICES="$SAMPLE|layername=services" CATEGORY_FIELD=categories \
  OUTPUT="$OUT/coverage.gpkg" SUMMARY="$OUT/summary.json" \
  > "$OUT/qgis_process.json" 2> "$OUT/qgis_process.log" || {
    echo "qgis_process failed; its messages:" >&2; cat "$OUT/qgis_process.log" >&2; exit 1; }
/usr/bin/python3 scripts/print_summary.py "$OUT/summary.json"
echo
echo "qgis_process.bin run ville_numerique:scenario (projet_gare: wifi, tiers-lieu, fab lab at the station)…"
qgis_process.bin --json run ville_numerique:scenario -- \
  POPULATION="$SAMPLE|layername=carreaux_200m" SERVICES="$SAMPLE|layername=services" \
  PLANNED="$SAMPLE|layername=projet_gare" \
  OUTPUT="$OUT/scenario.gpkg" SUMMARY="$OUT/scenario.json" \
  > "$OUT/qgis_process_scenario.json" 2> "$OUT/qgis_process_scenario.log" || {
    echo "qgis_process failed; its messages:" >&2; cat "$OUT/qgis_process_scenario.log" >&2; exit 1; }
/usr/bin/python3 scripts/print_summary.py --scenario "$OUT/scenario.json"
echo
echo "qgis_process.bin run ville_numerique:connectivity (files constructed to ARCEP's format, see PROVENANCE.md)…"
qgis_process.bin --json run ville_numerique:connectivity -- \
  POPULATION="$SAMPLE|layername=carreaux_200m" \
  BUILDINGS="$ARCEP/base_imb_62_constructed.csv.gz" ELIGIBILITY="$ARCEP/actuel_62_constructed.csv.gz" \
  OUTPUT="$OUT/connectivite.gpkg" SUMMARY="$OUT/connectivite.json" \
  > "$OUT/qgis_process_connectivity.json" 2> "$OUT/qgis_process_connectivity.log" || {
    echo "qgis_process failed; its messages:" >&2; cat "$OUT/qgis_process_connectivity.log" >&2; exit 1; }
/usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("premises:", r.get("PREMISES_TOTAL"))' \
  "$OUT/qgis_process_connectivity.json"
qgis_process.bin --json run ville_numerique:fetch_infrastructure -- \
  DEPARTMENTS=62 COMMUNE_LAYER="$SAMPLE|layername=communes" CODE_FIELD=code \
  STATISTICS="$ARCEP/commune_meilleure_techno_thd.csv" STATISTICS="$ARCEP/commune_debit_filaire.csv" \
  STATISTICS="$ARCEP/commune_techno.csv" OUTPUT="$OUT/communes_thd.gpkg" \
  > "$OUT/qgis_process_infrastructure.json" 2> "$OUT/qgis_process_infrastructure.log" || {
    echo "qgis_process failed; its messages:" >&2; cat "$OUT/qgis_process_infrastructure.log" >&2; exit 1; }
echo
echo "qgis_process.bin run ville_numerique:report (HTML + PDF)…"
qgis_process.bin --json run ville_numerique:report -- \
  COVERAGE="$OUT/coverage.gpkg" SUMMARY="$OUT/summary.json" SCENARIO_SUMMARY="$OUT/scenario.json" \
  SERVICES="$SAMPLE|layername=services" PERIMETER="$SAMPLE|layername=communes" \
  CONNECTIVITY="$OUT/connectivite.gpkg" CONNECTIVITY_SUMMARY="$OUT/connectivite.json" \
  INFRASTRUCTURE_COMMUNES="$OUT/communes_thd.gpkg" \
  OUTPUT_HTML="$OUT/rapport.html" OUTPUT_PDF="$OUT/rapport.pdf" \
  > "$OUT/qgis_process_report.json" 2> "$OUT/qgis_process_report.log" || {
    echo "qgis_process failed; its messages:" >&2; cat "$OUT/qgis_process_report.log" >&2; exit 1; }
echo
echo "Layer:   $OUT/coverage.gpkg (style: coverage.qml); broadband: $OUT/connectivite.gpkg"
echo "Summary: $OUT/summary.json"
echo "Report:  $OUT/rapport.html, $OUT/rapport.pdf"
