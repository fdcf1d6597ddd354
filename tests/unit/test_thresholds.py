"""Walking thresholds in metres or minutes (issue 13), fragility weights keyed in French or English."""

import numpy as np
import pytest
from ville_numerique.core import fragility as fr
from ville_numerique.core.coverage import parse_thresholds
from ville_numerique.core.errors import InputError


@pytest.mark.parametrize(("text", "expected"), [
    # 4 km/h = 4000 m / 60 min = 66.67 m per minute: 15 min = 1000 m, 4.5 min = 300 m, 22.5 min = 1500 m
    ("epn=15min", {"epn": 1000.0}),
    ("epn=15 min;wifi=4.5mn", {"epn": 1000.0, "wifi": 300.0}),
    ("france_services=22.5min", {"france_services": 1500.0}),
    ("epn=2min", {"epn": 133.33}),  # 133.333… m, kept to the centimetre
    # metres without unit (as before), with m or km
    ("epn=1200", {"epn": 1200.0}),
    ("epn=1200m;wifi=0.3km", {"epn": 1200.0, "wifi": 300.0}),
    ("EPN = 1 200 m", {"epn": 1200.0}),
])
def test_thresholds_in_minutes_or_metres(text, expected):
    assert parse_thresholds(text, "Thresholds") == expected


def test_minutes_follow_the_walking_speed():
    # 5 km/h = 83.33 m per minute: 15 min = 1250 m; 3 km/h: 15 min = 750 m
    assert parse_thresholds("epn=15min", "T", speed_kmh=5) == {"epn": 1250.0}
    assert parse_thresholds("epn=15min", "T", speed_kmh=3) == {"epn": 750.0}


@pytest.mark.parametrize("text", ["epn=15h", "epn=min", "epn=quinze", "epn=15 minutes"])
def test_an_unknown_unit_is_refused_with_the_accepted_forms(text):
    with pytest.raises(InputError, match="not a distance or a walking time .* epn=15min"):
        parse_thresholds(text, "Thresholds")


def test_the_same_category_in_minutes_and_metres_is_refused():
    with pytest.raises(InputError, match="more than once"):
        parse_thresholds("epn=15min;EPN=1000", "Thresholds")


def shares():
    return {"age_65_plus": np.array([0.4, 0.1]), "poor_households": np.array([0.1, 0.3])}


def test_fragility_weights_in_french_are_the_english_ones():
    english = fr.fragility_index(shares(), weights={"age_65_plus": 2, "poor_households": 1})
    french = fr.fragility_index(shares(), weights={"plus_65_ans": 2, "menages_pauvres": 1})
    mixed = fr.fragility_index(shares(), weights={"plus_65_ans": 2, "poor_households": 1})
    np.testing.assert_array_equal(english.index, french.index)
    np.testing.assert_array_equal(english.index, mixed.index)
    assert not np.array_equal(english.index, fr.fragility_index(shares(), weights={"plus_65_ans": 1}).index)
    assert set(fr.FRENCH_KEYS) == set(fr.ALL_INDICATORS)
    assert fr.indicator_key("age_65_plus", "fr") == "plus_65_ans" and fr.indicator_key("age_65_plus") == "age_65_plus"


def test_an_indicator_given_in_both_languages_is_refused():
    with pytest.raises(InputError, match="given twice"):
        fr.fragility_index(shares(), weights={"plus_65_ans": 2, "age_65_plus": 1})
    with pytest.raises(InputError, match="plus_65_ans"):  # the message lists the French keys too
        fr.fragility_index(shares(), weights={"seniors": 1})
