"""The report's Infrastructures section (core/report/infrastructure.py) and the templates' escaping.

Values hand-computed on small cases.
"""

from datetime import datetime, timezone

from ville_numerique.core import report
from ville_numerique.core.report import infrastructure as infra
from ville_numerique.core.report import templates

NBSP = "\u00a0"
WHEN = datetime(2026, 11, 22, 3, 8, tzinfo=timezone.utc)
XSS = "<script>alert(1)</script>"
XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def summary():
    return {"population_total": 60.0, "score_mean": 50.0,
            "categories": {"epn": {"threshold_m": 600.0, "weight": 1.0, "n_services": 1, "population_covered": 30.0,
                                   "share_covered": 0.5, "median_distance_m": 500.0}},
            "distance_method": "straight_line", "distance_crs": {"authid": "EPSG:2154", "name": "Lambert-93"}}


def units():
    return [report.Unit(fid=1, population=30.0, score=100.0, distances={"epn": 100.0}, covered={"epn": 1}),
            report.Unit(fid=2, population=30.0, score=0.0, distances={"epn": 900.0}, covered={"epn": 0})]


#: Two units: 10 premises with 50 % without 30 Mbit/s, 30 premises all served; one unit without premises.
UNITS = [
    {"premises": 10.0, "share_no_thd": 0.5, "share_ftth": 0.5, "share_below_8": 0.1, "share_wired_30": 0.5,
     "mobile_ops_tbc": 0.0, "mobile_ops_any": 2.0},
    {"premises": 30.0, "share_no_thd": 0.0, "share_ftth": 1.0, "share_below_8": 0.0, "share_wired_30": 1.0,
     "mobile_ops_tbc": 2.0, "mobile_ops_any": 3.0},
    {"premises": None, "share_no_thd": None, "share_ftth": None, "share_below_8": None, "share_wired_30": None,
     "mobile_ops_tbc": 1.0, "mobile_ops_any": 1.0},
]
#: A commune table row as ville_numerique:fetch_infrastructure writes it (shares of the commune's premises).
COMMUNE = {"code_insee": "01001", "nom_com": "Commune fictive A", "premises": 200.0,
           "best_elig_ftth": 0.75, "best_elig_coax": 0.0, "best_elig_cu_30": 0.0, "best_elig_thdr": 0.0,
           "best_elig_cu_8": 0.05, "best_elig_4gf": 0.1, "best_elig_hdr": 0.0, "best_elig_sat": 0.1,
           "wired_elig_thd30": 0.75, "wired_elig_thd1g": 0.7, "edition": "commune_techno 2026-06-30"}


def test_area_figures_weighted_by_premises_from_the_units():
    figures = infra.area_figures(infra.Infrastructure(units=UNITS))
    assert figures["premises_total"] == 40.0
    assert figures["share_no_thd"] == 5.0 / 40.0  # (10 × 0.5 + 30 × 0) / 40
    assert figures["share_ftth"] == 35.0 / 40.0  # (10 × 0.5 + 30 × 1) / 40
    assert figures["share_below_8"] == 1.0 / 40.0
    assert figures["units_without_good_4g"] == 1  # mobile_ops_tbc = 0 in one unit


def test_the_summary_wins_over_the_units():
    data = infra.Infrastructure(units=UNITS, summary={
        "premises_total": 7675, "share_no_thd": 0.195831, "share_ftth": 0.699023, "share_below_8": 0.002997,
        "share_wired_30": 0.699023, "mobile": {"units_without_good_4g": 4, "operators": ["20801", "20810"],
                                               "mean_ops_tbc": 1.25}})
    figures = infra.area_figures(data)
    assert figures["premises_total"] == 7675 and figures["share_no_thd"] == 0.195831
    assert figures["units_without_good_4g"] == 4


def test_commune_table_groups_the_best_technologies():
    table = infra.commune_rows([COMMUNE], "fr")
    assert table["headers"][0] == "Commune" and len(table["headers"]) == 9
    row = table["rows"][0]
    assert row[0] == "Commune fictive A (01001)"  # the INSEE code kept as text, leading zero included
    assert row[1] == "200"
    # fibre, cable, copper (cu_30 + cu_8), radio/4G (thdr + 4gf + hdr), satellite only: they add up to 100 %
    assert row[2:7] == ["75,0" + NBSP + "%", "0,0" + NBSP + "%", "5,0" + NBSP + "%", "10,0" + NBSP + "%",
                        "10,0" + NBSP + "%"]
    assert row[7:] == ["75,0" + NBSP + "%", "70,0" + NBSP + "%"]  # wired ≥ 30 Mbit/s, ≥ 1 Gbit/s


def test_map_classes_are_read_from_the_connectivity_style():
    classes = infra.share_classes()
    assert [(k.lower, k.upper, k.colour) for k in classes] == [
        (0.0, 0.05, "#1a9850"), (0.05, 0.2, "#a6d96a"), (0.2, 0.5, "#fdae61"), (0.5, 1.0, "#d7191c")]
    assert infra.class_label(classes[1], "fr") == "5–20" + NBSP + "%"
    assert infra.class_label(classes[0], "en") == "0–5%"


def build(infrastructure, language="fr"):
    return report.build_html(summary(), units(), language=language, generated_at=WHEN, qgis_version="3.22",
                             infrastructure=infrastructure)


def test_section_with_figures_communes_operators_and_sources():
    data = infra.Infrastructure(units=UNITS, communes=[COMMUNE], summary={
        "premises_total": 40, "share_no_thd": 0.125, "share_ftth": 0.875, "share_below_8": 0.025,
        "fixed_operators": {"CU": ["FRTE"], "FO": ["FRTE", "SFR0"]},
        "sources": [{"file": "base_imb_62.csv.gz", "url": "https://data.arcep.fr/x/2026T3/base_imb_62.csv.gz",
                     "edition": "2026T3", "source": "ARCEP, Ma connexion internet",
                     "licence": "Licence Ouverte 2.0 (Etalab)"}]})
    html = build(data, "en")
    assert '<a href="#infrastructures">Infrastructures</a>' in html
    section = html[html.index('<section id="infrastructures">'):]
    section = section[:section.index("</section>")]
    assert "<b>12.5%</b><span>of the premises without 30 Mbit/s (satellite not counted)</span>" in section
    assert "<b>87.5%</b>" in section and "<b>40</b>" in section
    assert "<td>Commune fictive A (01001)</td>" in section
    assert "<p>Fibre (FttH): FRTE, SFR0.</p>" in section and "<p>Copper (DSL): FRTE.</p>" in section
    assert section.index("<p>Fibre (FttH)") < section.index("<p>Copper (DSL)")  # fibre first
    assert "<td>2026T3</td>" in section
    assert "not real ARCEP data" not in section  # real file names: no "constructed" note
    # the units have mobile_ops_tbc: one unit without very good 4G, and no "no 4G file" sentence
    assert "<b>1</b><span>units where no operator gives very good 4G coverage</span>" in section
    assert "No 4G coverage file was given" not in section
    no_mobile = build(infra.Infrastructure(units=[dict(u, mobile_ops_tbc=None) for u in UNITS]), "en")
    assert "No 4G coverage file was given: mobile coverage is not reported." in no_mobile


def test_constructed_files_are_said_to_be_constructed():
    data = infra.Infrastructure(summary={"premises_total": 10, "share_no_thd": 0.0, "sources": [
        {"file": "base_imb_62_constructed.csv.gz", "modified": "2026-12-03", "source": "ARCEP, Ma connexion internet",
         "licence": "Licence Ouverte 2.0 (Etalab)"}]})
    section = build(data, "en")
    assert "constructed to the ARCEP format for the demonstration, not real ARCEP data" in section
    assert "<td>file of 2026-12-03</td>" in section  # a local file: its date, not an edition
    texts = infra.layout_texts(data, "en")
    assert "not real ARCEP data" in texts["sources"]


def test_no_infrastructure_no_section():
    assert 'id="infrastructures"' not in build(None)
    assert 'id="infrastructures"' not in build(infra.Infrastructure())


def test_names_from_the_data_are_escaped_in_the_section():
    hostile = dict(COMMUNE, nom_com=XSS, code_insee=XSS)
    data = infra.Infrastructure(communes=[hostile], summary={
        "premises_total": 1, "share_no_thd": 1.0, "fixed_operators": {XSS: [XSS]},
        "sources": [{"file": XSS, "edition": XSS, "source": XSS, "licence": XSS}]})
    html = build(data)
    assert "<script" not in html.lower()
    section = html[html.index('<section id="infrastructures">'):]
    assert XSS_ESCAPED + " (" + XSS_ESCAPED + ")" in section
    assert section.count(XSS_ESCAPED) >= 6


def test_the_templates_escape_by_default():
    """Autoescape is on for the report's templates: a value that is not Markup is shown as text."""
    env = templates.environment()
    assert env.autoescape is True
    assert env.from_string("{{ v }}").render(v=XSS) == XSS_ESCAPED
    html = report.build_html(summary(), units(), title=XSS, place=XSS, coverage_source="/data/" + XSS + ".gpkg",
                             generated_at=WHEN)
    assert "<script" not in html.lower() and "<h1>" + XSS_ESCAPED + "</h1>" in html
