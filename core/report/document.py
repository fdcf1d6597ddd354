"""The self-contained HTML report (build_html): the data of each section; the markup is in templates.

:func:`build_html` gathers, section by section, plain values (escaped by the
template) and catalogue texts (trusted HTML, :class:`Markup`), then renders
``resources/templates/report.html.j2`` (sections in
``report_sections.html.j2``, tables and legends in ``report_macros.html.j2``)
with autoescaping on.
"""

from datetime import datetime

from .. import about
from ..errors import InputError
from ..i18n import tr
from . import infrastructure as infra
from .blocks import cell, header_cells, legend, map_figure, rows_of
from .chart import chart_categories, chart_max_distance, coverage_chart_svg
from .figures import (
    _number_or_none,
    access_words,
    as_unit,
    crs_words,
    default_title,
    display_source,
    distance_method,
    format_position,
    fragile_units,
    key_figures,
    mapping_text,
    method_words,
    missing_categories,
    scenario_comparison,
    unit_label,
    uses_sample,
)
from .formats import (
    _finite,
    format_datetime,
    format_distance,
    format_number,
    format_percent,
    format_points,
    format_population,
    format_score,
    format_signed,
)
from .templates import PAGE, render
from .texts import (
    DEFAULT_LANGUAGE,
    LOW_SCORE,
    SOURCES,
    Markup,
    _lang_value,
    category_label,
    check_language,
    plain,
    text,
)


def build_html(summary, units, language=DEFAULT_LANGUAGE, title=None, place=None, map_image=None,
               map_info=None, scenario=None, sources=SOURCES, generated_at=None, qgis_version=None,
               coverage_source=None, scenario_source=None, infrastructure=None):
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
    :param infrastructure: :class:`core.report.infrastructure.Infrastructure` (or ``None``: no
        Infrastructures section)
    """
    language = check_language(language)
    if not isinstance(summary, dict):
        raise InputError(tr("The coverage summary must be a JSON object."))
    units = [as_unit(u) for u in units or ()]
    map_info = dict(map_info or {})
    generated_at = generated_at or datetime.now().astimezone()
    title = title if title else default_title(place, language)
    figures = key_figures(summary, units)
    fragile, fragile_mode = fragile_units(units)
    has_fragility = any(_finite(u.fragility) for u in units)

    sections = [
        dict(kind="key", anchor="chiffres", title=text("sec_key", language), cards=_cards(figures, language)),
        _map_section(summary, map_image, map_info, language),
        _indicators_section(summary, language),
        _charts_section(summary, units, language),
        _fragile_section(summary, units, fragile, fragile_mode, figures, has_fragility, language),
    ]
    if scenario is not None:
        sections.append(_scenario_section(scenario, language))
    if infrastructure is not None and not infrastructure.empty:
        sections.append(infra.section(infrastructure, language))
    sections += [
        _method_section(summary, units, has_fragility, language),
        dict(kind="params", anchor="parametres", title=text("sec_params", language),
             entries=_parameters(summary, language, coverage_source, scenario_source)),
        _sources_section(summary, sources, language),
    ]

    plugin = about.title()
    version = (summary.get("plugin") or {}).get("version") or about.version()
    qgis = qgis_version or summary.get("qgis_version") or "—"
    meta = [text("generated", language, date=format_datetime(generated_at, language), plugin=plugin,
                 version=about.version(), qgis=qgis)]
    if summary.get("generated_at"):
        meta.append(text("computed", language, date=format_datetime(summary["generated_at"], language)))
    return render(PAGE, lang=language, generator="{} {}".format(about.PLUGIN_ID, about.version()), title=title,
                  subtitle=text("subtitle", language), meta=meta, contents=plain(text("contents", language)),
                  sections=sections, footer=text("footer", language, plugin=plugin, version=version))


# -- sections -------------------------------------------------------------------
def _cards(figures, language):
    cards = [
        {"value": format_population(figures["population"], language), "label": text("key_population", language)},
        {"value": format_score(figures["score_mean"], language), "label": text("key_score", language)},
    ]
    if figures["share_full"] is not None:
        cards.append({"value": format_percent(figures["share_full"], language), "label": text("key_full", language)})
    if figures["population_low"] is not None:
        cards.append({"alert": True, "value": format_population(figures["population_low"], language),
                      "label": text("key_low", language, low=format_number(LOW_SCORE, language),
                                    share=format_percent(figures["share_low"], language))})
    if figures["fragility_mean"] is not None:
        cards.append({"value": format_number(figures["fragility_mean"], language, 1) + " / 10",
                      "label": text("key_fragility", language)})
    if figures["services"] is not None:
        cards.append({"value": format_number(figures["services"], language), "label": text("key_services", language)})
    if figures["units"] is not None:
        cards.append({"value": format_number(figures["units"], language), "label": text("key_units", language)})
    return cards


def _map_section(summary, map_image, map_info, language):
    section = dict(kind="map", anchor="carte", title=text("sec_map", language), map=None,
                   missing=text("map_missing", language))
    if map_image:
        section["map"] = map_figure(
            map_image, map_info, language, text("map_alt", language),
            text("map_caption", language, crs=map_info.get("crs") or crs_words(summary)),
            legend(language, map_info))
    return section


def _indicators_section(summary, language):
    categories = summary.get("categories") or {}
    with_fragile = any(_finite((info or {}).get("fragile_population_not_covered")) for info in categories.values())
    keys = ["col_category", "col_threshold", "col_weight", "col_services", "col_pop_covered", "col_share",
            "col_median"] + (["col_fragile_not_covered"] if with_fragile else [])
    head = header_cells(keys, language, numeric=range(1, len(keys)))
    rows = []
    for code, info in categories.items():
        share = _number_or_none(info.get("share_covered"))
        weight = info.get("weight")
        median = info.get("median_distance_m")
        cells = [
            cell(category_label(code, language)),
            cell(format_distance(info.get("threshold_m"), language), True),
            cell(format_number(weight, language, 0 if _finite(weight) and float(weight) == round(float(weight))
                               else 1), True),
            cell(format_number(info.get("n_services"), language), True),
            cell(format_population(info.get("population_covered"), language), True),
            cell(format_percent(share, language), True,
                 bar=None if share is None else 60 * max(0.0, min(1.0, share)),
                 bar_low=share is not None and share < 0.5),
            cell(format_distance(median, language) if median is not None else
                 plain(text("no_service", language)) if not info.get("n_services") else "—", True),
        ]
        if with_fragile:
            cells.append(cell(format_number(info.get("fragile_population_not_covered"), language, 0), True))
        rows.append({"cells": cells})
    total = [cell(text("total_score", language), colspan=6),
             cell(format_score(summary.get("score_mean"), language) + " / 100", True)]
    if with_fragile:
        total.append(cell(""))
    rows.append({"cls": "total", "cells": total})
    notes = [text("indicators_note", language)]
    if with_fragile:
        notes.append(text("fragile_not_covered_note", language))
    return dict(kind="indicators", anchor="indicateurs", title=text("sec_indicators", language),
                table={"head": head, "rows": rows}, notes=notes)


def _charts_section(summary, units, language):
    present, missing = chart_categories(summary, units)
    return dict(kind="charts", anchor="courbes", title=text("sec_charts", language),
                intro=text("charts_intro", language, method=method_words(summary, language)),
                svg=Markup(coverage_chart_svg(summary, units, language)) if present else "",
                missing=text("charts_missing", language, fields=", ".join("dist_" + code for code in missing))
                if missing else "")


def _fragile_section(summary, units, fragile, fragile_mode, figures, has_fragility, language):
    section = dict(kind="fragile", anchor="fragiles", title=text("sec_fragile", language), notes=[], table=None)
    if fragile_mode == "no_score":
        section["note_only"] = text("fragile_no_score", language)
        return section
    if not fragile:
        section["intro"] = text("fragile_none", language, low=format_number(LOW_SCORE, language))
        return section
    if fragile_mode == "priority":
        section["intro"] = text("fragile_intro_priority", language, n=len(fragile))
    else:
        section["intro"] = text("fragile_intro_low", language, n=len(fragile), low=format_number(LOW_SCORE, language),
                                pop=format_population(figures["population_low"], language))
    keys = ["col_rank", "col_unit", "col_population", "col_score"]
    numeric = {0, 2, 3}
    if has_fragility:
        keys.append("col_fragility")
        numeric.add(len(keys) - 1)
    if fragile_mode == "priority":
        keys.append("col_priority")
        numeric.add(len(keys) - 1)
    keys.append("col_missing")
    rows = []
    for rank, unit in enumerate(fragile, 1):
        missing_text = ", ".join("{} ({})".format(label, d) for label, d in
                                 missing_categories(unit, summary, language)) or plain(text("missing_none", language))
        cells = [cell(rank, True), cell(unit_label(unit, language), note=format_position(unit, language)),
                 cell(format_population(unit.population, language), True),
                 cell(format_score(unit.score, language), True)]
        if has_fragility:
            cells.append(cell(format_number(unit.fragility, language, 1), True))
        if fragile_mode == "priority":
            cells.append(cell(format_number(unit.priority, language, 2), True))
        cells.append(cell(missing_text))
        rows.append({"cells": cells})
    section["table"] = {"head": header_cells(keys, language, numeric), "rows": rows}
    if has_fragility:
        section["notes"] = [text("fragility_note", language)]
    return section


def _method_section(summary, units, has_fragility, language):
    limit = "limit_straight_line" if distance_method(summary) == "straight_line" else "limit_network"
    paragraphs = [
        text("method_distance", language, method=method_words(summary, language), crs=crs_words(summary)),
        text("method_coverage", language),
        text("method_score", language),
        text("method_median", language, dmax=format_distance(chart_max_distance(summary, units), language)),
    ]
    words = access_words(summary, language)
    if words:
        paragraphs.append(text("method_extra", language, method=words[0], decay=words[1]))
    paragraphs.append(text("method_limits", language, limit_distance=text(limit, language)))
    if has_fragility or _finite(summary.get("fragility_mean")):
        paragraphs.append(text("method_fragility", language))
    return dict(kind="method", anchor="methode", title=text("sec_method", language), paragraphs=paragraphs)


def _sources_section(summary, sources, language):
    keys = ("data", "producer", "date", "licence", "attribution")
    rows = rows_of([[cell(_lang_value(source.get(key), language)) for key in keys] for source in sources or ()])
    head = header_cells(["col_data", "col_producer", "col_date", "col_licence", "col_attribution"], language)
    return dict(kind="sources", anchor="sources", title=text("sec_sources", language),
                intro=text("sources_sample" if uses_sample(summary) else "sources_generic", language),
                table={"head": head, "rows": rows}, note=text("sources_map", language))


def _parameters(summary, language, coverage_source=None, scenario_source=None):
    """``(term, value)`` pairs of the parameters list (values escaped unless Markup)."""
    inputs = summary.get("inputs") or {}
    counts = summary.get("counts") or {}
    items = []
    if coverage_source:
        items.append((text("param_coverage_layer", language), display_source(coverage_source, language)))
    if inputs.get("population"):
        items.append((text("param_population", language), display_source(inputs["population"], language)))
    if inputs.get("population_field"):
        items.append((text("param_population_field", language), Markup("<code>{}</code>").format(
            inputs["population_field"])))
    if inputs.get("services"):
        items.append((text("param_services", language), display_source(inputs["services"], language)))
    if inputs.get("category_field"):
        items.append((text("param_category_field", language), Markup("<code>{}</code>").format(
            inputs["category_field"])))
    thresholds = inputs.get("thresholds_m") or {c: v.get("threshold_m") for c, v in
                                                 (summary.get("categories") or {}).items()}
    if thresholds:
        items.append((text("param_thresholds", language), mapping_text(thresholds, language, "m")))
    weights = inputs.get("weights") or {c: v.get("weight") for c, v in (summary.get("categories") or {}).items()}
    if weights:
        items.append((text("param_weights", language), mapping_text(weights, language)))
    items.append((text("param_method", language), method_words(summary, language)))
    items.append((text("param_crs", language), crs_words(summary)))
    words = access_words(summary, language)
    items.append((text("param_access", language), Markup("{}, {}").format(*words) if words else
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
    left_out = {key: counts.get("services_{}_excluded".format(key)) or 0 for key in ("itinerant", "far")}
    if any(left_out.values()):
        value = text("param_left_out_value", language, itinerant=format_number(left_out["itinerant"], language),
                     far=format_number(left_out["far"], language))
        stops = summary.get("itinerant_stops") or []
        if stops:  # where the buses and mobile services stop
            value = Markup("{} — {}").format(value, ", ".join(str(s) for s in stops))
        items.append((text("param_left_out", language), value))
    if scenario_source:
        items.append((text("param_scenario", language), display_source(scenario_source, language)))
    return items


# -- scenario ---------------------------------------------------------------------
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
    section = dict(kind="scenario", anchor="scenario", title=text("sec_scenario", language), heading=title,
                   paragraphs=[], notes=[], table=None)
    if data["description"]:
        section["paragraphs"].append(data["description"])
    if data["added"]:
        section["paragraphs"].append(text("scenario_added", language, names=", ".join(data["added"])))
    if data["known"]:
        if data.get("newly_covered_any"):
            section["paragraphs"].append(text("scenario_newly_any", language,
                                              pop=format_population(data["newly_covered_any"], language)))
        section["notes"].append(text("scenario_intro", language))
        table = scenario_table(data, language)
        rows = []
        for index, (row, change) in enumerate(zip(table["rows"], table["changes"])):
            cells = []
            for column, (value, numeric) in enumerate(zip(row, table["numeric"])):
                if column == 4 and change:
                    cells.append(cell(value, cls="n {}".format("up" if change > 0 else "down")))
                else:
                    cells.append(cell(value, numeric))
            is_total = index == len(table["rows"]) - 1 and len(table["rows"]) > len(data["rows"])
            rows.append({"cls": "total" if is_total else "", "cells": cells})
        section["table"] = {"head": [cell(h, n) for h, n in zip(table["headers"], table["numeric"])], "rows": rows}
    else:
        section["notes"].append(text("scenario_unknown", language))
        if data["scalars"]:
            section["table"] = {"head": header_cells(["col_key", "col_value"], language),
                                "rows": rows_of([[cell(k), cell(v)] for k, v in data["scalars"]])}
    return section
