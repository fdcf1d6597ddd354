"""``ville_numerique:fetch_infrastructure`` on commune tables CONSTRUCTED to the
ARCEP format (tests/arcep_format.py: two invented communes, not real figures)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from arcep_format import write_commune_stats  # noqa: E402


def commune_polygons():
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=code_insee:string&field=nom:string", "communes", "memory")
    features = []
    for k, (code, name) in enumerate((("01001", "L'Abergement-Clémenciat"), ("62765", "Saint-Omer"))):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt("POLYGON(({0} 0, {1} 0, {1} 1, {0} 1, {0} 0))".format(k, k + 1)))
        feature.setAttributes([code, name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def rows_of(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return {f["code_insee"]: f for f in layer.getFeatures()}


def test_commune_table_joined_to_polygons(run_alg, tmp_path):
    files = write_commune_stats(tmp_path)
    result = run_alg("ville_numerique:fetch_infrastructure", {
        "COMMUNE_LAYER": commune_polygons(), "STATISTICS": [str(p) for p in files.values()],
        "OUTPUT": str(tmp_path / "communes.gpkg"),
    })
    assert result["COUNT"] == 2
    rows = rows_of(result["OUTPUT"])
    assert set(rows) == {"01001", "62765"}  # the leading zero is kept
    a = rows["01001"]
    assert a.geometry().boundingBox().xMinimum() == 0
    assert a["premises"] == 200
    assert a["best_elig_ftth"] == pytest.approx(0.75)
    assert a["wired_elig_thd30"] == pytest.approx(0.75)
    assert a["techno_elig_sat"] == pytest.approx(1.0)
    assert "2026-06-30" in a["edition"]
    assert rows["62765"]["wired_elig_thd1g"] == pytest.approx(0.92)


def test_missing_files_are_downloaded(run_alg, tmp_path, httpserver, monkeypatch):
    files = write_commune_stats(tmp_path)
    for name, path in files.items():
        if name != "commune_techno":
            httpserver.expect_request("/fixe/maconnexioninternet/statistiques/last/commune/{}.csv".format(name)) \
                .respond_with_data(path.read_bytes(), content_type="text/csv")
    monkeypatch.setenv("VILLE_NUMERIQUE_ARCEP_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("VILLE_NUMERIQUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("VILLE_NUMERIQUE_OFFLINE", "0")
    result = run_alg("ville_numerique:fetch_infrastructure", {
        "COMMUNES": "62765", "STATISTICS": [str(files["commune_techno"])], "OUTPUT": "memory:",
    })
    assert result["COUNT"] == 1
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer, None) or layer
    feature = next(layer.getFeatures())
    assert feature["code_insee"] == "62765" and feature["best_elig_ftth"] == pytest.approx(0.9)


def test_a_file_of_another_name_is_refused(run_alg, tmp_path):
    other = tmp_path / "commune_debit.csv"  # satellite-inclusive: deliberately not used
    other.write_text("code_insee;nbr\n01001;1\n", encoding="utf-8")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="commune_debit.csv is not one of the ARCEP commune tables"):
        run_alg("ville_numerique:fetch_infrastructure", {
            "COMMUNES": "01001", "STATISTICS": [str(other)], "OUTPUT": str(tmp_path / "o.gpkg")})
