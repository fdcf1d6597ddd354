"""France Services reconciled with the official ANCT list (rules R1..R4 of docs/categories.md).

Every ``france_services`` record read from another source (lieux files, data
sets of a département…) is matched to the official list: same commune (R1),
at most ``RECONCILE_DISTANCE_M`` apart (R2), and names that match or addresses
that match (R3, abbreviations expanded). A matched copy is merged into the
official record; an unmatched one keeps its other categories but loses
``france_services`` and is listed (R4): only the ANCT list says where a France
Services desk is. Part of the :mod:`core.services` package; pure Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .dedup import EARTH_RADIUS_M, address_key, haversine_m, name_tokens, names_match
from .records import DATASET_FRANCE_SERVICES_CSV
from .vocabulary import FRANCE_SERVICES, _text, join_categories, split_categories, split_values

#: Rule R2: farthest distance between a copy and its official record (metres).
RECONCILE_DISTANCE_M = 500.0
#: Words dropped from commune names before comparing them ("Saint-Omer" = "ST OMER").
_COMMUNE_STOPWORDS = frozenset(("de", "du", "des", "la", "le", "les", "l", "d", "en", "sur", "sous", "lez",
                                "et", "aux", "au"))


@dataclass
class Reconciliation:
    """Result of :func:`reconcile_france_services`.

    ``links``: ``(official index, copy index)`` pairs to merge
    (``merge_duplicates(records, links=...)``); ``matched``: the copies, as
    ``(copy record, official record, distance in m, "name" or "address")``;
    ``unmatched``: ``(record, nearest official record or None, its distance)``;
    ``n_official``: records of the official list.
    """

    links: list = field(default_factory=list)
    matched: list = field(default_factory=list)
    unmatched: list = field(default_factory=list)
    n_official: int = 0


def is_official(record):
    """True for a record read from the ANCT France Services list (``france-services-csv:`` id)."""
    return any(sid.startswith(DATASET_FRANCE_SERVICES_CSV + ":") for sid in split_values(record.get("source_ids")))


def commune_key(value):
    """Commune comparison words: normalised, ``st`` -> ``saint``, small words dropped."""
    return [w for w in name_tokens(value) if w not in _COMMUNE_STOPWORDS]


def same_commune(a, b):
    """Rule R1: same INSEE code when both have one, else the words of one commune name
    start the other's ("ETAPLES-SUR-MER" and "Étaples", "ST OMER" and "Saint-Omer")."""
    code_a, code_b = _text(a.get("code_insee")), _text(b.get("code_insee"))
    if code_a and code_b:
        return code_a == code_b
    key_a, key_b = commune_key(a.get("commune")), commune_key(b.get("commune"))
    short, long_ = sorted((key_a, key_b), key=len)
    return bool(short) and long_[: len(short)] == short


def _why(copy, official):
    if names_match(copy.get("nom"), official.get("nom")):
        return "name"
    key = address_key(copy.get("adresse"))
    if key and key == address_key(official.get("adresse")):
        return "address"
    return ""


def _cell(record, size):
    """Grid cell of a record: ``size`` degrees of latitude, longitude cells twice as narrow in
    degrees are covered by looking two columns either side (valid up to 60° of latitude)."""
    return math.floor(float(record["lat"]) / size), math.floor(float(record["lon"]) / size)


def reconcile_france_services(records, max_distance_m=RECONCILE_DISTANCE_M):
    """Match every non-official ``france_services`` record to the official list.

    Returns a :class:`Reconciliation`; without any official record in
    ``records`` nothing is matched and nothing is flagged (``n_official`` 0).
    A copy matching several official records goes to the closest one.
    """
    records = list(records)
    official = [i for i, r in enumerate(records) if is_official(r)]
    result = Reconciliation(n_official=len(official))
    if not official:
        return result
    official_ids = {_text(records[i].get("id")) for i in official}
    official_set = set(official)
    # candidates within max_distance_m come from the 3 × 3 cells around a record; the nearest
    # official record (for the message) is searched among all only when none is that close
    cell = math.degrees(max(float(max_distance_m), 1.0) / EARTH_RADIUS_M) * 1.01
    grid = {}
    for o in official:
        grid.setdefault(_cell(records[o], cell), []).append(o)
    for index, record in enumerate(records):
        if index in official_set or FRANCE_SERVICES not in split_categories(record.get("categories")):
            continue
        if _text(record.get("id")) in official_ids:
            continue  # same id as an official row: merged by rule M1
        row, col = _cell(record, cell)
        near = [o for d_row in (-1, 0, 1) for d_col in (-2, -1, 0, 1, 2)
                for o in grid.get((row + d_row, col + d_col), ())]
        best, nearest = None, (None, float("inf"))
        for o in near or official:
            candidate = records[o]
            distance = haversine_m(record["lon"], record["lat"], candidate["lon"], candidate["lat"])
            if distance < nearest[1]:
                nearest = (candidate, distance)
            if distance > max_distance_m or not same_commune(record, candidate):
                continue
            why = _why(record, candidate)
            if why and (best is None or distance < best[1]):
                best = (o, distance, why)
        if best is None:
            result.unmatched.append((record, nearest[0], nearest[1]))
        else:
            result.links.append((best[0], index))
            result.matched.append((record, records[best[0]], best[1], best[2]))
    return result


def drop_unmatched_france_services(places, reconciliation):
    """Rule R4 after merging: a place with ``france_services`` but no official record loses it.

    Returns ``(places, flagged)``: ``flagged`` lists the places that lost the
    category, as they are in ``places`` (they keep their others; a place left
    without any category is dropped from ``places`` and still listed). No-op
    without an official list.
    """
    if not reconciliation.n_official:
        return list(places), []
    kept, flagged = [], []
    for place in places:
        codes = split_categories(place.get("categories"))
        if FRANCE_SERVICES in codes and not is_official(place):
            codes = [c for c in codes if c != FRANCE_SERVICES]
            place = dict(place, categories=join_categories(codes))
            flagged.append(place)
            if not codes:
                continue
        kept.append(place)
    return kept, flagged



def nearest_official(place, reconciliation):
    """``(official record, distance)`` nearest to an unmatched place (by its ``source_ids``), or ``(None, None)``."""
    ids = set(split_values(place.get("source_ids")))
    for record, official, distance in reconciliation.unmatched:
        if ids & set(split_values(record.get("source_ids"))):
            return official, distance
    return None, None
