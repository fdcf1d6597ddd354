"""Coverage of a population by digital services (pure Python, numpy/scipy).

The foundation measure, used by ``ville_numerique:coverage``:

* for each population unit and each service category, the distance in metres
  to the nearest service of that category (``dist_<cat>``);
* ``cov_<cat>`` = 1 when that distance is within the category's threshold
  (``d <= threshold``), else 0;
* ``score`` = 100 × Σ_c w_c·cov_c / Σ_c w_c over the categories evaluated
  (weights editable, defaults in ``DEFAULT_WEIGHTS``);
* a summary: total population, population-weighted mean score and, per
  category, the population covered, its share and the population-weighted
  median distance.

Inputs are arrays of coordinates in one metric CRS (the caller reprojects).
"""

from dataclasses import dataclass, field

import numpy as np

from .errors import InputError
from .i18n import tr
from .services import CATEGORIES

try:  # scipy is shipped with QGIS on every platform we support; keep a fallback
    from scipy.spatial import cKDTree
except ImportError:  # pragma: no cover - exercised only where scipy is missing
    cKDTree = None

#: Walking distance (metres) under which a service of the category counts as
#: "within reach". 1 000 m ≈ 15 min at 4 km/h (IGN's pedestrian speed).
DEFAULT_THRESHOLDS = {
    "epn": 1000.0,
    "france_services": 1500.0,
    "conseiller_numerique": 1000.0,
    "tiers_lieu": 1500.0,
    "fablab": 2000.0,
    "wifi": 300.0,
}
#: Threshold for a category code that has no default (e.g. a custom code).
FALLBACK_THRESHOLD = 1000.0

#: Weights of the categories in the 0–100 score: help with procedures and
#: everyday digital use (mediation places, France Services, conseillers)
#: weighs more than places to create or to connect.
DEFAULT_WEIGHTS = {
    "epn": 3.0,
    "france_services": 2.0,
    "conseiller_numerique": 2.0,
    "tiers_lieu": 1.0,
    "fablab": 1.0,
    "wifi": 1.0,
}
FALLBACK_WEIGHT = 1.0


def parse_mapping(text, what):
    """Parse ``"epn=1000;wifi=300"`` into ``{"epn": 1000.0, "wifi": 300.0}``.

    Separators ``;`` or ``,`` between items, ``=`` or ``:`` inside an item.
    ``what`` names the parameter in error messages.
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
        key = key.strip().lower()
        if not key or not _:
            raise InputError(
                tr("{what}: cannot read '{item}', expected category=value (e.g. epn=1000).").format(
                    what=what, item=item
                )
            )
        try:
            number = float(value.strip().replace(" ", ""))
        except ValueError:
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
        result[key] = number
    return result


def format_mapping(mapping):
    return ";".join("{}={:g}".format(k, v) for k, v in mapping.items())


def order_categories(codes):
    """Known categories in the model's order, then other codes alphabetically."""
    codes = set(codes)
    known = [c for c in CATEGORIES if c in codes]
    return known + sorted(codes - set(known))


def nearest_distances(population_xy, service_xy):
    """Distance from each population point to the nearest service point.

    ``inf`` everywhere when there is no service. Uses a KD-tree
    (O((n + m) log m)); without scipy, a chunked brute force.
    """
    population_xy = np.asarray(population_xy, dtype=float).reshape(-1, 2)
    service_xy = np.asarray(service_xy, dtype=float).reshape(-1, 2)
    if len(service_xy) == 0 or len(population_xy) == 0:
        return np.full(len(population_xy), np.inf)
    if cKDTree is not None:
        distances, _ = cKDTree(service_xy).query(population_xy, k=1)
        return distances
    result = np.empty(len(population_xy))  # pragma: no cover
    step = max(1, 2_000_000 // len(service_xy))
    for start in range(0, len(population_xy), step):
        chunk = population_xy[start : start + step]
        diff = chunk[:, None, :] - service_xy[None, :, :]
        result[start : start + step] = np.sqrt((diff**2).sum(axis=2)).min(axis=1)
    return result


def weighted_median(values, weights):
    """Population-weighted median: half the population is at most this far.

    Infinite values (no service at all) take part; returns ``None`` when the
    total weight is zero or the median itself is infinite.
    """
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    total = weights.sum()
    if len(values) == 0 or total <= 0:
        return None
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    index = int(np.searchsorted(cumulative, total / 2.0, side="left"))
    value = values[order][min(index, len(values) - 1)]
    return float(value) if np.isfinite(value) else None


@dataclass
class CategoryResult:
    code: str
    threshold_m: float
    weight: float
    distance: np.ndarray
    covered: np.ndarray  # 0/1 int array
    population_covered: float
    share_covered: float
    median_distance_m: object  # float or None
    n_services: int


@dataclass
class CoverageResult:
    population: np.ndarray
    categories: dict = field(default_factory=dict)  # code -> CategoryResult
    score: np.ndarray = None
    population_total: float = 0.0
    score_mean: object = None

    def summary(self):
        """The figures of the SUMMARY JSON (inputs and metadata added by the caller)."""
        return {
            "population_total": round(float(self.population_total), 6),
            "score_mean": None if self.score_mean is None else round(float(self.score_mean), 6),
            "categories": {
                code: {
                    "threshold_m": r.threshold_m,
                    "weight": r.weight,
                    "n_services": r.n_services,
                    "population_covered": round(float(r.population_covered), 6),
                    "share_covered": round(float(r.share_covered), 9),
                    "median_distance_m": None
                    if r.median_distance_m is None
                    else round(float(r.median_distance_m), 3),
                }
                for code, r in self.categories.items()
            },
        }


def compute_coverage(population_xy, population, services_xy, service_categories,
                     thresholds=None, weights=None, categories=None):
    """Coverage of ``population`` by the services, category by category.

    :param population_xy: (n, 2) metric coordinates of the population units
    :param population: (n,) inhabitants per unit (NaN counts as 0)
    :param services_xy: (m, 2) metric coordinates of the services
    :param service_categories: sequence of m lists of category codes
    :param thresholds: {code: metres}; missing codes take ``DEFAULT_THRESHOLDS``
    :param weights: {code: weight}; missing codes take ``DEFAULT_WEIGHTS``
    :param categories: codes to evaluate; default: every code present
    """
    population_xy = np.asarray(population_xy, dtype=float).reshape(-1, 2)
    services_xy = np.asarray(services_xy, dtype=float).reshape(-1, 2)
    population = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
    if len(population) != len(population_xy):
        raise InputError(tr("Population values and points differ in number."))
    if len(service_categories) != len(services_xy):
        raise InputError(tr("Service categories and points differ in number."))
    if (population < 0).any():
        raise InputError(tr("The population field has negative values."))
    thresholds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}

    present = {code for codes in service_categories for code in codes}
    codes = order_categories(categories if categories is not None else present)
    if not codes:
        raise InputError(tr("No service category to evaluate: the services have no category."))

    result = CoverageResult(population=population)
    result.population_total = float(population.sum())
    weighted = np.zeros(len(population))
    weight_sum = 0.0
    for code in codes:
        mask = np.array([code in cats for cats in service_categories], dtype=bool)
        distance = nearest_distances(population_xy, services_xy[mask])
        threshold = float(thresholds.get(code, FALLBACK_THRESHOLD))
        weight = float(weights.get(code, FALLBACK_WEIGHT))
        covered = (distance <= threshold).astype(int)
        covered_pop = float((population * covered).sum())
        share = covered_pop / result.population_total if result.population_total > 0 else 0.0
        result.categories[code] = CategoryResult(
            code=code,
            threshold_m=threshold,
            weight=weight,
            distance=distance,
            covered=covered,
            population_covered=covered_pop,
            share_covered=share,
            median_distance_m=weighted_median(distance, population),
            n_services=int(mask.sum()),
        )
        weighted += weight * covered
        weight_sum += weight
    if weight_sum <= 0:
        raise InputError(tr("The category weights sum to zero: give at least one positive weight."))
    result.score = 100.0 * weighted / weight_sum
    if result.population_total > 0:
        result.score_mean = float((result.score * population).sum() / result.population_total)
    return result
