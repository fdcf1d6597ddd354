"""The report of a coverage result, for elected officials (pure Python, no QGIS).

Used by ``ville_numerique:report`` (``processing/report.py``), which reads the
coverage layer into :class:`Unit` objects, renders the map image and calls
:func:`build_html` (the self-contained HTML report) and :func:`layout_texts`
(the texts and tables put into the PDF print layout). Everything here runs in
a notebook::

    from ville_numerique.core import report
    html_text = report.build_html(summary, units, language="en")

Language
--------
The report is written in the language asked for (``"fr"`` by default,
``"en"`` on request), whatever the language of the QGIS interface. Its texts
are English sources in :data:`CATALOGUE` (marked with ``QT_TR_NOOP`` so that
``make i18n-update`` lists them in ``i18n/ville_numerique_fr.ts``, the one
catalogue of the plugin, beside the interface's texts); :func:`text` reads
them in the report's language with ``core.i18n.translate_in``. Catalogue texts
are trusted HTML (they may hold ``<sub>``, ``<b>``…); the values put into
them with :func:`text` are escaped. Category labels, colours and the score
classes come from ``core/categories.py``.

Escaping
--------
Any text that comes from a dataset (place and layer names, field values,
titles, file paths, JSON values) goes through :func:`esc` (``html.escape``):
a place named ``<script>alert(1)</script>`` is shown as text. Pre-built HTML
fragments are wrapped in :class:`Markup` so that they are not escaped twice.

Numbers
-------
French: ``15 174,5`` (no-break space U+00A0 between thousands, decimal
comma), ``94,3 %``; English: ``15,174.5``, ``94.3%`` (:func:`format_number`,
:func:`format_percent`).

Units
-----
A :class:`Unit` is one population unit of the coverage layer: population,
score, and per category the distance to the nearest service (``None`` or
``inf``: no service of that category) and the 0/1 coverage flag; optional
``fragility`` (0–10, 10 = most fragile), ``priority`` (higher = first), a
label and the WGS 84 position of its centroid.
"""

import base64
import html
import math
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from . import about, categories
from .errors import InputError
from .i18n import QT_TR_NOOP, tr, translate_in

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

#: A unit whose score is under this value counts as "poorly covered" (fragile
#: areas table when the layer has no ``priority`` field).
LOW_SCORE = 50.0
#: Number of units listed in the fragile areas table (numbered on the map).
FRAGILE_COUNT = 10

NBSP = "\u00a0"

# ---------------------------------------------------------------------------
# The two-language catalogue of the report body
# ---------------------------------------------------------------------------

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


class Markup(str):
    """HTML that is already safe: :func:`esc` leaves it as it is."""


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


def score_class_label(klass, language):
    """Legend label of a score class, e.g. ``0–20``."""
    return "{}–{}".format(format_number(klass.lower, language), format_number(klass.upper, language))


def _finite(value):
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def format_number(value, language, decimals=0):
    """``15174.5`` → ``"15 174,5"`` (fr, U+00A0 between thousands) or ``"15,174.5"`` (en).

    Rounded half away from zero (``2.5`` → ``3``); ``None``/NaN/inf → ``"—"``.
    """
    if not _finite(value):
        return "—"
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0"
    textual = "{:,.{d}f}".format(number, d=decimals)
    if language == "fr":
        textual = textual.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP)
    return textual


def format_population(value, language):
    """Inhabitants: one decimal when INSEE's value is fractional (``15 174,5``), else none."""
    if not _finite(value):
        return "—"
    decimals = 0 if abs(float(value) - round(float(value))) < 1e-9 else 1
    return format_number(value, language, decimals)


def format_percent(share, language, decimals=1):
    """``0.943`` → ``"94,3 %"`` (fr, no-break space) or ``"94.3%"`` (en)."""
    if not _finite(share):
        return "—"
    number = format_number(100.0 * float(share), language, decimals)
    return number + (NBSP + "%" if language == "fr" else "%")


def format_points(delta_share, language, decimals=1):
    """A change of share as signed percentage points: ``+12,5 pts`` / ``−3.0 pts``."""
    if not _finite(delta_share):
        return "—"
    return "{}{}{}".format(format_signed(100.0 * float(delta_share), language, decimals), NBSP,
                           text("points", language))


def format_signed(value, language, decimals=1):
    """``+1,5`` / ``−1,5`` (true minus sign) / ``0,0``."""
    if not _finite(value):
        return "—"
    number = format_number(value, language, decimals)
    if number.startswith("-"):
        return "\u2212" + number[1:]
    return ("+" if any(ch in "123456789" for ch in number) else "") + number


def format_distance(metres, language):
    """``1000`` → ``"1 000 m"``; ``None``/inf → ``"—"``."""
    if not _finite(metres):
        return "—"
    return format_number(metres, language, 0) + NBSP + "m"


def format_score(value, language):
    return format_number(value, language, 1)


_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def format_datetime(moment, language):
    """``22 novembre 2026 à 03:08`` / ``22 November 2026, 03:08`` (+ UTC offset when known).

    ``moment`` is a ``datetime`` or an ISO 8601 string; anything unreadable is
    returned as given.
    """
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    if not isinstance(moment, datetime):
        return "" if moment is None else str(moment)
    offset = ""
    if moment.utcoffset() is not None:
        minutes = int(moment.utcoffset().total_seconds() // 60)
        offset = " (UTC{}{:02d}:{:02d})".format("+" if minutes >= 0 else "\u2212", abs(minutes) // 60,
                                                 abs(minutes) % 60)
    if language == "fr":
        return "{} {} {} à {:02d}:{:02d}{}".format(
            moment.day, _MONTHS_FR[moment.month - 1], moment.year, moment.hour, moment.minute, offset)
    return "{} {} {}, {:02d}:{:02d}{}".format(
        moment.day, _MONTHS_EN[moment.month - 1], moment.year, moment.hour, moment.minute, offset)


# ---------------------------------------------------------------------------
# Units of the coverage layer
# ---------------------------------------------------------------------------


@dataclass
class Unit:
    """One population unit of the coverage layer (see the module docstring)."""

    fid: object
    population: float
    score: object = None  # float or None
    distances: dict = field(default_factory=dict)  # code -> metres (None/inf: no service)
    covered: dict = field(default_factory=dict)  # code -> 0/1 (None: unknown)
    label: str = ""
    fragility: object = None
    priority: object = None
    lon: object = None
    lat: object = None


def as_unit(value):
    """A :class:`Unit` from a Unit or a dict with the same keys."""
    if isinstance(value, Unit):
        return value
    return Unit(**value)


def _number_or_none(value):
    return float(value) if _finite(value) else None


def _distance(value):
    """Distance as a float; ``None``/NaN → inf (no service of that category)."""
    if value is None:
        return math.inf
    try:
        value = float(value)
    except (TypeError, ValueError):
        return math.inf
    return math.inf if math.isnan(value) else value


class CumulativeCoverage:
    """Share of the population within distance ``d`` of a category's nearest place.

    ``share(d) = Σ P(u) for d(u) <= d / Σ P(u)``; units without any place of
    the category (distance ``None``/inf) are never within reach. Population
    ``NaN``/``None`` counts as 0.
    """

    def __init__(self, distances, population):
        pairs = []
        total = 0.0
        for d, p in zip(distances, population):
            p = float(p) if _finite(p) else 0.0
            total += p
            d = _distance(d)
            if math.isfinite(d):
                pairs.append((d, p))
        pairs.sort()
        self.total = total
        self.distances = [d for d, _ in pairs]
        self.cumulative = []
        running = 0.0
        for _, p in pairs:
            running += p
            self.cumulative.append(running)

    def share(self, d):
        if self.total <= 0:
            return 0.0
        index = bisect_right(self.distances, d)
        return self.cumulative[index - 1] / self.total if index else 0.0

    def max_distance(self):
        return self.distances[-1] if self.distances else 0.0

    def steps(self, d_max):
        """``[(d, share)]`` breakpoints of the step curve up to ``d_max`` (last share kept once per d)."""
        result = []
        for d, c in zip(self.distances, self.cumulative):
            if d > d_max:
                break
            value = c / self.total if self.total > 0 else 0.0
            if result and result[-1][0] == d:
                result[-1] = (d, value)
            else:
                result.append((d, value))
        return result


def coverage_curve(distances, population, d_max, step):
    """``[(d, share within d)]`` for ``d = 0, step, 2·step … d_max`` (see :class:`CumulativeCoverage`)."""
    curve = CumulativeCoverage(distances, population)
    count = int(math.floor(d_max / step + 1e-9))
    return [(i * step, curve.share(i * step)) for i in range(count + 1)]


def nice_ceil(value, factors=(1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)):
    """The smallest round number (``factors`` × 10^k) that is >= ``value`` (``value`` > 0)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for factor in factors:
        candidate = factor * 10 ** exponent
        if candidate >= value - 1e-9:
            return candidate
    return 10.0 ** (exponent + 1)  # pragma: no cover


def nice_step(span, target=5):
    """A round tick step (1, 2, 2.5 or 5 × 10^k) giving at most ``target`` + 1 intervals over ``span``."""
    if span <= 0:
        return 1.0
    exponent = math.floor(math.log10(span / (target + 1)))
    for power in (exponent, exponent + 1, exponent + 2):
        for factor in (1.0, 2.0, 2.5, 5.0):
            candidate = factor * 10 ** power
            if span / candidate <= target + 1 + 1e-9:
                return candidate
    return 10.0 ** (exponent + 3)  # pragma: no cover


def chart_max_distance(summary, units):
    """Right end of the distance axis, shared by every category's chart.

    At least 1.5 × the largest threshold, at most 5 × it, otherwise the
    largest finite distance of the layer; rounded up to a round number.
    """
    thresholds = [float(c.get("threshold_m") or 0) for c in (summary.get("categories") or {}).values()]
    largest = max([t for t in thresholds if t > 0] or [1000.0])
    farthest = 0.0
    for unit in units:
        for d in unit.distances.values():
            d = _distance(d)
            if math.isfinite(d):
                farthest = max(farthest, d)
    return nice_ceil(max(1.5 * largest, min(farthest, 5.0 * largest)))


def chart_categories(summary, units):
    """Categories of the summary whose distances the layer has, and those it lacks."""
    codes = list((summary.get("categories") or {}).keys())
    present, missing = [], []
    for code in codes:
        if units and any(code in u.distances for u in units):
            present.append(code)
        else:
            missing.append(code)
    return present, missing


SVG_FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"'


def _svg_line(x1, y1, x2, y2, colour, width=1, dash=None):
    return '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="{}"{}/>'.format(
        x1, y1, x2, y2, colour, width, ' stroke-dasharray="{}"'.format(dash) if dash else "")


def _svg_text(x, y, value, size=10, colour="#555555", anchor="start", bold=False):
    """An SVG text; ``value`` is escaped."""
    return '<text x="{:.1f}" y="{:.1f}" font-size="{:.1f}"{} fill="{}" text-anchor="{}" {}>{}</text>'.format(
        x, y, size, ' font-weight="bold"' if bold else "", colour, anchor, SVG_FONT, esc(value))


def coverage_chart_svg(summary, units, language, columns=3, for_layout=False):
    """The charts of coverage against distance, one panel per category, as one SVG.

    Each panel: the step curve of :class:`CumulativeCoverage`, the threshold
    as a dashed line with the share it reaches, round ticks. Each x tick
    carries a ``<circle data-distance=… data-share=…>`` (the value plotted,
    also shown as a tooltip). ``for_layout`` writes a standalone file for
    QGIS's SVG renderer (XML declaration, explicit size). Returns ``""``
    when no category can be drawn.
    """
    language = check_language(language)
    units = [as_unit(u) for u in units]
    codes, _ = chart_categories(summary, units)
    if not codes:
        return ""
    d_max = chart_max_distance(summary, units)
    step = nice_step(d_max, 5)
    panel_w, panel_h = 300, 200
    left, right, top, bottom = 44, 14, 30, 36
    plot_w, plot_h = panel_w - left - right, panel_h - top - bottom
    columns = max(1, min(columns, len(codes)))
    rows = int(math.ceil(len(codes) / columns))
    width, height = panel_w * columns, panel_h * rows
    font = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"'
    out = []
    if for_layout:
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'role="img" aria-label="{aria}" class="charts">'.format(
            w=width, h=height, aria=esc(plain(text("chart_aria", language))))
    )
    out.append('<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>'.format(width, height))
    population = [u.population for u in units]
    categories = summary.get("categories") or {}
    for index, code in enumerate(codes):
        ox = (index % columns) * panel_w
        oy = (index // columns) * panel_h
        colour = category_colour(code)
        threshold = _number_or_none(categories[code].get("threshold_m"))
        curve = CumulativeCoverage([u.distances.get(code) for u in units], population)

        def x_of(d, ox=ox):
            return ox + left + plot_w * min(max(d, 0.0), d_max) / d_max

        def y_of(share, oy=oy):
            return oy + top + plot_h * (1.0 - share)

        out.append('<g class="chart" data-category="{}">'.format(esc(code)))
        out.append('<text x="{:.1f}" y="{:.1f}" font-size="13" font-weight="bold" fill="#222222" {}>{}</text>'.format(
            ox + left, oy + 18, font, esc(category_label(code, language))))
        # grid and y axis
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            y = y_of(share)
            out.append(_svg_line(ox + left, y, ox + left + plot_w, y, "#dddddd"))
            out.append(_svg_text(ox + left - 4, y + 3.5, format_percent(share, language, 0), anchor="end"))
        # x axis
        base = y_of(0.0)
        out.append(_svg_line(ox + left, base, ox + left + plot_w, base, "#888888"))
        ticks = int(round(d_max / step))
        for i in range(ticks + 1):
            d = i * step
            x = x_of(d)
            out.append(_svg_line(x, base, x, base + 4, "#888888"))
            out.append(_svg_text(x, base + 15, format_number(d, language, 0), anchor="middle"))
        out.append(_svg_text(ox + left + plot_w, base + 29, plain(text("axis_distance", language)), anchor="end"))
        # threshold
        if threshold is not None and threshold <= d_max:
            x = x_of(threshold)
            out.append(_svg_line(x, y_of(1.0), x, base, "#333333", dash="4,3"))
        # the curve (steps)
        points = curve.steps(d_max)
        if len(points) > 1500:  # keep the file small: sample the step function
            points = [(d, curve.share(d)) for d in (d_max * k / 600 for k in range(601))]
        path = ["M{:.2f},{:.2f}".format(x_of(0.0), y_of(curve.share(0.0)))]
        for d, share in points:
            path.append("H{:.2f}V{:.2f}".format(x_of(d), y_of(share)))
        path.append("H{:.2f}".format(x_of(d_max)))
        out.append('<path d="{}" fill="none" stroke="{}" stroke-width="2.2" stroke-linejoin="round"/>'.format(
            "".join(path), colour))
        # values at the ticks
        for i in range(ticks + 1):
            d = i * step
            share = curve.share(d)
            out.append('<circle cx="{:.2f}" cy="{:.2f}" r="2.4" fill="{}" data-distance="{:g}" data-share="{:.4f}">'
                       '<title>{}</title></circle>'.format(
                           x_of(d), y_of(share), colour, d, share,
                           esc(plain(text("chart_point", language, d=format_distance(d, language),
                                          share=format_percent(share, language))))))
        # share reached at the threshold
        if threshold is not None and threshold <= d_max:
            share = curve.share(threshold)
            x, y = x_of(threshold), y_of(share)
            out.append('<circle cx="{:.2f}" cy="{:.2f}" r="4" fill="#ffffff" stroke="{}" stroke-width="2" '
                       'data-distance="{:g}" data-share="{:.4f}" class="at-threshold"/>'.format(
                           x, y, colour, threshold, share))
            label = "{} — {}".format(format_percent(share, language, 0),
                                     plain(text("threshold_label", language, d=format_distance(threshold, language))))
            anchor, dx = ("start", 7) if x < ox + left + plot_w * 0.55 else ("end", -7)
            ly = y + 14 if share > 0.85 else y - 7
            out.append('<text x="{:.1f}" y="{:.1f}" font-size="10.5" font-weight="bold" fill="#222222" '
                       'text-anchor="{}" {}>{}</text>'.format(x + dx, ly, anchor, font, esc(label)))
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Fragile areas
# ---------------------------------------------------------------------------


def fragile_units(units, count=FRAGILE_COUNT, low_score=LOW_SCORE):
    """The areas to list (and number on the map).

    With ``priority`` values: the ``count`` units of highest priority (ties:
    more population first). Without: the ``count`` most populated units
    whose score is under ``low_score``. Returns ``(units, mode)`` with mode
    ``"priority"``, ``"low_score"`` or ``"no_score"``.
    """
    units = [as_unit(u) for u in units]
    with_priority = [u for u in units if _finite(u.priority)]
    if with_priority:
        ranked = sorted(with_priority, key=lambda u: (-float(u.priority), -(u.population or 0.0), str(u.fid)))
        return ranked[:count], "priority"
    if not any(_finite(u.score) for u in units):
        return [], "no_score"
    low = [u for u in units if _finite(u.score) and float(u.score) < low_score]
    ranked = sorted(low, key=lambda u: (-(u.population or 0.0), float(u.score), str(u.fid)))
    return ranked[:count], "low_score"


def missing_categories(unit, summary, language, short=False):
    """``[(label, distance text)]`` of the categories not within reach of ``unit`` (``short`` labels for the PDF)."""
    result = []
    for code, info in (summary.get("categories") or {}).items():
        covered = unit.covered.get(code)
        distance = _distance(unit.distances.get(code)) if code in unit.distances else None
        threshold = _number_or_none(info.get("threshold_m"))
        if covered is None and distance is not None and threshold is not None:
            covered = 1 if distance <= threshold else 0
        if covered == 0:
            shown = format_distance(distance, language) if distance is not None and math.isfinite(distance) \
                else plain(text("no_service", language))
            label = category_short_label(code, language) if short else category_label(code, language)
            result.append((label, shown))
    return result


def unit_label(unit, language):
    return unit.label if unit.label else plain(text("unit_default", language, id=unit.fid))


def format_position(unit, language):
    if not (_finite(unit.lat) and _finite(unit.lon)):
        return ""
    lat, lon = float(unit.lat), float(unit.lon)
    sep = "," if language == "fr" else "."
    return "{}° {}, {}° {}".format(
        "{:.4f}".format(abs(lat)).replace(".", sep), "N" if lat >= 0 else "S",
        "{:.4f}".format(abs(lon)).replace(".", sep), "E" if lon >= 0 else "O" if language == "fr" else "W")


# ---------------------------------------------------------------------------
# Scenario
# ---------------------------------------------------------------------------


def _looks_like_summary(value):
    return isinstance(value, dict) and isinstance(value.get("categories"), dict)


def _first_number(mapping, *keys):
    for key in keys:
        if isinstance(mapping, dict) and _finite(mapping.get(key)):
            return float(mapping[key])
    return None


def scenario_comparison(scenario):
    """Normalise a scenario summary into rows for the before/after table.

    The shape written by ``ville_numerique:scenario``::

        {"before": <coverage summary>, "after": <coverage summary>,
         "delta": {"categories": {code: {"population_newly_covered", "share_covered_change",
                                         "n_services_added", ...}},
                   "score_mean_change", "population_newly_covered_any", ...},
         "inputs": {"planned": <layer>, ...}, ...}

    Also read: a ``delta`` alone (changes only), the older names
    ``share_covered``/``population_covered``/``score_mean`` inside ``delta``,
    and optional ``name``/``title``, ``description``, ``added_services``
    (names or records with ``nom``/``name``).

    Returns ``{"name", "description", "added", "rows", "score", "newly_covered_any", "known",
    "scalars"}``; ``rows`` = ``[{code, services_added, share_before, share_after, share_delta,
    pop_before, pop_after, pop_new}]`` (missing values ``None``). ``known`` is False for any other
    shape: the report then lists the scalar values as given (``scalars``).
    """
    empty = {"name": "", "description": "", "added": [], "rows": [], "score": None, "newly_covered_any": None,
             "known": False, "scalars": []}
    if not isinstance(scenario, dict):
        return empty
    name = scenario.get("name") or scenario.get("title") or scenario.get("label") or ""
    planned = (scenario.get("inputs") or {}).get("planned") if isinstance(scenario.get("inputs"), dict) else None
    description = scenario.get("description") or ""
    added = []
    for key in ("added_services", "services_added", "added"):
        value = scenario.get(key)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    item = item.get("nom") or item.get("name") or item.get("id") or ""
                if item:
                    added.append(str(item))
    before, after = scenario.get("before"), scenario.get("after")
    delta = scenario.get("delta") if isinstance(scenario.get("delta"), dict) else {}
    delta_categories = delta.get("categories") if isinstance(delta.get("categories"), dict) else {
        k: v for k, v in delta.items() if isinstance(v, dict)}
    score_change = _first_number(delta, "score_mean_change", "score_mean")
    has_both = _looks_like_summary(before) and _looks_like_summary(after)
    if not has_both and not delta_categories and score_change is None:
        result = dict(empty, name=str(name), description=str(description), added=added)
        result["scalars"] = [(str(k), "" if v is None else str(v)) for k, v in scenario.items()
                             if isinstance(v, (str, int, float, bool)) or v is None]
        return result
    before_categories = before["categories"] if has_both else {}
    after_categories = after["categories"] if has_both else {}
    codes = list(before_categories) + [c for c in after_categories if c not in before_categories]
    codes += [c for c in delta_categories if c not in codes]
    rows = []
    for code in codes:
        b, a, d = before_categories.get(code) or {}, after_categories.get(code) or {}, delta_categories.get(code) or {}
        row = {
            "code": code,
            "share_before": _first_number(b, "share_covered"),
            "share_after": _first_number(a, "share_covered"),
            "pop_before": _first_number(b, "population_covered"),
            "pop_after": _first_number(a, "population_covered"),
            "services_added": _first_number(d, "n_services_added"),
        }
        if has_both and code not in before_categories:  # a type that only the scenario brings
            row["share_before"], row["pop_before"] = 0.0, 0.0
        if row["services_added"] is None and has_both and _finite(a.get("n_services")):
            row["services_added"] = float(a["n_services"]) - float(b.get("n_services") or 0)
        row["share_delta"] = _first_number(d, "share_covered_change", "share_covered")
        if row["share_delta"] is None and row["share_after"] is not None:
            row["share_delta"] = row["share_after"] - (row["share_before"] or 0.0)
        row["pop_new"] = _first_number(d, "population_newly_covered", "population_covered")
        if row["pop_new"] is None and row["pop_after"] is not None:
            row["pop_new"] = max(0.0, row["pop_after"] - (row["pop_before"] or 0.0))
        rows.append(row)
    score_before = _first_number(before, "score_mean") if has_both else None
    score_after = _first_number(after, "score_mean") if has_both else None
    if score_change is None and score_before is not None and score_after is not None:
        score_change = score_after - score_before
    if not name and planned:
        name = display_source(planned, "en").split(",")[0] if "|" not in str(planned) else \
            str(planned).partition("layername=")[2] or os.path.basename(str(planned).partition("|")[0])
    return {"name": str(name), "description": str(description), "added": added, "rows": rows,
            "score": {"before": score_before, "after": score_after, "delta": score_change},
            "newly_covered_any": _first_number(delta, "population_newly_covered_any"),
            "known": True, "scalars": []}


# ---------------------------------------------------------------------------
# Names, parameters
# ---------------------------------------------------------------------------


def _fold(value):
    import unicodedata

    text_ = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text_).strip()


def guess_place_name(names):
    """The most frequent name (case and accents ignored), in its best-written form.

    ``["Saint-Omer", "SAINT-OMER", "Arques"]`` → ``"Saint-Omer"``; ``""`` when none.
    """
    groups = {}
    for name in names:
        if name is None:
            continue
        name = str(name).strip()
        if not name or name.upper() == "NULL":
            continue
        groups.setdefault(_fold(name), []).append(name)
    if not groups:
        return ""
    best = max(groups.values(), key=len)
    written = [n for n in best if not n.isupper()] or best
    return max(set(written), key=written.count)


def default_title(place, language):
    if place:
        return plain(text("default_title", language, name=place))
    return plain(text("default_title_no_name", language))


def display_source(uri, language):
    """``/a/b/saint_omer.gpkg|layername=services`` → ``saint_omer.gpkg, couche services``.

    Only the file name is shown: a report is shared, paths on the author's
    disk are not its business.
    """
    if uri is None:
        return ""
    uri = str(uri)
    path, _, options = uri.partition("|")
    layer = ""
    for option in options.split("|"):
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername":
            layer = value
    name = os.path.basename(path.rstrip("/\\")) or path
    if layer:
        return plain(text("layer_in_file", language, file=name, layer=layer))
    return name


def uses_sample(summary):
    inputs = summary.get("inputs") or {}
    return any("saint_omer.gpkg" in str(inputs.get(key) or "") for key in ("population", "services"))


def distance_method(summary):
    return str(summary.get("distance_method") or "straight_line")


def method_words(summary, language):
    method = distance_method(summary)
    if method == "straight_line":
        return text("method_straight_line", language)
    if method.startswith("network"):
        return text("method_network", language)
    return esc(method)


def crs_words(summary):
    crs = summary.get("distance_crs") or {}
    authid, name = crs.get("authid") or "", crs.get("name") or ""
    if authid and name:
        return "{} ({})".format(authid, name)
    return authid or name or "—"


def access_method(summary):
    """``(method, decay)`` codes of the summary; ``(None, None)`` for the default (nearest, step)."""
    inputs = summary.get("inputs") if isinstance(summary.get("inputs"), dict) else {}
    method = str(summary.get("method") or inputs.get("method") or "nearest").lower()
    decay = str(summary.get("decay") or inputs.get("decay") or "step").lower()
    if method == "nearest" and decay == "step":
        return None, None
    return method, decay


def access_words(summary, language):
    """``(method words, decay words)`` in the report's language, or ``None`` for the default."""
    method, decay = access_method(summary)
    if method is None:
        return None
    method_text = text("m_" + method, language) if "m_" + method in CATALOGUE else esc(method)
    decay_text = text("d_" + decay, language) if "d_" + decay in CATALOGUE else esc(decay)
    return method_text, decay_text


def mapping_text(mapping, language, unit=""):
    if not isinstance(mapping, dict):
        return ""
    parts = []
    for code, value in mapping.items():
        shown = format_number(value, language, 0 if _finite(value) and float(value) == round(float(value)) else 1)
        parts.append("{} {}{}".format(category_label(code, language), shown, (NBSP + unit) if unit else ""))
    return " ; ".join(parts) if language == "fr" else "; ".join(parts)


# ---------------------------------------------------------------------------
# Key figures
# ---------------------------------------------------------------------------


def key_figures(summary, units, low_score=LOW_SCORE):
    """Figures of the head of the report (summary first, layer for what it lacks)."""
    units = [as_unit(u) for u in units]
    total = _number_or_none(summary.get("population_total"))
    if total is None:
        total = sum(u.population or 0.0 for u in units)
    scored = [u for u in units if _finite(u.score)]
    full = low = None
    if scored and total:
        full = sum(u.population or 0.0 for u in scored if float(u.score) >= 99.999) / total
        low = sum(u.population or 0.0 for u in scored if float(u.score) < low_score)
    counts = summary.get("counts") or {}
    return {
        "population": total,
        "score_mean": _number_or_none(summary.get("score_mean")),
        "share_full": full,
        "population_low": low,
        "share_low": (low / total) if low is not None and total else None,
        "services": counts.get("services"),
        "units": counts.get("population_units", len(units) or None),
        "fragility_mean": _number_or_none(summary.get("fragility_mean")),
    }


# ---------------------------------------------------------------------------
# The HTML report
# ---------------------------------------------------------------------------

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f4f4f1;color:#1e1e1e;font:15px/1.5 "DejaVu Sans","Liberation Sans",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;background:#fff;padding:28px 40px 40px}
header{border-bottom:4px solid #2c7bb6;padding-bottom:12px;margin-bottom:8px}
h1{font-size:28px;line-height:1.2;margin:0 0 6px}
.subtitle{font-size:17px;color:#444;margin:0 0 6px}
.meta{font-size:13px;color:#666;margin:0}
h2{font-size:20px;margin:34px 0 10px;padding-bottom:4px;border-bottom:1px solid #ddd;color:#17436b}
p{margin:6px 0 10px}
.note{font-size:13px;color:#555}
nav{font-size:13px;color:#444;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:2px 14px}
nav a{color:#17436b;white-space:nowrap}
.figures{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;margin:8px 0}
.figure{border:1px solid #dde3ea;border-left:5px solid #2c7bb6;border-radius:4px;padding:10px 14px;background:#f7fafc}
.figure.alert{border-left-color:#d7191c;background:#fdf5f4}
.figure b{display:block;font-size:26px;line-height:1.2;font-variant-numeric:tabular-nums}
.figure span{font-size:13px;color:#444}
.map{position:relative;border:1px solid #ccc;line-height:0}
.map img,.map svg{width:100%;height:auto;display:block}
.map svg.overlay{position:absolute;left:0;top:0;width:100%;height:100%}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;margin:8px 0 4px;align-items:center}
.legend .title{font-weight:bold;width:100%}
.swatch{display:inline-block;width:16px;height:12px;border:1px solid #777;vertical-align:-1px;margin-right:5px}
.dot{display:inline-block;width:11px;height:11px;border-radius:50%;border:2px solid #fff;
 box-shadow:0 0 0 1px #3f007d;background:#3f007d;vertical-align:-1px;margin-right:5px}
.line{display:inline-block;width:18px;border-top:2px solid #333;vertical-align:4px;margin-right:5px}
.num{display:inline-block;min-width:18px;height:18px;border-radius:50%;border:1.5px solid #111;background:#fff;
 font-size:11px;font-weight:bold;text-align:center;line-height:15px;margin-right:5px}
table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 8px}
th,td{padding:6px 8px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
th{background:#eef2f6;font-size:13px;color:#333}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
tr.total td{font-weight:bold;border-top:2px solid #bbb}
.bar{display:inline-block;height:9px;background:#2c7bb6;border-radius:2px;vertical-align:0;margin-left:6px}
.bar.low{background:#d7191c}
.charts{width:100%;height:auto}
dl.params{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font-size:14px}
dl.params dt{font-weight:bold;color:#333}
dl.params dd{margin:0;overflow-wrap:anywhere}
.formula p{margin:4px 0 8px}
code{font-size:90%;background:#f0f0f0;padding:0 3px;border-radius:2px}
footer{margin-top:36px;border-top:1px solid #ddd;padding-top:8px;font-size:12px;color:#666}
.up{color:#1a7f37;font-weight:bold}.down{color:#b42318;font-weight:bold}
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}
 section{break-inside:avoid-page}h2{break-after:avoid}nav{display:none}.figures{grid-template-columns:repeat(3,1fr)}}
@media (max-width:700px){main{padding:16px}.figures{grid-template-columns:1fr 1fr}}
""".strip()


def _data_uri(png, mime="image/png"):
    if isinstance(png, str):
        return png if png.startswith("data:") else ""
    return "data:{};base64,{}".format(mime, base64.b64encode(png).decode("ascii"))


def scale_bar_metres(width_m):
    """The largest 1, 2 or 5 × 10^k metres that is at most a quarter of the map width."""
    if not width_m or width_m <= 0:
        return 0.0
    limit = width_m / 4.0
    exponent = math.floor(math.log10(limit))
    best = 10.0 ** exponent
    for factor in (1.0, 2.0, 5.0):
        if factor * 10.0 ** exponent <= limit + 1e-9:
            best = factor * 10.0 ** exponent
    return best


def map_overlay_svg(width_px, height_px, metres_per_pixel, language):
    """Scale bar (bottom left) and north arrow (top right) drawn over the map image.

    The SVG has the image's pixel size as viewBox, so it scales with it.
    """
    font = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"'
    u = max(width_px, height_px) / 1000.0  # drawing unit: 1/1000 of the larger side
    parts = ['<svg class="overlay" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
             'aria-hidden="true">'.format(width_px, height_px)]
    if metres_per_pixel and metres_per_pixel > 0:
        length_m = scale_bar_metres(width_px * metres_per_pixel)
        bar_px = length_m / metres_per_pixel
        x0, y0 = 24 * u, height_px - 24 * u
        label = format_number(length_m, language, 0) + NBSP + "m" if length_m < 1000 else \
            format_number(length_m / 1000.0, language, 1 if length_m % 1000 else 0) + NBSP + "km"
        parts.append('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#ffffff" fill-opacity="0.85" '
                     'stroke="#999999" stroke-width="{:.1f}"/>'.format(
                         x0 - 10 * u, y0 - 34 * u, bar_px + 20 * u + 60 * u, 44 * u, u))
        half = bar_px / 2
        parts.append('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#222222"/>'.format(
            x0, y0 - 8 * u, half, 8 * u))
        parts.append('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#ffffff" stroke="#222222" '
                     'stroke-width="{:.1f}"/>'.format(x0 + half, y0 - 8 * u, half, 8 * u, 1.5 * u))
        parts.append('<text x="{:.1f}" y="{:.1f}" font-size="{:.1f}" {} fill="#222222">0</text>'.format(
            x0 - 3 * u, y0 - 14 * u, 16 * u, font))
        parts.append(_svg_text(x0 + bar_px - 6 * u, y0 - 14 * u, label, size=16 * u, colour="#222222"))
    # north arrow
    cx, cy = width_px - 40 * u, 30 * u
    parts.append('<g><circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}" fill="#ffffff" fill-opacity="0.85" stroke="#999999" '
                 'stroke-width="{:.1f}"/>'.format(cx, cy + 22 * u, 26 * u, u))
    parts.append('<path d="M{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} L{:.1f},{:.1f} Z" fill="#222222"/>'.format(
        cx, cy + 8 * u, cx + 9 * u, cy + 38 * u, cx, cy + 31 * u, cx - 9 * u, cy + 38 * u))
    parts.append('<text x="{:.1f}" y="{:.1f}" font-size="{:.1f}" font-weight="bold" {} text-anchor="middle" '
                 'fill="#222222">{}</text></g>'.format(cx, cy + 6 * u, 15 * u, font, text("north", language)))
    parts.append("</svg>")
    return "\n".join(parts)


def _section(anchor, title, body):
    return Markup('<section id="{}">\n<h2>{}</h2>\n{}\n</section>'.format(anchor, title, body))


def _td(value, numeric=False, extra=""):
    return '<td{}{}>{}</td>'.format(' class="n"' if numeric else "", extra, esc(value))


def _th(value, numeric=False):
    return '<th{}>{}</th>'.format(' class="n"' if numeric else "", value)


def _legend_html(language, map_info):
    parts = ['<div class="legend"><span class="title">{}</span>'.format(text("legend_score", language))]
    for klass in SCORE_CLASSES:
        parts.append('<span><i class="swatch" style="background:{}"></i>{}</span>'.format(
            klass.colour, score_class_label(klass, language)))
    parts.append("</div>")
    extra = []
    if map_info.get("has_services"):
        extra.append('<span><i class="dot"></i>{}</span>'.format(text("legend_services", language)))
    if map_info.get("has_perimeter"):
        extra.append('<span><i class="line"></i>{}</span>'.format(text("legend_perimeter", language)))
    if map_info.get("has_fragile"):
        extra.append('<span><i class="num">1</i>{}</span>'.format(text("legend_fragile", language)))
    if extra:
        parts.append('<div class="legend">{}</div>'.format("".join(extra)))
    return "".join(parts)


def build_html(summary, units, language=DEFAULT_LANGUAGE, title=None, place=None, map_image=None,
               map_info=None, scenario=None, sources=SOURCES, generated_at=None, qgis_version=None,
               coverage_source=None, scenario_source=None):
    """The self-contained HTML report (one string: CSS inline, images as data URIs).

    :param summary: the coverage summary (``ville_numerique:coverage`` SUMMARY JSON)
    :param units: :class:`Unit` objects (or dicts) of the coverage layer; may be empty
    :param language: ``"fr"`` (default) or ``"en"``
    :param title: report title; default "Couverture numérique — <place>"
    :param place: the place name used by the default title
    :param map_image: PNG bytes of the map (or ``None``: no map)
    :param map_info: ``{"width_px", "height_px", "metres_per_pixel", "crs", "has_services",
        "has_perimeter", "has_fragile"}`` — what the map shows, for the legend and scale bar
    :param scenario: a scenario summary dict, or ``None``
    :param sources: rows of the data sources table (default :data:`SOURCES`)
    :param generated_at: ``datetime`` of the report (default: now, local time)
    :param qgis_version: shown in the head and footer
    :param coverage_source: the coverage layer's source, shown in the parameters
    :param scenario_source: the scenario summary's file, shown in the parameters
    """
    language = check_language(language)
    if not isinstance(summary, dict):
        raise InputError(tr("The coverage summary must be a JSON object."))
    units = [as_unit(u) for u in units or ()]
    map_info = dict(map_info or {})
    generated_at = generated_at or datetime.now().astimezone()
    title = title if title else default_title(place, language)
    categories = summary.get("categories") or {}
    figures = key_figures(summary, units)
    fragile, fragile_mode = fragile_units(units)
    has_fragility = any(_finite(u.fragility) for u in units)

    nav, sections = [], []

    # -- key figures --------------------------------------------------------
    cards = [
        ('', format_population(figures["population"], language), text("key_population", language)),
        ('', format_score(figures["score_mean"], language), text("key_score", language)),
    ]
    if figures["share_full"] is not None:
        cards.append(('', format_percent(figures["share_full"], language), text("key_full", language)))
    if figures["population_low"] is not None:
        cards.append((' alert', format_population(figures["population_low"], language),
                      text("key_low", language, low=format_number(LOW_SCORE, language),
                           share=format_percent(figures["share_low"], language))))
    if figures["fragility_mean"] is not None:
        cards.append(('', format_number(figures["fragility_mean"], language, 1) + " / 10",
                      text("key_fragility", language)))
    if figures["services"] is not None:
        cards.append(('', format_number(figures["services"], language), text("key_services", language)))
    if figures["units"] is not None:
        cards.append(('', format_number(figures["units"], language), text("key_units", language)))
    body = '<div class="figures">{}</div>'.format("".join(
        '<div class="figure{}"><b>{}</b><span>{}</span></div>'.format(cls, esc(value), label)
        for cls, value, label in cards))
    sections.append(_section("chiffres", text("sec_key", language), body))
    nav.append(("chiffres", text("sec_key", language)))

    # -- map ----------------------------------------------------------------
    if map_image:
        overlay = ""
        if map_info.get("width_px") and map_info.get("height_px"):
            overlay = map_overlay_svg(map_info["width_px"], map_info["height_px"],
                                      map_info.get("metres_per_pixel"), language)
        body = ('<div class="map"><img src="{src}" alt="{alt}" width="{w}" height="{h}">{overlay}</div>\n'
                '{legend}\n<p class="note">{caption}</p>').format(
            src=_data_uri(map_image), alt=esc(plain(text("map_alt", language))),
            w=int(map_info.get("width_px") or 0) or "", h=int(map_info.get("height_px") or 0) or "",
            overlay=overlay, legend=_legend_html(language, map_info),
            caption=text("map_caption", language, crs=map_info.get("crs") or crs_words(summary)))
    else:
        body = '<p class="note">{}</p>'.format(text("map_missing", language))
    sections.append(_section("carte", text("sec_map", language), body))
    nav.append(("carte", text("sec_map", language)))

    # -- indicators ---------------------------------------------------------
    with_fragile = any(_finite((info or {}).get("fragile_population_not_covered")) for info in categories.values())
    head = "<tr>{}</tr>".format("".join([
        _th(text("col_category", language)), _th(text("col_threshold", language), True),
        _th(text("col_weight", language), True), _th(text("col_services", language), True),
        _th(text("col_pop_covered", language), True), _th(text("col_share", language), True),
        _th(text("col_median", language), True)]
        + ([_th(text("col_fragile_not_covered", language), True)] if with_fragile else [])))
    rows = []
    for code, info in categories.items():
        share = _number_or_none(info.get("share_covered"))
        bar = ""
        if share is not None:
            bar = '<span class="bar{}" style="width:{:.0f}px"></span>'.format(
                " low" if share < 0.5 else "", 60 * max(0.0, min(1.0, share)))
        median = info.get("median_distance_m")
        fragile_cell = _td(format_number(info.get("fragile_population_not_covered"), language, 0), True) \
            if with_fragile else ""
        rows.append("<tr>{}{}{}{}{}<td class=\"n\">{}{}</td>{}{}</tr>".format(
            _td(category_label(code, language)),
            _td(format_distance(info.get("threshold_m"), language), True),
            _td(format_number(info.get("weight"), language, 0 if _finite(info.get("weight")) and
                              float(info.get("weight")) == round(float(info.get("weight"))) else 1), True),
            _td(format_number(info.get("n_services"), language), True),
            _td(format_population(info.get("population_covered"), language), True),
            esc(format_percent(share, language)), bar,
            _td(format_distance(median, language) if median is not None else plain(text("no_service", language))
                if not info.get("n_services") else "—", True), fragile_cell))
    rows.append('<tr class="total"><td colspan="6">{}</td>{}{}</tr>'.format(
        text("total_score", language), _td(format_score(summary.get("score_mean"), language) + " / 100", True),
        "<td></td>" if with_fragile else ""))
    notes = [text("indicators_note", language)]
    if with_fragile:
        notes.append(text("fragile_not_covered_note", language))
    body = '<table>\n<thead>{}</thead>\n<tbody>\n{}\n</tbody>\n</table>\n<p class="note">{}</p>'.format(
        head, "\n".join(rows), " ".join(notes))
    sections.append(_section("indicateurs", text("sec_indicators", language), body))
    nav.append(("indicateurs", text("sec_indicators", language)))

    # -- charts -------------------------------------------------------------
    present, missing = chart_categories(summary, units)
    parts = ['<p>{}</p>'.format(text("charts_intro", language, method=method_words(summary, language)))]
    if present:
        parts.append(coverage_chart_svg(summary, units, language))
    if missing:
        from_fields = ", ".join("dist_" + code for code in missing)
        parts.append('<p class="note">{}</p>'.format(text("charts_missing", language, fields=from_fields)))
    sections.append(_section("courbes", text("sec_charts", language), "\n".join(parts)))
    nav.append(("courbes", text("sec_charts", language)))

    # -- fragile areas ------------------------------------------------------
    parts = []
    if fragile_mode == "no_score":
        parts.append('<p class="note">{}</p>'.format(text("fragile_no_score", language)))
    elif not fragile:
        parts.append("<p>{}</p>".format(text("fragile_none", language, low=format_number(LOW_SCORE, language))))
    else:
        if fragile_mode == "priority":
            parts.append("<p>{}</p>".format(text("fragile_intro_priority", language, n=len(fragile))))
        else:
            parts.append("<p>{}</p>".format(text(
                "fragile_intro_low", language, n=len(fragile), low=format_number(LOW_SCORE, language),
                pop=format_population(figures["population_low"], language))))
        heads = [_th(text("col_rank", language), True), _th(text("col_unit", language)),
                 _th(text("col_population", language), True), _th(text("col_score", language), True)]
        if has_fragility:
            heads.append(_th(text("col_fragility", language), True))
        if fragile_mode == "priority":
            heads.append(_th(text("col_priority", language), True))
        heads.append(_th(text("col_missing", language)))
        trs = []
        for rank, unit in enumerate(fragile, 1):
            missing_text = ", ".join("{} ({})".format(label, d) for label, d in
                                     missing_categories(unit, summary, language)) \
                or plain(text("missing_none", language))
            position = format_position(unit, language)
            cells = [_td(rank, True), '<td>{}{}</td>'.format(
                esc(unit_label(unit, language)),
                '<br><span class="note">{}</span>'.format(esc(position)) if position else ""),
                _td(format_population(unit.population, language), True),
                _td(format_score(unit.score, language), True)]
            if has_fragility:
                cells.append(_td(format_number(unit.fragility, language, 1), True))
            if fragile_mode == "priority":
                cells.append(_td(format_number(unit.priority, language, 2), True))
            cells.append(_td(missing_text))
            trs.append("<tr>{}</tr>".format("".join(cells)))
        parts.append("<table>\n<thead><tr>{}</tr></thead>\n<tbody>\n{}\n</tbody>\n</table>".format(
            "".join(heads), "\n".join(trs)))
        if has_fragility:
            parts.append('<p class="note">{}</p>'.format(text("fragility_note", language)))
    sections.append(_section("fragiles", text("sec_fragile", language), "\n".join(parts)))
    nav.append(("fragiles", text("sec_fragile", language)))

    # -- scenario -----------------------------------------------------------
    if scenario is not None:
        sections.append(_scenario_section(scenario, language))
        nav.append(("scenario", text("sec_scenario", language)))

    # -- method -------------------------------------------------------------
    limit = "limit_straight_line" if distance_method(summary) == "straight_line" else "limit_network"
    parts = ['<div class="formula">',
             "<p>{}</p>".format(text("method_distance", language, method=method_words(summary, language),
                                     crs=crs_words(summary))),
             "<p>{}</p>".format(text("method_coverage", language)),
             "<p>{}</p>".format(text("method_score", language)),
             "<p>{}</p>".format(text("method_median", language,
                                     dmax=format_distance(chart_max_distance(summary, units), language)))]
    words = access_words(summary, language)
    if words:
        parts.append("<p>{}</p>".format(text("method_extra", language, method=words[0], decay=words[1])))
    parts.append("<p>{}</p>".format(text("method_limits", language, limit_distance=text(limit, language))))
    if has_fragility or _finite(summary.get("fragility_mean")):
        parts.append("<p>{}</p>".format(text("method_fragility", language)))
    parts.append("</div>")
    sections.append(_section("methode", text("sec_method", language), "\n".join(parts)))
    nav.append(("methode", text("sec_method", language)))

    # -- parameters ---------------------------------------------------------
    sections.append(_section("parametres", text("sec_params", language),
                             _parameters_html(summary, language, coverage_source, scenario_source)))
    nav.append(("parametres", text("sec_params", language)))

    # -- sources ------------------------------------------------------------
    intro = text("sources_sample" if uses_sample(summary) else "sources_generic", language)
    trs = []
    for source in sources or ():
        trs.append("<tr>{}</tr>".format("".join(
            _td(_lang_value(source.get(key), language)) for key in ("data", "producer", "date", "licence",
                                                                    "attribution"))))
    body = ('<p>{}</p>\n<table>\n<thead><tr>{}</tr></thead>\n<tbody>\n{}\n</tbody>\n</table>\n'
            '<p class="note">{}</p>').format(
        intro, "".join(_th(text(key, language)) for key in ("col_data", "col_producer", "col_date", "col_licence",
                                                            "col_attribution")),
        "\n".join(trs), text("sources_map", language))
    sections.append(_section("sources", text("sec_sources", language), body))
    nav.append(("sources", text("sec_sources", language)))

    # -- page ---------------------------------------------------------------
    plugin = about.title()
    version = (summary.get("plugin") or {}).get("version") or about.version()
    qgis = qgis_version or summary.get("qgis_version") or "—"
    meta = [text("generated", language, date=format_datetime(generated_at, language), plugin=plugin,
                 version=about.version(), qgis=qgis)]
    if summary.get("generated_at"):
        meta.append(text("computed", language, date=format_datetime(summary["generated_at"], language)))
    nav_html = '<nav aria-label="{}">{}</nav>'.format(
        esc(plain(text("contents", language))),
        "".join('<a href="#{}">{}</a>'.format(anchor, label) for anchor, label in nav))
    document = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{generator}">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<main>
<header>
<h1>{title}</h1>
<p class="subtitle">{subtitle}</p>
<p class="meta">{meta}</p>
{nav}
</header>
{sections}
<footer>{footer}</footer>
</main>
</body>
</html>
""".format(
        lang=language, generator=esc("{} {}".format(about.PLUGIN_ID, about.version())), title=esc(title),
        css=CSS, subtitle=text("subtitle", language), meta=" ".join(meta), nav=nav_html,
        sections="\n".join(sections),
        footer=text("footer", language, plugin=plugin, version=version))
    return document


def _lang_value(value, language):
    """A text of :data:`SOURCES` in ``language`` (names and dates are the same in both)."""
    return translate_in(value, language) if isinstance(value, str) else value


def _parameters_html(summary, language, coverage_source=None, scenario_source=None):
    inputs = summary.get("inputs") or {}
    counts = summary.get("counts") or {}
    items = []
    if coverage_source:
        items.append((text("param_coverage_layer", language), esc(display_source(coverage_source, language))))
    if inputs.get("population"):
        items.append((text("param_population", language), esc(display_source(inputs["population"], language))))
    if inputs.get("population_field"):
        items.append((text("param_population_field", language), Markup("<code>{}</code>".format(
            esc(inputs["population_field"])))))
    if inputs.get("services"):
        items.append((text("param_services", language), esc(display_source(inputs["services"], language))))
    if inputs.get("category_field"):
        items.append((text("param_category_field", language), Markup("<code>{}</code>".format(
            esc(inputs["category_field"])))))
    thresholds = inputs.get("thresholds_m") or {c: v.get("threshold_m") for c, v in
                                                 (summary.get("categories") or {}).items()}
    if thresholds:
        items.append((text("param_thresholds", language), esc(mapping_text(thresholds, language, "m"))))
    weights = inputs.get("weights") or {c: v.get("weight") for c, v in (summary.get("categories") or {}).items()}
    if weights:
        items.append((text("param_weights", language), esc(mapping_text(weights, language))))
    items.append((text("param_method", language), method_words(summary, language)))
    items.append((text("param_crs", language), esc(crs_words(summary))))
    words = access_words(summary, language)
    items.append((text("param_access", language), "{}, {}".format(*words) if words else
                  text("m_nearest", language)))
    if counts.get("population_units") is not None:
        items.append((text("param_units", language), text(
            "param_units_value", language, n=format_number(counts.get("population_units"), language),
            skipped=format_number(counts.get("population_units_skipped_null_geometry", 0), language))))
    if counts.get("services") is not None:
        items.append((text("param_services_count", language), text(
            "param_services_value", language, n=format_number(counts.get("services"), language),
            skipped=format_number(counts.get("services_skipped_null_geometry", 0), language),
            uncategorised=format_number(counts.get("services_without_category", 0), language))))
    if scenario_source:
        items.append((text("param_scenario", language), esc(display_source(scenario_source, language))))
    return '<dl class="params">\n{}\n</dl>'.format("\n".join(
        "<dt>{}</dt><dd>{}</dd>".format(key, value) for key, value in items))


def _whole_or_one(value):
    return 0 if value is None or abs(value - round(value)) < 1e-9 else 1


def scenario_table(data, language):
    """The before/after table of :func:`scenario_comparison` data, as plain texts.

    ``{"headers", "rows", "numeric", "widths", "changes"}``: ``changes`` holds,
    per row, the signed share change (for colouring), ``None`` when unknown.
    """
    p = plain
    headers = [p(text(k, language)) for k in ("col_category", "col_services_added", "col_before", "col_after",
                                               "col_change", "col_pop_new")]
    rows, changes = [], []
    for row in data["rows"]:
        added = row["services_added"]
        rows.append([
            category_label(row["code"], language),
            format_signed(added, language, 0) if added else ("0" if added == 0 else "—"),
            format_percent(row["share_before"], language), format_percent(row["share_after"], language),
            format_points(row["share_delta"], language),
            format_signed(row["pop_new"], language, _whole_or_one(row["pop_new"])) if row["pop_new"] else
            ("0" if row["pop_new"] == 0 else "—"),
        ])
        changes.append(row["share_delta"])
    score = data["score"] or {}
    if any(score.get(k) is not None for k in ("before", "after", "delta")):
        rows.append([p(text("total_score", language)), "", format_score(score.get("before"), language),
                     format_score(score.get("after"), language), format_signed(score.get("delta"), language, 1), ""])
        changes.append(score.get("delta"))
    return {"headers": headers, "rows": rows, "numeric": [False, True, True, True, True, True],
            "widths": [34, 12, 12, 12, 14, 20], "changes": changes}


def _scenario_section(scenario, language):
    data = scenario_comparison(scenario)
    title = text("scenario_named", language, name=data["name"]) if data["name"] else text("sec_scenario", language)
    parts = []
    if data["description"]:
        parts.append("<p>{}</p>".format(esc(data["description"])))
    if data["added"]:
        parts.append("<p>{}</p>".format(text("scenario_added", language, names=", ".join(data["added"]))))
    if data["known"]:
        if data.get("newly_covered_any"):
            parts.append("<p>{}</p>".format(text(
                "scenario_newly_any", language,
                pop=format_population(data["newly_covered_any"], language))))
        parts.append('<p class="note">{}</p>'.format(text("scenario_intro", language)))
        table = scenario_table(data, language)
        head = "<tr>{}</tr>".format("".join(_th(esc(h), n) for h, n in zip(table["headers"], table["numeric"])))
        trs = []
        for index, (row, change) in enumerate(zip(table["rows"], table["changes"])):
            cells = []
            for column, (value, numeric) in enumerate(zip(row, table["numeric"])):
                extra = ""
                if column == 4 and change:
                    extra = ' class="n {}"'.format("up" if change > 0 else "down")
                    cells.append("<td{}>{}</td>".format(extra, esc(value)))
                else:
                    cells.append(_td(value, numeric))
            is_total = index == len(table["rows"]) - 1 and len(table["rows"]) > len(data["rows"])
            trs.append('<tr{}>{}</tr>'.format(' class="total"' if is_total else "", "".join(cells)))
        parts.append("<table>\n<thead>{}</thead>\n<tbody>\n{}\n</tbody>\n</table>".format(head, "\n".join(trs)))
    else:
        parts.append('<p class="note">{}</p>'.format(text("scenario_unknown", language)))
        if data["scalars"]:
            parts.append("<table>\n<thead><tr>{}{}</tr></thead>\n<tbody>\n{}\n</tbody>\n</table>".format(
                _th(text("col_key", language)), _th(text("col_value", language)),
                "\n".join("<tr>{}{}</tr>".format(_td(k), _td(v)) for k, v in data["scalars"])))
    return _section("scenario", title, "\n".join(parts))


# ---------------------------------------------------------------------------
# Texts of the PDF print layout
# ---------------------------------------------------------------------------


def layout_texts(summary, units, language=DEFAULT_LANGUAGE, title=None, place=None, scenario=None,
                 sources=SOURCES, generated_at=None, qgis_version=None):
    """Plain texts and table contents for the print layout template.

    Returns a dict of plain strings (``title``, ``subtitle``, ``key_title``,
    ``key_figures``, ``indicators_title``, ``charts_title``, ``charts_intro``,
    ``fragile_title``, ``fragile_intro``, ``method_title``, ``method``,
    ``scenario_title``, ``scenario_intro``, ``sources``, ``footer``) and of
    tables ``indicators``, ``fragile``, ``scenario`` (``None`` when absent)
    shaped ``{"headers": [...], "rows": [[...]], "numeric": [bool per column],
    "widths": [relative width per column]}``; ``legend`` and ``classes`` name
    the legend entries. Values from datasets stay plain text: the layout
    draws text, not HTML.
    """
    language = check_language(language)
    units = [as_unit(u) for u in units or ()]
    generated_at = generated_at or datetime.now().astimezone()
    title = title if title else default_title(place, language)
    figures = key_figures(summary, units)
    categories = summary.get("categories") or {}
    p = plain

    key_lines = [
        "{} {}".format(format_population(figures["population"], language), p(text("key_population", language))),
        p(text("pdf_score", language, score=format_score(figures["score_mean"], language))),
    ]
    if figures["share_full"] is not None:
        key_lines.append("{} {}".format(format_percent(figures["share_full"], language), p(text("key_full", language))))
    if figures["population_low"] is not None:
        key_lines.append("{} {}".format(
            format_population(figures["population_low"], language),
            p(text("key_low", language, low=format_number(LOW_SCORE, language),
                   share=format_percent(figures["share_low"], language)))))

    indicators = {
        "headers": [p(text(k, language)) for k in ("col_category", "col_threshold_short", "col_services",
                                                   "col_pop_covered", "col_share", "col_median")],
        "numeric": [False, True, True, True, True, True],
        "widths": [31, 12, 8, 16, 14, 15],
        "rows": [],
    }
    for code, info in categories.items():
        median = info.get("median_distance_m")
        indicators["rows"].append([
            category_short_label(code, language), format_distance(info.get("threshold_m"), language),
            format_number(info.get("n_services"), language),
            format_population(info.get("population_covered"), language),
            format_percent(info.get("share_covered"), language),
            format_distance(median, language) if median is not None else "—",
        ])

    fragile, mode = fragile_units(units)
    fragile_table = None
    if fragile:
        headers = [p(text("col_rank", language)), p(text("col_unit", language)),
                   p(text("col_population", language)), p(text("col_score", language))]
        numeric, widths = [True, False, True, True], [6, 48, 14, 10]
        has_fragility = any(_finite(u.fragility) for u in fragile)
        if has_fragility:
            headers.append(p(text("col_fragility", language)))
            numeric.append(True)
            widths.append(16)
        if mode == "priority":
            headers.append(p(text("col_priority", language)))
            numeric.append(True)
            widths.append(12)
        headers.append(p(text("col_missing", language)))
        numeric.append(False)
        widths.append(180 - sum(widths[4:]))
        rows = []
        for rank, unit in enumerate(fragile, 1):
            row = [str(rank), unit_label(unit, language), format_population(unit.population, language),
                   format_score(unit.score, language)]
            if has_fragility:
                row.append(format_number(unit.fragility, language, 1))
            if mode == "priority":
                row.append(format_number(unit.priority, language, 2))
            row.append(", ".join("{} ({})".format(label, d) for label, d in
                                 missing_categories(unit, summary, language, short=True)) or "—")
            rows.append(row)
        fragile_table = {"headers": headers, "rows": rows, "numeric": numeric, "widths": widths}
    if mode == "priority" and fragile:
        fragile_intro = p(text("fragile_intro_priority", language, n=len(fragile)))
    elif fragile:
        fragile_intro = p(text("fragile_intro_low", language, n=len(fragile), low=format_number(LOW_SCORE, language),
                               pop=format_population(figures["population_low"], language)))
    elif mode == "no_score":
        fragile_intro = p(text("fragile_no_score", language))
    else:
        fragile_intro = p(text("fragile_none", language, low=format_number(LOW_SCORE, language)))

    scenario_layout = None
    scenario_title = ""
    scenario_intro = ""
    if scenario is not None:
        data = scenario_comparison(scenario)
        scenario_title = p(text("scenario_named", language, name=data["name"])) if data["name"] else \
            p(text("sec_scenario", language))
        intro = [data["description"]] if data["description"] else []
        if data["added"]:
            intro.append(p(text("scenario_added", language, names=", ".join(data["added"]))))
        if data["known"]:
            if data.get("newly_covered_any"):
                intro.append(p(text("scenario_newly_any", language,
                                    pop=format_population(data["newly_covered_any"], language))))
            intro.append(p(text("scenario_intro", language)))
            scenario_layout = scenario_table(data, language)
            scenario_layout.pop("changes")
        else:
            intro.append(p(text("scenario_unknown", language)))
            scenario_layout = {"headers": [p(text("col_key", language)), p(text("col_value", language))],
                              "numeric": [False, False], "widths": [1, 2],
                              "rows": [[k, v] for k, v in data["scalars"]]}
        scenario_intro = "\n".join(intro)

    limit = "limit_straight_line" if distance_method(summary) == "straight_line" else "limit_network"
    method = "\n".join(p(x) for x in (
        text("pdf_method", language, method=method_words(summary, language), crs=crs_words(summary)),
        text("method_limits", language, limit_distance=text(limit, language)),
    ))
    words = access_words(summary, language)
    if words:
        method += "\n" + p(text("pdf_method_extra", language, method=words[0], decay=words[1]))
    if any(_finite(u.fragility) for u in units):
        method += "\n" + p(text("method_fragility", language))
    inputs = summary.get("inputs") or {}
    params = []
    if inputs.get("population"):
        params.append("{} : {}".format(p(text("param_population", language)),
                                       display_source(inputs["population"], language)))
    if inputs.get("services"):
        params.append("{} : {}".format(p(text("param_services", language)),
                                       display_source(inputs["services"], language)))
    if inputs.get("thresholds_m"):
        params.append("{} : {}".format(p(text("param_thresholds", language)),
                                       mapping_text(inputs["thresholds_m"], language, "m")))
    if inputs.get("weights"):
        params.append("{} : {}".format(p(text("param_weights", language)), mapping_text(inputs["weights"], language)))
    if language == "en":
        params = [x.replace(" : ", ": ", 1) for x in params]
    method = method + "\n\n" + p(text("sec_params", language)) + "\n" + "\n".join(params)

    source_lines = [p(text("sec_sources", language)) + (" — " if language == "fr" else " — ") +
                    p(text("sources_sample" if uses_sample(summary) else "sources_generic", language))]
    for source in sources or ():  # the attribution names the producer: one line per source
        values = {key: _lang_value(source.get(key), language) for key in ("data", "producer", "date", "licence",
                                                                          "attribution")}
        source_lines.append("• {} ({}) — {} — {}".format(
            values["data"], values["date"], values["licence"], values["attribution"] or values["producer"]))
    source_lines.append(p(text("sources_map", language)))

    plugin = about.title()
    footer = p(text("generated", language, date=format_datetime(generated_at, language), plugin=plugin,
                    version=about.version(), qgis=qgis_version or summary.get("qgis_version") or "—"))
    if summary.get("generated_at"):
        footer += " " + p(text("computed", language, date=format_datetime(summary["generated_at"], language)))

    return {
        "title": title,
        "subtitle": p(text("subtitle", language)),
        "key_figures": "\n".join(key_lines),
        "indicators": indicators,
        "fragile": fragile_table,
        "fragile_title": p(text("sec_fragile", language)),
        "fragile_intro": fragile_intro,
        "scenario": scenario_layout,
        "scenario_title": scenario_title,
        "scenario_intro": scenario_intro,
        "method_title": p(text("sec_method", language)),
        "method": method,
        "charts_title": p(text("sec_charts", language)),
        "charts_intro": p(text("charts_intro", language, method=method_words(summary, language))),
        "sources": "\n".join(source_lines),
        "footer": footer,
        "legend": {
            "title": p(text("legend_score", language)),
            "score": p(text("legend_score", language)),
            "services": p(text("legend_services", language)),
            "perimeter": p(text("legend_perimeter", language)),
            "fragile": p(text("legend_fragile", language)),
        },
        "classes": [score_class_label(klass, language) for klass in SCORE_CLASSES],
        "indicators_title": p(text("sec_indicators", language)),
        "key_title": p(text("sec_key", language)),
    }
