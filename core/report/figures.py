"""What the report says: units, cumulative coverage, key figures, fragile areas, scenario comparison."""

import math
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .formats import _finite, format_distance, format_number
from .texts import CATALOGUE, FRAGILE_COUNT, LOW_SCORE, NBSP, category_label, category_short_label, esc, plain, text


@dataclass
class Unit:
    """One population unit of the coverage layer (see the module docstring)."""

    fid: object
    population: float
    score: object = None  # float or None
    distances: dict = field(default_factory=dict)  # code -> metres (None/inf: no service)
    covered: dict = field(default_factory=dict)  # code -> 0/1 (None: unknown)
    label: str = ""
    fragility: object = None
    priority: object = None
    lon: object = None
    lat: object = None


def as_unit(value):
    """A :class:`Unit` from a Unit or a dict with the same keys."""
    if isinstance(value, Unit):
        return value
    return Unit(**value)


def _number_or_none(value):
    return float(value) if _finite(value) else None


def _distance(value):
    """Distance as a float; ``None``/NaN → inf (no service of that category)."""
    if value is None:
        return math.inf
    try:
        value = float(value)
    except (TypeError, ValueError):
        return math.inf
    return math.inf if math.isnan(value) else value


class CumulativeCoverage:
    """Share of the population within distance ``d`` of a category's nearest place.

    ``share(d) = Σ P(u) for d(u) <= d / Σ P(u)``; units without any place of
    the category (distance ``None``/inf) are never within reach. Population
    ``NaN``/``None`` counts as 0.
    """

    def __init__(self, distances, population):
        pairs = []
        total = 0.0
        for d, p in zip(distances, population):
            p = float(p) if _finite(p) else 0.0
            total += p
            d = _distance(d)
            if math.isfinite(d):
                pairs.append((d, p))
        pairs.sort()
        self.total = total
        self.distances = [d for d, _ in pairs]
        self.cumulative = []
        running = 0.0
        for _, p in pairs:
            running += p
            self.cumulative.append(running)

    def share(self, d):
        if self.total <= 0:
            return 0.0
        index = bisect_right(self.distances, d)
        return self.cumulative[index - 1] / self.total if index else 0.0

    def max_distance(self):
        return self.distances[-1] if self.distances else 0.0

    def steps(self, d_max):
        """``[(d, share)]`` breakpoints of the step curve up to ``d_max`` (last share kept once per d)."""
        result = []
        for d, c in zip(self.distances, self.cumulative):
            if d > d_max:
                break
            value = c / self.total if self.total > 0 else 0.0
            if result and result[-1][0] == d:
                result[-1] = (d, value)
            else:
                result.append((d, value))
        return result


def fragile_units(units, count=FRAGILE_COUNT, low_score=LOW_SCORE):
    """The areas to list (and number on the map).

    With ``priority`` values: the ``count`` units of highest priority (ties:
    more population first). Without: the ``count`` most populated units
    whose score is under ``low_score``. Returns ``(units, mode)`` with mode
    ``"priority"``, ``"low_score"`` or ``"no_score"``.
    """
    units = [as_unit(u) for u in units]
    with_priority = [u for u in units if _finite(u.priority)]
    if with_priority:
        ranked = sorted(with_priority, key=lambda u: (-float(u.priority), -(u.population or 0.0), str(u.fid)))
        return ranked[:count], "priority"
    if not any(_finite(u.score) for u in units):
        return [], "no_score"
    low = [u for u in units if _finite(u.score) and float(u.score) < low_score]
    ranked = sorted(low, key=lambda u: (-(u.population or 0.0), float(u.score), str(u.fid)))
    return ranked[:count], "low_score"


def missing_categories(unit, summary, language, short=False):
    """``[(label, distance text)]`` of the categories not within reach of ``unit`` (``short`` labels for the PDF)."""
    result = []
    for code, info in (summary.get("categories") or {}).items():
        covered = unit.covered.get(code)
        distance = _distance(unit.distances.get(code)) if code in unit.distances else None
        threshold = _number_or_none(info.get("threshold_m"))
        if covered is None and distance is not None and threshold is not None:
            covered = 1 if distance <= threshold else 0
        if covered == 0:
            shown = format_distance(distance, language) if distance is not None and math.isfinite(distance) \
                else plain(text("no_service", language))
            label = category_short_label(code, language) if short else category_label(code, language)
            result.append((label, shown))
    return result


def unit_label(unit, language):
    return unit.label if unit.label else plain(text("unit_default", language, id=unit.fid))


def format_position(unit, language):
    if not (_finite(unit.lat) and _finite(unit.lon)):
        return ""
    lat, lon = float(unit.lat), float(unit.lon)
    sep = "," if language == "fr" else "."
    return "{}° {}, {}° {}".format(
        "{:.4f}".format(abs(lat)).replace(".", sep), "N" if lat >= 0 else "S",
        "{:.4f}".format(abs(lon)).replace(".", sep), "E" if lon >= 0 else "O" if language == "fr" else "W")


def _looks_like_summary(value):
    return isinstance(value, dict) and isinstance(value.get("categories"), dict)


def _first_number(mapping, *keys):
    for key in keys:
        if isinstance(mapping, dict) and _finite(mapping.get(key)):
            return float(mapping[key])
    return None


def scenario_comparison(scenario):
    """Normalise a scenario summary into rows for the before/after table.

    The shape written by ``ville_numerique:scenario``::

        {"before": <coverage summary>, "after": <coverage summary>,
         "delta": {"categories": {code: {"population_newly_covered", "share_covered_change",
                                         "n_services_added", ...}},
                   "score_mean_change", "population_newly_covered_any", ...},
         "inputs": {"planned": <layer>, ...}, ...}

    Also read: a ``delta`` alone (changes only), the older names
    ``share_covered``/``population_covered``/``score_mean`` inside ``delta``,
    and optional ``name``/``title``, ``description``, ``added_services``
    (names or records with ``nom``/``name``).

    Returns ``{"name", "description", "added", "rows", "score", "newly_covered_any", "known",
    "scalars"}``; ``rows`` = ``[{code, services_added, share_before, share_after, share_delta,
    pop_before, pop_after, pop_new}]`` (missing values ``None``). ``known`` is False for any other
    shape: the report then lists the scalar values as given (``scalars``).
    """
    empty = {"name": "", "description": "", "added": [], "rows": [], "score": None, "newly_covered_any": None,
             "known": False, "scalars": []}
    if not isinstance(scenario, dict):
        return empty
    name = scenario.get("name") or scenario.get("title") or scenario.get("label") or ""
    planned = (scenario.get("inputs") or {}).get("planned") if isinstance(scenario.get("inputs"), dict) else None
    description = scenario.get("description") or ""
    added = []
    for key in ("added_services", "services_added", "added"):
        value = scenario.get(key)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    item = item.get("nom") or item.get("name") or item.get("id") or ""
                if item:
                    added.append(str(item))
    before, after = scenario.get("before"), scenario.get("after")
    delta = scenario.get("delta") if isinstance(scenario.get("delta"), dict) else {}
    delta_categories = delta.get("categories") if isinstance(delta.get("categories"), dict) else {
        k: v for k, v in delta.items() if isinstance(v, dict)}
    score_change = _first_number(delta, "score_mean_change", "score_mean")
    has_both = _looks_like_summary(before) and _looks_like_summary(after)
    if not has_both and not delta_categories and score_change is None:
        result = dict(empty, name=str(name), description=str(description), added=added)
        result["scalars"] = [(str(k), "" if v is None else str(v)) for k, v in scenario.items()
                             if isinstance(v, (str, int, float, bool)) or v is None]
        return result
    before_categories = before["categories"] if has_both else {}
    after_categories = after["categories"] if has_both else {}
    codes = list(before_categories) + [c for c in after_categories if c not in before_categories]
    codes += [c for c in delta_categories if c not in codes]
    rows = []
    for code in codes:
        b, a, d = before_categories.get(code) or {}, after_categories.get(code) or {}, delta_categories.get(code) or {}
        row = {
            "code": code,
            "share_before": _first_number(b, "share_covered"),
            "share_after": _first_number(a, "share_covered"),
            "pop_before": _first_number(b, "population_covered"),
            "pop_after": _first_number(a, "population_covered"),
            "services_added": _first_number(d, "n_services_added"),
        }
        if has_both and code not in before_categories:  # a type that only the scenario brings
            row["share_before"], row["pop_before"] = 0.0, 0.0
        if row["services_added"] is None and has_both and _finite(a.get("n_services")):
            row["services_added"] = float(a["n_services"]) - float(b.get("n_services") or 0)
        row["share_delta"] = _first_number(d, "share_covered_change", "share_covered")
        if row["share_delta"] is None and row["share_after"] is not None:
            row["share_delta"] = row["share_after"] - (row["share_before"] or 0.0)
        row["pop_new"] = _first_number(d, "population_newly_covered", "population_covered")
        if row["pop_new"] is None and row["pop_after"] is not None:
            row["pop_new"] = max(0.0, row["pop_after"] - (row["pop_before"] or 0.0))
        rows.append(row)
    score_before = _first_number(before, "score_mean") if has_both else None
    score_after = _first_number(after, "score_mean") if has_both else None
    if score_change is None and score_before is not None and score_after is not None:
        score_change = score_after - score_before
    if not name and planned:
        name = display_source(planned, "en").split(",")[0] if "|" not in str(planned) else \
            str(planned).partition("layername=")[2] or os.path.basename(str(planned).partition("|")[0])
    return {"name": str(name), "description": str(description), "added": added, "rows": rows,
            "score": {"before": score_before, "after": score_after, "delta": score_change},
            "newly_covered_any": _first_number(delta, "population_newly_covered_any"),
            "known": True, "scalars": []}


def _fold(value):
    import unicodedata

    text_ = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text_).strip()


def guess_place_name(names):
    """The most frequent name (case and accents ignored), in its best-written form.

    ``["Saint-Omer", "SAINT-OMER", "Arques"]`` → ``"Saint-Omer"``; ``""`` when none.
    """
    groups = {}
    for name in names:
        if name is None:
            continue
        name = str(name).strip()
        if not name or name.upper() == "NULL":
            continue
        groups.setdefault(_fold(name), []).append(name)
    if not groups:
        return ""
    best = max(groups.values(), key=len)
    written = [n for n in best if not n.isupper()] or best
    return max(set(written), key=written.count)


def default_title(place, language):
    if place:
        return plain(text("default_title", language, name=place))
    return plain(text("default_title_no_name", language))


def display_source(uri, language):
    """``/a/b/saint_omer.gpkg|layername=services`` → ``saint_omer.gpkg, couche services``.

    Only the file name is shown: a report is shared, paths on the author's
    disk are not its business.
    """
    if uri is None:
        return ""
    uri = str(uri)
    path, _, options = uri.partition("|")
    layer = ""
    for option in options.split("|"):
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername":
            layer = value
    name = os.path.basename(path.rstrip("/\\")) or path
    if layer:
        return plain(text("layer_in_file", language, file=name, layer=layer))
    return name


def uses_sample(summary):
    inputs = summary.get("inputs") or {}
    return any("saint_omer.gpkg" in str(inputs.get(key) or "") for key in ("population", "services"))


def distance_method(summary):
    return str(summary.get("distance_method") or "straight_line")


def method_words(summary, language):
    method = distance_method(summary)
    if method == "straight_line":
        return text("method_straight_line", language)
    if method.startswith("network"):
        return text("method_network", language)
    return esc(method)


def crs_words(summary):
    crs = summary.get("distance_crs") or {}
    authid, name = crs.get("authid") or "", crs.get("name") or ""
    if authid and name:
        return "{} ({})".format(authid, name)
    return authid or name or "—"


def access_method(summary):
    """``(method, decay)`` codes of the summary; ``(None, None)`` for the default (nearest, step)."""
    inputs = summary.get("inputs") if isinstance(summary.get("inputs"), dict) else {}
    method = str(summary.get("method") or inputs.get("method") or "nearest").lower()
    decay = str(summary.get("decay") or inputs.get("decay") or "step").lower()
    if method == "nearest" and decay == "step":
        return None, None
    return method, decay


def access_words(summary, language):
    """``(method words, decay words)`` in the report's language, or ``None`` for the default."""
    method, decay = access_method(summary)
    if method is None:
        return None
    method_text = text("m_" + method, language) if "m_" + method in CATALOGUE else esc(method)
    decay_text = text("d_" + decay, language) if "d_" + decay in CATALOGUE else esc(decay)
    return method_text, decay_text


def mapping_text(mapping, language, unit=""):
    if not isinstance(mapping, dict):
        return ""
    parts = []
    for code, value in mapping.items():
        shown = format_number(value, language, 0 if _finite(value) and float(value) == round(float(value)) else 1)
        parts.append("{} {}{}".format(category_label(code, language), shown, (NBSP + unit) if unit else ""))
    return " ; ".join(parts) if language == "fr" else "; ".join(parts)


def key_figures(summary, units, low_score=LOW_SCORE):
    """Figures of the head of the report (summary first, layer for what it lacks)."""
    units = [as_unit(u) for u in units]
    total = _number_or_none(summary.get("population_total"))
    if total is None:
        total = sum(u.population or 0.0 for u in units)
    scored = [u for u in units if _finite(u.score)]
    full = low = None
    if scored and total:
        full = sum(u.population or 0.0 for u in scored if float(u.score) >= 99.999) / total
        low = sum(u.population or 0.0 for u in scored if float(u.score) < low_score)
    counts = summary.get("counts") or {}
    return {
        "population": total,
        "score_mean": _number_or_none(summary.get("score_mean")),
        "share_full": full,
        "population_low": low,
        "share_low": (low / total) if low is not None and total else None,
        "services": counts.get("services"),
        "units": counts.get("population_units", len(units) or None),
        "fragility_mean": _number_or_none(summary.get("fragility_mean")),
    }
