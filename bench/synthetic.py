"""Seeded synthetic inputs for the benchmarks (metres, a Lambert-93-like plane).

* :func:`synthetic_towns` — population on distinct 200 m cells (like the
  INSEE Filosofi grid), clustered in towns whose sizes follow Zipf's law,
  and services placed where people live (B1, B3);
* :func:`synthetic_street_network` — an irregular street grid cut into
  OSM-like ways with attributes (B2);
* :func:`synthetic_addresses` — population and service points along that
  network (B2).

Every generator takes a ``seed`` and returns the same arrays for the same
arguments (numpy ``default_rng``).
"""

import math

import numpy as np

#: the product's 6 category codes and their share of the services
CATEGORIES = {
    "epn": 0.25,
    "france_services": 0.08,
    "conseiller_numerique": 0.30,
    "tiers_lieu": 0.10,
    "fablab": 0.05,
    "wifi": 0.22,
}
#: share of a category's services put in a populated cell drawn uniformly
#: (village services) instead of in a town drawn in proportion to its
#: population: France Services are rural by design; the others follow people
RURAL_SHARE = {"france_services": 0.5}
DEFAULT_RURAL_SHARE = 0.2

CELL = 200.0
#: south-west corner of the synthetic squares (Lambert-93, EPSG:2154):
#: metropolitan France spans x 100–1 250 km, y 6 030–7 120 km
LAMBERT93_ORIGIN = (100_000.0, 6_050_000.0)
#: a town-sized square near Paris: Lambert-93 scale error < 0.1 % there, so
#: QGIS's ellipsoidal network lengths stay comparable with planar ones
TOWN_ORIGIN = (640_000.0, 6_850_000.0)
#: spread of the town services around the town centre, as a share of the
#: spread of the town's population
CENTRALITY = 0.8
#: samples per cell at a town centre = 0.8 + CENTRE_DENSITY × log10(town
#: samples): ~1 in a hamlet, ~15 in a metropolis (dense, continuous centres)
CENTRE_DENSITY = 3.0
#: mean inhabitants per populated cell (France: ~66 M people on ~2.3 M cells)
MEAN_CELL_POPULATION = 29.0


def _town_cells(rng, n_cells, n_towns, extent, zipf, oversample):
    """Distinct 200 m cells (integer keys) and their population, before trimming."""
    centres = rng.uniform(0.0, extent, (n_towns, 2))
    rank = rng.permutation(n_towns) + 1.0  # size independent of position
    share = rank ** -zipf
    share /= share.sum()
    n_samples = np.maximum(1, np.round(share * n_cells * oversample)).astype(np.int64)
    town = np.repeat(np.arange(n_towns), n_samples)
    centre_density = 0.8 + CENTRE_DENSITY * np.log10(n_samples)
    sigma = CELL * np.sqrt(n_samples / (2.0 * math.pi * centre_density))
    xy = centres[town] + rng.normal(0.0, 1.0, (town.size, 2)) * sigma[town, None]
    inside = ((xy >= 0.0) & (xy < extent)).all(axis=1)
    xy, town = xy[inside], town[inside]
    keys = np.floor(xy / CELL).astype(np.int64)
    span = int(math.ceil(extent / CELL)) + 1
    flat = keys[:, 0] * span + keys[:, 1]
    # inhabitants brought by one sample: more in bigger towns (denser housing)
    per_sample = n_samples[town] ** 0.45 * rng.lognormal(0.0, 0.6, town.size)
    cells, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
    population = np.bincount(inverse, weights=per_sample)
    return cells, population, town[first], centres, sigma, span


def synthetic_towns(n_points, n_services, seed=1, extent=None, n_towns=None, zipf=0.8,
                    origin=LAMBERT93_ORIGIN):
    """Clustered population on distinct 200 m cells, and services near people.

    * ``n_towns`` (default ``n_points // 80``, ~25 000 towns for 2 M cells)
      centres drawn uniformly in a square of side ``extent`` (default
      1 000 km × sqrt(n_points / 2 M): the density of metropolitan France
      at every scale); town sizes follow Zipf's law (``rank ** -zipf``),
      so a few metropolises of tens of thousands of cells and thousands of
      villages of a few cells;
    * each town spreads its cells as a 2-D Gaussian whose centre is
      continuously built up (many samples per cell, :data:`CENTRE_DENSITY`)
      in big towns and sparse in villages; samples outside the square are
      dropped; the others are rounded to the 200 m grid and merged
      (one point per distinct cell, at its centre, like the INSEE grid);
      a cell's population is the sum of its samples' inhabitants, more per
      sample in bigger towns; the total is rescaled to
      :data:`MEAN_CELL_POPULATION` per cell (≈ 58 M for 2 M cells);
    * services: each service draws a category (shares :data:`CATEGORIES`);
      most draw a town in proportion to its population and sit near its
      centre (Gaussian, :data:`CENTRALITY` × the town's spread): services
      where people are densest; :data:`RURAL_SHARE` of them (20 %, France
      Services 50 %) draw a populated cell uniformly (village services)
      and sit inside it. Nothing is placed in empty countryside.

    The fix over the first version (``bench_access.synthetic_towns`` of the
    skeleton): it put up to several points on one 200 m cell (only
    ~0.8 M distinct cells out of 2 M points), gave population independently
    of density, put 10 % of the services anywhere (fields) and used category
    codes the product does not know (``wifi_public``…), so the product's
    default thresholds did not apply.

    The square starts at ``origin`` (default: the south-west corner of
    metropolitan France in Lambert-93, so that QGIS sees plausible
    coordinates). Returns ``(demand_xy, population, supply_xy, category)``
    where ``category`` indexes :data:`CATEGORIES`.
    """
    rng = np.random.default_rng(seed)
    n_points, n_services = int(n_points), int(n_services)
    if extent is None:
        extent = 1_000_000.0 * math.sqrt(n_points / 2_000_000.0)
    if n_towns is None:
        n_towns = max(5, n_points // 80)
    if (extent / CELL) ** 2 < 2 * n_points:
        raise ValueError("extent too small for {} distinct 200 m cells".format(n_points))
    oversample = 1.5
    while True:
        cells, population, cell_town, centres, sigma, span = _town_cells(
            rng, n_points, n_towns, extent, zipf, oversample)
        if cells.size >= n_points:
            break
        oversample *= 1.3 * n_points / max(cells.size, 1)
    keep = np.sort(rng.choice(cells.size, size=n_points, replace=False))
    cells, population, cell_town = cells[keep], population[keep], cell_town[keep]
    demand = np.column_stack([cells // span, cells % span]).astype(np.float64) * CELL + CELL / 2
    population *= MEAN_CELL_POPULATION * n_points / population.sum()

    names = list(CATEGORIES)
    probs = np.array([CATEGORIES[k] for k in names])
    category = rng.choice(len(names), size=n_services, p=probs / probs.sum())
    rural_share = np.array([RURAL_SHARE.get(k, DEFAULT_RURAL_SHARE) for k in names])
    rural = rng.random(n_services) < rural_share[category]
    # town services: a town drawn in proportion to its population, a point
    # near its centre (services sit in town centres, where people are densest)
    town_pop = np.bincount(cell_town, weights=population, minlength=len(centres))
    n_town = int((~rural).sum())
    town = rng.choice(len(centres), size=n_town, p=town_pop / town_pop.sum())
    supply = np.empty((n_services, 2))
    supply[~rural] = centres[town] + rng.normal(0.0, 1.0, (n_town, 2)) * (CENTRALITY * sigma[town, None])
    # village services: a populated cell drawn uniformly, a point inside it
    cell = rng.integers(0, n_points, int(rural.sum()))
    supply[rural] = demand[cell] + rng.uniform(-CELL / 2, CELL / 2, (cell.size, 2))
    supply = np.clip(supply, 0.0, extent)
    origin = np.asarray(origin, dtype=np.float64)
    return demand + origin, population, supply + origin, category


def category_names(category):
    """Codes of :data:`CATEGORIES` for an array of category indexes (lists of one code)."""
    names = list(CATEGORIES)
    return [[names[int(k)]] for k in category]


# --------------------------------------------------------------------------
# walking network


def synthetic_street_network(n_edges, block=100.0, seed=5, jitter=15.0, drop=0.08,
                             curve=0.3, diagonal=0.03, way_blocks=(2, 8), origin=TOWN_ORIGIN):
    """An irregular street grid of at least ``n_edges`` graph edges, as OSM-like ways.

    A square grid of crossings every ``block`` metres, moved by a normal
    ``jitter``; each block side is a street segment, dropped with
    probability ``drop`` (dead ends, irregular blocks) and bent with
    probability ``curve`` (an intermediate vertex: two graph edges); rows
    and columns are cut into ways of ``way_blocks`` blocks
    (``highway=residential``); a share ``diagonal`` of the blocks gets a
    diagonal footpath (``highway=footway``); two motorways
    (``highway=motorway``, no shared vertex) cross the area and must be
    left out by the pedestrian filter.

    Returns ``(lines, attributes, size)``: a list of ``(n, 2)`` arrays
    (offset by ``origin``), one dict per line, and the side of the square
    in metres. The exact number of edges is the built network's ``n_edges``.
    """
    rng = np.random.default_rng(seed)
    per_node = 2.0 * (1 - drop) * (1 + curve) + diagonal
    side = int(math.sqrt(n_edges / per_node)) + 2
    size = (side - 1) * block
    grid = np.stack(np.meshgrid(np.arange(side) * block, np.arange(side) * block,
                                indexing="ij"), axis=-1)
    grid = grid + rng.normal(0.0, jitter, grid.shape)
    lines, attributes = [], []
    residential = {"highway": "residential"}

    def add_street(points):
        # points: (side, 2) crossings of one row or column
        keep = rng.random(side - 1) >= drop  # segment k joins crossing k and k+1
        bend = rng.random(side - 1) < curve
        mids = (points[:-1] + points[1:]) / 2 + rng.normal(0.0, jitter / 2, (side - 1, 2))
        k = 0
        while k < side - 1:
            if not keep[k]:
                k += 1
                continue
            length = int(rng.integers(way_blocks[0], way_blocks[1] + 1))
            stop = k
            while stop < min(k + length, side - 1) and keep[stop]:
                stop += 1
            vertices = [points[k]]
            for s in range(k, stop):
                if bend[s]:
                    vertices.append(mids[s])
                vertices.append(points[s + 1])
            lines.append(np.array(vertices))
            attributes.append(residential)
            k = stop

    for r in range(side):
        add_street(grid[r, :, :])
    for c in range(side):
        add_street(grid[:, c, :])
    n_diag = int(diagonal * (side - 1) ** 2)
    cells = rng.integers(0, side - 1, (n_diag, 2))
    for r, c in cells:
        lines.append(np.array([grid[r, c], grid[r + 1, c + 1]]))
        attributes.append({"highway": "footway"})
    for y in (0.31 * size, 0.67 * size):
        xs = np.linspace(-block / 3, size + block / 3, 40)
        lines.append(np.column_stack([xs, np.full(xs.size, y + block / 3)]))
        attributes.append({"highway": "motorway"})
    origin = np.asarray(origin, dtype=np.float64)
    return [line + origin for line in lines], attributes, size


def synthetic_addresses(n_points, n_services, size, seed=7, n_centres=12, origin=TOWN_ORIGIN):
    """Population (address) points and services over a ``size`` × ``size`` town.

    Points cluster around ``n_centres`` neighbourhood centres (Gaussian,
    spread 1–4 km) plus 20 % spread uniformly; each point carries 1 to 60
    inhabitants (log-normal). Services are drawn near points in proportion
    to their population (normal offset of 30 m), categories as in B1.
    Coordinates are offset by ``origin`` (as the network). Returns
    ``(demand_xy, population, supply_xy, category)``.
    """
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0.1 * size, 0.9 * size, (n_centres, 2))
    spread = rng.uniform(1000.0, 4000.0, n_centres)
    n_uniform = int(0.2 * n_points)
    which = rng.integers(0, n_centres, n_points - n_uniform)
    clustered = centres[which] + rng.normal(0.0, 1.0, (which.size, 2)) * spread[which, None]
    demand = np.vstack([clustered, rng.uniform(0.0, size, (n_uniform, 2))])
    demand = np.clip(demand, 0.0, size)
    population = np.clip(rng.lognormal(2.0, 0.9, n_points), 1.0, 60.0).round()
    pick = rng.choice(n_points, size=n_services, p=population / population.sum())
    supply = np.clip(demand[pick] + rng.normal(0.0, 30.0, (n_services, 2)), 0.0, size)
    names = list(CATEGORIES)
    probs = np.array([CATEGORIES[k] for k in names])
    category = rng.choice(len(names), size=n_services, p=probs / probs.sum())
    origin = np.asarray(origin, dtype=np.float64)
    return demand + origin, population, supply + origin, category
