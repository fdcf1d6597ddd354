"""The report's texts: catalogue (English sources; French in the .ts), languages, escaping, sources."""

import html
import re

from markupsafe import Markup  # HTML already safe: esc() and the templates leave it as it is

from .. import categories
from ..errors import InputError
from ..i18n import QT_TR_NOOP, tr, translate_in

LANGUAGES = ("fr", "en")


DEFAULT_LANGUAGE = "fr"


#: A unit whose score is under this value counts as "poorly covered" (fragile
#: areas table when the layer has no ``priority`` field).
LOW_SCORE = 50.0


#: Number of units listed in the fragile areas table (numbered on the map).
FRAGILE_COUNT = 10


NBSP = "\u00a0"


#: ``{key: English source}``; texts are trusted HTML with ``{placeholders}`` filled
#: by :func:`text` with escaped values; their French is in the ``.ts`` catalogue.
CATALOGUE = {
    # -- head -----------------------------------------------------------------
    "default_title": QT_TR_NOOP("Digital services coverage — {name}"),
    "default_title_no_name": QT_TR_NOOP("Digital coverage"),
    "subtitle": QT_TR_NOOP("Who lives within walking reach of digital-inclusion services?"),
    "generated": QT_TR_NOOP("Report produced on {date} with {plugin} {version} (QGIS {qgis})."),
    "computed": QT_TR_NOOP("Coverage computed on {date}."),
    "contents": QT_TR_NOOP("Contents"),
    # -- key figures ----------------------------------------------------------
    "sec_key": QT_TR_NOOP("Key figures"),
    "key_population": QT_TR_NOOP("inhabitants in the study area"),
    "key_score": QT_TR_NOOP("mean coverage score (out of 100)"),
    "key_full": QT_TR_NOOP("of the inhabitants have every type of service within reach"),
    "key_low": QT_TR_NOOP("inhabitants have a score below {low} ({share})"),
    "key_services": QT_TR_NOOP("digital service places"),
    "key_units": QT_TR_NOOP("population units (grid cells, IRIS…)"),
    # -- map ------------------------------------------------------------------
    "sec_map": QT_TR_NOOP("Map of the coverage score"),
    "map_alt": QT_TR_NOOP("Map of the coverage score"),
    "map_caption": QT_TR_NOOP(
        "Score of each population unit (0 = no service within reach, 100 = all of them). White background, no basemap (offline data). Coordinate reference system: {crs}."  # noqa: E501 (one literal for the catalogue)
    ),
    "map_missing": QT_TR_NOOP("Map not available."),
    "legend_score": QT_TR_NOOP("Coverage score (0–100)"),
    "legend_services": QT_TR_NOOP("Digital service places"),
    "legend_perimeter": QT_TR_NOOP("Perimeter"),
    "legend_fragile": QT_TR_NOOP("Poorly covered areas (table number)"),
    "north": QT_TR_NOOP("N"),
    # -- indicators -----------------------------------------------------------
    "sec_indicators": QT_TR_NOOP("Indicators by type of service"),
    "col_category": QT_TR_NOOP("Type of service"),
    "col_threshold": QT_TR_NOOP("Walking threshold"),
    "col_threshold_short": QT_TR_NOOP("Threshold"),
    "col_pop_new": QT_TR_NOOP("Inhabitants newly covered"),
    "col_services_added": QT_TR_NOOP("Places added"),
    "scenario_newly_any": QT_TR_NOOP("<b>{pop}</b> inhabitants gain at least one type of service within reach."),
    "col_weight": QT_TR_NOOP("Weight"),
    "col_services": QT_TR_NOOP("Places"),
    "col_pop_covered": QT_TR_NOOP("Inhabitants covered"),
    "col_share": QT_TR_NOOP("Share covered"),
    "col_median": QT_TR_NOOP("Median distance"),
    "indicators_note": QT_TR_NOOP(
        "An inhabitant is \"covered\" when the nearest place of the type is within the threshold. Median distance: half of the inhabitants live closer than this distance."  # noqa: E501 (one literal for the catalogue)
    ),
    "no_service": QT_TR_NOOP("no place"),
    "total_score": QT_TR_NOOP("Population-weighted mean score"),
    # -- charts ---------------------------------------------------------------
    "sec_charts": QT_TR_NOOP("Coverage against distance"),
    "charts_intro": QT_TR_NOOP(
        "Share of the inhabitants with a place of the type within the given distance ({method} distance). The dashed line marks the chosen threshold."  # noqa: E501 (one literal for the catalogue)
    ),
    "charts_missing": QT_TR_NOOP("Curves not available: the coverage layer lacks the distance fields {fields}."),
    "axis_distance": QT_TR_NOOP("distance (m)"),
    "threshold_label": QT_TR_NOOP("threshold {d}"),
    "chart_point": QT_TR_NOOP("{d}: {share}"),
    "chart_aria": QT_TR_NOOP("Coverage curves against distance, by type of service"),
    # -- fragile areas --------------------------------------------------------
    "sec_fragile": QT_TR_NOOP("Fragile areas left uncovered"),
    "fragile_intro_priority": QT_TR_NOOP(
        "The {n} units of highest priority (field <code>priority</code> of the layer), numbered on the map."
    ),
    "fragile_intro_low": QT_TR_NOOP(
        "The {n} most populated units among those scoring below {low}, numbered on the map. Units below {low} hold {pop} inhabitants in all."  # noqa: E501 (one literal for the catalogue)
    ),
    "fragile_none": QT_TR_NOOP("No unit scores below {low}: no fragile area to report."),
    "fragile_no_score": QT_TR_NOOP("The coverage layer has no <code>score</code> field: areas not ranked."),
    "col_rank": QT_TR_NOOP("No."),
    "col_unit": QT_TR_NOOP("Unit"),
    "col_population": QT_TR_NOOP("Inhabitants"),
    "col_score": QT_TR_NOOP("Score"),
    "col_fragility": QT_TR_NOOP("Fragility (0–10)"),
    "col_priority": QT_TR_NOOP("Priority"),
    "col_missing": QT_TR_NOOP("Out of reach (distance to the nearest)"),
    "col_position": QT_TR_NOOP("Position"),
    "unit_default": QT_TR_NOOP("Unit {id}"),
    "missing_none": QT_TR_NOOP("—"),
    "fragility_note": QT_TR_NOOP("Digital fragility: index from 0 to 10 (10 = most fragile)."),
    # -- scenario -------------------------------------------------------------
    "sec_scenario": QT_TR_NOOP("Scenario: before / after"),
    "scenario_named": QT_TR_NOOP("Scenario: {name}"),
    "scenario_intro": QT_TR_NOOP("Effect of the scenario on coverage, type by type (pts = percentage points)."),
    "scenario_added": QT_TR_NOOP("Places added: {names}."),
    "scenario_unknown": QT_TR_NOOP(
        "The scenario summary does not have the expected shape (<code>before</code>/<code>after</code> or <code>delta</code>); its values are shown as given."  # noqa: E501 (one literal for the catalogue)
    ),
    "col_before": QT_TR_NOOP("Before"),
    "col_after": QT_TR_NOOP("After"),
    "col_change": QT_TR_NOOP("Change"),
    "col_key": QT_TR_NOOP("Item"),
    "col_value": QT_TR_NOOP("Value"),
    "scenario_share": QT_TR_NOOP("share covered"),
    "scenario_pop": QT_TR_NOOP("inhabitants covered"),
    "points": QT_TR_NOOP("pts"),
    # -- methodology ----------------------------------------------------------
    "sec_method": QT_TR_NOOP("Method"),
    "method_straight_line": QT_TR_NOOP("straight-line"),
    "method_network": QT_TR_NOOP("walking-network"),
    "method_distance": QT_TR_NOOP(
        "<b>Distance</b>: for each population unit <i>u</i> (represented by its centroid) and each type of service <i>c</i>, d<sub>c</sub>(u) is the {method} distance to the nearest place of that type, measured in metres in {crs}."  # noqa: E501 (one literal for the catalogue)
    ),
    "method_coverage": QT_TR_NOOP(
        "<b>Coverage</b>: cov<sub>c</sub>(u) = 1 when d<sub>c</sub>(u) ≤ s<sub>c</sub> (walking threshold of the type), else 0. Inhabitants covered = Σ<sub>u</sub> P(u)·cov<sub>c</sub>(u), share covered = inhabitants covered / Σ<sub>u</sub> P(u), P(u) being the unit's population."  # noqa: E501 (one literal for the catalogue)
    ),
    "method_score": QT_TR_NOOP(
        "<b>Score</b>: score(u) = 100 × Σ<sub>c</sub> w<sub>c</sub>·cov<sub>c</sub>(u) / Σ<sub>c</sub> w<sub>c</sub>, from 0 (no type within reach) to 100 (all of them), w<sub>c</sub> being the type's weight. The mean score is weighted by population."  # noqa: E501 (one literal for the catalogue)
    ),
    "method_median": QT_TR_NOOP(
        "<b>Median distance</b>: the distance within which half of the population lives (weighted median). <b>Curves</b>: share of the population with d<sub>c</sub>(u) ≤ d, for d from 0 to {dmax}."  # noqa: E501 (one literal for the catalogue)
    ),
    "pdf_method": QT_TR_NOOP(
        "Distance: {method} distance from the centre of each population unit to the nearest place of each type of service, in metres ({crs}).\nCoverage: a unit is covered for a type when this distance is at most the type's walking threshold; the share covered is the share of the inhabitants of these units.\nScore of a unit = 100 × Σ (weights of the types covered) / Σ (weights of all types): 0 = no type within reach, 100 = all of them. The mean score is weighted by population.\nMedian distance: half of the inhabitants live closer."  # noqa: E501 (one literal for the catalogue)
    ),
    "pdf_score": QT_TR_NOOP("Mean coverage score: {score} / 100"),
    "method_extra": QT_TR_NOOP(
        "<b>Access method</b>: {method}, {decay} decay. Each type gets a sub-score s<sub>c</sub>(u) between 0 and 1 from this measure, and score(u) = 100 × Σ<sub>c</sub> w<sub>c</sub>·s<sub>c</sub>(u) / Σ<sub>c</sub> w<sub>c</sub> (with the default method, nearest place and strict threshold, s<sub>c</sub> = cov<sub>c</sub>)."  # noqa: E501 (one literal for the catalogue)
    ),
    "pdf_method_extra": QT_TR_NOOP(
        "Access method: {method}, {decay} decay; the score weights a 0-to-1 sub-score per type."
    ),
    "method_fragility": QT_TR_NOOP(
        "<b>Fragility and priority</b>: the digital fragility of each unit is an index from 0 to 10 (10 = most fragile; age, poverty, people living alone, single-parent families). Priority = fragility × (100 − score) / 10, from 0 to 100: high where fragile inhabitants are poorly served."  # noqa: E501 (one literal for the catalogue)
    ),
    "m_nearest": QT_TR_NOOP("nearest place"),
    "m_cumulative": QT_TR_NOOP("cumulative opportunities (number of places within reach)"),
    "m_2sfca": QT_TR_NOOP("2SFCA (two-step floating catchment: supply per inhabitant served)"),
    "m_e2sfca": QT_TR_NOOP("E2SFCA (2SFCA with distance decay)"),
    "d_step": QT_TR_NOOP("step"),
    "d_linear": QT_TR_NOOP("linear"),
    "d_gaussian": QT_TR_NOOP("gaussian"),
    "d_gravity": QT_TR_NOOP("gravity"),
    "param_access": QT_TR_NOOP("Access method"),
    "key_fragility": QT_TR_NOOP("mean digital fragility index of the inhabitants (out of 10)"),
    "col_fragile_not_covered": QT_TR_NOOP("Fragile inhabitants out of reach*"),
    "fragile_not_covered_note": QT_TR_NOOP(
        "* Inhabitants out of reach weighted by their fragility (inhabitants × fragility / 10)."
    ),
    "method_limits": QT_TR_NOOP(
        "<b>Limits</b>: {limit_distance} Opening hours, step-free access and capacity are not taken into account; places outside the area count when they are in the services layer."  # noqa: E501 (one literal for the catalogue)
    ),
    "limit_straight_line": QT_TR_NOOP("straight-line distance underestimates the actual walk (often by 20 to 40%)."),
    "limit_network": QT_TR_NOOP("the distance follows the available walking network, which may be incomplete."),
    # -- parameters -----------------------------------------------------------
    "sec_params": QT_TR_NOOP("Parameters used"),
    "param_population": QT_TR_NOOP("Population layer"),
    "param_population_field": QT_TR_NOOP("Population field"),
    "param_services": QT_TR_NOOP("Services layer"),
    "param_category_field": QT_TR_NOOP("Service type field"),
    "param_thresholds": QT_TR_NOOP("Walking thresholds"),
    "param_weights": QT_TR_NOOP("Weights in the score"),
    "param_method": QT_TR_NOOP("Distance"),
    "param_crs": QT_TR_NOOP("CRS of the distances"),
    "param_units": QT_TR_NOOP("Population units"),
    "param_units_value": QT_TR_NOOP("{n} units ({skipped} without geometry skipped)"),
    "param_services_count": QT_TR_NOOP("Service places"),
    "param_services_value": QT_TR_NOOP(
        "{n} places ({skipped} without geometry, {uncategorised} without type, skipped)"
    ),
    "param_left_out": QT_TR_NOOP("Services not counted as places"),
    "param_left_out_value": QT_TR_NOOP(
        "{itinerant} itinerant stop(s) (buses, mobile services), {far} service(s) too far from the population"
    ),
    "param_coverage_layer": QT_TR_NOOP("Coverage layer"),
    "param_scenario": QT_TR_NOOP("Scenario summary"),
    "layer_in_file": QT_TR_NOOP("{file}, layer {layer}"),
    # -- sources --------------------------------------------------------------
    "sec_sources": QT_TR_NOOP("Data sources and licences"),
    "sources_sample": QT_TR_NOOP(
        "Data of the offline Saint-Omer sample shipped with the plugin (real extracts, detailed provenance in <code>resources/sample/saint_omer/PROVENANCE.md</code>)."  # noqa: E501 (one literal for the catalogue)
    ),
    "sources_generic": QT_TR_NOOP(
        "Open data used by Ville numérique; the vintages given are those of the sample shipped with the plugin: check those of the layers you used."  # noqa: E501 (one literal for the catalogue)
    ),
    "col_data": QT_TR_NOOP("Data"),
    "col_producer": QT_TR_NOOP("Producer"),
    "col_date": QT_TR_NOOP("Vintage"),
    "col_licence": QT_TR_NOOP("Licence"),
    "col_attribution": QT_TR_NOOP("Attribution to show"),
    "sources_map": QT_TR_NOOP("Map: no basemap (offline data)."),
    # -- footer ---------------------------------------------------------------
    "footer": QT_TR_NOOP("{plugin} {version} — free QGIS plugin (GPL v2 or later)."),
    "units_m": QT_TR_NOOP("m"),
    "yes": QT_TR_NOOP("yes"),
}


#: The score classes of the map (``core/categories.py``, as the QGIS style).
SCORE_CLASSES = categories.SCORE_CLASSES


SERVICE_COLOUR = "#3f007d"


PERIMETER_COLOUR = "#333333"


#: Data sources of the plugin's open-data layers, with the vintages of the
#: offline Saint-Omer sample (``resources/sample/saint_omer/PROVENANCE.md``).
#: ``date``/``licence``/``attribution`` may be a plain string or ``{"fr", "en"}``.
SOURCES = (
    {
        "data": QT_TR_NOOP("Population by 200 m grid cell (Filosofi, gridded data)"),
        "producer": "INSEE",
        "date": "2021",
        "licence": "Licence Ouverte / Etalab 2.0",
        "attribution": "« Source : Insee, Filosofi 2021 — données carroyées »",
    },
    {
        "data": QT_TR_NOOP("Digital mediation places (Pas-de-Calais)"),
        "producer": "Les Assembleurs (hub Hauts-de-France) ; ANCT, Cartographie nationale",
        "date": "2023-05",
        "licence": "Licence Ouverte / Etalab 2.0",
        "attribution": "« Les Assembleurs ; ANCT, Cartographie nationale des lieux de médiation numérique »",
    },
    {
        "data": QT_TR_NOOP("France Services"),
        "producer": "ANCT",
        "date": "2023-07",
        "licence": "Licence Ouverte / Etalab 2.0",
        "attribution": "« ANCT — liste des structures France Services »",
    },
    {
        "data": QT_TR_NOOP("Third places (tiers-lieux)"),
        "producer": QT_TR_NOOP("France Tiers-Lieux, redistributed by ANCT"),
        "date": "2023-05",
        "licence": QT_TR_NOOP("Licence Ouverte 2.0 (national dataset); France Tiers-Lieux's own terms to check"),
        "attribution": "« France Tiers-Lieux »",
    },
    {
        "data": QT_TR_NOOP("Commune boundaries"),
        "producer": "IGN ADMIN EXPRESS COG ; INSEE COG ; france-geojson",
        "date": "2018",
        "licence": "Licence Ouverte / Etalab 2.0",
        "attribution": "« IGN – ADMIN EXPRESS COG 2018 ; INSEE COG 2018 ; france-geojson »",
    },
    {
        "data": QT_TR_NOOP("Railway station (list of stations)"),
        "producer": "SNCF Réseau",
        "date": QT_TR_NOOP("copy of August 2024"),
        "licence": QT_TR_NOOP("SNCF Open Data (licence of the dataset to check)"),
        "attribution": "« Source : SNCF Open Data »",
    },
)




def esc(value):
    """``value`` as HTML text: escaped, unless it is already :class:`Markup`."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def check_language(language):
    """``"fr"`` or ``"en"``; anything else is an :class:`InputError`."""
    code = (language or DEFAULT_LANGUAGE).strip().lower()[:2]
    if code not in LANGUAGES:
        raise InputError(
            tr("Unknown report language '{language}': use fr or en.").format(language=language)
        )
    return code


def text(key, language, **values):
    """Catalogue text ``key`` in ``language``, with ``values`` escaped into it."""
    template = translate_in(CATALOGUE[key], language)
    if not values:
        return Markup(template)
    return Markup(template.format(**{name: esc(value) for name, value in values.items()}))


def plain(markup):
    """Catalogue/HTML text as plain text (for the PDF layout): tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", str(markup)))


def category_label(code, language):
    return categories.label_in(code, language)


def category_short_label(code, language):
    return categories.label_in(code, language, short=True)


def category_colour(code):
    return categories.colour(code)


def _lang_value(value, language):
    """A text of :data:`SOURCES` in ``language`` (names and dates are the same in both)."""
    return translate_in(value, language) if isinstance(value, str) else value
