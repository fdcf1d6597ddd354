"""Outputs never touch inputs and appear complete or not at all (processing/outputs.py).

Every case works on a copy of the Saint-Omer sample GeoPackage (8 layers) and
checks what a user would: the input file is byte-identical afterwards, the
previous output is still there, and no temporary file is left behind.
"""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import time

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from .conftest import SAMPLE, qgis_process_json


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def layer_names(path):
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    return sorted(dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount()))


def feature_count(path, table=None):
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(table) if table else dataset.GetLayer(0)
    return layer.GetFeatureCount()


def leftovers(folder):
    return sorted(name for name in os.listdir(folder) if name.startswith("vn-part-"))


@pytest.fixture
def sample_copy(tmp_path):
    copy = tmp_path / "projet.gpkg"
    shutil.copyfile(SAMPLE, copy)
    return copy


def coverage_params(gpkg, output, summary=None):
    params = {
        "POPULATION": "{}|layername=carreaux_200m".format(gpkg), "POPULATION_FIELD": "ind",
        "SERVICES": "{}|layername=services".format(gpkg), "CATEGORY_FIELD": "categories",
        "OUTPUT": str(output),
    }
    if summary is not None:
        params["SUMMARY"] = str(summary)
    return params


def test_output_equal_to_the_input_geopackage_is_refused(run_alg, sample_copy):
    before, tables = digest(sample_copy), layer_names(sample_copy)
    assert len(tables) == 8
    with pytest.raises(QgsProcessingException) as error:
        run_alg("ville_numerique:coverage", coverage_params(sample_copy, sample_copy))
    assert "would overwrite the input" in str(error.value)
    assert digest(sample_copy) == before and layer_names(sample_copy) == tables


def test_output_naming_the_input_table_is_refused(run_alg, sample_copy):
    before = digest(sample_copy)
    output = "ogr:dbname='{}' table=\"carreaux_200m\" (geom)".format(sample_copy)
    with pytest.raises(QgsProcessingException) as error:
        run_alg("ville_numerique:coverage", coverage_params(sample_copy, output))
    assert "would overwrite the input" in str(error.value)
    assert digest(sample_copy) == before
    assert feature_count(sample_copy, "carreaux_200m") == 125


def test_a_new_table_in_the_input_geopackage_keeps_every_other_table(run_alg, sample_copy, tmp_path):
    tables = layer_names(sample_copy)
    output = "ogr:dbname='{}' table=\"couverture\" (geom)".format(sample_copy)
    results = run_alg("ville_numerique:coverage", coverage_params(sample_copy, output))
    assert str(sample_copy) in results["OUTPUT"]
    assert layer_names(sample_copy) == sorted(tables + ["couverture"])
    assert feature_count(sample_copy, "couverture") == 125
    assert feature_count(sample_copy, "carreaux_200m") == 125
    assert leftovers(tmp_path) == []


def test_summary_written_over_the_input_geopackage_is_refused(run_alg, sample_copy, tmp_path):
    before = digest(sample_copy)
    with pytest.raises(QgsProcessingException) as error:
        run_alg("ville_numerique:coverage",
                coverage_params(sample_copy, tmp_path / "out.gpkg", summary=sample_copy))
    assert "would overwrite the input" in str(error.value)
    assert digest(sample_copy) == before
    assert not (tmp_path / "out.gpkg").exists()  # refused before any work


def test_two_outputs_on_one_file_are_refused(run_alg, sample_copy, tmp_path):
    target = tmp_path / "same.gpkg"
    with pytest.raises(QgsProcessingException) as error:
        run_alg("ville_numerique:coverage", coverage_params(sample_copy, target, summary=target))
    assert "are the same file" in str(error.value)
    assert not target.exists()


def test_report_html_over_an_input_is_refused(run_alg, sample_copy, tmp_path):
    summary = tmp_path / "summary.json"
    run_alg("ville_numerique:coverage", coverage_params(sample_copy, tmp_path / "cov.gpkg", summary))
    before = digest(summary)
    with pytest.raises(QgsProcessingException) as error:
        run_alg("ville_numerique:report", {
            "COVERAGE": str(tmp_path / "cov.gpkg"), "SUMMARY": str(summary),
            "OUTPUT_HTML": str(summary), "LANGUAGE": "en"})
    assert "would overwrite the input" in str(error.value)
    assert digest(summary) == before


def test_unwritable_summary_folder_is_refused_before_the_layer_is_written(run_alg, sample_copy, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where a folder is expected")
    with pytest.raises(QgsProcessingException) as error:
        run_alg("ville_numerique:coverage",
                coverage_params(sample_copy, tmp_path / "cov.gpkg", summary=blocker / "summary.json"))
    assert "cannot be written" in str(error.value)
    assert not (tmp_path / "cov.gpkg").exists()  # no half result
    assert leftovers(tmp_path) == []


class CancelAt(QgsProcessingFeedback):
    """Cancels as soon as progress reaches ``percent`` (the write phase starts at 70 %)."""

    def __init__(self, percent):
        super().__init__()
        self.percent = percent
        self.progressChanged.connect(self._check)

    def _check(self, value):
        if value >= self.percent and not self.isCanceled():
            self.cancel()


@pytest.mark.parametrize("percent", [1, 75], ids=["before-the-write", "during-the-write"])
def test_a_cancel_leaves_the_previous_result_intact(run_alg, sample_copy, tmp_path, percent):
    output, summary = tmp_path / "cov.gpkg", tmp_path / "summary.json"
    run_alg("ville_numerique:coverage", coverage_params(sample_copy, output, summary))
    before_layer, before_summary = digest(output), digest(summary)
    with pytest.raises(QgsProcessingException):
        run_alg("ville_numerique:coverage", coverage_params(sample_copy, output, summary),
                feedback=CancelAt(percent))
    assert digest(output) == before_layer and digest(summary) == before_summary
    assert feature_count(output) == 125
    assert leftovers(tmp_path) == []


def test_a_cancel_on_a_first_run_leaves_no_empty_file(run_alg, sample_copy, tmp_path):
    output = tmp_path / "new.gpkg"
    with pytest.raises(QgsProcessingException):
        run_alg("ville_numerique:coverage", coverage_params(sample_copy, output, tmp_path / "s.json"),
                feedback=CancelAt(75))
    assert not output.exists() and not (tmp_path / "s.json").exists()
    assert leftovers(tmp_path) == []


def test_a_successful_run_replaces_the_previous_output_and_its_style(run_alg, sample_copy, tmp_path):
    output = tmp_path / "cov.gpkg"
    output.write_bytes(b"previous content that is not a GeoPackage")
    results = run_alg("ville_numerique:coverage", coverage_params(sample_copy, output, tmp_path / "s.json"))
    assert results["OUTPUT"].startswith(str(output))
    assert results["SUMMARY"] == str(tmp_path / "s.json")
    assert feature_count(output) == 125
    assert layer_names(output) == ["cov"]  # named after the file, not after the temporary one
    assert (tmp_path / "cov.qml").exists()  # the sidecar style follows its layer
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["population_total"] > 0
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_qgis_process_refuses_to_overwrite_its_input(qgis_process_env, sample_copy):
    before = digest(sample_copy)
    code, _, output = qgis_process_json(
        qgis_process_env, "run", "ville_numerique:coverage", "--",
        *("{}={}".format(k, v) for k, v in coverage_params(sample_copy, sample_copy).items()))
    assert code != 0
    assert "would overwrite the input" in output and "Traceback" not in output
    assert digest(sample_copy) == before and len(layer_names(sample_copy)) == 8


@pytest.mark.slow
def test_qgis_process_interrupted_keeps_the_previous_output(qgis_process_env, sample_copy, tmp_path):
    """Ctrl-C at any moment: the previous output is intact, or the new one is complete."""
    output, summary = tmp_path / "cov.gpkg", tmp_path / "summary.json"
    args = ["qgis_process.bin", "run", "ville_numerique:coverage", "--",
            *("{}={}".format(k, v) for k, v in coverage_params(sample_copy, output, summary).items())]
    subprocess.run(args, env=qgis_process_env, capture_output=True, timeout=300, check=True)
    before = digest(output)
    for delay in (0.5, 1.5, 2.5, 3.5):
        proc = subprocess.Popen(args, env=qgis_process_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        assert output.exists()
        if digest(output) != before:  # the run had finished: the new output is complete
            assert feature_count(output) == 125
            before = digest(output)
        assert json.loads(summary.read_text(encoding="utf-8"))["population_total"] > 0
