"""Site recommendation: where to open K new services (maximal covering location).

Problem (Church & ReVelle's maximal covering, MCLP): from candidate sites,
choose ``K`` that maximise the weighted demand newly covered, a demand unit
being covered when a service (existing or new) is within the coverage
threshold (inclusive; straight line through cKDTree, or any
``core.access.CostPairs`` such as walking-network pairs). Units already
covered by existing services count zero.

The demand weight is the fragility-weighted population
(:func:`priority_weights`: ``P_i × F_i / 10``, "inhabitants weighted by
their fragility on 0–10", so a cell of 100 people with F = 5 counts 50).

:func:`greedy_max_cover` adds, one at a time, the site with the largest
marginal gain (ties: lowest candidate index) and stops early when no site
adds anything. Coverage is a monotone submodular function, so the greedy
value is at least ``(1 - 1/e) ≈ 63 %`` of the optimum (Nemhauser, Wolsey
& Fisher 1978); :func:`exhaustive_max_cover` computes the optimum on small
cases (tests, teaching).
"""

import itertools
import math

import numpy as np

from .access import CostPairs, as_weights, as_xy, check_canceled, euclidean_pairs, nearest_distance
from .errors import InputError
from .i18n import tr

__all__ = [
    "Recommendation",
    "priority_weights",
    "candidate_grid",
    "coverage_pairs",
    "covered_by_existing",
    "greedy_max_cover",
    "exhaustive_max_cover",
    "recommend_sites",
]

#: refuse exhaustive searches larger than this number of combinations
MAX_COMBINATIONS = 2_000_000


class Recommendation:
    """Ranked sites chosen by a covering method.

    * ``sites``: candidate indices, in the order chosen;
    * ``marginal_gain``: weighted demand newly covered by each site;
    * ``cumulative_gain``: running total of ``marginal_gain``;
    * ``newly_covered``: per demand unit, the rank (0-based) of the site
      that first covers it, -1 if not newly covered (already covered or
      out of reach);
    * ``already_covered``: the mask of units covered before any new site;
    * ``total_weight``: sum of all demand weights (for shares).
    """

    __slots__ = ("sites", "marginal_gain", "cumulative_gain", "newly_covered",
                 "already_covered", "total_weight")

    def __init__(self, sites, marginal_gain, newly_covered, already_covered, total_weight):
        self.sites = np.asarray(sites, dtype=np.int64)
        self.marginal_gain = np.asarray(marginal_gain, dtype=np.float64)
        self.cumulative_gain = np.cumsum(self.marginal_gain)
        self.newly_covered = newly_covered
        self.already_covered = already_covered
        self.total_weight = float(total_weight)

    @property
    def total_gain(self):
        return float(self.cumulative_gain[-1]) if self.cumulative_gain.size else 0.0

    def __len__(self):
        return int(self.sites.size)

    def __repr__(self):
        return "Recommendation(sites={}, total_gain={:.6g})".format(
            self.sites.tolist(), self.total_gain
        )


def priority_weights(population, fragility=None):
    """Demand weights ``P_i × F_i / 10`` (``F`` on 0–10; NaN fragility -> 0).

    Without ``fragility`` the weights are the population itself.
    """
    pop = np.asarray(population, dtype=np.float64)
    pop = np.where(np.isfinite(pop), pop, 0.0)
    if (pop < 0).any():
        raise InputError(tr("The population cannot be negative."))
    if fragility is None:
        return pop
    f = np.asarray(fragility, dtype=np.float64)
    if f.shape != pop.shape:
        raise InputError(tr("Expected one fragility value per population unit."))
    f = np.clip(np.where(np.isfinite(f), f, 0.0), 0.0, 10.0)
    return pop * f / 10.0


def candidate_grid(xmin, ymin, xmax, ymax, spacing, max_points=1_000_000):
    """Centres of a regular grid of ``spacing`` metres over an extent.

    The first centre is at ``(xmin + spacing/2, ymin + spacing/2)``; centres
    stay inside the extent. Returns an ``(n, 2)`` array, row by row from
    the south-west.
    """
    try:
        xmin, ymin, xmax, ymax, spacing = (float(v) for v in (xmin, ymin, xmax, ymax, spacing))
    except (TypeError, ValueError):
        raise InputError(tr("The extent and the grid spacing must be numbers.")) from None
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax, spacing)):
        raise InputError(tr("The extent and the grid spacing must be finite."))
    if not spacing > 0:
        raise InputError(tr("The grid spacing must be greater than 0."))
    if xmax < xmin or ymax < ymin:
        raise InputError(tr("The extent is empty."))
    nx = int(math.floor((xmax - xmin) / spacing + 1e-9))
    ny = int(math.floor((ymax - ymin) / spacing + 1e-9))
    if nx * ny > max_points:
        raise InputError(
            tr("The candidate grid would have {count} points; use a larger spacing.").format(
                count=nx * ny
            )
        )
    xs = xmin + spacing * (np.arange(nx) + 0.5)
    ys = ymin + spacing * (np.arange(ny) + 0.5)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def coverage_pairs(demand_xy, candidate_xy, threshold):
    """Straight-line coverage: pairs (demand i, candidate j) with distance <= threshold."""
    return euclidean_pairs(demand_xy, candidate_xy, threshold)


def covered_by_existing(demand_xy, existing_xy, threshold):
    """Mask of the demand points within ``threshold`` (inclusive) of an existing service."""
    demand_xy = as_xy(demand_xy, tr("population points"))
    if existing_xy is None or len(existing_xy) == 0:
        return np.zeros(demand_xy.shape[0], dtype=bool)
    dist, _ = nearest_distance(demand_xy, existing_xy, max_distance=threshold)
    return np.isfinite(dist)


def _prepare(pairs, weights, already_covered):
    if not isinstance(pairs, CostPairs):
        raise InputError(tr("The coverage must be given as cost pairs."))
    w = as_weights(weights, pairs.n_demand, tr("demand weights"))
    if already_covered is None:
        covered = np.zeros(pairs.n_demand, dtype=bool)
    else:
        covered = np.array(already_covered, dtype=bool).reshape(-1)  # a copy: never mutate input
        if covered.size != pairs.n_demand:
            raise InputError(tr("Expected one coverage flag per population unit."))
    return w, covered


def greedy_max_cover(pairs, weights, k, already_covered=None, threshold=None, is_canceled=None):
    """Greedy maximal covering: choose up to ``k`` candidates from ``pairs``.

    ``pairs``: :class:`~core.access.CostPairs` demand × candidate (every
    listed pair covers, or only those with ``cost <= threshold``);
    ``weights``: demand weights; ``already_covered``: mask of units
    covered by existing services (they count zero). Gains are updated
    incrementally (each newly covered unit subtracts its weight from the
    gain of every candidate reaching it), so the cost is
    ``O(pairs + k × candidates)``. Stops before ``k`` when no candidate
    adds coverage. Returns a :class:`Recommendation`. ``is_canceled`` (a
    callable) is checked before every site.
    """
    try:
        k = int(k)
    except (TypeError, ValueError):
        raise InputError(tr("The number of sites must be a whole number.")) from None
    if k < 0:
        raise InputError(tr("The number of sites cannot be negative."))
    if threshold is not None:
        pairs = pairs.within(threshold)
    w, covered = _prepare(pairs, weights, already_covered)
    total_weight = float(w.sum())
    already = covered.copy()
    n_cand = pairs.n_supply
    live = ~covered[pairs.i]
    gain = np.bincount(pairs.j[live], weights=w[pairs.i[live]], minlength=n_cand)
    # CSR by candidate (to find the units of the chosen site) and by demand
    by_j = np.argsort(pairs.j, kind="stable")
    j_ptr = np.concatenate([[0], np.cumsum(np.bincount(pairs.j, minlength=n_cand))])
    by_i = np.argsort(pairs.i, kind="stable")
    i_ptr = np.concatenate([[0], np.cumsum(np.bincount(pairs.i, minlength=pairs.n_demand))])
    rank = np.full(pairs.n_demand, -1, dtype=np.int64)
    chosen = np.zeros(n_cand, dtype=bool)
    sites, gains = [], []
    # gains are updated by subtraction: ignore what is only rounding residue
    eps = 1e-9 * total_weight
    for step in range(min(k, n_cand)):
        check_canceled(is_canceled)
        g = np.where(chosen, -np.inf, gain)
        best = int(np.argmax(g))
        if not g[best] > eps:
            break
        units = pairs.i[by_j[j_ptr[best]:j_ptr[best + 1]]]
        units = np.unique(units[~covered[units]])
        covered[units] = True
        rank[units] = step
        chosen[best] = True
        sites.append(best)
        gains.append(float(w[units].sum()))
        # every candidate reaching a newly covered unit loses that unit's weight
        starts, stops = i_ptr[units], i_ptr[units + 1]
        counts = stops - starts
        if counts.sum():
            owner = np.repeat(units, counts)
            offs = np.arange(owner.size) - np.repeat(np.cumsum(counts) - counts, counts)
            pos = by_i[np.repeat(starts, counts) + offs]
            gain -= np.bincount(pairs.j[pos], weights=w[owner], minlength=n_cand)
    return Recommendation(sites, gains, rank, already, total_weight)


def exhaustive_max_cover(pairs, weights, k, already_covered=None, threshold=None,
                         max_combinations=MAX_COMBINATIONS, is_canceled=None):
    """The optimal ``k`` candidates by trying every combination (small cases only).

    Returns ``(sites, value)``: the best combination (the first in
    lexicographic order among ties) and its weighted new coverage.
    """
    if threshold is not None:
        pairs = pairs.within(threshold)
    w, covered = _prepare(pairs, weights, already_covered)
    n_cand = pairs.n_supply
    k = max(0, min(int(k), n_cand))
    count = math.comb(n_cand, k)
    if count > max_combinations:
        raise InputError(
            tr("{count} combinations of sites are too many for an exhaustive search.").format(
                count=count
            )
        )
    live = ~covered[pairs.i]
    ii, jj = pairs.i[live], pairs.j[live]
    # candidate -> boolean coverage row over the demand units it reaches
    units = np.unique(ii)
    col = np.searchsorted(units, ii)
    cover = np.zeros((n_cand, units.size), dtype=bool)
    cover[jj, col] = True
    wu = w[units]
    best_sites, best_value = (), -1.0
    for number, combo in enumerate(itertools.combinations(range(n_cand), k)):
        if number % 4096 == 0:
            check_canceled(is_canceled)
        value = float(wu[cover[list(combo)].any(axis=0)].sum()) if combo else 0.0
        if value > best_value:  # strict: the first combination wins ties
            best_sites, best_value = combo, value
    return np.asarray(best_sites, dtype=np.int64), max(best_value, 0.0)


def recommend_sites(demand_xy, weights, candidate_xy, k, threshold, existing_xy=None, is_canceled=None):
    """Straight-line convenience: greedy ``k`` sites among ``candidate_xy``.

    Coverage = within ``threshold`` metres (inclusive); demand points within
    ``threshold`` of ``existing_xy`` are already covered.
    """
    demand_xy = as_xy(demand_xy, tr("population points"))
    candidate_xy = as_xy(candidate_xy, tr("candidate sites"))
    check_canceled(is_canceled)
    pairs = euclidean_pairs(demand_xy, candidate_xy, threshold, is_canceled=is_canceled)
    covered = covered_by_existing(demand_xy, existing_xy, threshold)
    return greedy_max_cover(pairs, weights, k, covered, is_canceled=is_canceled)
