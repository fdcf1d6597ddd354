"""Access metrics over arrays: distance decay, cost pairs, nearest distance,
cumulative opportunities, 2SFCA and E2SFCA.

Pure numpy/scipy (no QGIS). Every coordinate is in metres, in one projected
CRS (Lambert-93 for France). Population ("demand") points carry a weight
``P_i`` (inhabitants); services ("supply") points carry a weight ``S_j``
(1 per place by default, or hours open per week, see ``core.hours``).

The one interface shared by every metric is :class:`CostPairs`: the sparse
list of (demand ``i``, supply ``j``, cost ``c_ij``) triples whose cost is
within a cut-off. Straight-line pairs come from :func:`euclidean_pairs`
(cKDTree, chunked); walking-network pairs come from
``core.network.WalkNetwork.cost_pairs``. A pair that is not listed is "out of
reach" (weight 0).

Conventions (identical to PySAL ``access`` 1.1, checked by the tests):

* a threshold is **inclusive**: a cost equal to the threshold is within
  reach (PySAL keeps ``cost <= max_cost``; cKDTree and
  ``scipy.sparse.csgraph.dijkstra(limit=...)`` keep ``<=`` too);
* 2SFCA / E2SFCA use the same weight ``W`` in both steps::

      R_j = S_j / sum_i P_i * W(c_ij)          (supply-to-demand ratio)
      A_i = sum_j R_j * W(c_ij)                (access of demand unit i)

  ``A_i`` is in supply units per inhabitant (e.g. places, or hours open per
  week, per inhabitant); multiply with ``per=1000`` to get "per 1,000
  inhabitants". A supply point with no demand in its catchment
  (``sum_i P_i W = 0``) gets ``R_j = 0`` (PySAL would give inf/NaN) and a
  demand point with no supply within reach gets ``A_i = 0`` (PySAL: NaN).
"""

import math

import numpy as np
from scipy.spatial import cKDTree

from .errors import CanceledError, InputError
from .i18n import tr

__all__ = [
    "CostPairs",
    "Decay",
    "FcaResult",
    "DECAY_NAMES",
    "step",
    "linear",
    "gaussian",
    "gravity",
    "zones",
    "make_decay",
    "as_xy",
    "as_weights",
    "euclidean_pairs",
    "nearest_distance",
    "nearest_cost",
    "cumulative_opportunities",
    "fca",
    "two_step_fca",
    "enhanced_two_step_fca",
]

#: names accepted by :func:`make_decay`
DECAY_NAMES = ("step", "linear", "gaussian", "gravity", "zones")

#: default number of demand points per cKDTree chunk in :func:`euclidean_pairs`: small
#: chunks (sorted by x) are as fast as big ones and let a cancel be honoured within a second
#: (300,000 cells x 2,000 services within 2 km: 17 M pairs in 5 s, at most 1.7 s between checks)
DEFAULT_CHUNK_SIZE = 16_384
#: demand points per cKDTree query in :func:`nearest_distance` between two cancel checks
#: (a few tens of milliseconds each)
NEAREST_CHUNK_SIZE = 65_536


def check_canceled(is_canceled):
    """Raise :class:`CanceledError` when ``is_canceled`` (a plain callable, or None) says so.

    The compute loops of ``core`` call it between chunks, so that a cancel
    asked by the user is honoured within a bounded time.
    """
    if is_canceled is not None and is_canceled():
        raise CanceledError(tr("Canceled."))


# --------------------------------------------------------------------------
# input checks


def as_xy(xy, name="points"):
    """``xy`` as a float64 ``(n, 2)`` array of finite coordinates, else InputError."""
    try:
        arr = np.asarray(xy, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(
            tr("The coordinates of {name} are not numbers.").format(name=name)
        ) from None
    if arr.size == 0:
        return np.empty((0, 2), dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise InputError(
            tr("The coordinates of {name} must be pairs of x and y in metres.").format(
                name=name
            )
        )
    if not np.isfinite(arr).all():
        bad = int((~np.isfinite(arr).all(axis=1)).sum())
        raise InputError(
            tr("{count} of the {name} have no valid coordinates.").format(
                count=bad, name=name
            )
        )
    return arr


def as_weights(weights, n, name="weights", default=1.0):
    """``weights`` as a float64 array of length ``n`` (finite, >= 0), else InputError.

    ``None`` gives ``default`` everywhere; a scalar is broadcast.
    """
    if weights is None:
        return np.full(n, float(default))
    try:
        arr = np.asarray(weights, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(tr("The {name} are not numbers.").format(name=name)) from None
    if arr.ndim == 0:
        arr = np.full(n, float(arr))
    if arr.ndim != 1 or arr.shape[0] != n:
        raise InputError(
            tr("Expected {expected} {name}, got {got}.").format(
                expected=n, name=name, got=arr.size
            )
        )
    if not np.isfinite(arr).all():
        raise InputError(
            tr("Some {name} are missing or not finite.").format(name=name)
        )
    if (arr < 0).any():
        raise InputError(tr("The {name} cannot be negative.").format(name=name))
    return arr


def _positive(value, name):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InputError(tr("The {name} must be a number.").format(name=name)) from None
    if not value > 0 or math.isnan(value):
        raise InputError(tr("The {name} must be greater than 0.").format(name=name))
    return value


def _index_dtype(n):
    return np.int32 if n < np.iinfo(np.int32).max else np.int64


# --------------------------------------------------------------------------
# cost pairs


class CostPairs:
    """Sparse demand × supply costs: COO arrays ``i``, ``j``, ``cost``.

    ``i`` indexes the demand points (``0 <= i < n_demand``), ``j`` the
    supply points (``0 <= j < n_supply``), ``cost`` is a distance in metres
    or a time in minutes (the caller knows which; every metric only compares
    it with thresholds of the same unit). Each (i, j) appears at most once.
    The order of the triples is irrelevant to every metric.
    """

    __slots__ = ("i", "j", "cost", "n_demand", "n_supply")

    def __init__(self, i, j, cost, n_demand, n_supply, check=True):
        self.n_demand = int(n_demand)
        self.n_supply = int(n_supply)
        self.i = np.asarray(i).astype(_index_dtype(self.n_demand), copy=False)
        self.j = np.asarray(j).astype(_index_dtype(self.n_supply), copy=False)
        self.cost = np.asarray(cost, dtype=np.float64)
        if check:
            self._check()

    def _check(self):
        if not (self.i.ndim == self.j.ndim == self.cost.ndim == 1) or not (
            self.i.shape == self.j.shape == self.cost.shape
        ):
            raise InputError(tr("The cost pairs must be three arrays of the same length."))
        if self.i.size:
            if self.i.min() < 0 or self.i.max() >= self.n_demand:
                raise InputError(tr("A cost pair refers to a population point that does not exist."))
            if self.j.min() < 0 or self.j.max() >= self.n_supply:
                raise InputError(tr("A cost pair refers to a service that does not exist."))
            if not np.isfinite(self.cost).all() or (self.cost < 0).any():
                raise InputError(tr("The costs must be finite and not negative."))

    @classmethod
    def empty(cls, n_demand, n_supply):
        return cls(
            np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), n_demand, n_supply
        )

    def __len__(self):
        return int(self.cost.size)

    def __repr__(self):
        return "CostPairs({} pairs, {} demand x {} supply)".format(
            len(self), self.n_demand, self.n_supply
        )

    @property
    def nbytes(self):
        return self.i.nbytes + self.j.nbytes + self.cost.nbytes

    def within(self, max_cost):
        """The pairs with ``cost <= max_cost`` (inclusive)."""
        keep = self.cost <= max_cost
        if keep.all():
            return self
        return CostPairs(
            self.i[keep], self.j[keep], self.cost[keep], self.n_demand, self.n_supply,
            check=False,
        )

    def subset_supply(self, mask):
        """The pairs of the supply points where ``mask`` is True (indices kept)."""
        mask = np.asarray(mask, dtype=bool)
        keep = mask[self.j]
        return CostPairs(
            self.i[keep], self.j[keep], self.cost[keep], self.n_demand, self.n_supply,
            check=False,
        )

    def scaled(self, factor):
        """The same pairs with ``cost * factor`` (e.g. metres -> minutes)."""
        return CostPairs(
            self.i, self.j, self.cost * float(factor), self.n_demand, self.n_supply,
            check=False,
        )

    def sorted(self):
        """The same pairs ordered by (i, j): a canonical form, for comparisons."""
        order = np.lexsort((self.j, self.i))
        return CostPairs(
            self.i[order], self.j[order], self.cost[order], self.n_demand,
            self.n_supply, check=False,
        )

    def transposed(self):
        """Swap the roles of demand and supply (``i`` <-> ``j``)."""
        return CostPairs(
            self.j, self.i, self.cost, self.n_supply, self.n_demand, check=False
        )


# --------------------------------------------------------------------------
# distance decay


def step(d, threshold):
    """1 where ``d <= threshold``, else 0 (the 2SFCA catchment)."""
    d = np.asarray(d, dtype=np.float64)
    return (d <= threshold).astype(np.float64)


def linear(d, threshold):
    """``1 - d / threshold`` where ``d <= threshold``, else 0 (0 at the threshold)."""
    d = np.asarray(d, dtype=np.float64)
    return np.where(d <= threshold, 1.0 - d / threshold, 0.0)


def gaussian(d, sigma, threshold=np.inf):
    """PySAL ``access.weights.gaussian``: ``exp(-d² / (2 sigma²))``, cut at ``threshold``.

    Exactly the expression of PySAL access 1.1 (``np.exp(-x * x / (2 *
    sigma**2))``, no 1/sqrt(2 pi) factor, so W(0) = 1); PySAL applies its
    ``max_cost`` "along with" the weight, which is our ``threshold``.
    """
    d = np.asarray(d, dtype=np.float64)
    w = np.exp(-d * d / (2 * sigma**2))
    return np.where(d <= threshold, w, 0.0)


def gravity(d, beta, min_distance, scale=None, threshold=np.inf):
    """Inverse power ``(max(d, min_distance) / scale) ** -beta``, cut at ``threshold``.

    ``scale`` defaults to ``min_distance``, so W = 1 up to ``min_distance``
    and decreases after it; PySAL's ``gravity(scale, alpha, min_dist)`` is
    the same function with ``alpha = -beta``. ``min_distance`` avoids the
    infinite weight at distance 0.
    """
    d = np.asarray(d, dtype=np.float64)
    if scale is None:
        scale = min_distance
    w = np.power(np.maximum(d, min_distance) / scale, -float(beta))
    return np.where(d <= threshold, w, 0.0)


def zones(d, breaks, weights):
    """Weighted zones (Luo & Qi E2SFCA): ``weights[k]`` for ``breaks[k-1] < d <= breaks[k]``.

    Beyond the last break the weight is 0. Same rule as PySAL
    ``access.weights.step_fn({break: weight, ...})``.
    """
    d = np.asarray(d, dtype=np.float64)
    breaks = np.asarray(breaks, dtype=np.float64)
    table = np.append(np.asarray(weights, dtype=np.float64), 0.0)
    return table[np.searchsorted(breaks, d, side="left")]


class Decay:
    """A distance-decay weight function with its cut-off ``threshold``.

    Calling it on costs returns weights in the same shape; every weight is
    0 beyond ``threshold`` (inclusive threshold: W(threshold) may be > 0).
    Build one with :func:`make_decay`.
    """

    __slots__ = ("name", "threshold", "params", "_fn")

    def __init__(self, name, threshold, fn, params):
        self.name = name
        self.threshold = float(threshold)
        self.params = dict(params)
        self._fn = fn

    def __call__(self, cost):
        return self._fn(np.asarray(cost, dtype=np.float64))

    def __repr__(self):
        args = ", ".join("{}={!r}".format(k, v) for k, v in sorted(self.params.items()))
        return "Decay({!r}, threshold={}{})".format(
            self.name, self.threshold, ", " + args if args else ""
        )


def make_decay(name, threshold=None, **params):
    """A :class:`Decay` by name: ``step``, ``linear``, ``gaussian``, ``gravity`` or ``zones``.

    * ``step``: ``make_decay("step", 1000)`` — 1 up to 1000, then 0;
    * ``linear``: ``make_decay("linear", 1000)`` — ``1 - d/1000``;
    * ``gaussian``: ``make_decay("gaussian", 1000, sigma=500)`` — PySAL's
      ``exp(-d²/(2 sigma²))`` cut at 1000; ``sigma`` defaults to
      ``threshold / 2`` (W(threshold) = exp(-2) ≈ 0.135);
    * ``gravity``: ``make_decay("gravity", 1000, beta=1, min_distance=50)``
      — ``(max(d, 50)/scale)^-beta``, ``scale`` defaulting to
      ``min_distance`` (beta default 1; ``min_distance`` default 1/10 of the
      threshold);
    * ``zones``: ``make_decay("zones", zones={300: 1, 600: 0.68, 1000: 0.22})``
      — weighted zones; the threshold is the last break (when given it must
      be the last break).

    The threshold is in the unit of the costs (metres or minutes).
    """
    key = str(name).strip().lower()
    if key not in DECAY_NAMES:
        raise InputError(
            tr("Unknown distance decay {name}: use one of {names}.").format(
                name=name, names=", ".join(DECAY_NAMES)
            )
        )
    if key == "zones":
        table = params.pop("zones", None)
        if not table:
            raise InputError(
                tr("The weighted zones need a table of distance limits and weights.")
            )
        items = sorted((float(k), float(v)) for k, v in dict(table).items())
        breaks = np.array([k for k, _ in items])
        weights = np.array([v for _, v in items])
        if (breaks <= 0).any() or (weights < 0).any() or not np.isfinite(breaks).all():
            raise InputError(
                tr("The weighted zones need positive distance limits and weights of 0 or more.")
            )
        if threshold is not None and float(threshold) != breaks[-1]:
            raise InputError(
                tr("The threshold of weighted zones must be their last distance limit.")
            )
        _reject_unknown(params)
        return Decay(
            "zones", breaks[-1], lambda d: zones(d, breaks, weights),
            {"zones": dict(items)},
        )

    if threshold is None:
        raise InputError(tr("A distance threshold is needed."))
    threshold = _positive(threshold, tr("distance threshold"))
    if key == "step":
        _reject_unknown(params)
        return Decay("step", threshold, lambda d: step(d, threshold), {})
    if key == "linear":
        if math.isinf(threshold):
            raise InputError(tr("A linear decay needs a finite threshold."))
        _reject_unknown(params)
        return Decay("linear", threshold, lambda d: linear(d, threshold), {})
    if key == "gaussian":
        sigma = params.pop("sigma", None)
        if sigma is None:
            if math.isinf(threshold):
                raise InputError(tr("A gaussian decay needs sigma or a finite threshold."))
            sigma = threshold / 2.0
        sigma = _positive(sigma, tr("gaussian width (sigma)"))
        _reject_unknown(params)
        return Decay(
            "gaussian", threshold, lambda d: gaussian(d, sigma, threshold),
            {"sigma": sigma},
        )
    # gravity
    beta = params.pop("beta", 1.0)
    try:
        beta = float(beta)
    except (TypeError, ValueError):
        raise InputError(tr("The gravity exponent (beta) must be a number.")) from None
    if not beta >= 0 or math.isinf(beta):
        raise InputError(tr("The gravity exponent (beta) must be 0 or more."))
    min_distance = params.pop("min_distance", None)
    if min_distance is None:
        if math.isinf(threshold):
            raise InputError(tr("A gravity decay needs a minimum distance or a finite threshold."))
        min_distance = threshold / 10.0
    min_distance = _positive(min_distance, tr("minimum distance"))
    scale = params.pop("scale", None)
    scale = min_distance if scale is None else _positive(scale, tr("gravity scale"))
    _reject_unknown(params)
    return Decay(
        "gravity", threshold,
        lambda d: gravity(d, beta, min_distance, scale, threshold),
        {"beta": beta, "min_distance": min_distance, "scale": scale},
    )


def _reject_unknown(params):
    if params:
        raise InputError(
            tr("Unknown decay parameter(s): {names}.").format(
                names=", ".join(sorted(params))
            )
        )


def _as_decay(decay):
    if decay is None:
        return None
    if isinstance(decay, Decay):
        return decay
    if callable(decay):
        return Decay("custom", np.inf, lambda d: np.asarray(decay(d), dtype=np.float64), {})
    raise InputError(tr("The distance decay is not valid."))


# --------------------------------------------------------------------------
# distances


def _spatial_order(xy):
    """An order of the points by x (strips), to make chunk trees compact."""
    return np.argsort(xy[:, 0], kind="stable")


def euclidean_pairs(demand_xy, supply_xy, max_distance, chunk_size=DEFAULT_CHUNK_SIZE, is_canceled=None):
    """Straight-line :class:`CostPairs` with ``distance <= max_distance`` (metres).

    A cKDTree is built on the supply points and, chunk by chunk (demand
    sorted by x, ``chunk_size`` points at a time), on the demand points;
    ``cKDTree.sparse_distance_matrix(..., output_type="ndarray")`` gives
    the pairs of each chunk without Python lists. Memory is bounded by
    the pairs themselves (16 bytes each) plus one chunk's tree.
    ``is_canceled`` (a callable) is checked before every chunk.
    """
    demand_xy = as_xy(demand_xy, tr("population points"))
    supply_xy = as_xy(supply_xy, tr("services"))
    max_distance = _positive(max_distance, tr("maximum distance"))
    if math.isinf(max_distance):
        raise InputError(tr("The maximum distance must be finite."))
    n, m = len(demand_xy), len(supply_xy)
    if n == 0 or m == 0:
        return CostPairs.empty(n, m)
    chunk_size = max(1, int(chunk_size))
    supply_tree = cKDTree(supply_xy)
    order = _spatial_order(demand_xy) if n > chunk_size else None
    parts_i, parts_j, parts_c = [], [], []
    for start in range(0, n, chunk_size):
        check_canceled(is_canceled)
        idx = order[start:start + chunk_size] if order is not None else None
        chunk = demand_xy[idx] if idx is not None else demand_xy
        tree = cKDTree(chunk)
        rec = tree.sparse_distance_matrix(supply_tree, max_distance, output_type="ndarray")
        if rec.size == 0:
            continue
        ii = rec["i"]
        parts_i.append(idx[ii] if idx is not None else ii)
        parts_j.append(rec["j"])
        parts_c.append(rec["v"])
    if not parts_i:
        return CostPairs.empty(n, m)
    return CostPairs(
        np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_c),
        n, m, check=False,
    )


def nearest_distance(demand_xy, supply_xy, max_distance=np.inf, workers=-1, is_canceled=None,
                     chunk_size=NEAREST_CHUNK_SIZE):
    """Straight-line distance from each demand point to its nearest supply point.

    Returns ``(distance, index)``: ``distance`` is ``inf`` and ``index`` is
    ``-1`` where no supply point lies within ``max_distance`` (inclusive)
    or when there is no supply point at all. cKDTree ``query(k=1)``, by
    chunks of ``chunk_size`` demand points with ``is_canceled`` (a callable)
    checked before each.
    """
    demand_xy = as_xy(demand_xy, tr("population points"))
    supply_xy = as_xy(supply_xy, tr("services"))
    n, m = len(demand_xy), len(supply_xy)
    dist = np.full(n, np.inf)
    index = np.full(n, -1, dtype=np.int64)
    if n == 0 or m == 0:
        return dist, index
    tree = cKDTree(supply_xy)
    upper = float(max_distance)
    # query keeps d < upper; nudge so that a distance equal to max_distance counts
    if math.isfinite(upper):
        upper = np.nextafter(upper, np.inf)
    chunk_size = max(1, int(chunk_size))
    for start in range(0, n, chunk_size):
        check_canceled(is_canceled)
        stop = min(start + chunk_size, n)
        d, k = tree.query(demand_xy[start:stop], k=1, distance_upper_bound=upper, workers=workers)
        found = (k < m) & (d <= max_distance)
        dist[start:stop][found] = d[found]
        index[start:stop][found] = k[found]
    return dist, index


def nearest_cost(pairs):
    """Per demand point, the smallest cost among ``pairs`` and its supply index.

    Returns ``(cost, index)`` with ``inf`` / ``-1`` for demand points
    without any pair. Ties go to the lowest supply index.
    """
    n = pairs.n_demand
    cost = np.full(n, np.inf)
    index = np.full(n, -1, dtype=np.int64)
    if len(pairs) == 0:
        return cost, index
    order = np.lexsort((pairs.j, pairs.cost, pairs.i))
    i_sorted = pairs.i[order]
    first = np.ones(i_sorted.size, dtype=bool)
    first[1:] = i_sorted[1:] != i_sorted[:-1]
    sel = order[first]
    cost[pairs.i[sel]] = pairs.cost[sel]
    index[pairs.i[sel]] = pairs.j[sel]
    return cost, index


# --------------------------------------------------------------------------
# accessibility


def _pair_weights(pairs, decay, threshold):
    if decay is not None:
        w = decay(pairs.cost)
        if threshold is not None:
            w = np.where(pairs.cost <= threshold, w, 0.0)
        return w
    if threshold is not None:
        return (pairs.cost <= threshold).astype(np.float64)
    return np.ones(len(pairs))


def cumulative_opportunities(pairs, supply_weights=None, decay=None, threshold=None):
    """Cumulative opportunities: ``O_i = sum_j S_j * W(c_ij)`` per demand point.

    With no ``decay`` and no ``threshold`` every listed pair counts fully
    (``W = 1``): the number (or the summed weight, e.g. hours per week) of
    services within the cut-off used to build ``pairs``. ``threshold``
    (inclusive) narrows the cut-off; ``decay`` (a :class:`Decay`) weighs
    each pair.
    """
    supply = as_weights(supply_weights, pairs.n_supply, tr("service weights"))
    w = _pair_weights(pairs, _as_decay(decay), threshold)
    return np.bincount(pairs.i, weights=w * supply[pairs.j], minlength=pairs.n_demand)


class FcaResult:
    """Result of a floating-catchment computation.

    * ``access``: ``A_i`` per demand point (times ``per``);
    * ``ratio``: ``R_j`` per supply point (supply per weighted inhabitant);
    * ``catchment_demand``: ``sum_i P_i W(c_ij)`` per supply point;
    * ``per``: the population unit of ``access`` (1 = per inhabitant).
    """

    __slots__ = ("access", "ratio", "catchment_demand", "per")

    def __init__(self, access, ratio, catchment_demand, per):
        self.access = access
        self.ratio = ratio
        self.catchment_demand = catchment_demand
        self.per = per

    @property
    def unserved_supply(self):
        """Mask of the supply points with no demand in their catchment."""
        return self.catchment_demand <= 0

    def __repr__(self):
        return "FcaResult({} demand, {} supply)".format(self.access.size, self.ratio.size)


def fca(pairs, demand_weights, supply_weights=None, decay=None, threshold=None, per=1.0):
    """Two-step floating catchment with any weight (the general form).

    ``R_j = S_j / sum_i P_i W(c_ij)`` and ``A_i = per * sum_j R_j W(c_ij)``
    where ``W`` is ``decay`` (a :class:`Decay`) cut at ``threshold`` when
    given, or a step at ``threshold``, or 1 for every listed pair.
    ``demand_weights`` are the ``P_i`` (inhabitants), ``supply_weights``
    the ``S_j`` (1 each by default).
    """
    demand = as_weights(demand_weights, pairs.n_demand, tr("population weights"))
    supply = as_weights(supply_weights, pairs.n_supply, tr("service weights"))
    per = _positive(per, tr("population unit"))
    w = _pair_weights(pairs, _as_decay(decay), threshold)
    catchment = np.bincount(pairs.j, weights=w * demand[pairs.i], minlength=pairs.n_supply)
    ratio = np.zeros(pairs.n_supply)
    np.divide(supply, catchment, out=ratio, where=catchment > 0)
    access = np.bincount(pairs.i, weights=w * ratio[pairs.j], minlength=pairs.n_demand)
    if per != 1.0:
        access = access * per
    return FcaResult(access, ratio, catchment, per)


def two_step_fca(pairs, demand_weights, supply_weights=None, threshold=None, per=1.0):
    """Classic 2SFCA (Luo & Wang 2003): a step catchment ``c_ij <= threshold``.

    Without ``threshold`` the catchment is the cut-off used to build
    ``pairs``. Same numbers as PySAL ``Access.two_stage_fca(max_cost=threshold)``.
    """
    return fca(pairs, demand_weights, supply_weights, None, threshold, per)


def enhanced_two_step_fca(pairs, demand_weights, supply_weights=None, decay=None, per=1.0):
    """E2SFCA (Luo & Qi 2009): the 2SFCA with distance-decay weights.

    ``decay`` is a :class:`Decay` (``make_decay("gaussian", 1000)``,
    ``make_decay("zones", zones={...})``...); its threshold cuts the
    catchment. Same numbers as PySAL ``Access.enhanced_two_stage_fca(
    max_cost=threshold, weight_fn=...)`` with the same weight.
    """
    if decay is None:
        raise InputError(tr("The enhanced 2SFCA needs a distance decay."))
    decay = _as_decay(decay)
    threshold = decay.threshold if math.isfinite(decay.threshold) else None
    return fca(pairs, demand_weights, supply_weights, decay, threshold, per)
