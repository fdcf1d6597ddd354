"""Print a coverage summary JSON as a readable table (used by `make demo`)."""

import json
import sys


def table(summary):
    lines = []
    lines.append("Population: {:,.1f} inhabitants   Mean score: {:.1f}/100".format(
        summary["population_total"], summary["score_mean"] or 0).replace(",", " "))
    lines.append("Distances: straight line in {}".format(summary.get("distance_crs", {}).get("authid", "?")))
    lines.append("")
    header = "{:<22} {:>9} {:>10} {:>14} {:>9} {:>13}".format(
        "category", "services", "threshold", "pop. covered", "covered", "median dist.")
    lines.append(header)
    lines.append("-" * len(header))
    for code, c in summary["categories"].items():
        median = c["median_distance_m"]
        lines.append("{:<22} {:>9} {:>8.0f} m {:>14,.1f} {:>8.1%} {:>11} m".format(
            code, c.get("n_services", ""), c["threshold_m"], c["population_covered"],
            c["share_covered"], "-" if median is None else "{:.0f}".format(median)).replace(",", " "))
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as stream:
        print(table(json.load(stream)))
