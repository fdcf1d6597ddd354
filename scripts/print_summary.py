"""Print a coverage (or scenario) summary JSON as a readable table (used by `make demo`).

French by default; English with VILLE_NUMERIQUE_LANG=en.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import import_plugin  # noqa: E402

import_plugin()
from ville_numerique.core.report.formats import format_number, format_percent, format_signed  # noqa: E402

LABELS = {
    "fr": {
        "head": "Population : {pop} habitants   Score moyen : {score}/100",
        "crs": "Distances : {method} en {crs}",
        "straight_line": "à vol d'oiseau", "network": "le long du réseau piéton",
        "columns": ("catégorie", "services", "seuil", "pop. couverte", "couverte", "dist. médiane"),
        "scenario": "Scénario : score moyen {before} → {after} ({change}) ; "
                    "{pop} habitants gagnent au moins un type de service à portée",
        "new": "{code:<22} +{pop:>10} habitants à portée ({added:+d} service(s))",
    },
    "en": {
        "head": "Population: {pop} inhabitants   Mean score: {score}/100",
        "crs": "Distances: {method} in {crs}",
        "straight_line": "straight line", "network": "along the walking network",
        "columns": ("category", "services", "threshold", "pop. covered", "covered", "median dist."),
        "scenario": "Scenario: mean score {before} → {after} ({change}); "
                    "{pop} inhabitants gain at least one kind of service within reach",
        "new": "{code:<22} +{pop:>10} inhabitants within reach ({added:+d} service(s))",
    },
}


def number(value, lang, sign=False):
    """``15 174,5`` in French, ``15,174.5`` in English (one decimal): the report's formats."""
    return format_signed(value, lang, 1) if sign else format_number(value, lang, 1)


def percent(share, lang):
    return format_percent(share, lang, 1)


def table(summary, lang):
    t = LABELS[lang]
    lines = [t["head"].format(pop=number(summary["population_total"], lang),
                              score=number(summary["score_mean"] or 0, lang))]
    method = t.get(summary.get("distance_method", "straight_line"), "")
    lines.append(t["crs"].format(method=method, crs=summary.get("distance_crs", {}).get("authid", "?")))
    lines.append("")
    header = "{:<22} {:>9} {:>10} {:>14} {:>9} {:>14}".format(*t["columns"])
    lines += [header, "-" * len(header)]
    for code, c in summary["categories"].items():
        median = c["median_distance_m"]
        lines.append("{:<22} {:>9} {:>8.0f} m {:>14} {:>9} {:>12} m".format(
            code, c.get("n_services", ""), c["threshold_m"], number(c["population_covered"], lang),
            percent(c["share_covered"], lang), "-" if median is None else "{:.0f}".format(median)))
    return "\n".join(lines)


def scenario(summary, lang):
    t = LABELS[lang]
    delta = summary["delta"]
    lines = [t["scenario"].format(before=number(summary["before"]["score_mean"], lang),
                                  after=number(summary["after"]["score_mean"], lang),
                                  change=number(delta["score_mean_change"], lang, sign=True),
                                  pop=number(delta["population_newly_covered_any"], lang))]
    for code, entry in delta["categories"].items():
        if entry["n_services_added"]:
            lines.append(t["new"].format(code=code, pop=number(entry["population_newly_covered"], lang),
                                         added=entry["n_services_added"]))
    return "\n".join(lines)


if __name__ == "__main__":
    language = "en" if os.environ.get("VILLE_NUMERIQUE_LANG", "fr").startswith("en") else "fr"
    is_scenario = sys.argv[1] == "--scenario"
    with open(sys.argv[-1], encoding="utf-8") as stream:
        data = json.load(stream)
    print(scenario(data, language) if is_scenario else table(data, language))
