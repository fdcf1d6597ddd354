"""Drawings over the report's map images: scale bar and north arrow (SVG), data URIs."""

import base64
import math

from .chart import _svg_text
from .formats import format_number
from .texts import NBSP, Markup, text


def data_uri(png, mime="image/png"):
    """``png`` bytes as a ``data:`` URI (a string already in that form is kept; anything else: "")."""
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
    return Markup("\n".join(parts))


