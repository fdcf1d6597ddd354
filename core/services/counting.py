"""What ``fetch_services`` counted, as one JSON-ready dict (docs/categories.md, section 7).

Part of the :mod:`core.services` package; pure Python.
"""

from __future__ import annotations

from collections import Counter

from .itinerance import is_itinerant
from .reconcile import is_official, nearest_official
from .vocabulary import CATEGORIES, FRANCE_SERVICES, split_categories, split_values


def _by_category(places):
    counts = Counter(code for p in places for code in split_categories(p.get("categories")))
    return {code: counts[code] for code in CATEGORIES if counts[code]}


def _by_producer(places):
    counts = Counter(source for p in places for source in split_values(p.get("sources")))
    return dict(sorted(counts.items()))


def count_summary(places, stops, sources, merged, reconciliation, unmatched, outside=0, uncategorised=0,
                  itinerant_included=False):
    """The counts of a services run.

    ``places``: places written (fixed, plus the itinerant ones when
    ``itinerant_included``); ``stops``: itinerant stops written apart;
    ``sources``: one dict per source file ``{"name", "read", "kept",
    "rejected": {reason: n}}``; ``merged``: records merged away as duplicates;
    ``reconciliation`` / ``unmatched``: of :func:`reconcile_france_services` and
    :func:`drop_unmatched_france_services`; ``outside``: records outside the
    area; ``uncategorised``: places without any chosen category.
    """
    itinerant = [p for p in places if is_itinerant(p)] if itinerant_included else list(stops)
    fixed = [p for p in places if not is_itinerant(p)]
    fs_all = [p for p in list(places) + list(stops) if FRANCE_SERVICES in split_categories(p.get("categories"))]
    rejected = Counter()
    for source in sources:
        rejected.update(source.get("rejected") or {})
    unmatched_rows = []
    for place in unmatched:
        official, distance = nearest_official(place, reconciliation)
        unmatched_rows.append({
            "id": place.get("id"), "nom": place.get("nom"), "commune": place.get("commune"),
            "nearest_official": official.get("nom") if official else None,
            "distance_m": round(distance, 1) if distance is not None else None,
        })
    return {
        "fixed_places": {"count": len(fixed), "by_category": _by_category(fixed)},
        "itinerant_stops": {
            "count": len(itinerant),
            "counted_as_places": bool(itinerant_included),
            "by_category": _by_category(itinerant),
            "communes": sorted({p.get("commune") for p in itinerant if p.get("commune")}),
        },
        "excluded_records": {"by_reason": dict(sorted(rejected.items())), "outside_area": outside,
                             "without_chosen_category": uncategorised},
        "merged_duplicates": merged,
        "france_services": {
            "official_list_read": bool(reconciliation.n_official),
            # without the ANCT list, every France Services place (not reconciled)
            "desks": sum(1 for p in fs_all if is_official(p)) if reconciliation.n_official else len(fs_all),
            "itinerant_desks": sum(1 for p in fs_all if is_official(p) and is_itinerant(p)),
            "copies_merged_into_the_list": len(reconciliation.matched),
            "not_on_the_list": unmatched_rows,
        },
        "by_source": [dict(source) for source in sources],
        "places_by_producer": _by_producer(list(places) + list(stops)),
    }
