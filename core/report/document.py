"""The self-contained HTML report (build_html)."""

import base64
import math
from datetime import datetime

from .. import about
from ..errors import InputError
from ..i18n import tr
from .chart import _svg_text, chart_categories, chart_max_distance, coverage_chart_svg
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
    score_class_label,
)
from .texts import (
    DEFAULT_LANGUAGE,
    LOW_SCORE,
    NBSP,
    SCORE_CLASSES,
    SOURCES,
    Markup,
    _lang_value,
    category_label,
    check_language,
    esc,
    plain,
    text,
)

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
    left_out = {key: counts.get("services_{}_excluded".format(key)) or 0 for key in ("itinerant", "far")}
    if any(left_out.values()):
        value = text("param_left_out_value", language, itinerant=format_number(left_out["itinerant"], language),
                     far=format_number(left_out["far"], language))
        stops = summary.get("itinerant_stops") or []
        if stops:  # where the buses and mobile services stop
            value = Markup("{} — {}".format(value, esc(", ".join(str(s) for s in stops))))
        items.append((text("param_left_out", language), value))
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
