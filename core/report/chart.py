"""The chart of coverage against walking distance (SVG), shared by the HTML report and the PDF."""

import math

from .figures import CumulativeCoverage, _distance, _number_or_none, as_unit
from .formats import format_distance, format_number, format_percent
from .texts import category_colour, category_label, check_language, esc, plain, text


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
