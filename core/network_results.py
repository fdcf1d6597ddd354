"""What :class:`core.network.WalkNetwork` returns: where points meet the network, nearest
services, cost pairs."""

__all__ = ["SnapResult", "NetworkNearest", "NetworkPairs"]


class SnapResult:
    """Where points meet the network.

    Arrays, one value per input point:

    * ``edge``: the nearest segment (-1 if the network is empty);
    * ``position``: metres from the segment's first node to the snapped point;
    * ``node``: the network node when the point snapped onto a node
      (within ``tolerance``), else -1;
    * ``xy``: the snapped point; ``distance``: straight-line snapping
      distance in metres (inf if the network is empty);
    * ``too_far``: ``distance > max_snap`` — these points are not routed.
    """

    __slots__ = ("edge", "position", "node", "xy", "distance", "too_far", "max_snap")

    def __init__(self, edge, position, node, xy, distance, too_far, max_snap):
        self.edge = edge
        self.position = position
        self.node = node
        self.xy = xy
        self.distance = distance
        self.too_far = too_far
        self.max_snap = max_snap

    def __len__(self):
        return int(self.distance.size)

    @property
    def n_too_far(self):
        return int(self.too_far.sum())

    @property
    def snapped(self):
        """Mask of the points that are routed (``~too_far``)."""
        return ~self.too_far


class NetworkNearest:
    """Result of :meth:`WalkNetwork.nearest_service`.

    ``distance`` (metres, inf when no service is reachable within the
    cut-off or the point could not be snapped) and ``index`` (the service,
    -1 when none) per population point; the two :class:`SnapResult`.
    """

    __slots__ = ("distance", "index", "demand_snap", "supply_snap")

    def __init__(self, distance, index, demand_snap, supply_snap):
        self.distance = distance
        self.index = index
        self.demand_snap = demand_snap
        self.supply_snap = supply_snap


class NetworkPairs:
    """Result of :meth:`WalkNetwork.cost_pairs`: ``pairs`` (metres) and the snaps."""

    __slots__ = ("pairs", "demand_snap", "supply_snap")

    def __init__(self, pairs, demand_snap, supply_snap):
        self.pairs = pairs
        self.demand_snap = demand_snap
        self.supply_snap = supply_snap
