"""coverage with the ARCEP infrastructure indicators in FRAGILITY_WEIGHTS (hand-computed)."""

import pytest

from .test_coverage_algorithm import by_name, memory_layer, point, services
from .test_science_algorithms import coverage


def population_with_connectivity():
    # "young" of test_science_algorithms (no INSEE indicator), then with the fields of
    # ville_numerique:connectivity: 40 % of premises without 30 Mbit/s, no operator at very good 4G
    uri = ("Point?crs=EPSG:2154&field=name:string&field=ind:double&field=ind_65_79:double&field=ind_80p:double"
           "&field=men:double&field=men_pauv:double&field=men_1ind:double&field=men_fmp:double"
           "&field=share_no_thd:double&field=mobile_ops_tbc:integer")
    return memory_layer(uri, [
        (point(0, 0), ["unconnected", 100.0, 0.0, 0.0, 50.0, 0.0, 0.0, 0.0, 0.4, 0]),
        (point(1000, 0), ["connected", 100.0, 0.0, 0.0, 50.0, 0.0, 0.0, 0.0, 0.0, 3]),
    ])


def test_infrastructure_indicators_change_the_fragility(run_alg, tmp_path):
    pop = population_with_connectivity()
    rows, _ = coverage(run_alg, tmp_path, pop=pop, svc=services(), POPULATION_FIELD="ind",
                       FRAGILITY_WEIGHTS="age_65_plus=1;poor_households=1")
    assert rows["unconnected"]["fragility"] == 0.0  # the default: INSEE indicators only
    rows, _ = coverage(run_alg, tmp_path, pop=pop, svc=services(), POPULATION_FIELD="ind",
                       FRAGILITY_WEIGHTS="age_65_plus=1;poor_households=1;no_thd=1;no_good_4g=1")
    # no_thd: c = 5 × 0.4 / 0.5 = 4; no_good_4g: share 1 → c = 10; INSEE sub-scores 0, 0 → F = 14 / 4
    assert rows["unconnected"]["fragility"] == pytest.approx(3.5)
    assert rows["connected"]["fragility"] == pytest.approx(0.0)
    assert by_name(pop)["unconnected"]["share_no_thd"] == 0.4  # the input is untouched
