"""Distance decay: how much a service counts at a given distance (step, linear, gaussian,
gravity, zones), cut at a threshold. Used by the access metrics of :mod:`core.access`
(which re-exports these names).
"""

import math

import numpy as np

from .errors import InputError
from .i18n import tr

#: names accepted by :func:`make_decay`
DECAY_NAMES = ("step", "linear", "gaussian", "gravity", "zones")


def _positive(value, name):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InputError(tr("The {name} must be a number.").format(name=name)) from None
    if not value > 0 or math.isnan(value):
        raise InputError(tr("The {name} must be greater than 0.").format(name=name))
    return value


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
        sigma = _or_share_of_threshold(params.pop("sigma", None), threshold, 0.5,
                                       tr("A gaussian decay needs sigma or a finite threshold."))
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
    min_distance = _or_share_of_threshold(params.pop("min_distance", None), threshold, 0.1,
                                          tr("A gravity decay needs a minimum distance or a finite threshold."))
    min_distance = _positive(min_distance, tr("minimum distance"))
    scale = params.pop("scale", None)
    scale = min_distance if scale is None else _positive(scale, tr("gravity scale"))
    _reject_unknown(params)
    return Decay(
        "gravity", threshold,
        lambda d: gravity(d, beta, min_distance, scale, threshold),
        {"beta": beta, "min_distance": min_distance, "scale": scale},
    )


def _or_share_of_threshold(value, threshold, share, message):
    """``value``, or ``share`` × ``threshold`` when it is not given (then the threshold must be finite)."""
    if value is not None:
        return value
    if math.isinf(threshold):
        raise InputError(message)
    return threshold * share


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
