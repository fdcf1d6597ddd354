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
reach" (weight 0). The distance decays ``W`` are in :mod:`core.decay` (re-exported here).

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

from .decay import DECAY_NAMES, Decay, _as_decay, _positive, gaussian, gravity, linear, make_decay, step, zones
from .errors import CanceledError, InputError
from .i18n import tr

# The distance decays (core/decay.py) are importable from here too, with the metrics that use them.

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
    from scipy.spatial import cKDTree  # with the first computation, not with the plugin

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
    from scipy.spatial import cKDTree

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
