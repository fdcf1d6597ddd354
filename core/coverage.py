"""Coverage of a population by digital services (pure Python, numpy/scipy).

What ``ville_numerique:coverage`` computes, for each population unit ``i``
and each service category ``c`` (formulas in ``docs/methodologie.md``):

* ``dist_c`` — distance in metres to the nearest service of the category,
  straight line or along a walking network (a *distance engine*);
* ``cov_c`` = 1 when ``dist_c <= threshold_c`` (inclusive), else 0;
* ``acc_c`` — the access value of the chosen method:

  - ``nearest``: ``W(dist_c)``, the decay weight of the nearest service
    (1 next to it, 0 beyond the threshold; with the ``step`` decay it
    equals ``cov_c``);
  - ``cumulative``: ``Σ_j S_j·W(d_ij)``, the (weighted) number of services
    in reach;
  - ``2sfca`` / ``e2sfca``: the floating-catchment access
    ``A_i = 1000·Σ_j R_j·W(d_ij)`` with ``R_j = S_j / Σ_k P_k·W(d_kj)``:
    services per 1 000 inhabitants, competition for a service included
    (``2sfca`` always uses a step catchment, ``e2sfca`` the decay);

* a sub-score ``s_c`` in [0, 1] per category: ``nearest``: ``acc_c``;
  ``cumulative``: ``min(1, acc_c)``; FCA: ``min(1, A_i / Ā)`` with
  ``Ā = 1000·Σ_j S_j / Σ_i P_i`` the area's supply per 1 000 inhabitants;
* ``score`` = 100 × Σ_c w_c·s_c / Σ_c w_c — with the defaults (``nearest``,
  ``step``) exactly 100 × Σ w·cov / Σ w;
* ``fragility`` (0–10, :mod:`core.fragility`) when given, and
  ``priority`` = fragility × (100 − score) / 10 (0–100): high where
  fragile people are poorly served;
* a summary: total population, population-weighted mean score and, per
  category, the population covered, its share, the population-weighted
  median distance, the mean access value, and the fragility-weighted
  population (inhabitants × fragility / 10) left uncovered.

Inputs are arrays of coordinates in one metric CRS (the caller reprojects).
"""

import math
from dataclasses import dataclass, field

import numpy as np

from . import categories
from .access import (
    CostPairs,
    cumulative_opportunities,
    euclidean_pairs,
    fca,
    make_decay,
    nearest_distance,
)
from .errors import CanceledError, InputError
from .i18n import tr
from .inputs import normalise_code
from .services import CATEGORIES

#: Walking distance (metres) under which a service of the category counts as
#: "within reach" (1 000 m ≈ 15 min at 4 km/h, IGN's pedestrian speed), and the
#: weights of the categories in the 0–100 score: both from ``core/categories.py``.
DEFAULT_THRESHOLDS = categories.default_thresholds()
#: Threshold for a category code that has no default (e.g. a custom code).
FALLBACK_THRESHOLD = categories.FALLBACK_THRESHOLD_M
DEFAULT_WEIGHTS = categories.default_weights()
FALLBACK_WEIGHT = categories.FALLBACK_WEIGHT

METHODS = ("nearest", "cumulative", "2sfca", "e2sfca")
DECAYS = ("step", "linear", "gaussian", "gravity")
#: FCA access is expressed per this many inhabitants.
FCA_PER = 1000.0


def parse_mapping(text, what, units=None):
    """Parse ``"epn=1000;wifi=300"`` into ``{"epn": 1000.0, "wifi": 300.0}``.

    Separators ``;`` or ``,`` between items, ``=`` or ``:`` inside an item.
    Keys are normalised like category codes (:func:`core.inputs.normalise_code`:
    case, accents, spaces); a key given twice is refused. ``what`` names the
    parameter in error messages. ``units`` (``{suffix: factor}``, e.g. from
    :func:`threshold_units`) lets a value carry a unit (``15min``): the
    number is multiplied by its factor; a value without unit is kept as is.
    """
    result = {}
    if text is None:
        return result
    for item in str(text).replace(",", ";").split(";"):
        item = item.strip()
        if not item:
            continue
        sep = "=" if "=" in item else ":"
        key, _, value = item.partition(sep)
        key = normalise_code(key)
        if not key or not _:
            raise InputError(
                tr("{what}: cannot read '{item}', expected category=value (e.g. epn=1000).").format(
                    what=what, item=item
                )
            )
        try:
            number = _number_with_unit(value, units)
        except ValueError:
            if units:
                raise InputError(
                    tr("{what}: '{value}' is not a distance or a walking time (in '{item}'): write "
                       "metres or minutes, e.g. epn=1000, epn=1000m or epn=15min.").format(
                        what=what, value=value.strip(), item=item
                    )
                ) from None
            raise InputError(
                tr("{what}: '{value}' is not a number (in '{item}').").format(
                    what=what, value=value.strip(), item=item
                )
            ) from None
        if not np.isfinite(number) or number < 0:
            raise InputError(
                tr("{what}: the value of '{key}' must be a positive number.").format(
                    what=what, key=key
                )
            )
        if key in result:
            raise InputError(
                tr("{what}: '{key}' is given more than once; keep one value per category.").format(
                    what=what, key=key
                )
            )
        result[key] = number
    return result


def threshold_units(speed_kmh=None):
    """Units of a walking threshold: metres (``m``, ``km``) or minutes of walk
    (``min``, ``mn``) at ``speed_kmh`` (IGN's 4 km/h by default: 15 min = 1 000 m)."""
    from .walking import WALKING_SPEED_KMH, walking_metres

    per_minute = float(walking_metres(1.0, WALKING_SPEED_KMH if speed_kmh is None else speed_kmh))
    return {"m": 1.0, "km": 1000.0, "min": per_minute, "mn": per_minute}


def parse_thresholds(text, what, speed_kmh=None):
    """Walking thresholds in metres from ``"epn=15min;wifi=300;fs=1.2km"`` (no unit: metres)."""
    return parse_mapping(text, what, units=threshold_units(speed_kmh))


def _number_with_unit(text, units):
    """``"15 min"`` → 15 × ``units["min"]``; ValueError for an unknown unit or no number."""
    text = str(text).strip().replace(" ", "").lower()
    if units:
        for suffix in sorted(units, key=len, reverse=True):
            if text.endswith(suffix) and text[:-len(suffix)]:
                return round(float(text[:-len(suffix)]) * units[suffix], 2)  # to the centimetre
    return float(text)


def format_mapping(mapping):
    return ";".join("{}={:g}".format(k, v) for k, v in mapping.items())


def order_categories(codes):
    """Known categories in the model's order, then other codes alphabetically."""
    codes = set(codes)
    known = [c for c in CATEGORIES if c in codes]
    return known + sorted(codes - set(known))


# --------------------------------------------------------------------------
# distance engines: one interface, straight line or walking network


class StraightLineEngine:
    """Straight-line distances in the metric CRS (KD-tree)."""

    name = "straight_line"

    def nearest(self, demand_xy, supply_xy, is_canceled=None):
        return nearest_distance(demand_xy, supply_xy, is_canceled=is_canceled)[0]

    def pairs(self, demand_xy, supply_xy, cutoff, is_canceled=None):
        return euclidean_pairs(demand_xy, supply_xy, cutoff, is_canceled=is_canceled)

    def diagnostics(self):
        return {}


class NetworkEngine:
    """Walking distances along a :class:`core.network.WalkNetwork`.

    Points farther than ``max_snap`` metres from the network are not
    routed: their distance is infinite (never covered) and they are counted
    in :meth:`diagnostics` — never silently dropped.
    """

    name = "network"

    def __init__(self, network, max_snap=200.0):
        self.network = network
        self.max_snap = float(max_snap)
        self._snaps = {}

    def _remember(self, kind, snap):
        self._snaps[kind] = snap

    def nearest(self, demand_xy, supply_xy, is_canceled=None):
        result = self.network.nearest_service(demand_xy, supply_xy, max_snap=self.max_snap,
                                              is_canceled=is_canceled)
        self._remember("population", result.demand_snap)
        return result.distance

    def pairs(self, demand_xy, supply_xy, cutoff, is_canceled=None):
        return self.network.cost_pairs(demand_xy, supply_xy, cutoff, max_snap=self.max_snap,
                                       is_canceled=is_canceled).pairs

    def check_snapping(self, population_xy, services_xy, services_required=True):
        """Snap the population and the services once; refuse when nothing can be routed.

        Returns ``(n_population_too_far, n_services_too_far)`` (also in
        :meth:`diagnostics`). Raises :class:`InputError` when no population
        unit, or no service (when ``services_required``), lies within
        ``max_snap`` of the network: every distance would be infinite and the
        result 0 % without a reason.
        """
        population = self.snap_report("population", population_xy)
        services = self.snap_report("services", services_xy)
        if len(population) and population.n_too_far == len(population):
            raise InputError(
                tr("No population unit lies within {max_snap:g} m of the walking network: nothing can be "
                   "routed. Check that the network covers the study area and is in the right place (CRS), "
                   "or raise the maximum distance to the network.").format(max_snap=self.max_snap)
            )
        if services_required and len(services) and services.n_too_far == len(services):
            raise InputError(
                tr("No service lies within {max_snap:g} m of the walking network: nothing can be routed. "
                   "Check that the network covers the services, or raise the maximum distance to the "
                   "network.").format(max_snap=self.max_snap)
            )
        return population.n_too_far, services.n_too_far

    def snap_report(self, kind, xy):
        """Snapping of ``xy`` (counted in the diagnostics under ``kind``)."""
        snap = self.network.snap(xy, self.max_snap)
        self._remember(kind, snap)
        return snap

    def diagnostics(self):
        report = {
            "network_nodes": int(self.network.n_nodes),
            "network_edges": int(self.network.n_edges),
            "network_lines_not_walkable": int(self.network.n_lines_not_walkable),
            "max_snap_m": self.max_snap,
        }
        for kind, snap in self._snaps.items():
            finite = snap.distance[np.isfinite(snap.distance)]
            report["{}_too_far_from_network".format(kind)] = int(snap.n_too_far)
            report["{}_snap_distance_max_m".format(kind)] = (
                round(float(finite.max()), 2) if finite.size else None
            )
            report["{}_snap_distance_mean_m".format(kind)] = (
                round(float(finite.mean()), 2) if finite.size else None
            )
        return report


# --------------------------------------------------------------------------
# statistics


#: Below this many values the weighted median sorts them all; above, it narrows down first.
_MEDIAN_SORT_MAX = 65_536
_MEDIAN_BINS = 4096


def weighted_median(values, weights):
    """Population-weighted median: half the population is at most this far.

    The smallest value whose cumulative weight (values in increasing order)
    reaches half the total. Infinite values (no service at all) take part;
    returns ``None`` when the total weight is zero or the median itself is
    infinite. Large inputs are not sorted whole: one pass of weighted counts
    over value bins finds the bin holding the median, and only that bin is
    sorted (same result, linear time).
    """
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    total = weights.sum()
    if len(values) == 0 or total <= 0:
        return None
    half = total / 2.0
    if len(values) <= _MEDIAN_SORT_MAX:
        return _median_of_sorted(values, weights, half, 0.0)
    finite = np.isfinite(values)
    if not finite.all():
        values, weights = values[finite], weights[finite]
        if len(values) == 0:
            return None
    low, high = values.min(), values.max()
    if low == high:
        return float(low) if weights.sum() >= half else None
    bins = np.minimum(((values - low) * (_MEDIAN_BINS / (high - low))).astype(np.int64), _MEDIAN_BINS - 1)
    cumulative = np.cumsum(np.bincount(bins, weights=weights, minlength=_MEDIAN_BINS))
    b = int(np.searchsorted(cumulative, half, side="left"))
    if b >= _MEDIAN_BINS:  # the finite values weigh less than half: the median is infinite
        return None
    inside = bins == b
    return _median_of_sorted(values[inside], weights[inside], half, cumulative[b - 1] if b else 0.0)


def _median_of_sorted(values, weights, half, before):
    """The weighted median of ``values`` whose lighter neighbours weigh ``before``."""
    order = np.argsort(values, kind="stable")
    cumulative = before + np.cumsum(weights[order])
    index = int(np.searchsorted(cumulative, half, side="left"))
    value = values[order][min(index, len(values) - 1)]
    return float(value) if np.isfinite(value) else None


def _round(value, digits):
    return None if value is None or not math.isfinite(value) else round(float(value), digits)


@dataclass
class CategoryResult:
    code: str
    threshold_m: float
    weight: float
    distance: np.ndarray
    covered: np.ndarray  # 0/1 int array
    access: np.ndarray
    subscore: np.ndarray
    population_covered: float
    share_covered: float
    median_distance_m: object  # float or None
    n_services: int
    access_mean: object = None
    fragile_population_not_covered: object = None


@dataclass
class CoverageResult:
    population: np.ndarray
    method: str = "nearest"
    decay: str = "step"
    engine: str = "straight_line"
    categories: dict = field(default_factory=dict)  # code -> CategoryResult
    score: np.ndarray = None
    fragility: np.ndarray = None
    priority: np.ndarray = None
    population_total: float = 0.0
    score_mean: object = None
    fragile_population_total: object = None
    diagnostics: dict = field(default_factory=dict)

    def summary(self):
        """The figures of the SUMMARY JSON (inputs and metadata added by the caller)."""
        result = {
            "population_total": round(float(self.population_total), 6),
            "score_mean": _round(self.score_mean, 6),
            "method": self.method,
            "decay": self.decay,
            "distance_method": self.engine,
            "categories": {},
        }
        if self.fragility is not None:
            result["fragile_population_total"] = _round(self.fragile_population_total, 3)
            result["fragility_mean"] = _round(_weighted_mean(self.fragility, self.population), 4)
            result["priority_mean"] = _round(_weighted_mean(self.priority, self.population), 4)
        for code, r in self.categories.items():
            entry = {
                "threshold_m": r.threshold_m,
                "weight": r.weight,
                "n_services": r.n_services,
                "population_covered": round(float(r.population_covered), 6),
                "share_covered": round(float(r.share_covered), 9),
                "median_distance_m": _round(r.median_distance_m, 3),
                "access_mean": _round(r.access_mean, 9),
            }
            if r.fragile_population_not_covered is not None:
                entry["fragile_population_not_covered"] = _round(r.fragile_population_not_covered, 3)
            result["categories"][code] = entry
        if self.diagnostics:
            result["distance_diagnostics"] = self.diagnostics
        return result


def _weighted_mean(values, weights):
    values = np.asarray(values, dtype=float)
    ok = np.isfinite(values)
    total = weights[ok].sum()
    return float((values[ok] * weights[ok]).sum() / total) if total > 0 else None


def _check_choice(value, choices, what):
    key = str(value or choices[0]).strip().lower()
    if key not in choices:
        raise InputError(
            tr("{what}: unknown value '{value}', use one of {choices}.").format(
                what=what, value=value, choices=", ".join(choices)
            )
        )
    return key


def _category_access(method, decay, distance, pairs_fn, population, supply, threshold):
    """(access, subscore) of one category for the chosen method."""
    if method == "nearest":
        access = np.where(np.isfinite(distance), decay(np.where(np.isfinite(distance), distance, 0.0)), 0.0)
        access = np.where(distance <= threshold, access, 0.0)
        return access, access
    pairs = pairs_fn(threshold)
    if method == "cumulative":
        access = cumulative_opportunities(pairs, supply, decay, threshold)
        return access, np.minimum(access, 1.0)
    catchment = None if method == "2sfca" else decay
    access = fca(pairs, population, supply, catchment, threshold, per=FCA_PER).access
    total_pop = population.sum()
    reference = FCA_PER * supply.sum() / total_pop if total_pop > 0 else 0.0
    subscore = np.minimum(access / reference, 1.0) if reference > 0 else np.zeros_like(access)
    return access, subscore


def compute_coverage(population_xy, population, services_xy, service_categories,
                     thresholds=None, weights=None, categories=None, method="nearest",
                     decay="step", supply=None, engine=None, fragility=None,
                     is_canceled=None, progress=None):
    """Coverage of ``population`` by the services, category by category.

    :param population_xy: (n, 2) metric coordinates of the population units
    :param population: (n,) inhabitants per unit (NaN counts as 0)
    :param services_xy: (m, 2) metric coordinates of the services
    :param service_categories: sequence of m lists of category codes
    :param thresholds: {code: metres}; missing codes take ``DEFAULT_THRESHOLDS``
    :param weights: {code: weight}; missing codes take ``DEFAULT_WEIGHTS``
    :param categories: codes to evaluate; default: every code present
    :param method: ``nearest``, ``cumulative``, ``2sfca`` or ``e2sfca``
    :param decay: ``step``, ``linear``, ``gaussian`` or ``gravity`` (cut at the threshold)
    :param supply: (m,) supply weight of each service (1 when None; NaN → 1)
    :param engine: a distance engine (:class:`StraightLineEngine` by default)
    :param fragility: (n,) fragility index 0–10 (NaN where unknown), optional
    :param is_canceled: callable returning True to stop (raises CanceledError)
    :param progress: callable receiving a fraction 0–1
    """
    population_xy = np.asarray(population_xy, dtype=float).reshape(-1, 2)
    services_xy = np.asarray(services_xy, dtype=float).reshape(-1, 2)
    population = np.asarray(population, dtype=float)
    if np.isinf(population).any():
        raise InputError(tr("The population field has infinite values: correct them or leave them empty."))
    population = np.nan_to_num(population, nan=0.0)
    if len(population) != len(population_xy):
        raise InputError(tr("Population values and points differ in number."))
    if len(service_categories) != len(services_xy):
        raise InputError(tr("Service categories and points differ in number."))
    if (population < 0).any():
        raise InputError(tr("The population field has negative values."))
    method = _check_choice(method, METHODS, tr("Method"))
    decay_name = _check_choice(decay, DECAYS, tr("Distance decay"))
    if supply is None:
        supply = np.ones(len(services_xy))
    supply = np.asarray(supply, dtype=float)
    if len(supply) != len(services_xy):
        raise InputError(tr("Service weights and points differ in number."))
    supply = np.where(np.isfinite(supply), supply, 1.0)
    if (supply < 0).any():
        raise InputError(tr("The service weights must be 0 or more."))
    engine = engine or StraightLineEngine()
    thresholds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}

    present = {code for codes in service_categories for code in codes}
    codes = order_categories(categories if categories is not None else present)
    if not codes:
        raise InputError(tr("No service category to evaluate: the services have no category."))

    result = CoverageResult(population=population, method=method, decay=decay_name, engine=engine.name)
    result.population_total = float(population.sum())
    if fragility is not None:
        fragility = np.asarray(fragility, dtype=float)
        if len(fragility) != len(population):
            raise InputError(tr("Fragility values and population units differ in number."))
        fragile_weight = population * np.nan_to_num(fragility, nan=0.0) / 10.0
        result.fragile_population_total = float(fragile_weight.sum())
    weighted = np.zeros(len(population))
    weight_sum = 0.0
    for number, code in enumerate(codes):
        if is_canceled is not None and is_canceled():
            raise CanceledError(tr("Canceled."))
        mask = np.array([code in cats for cats in service_categories], dtype=bool)
        threshold = float(thresholds.get(code, FALLBACK_THRESHOLD))
        weight = float(weights.get(code, FALLBACK_WEIGHT))
        decay_fn = make_decay(decay_name, threshold)
        svc_xy = services_xy[mask]
        distance = (engine.nearest(population_xy, svc_xy, is_canceled=is_canceled) if mask.any()
                    else np.full(len(population), np.inf))
        covered = (distance <= threshold).astype(int)

        def pairs_fn(cutoff, svc_xy=svc_xy):
            if len(svc_xy) == 0:
                return CostPairs.empty(len(population_xy), 0)
            return engine.pairs(population_xy, svc_xy, cutoff, is_canceled=is_canceled)

        access, subscore = _category_access(
            method, decay_fn, distance, pairs_fn, population, supply[mask], threshold
        )
        if is_canceled is not None and is_canceled():
            raise CanceledError(tr("Canceled."))
        covered_pop = float((population * covered).sum())
        share = covered_pop / result.population_total if result.population_total > 0 else 0.0
        category = CategoryResult(
            code=code,
            threshold_m=threshold,
            weight=weight,
            distance=distance,
            covered=covered,
            access=access,
            subscore=subscore,
            population_covered=covered_pop,
            share_covered=share,
            median_distance_m=weighted_median(distance, population),
            n_services=int(mask.sum()),
            access_mean=_weighted_mean(access, population),
        )
        if fragility is not None:
            category.fragile_population_not_covered = float((fragile_weight * (1 - covered)).sum())
        result.categories[code] = category
        weighted += weight * subscore
        weight_sum += weight
        if progress is not None:
            progress((number + 1) / len(codes))
    if weight_sum <= 0:
        raise InputError(tr("The category weights sum to zero: give at least one positive weight."))
    result.score = 100.0 * weighted / weight_sum
    if result.population_total > 0:
        result.score_mean = float((result.score * population).sum() / result.population_total)
    if fragility is not None:
        result.fragility = fragility
        result.priority = fragility * (100.0 - result.score) / 10.0
    result.diagnostics = engine.diagnostics()
    return result


# --------------------------------------------------------------------------
# scenarios


def compare_scenarios(before, after, fragility=None):
    """Before/after comparison of two :class:`CoverageResult` on the same units.

    Returns ``(per_unit, summary)``: per unit the score change and, per
    category, 1 where the unit becomes covered; the summary gives per
    category the population and the fragility-weighted population newly
    covered, and the change of the population-weighted mean score.
    """
    if len(before.population) != len(after.population):
        raise InputError(tr("The two scenarios do not have the same population units."))
    population = before.population
    per_unit = {"score_delta": after.score - before.score, "newly_covered": {}}
    delta = {"categories": {}}
    fragile_weight = None
    if fragility is not None:
        fragile_weight = population * np.nan_to_num(np.asarray(fragility, dtype=float), nan=0.0) / 10.0
    for code, after_cat in after.categories.items():
        before_cat = before.categories.get(code)
        was = before_cat.covered if before_cat is not None else np.zeros(len(population), dtype=int)
        newly = ((after_cat.covered == 1) & (was == 0)).astype(int)
        per_unit["newly_covered"][code] = newly
        entry = {
            "population_newly_covered": round(float((population * newly).sum()), 6),
            "share_covered_change": round(
                after_cat.share_covered - (before_cat.share_covered if before_cat else 0.0), 9
            ),
            "n_services_added": after_cat.n_services - (before_cat.n_services if before_cat else 0),
        }
        if fragile_weight is not None:
            entry["fragile_population_newly_covered"] = round(float((fragile_weight * newly).sum()), 6)
        delta["categories"][code] = entry
    delta["score_mean_change"] = _round(
        (after.score_mean or 0.0) - (before.score_mean or 0.0), 6
    )
    any_new = np.zeros(len(population), dtype=bool)
    for newly in per_unit["newly_covered"].values():
        any_new |= newly.astype(bool)
    delta["population_newly_covered_any"] = round(float(population[any_new].sum()), 6)
    if fragile_weight is not None:
        delta["fragile_population_newly_covered_any"] = round(float(fragile_weight[any_new].sum()), 6)
    return per_unit, delta
