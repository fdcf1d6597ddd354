"""Walking-network distances (pure numpy/scipy, no QGIS, no routing service).

Build a :class:`WalkNetwork` from line geometries given as coordinate
arrays in metres (a list of ``(n, 2)`` arrays, one per line, in a projected
CRS such as Lambert-93) plus optional per-line attributes for the pedestrian
filter (:func:`is_walkable`). Then:

* :meth:`WalkNetwork.nearest_service` — walking distance from every
  population point to the nearest service (one multi-source Dijkstra,
  ``scipy.sparse.csgraph.dijkstra(min_only=True, limit=cutoff)``);
* :meth:`WalkNetwork.cost_pairs` — every (population point, service)
  pair within a walking cut-off, as ``core.access.CostPairs`` for the FCA
  metrics (Dijkstra from each service location with ``limit=cutoff``,
  chunked so the dense distance block stays under a memory budget).

Graph
    Nodes are the line vertices merged by coordinates rounded to
    ``tolerance`` (1 cm by default): two lines are connected only where
    they share a vertex (as OSM ways and BD TOPO tronçons do at
    junctions); lines crossing without a shared vertex (bridges, tunnels)
    stay unconnected, as they should. Edges are the segments between
    consecutive vertices, undirected (walking ignores one-way streets),
    weighted by their length in metres. Parallel duplicate segments keep
    the shortest; zero-length segments are dropped.

Snapping (documented choice: to the nearest *edge point*, not the nearest node)
    A point is projected on the nearest segment of the network, exactly:
    candidate segments come from a cKDTree of points sampled every
    ``sample_spacing`` metres along the segments, and the candidate set
    is widened until it provably contains the nearest segment (any segment
    at distance ``δ`` has a sample within ``δ + spacing/2``). Snapping to
    the nearest node instead would add up to half a segment to every
    distance, and BD TOPO segments can be hundreds of metres long; the
    projected point becomes a new node splitting its segment, so two
    points on the same street get their true along-street distance.
    The snapping distance (straight line from the point to the network) is
    returned for every point; points farther than ``max_snap`` metres are
    flagged ``too_far`` and counted — they get no network distance (inf)
    and no cost pair, they are never silently dropped.

Distance reported
    ``snap(demand) + network distance + snap(service)``: the straight walk
    from the point to the street, along the streets, then from the street to
    the service. The cut-off applies to that total (inclusive).

Walking time
    Distances are in metres; :func:`walking_minutes` converts at
    ``WALKING_SPEED_KMH`` (4 km/h = 66.7 m per minute, configurable).

Split along its jobs: :mod:`core.walking` (pedestrian filter, walking times),
:mod:`core.network_results` (what the methods return), this module (graph, snapping, routing).
"""

import math

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from .access import NEAREST_CHUNK_SIZE, CostPairs, as_xy, check_canceled
from .errors import InputError
from .i18n import tr
from .network_results import NetworkNearest, NetworkPairs, SnapResult
from .walking import OSM_NO_FOOT_HIGHWAYS, WALKING_SPEED_KMH, is_walkable, walking_metres, walking_minutes

# The pedestrian rules and walking times (core/walking.py) and the result classes
# (core/network_results.py) are importable from here too: the public names of the model.

__all__ = [
    "WALKING_SPEED_KMH",
    "DEFAULT_MAX_SNAP",
    "OSM_NO_FOOT_HIGHWAYS",
    "is_walkable",
    "walking_minutes",
    "walking_metres",
    "SnapResult",
    "NetworkNearest",
    "NetworkPairs",
    "WalkNetwork",
]

#: default maximum snapping distance (metres)
DEFAULT_MAX_SNAP = 200.0
#: default budget of the dense Dijkstra block in :meth:`WalkNetwork.cost_pairs`
DEFAULT_MAX_MATRIX_ELEMENTS = 20_000_000


def _expand(groups, starts, counts, members):
    """For every entry ``g`` of ``groups``, every member of group ``g``.

    Returns ``(entry, member)``: ``entry`` indexes ``groups``.
    """
    c = counts[groups]
    entry = np.repeat(np.arange(groups.size), c)
    offsets = np.arange(entry.size) - np.repeat(np.cumsum(c) - c, c)
    return entry, members[starts[groups][entry] + offsets]


def _grouping(keys, n_groups):
    """CSR-like grouping of ``range(len(keys))`` by ``keys`` (0..n_groups-1)."""
    order = np.argsort(keys, kind="stable")
    counts = np.bincount(keys, minlength=n_groups)
    starts = np.cumsum(counts) - counts
    return starts, counts, order


class WalkNetwork:
    """An undirected walking graph built from lines in metres.

    Parameters
    ----------
    lines : list of ``(n, 2)`` arrays
        Vertex coordinates of each line, in metres (projected CRS).
    attributes : list of dict, optional
        One mapping per line, passed to ``walkable``.
    tolerance : float
        Vertices closer than this (after rounding to a grid of this size)
        are one node; also the distance under which a snapped point counts
        as being on a node. Default 0.01 m.
    walkable : callable
        ``walkable(attributes) -> bool``; default :func:`is_walkable`.
    min_component_nodes : int
        Segments of connected components with fewer nodes are removed
        (isolated fragments that would trap snapped points); 0 keeps all.
    sample_spacing : float
        Spacing of the snapping index samples along segments (metres).
    """

    def __init__(self, lines, attributes=None, tolerance=0.01, walkable=is_walkable,
                 min_component_nodes=0, sample_spacing=25.0):
        tolerance = float(tolerance)
        if not tolerance > 0:
            raise InputError(tr("The node merging tolerance must be greater than 0."))
        self.tolerance = tolerance
        self.sample_spacing = max(float(sample_spacing), tolerance)
        lines = list(lines)
        if attributes is not None:
            attributes = list(attributes)
            if len(attributes) != len(lines):
                raise InputError(
                    tr("Expected {expected} attribute records for the lines, got {got}.").format(
                        expected=len(lines), got=len(attributes)
                    )
                )
        self.n_lines = len(lines)
        used = np.zeros(self.n_lines, dtype=bool)
        self.n_lines_not_walkable = 0
        self.n_lines_invalid = 0
        kept = []
        for k, line in enumerate(lines):
            if attributes is not None and not walkable(attributes[k]):
                self.n_lines_not_walkable += 1
                continue
            arr = np.asarray(line, dtype=np.float64)
            if arr.ndim != 2 or arr.shape[0] < 2 or arr.shape[1] < 2:
                self.n_lines_invalid += 1
                continue
            arr = arr[:, :2]
            if not np.isfinite(arr).all():
                self.n_lines_invalid += 1
                continue
            used[k] = True
            kept.append(arr)
        self.line_used = used
        self._build(kept, int(min_component_nodes))
        self._sample_tree = None
        self._sample_edge = None

    # ------------------------------------------------------------------ build

    def _build(self, kept, min_component_nodes):
        if not kept:
            self.node_xy = np.empty((0, 2))
            self.edge_u = np.empty(0, np.int64)
            self.edge_v = np.empty(0, np.int64)
            self.edge_length = np.empty(0)
            self.n_edges_small_components = 0
            self.component = np.empty(0, np.int64)
            self._graph = csr_matrix((0, 0))
            return
        coords = np.concatenate(kept)
        lengths = np.fromiter((len(a) for a in kept), dtype=np.int64, count=len(kept))
        keys = np.round(coords / self.tolerance).astype(np.int64)
        kx = keys[:, 0] - keys[:, 0].min()
        ky = keys[:, 1] - keys[:, 1].min()
        span = int(ky.max()) + 1
        if (int(kx.max()) + 1) * span < 2**62:
            _, first, inverse = np.unique(kx * span + ky, return_index=True, return_inverse=True)
        else:  # pragma: no cover - continent-sized extent at 1 cm
            _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        inverse = np.asarray(inverse).reshape(-1)
        node_xy = coords[first]
        # segment k joins vertex k and k + 1, except at the end of a line
        starts = np.ones(coords.shape[0], dtype=bool)
        starts[np.cumsum(lengths) - 1] = False
        p = np.flatnonzero(starts)
        u, v = inverse[p], inverse[p + 1]
        keep = u != v
        u, v = u[keep], v[keep]
        a, b = np.minimum(u, v), np.maximum(u, v)
        length = np.hypot(*(node_xy[b] - node_xy[a]).T)
        order = np.lexsort((length, b, a))
        a, b, length = a[order], b[order], length[order]
        first_of = np.ones(a.size, dtype=bool)
        first_of[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
        a, b, length = a[first_of], b[first_of], length[first_of]
        n = node_xy.shape[0]
        graph = csr_matrix((length, (a, b)), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        self.n_edges_small_components = 0
        if min_component_nodes > 1:
            sizes = np.bincount(labels)
            big = sizes[labels[a]] >= min_component_nodes
            self.n_edges_small_components = int((~big).sum())
            a, b, length = a[big], b[big], length[big]
            graph = csr_matrix((length, (a, b)), shape=(n, n))
        self.node_xy = node_xy
        self.edge_u = a.astype(np.int64)
        self.edge_v = b.astype(np.int64)
        self.edge_length = length
        self.component = labels.astype(np.int64)
        self._graph = graph

    @property
    def n_nodes(self):
        return int(self.node_xy.shape[0])

    @property
    def n_edges(self):
        return int(self.edge_u.size)

    @property
    def graph(self):
        """The base graph: a sparse ``n_nodes x n_nodes`` matrix, one entry per edge."""
        return self._graph

    def __repr__(self):
        return "WalkNetwork({} nodes, {} edges, {} lines, {} not walkable)".format(
            self.n_nodes, self.n_edges, self.n_lines, self.n_lines_not_walkable
        )

    # ---------------------------------------------------------------- snapping

    def _samples(self):
        if self._sample_tree is None:
            # each segment is cut into pieces of at most `spacing` metres and
            # sampled at the middle of each piece: every point of a segment is
            # then within spacing/2 of one of its samples
            s = self.sample_spacing
            nseg = np.maximum(1, np.ceil(self.edge_length / s)).astype(np.int64)
            edge_of = np.repeat(np.arange(self.n_edges), nseg)
            k = np.arange(edge_of.size) - np.repeat(np.cumsum(nseg) - nseg, nseg)
            t = (k + 0.5) / np.repeat(nseg, nseg)
            a = self.node_xy[self.edge_u]
            ab = self.node_xy[self.edge_v] - a
            xy = a[edge_of] + t[:, None] * ab[edge_of]
            self._sample_tree = cKDTree(xy, balanced_tree=False, compact_nodes=False)
            self._sample_edge = edge_of
        return self._sample_tree, self._sample_edge

    def _project(self, p, e):
        """Distance, position along the edge and projected point of ``p`` on edges ``e``."""
        a = self.node_xy[self.edge_u[e]]
        ab = self.node_xy[self.edge_v[e]] - a
        ap = p - a
        t = (ap * ab).sum(-1) / (ab * ab).sum(-1)
        t = np.clip(t, 0.0, 1.0)
        q = a + t[..., None] * ab
        d = np.hypot(*np.moveaxis(p - q, -1, 0))
        return d, t * self.edge_length[e], q

    def snap(self, xy, max_snap=DEFAULT_MAX_SNAP, k=8, is_canceled=None, chunk_size=NEAREST_CHUNK_SIZE):
        """Snap points onto the nearest segment (exact); see the module docstring.

        Points are snapped by chunks of ``chunk_size``, ``is_canceled`` (a
        callable) being checked before each.
        """
        xy = as_xy(xy, tr("points to snap"))
        max_snap = float(max_snap)
        if not max_snap >= 0 or math.isnan(max_snap):
            raise InputError(tr("The maximum snapping distance must be 0 or more."))
        chunk_size = max(1, int(chunk_size))
        parts = []
        for start in range(0, max(xy.shape[0], 1), chunk_size):
            check_canceled(is_canceled)
            parts.append(self._snap_chunk(xy[start:start + chunk_size], k))
        edge, position, node, snapped, distance = (np.concatenate(p) for p in zip(*parts))
        too_far = ~(distance <= max_snap)
        return SnapResult(edge, position, node, snapped, distance, too_far, max_snap)

    def _snap_chunk(self, xy, k):
        m = xy.shape[0]
        edge = np.full(m, -1, dtype=np.int64)
        position = np.zeros(m)
        node = np.full(m, -1, dtype=np.int64)
        snapped = np.full((m, 2), np.nan)
        distance = np.full(m, np.inf)
        if m and self.n_edges:
            tree, sample_edge = self._samples()
            kq = int(min(k, tree.n))
            d_s, idx = tree.query(xy, k=kq, workers=-1)
            if kq == 1:
                d_s, idx = d_s[:, None], idx[:, None]
            cand = sample_edge[idx]
            d, pos, q = self._project(xy[:, None, :], cand)
            # nearest edge; equal distances go to the lowest edge id (deterministic)
            best = np.lexsort((cand, d), axis=-1)[:, 0]
            rows = np.arange(m)
            edge[:] = cand[rows, best]
            distance[:] = d[rows, best]
            position[:] = pos[rows, best]
            snapped[:] = q[rows, best]
            half = self.sample_spacing / 2.0
            if kq < tree.n:
                # the k samples may miss the nearest edge: widen to a ball
                redo = np.flatnonzero(d_s[:, -1] <= distance + half)
                if redo.size:
                    self._snap_ball(xy, redo, distance + half, edge, distance, position, snapped)
            L = self.edge_length[edge]
            at_u = position <= self.tolerance
            at_v = ~at_u & (L - position <= self.tolerance)
            node[at_u] = self.edge_u[edge[at_u]]
            node[at_v] = self.edge_v[edge[at_v]]
            position[at_u] = 0.0
            position[at_v] = L[at_v]
        return edge, position, node, snapped, distance

    def _snap_ball(self, xy, rows, radius, edge, distance, position, snapped):
        tree, sample_edge = self._samples()
        found = tree.query_ball_point(xy[rows], radius[rows] * (1 + 1e-12) + 1e-9)
        counts = np.fromiter((len(f) for f in found), dtype=np.int64, count=len(found))
        if counts.sum() == 0:
            return
        owner = np.repeat(rows, counts)
        cand_edge = sample_edge[np.concatenate([np.asarray(f, dtype=np.int64) for f in found])]
        # one evaluation per (row, edge)
        pair_key = np.unique(np.stack([owner, cand_edge], axis=1), axis=0)
        owner, cand_edge = pair_key[:, 0], pair_key[:, 1]
        d, pos, q = self._project(xy[owner], cand_edge)
        order = np.lexsort((cand_edge, d, owner))
        first = np.ones(order.size, dtype=bool)
        first[1:] = owner[order][1:] != owner[order][:-1]
        sel = order[first]
        r = owner[sel]
        better = (d[sel] < distance[r]) | ((d[sel] == distance[r]) & (cand_edge[sel] < edge[r]))
        r, sel = r[better], sel[better]
        edge[r] = cand_edge[sel]
        distance[r] = d[sel]
        position[r] = pos[sel]
        snapped[r] = q[sel]

    # ------------------------------------------------------------ augmented graph

    def _augmented_graph(self, snaps):
        """The base graph with the snapped points inserted as nodes.

        Returns ``(graph, attach)``: ``attach[k]`` gives, for snap result
        ``k``, the graph node of each point (-1 for ``too_far`` points).
        """
        n = self.n_nodes
        attach = [np.full(len(s), -1, dtype=np.int64) for s in snaps]
        ve_parts, vp_parts, where = [], [], []
        for k, s in enumerate(snaps):
            ok = ~s.too_far
            on_node = ok & (s.node >= 0)
            attach[k][on_node] = s.node[on_node]
            virt = np.flatnonzero(ok & (s.node < 0))
            ve_parts.append(s.edge[virt])
            vp_parts.append(s.position[virt])
            where.append((k, virt))
        ve = np.concatenate(ve_parts) if ve_parts else np.empty(0, np.int64)
        vp = np.concatenate(vp_parts) if vp_parts else np.empty(0)
        a, b, w = self.edge_u, self.edge_v, self.edge_length
        n_total = n
        if ve.size:
            key = np.round(vp / self.tolerance).astype(np.int64)
            order = np.lexsort((key, ve))
            e_s, k_s, p_s = ve[order], key[order], vp[order]
            new = np.ones(order.size, dtype=bool)
            new[1:] = (e_s[1:] != e_s[:-1]) | (k_s[1:] != k_s[:-1])
            group = np.cumsum(new) - 1
            vnode = np.empty(order.size, dtype=np.int64)
            vnode[order] = n + group
            offset = 0
            for k, virt in where:
                attach[k][virt] = vnode[offset:offset + virt.size]
                offset += virt.size
            g_edge, g_pos = e_s[new], p_s[new]
            nv = g_edge.size
            ids = n + np.arange(nv)
            same_prev = np.zeros(nv, dtype=bool)
            same_prev[1:] = g_edge[1:] == g_edge[:-1]
            prev_node = self.edge_u[g_edge].copy()
            prev_pos = np.zeros(nv)
            follow = np.flatnonzero(same_prev)
            prev_node[follow] = ids[follow - 1]
            prev_pos[follow] = g_pos[follow - 1]
            last = np.ones(nv, dtype=bool)
            last[:-1] = g_edge[:-1] != g_edge[1:]
            split = np.zeros(self.n_edges, dtype=bool)
            split[g_edge] = True
            a = np.concatenate([self.edge_u[~split], prev_node, ids[last]])
            b = np.concatenate([self.edge_v[~split], ids, self.edge_v[g_edge[last]]])
            w = np.concatenate(
                [self.edge_length[~split], g_pos - prev_pos,
                 self.edge_length[g_edge[last]] - g_pos[last]]
            )
            n_total = n + nv
        return (a, b, w, n_total), attach

    @staticmethod
    def _csr(a, b, w, n_total):
        return csr_matrix((w, (a, b)), shape=(n_total, n_total))

    # ---------------------------------------------------------------- queries

    def node_distances(self, sources, targets=None, limit=np.inf):
        """Network distances between nodes of the base graph (no snapping).

        Returns a ``(len(sources), len(targets))`` array (all nodes when
        ``targets`` is None); inf beyond ``limit`` or when unconnected.
        """
        sources = np.atleast_1d(np.asarray(sources, dtype=np.int64))
        d = dijkstra(self._graph, directed=False, indices=sources, limit=limit)
        d = np.atleast_2d(d)
        if targets is not None:
            d = d[:, np.asarray(targets, dtype=np.int64)]
        return d

    def nearest_service(self, demand_xy, supply_xy, cutoff=np.inf, max_snap=DEFAULT_MAX_SNAP, is_canceled=None):
        """Walking distance (metres) from each demand point to its nearest service.

        One multi-source Dijkstra (``min_only=True``, ``limit=cutoff``) from
        all services; each service enters through a pendant node whose edge
        is its snapping distance, so the minimum over services of
        ``snap(service) + network`` is exact; the demand snapping distance
        is then added. Returns a :class:`NetworkNearest`. ``is_canceled`` (a
        callable) is checked between the snapping chunks and before the Dijkstra.
        """
        demand_xy = as_xy(demand_xy, tr("population points"))
        supply_xy = as_xy(supply_xy, tr("services"))
        cutoff = _cutoff(cutoff)
        ds = self.snap(demand_xy, max_snap, is_canceled=is_canceled)
        ss = self.snap(supply_xy, max_snap, is_canceled=is_canceled)
        n_dem = demand_xy.shape[0]
        distance = np.full(n_dem, np.inf)
        index = np.full(n_dem, -1, dtype=np.int64)
        valid_s = np.flatnonzero(~ss.too_far)
        if n_dem == 0 or valid_s.size == 0 or ds.n_too_far == n_dem:
            return NetworkNearest(distance, index, ds, ss)
        (a, b, w, n_total), (dnode, snode) = self._augmented_graph([ds, ss])
        # pendant nodes for services off the network
        src = snode[valid_s].copy()
        off = ss.distance[valid_s] > 0
        pend = n_total + np.arange(int(off.sum()))
        a = np.concatenate([a, pend])
        b = np.concatenate([b, src[off]])
        w = np.concatenate([w, ss.distance[valid_s][off]])
        src[off] = pend
        n_total += pend.size
        graph = self._csr(a, b, w, n_total)
        owner = np.full(n_total, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(owner, src, valid_s)
        sources = np.unique(src)
        check_canceled(is_canceled)
        dist, _, origin = dijkstra(
            graph, directed=False, indices=sources, limit=cutoff,
            min_only=True, return_predecessors=True,
        )
        ok = np.flatnonzero(~ds.too_far)
        total = ds.distance[ok] + dist[dnode[ok]]
        reach = np.isfinite(total) & (total <= cutoff)
        ok, total = ok[reach], total[reach]
        distance[ok] = total
        index[ok] = owner[origin[dnode[ok]]]
        return NetworkNearest(distance, index, ds, ss)

    def cost_pairs(self, demand_xy, supply_xy, cutoff, max_snap=DEFAULT_MAX_SNAP,
                   max_matrix_elements=DEFAULT_MAX_MATRIX_ELEMENTS, is_canceled=None):
        """Every (demand, service) pair within ``cutoff`` metres of walking.

        Cost = ``snap(demand) + network + snap(service)`` (inclusive
        cut-off). Dijkstra runs once per distinct service node, by chunks of
        at most ``max_matrix_elements`` distances. Returns a
        :class:`NetworkPairs` whose ``pairs`` feed ``core.access``.
        ``is_canceled`` (a callable) is checked before every chunk.
        """
        demand_xy = as_xy(demand_xy, tr("population points"))
        supply_xy = as_xy(supply_xy, tr("services"))
        cutoff = _cutoff(cutoff)
        if math.isinf(cutoff):
            raise InputError(tr("A finite walking cut-off is needed to list the pairs."))
        ds = self.snap(demand_xy, max_snap, is_canceled=is_canceled)
        ss = self.snap(supply_xy, max_snap, is_canceled=is_canceled)
        n_dem, n_sup = demand_xy.shape[0], supply_xy.shape[0]
        valid_s = np.flatnonzero(~ss.too_far)
        valid_d = np.flatnonzero(~ds.too_far)
        if valid_s.size == 0 or valid_d.size == 0:
            return NetworkPairs(CostPairs.empty(n_dem, n_sup), ds, ss)
        (a, b, w, n_total), (dnode, snode) = self._augmented_graph([ds, ss])
        graph = self._csr(a, b, w, n_total)
        src_nodes, src_inv = np.unique(snode[valid_s], return_inverse=True)
        tgt_nodes, tgt_inv = np.unique(dnode[valid_d], return_inverse=True)
        src_inv = np.asarray(src_inv).reshape(-1)
        tgt_inv = np.asarray(tgt_inv).reshape(-1)
        s_starts, s_counts, s_order = _grouping(src_inv, src_nodes.size)
        d_starts, d_counts, d_order = _grouping(tgt_inv, tgt_nodes.size)
        s_members = valid_s[s_order]
        d_members = valid_d[d_order]
        chunk = max(1, int(max_matrix_elements) // max(n_total, 1))
        parts_i, parts_j, parts_c = [], [], []
        for start in range(0, src_nodes.size, chunk):
            check_canceled(is_canceled)
            rows = np.arange(start, min(start + chunk, src_nodes.size))
            dist = dijkstra(graph, directed=False, indices=src_nodes[rows], limit=cutoff)
            dist = np.atleast_2d(dist)[:, tgt_nodes]
            r, c = np.nonzero(dist <= cutoff)
            if r.size == 0:
                continue
            net = dist[r, c]
            e1, j = _expand(rows[r], s_starts, s_counts, s_members)
            c1, net1 = c[e1], net[e1]
            e2, i = _expand(c1, d_starts, d_counts, d_members)
            j2 = j[e2]
            total = ds.distance[i] + net1[e2] + ss.distance[j2]
            keep = total <= cutoff
            parts_i.append(i[keep])
            parts_j.append(j2[keep])
            parts_c.append(total[keep])
        if not parts_i:
            return NetworkPairs(CostPairs.empty(n_dem, n_sup), ds, ss)
        pairs = CostPairs(
            np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_c),
            n_dem, n_sup, check=False,
        )
        return NetworkPairs(pairs, ds, ss)


def _cutoff(cutoff):
    try:
        cutoff = float(cutoff)
    except (TypeError, ValueError):
        raise InputError(tr("The walking cut-off must be a number.")) from None
    if not cutoff >= 0:
        raise InputError(tr("The walking cut-off must be 0 or more."))
    return cutoff
