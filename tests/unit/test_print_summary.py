"""The table `make demo` prints (scripts/print_summary.py), in French and in English."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "print_summary.py"
spec = importlib.util.spec_from_file_location("print_summary", SCRIPT)
print_summary = importlib.util.module_from_spec(spec)
spec.loader.exec_module(print_summary)

SUMMARY = {
    "population_total": 15174.5,
    "score_mean": 78.64,
    "distance_method": "straight_line",
    "distance_crs": {"authid": "EPSG:2154"},
    "categories": {
        "epn": {"n_services": 24, "threshold_m": 1000, "population_covered": 14307.0,
                "share_covered": 0.94283, "median_distance_m": 243.2},
        "wifi": {"n_services": 0, "threshold_m": 300, "population_covered": 0.0,
                 "share_covered": 0.0, "median_distance_m": None},
    },
}


def test_french_numbers_use_a_comma_and_no_break_spaces_as_the_report():
    text = print_summary.table(SUMMARY, "fr")
    assert "Population : 15\u00a0174,5 habitants   Score moyen : 78,6/100" in text
    assert "Distances : à vol d'oiseau en EPSG:2154" in text
    epn = [line for line in text.splitlines() if line.startswith("epn")][0]
    assert epn.split()[:4] == ["epn", "24", "1000", "m"]
    assert "14\u00a0307,0" in epn and "94,3\u00a0%" in epn and epn.endswith("243 m")
    wifi = [line for line in text.splitlines() if line.startswith("wifi")][0]
    assert wifi.endswith("- m") and "0,0\u00a0%" in wifi


def test_english_numbers_and_scenario_change_with_its_sign():
    assert "Population: 15,174.5 inhabitants   Mean score: 78.6/100" in print_summary.table(SUMMARY, "en")
    scenario = {
        "before": {"score_mean": 78.64}, "after": {"score_mean": 80.77},
        "delta": {"score_mean_change": 2.13, "population_newly_covered_any": 15174.5,
                  "categories": {"fablab": {"n_services_added": 1, "population_newly_covered": 15174.5},
                                 "epn": {"n_services_added": 0, "population_newly_covered": 0.0}}},
    }
    text = print_summary.scenario(scenario, "fr")
    assert text.splitlines()[0].startswith("Scénario : score moyen 78,6 → 80,8 (+2,1) ; 15\u00a0174,5 habitants")
    assert len(text.splitlines()) == 2 and text.splitlines()[1].startswith("fablab")
    assert "(+2.1)" in print_summary.scenario(scenario, "en")
