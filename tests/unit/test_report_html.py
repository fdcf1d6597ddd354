"""The HTML report builder (core/report.py): pure Python, values checked by hand."""

import re
from datetime import datetime, timezone

import pytest
from ville_numerique.core import report
from ville_numerique.core.errors import InputError

NBSP = "\u00a0"
WHEN = datetime(2026, 11, 22, 3, 8, tzinfo=timezone.utc)
XSS = "<script>alert(1)</script>"
XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def summary(**extra):
    """A coverage summary shaped like ville_numerique:coverage's (3-unit hand case)."""
    data = {
        "population_total": 60.0,
        "score_mean": 58.333333,
        "categories": {
            "epn": {"threshold_m": 600.0, "weight": 3.0, "n_services": 1, "population_covered": 30.0,
                    "share_covered": 0.5, "median_distance_m": 500.0},
            "wifi": {"threshold_m": 300.0, "weight": 1.0, "n_services": 1, "population_covered": 10.0,
                     "share_covered": 1 / 6, "median_distance_m": None},
        },
        "distance_method": "straight_line",
        "distance_crs": {"authid": "EPSG:2154", "name": "France métropolitaine"},
        "counts": {"population_units": 3, "population_units_skipped_null_geometry": 0, "services": 2,
                   "services_skipped_null_geometry": 0, "services_without_category": 0},
        "inputs": {"population": "/home/agent/secret/pop.gpkg|layername=carreaux", "population_field": "ind",
                   "services": "/home/agent/secret/svc.gpkg|layername=services", "category_field": "categories",
                   "thresholds_m": {"epn": 600.0, "wifi": 300.0}, "weights": {"epn": 3.0, "wifi": 1.0}},
        "plugin": {"name": "ville_numerique", "version": "0.1.0"},
        "qgis_version": "3.22.16",
        "generated_at": "2026-11-22T02:07:02+00:00",
    }
    data.update(extra)
    return data


def units():
    """Units at 0, 500 and 1000 m of the only epn (10, 20, 30 inhabitants); wifi only near A."""
    return [
        report.Unit(fid=1, population=10.0, score=100.0, distances={"epn": 0.0, "wifi": 0.0},
                    covered={"epn": 1, "wifi": 1}, label="A", lon=2.26, lat=50.75),
        report.Unit(fid=2, population=20.0, score=75.0, distances={"epn": 500.0, "wifi": None},
                    covered={"epn": 1, "wifi": 0}, label="B"),
        report.Unit(fid=3, population=30.0, score=0.0, distances={"epn": 1000.0, "wifi": float("inf")},
                    covered={"epn": 0, "wifi": 0}, label="C"),
    ]


def build(**kwargs):
    args = dict(summary=summary(), units=units(), language="fr", generated_at=WHEN, qgis_version="3.22.16")
    args.update(kwargs)
    return report.build_html(**args)


# -- catalogue ----------------------------------------------------------------


def test_every_report_text_has_its_french_in_the_one_catalogue():
    """The report's texts are sources of i18n/ville_numerique_fr.ts (no second catalogue)."""
    from ville_numerique.core import categories
    from ville_numerique.core.i18n import catalogue

    french = catalogue("fr")
    for key, source in report.CATALOGUE.items():
        assert source in french, key
        assert sorted(re.findall(r"\{(\w+)\}", french[source])) == sorted(re.findall(r"\{(\w+)\}", source)), key
    for category in categories.CATEGORIES:
        assert category.label in french and category.short_label in french, category.code
        assert report.category_label(category.code, "fr") == french[category.label]
        assert report.category_label(category.code, "en") == category.label
    assert report.text("sec_key", "fr") == "Chiffres clés" and report.text("sec_key", "en") == "Key figures"


def test_unknown_language_is_an_input_error():
    with pytest.raises(InputError):
        build(language="de")


# -- numbers ------------------------------------------------------------------


@pytest.mark.parametrize("value, language, decimals, expected", [
    (15174.5, "fr", 1, "15" + NBSP + "174,5"),
    (15174.5, "en", 1, "15,174.5"),
    (1234567, "fr", 0, "1" + NBSP + "234" + NBSP + "567"),
    (2.5, "en", 0, "3"),  # half away from zero, not to even
    (-0.01, "fr", 1, "0,0"),  # no "-0,0"
    (None, "fr", 1, "—"),
    (float("nan"), "en", 1, "—"),
    (float("inf"), "en", 0, "—"),
])
def test_format_number(value, language, decimals, expected):
    assert report.format_number(value, language, decimals) == expected


def test_format_population_percent_distance_points():
    assert report.format_population(15174.5, "fr") == "15" + NBSP + "174,5"
    assert report.format_population(14307.0, "fr") == "14" + NBSP + "307"
    assert report.format_percent(0.942831724, "fr") == "94,3" + NBSP + "%"
    assert report.format_percent(0.942831724, "en") == "94.3%"
    assert report.format_distance(1000, "fr") == "1" + NBSP + "000" + NBSP + "m"
    assert report.format_distance(1000, "en") == "1,000" + NBSP + "m"
    assert report.format_distance(None, "fr") == "—"
    assert report.format_points(0.125, "fr") == "+12,5" + NBSP + "pts"
    assert report.format_points(-0.03, "en") == "\u22123.0" + NBSP + "pts"
    assert report.format_signed(0.0, "fr") == "0,0"
    assert report.format_datetime("2026-11-22T02:07:02+00:00", "fr") == "22 novembre 2026 à 02:07 (UTC+00:00)"
    assert report.format_datetime("2026-11-22T02:07:02+00:00", "en") == "22 November 2026, 02:07 (UTC+00:00)"


def test_html_numbers_follow_the_language():
    french = build(summary=summary(population_total=15174.5))
    english = build(summary=summary(population_total=15174.5), language="en")
    assert "15" + NBSP + "174,5" in french and "15,174.5" not in french
    assert "15,174.5" in english and "15" + NBSP + "174,5" not in english
    assert '<html lang="fr">' in french and '<html lang="en">' in english
    assert "Chiffres clés" in french and "Key figures" in english
    assert "50,0" + NBSP + "%" in french and "50.0%" in english  # epn share covered


# -- curves -------------------------------------------------------------------


def test_coverage_curve_by_hand():
    # 10 inhabitants at 0 m, 20 at 500 m, 30 at 1000 m: within d = 10/60, 30/60, 60/60
    curve = report.CumulativeCoverage([0.0, 500.0, 1000.0], [10, 20, 30])
    assert [curve.share(d) for d in (0, 250, 500, 750, 1000)] == [
        pytest.approx(1 / 6), pytest.approx(1 / 6), pytest.approx(0.5), pytest.approx(0.5), pytest.approx(1.0)]
    # no service (None, NaN, inf) is never within reach; NaN population counts as 0
    partial = report.CumulativeCoverage([0.0, None, float("inf"), float("nan"), 10.0], [10, 20, 30, 5, None])
    assert partial.total == 65
    assert partial.share(1e9) == pytest.approx(10 / 65)


def chart_points(svg, category):
    block = re.search(r'<g class="chart" data-category="{}">(.*?)</g>'.format(category), svg, re.S).group(1)
    ticks = {float(d): float(s) for d, s in
             re.findall(r'<circle [^>]*data-distance="([\d.]+)" data-share="([\d.]+)"><title>', block)}
    threshold = re.search(r'data-distance="([\d.]+)" data-share="([\d.]+)" class="at-threshold"', block)
    return ticks, (float(threshold.group(1)), float(threshold.group(2)))


def test_chart_svg_values_by_hand():
    svg = report.coverage_chart_svg(summary(), units(), "fr")
    # axis: max(1.5 × 600, min(1000, 5 × 600)) = 1000 m, ticks every 200 m
    ticks, threshold = chart_points(svg, "epn")
    assert ticks == {0.0: 0.1667, 200.0: 0.1667, 400.0: 0.1667, 600.0: 0.5, 800.0: 0.5, 1000.0: 1.0}
    assert threshold == (600.0, 0.5)
    ticks, threshold = chart_points(svg, "wifi")
    assert set(ticks.values()) == {0.1667}  # only A (10 of 60) ever has a wifi place
    assert threshold == (300.0, 0.1667)
    assert "50" + NBSP + "% — seuil 600" + NBSP + "m" in svg
    html = build()
    assert svg in html


def test_chart_for_the_layout_is_a_standalone_file():
    svg = report.coverage_chart_svg(summary(), units(), "en", for_layout=True)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')
    assert "threshold 600" in svg


def test_nice_numbers():
    assert [report.nice_ceil(v) for v in (2667, 3000, 1200, 450)] == [3000, 3000, 1500, 500]
    assert [report.nice_step(v) for v in (3000, 5000, 1000)] == [500, 1000, 200]


# -- escaping -----------------------------------------------------------------


def test_text_from_datasets_is_escaped():
    hostile = summary(
        categories={XSS: {"threshold_m": 600.0, "weight": 1.0, "n_services": 1, "population_covered": 10.0,
                          "share_covered": 0.5, "median_distance_m": 20.0}},
        inputs={"population": "/tmp/" + XSS + ".gpkg|layername=" + XSS, "population_field": XSS,
                "services": XSS, "category_field": XSS, "thresholds_m": {XSS: 600.0}, "weights": {XSS: 1.0}},
        distance_method=XSS, distance_crs={"authid": XSS, "name": XSS}, decay=XSS,
        generated_at=XSS, qgis_version=XSS,
    )
    hostile_units = [report.Unit(fid=XSS, population=10.0, score=0.0, distances={XSS: 900.0}, covered={XSS: 0},
                                 label=XSS)]
    html = report.build_html(hostile, hostile_units, title=XSS, map_image=b"\x89PNG",
                             map_info={"crs": XSS, "width_px": 10, "height_px": 10},
                             scenario={"name": XSS, "description": XSS, "added_services": [XSS],
                                       "before": {"categories": {XSS: {"share_covered": 0.1}}},
                                       "after": {"categories": {XSS: {"share_covered": 0.2}}}},
                             coverage_source=XSS, scenario_source=XSS, generated_at=WHEN, qgis_version=XSS,
                             sources=[{"data": XSS, "producer": XSS, "date": XSS, "licence": XSS}])
    assert "<script" not in html.lower()
    assert XSS_ESCAPED in html
    assert "<title>" + XSS_ESCAPED + "</title>" in html
    assert "<h1>" + XSS_ESCAPED + "</h1>" in html


def test_place_name_goes_into_the_default_title_escaped():
    html = build(place=XSS)
    assert "<h1>Couverture numérique — " + XSS_ESCAPED + "</h1>" in html
    assert "<script" not in html
    assert report.default_title("Saint-Omer", "en") == "Digital services coverage — Saint-Omer"
    assert report.default_title("", "fr") == "Couverture numérique"


def test_unknown_scenario_shape_is_shown_escaped():
    html = build(scenario={"note": XSS, "nested": {"x": 1}})
    assert 'id="scenario"' in html
    assert XSS_ESCAPED in html and "<script" not in html
    assert "nested" not in html  # only scalar values are listed


def test_paths_keep_only_the_file_name():
    html = build()
    assert "/home/agent/secret" not in html
    assert "pop.gpkg, couche carreaux" in html
    assert report.display_source("C:\\data\\svc.gpkg|layername=services", "en") in (
        "svc.gpkg, layer services", "C:\\data\\svc.gpkg, layer services")


# -- sections -----------------------------------------------------------------


def test_every_section_with_the_summary_figures():
    html = build(map_image=b"\x89PNG\r\n\x1a\nfake", map_info={"width_px": 800, "height_px": 600,
                                                               "metres_per_pixel": 2.0, "has_services": True})
    for anchor in ("chiffres", "carte", "indicateurs", "courbes", "fragiles", "methode", "parametres", "sources"):
        assert 'id="{}"'.format(anchor) in html
    assert 'src="data:image/png;base64,iVBORw0KGgpmYWtl"' in html
    assert "58,3" in html  # score_mean
    assert "Licence Ouverte / Etalab 2.0" in html and "Filosofi" in html and "2023-05" in html
    assert "SNCF Open Data" in html and "ADMIN EXPRESS COG" in html and "2023-07" in html
    assert "à vol d'oiseau" in html and "EPSG:2154" in html
    assert "score(u) = 100 × Σ<sub>c</sub> w<sub>c</sub>·cov<sub>c</sub>(u)" in html
    assert "22 novembre 2026 à 03:08" in html and "Ville numérique 0.1.0" in html
    # scale bar: 800 px × 2 m = 1 600 m wide → a 200 m bar (under 30 % of the width)
    assert "200" + NBSP + "m</text>" in html


def test_network_distance_is_named():
    html = build(summary=summary(distance_method="network"), language="en")
    assert "walking-network distance" in html and "straight-line" not in html


def test_missing_optional_sections():
    html = build(units=[], summary=summary(inputs=None, counts=None, generated_at=None))
    assert "data:image" not in html and "Carte non disponible." in html
    assert 'id="scenario"' not in html
    assert "dist_epn, dist_wifi" in html  # the curves cannot be drawn: said so
    assert "Fragilité" not in html and "Priorité" not in html
    no_score = [report.Unit(fid=1, population=5.0, distances={"epn": 10.0})]
    assert "pas de champ <code>score</code>" in build(units=no_score)


def test_fragile_areas_by_low_score_then_by_priority():
    picked, mode = report.fragile_units(units())
    assert mode == "low_score" and [u.label for u in picked] == ["C"]  # only C is under 50
    html = build()
    assert "Accès public à internet (aucun lieu)" in html  # C has no wifi place at all (distance inf)
    assert "Lieu de médiation numérique (1" + NBSP + "000" + NBSP + "m)" in html
    prioritised = units()
    for unit, priority in zip(prioritised, (0.2, 0.9, 0.5)):
        unit.priority = priority
        unit.fragility = 10 * priority
    picked, mode = report.fragile_units(prioritised)
    assert mode == "priority" and [u.label for u in picked] == ["B", "C", "A"]
    html = build(units=prioritised)
    assert "Priorité" in html and "Fragilité (0–10)" in html
    assert "50,7500° N, 2,2600° E" in html  # position of A


def test_no_fragile_area():
    happy = [report.Unit(fid=1, population=5.0, score=100.0, distances={"epn": 1.0}, covered={"epn": 1})]
    assert "Aucune unité n'a un score inférieur à 50" in build(units=happy)


def test_scenario_before_after():
    """The shape written by ville_numerique:scenario (before/after summaries and a delta)."""
    after = summary(score_mean=70.0, categories={
        "epn": {"share_covered": 0.5, "population_covered": 30.0, "n_services": 1},
        "wifi": {"share_covered": 0.5, "population_covered": 30.0, "n_services": 2}})
    scenario = {
        "before": summary(),
        "after": after,
        "delta": {"categories": {
            "epn": {"population_newly_covered": 0.0, "share_covered_change": 0.0, "n_services_added": 0},
            "wifi": {"population_newly_covered": 20.0, "share_covered_change": 1 / 3, "n_services_added": 1}},
            "score_mean_change": 11.666667, "population_newly_covered_any": 20.0},
        "inputs": {"planned": "/x/saint_omer.gpkg|layername=projet_gare"},
    }
    data = report.scenario_comparison(scenario)
    assert data["known"] and data["name"] == "projet_gare"
    wifi = [row for row in data["rows"] if row["code"] == "wifi"][0]
    assert wifi["share_delta"] == pytest.approx(1 / 3)
    assert wifi["pop_new"] == pytest.approx(20.0) and wifi["services_added"] == 1
    assert data["score"] == {"before": pytest.approx(58.333333), "after": 70.0, "delta": pytest.approx(11.666667)}
    html = build(scenario=scenario)
    assert "Scénario : projet_gare" in html
    assert "+33,3" + NBSP + "pts" in html and "+20" in html
    assert "<b>20</b> habitants gagnent au moins un type de service à portée." in html
    # without a delta, the changes come from before/after
    data = report.scenario_comparison({"name": "x", "before": summary(), "after": after})
    wifi = [row for row in data["rows"] if row["code"] == "wifi"][0]
    assert wifi["pop_new"] == pytest.approx(20.0) and wifi["services_added"] == 1
    assert data["score"]["delta"] == pytest.approx(11.666667)


def test_scenario_with_delta_only():
    data = report.scenario_comparison({"delta": {"categories": {"wifi": {"share_covered": 0.1}}, "score_mean": 2}})
    assert data["known"] and data["rows"][0]["share_delta"] == pytest.approx(0.1)
    assert data["score"] == {"before": None, "after": None, "delta": 2.0}
    assert "+10,0" + NBSP + "pts" in build(scenario={"delta": {"wifi": {"share_covered_change": 0.1}}})


def test_guess_place_name():
    assert report.guess_place_name(["Saint-Omer", "SAINT-OMER", "Arques", "Saint-Omer", None, ""]) == "Saint-Omer"
    assert report.guess_place_name([]) == ""


def test_layout_texts_tables_are_consistent():
    texts = report.layout_texts(summary(), units(), language="en", place="Saint-Omer", generated_at=WHEN,
                                scenario={"before": summary(), "after": summary()})
    assert texts["title"] == "Digital services coverage — Saint-Omer"
    for key in ("indicators", "fragile", "scenario"):
        table = texts[key]
        width = len(table["headers"])
        assert len(table["numeric"]) == width and len(table["widths"]) == width
        assert all(len(row) == width for row in table["rows"])
    assert texts["indicators"]["rows"][0] == ["Digital mediation", "600" + NBSP + "m", "1", "30", "50.0%",
                                              "500" + NBSP + "m"]
    assert "<" not in texts["method"]  # plain text for the layout
    assert "Licence Ouverte" in texts["sources"]
    none = report.layout_texts(summary(), [], language="fr", generated_at=WHEN)
    assert none["fragile"] is None and none["scenario"] is None


def test_access_method_fragility_and_priority_are_explained():
    science = summary(method="e2sfca", decay="gaussian", fragility_mean=5.866)
    science["categories"]["epn"]["fragile_population_not_covered"] = 4318.247
    prioritised = units()
    for unit in prioritised:
        unit.fragility, unit.priority = 6.0, 3.0
    html = build(summary=science, units=prioritised)
    assert "E2SFCA (2SFCA avec décroissance selon la distance), décroissance gaussienne" in html
    assert "Priorité = fragilité × (100 − score) / 10" in html
    assert "5,9 / 10" in html and "indice moyen de fragilité numérique" in html
    assert "Habitants fragiles hors de portée*" in html and "4" + NBSP + "318" in html
    default = build()
    assert "Méthode d'accessibilité</b>" not in default and "Habitants fragiles hors de portée" not in default
    assert "<dt>Méthode d'accessibilité</dt><dd>lieu le plus proche</dd>" in default
    texts = report.layout_texts(science, prioritised, language="en", generated_at=WHEN)
    assert "E2SFCA" in texts["method"] and "Priority = fragility" in texts["method"]


def test_the_report_says_which_services_were_not_counted_as_places():
    """Itinerant stops and far services left out by coverage are stated (issue 15, point 7)."""
    data = summary()
    data["counts"] = dict(data.get("counts") or {}, services=12, services_itinerant_excluded=3,
                          services_far_excluded=1)
    data["itinerant_stops"] = ["Camion bleu France Services Lumbres", "Bus <numérique>"]
    french = build(summary=data)
    assert "<dt>Services non comptés comme lieux</dt><dd>3 arrêt(s) itinérant(s) (bus, services mobiles), " \
           "1 service(s) trop loin de la population — Camion bleu France Services Lumbres, " \
           "Bus &lt;numérique&gt;</dd>" in french
    plain_run = build()
    assert "Services non comptés comme lieux" not in plain_run
