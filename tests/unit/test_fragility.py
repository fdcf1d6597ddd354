"""Fragility index (0–10) from INSEE grid variables, and the imported IFN per IRIS."""

import csv
import math
import os
from pathlib import Path

import numpy as np
import pytest
from ville_numerique.core import fragility as fr
from ville_numerique.core.errors import InputError

DATA = Path(os.environ.get("VILLE_NUMERIQUE_SHARED_DATA", "/work/shared/data"))
FILOSOFI = DATA / "insee-filosofi" / "filosofi2021_carreaux200m_saint-omer-gare.csv"
IFN = DATA / "indice-fragilite-numerique" / "ifn_mednum_tableau_iris_dep62.csv"

# three units:
#  u0: 100 inhabitants, 15 aged 65-79 + 5 aged 80+, 50 households: 10 poor, 20 alone, 5 single-parent
#  u1: nobody
#  u2: 50 inhabitants, no one 65+, 0 households (e.g. a student residence counted apart)
FIELDS = {
    "ind": [100, 0, 50],
    "ind_65_79": [15, 0, 0],
    "ind_80p": [5, 0, 0],
    "men": [50, 0, 0],
    "men_pauv": [10, 0, 0],
    "men_1ind": [20, 0, 0],
    "men_fmp": [5, 0, 0],
}
# a reference with round numbers
REF = {
    "age_65_plus": 0.2,
    "age_80_plus": 0.05,
    "poor_households": 0.1,
    "one_person_households": 0.4,
    "single_parent_families": 0.1,
}


def test_shares():
    shares, nums, dens = fr.indicator_shares(FIELDS)
    # u0: 65+ = (15+5)/100 = 0.2 ; 80+ = 5/100 = 0.05 ; poor 10/50 = 0.2 ; alone 20/50 = 0.4 ; fmp 5/50 = 0.1
    assert shares["age_65_plus"][0] == 0.2
    assert shares["age_80_plus"][0] == 0.05
    assert shares["poor_households"][0] == 0.2
    assert shares["one_person_households"][0] == 0.4
    assert shares["single_parent_families"][0] == 0.1
    assert np.isnan(shares["age_65_plus"][1]) and np.isnan(shares["poor_households"][2])
    assert shares["age_65_plus"][2] == 0.0
    assert nums["age_65_plus"].tolist() == [20, 0, 0] and dens["poor_households"].tolist() == [50, 0, 0]


def test_reference_method_hand_computed():
    r = fr.fragility_from_grid(FIELDS, reference=REF)
    # u0: c = 5*x/r: 65+ 5*0.2/0.2 = 5 ; 80+ 5*0.05/0.05 = 5 ; poor 5*0.2/0.1 = 10 ;
    #     alone 5*0.4/0.4 = 5 ; fmp 5*0.1/0.1 = 5  -> F = (5+5+10+5+5)/5 = 6
    assert r.index[0] == pytest.approx(6.0, abs=1e-12)
    assert r.components["poor_households"][0] == pytest.approx(10.0)
    # u1: no population -> NaN, flagged
    assert np.isnan(r.index[1]) and r.no_population.tolist() == [False, True, False]
    # u2: only the two age shares are defined (both 0) -> F = 0, flagged partial
    assert r.index[2] == 0.0 and r.partial.tolist() == [False, False, True]
    assert r.n_no_population == 1
    assert r.method == "reference" and r.reference["poor_households"] == 0.1


def test_weights_and_cap():
    # only poverty (weight 2) and 65+ (weight 1): F = (2*10 + 1*5) / 3 = 25/3
    r = fr.fragility_from_grid(
        FIELDS, weights={"poor_households": 2, "age_65_plus": 1}, reference=REF
    )
    assert r.index[0] == pytest.approx(25 / 3)
    assert r.weights["one_person_households"] == 0.0
    # poverty at 3x the reference is capped at 10
    r = fr.fragility_from_grid(
        FIELDS, weights={"poor_households": 1}, reference=dict(REF, poor_households=0.2 / 3)
    )
    assert r.index[0] == 10.0
    # u2 has no household -> nothing defined with poverty alone -> no population for this index
    assert np.isnan(r.index[2]) and r.no_population[2]
    r = fr.fragility_from_grid(FIELDS, reference=REF, empty_value=0.0)
    assert r.index[1] == 0.0


def test_national_reference_formula():
    r = fr.fragility_from_grid(FIELDS)  # national shares by default
    n = fr.NATIONAL_SHARES
    expected = np.mean(
        [
            min(10, 5 * 0.2 / n["age_65_plus"]),
            min(10, 5 * 0.05 / n["age_80_plus"]),
            min(10, 5 * 0.2 / n["poor_households"]),
            min(10, 5 * 0.4 / n["one_person_households"]),
            min(10, 5 * 0.1 / n["single_parent_families"]),
        ]
    )
    assert r.index[0] == pytest.approx(expected, rel=1e-12)


def test_minmax_method():
    fields = {
        "ind": [100, 100, 100],
        "ind_65_79": [10, 20, 30],
        "ind_80p": [0, 0, 10],
        "men": [50, 50, 50],
        "men_pauv": [5, 5, 5],
        "men_1ind": [10, 20, 30],
        "men_fmp": [0, 5, 10],
    }
    r = fr.fragility_from_grid(fields, method="minmax")
    # 65+: 0.1, 0.2, 0.4 -> 0, 10/3, 10 ; 80+: 0, 0, 0.1 -> 0, 0, 10
    # poor: 0.1 everywhere -> 5 (no variation) ; alone 0.2, 0.4, 0.6 -> 0, 5, 10 ; fmp 0, .1, .2 -> 0, 5, 10
    assert r.components["age_65_plus"] == pytest.approx([0, 10 / 3, 10])
    assert r.components["poor_households"].tolist() == [5.0, 5.0, 5.0]
    assert r.index == pytest.approx([(0 + 0 + 5 + 0 + 0) / 5, (10 / 3 + 0 + 5 + 5 + 5) / 5, 10 - 1])
    assert r.reference is None


def test_area_reference():
    r = fr.fragility_from_grid(FIELDS, reference="area")
    # area shares: 65+ = 20/150 ; 80+ = 5/150 ; poor = 10/50 ; alone 20/50 ; fmp 5/50
    assert r.reference["age_65_plus"] == pytest.approx(20 / 150)
    assert r.reference["poor_households"] == pytest.approx(0.2)
    # u0: 5*0.2/(20/150) = 7.5 ; 5*0.05/(5/150) = 7.5 ; poor 5 ; alone 5 ; fmp 5 -> 30/5 = 6
    assert r.index[0] == pytest.approx(6.0)


def test_capitalised_2017_field_names():
    fields = {k.capitalize(): v for k, v in FIELDS.items()}
    r = fr.fragility_from_grid(fields, reference=REF)
    assert r.index[0] == pytest.approx(6.0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"weights": {"illectronism": 1}},
        {"weights": {"age_65_plus": -1}},
        {"weights": {"age_65_plus": 0}},
        {"method": "zscore"},
        {"reference": "europe"},
        {"reference": {"age_65_plus": 0}},
        {"reference": {"age_65_plus": 1.5}},
    ],
)
def test_invalid_settings(kwargs):
    with pytest.raises(InputError):
        fr.fragility_from_grid(FIELDS, **kwargs)


def test_missing_or_bad_fields():
    with pytest.raises(InputError):
        fr.fragility_from_grid({k: v for k, v in FIELDS.items() if k != "men_fmp"})
    with pytest.raises(InputError):
        fr.fragility_from_grid(dict(FIELDS, men=[50, 0]))
    with pytest.raises(InputError):
        fr.fragility_from_grid(dict(FIELDS, men=[50, -1, 0]))


def _read_filosofi():
    with FILOSOFI.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows, {f: np.array([float(r[f]) for r in rows]) for f in fr.GRID_FIELDS}


def test_real_filosofi_grid():
    rows, fields = _read_filosofi()
    assert len(rows) == 125
    r = fr.fragility_from_grid(fields)
    assert r.n_no_population == 0
    assert np.isfinite(r.index).all() and (r.index >= 0).all() and (r.index <= 10).all()
    # first cell CRS3035RES200mN3098800E3775000: ind 28, 65-79 2.5, 80+ 0, men 11,
    # poor 0, alone 2.5, single-parent 1.7
    # c = [5*(2.5/28)/0.205, 0, 0, 5*(2.5/11)/0.36, 5*(1.7/11)/0.10] = [2.1777, 0, 0, 3.1566, 7.7273]
    expected = (5 * (2.5 / 28) / 0.205 + 5 * (2.5 / 11) / 0.36 + 5 * (1.7 / 11) / 0.10) / 5
    assert rows[0]["idcar_200m"] == "CRS3035RES200mN3098800E3775000"
    assert r.index[0] == pytest.approx(expected, rel=1e-12)
    assert r.index[0] == pytest.approx(2.6123, abs=1e-4)
    # the area reference reproduces the provenance figure: 2291.7 / 7672.8 = 29.9 % poor households
    ra = fr.fragility_from_grid(fields, reference="area")
    assert ra.reference["poor_households"] == pytest.approx(2291.7 / 7672.8, rel=1e-9)
    assert ra.reference["poor_households"] == pytest.approx(0.299, abs=5e-4)


def test_ifn_rescaling():
    got = fr.ifn_to_scale([100, 200, 250, 0, float("nan"), 40, 126])
    # 5*s/100 capped at 10; 0 and NaN are missing
    assert got[:3].tolist() == [5.0, 10.0, 10.0]
    assert np.isnan(got[3]) and np.isnan(got[4])
    assert got[5] == pytest.approx(2.0) and got[6] == pytest.approx(6.3)


def test_iris_codes():
    assert fr.normalise_iris_code(12340101) == "012340101"
    assert fr.normalise_iris_code("12340101.0") == "012340101"
    assert fr.normalise_iris_code(627650302.0) == "627650302"
    assert fr.normalise_iris_code(" 2a0040000 ") == "2A0040000"
    assert fr.normalise_iris_code(None) == "" and fr.normalise_iris_code(float("nan")) == ""


def test_spread_to_cells_hand_computed():
    # cell 0: 30,000 m² in IRIS A (score 120 -> 6) and 10,000 m² in B (80 -> 4)
    #   -> (30000*6 + 10000*4) / 40000 = 5.5, known share 1
    # cell 1: only in an IRIS absent from the table -> NaN, known share 0
    # cell 2: 20,000 m² in A and 20,000 m² unknown -> 6, known share 0.5
    # cell 3: no overlap at all -> NaN, share 0
    res = fr.spread_to_cells(
        4,
        cell_index=[0, 0, 1, 2, 2],
        zone_codes=["012340101", 12340102, "999990000", 12340101, "999990000"],
        overlap_area=[30000, 10000, 40000, 20000, 20000],
        table_codes=["012340101", "012340102"],
        table_values=[120, 80],
    )
    assert res.value[0] == pytest.approx(5.5) and res.value[2] == pytest.approx(6.0)
    assert np.isnan(res.value[1]) and np.isnan(res.value[3])
    assert res.known_share.tolist() == [1.0, 0.0, 0.5, 0.0]
    assert res.unmatched_codes == ["999990000"]
    raw = fr.spread_to_cells(1, [0, 0], ["A", "B"], [1, 3], ["A", "B"], [100, 140], rescale=False)
    assert raw.value[0] == pytest.approx((100 + 3 * 140) / 4)
    with pytest.raises(InputError):
        fr.spread_to_cells(1, [0, 1], ["A", "B"], [1, 1], ["A"], [1])
    with pytest.raises(InputError):
        fr.spread_to_cells(1, [0], ["A"], [-1], ["A"], [1])


def test_real_ifn_table_join():
    with IFN.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1166
    codes = [r["Code Iris"] for r in rows]
    scores = [float(r["SCORE GLOBAL"]) for r in rows]
    # one cell half in Centre Ville (126 -> 6.3), half in Faubourgs (95 -> 4.75) -> 5.525
    res = fr.spread_to_cells(
        1, [0, 0], ["627650302", "627650101"], [20000, 20000], codes, scores
    )
    assert res.value[0] == pytest.approx((6.3 + 4.75) / 2)
    assert math.isclose(res.known_share[0], 1.0)


def test_known_share_is_divided_by_the_cell_area():
    """Methodology § 5.2: the share of the CELL's area covered by a known value. A 40,000 m² cell
    of which only 18 m² (0.045 %) lie inside the IRIS layer, in an IRIS scored 120.6 (-> 6.03)."""
    res = fr.spread_to_cells(2, [0, 1], ["A", "A"], [18.0, 40000.0], ["A"], [120.6],
                             cell_area=[40000.0, 40000.0])
    assert res.value.tolist() == pytest.approx([6.03, 6.03])
    assert res.known_share[0] == pytest.approx(18.0 / 40000.0) and res.known_share[1] == 1.0
    # without the cell areas: the old, overlap-based share (cells known to be inside the zones)
    assert fr.spread_to_cells(1, [0], ["A"], [18.0], ["A"], [120.6]).known_share[0] == 1.0
    # an edge cell half in a scored IRIS, a quarter in an unknown one, a quarter outside
    res = fr.spread_to_cells(1, [0, 0], ["A", "X"], [20000, 10000], ["A"], [100], cell_area=[40000])
    assert (res.value[0], res.known_share[0]) == (5.0, 0.5)
    with pytest.raises(InputError):
        fr.spread_to_cells(1, [0], ["A"], [1], ["A"], [1], cell_area=[1, 2])


def test_default_ifn_column_exists_in_the_real_files():
    tableau = IFN.read_text(encoding="utf-8").splitlines()[0].split(",")
    team48 = (IFN.parent / "ifn_iris_dep62.csv").read_text(encoding="utf-8").splitlines()[0].split(";")
    assert fr.default_ifn_column(tableau) == "SCORE GLOBAL"
    assert "SCORE GLOBAL" not in team48
    assert fr.default_ifn_column(team48) == "SCORE GLOBAL region 1"
    assert fr.default_ifn_column(["Code Iris", "Population"]) is None
