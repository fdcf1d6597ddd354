"""The texts and tables of the PDF print layout (layout_texts)."""

from datetime import datetime

from .. import about
from .document import scenario_table
from .figures import (
    access_words,
    as_unit,
    crs_words,
    default_title,
    display_source,
    distance_method,
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
    format_population,
    format_score,
    score_class_label,
)
from .texts import (
    DEFAULT_LANGUAGE,
    LOW_SCORE,
    SCORE_CLASSES,
    SOURCES,
    _lang_value,
    category_short_label,
    check_language,
    plain,
    text,
)


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
