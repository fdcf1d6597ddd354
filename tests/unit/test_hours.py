"""Opening hours -> hours per week (OSM opening_hours, also built from the France Services fields)."""

import csv
import json
import os
import re
from pathlib import Path

import numpy as np
import pytest
from ville_numerique.core.errors import InputError
from ville_numerique.core.hours import (
    HoursResult,
    hours_weights,
    osm_hours_per_week,
)
from ville_numerique.core.services import france_services_opening_hours

DATA = Path(os.environ.get("VILLE_NUMERIQUE_SHARED_DATA", "/work/shared/data")) / "mediation-numerique"
LIEUX = DATA / "lieux_mediation_numerique_dep62_2023-05.geojson"
FRANCE_SERVICES = DATA / "france_services_dep62_2023-07.csv"


@pytest.mark.parametrize(
    "text,hours,flags",
    [
        # 5 x (3 + 4.5) + 3.5 = 41
        ("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", 41.0, ()),
        # 2 days x 2 h
        ("Mo,We 10:00-12:00", 4.0, ()),
        ("24/7", 168.0, ()),
        ("Mo-Su 00:00-24:00", 168.0, ()),
        ("off", 0.0, ()),
        ("closed", 0.0, ()),
        # holidays do not change the regular week: 5 x 8
        ("Mo-Fr 09:00-17:00; PH off", 40.0, ("holiday_ignored",)),
        ("Mo-Fr,PH 09:00-17:00", 40.0, ("holiday_ignored",)),
        # a later normal rule replaces the day: 4 x 10 + 0 (We closed)
        ("Mo-Fr 08:00-18:00; We 12:00-14:00 off", 40.0, ()),
        # an additional rule removes only its times: 50 - 2
        ("Mo-Fr 08:00-18:00, We 12:00-14:00 off", 48.0, ()),
        # a normal rule replaces: 4 x 9 + 3 = 39
        ("Mo-Fr 09:00-18:00; We 09:00-12:00", 39.0, ()),
        # additional rules add up: 2 + 2
        ("Mo 10:00-12:00, We 14:00-16:00", 4.0, ()),
        # wrap-around day range Fr,Sa,Su,Mo x 4 h overnight
        ("Fr-Mo 22:00-02:00", 16.0, ("overnight",)),
        # the month-restricted rule is dropped because a year-round one exists
        ("Mo-Fr 09:00-17:00; Aug off", 40.0, ("month_selector_ignored",)),
        # only restricted rules: applied all year
        ("Jan-Jun Mo 10:00-12:00", 2.0, ("month_selector_ignored",)),
        ("Jan-Mar: Mo 10:00-12:00", 2.0, ("month_selector_ignored",)),
        ("week 1-53/2 Mo 10:00-12:00", 2.0, ("week_selector_ignored",)),
        # first and third Saturday: 2 occurrences x 12/52 of the weeks x 2 h
        ("Sa[1,3] 10:00-12:00", 2 * 12 / 52 * 2, ("nth_weekday",)),
        # days without times are open all day
        ("Sa", 24.0, ()),
        # comments and fallbacks are ignored
        ('Mo-Fr 09:00-12:00 "sur rendez-vous"', 15.0, ("comment_ignored",)),
        ('Mo-Fr 09:00-12:00 || "sur rendez-vous"', 15.0, ("comment_ignored", "fallback_ignored")),
        ("Mo 09:00-12:00 unknown", 3.0, ("unknown_as_open",)),
        # en dash and spaces tolerated
        ("Tu 09:00 \u2013 12:30", 3.5, ()),
        # overlapping intervals are counted once
        ("Mo 09:00-12:00,11:00-13:00", 4.0, ()),
        # real-data oddity: two adjacent intervals
        ("Sa 09:00-10:30,10:30-12:00", 3.0, ()),
    ],
)
def test_osm_hours(text, hours, flags):
    r = osm_hours_per_week(text)
    assert r.ok and r.reason is None
    assert r.hours == pytest.approx(hours, abs=1e-12)
    assert r.flags == tuple(sorted(flags))


@pytest.mark.parametrize(
    "text",
    [
        "Sa 10:00-18:00;10:00,12:00,13:30-17:30",  # real malformed value (lone times)
        "sunrise-sunset",
        "Mo 10:00+",
        "Lu-Ve 9h-12h",
        "Mo 25:00-26:61",
        "Mo-Fr 09:00-",
        "Mo-Fr 10:00-16:00/01:30",
        "Mo[7] 10:00-12:00",
        "@@@",
    ],
)
def test_osm_hours_unreadable_never_crash(text):
    r = osm_hours_per_week(text)
    assert r.hours is None and not r.ok
    assert "could not be read" in r.reason


@pytest.mark.parametrize("text", [None, "", "   ", float("nan")])
def test_osm_hours_missing(text):
    r = osm_hours_per_week(text)
    assert r.hours is None and r.reason == "No opening hours given."


@pytest.mark.parametrize("text", ["PH off", '"sur rendez-vous"', "SH 10:00-12:00"])
def test_osm_hours_without_regular_week(text):
    r = osm_hours_per_week(text)
    assert r.hours is None and "no regular weekly hours" in r.reason


def test_france_services_record():
    # Sains-en-Gohelle (first row of the dep. 62 file), read as the services model reads it:
    # Mo, Tu, We, Fr 09:00-12:00/14:00-17:30 = 6.5 h; Th 09:00-12:00/15:00-17:30 = 5.5 h;
    # Sa 08:30-12:00 = 3.5 h -> 4 x 6.5 + 5.5 + 3.5 = 35
    record = {
        "h_lundi": "09:00 - 12:00 / 14:00 - 17:30",
        "h_mardi": "09:00 - 12:00 / 14:00 - 17:30",
        "h_mercredi": "09:00 - 12:00 / 14:00 - 17:30",
        "h_jeudi": "09:00 - 12:00 / 15:00 - 17:30",
        "h_vendredi": "09:00 - 12:00 / 14:00 - 17:30",
        "h_samedi": "08:30 - 12:00",
    }
    assert osm_hours_per_week(france_services_opening_hours(record)) == HoursResult(35.0)
    # a closed day counts 0 h: 6.5 + 3.5
    closed = {"h_lundi": "Fermé", "h_mardi": "9h-12h et 14h00-17h30", "h_samedi": "08:30 - 12:00"}
    assert osm_hours_per_week(france_services_opening_hours(closed)).hours == pytest.approx(10.0)
    bad = dict(record, h_mardi="le matin")
    assert osm_hours_per_week(france_services_opening_hours(bad)).hours is None
    empty = {k: "" for k in record}
    assert osm_hours_per_week(france_services_opening_hours(empty)).hours is None


def _independent_saturday_hours(text):
    """The real ``horaires`` are all 'Sa a-b[,c-d]': an independent reading."""
    m = re.fullmatch(r"Sa ((?:\d\d:\d\d-\d\d:\d\d,?)+)", text)
    if m is None:
        return None
    total = 0
    for a, b in re.findall(r"(\d\d:\d\d)-(\d\d:\d\d)", m.group(1)):
        ha, ma = map(int, a.split(":"))
        hb, mb = map(int, b.split(":"))
        total += (hb * 60 + mb) - (ha * 60 + ma)
    return total / 60


def test_real_mediation_numerique_hours():
    features = json.loads(LIEUX.read_text(encoding="utf-8"))["features"]
    values = [f["properties"].get("horaires") for f in features]
    results = [osm_hours_per_week(v) for v in values]
    assert len(results) == 642
    given = [(v, r) for v, r in zip(values, results) if v]
    parsed = [(v, r) for v, r in given if r.ok]
    assert len(given) == 68  # 574 places publish no hours
    assert len(parsed) == 67  # all but 'Sa 10:00-18:00;10:00,12:00,13:30-17:30'
    assert sum(1 for r in results if r.reason == "No opening hours given.") == 574
    for v, r in parsed:
        assert r.hours == pytest.approx(_independent_saturday_hours(v)), v
    assert sum(r.hours for _, r in parsed) == pytest.approx(243.0)


def test_real_france_services_hours():
    with FRANCE_SERVICES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    results = [osm_hours_per_week(france_services_opening_hours(r)) for r in rows]
    assert len(results) == 50
    parsed = [r.hours for r in results if r.ok]
    assert len(parsed) == 49  # "France services de Haisnes" publishes no hours
    assert results[0].hours == 35.0  # Sains-en-Gohelle, computed above
    assert min(parsed) == 9.0 and max(parsed) == 40.5
    assert sum(parsed) == pytest.approx(1489.75)


def test_hours_weights():
    values = [HoursResult(10.0), HoursResult(None, "x"), 30.0, None, HoursResult(20.0)]
    w, missing = hours_weights(values)
    assert w.tolist() == [10.0, 20.0, 30.0, 20.0, 20.0] and missing == 2  # median of 10, 20, 30
    w, missing = hours_weights(values, missing=0)
    assert w.tolist() == [10.0, 0.0, 30.0, 0.0, 20.0]
    w, missing = hours_weights([None, None])
    assert w.tolist() == [1.0, 1.0] and missing == 2
    with pytest.raises(InputError):
        hours_weights(values, missing="mean")
    with pytest.raises(InputError):
        hours_weights(values, missing=-1)
    assert isinstance(w, np.ndarray)
