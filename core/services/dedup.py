"""Merging of the records that describe the same place (rules M1..M3 of docs/categories.md).

Part of the :mod:`core.services` package.
"""

from __future__ import annotations

import difflib
import math
import re

from ..errors import InputError
from ..i18n import tr
from .itinerance import is_itinerant
from .records import DATASET_PRIORITY, RECORD_FIELDS, SOURCE_PRIORITY
from .vocabulary import _join, _text, join_categories, normalise_text, split_categories, split_values

# ---------------------------------------------------------------------------
# Cross-source merging
# ---------------------------------------------------------------------------

EARTH_RADIUS_M = 6371008.8
NAME_SIMILARITY = 0.85
_STOPWORDS = frozenset(("de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en"))
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
#: Rule M5: abbreviations of structures expanded before names are compared.
STRUCTURE_ABBREVIATIONS = {
    "epn": "espace public numerique",
    "epi": "espace public internet",
    "msap": "maison de services au public",
    "mfs": "maison france services",
    "fs": "france services",
    "pimms": "point information mediation multi services",
    "ccas": "centre communal d action sociale",
    "cias": "centre intercommunal d action sociale",
    "caf": "caisse d allocations familiales",
    "cpam": "caisse primaire d assurance maladie",
    "mjc": "maison des jeunes et de la culture",
    "csc": "centre socio culturel",
    "pij": "point information jeunesse",
}
#: Spellings folded together: "socio-culturel" / "socioculturel", "France service" / "services".
_FOLDS = {"socioculturel": "socio culturel", "service": "services", "multiservices": "multi services",
          "mediatheques": "mediatheque", "bibliotheques": "bibliotheque"}
#: Rule M2: a name contained in another must sit at its head: its words are among
#: the first ``len(short) + NAME_HEAD_SLACK`` words of the longer name.
NAME_HEAD_SLACK = 3
#: Street words expanded in addresses (rule R3).
_STREET_ABBREVIATIONS = {"av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard",
                         "pl": "place", "all": "allee", "che": "chemin", "chem": "chemin", "imp": "impasse",
                         "rte": "route", "sq": "square", "fg": "faubourg", "gal": "general", "gen": "general",
                         "res": "residence", "r": "rue"}


def haversine_m(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres between two WGS 84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def expand_abbreviations(text):
    """``normalise_text`` with ``st`` -> ``saint`` and the ``STRUCTURE_ABBREVIATIONS`` expanded."""
    words = []
    for token in normalise_text(text).split():
        token = _ABBREVIATIONS.get(token, token)
        words.extend(_FOLDS.get(token, STRUCTURE_ABBREVIATIONS.get(token, token)).split())
    return " ".join(words)


def name_tokens(name):
    """Name comparison tokens: normalised, abbreviations expanded (rule M5), articles dropped."""
    return [t for t in expand_abbreviations(name).split() if t not in _STOPWORDS]


def address_key(address):
    """Address comparison key (rule R3): number and street words, street abbreviations expanded.

    ``"9bis Rue de la Longeville"`` and ``"9 bis rue de la Longeville"`` give the same key;
    ``""`` when the address has no street word (``"mairie"``, ``"-----"``).
    """
    text = re.sub(r"(\d)([a-z])", r"\1 \2", normalise_text(address))
    words = [_STREET_ABBREVIATIONS.get(w, w) for w in text.split()]
    words = [w for w in words if w not in _STOPWORDS]
    return " ".join(words) if len(words) >= 2 else ""


def names_match(name_a, name_b, threshold=NAME_SIMILARITY):
    """True when two place names designate the same place.

    Rule M2 of docs/categories.md: on :func:`name_tokens` (abbreviations
    expanded, rule M5), the shorter name's words all found at the head of the
    longer name (its first ``n + NAME_HEAD_SLACK`` words), or ``difflib``
    ratio of the token strings >= ``threshold``.
    """
    return _tokens_match(name_tokens(name_a), name_tokens(name_b), threshold)


def _tokens_match(tokens_a, tokens_b, threshold):
    if not tokens_a or not tokens_b:
        return False
    set_a, set_b = set(tokens_a), set(tokens_b)
    short, long_ = (tokens_a, tokens_b) if len(set_a) <= len(set_b) else (tokens_b, tokens_a)
    if set(short) <= set(long_[: len(set(short)) + NAME_HEAD_SLACK]):
        return True
    ratio = difflib.SequenceMatcher(None, " ".join(tokens_a), " ".join(tokens_b)).ratio()
    return ratio >= threshold


def record_priority(record):
    """Sort key: lower is preferred for the name and position of a merged place.

    Dataset first (``DATASET_PRIORITY``: France Services CSV > lieux files >
    tiers-lieux files), then producer (``SOURCE_PRIORITY``), then ``id``.
    """
    datasets = [sid.split(":", 1)[0] for sid in split_values(record.get("source_ids"))]
    dataset_rank = min((DATASET_PRIORITY.index(d) if d in DATASET_PRIORITY else len(DATASET_PRIORITY)
                        for d in datasets), default=len(DATASET_PRIORITY))
    source_rank = min((SOURCE_PRIORITY.index(s) if s in SOURCE_PRIORITY else len(SOURCE_PRIORITY)
                       for s in split_values(record.get("sources"))), default=len(SOURCE_PRIORITY))
    return (dataset_rank, source_rank, _text(record.get("id")))


class _UnionFind:
    def __init__(self, size):
        self.parent = list(range(size))

    def find(self, item):
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b):
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # the smaller index stays the root: groups come out in input order
            if root_b < root_a:
                root_a, root_b = root_b, root_a
            self.parent[root_b] = root_a
        return root_a != root_b


def _merge_group(members):
    members = sorted(members, key=record_priority)
    top = members[0]
    merged = {field: top.get(field, "") for field in RECORD_FIELDS}

    def first(field, group=None):
        for member in group or members:
            value = _text(member.get(field))
            if value:
                return value
        return ""

    address_owner = next((m for m in members if _text(m.get("adresse"))), top)
    for field in ("adresse", "code_postal", "commune"):
        merged[field] = _text(address_owner.get(field)) or first(field)
    for field in ("code_insee", "horaires", "itinerance"):
        merged[field] = first(field)
    merged["date_maj"] = max((_text(m.get("date_maj")) for m in members), default="")
    merged["categories"] = join_categories(
        [code for m in members for code in split_categories(m.get("categories"))])
    for field in ("sources", "source_ids", "services", "labels"):
        merged[field] = _join(v for m in members for v in split_values(m.get(field)))
    merged["n_sources"] = len(split_values(merged["sources"]))
    return merged


#: Default merging distance (metres), see docs/categories.md, rule M2.
MERGE_DISTANCE_M = 100.0

#: Producers whose ids each denote a distinct place (rule M3): two records
#: with different ``id`` from these producers are never merged, whatever
#: their names and distance (a France Services bus and the fixed France
#: Services of the same office, 35 m apart in Lens).
DISTINCT_ID_SOURCES = ("france-services",)


def _distinct_keys(record):
    record_id = _text(record.get("id"))
    prefix = record_id.split(":", 1)[0]
    return frozenset((record_id,)) if prefix in DISTINCT_ID_SOURCES else frozenset()


def merge_duplicates(records, max_distance_m=MERGE_DISTANCE_M, name_threshold=NAME_SIMILARITY, links=()):
    """Merge the records that describe the same place; return new records.

    M1: records with the same ``id`` merge. M2: records at most
    ``max_distance_m`` apart (haversine) whose names match
    (:func:`names_match`) merge, closest pairs first. M3: a merge that would
    put two different France Services ids (``DISTINCT_ID_SOURCES``) in one
    place is refused. M4: an itinerant record and a fixed one never merge by
    M2 ("PIMMS Mobile Beuvry" is not "PIMMS Beuvry"). ``links``: pairs of
    indexes of ``records`` merged whatever their distance (the France Services
    reconciliation, :func:`reconcile_france_services`). Groups are closed transitively (union-find); candidate
    pairs come from a grid of cells at least ``max_distance_m`` wide, so the
    cost grows about linearly with the number of records.

    A merged record takes ``id``, ``nom`` and position from its
    highest-priority member (:func:`record_priority`), the address block from
    the first member that has one, ``code_insee``, ``horaires`` and
    ``itinerance`` from the first member that has them, the latest
    ``date_maj``, and the union of ``categories``, ``sources``,
    ``source_ids``, ``services`` and ``labels``. Output order: order of each
    group's first record in the input. Records must have float ``lon``/``lat``
    (normalised records).
    """
    try:
        max_distance_m = float(max_distance_m)
    except (TypeError, ValueError):
        max_distance_m = float("nan")
    if not (math.isfinite(max_distance_m) and max_distance_m >= 0.0):
        raise InputError(tr("The merging distance must be a positive number of metres."))
    records = list(records)
    union = _UnionFind(len(records))
    distinct = {index: _distinct_keys(record) for index, record in enumerate(records)}

    def join(a, b, force=False):
        root_a, root_b = union.find(a), union.find(b)
        if root_a == root_b:
            return
        if not force and distinct[root_a] and distinct[root_b]:
            return  # rule M3
        keys = distinct.pop(root_a) | distinct.pop(root_b)
        union.union(root_a, root_b)
        distinct[union.find(root_a)] = keys

    first_with_id = {}
    for index, record in enumerate(records):
        key = _text(record.get("id"))
        if key:
            if key in first_with_id:
                join(first_with_id[key], index, force=True)
            else:
                first_with_id[key] = index
    for a, b in links:
        join(a, b)

    if max_distance_m > 0.0 and len(records) > 1:
        try:
            lats = [float(r["lat"]) for r in records]
            lons = [float(r["lon"]) for r in records]
        except (KeyError, TypeError, ValueError):
            raise InputError(tr("Every place to merge needs numeric lon and lat fields.")) from None
        max_abs_lat = min(89.0, max(abs(v) for v in lats))
        cell_lat = math.degrees(max_distance_m / EARTH_RADIUS_M) * 1.01
        cell_lon = cell_lat / math.cos(math.radians(max_abs_lat))
        grid = {}
        cells = []
        for index in range(len(records)):
            cell = (math.floor(lats[index] / cell_lat), math.floor(lons[index] / cell_lon))
            cells.append(cell)
            grid.setdefault(cell, []).append(index)
        tokens = [name_tokens(r.get("nom")) for r in records]
        itinerant = [is_itinerant(r) for r in records]
        pairs = []
        for index, (row, col) in enumerate(cells):
            for d_row in (-1, 0, 1):
                for d_col in (-1, 0, 1):
                    for other in grid.get((row + d_row, col + d_col), ()):
                        if other <= index or itinerant[index] != itinerant[other]:
                            continue  # rule M4
                        distance = haversine_m(lons[index], lats[index], lons[other], lats[other])
                        if distance <= max_distance_m and _tokens_match(
                                tokens[index], tokens[other], name_threshold):
                            pairs.append((distance, index, other))
        for _distance, index, other in sorted(pairs):
            join(index, other)

    groups = {}
    for index in range(len(records)):
        groups.setdefault(union.find(index), []).append(records[index])
    return [_merge_group(groups[root]) for root in sorted(groups)]
