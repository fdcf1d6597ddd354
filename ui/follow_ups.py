"""What the panel hands on after an analysis: scenario, site recommendation, report.

Pure reading of the coverage and scenario summaries (``ville_numerique:coverage``
and ``ville_numerique:scenario`` write them) and of the project's layers; the
panel (``ui/panel.py``) shows the results and opens the algorithms' dialogs.
"""

import json
from pathlib import Path

from qgis.core import QgsProviderRegistry

from ..core import categories
from ..core import report as core_report
from ..core.i18n import tr
from .widgets import format_number


def layer_parameter(layer, project):
    """How to name ``layer`` in an algorithm's parameters so that what the
    algorithm records (the summary's inputs, shown in the report) is readable.

    A layer read from a file: its source (``saint_omer.gpkg|layername=services``,
    which the report shows as "saint_omer.gpkg, couche services"); else its
    name when no other layer of the project has it; else its id (never shown
    to the user when avoidable: ids are ``Services_num_riques_645655cb…``).
    """
    if layer is None:
        return None
    if layer.providerType() == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        if parts.get("path") and Path(parts["path"]).is_file():
            return layer.source()
    if len(project.mapLayersByName(layer.name())) == 1:
        return layer.name()
    return layer.id()


def read_summary(path):
    """The JSON object in ``path``, or None."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, TypeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def category_priorities(summary):
    """``{code: weight}``: how much each category's uncovered inhabitants cost the score.

    The uncovered inhabitants weighted by their fragility when the summary has
    them (``fragile_population_not_covered``), else all uncovered inhabitants,
    times the category's weight in the score. The highest is where a new
    service helps most: conseiller numérique on the Saint-Omer sample (4 318
    fragile inhabitants x weight 2), before the wifi (6 138 x 1) whose 300 m
    reach makes it the least covered in share.
    """
    entries = summary.get("categories") or {}
    weights = dict(categories.default_weights())
    weights.update((summary.get("inputs") or {}).get("weights") or {})
    fragile = all(isinstance(v.get("fragile_population_not_covered"), (int, float)) for v in entries.values())
    total = summary.get("population_total") or 0.0
    priorities = {}
    for code, values in entries.items():
        if fragile:
            uncovered = values["fragile_population_not_covered"]
        else:
            covered = values.get("population_covered")
            if covered is None and values.get("share_covered") is not None:
                covered = values["share_covered"] * total
            uncovered = total - (covered or 0.0)
        priorities[code] = float(uncovered) * float(weights.get(code, 1.0))
    return priorities


def recommended_category(summary):
    """The category to recommend sites for by default (see :func:`category_priorities`), or None."""
    priorities = category_priorities(summary or {})
    if not priorities:
        return None
    return max(priorities, key=lambda code: priorities[code])


def scenario_scores(scenario):
    """``(before, after, change)`` of the mean score in a scenario summary (None when absent)."""
    if not isinstance(scenario, dict):
        return None, None, None
    before = (scenario.get("before") or {}).get("score_mean")
    after = (scenario.get("after") or {}).get("score_mean")
    change = (scenario.get("delta") or {}).get("score_mean_change")
    if change is None and before is not None and after is not None:
        change = after - before
    return before, after, change


def scenario_text(scenario):
    """"Scenario: mean score 78.6 → 80.8 (+2.2 points)" in the user's number format."""
    before, after, change = scenario_scores(scenario)
    if before is None or after is None:
        return ""
    signed = format_number(change or 0.0, 1)
    if not signed.startswith("-") and round(change or 0.0, 1) != 0:
        signed = "+" + signed
    return tr("Scenario: mean score {before} → {after} ({change} points)").format(
        before=format_number(before, 1), after=format_number(after, 1), change=signed)


def report_title(place_name):
    """The report's title for the commune ``place_name`` (official name), in the report's default language."""
    if not place_name:
        return None
    return core_report.default_title(place_name, core_report.DEFAULT_LANGUAGE)
