"""Print a coverage (or scenario) summary JSON as a readable table (used by `make demo`).

French by default; English with VILLE_NUMERIQUE_LANG=en.
"""

import json
import os
import sys

LABELS = {
    "fr": {
        "head": "Population : {pop} habitants   Score moyen : {score:.1f}/100",
        "crs": "Distances : {method} en {crs}",
        "straight_line": "à vol d'oiseau", "network": "le long du réseau piéton",
        "columns": ("catégorie", "services", "seuil", "pop. couverte", "couverte", "dist. médiane"),
        "scenario": "Scénario : score moyen {before:.1f} → {after:.1f} ({change:+.1f}) ; "
                    "{pop} habitants gagnent au moins un type de service à portée",
        "new": "{code:<22} +{pop:>10} habitants à portée ({added:+d} service(s))",
    },
    "en": {
        "head": "Population: {pop} inhabitants   Mean score: {score:.1f}/100",
        "crs": "Distances: {method} in {crs}",
        "straight_line": "straight line", "network": "along the walking network",
        "columns": ("category", "services", "threshold", "pop. covered", "covered", "median dist."),
        "scenario": "Scenario: mean score {before:.1f} → {after:.1f} ({change:+.1f}); "
                    "{pop} inhabitants gain at least one kind of service within reach",
        "new": "{code:<22} +{pop:>10} inhabitants within reach ({added:+d} service(s))",
    },
}


def number(value, lang):
    text = "{:,.1f}".format(value).replace(",", " ")
    return text.replace(".", ",") if lang == "fr" else text


def table(summary, lang):
    t = LABELS[lang]
    lines = [t["head"].format(pop=number(summary["population_total"], lang), score=summary["score_mean"] or 0)]
    method = t.get(summary.get("distance_method", "straight_line"), "")
    lines.append(t["crs"].format(method=method, crs=summary.get("distance_crs", {}).get("authid", "?")))
    lines.append("")
    header = "{:<22} {:>9} {:>10} {:>14} {:>9} {:>14}".format(*t["columns"])
    lines += [header, "-" * len(header)]
    for code, c in summary["categories"].items():
        median = c["median_distance_m"]
        lines.append("{:<22} {:>9} {:>8.0f} m {:>14} {:>8.1f}% {:>12} m".format(
            code, c.get("n_services", ""), c["threshold_m"], number(c["population_covered"], lang),
            100 * c["share_covered"], "-" if median is None else "{:.0f}".format(median)))
    return "\n".join(lines)


def scenario(summary, lang):
    t = LABELS[lang]
    delta = summary["delta"]
    lines = [t["scenario"].format(before=summary["before"]["score_mean"], after=summary["after"]["score_mean"],
                                  change=delta["score_mean_change"],
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
