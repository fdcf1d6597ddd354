"""Building blocks of the report's template data: table cells and rows, legends, map figures."""

from .drawing import data_uri, map_overlay_svg
from .formats import score_class_label
from .texts import SCORE_CLASSES, plain, text


def cell(value, numeric=False, **extra):
    """One table cell for the templates: ``value`` (escaped unless Markup), right-aligned when numeric."""
    data = {"value": "" if value is None else value, "cls": "n" if numeric else ""}
    data.update(extra)
    return data


def header_cells(keys, language, numeric=()):
    return [cell(text(key, language), index in numeric) for index, key in enumerate(keys)]


def rows_of(rows):
    """Rows of plain values as template rows (numbers right-aligned when ``numeric`` says so)."""
    return [{"cells": cells} for cells in rows]


def legend(language, map_info):
    """The score legend (classes of ``core/categories.py``) and what else the map shows."""
    extras = []
    if map_info.get("has_services"):
        extras.append(("dot", text("legend_services", language)))
    if map_info.get("has_perimeter"):
        extras.append(("line", text("legend_perimeter", language)))
    if map_info.get("has_fragile"):
        extras.append(("num", text("legend_fragile", language)))
    return {"title": text("legend_score", language),
            "classes": [(k.colour, score_class_label(k, language)) for k in SCORE_CLASSES], "extras": extras}


def map_figure(png, map_info, language, alt, caption, legend_data, cls=""):
    """A map image with its scale bar / north arrow overlay, legend and caption."""
    overlay = ""
    if map_info.get("width_px") and map_info.get("height_px"):
        overlay = map_overlay_svg(map_info["width_px"], map_info["height_px"], map_info.get("metres_per_pixel"),
                                  language)
    return {"src": data_uri(png), "alt": plain(alt), "width": int(map_info.get("width_px") or 0) or "",
            "height": int(map_info.get("height_px") or 0) or "", "overlay": overlay, "legend": legend_data,
            "caption": caption, "cls": cls}
