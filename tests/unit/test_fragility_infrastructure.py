"""The ARCEP infrastructure indicators of the fragility index (no_thd, no_good_4g), as in IFN v2."""

import numpy as np
import pytest
from ville_numerique.core import fragility as fr
from ville_numerique.core.errors import InputError

# u0 as in test_fragility.py (INSEE shares 0.2, 0.05, 0.2, 0.4, 0.1) with 25 % of its premises
# without 30 Mbit/s and no operator at very good 4G; u1 the same people, fully fibred, 2
# operators at TBC; u2 the same people, connectivity unknown (NULL: never ran connectivity there)
INSEE = {"ind": [100] * 3, "ind_65_79": [15] * 3, "ind_80p": [5] * 3, "men": [50] * 3, "men_pauv": [10] * 3,
         "men_1ind": [20] * 3, "men_fmp": [5] * 3}
FIELDS = dict(INSEE, share_no_thd=[0.25, 0.0, np.nan], mobile_ops_tbc=[0, 2, np.nan])
REF = {"age_65_plus": 0.2, "age_80_plus": 0.05, "poor_households": 0.1, "one_person_households": 0.4,
       "single_parent_families": 0.1}
ALL_ONE = dict.fromkeys(fr.INDICATORS + fr.INFRASTRUCTURE_INDICATORS, 1.0)


def test_without_their_weights_nothing_changes():
    plain = fr.fragility_from_grid(INSEE, reference=REF)
    with_fields = fr.fragility_from_grid(FIELDS, reference=REF)
    assert with_fields.index.tolist() == plain.index.tolist() == [6.0, 6.0, 6.0]


def test_hand_computed_with_the_infrastructure_indicators():
    r = fr.fragility_from_grid(FIELDS, weights=ALL_ONE, reference=REF)
    # INSEE sub-scores of test_fragility.py: 5, 5, 10, 5, 5 (sum 30)
    # u0: no_thd c = 5 × 0.25 / 0.5 = 2.5; no_good_4g share 1 → c = 10 → F = (30 + 2.5 + 10) / 7
    assert r.components["no_thd"][0] == pytest.approx(2.5)
    assert r.components["no_good_4g"][0] == 10.0
    assert r.index[0] == pytest.approx(42.5 / 7)
    # u1: both 0 → F = 30 / 7: better connected, less fragile
    assert r.index[1] == pytest.approx(30 / 7)
    # u2: NULL connectivity → left out of its mean (partial), F = 30 / 5
    assert r.index[2] == pytest.approx(6.0) and r.partial.tolist() == [False, False, True]


def test_shares_from_the_connectivity_fields():
    shares = fr.infrastructure_shares({"SHARE_NO_THD": [0.3, 1.2, np.nan], "mobile_ops_tbc": [0, 3, np.nan]})
    assert shares["no_thd"][:2].tolist() == [0.3, 1.0] and np.isnan(shares["no_thd"][2])
    assert shares["no_good_4g"][:2].tolist() == [1.0, 0.0] and np.isnan(shares["no_good_4g"][2])


def test_a_weighted_indicator_without_its_field_says_what_to_run():
    with pytest.raises(InputError, match="share_no_thd.*ville_numerique:connectivity"):
        fr.fragility_from_grid(INSEE, weights={"age_65_plus": 1, "no_thd": 1})
    with pytest.raises(InputError, match="Unknown fragility indicator"):
        fr.fragility_from_grid(FIELDS, weights={"no_4g": 1})
