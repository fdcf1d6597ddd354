"""Issue 16 points 4-5: the Saint-Omer sample's ARCEP-format files, connectivity on them, and the
report's Infrastructures section (HTML and PDF page); the report run off the main thread.

The ARCEP files of the sample are CONSTRUCTED to the published format by
scripts/build_sample.py (two buildings per 200 m cell, households as premises,
eligibility by a rule written in PROVENANCE.md): the values below are worked
out by hand from that rule and the cells' ``men``.
"""

import gzip
import importlib.util
import json
import subprocess
import threading

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from .conftest import ROOT, SAMPLE, sample_layer

ARCEP = ROOT / "resources" / "sample" / "saint_omer" / "arcep_constructed"
BUILDINGS = ARCEP / "base_imb_62_constructed.csv.gz"
ELIGIBILITY = ARCEP / "actuel_62_constructed.csv.gz"
STATISTICS = [str(ARCEP / (name + ".csv")) for name in
              ("commune_meilleure_techno_thd", "commune_debit_filaire", "commune_techno")]
NBSP = "\u00a0"
#: The "no threading" flag (Qgis.ProcessingAlgorithmFlag from QGIS 3.36 on).
NO_THREADING = (Qgis.ProcessingAlgorithmFlag.NoThreading if hasattr(Qgis, "ProcessingAlgorithmFlag")
                else QgsProcessingAlgorithm.Flag.FlagNoThreading)

#: Hand-worked cells (rank in idcar order, men, distance to the station → copper class):
#: rank 0, men 11 → A 6, B 5 premises; rank 0 mod 5: fibre in both buildings.
#: rank 3, men 99 → A 50, B 49; copper BHD8 (1 326 m); A copper only, B fixed 4G THD30:
#:   no THD = 50 / 99, no fibre, wired 30 = 0, below 8 = 0 (copper BHD8 everywhere).
#: rank 4, men 166 → A 83, B 83; A fibre, B copper BHD8 + satellite: no THD = 83 / 166 = 0.5.
#: rank 9, men 40 → A 20, B 20; copper HD3 (1 734 m); A fibre, B copper HD3 + satellite THD100:
#:   the satellite does not count: no THD = 0.5 and below 8 = 0.5.
CELLS = {
    "CRS3035RES200mN3098800E3775000": {"premises": 11, "share_ftth": 1.0, "share_wired_30": 1.0,
                                       "share_no_thd": 0.0, "share_below_8": 0.0},
    "CRS3035RES200mN3098800E3776000": {"premises": 99, "share_ftth": 0.0, "share_wired_30": 0.0,
                                       "share_no_thd": 50 / 99, "share_below_8": 0.0},
    "CRS3035RES200mN3098800E3776200": {"premises": 166, "share_ftth": 0.5, "share_wired_30": 0.5,
                                       "share_no_thd": 0.5, "share_below_8": 0.0},
    "CRS3035RES200mN3099000E3775000": {"premises": 40, "share_ftth": 0.5, "share_wired_30": 0.5,
                                       "share_no_thd": 0.5, "share_below_8": 0.5},
}


def check_cells(layer_path):
    layer = QgsVectorLayer(layer_path, "connectivity", "ogr")
    assert layer.isValid()
    seen = {}
    for feature in layer.getFeatures():
        if feature["idcar_200m"] in CELLS:
            seen[feature["idcar_200m"]] = {name: feature[name] for name in CELLS["CRS3035RES200mN3098800E3775000"]}
    assert set(seen) == set(CELLS)
    for cell, expected in CELLS.items():
        for name, value in expected.items():
            assert seen[cell][name] == pytest.approx(value, abs=1e-6), (cell, name)
    return layer.featureCount()


def test_constructed_files_say_what_they_are():
    with gzip.open(BUILDINGS, "rt", encoding="utf-8") as stream:
        header = stream.readline().strip().split(";")
        first = stream.readline().strip().split(";")
    assert header[:6] == ["imb_id", "imb_x", "imb_y", "imb_code", "imb_code_insee", "imb_nbr_logloc"]
    assert first[0].startswith("IMB/CONSTRUIT/")  # never mistaken for a real ARCEP id
    x, y = float(first[1]), float(first[2])
    assert 240_000 < x < 260_000 and 6_560_000 < y < 6_590_000  # EPSG:3857 metres around Saint-Omer
    provenance = " ".join((ROOT / "resources" / "sample" / "saint_omer" / "PROVENANCE.md").read_text(
        encoding="utf-8").split())
    assert "construits au format ARCEP" in provenance and "pas des données réelles de l'ARCEP" in provenance
    sizes = sum(p.stat().st_size for p in ARCEP.iterdir())
    assert sizes < 40_000  # tens of KB


def test_constructed_files_match_the_build_script(tmp_path):
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "scripts" / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    counts = module.build_arcep(SAMPLE, tmp_path)
    assert counts == {"buildings": 238, "eligibility_rows": 621, "communes": 3}
    for path in ARCEP.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name  # deterministic


@pytest.mark.slow
def test_qgis_process_connectivity_on_the_sample(qgis_process_env, tmp_path):
    """The issue's "done when": qgis_process.bin run ville_numerique:connectivity gives the hand-checked shares."""
    out = tmp_path / "connectivity.gpkg"
    proc = subprocess.run(
        ["qgis_process.bin", "--json", "run", "ville_numerique:connectivity", "--",
         "POPULATION={}|layername=carreaux_200m".format(SAMPLE), "BUILDINGS={}".format(BUILDINGS),
         "ELIGIBILITY={}".format(ELIGIBILITY), "OUTPUT={}".format(out),
         "SUMMARY={}".format(tmp_path / "connectivity.json")],
        env=qgis_process_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout)["results"]
    # premises: the cells' households rounded, summed (hand total of the 125 cells)
    assert results["PREMISES_TOTAL"] == 7675
    assert check_cells(str(out)) == 125
    summary = json.loads((tmp_path / "connectivity.json").read_text(encoding="utf-8"))
    assert summary["fixed_operators"] == {"4GF": ["BOUY"], "CU": ["FRTE"], "FO": ["FRTE", "SFR0"], "SAT": ["STAK"]}
    assert [s["file"] for s in summary["sources"]] == [BUILDINGS.name, ELIGIBILITY.name]


@pytest.fixture(scope="module")
def inputs(qgis_app, qgis_processing, tmp_path_factory):
    from .test_report import run

    folder = tmp_path_factory.mktemp("infra")
    coverage = run("ville_numerique:coverage", {
        "POPULATION": sample_layer("carreaux_200m"), "POPULATION_FIELD": "ind",
        "SERVICES": sample_layer("services"), "CATEGORY_FIELD": "categories",
        "OUTPUT": str(folder / "coverage.gpkg"), "SUMMARY": str(folder / "summary.json")})
    connectivity = run("ville_numerique:connectivity", {
        "POPULATION": sample_layer("carreaux_200m"), "BUILDINGS": [str(BUILDINGS)],
        "ELIGIBILITY": [str(ELIGIBILITY)], "OUTPUT": str(folder / "connectivity.gpkg"),
        "SUMMARY": str(folder / "connectivity.json")})
    communes = run("ville_numerique:fetch_infrastructure", {
        "DEPARTMENTS": "62", "STATISTICS": STATISTICS, "COMMUNE_LAYER": sample_layer("communes"),
        "CODE_FIELD": "code", "OUTPUT": str(folder / "communes.gpkg")})
    return {"folder": folder, "coverage": coverage, "connectivity": connectivity, "communes": communes}


def report_params(inputs, name, **extra):
    folder = inputs["folder"]
    params = {"COVERAGE": inputs["coverage"]["OUTPUT"], "SUMMARY": inputs["coverage"]["SUMMARY"],
              "SERVICES": sample_layer("services"), "PERIMETER": sample_layer("communes"),
              "CONNECTIVITY": inputs["connectivity"]["OUTPUT"],
              "CONNECTIVITY_SUMMARY": inputs["connectivity"]["SUMMARY"],
              "INFRASTRUCTURE_COMMUNES": inputs["communes"]["OUTPUT"],
              "OUTPUT_HTML": str(folder / (name + ".html")), "OUTPUT_PDF": str(folder / (name + ".pdf"))}
    params.update(extra)
    return params


def test_connectivity_in_process_gives_the_same_cells(inputs):
    check_cells(inputs["connectivity"]["OUTPUT"])


def test_report_infrastructures_section_and_pdf_page(inputs):
    from .test_report import run

    result = run("ville_numerique:report", report_params(inputs, "rapport", LANGUAGE="en"))
    html = open(result["OUTPUT_HTML"], encoding="utf-8").read()
    section = html[html.index('<section id="infrastructures">'):]
    section = section[:section.index("</section>")]
    # 7 675 premises; 1 503 without 30 Mbit/s (share_no_thd 0.195831); fibre 0.699023
    assert "<b>7,675</b>" in section and "<b>19.6%</b>" in section and "<b>69.9%</b>" in section
    # Saint-Omer's commune row: 6 578 premises, fibre 4 600 / 6 575 premises eligible at 8 Mbit/s = 70.0 %
    assert "<td>Saint-Omer (62765)</td><td class=\"n\">6,578</td><td class=\"n\">70.0%</td>" in section
    assert "<p>Fibre (FttH): FRTE, SFR0.</p>" in section
    assert "not real ARCEP data" in section and '<img src="data:image/png;base64,' in section
    # the PDF: the template's two pages (no scenario) and the Infrastructures page
    assert result["PDF_PAGES"] == 3
    text = subprocess.run(["pdftotext", "-f", "3", "-l", "3", "-layout", result["OUTPUT_PDF"], "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Infrastructures" in text and "Premises without 30 Mbit/s" in text
    # (the table's cells are drawn as outlines, as QGIS draws table text: not in pdftotext's output)
    assert "Communes" in text and "not real ARCEP data" in text


def test_fields_of_the_coverage_layer_are_enough(inputs, qgis_app):
    """A coverage layer with the connectivity fields gives the section without any other input."""
    from .test_report import run

    folder = inputs["folder"]
    coverage = run("ville_numerique:coverage", {
        "POPULATION": inputs["connectivity"]["OUTPUT"], "POPULATION_FIELD": "ind",
        "SERVICES": sample_layer("services"), "CATEGORY_FIELD": "categories",
        "OUTPUT": str(folder / "coverage_conn.gpkg"), "SUMMARY": str(folder / "summary_conn.json")})
    result = run("ville_numerique:report", {
        "COVERAGE": coverage["OUTPUT"], "SUMMARY": coverage["SUMMARY"], "LANGUAGE": "en",
        "OUTPUT_HTML": str(folder / "fields.html")})
    html = open(result["OUTPUT_HTML"], encoding="utf-8").read()
    assert '<section id="infrastructures">' in html
    # weighted by premises from the units' fields: the same 19.6 % as the summary
    assert "<b>19.6%</b><span>of the premises without 30 Mbit/s" in html
    plain = run("ville_numerique:report", {
        "COVERAGE": inputs["coverage"]["OUTPUT"], "SUMMARY": inputs["coverage"]["SUMMARY"],
        "OUTPUT_HTML": str(folder / "plain.html")})
    assert 'id="infrastructures"' not in open(plain["OUTPUT_HTML"], encoding="utf-8").read()


def test_report_runs_off_the_main_thread_like_the_gui(inputs):
    """No FlagNoThreading: prepare in the main thread, the work in a task thread; only the layout
    export is handed to the main thread (whose event loop turns meanwhile, as in QGIS)."""
    from ville_numerique.processing import report_pdf

    from .test_report import algorithm

    alg = algorithm("ville_numerique:report")
    assert not alg.flags() & NO_THREADING
    params = report_params(inputs, "threaded")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    assert alg.prepare(params, context, feedback)
    box, threads = {}, []
    export = report_pdf.export_pdf

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return export(*args, **kwargs)

    def work():
        box["main"] = threading.current_thread() is threading.main_thread()
        box["results"] = alg.runPrepared(params, context, feedback)

    report_pdf.export_pdf = spy
    try:
        thread = threading.Thread(target=work)
        thread.start()
        while thread.is_alive():
            QgsApplication.processEvents()
            thread.join(0.01)
    finally:
        report_pdf.export_pdf = export
    assert box["main"] is False and threads == [True]  # the task off the main thread, the layout on it
    results = box["results"]
    assert results["OUTPUT_HTML"] == params["OUTPUT_HTML"]
    assert results["OUTPUT_PDF"] == params["OUTPUT_PDF"] and results["PDF_PAGES"] == 3
    with open(params["OUTPUT_PDF"], "rb") as stream:
        assert stream.read(5) == b"%PDF-"


def test_a_pdf_failure_in_the_main_thread_fails_the_run(inputs, monkeypatch, tmp_path):
    """The PDF is made in the main thread: its errors still stop the run, with their message, no file left."""
    from qgis.core import QgsProcessingException
    from ville_numerique.processing import report_pdf

    from .test_report import run

    monkeypatch.setattr(report_pdf, "TEMPLATE", str(tmp_path / "missing.qpt"))
    params = report_params(inputs, "no_template")
    with pytest.raises(QgsProcessingException, match="print layout template is missing"):
        run("ville_numerique:report", params)
    assert not (inputs["folder"] / "no_template.pdf").exists()
