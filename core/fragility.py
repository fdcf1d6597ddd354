"""Digital-fragility index on a 0–10 scale (10 = most fragile), like the national IFN.

Two sources:

1. **Our own index from INSEE Filosofi 200 m grid variables**
   (:func:`fragility_from_grid`), per unit (cell) ``u``:

   ====================== ====================================== =========
   indicator              share ``x_k(u)``                       default w
   ====================== ====================================== =========
   age_65_plus            ``(ind_65_79 + ind_80p) / ind``         1
   age_80_plus            ``ind_80p / ind``                       1
   poor_households        ``men_pauv / men``                      1
   one_person_households  ``men_1ind / men``                      1
   single_parent_families ``men_fmp / men``                       1
   ====================== ====================================== =========

   (80+ is counted in both age indicators on purpose: illectronisme rises
   steeply with age, INSEE Première n° 1953.)

   Each share becomes a sub-score ``c_k(u)`` in 0–10:

   * ``method="reference"`` (default): compared with a reference share
     ``r_k``::

         c_k(u) = min(10, 5 * x_k(u) / r_k)

     5 = the reference (national) share, 10 = twice the reference or more,
     0 = none. The reference is :data:`NATIONAL_SHARES` (approximate
     France-wide values, editable) or, with ``reference="area"``, the
     study area's own share ``sum(numerator) / sum(denominator)`` over all
     units. Scores are comparable between study areas with the national
     reference, not with "area".
   * ``method="minmax"``: min–max over the units of the study area::

         c_k(u) = 10 * (x_k(u) - min_k) / (max_k - min_k)

     (5 when every unit has the same share). Relative to the area only.

   The index is the weighted mean of the available sub-scores::

       F(u) = sum_k w_k c_k(u) / sum_k w_k      (k with a defined share)

   A share is undefined when its denominator is 0 (``ind = 0`` for the age
   shares, ``men = 0`` for the household shares): that indicator is left
   out of the mean of that unit (flag ``partial``); a unit with no
   defined share (no population) gets ``empty_value`` (NaN by default) and
   the flag ``no_population``. Shares above 1 (rounded/imputed INSEE
   values) are clipped to 1. Weights are editable (a dict; indicators not
   in the dict get weight 0).

2. **The imported IFN per IRIS** (La MedNum/ANSA 2020, 100 = reference
   mean, higher = more fragile): :func:`ifn_to_scale` rescales a score
   ``s`` to 0–10 with the same rule as above::

       IFN_0_10 = min(10, 5 * s / 100)          (s <= 0 or missing -> NaN)

   so 100 (the reference) -> 5 and 200 -> 10, the same meaning as our own
   index with the national reference (the IFN is itself a ratio to a
   reference mean × 100). Scores of exactly 0 are missing data in the
   source and become NaN. :func:`spread_to_cells` then gives each grid
   cell the area-weighted mean of the rescaled scores of the IRIS it
   overlaps (overlap areas computed by the caller, e.g. with QGIS), with
   the share of its area covered by a known score.
"""

import math

import numpy as np

from .errors import InputError
from .i18n import tr

__all__ = [
    "INDICATORS",
    "INFRASTRUCTURE_INDICATORS",
    "INFRASTRUCTURE_FIELDS",
    "infrastructure_shares",
    "DEFAULT_WEIGHTS",
    "indicator_label",
    "indicator_key",
    "indicator_code",
    "FRENCH_KEYS",
    "NATIONAL_SHARES",
    "GRID_FIELDS",
    "FragilityResult",
    "SpreadResult",
    "indicator_shares",
    "fragility_index",
    "fragility_from_grid",
    "ifn_to_scale",
    "ifn_values_unusable",
    "normalise_iris_code",
    "spread_to_cells",
]

INDICATORS = (
    "age_65_plus",
    "age_80_plus",
    "poor_households",
    "one_person_households",
    "single_parent_families",
)

DEFAULT_WEIGHTS = {name: 1.0 for name in INDICATORS}


def indicator_label(name):
    """The translated, user-facing label of a fragility indicator."""
    return {
        "age_65_plus": tr("Inhabitants aged 65 or more"),
        "age_80_plus": tr("Inhabitants aged 80 or more"),
        "poor_households": tr("Poor households"),
        "one_person_households": tr("People living alone"),
        "single_parent_families": tr("Single-parent families"),
        "no_thd": tr("Premises without a 30 Mbit/s line"),
        "no_good_4g": tr("No very good 4G coverage"),
    }.get(name, name)

#: Approximate national (France) shares, ca. 2019–2021, used as reference:
#: 65+ ≈ 20.5 % and 80+ ≈ 6.1 % of inhabitants (INSEE population estimates),
#: ≈ 14.5 % of households below the poverty line (Filosofi poverty rate
#: ≈ 14.5 % of people, used as a proxy for households), ≈ 36 % one-person
#: households and ≈ 10 % single-parent families among households (census).
#: Rounded values written without network access: to be confirmed against
#: the national Filosofi totals of the vintage used. Editable: pass
#: ``reference={...}``.
NATIONAL_SHARES = {
    "age_65_plus": 0.205,
    "age_80_plus": 0.061,
    "poor_households": 0.145,
    "one_person_households": 0.36,
    "single_parent_families": 0.10,
}

#: the INSEE Filosofi grid fields read by :func:`fragility_from_grid`
GRID_FIELDS = ("ind", "ind_65_79", "ind_80p", "men", "men_pauv", "men_1ind", "men_fmp")

# indicator -> (numerator fields, denominator field)
_DEFINITIONS = {
    "age_65_plus": (("ind_65_79", "ind_80p"), "ind"),
    "age_80_plus": (("ind_80p",), "ind"),
    "poor_households": (("men_pauv",), "men"),
    "one_person_households": (("men_1ind",), "men"),
    "single_parent_families": (("men_fmp",), "men"),
}

# --------------------------------------------------------------------------
# Infrastructure indicators (ARCEP, from ville_numerique:connectivity), as in IFN v2.
# Weight 0 unless named in the weights (e.g. ``no_thd=1;no_good_4g=1``), so results
# without them are unchanged. Share x per unit:
#   no_thd      share_no_thd                (premises without 30 Mbit/s except satellite)
#   no_good_4g  1 if mobile_ops_tbc == 0    (no operator with very good 4G), else 0
INFRASTRUCTURE_INDICATORS = ("no_thd", "no_good_4g")
#: indicator -> the population-layer field it is read from (written by ``connectivity``)
INFRASTRUCTURE_FIELDS = {"no_thd": "share_no_thd", "no_good_4g": "mobile_ops_tbc"}
#: Reference 0.5 = the share itself on 0–10 (``c = 10 x``): no confirmed national share is
#: used for them (pass ``reference={...}`` to compare with one).
INFRASTRUCTURE_REFERENCE = {"no_thd": 0.5, "no_good_4g": 0.5}
ALL_INDICATORS = INDICATORS + INFRASTRUCTURE_INDICATORS


def infrastructure_shares(fields):
    """Shares of the infrastructure indicators found in ``fields`` (NaN where NULL)."""
    lower = {str(k).lower(): v for k, v in dict(fields).items()}
    shares = {}
    if INFRASTRUCTURE_FIELDS["no_thd"] in lower:
        x = _array(lower[INFRASTRUCTURE_FIELDS["no_thd"]], INFRASTRUCTURE_FIELDS["no_thd"])
        shares["no_thd"] = np.clip(x, 0.0, 1.0)
    if INFRASTRUCTURE_FIELDS["no_good_4g"] in lower:
        ops = _array(lower[INFRASTRUCTURE_FIELDS["no_good_4g"]], INFRASTRUCTURE_FIELDS["no_good_4g"])
        shares["no_good_4g"] = np.where(np.isfinite(ops), (ops <= 0).astype(float), np.nan)
    return shares


METHODS = ("reference", "minmax")


class FragilityResult:
    """Result of :func:`fragility_index`.

    * ``index``: F per unit (0–10, ``empty_value`` where no share is defined);
    * ``components``: indicator -> sub-score c_k per unit (NaN if undefined);
    * ``shares``: indicator -> share x_k per unit (NaN if undefined);
    * ``no_population``: units with no defined share;
    * ``partial``: units where some (not all) weighted indicators are undefined;
    * ``weights``, ``reference`` (the r_k used, or None for minmax), ``method``.
    """

    __slots__ = ("index", "components", "shares", "no_population", "partial",
                 "weights", "reference", "method")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw[k])

    @property
    def n_no_population(self):
        return int(self.no_population.sum())


def _array(values, name, n=None):
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(tr("The field {name} is not numeric.").format(name=name)) from None
    arr = np.atleast_1d(arr)
    if arr.ndim != 1 or (n is not None and arr.size != n):
        raise InputError(
            tr("The field {name} does not have one value per unit.").format(name=name)
        )
    return arr


def _grid_fields(fields):
    lower = {str(k).lower(): v for k, v in dict(fields).items()}
    missing = [f for f in GRID_FIELDS if f not in lower]
    if missing:
        raise InputError(
            tr("The population grid lacks the field(s) {names}.").format(names=", ".join(missing))
        )
    n = None
    out = {}
    for f in GRID_FIELDS:
        arr = _array(lower[f], f, n)
        n = arr.size
        # missing INSEE values count as 0 people; negative values are errors
        arr = np.where(np.isfinite(arr), arr, 0.0)
        if (arr < 0).any():
            raise InputError(tr("The field {name} has negative values.").format(name=f))
        out[f] = arr
    return out


def indicator_shares(fields):
    """The five shares ``x_k`` per unit from INSEE grid fields (NaN where undefined).

    ``fields``: a mapping with the :data:`GRID_FIELDS` (any case, e.g. the
    2017 ``Ind``/``Men_pauv`` names). Also returns the numerators and
    denominators for area references: ``(shares, numerators, denominators)``.
    """
    f = _grid_fields(fields)
    shares, nums, dens = {}, {}, {}
    for name, (num_fields, den_field) in _DEFINITIONS.items():
        num = sum(f[x] for x in num_fields)
        den = f[den_field]
        share = np.full(den.size, np.nan)
        np.divide(num, den, out=share, where=den > 0)
        shares[name] = np.minimum(share, 1.0)
        nums[name] = num
        dens[name] = den
    return shares, nums, dens


#: The French key of each indicator, accepted in the weights as well as the English one
#: (``plus_65_ans=2`` is ``age_65_plus=2``); the dialogs show them in a French QGIS.
FRENCH_KEYS = {
    "age_65_plus": "plus_65_ans",
    "age_80_plus": "plus_80_ans",
    "poor_households": "menages_pauvres",
    "one_person_households": "personnes_seules",
    "single_parent_families": "familles_monoparentales",
    "no_thd": "sans_thd",
    "no_good_4g": "sans_bonne_4g",
}
_BY_FRENCH_KEY = {french: code for code, french in FRENCH_KEYS.items()}


def indicator_key(name, language="en"):
    """The key of indicator ``name`` in the weights, in ``language`` (``fr``: :data:`FRENCH_KEYS`)."""
    return FRENCH_KEYS.get(name, name) if language == "fr" else name


def indicator_code(key):
    """The indicator of a weights key, French or English (``plus_65_ans`` → ``age_65_plus``)."""
    return _BY_FRENCH_KEY.get(key, key)


def _check_weights(weights):
    if weights is None:
        return {k: DEFAULT_WEIGHTS.get(k, 0.0) for k in ALL_INDICATORS}
    try:
        pairs = [(indicator_code(str(k)), float(v)) for k, v in dict(weights).items()]
    except (TypeError, ValueError):
        raise InputError(tr("The fragility weights must be numbers.")) from None
    weights = dict(pairs)
    if len(weights) < len(pairs):
        twice = sorted({k for k, _ in pairs if [p for p, _ in pairs].count(k) > 1})
        raise InputError(tr("Fragility weights: {names} given twice (in French and in English); keep one.").format(
            names=", ".join(twice)))
    unknown = sorted(set(weights) - set(ALL_INDICATORS))
    if unknown:
        raise InputError(
            tr("Unknown fragility indicator(s) {names}: use {known}.").format(
                names=", ".join(unknown),
                known=", ".join("{} ({})".format(k, FRENCH_KEYS.get(k, k)) for k in ALL_INDICATORS),
            )
        )
    if any(not math.isfinite(v) or v < 0 for v in weights.values()):
        raise InputError(tr("The fragility weights must be 0 or more."))
    if sum(weights.values()) <= 0:
        raise InputError(tr("At least one fragility weight must be greater than 0."))
    return {k: weights.get(k, 0.0) for k in ALL_INDICATORS}


def fragility_index(shares, weights=None, method="reference", reference=None,
                    empty_value=np.nan, numerators=None, denominators=None):
    """The 0–10 index from shares ``x_k`` (see the module docstring for the formula).

    ``shares``: indicator -> array of shares (NaN = undefined).
    ``reference``: None (national :data:`NATIONAL_SHARES`), a dict of
    shares (missing indicators taken from the national ones), or
    ``"area"`` (needs ``numerators`` and ``denominators``, as returned by
    :func:`indicator_shares`). Ignored by ``method="minmax"``.
    """
    if method not in METHODS:
        raise InputError(
            tr("Unknown fragility method {name}: use one of {names}.").format(
                name=method, names=", ".join(METHODS)
            )
        )
    weights = _check_weights(weights)
    active = [k for k in ALL_INDICATORS if weights[k] > 0]
    missing = [k for k in active if k not in shares]
    if missing:
        raise InputError(
            tr("No values for the fragility indicator(s) {names}.").format(names=", ".join(missing))
        )
    n = None
    x = {}
    for k in ALL_INDICATORS:
        if k in shares:
            x[k] = _array(shares[k], k, n)
            n = x[k].size
    ref_used = None
    if method == "reference":
        ref_used = _reference(reference, numerators, denominators)
    components = {}
    for k in x:
        xk = x[k]
        if method == "reference":
            c = np.minimum(10.0, 5.0 * xk / ref_used[k])
        else:
            defined = xk[np.isfinite(xk)]
            if defined.size == 0:
                c = np.full(xk.size, np.nan)
            else:
                lo, hi = defined.min(), defined.max()
                if hi > lo:
                    c = 10.0 * (xk - lo) / (hi - lo)
                else:
                    c = np.where(np.isfinite(xk), 5.0, np.nan)
        components[k] = c
    num = np.zeros(n)
    den = np.zeros(n)
    n_defined = np.zeros(n, dtype=np.int64)
    for k in active:
        ok = np.isfinite(components[k])
        num[ok] += weights[k] * components[k][ok]
        den[ok] += weights[k]
        n_defined += ok
    index = np.full(n, float(empty_value))
    np.divide(num, den, out=index, where=den > 0)
    no_population = den <= 0
    partial = ~no_population & (n_defined < len(active))
    return FragilityResult(
        index=index, components=components, shares=x, no_population=no_population,
        partial=partial, weights=weights, reference=ref_used, method=method,
    )


def _reference(reference, numerators, denominators):
    if reference is None:
        return dict(NATIONAL_SHARES, **INFRASTRUCTURE_REFERENCE)
    if isinstance(reference, str):
        if reference != "area":
            raise InputError(
                tr("The fragility reference must be national, area or a table of shares.")
            )
        if numerators is None or denominators is None:
            raise InputError(tr("The area reference needs the population counts."))
        ref = {}
        for k in INDICATORS:
            total = float(np.sum(denominators[k]))
            share = float(np.sum(numerators[k])) / total if total > 0 else 0.0
            ref[k] = share if share > 0 else NATIONAL_SHARES[k]
        ref.update(INFRASTRUCTURE_REFERENCE)  # no counts behind them: the fixed scale
        return ref
    ref = dict(NATIONAL_SHARES, **INFRASTRUCTURE_REFERENCE)
    try:
        ref.update({str(k): float(v) for k, v in dict(reference).items()})
    except (TypeError, ValueError):
        raise InputError(tr("The reference shares must be numbers.")) from None
    unknown = sorted(set(ref) - set(ALL_INDICATORS))
    if unknown:
        raise InputError(
            tr("Unknown fragility indicator(s) {names}: use {known}.").format(
                names=", ".join(unknown), known=", ".join(ALL_INDICATORS)
            )
        )
    if any(not (0 < v <= 1) for v in ref.values()):
        raise InputError(tr("The reference shares must be between 0 (excluded) and 1."))
    return ref


def fragility_from_grid(fields, weights=None, method="reference", reference=None,
                        empty_value=np.nan):
    """The 0–10 index from INSEE Filosofi grid fields (one value per cell).

    ``fields``: mapping of :data:`GRID_FIELDS` (any case) to arrays.
    See the module docstring for the formula.
    """
    shares, nums, dens = indicator_shares(fields)
    shares.update(infrastructure_shares(fields))
    for name in INFRASTRUCTURE_INDICATORS:
        if name not in shares and weights and float(dict(weights).get(name, 0) or 0) > 0:
            raise InputError(
                tr("The fragility indicator {name} needs the field {field} in the population layer: "
                   "run ville_numerique:connectivity on it first.").format(
                    name=name, field=INFRASTRUCTURE_FIELDS[name])
            )
    return fragility_index(
        shares, weights, method, reference, empty_value, numerators=nums, denominators=dens
    )


# --------------------------------------------------------------------------
# imported IFN


def ifn_to_scale(score, reference=100.0):
    """Rescale IFN scores (reference mean = ``reference``) to 0–10.

    ``min(10, 5 * score / reference)``; scores <= 0 or missing -> NaN.
    """
    s = np.asarray(score, dtype=np.float64)
    out = np.full(s.shape, np.nan)
    ok = np.isfinite(s) & (s > 0)
    out[ok] = np.minimum(10.0, 5.0 * s[ok] / float(reference))
    return out


def ifn_values_unusable(values, rescale=True):
    """How many IFN scores give no value: missing, not finite, and (rescaled) not above 0.

    Those IRIS count as without score in :func:`spread_to_cells`; the caller
    says how many in its log.
    """
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    usable = np.isfinite(v) & (v > 0) if rescale else np.isfinite(v)
    return int((~usable).sum())


def normalise_iris_code(code):
    """An IRIS (or commune) code as text: stripped, ``.0`` removed, left-padded to 9.

    Codes read as numbers lose their leading zero (``12340101`` for
    ``012340101``); communes not cut into IRIS have code ``<commune>0000``.
    """
    if code is None:
        return ""
    if isinstance(code, float):
        if math.isnan(code):
            return ""
        if code.is_integer():
            code = int(code)
    text = str(code).strip()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    if text.isdigit() and len(text) < 9:
        text = text.zfill(9)
    return text.upper()


class SpreadResult:
    """Result of :func:`spread_to_cells`.

    ``value``: area-weighted mean per cell (NaN when no overlap has a
    value); ``known_share``: share of the cell's area covered by a zone with a value;
    ``unmatched_codes``: zone codes found in the overlaps but not in the table.
    """

    __slots__ = ("value", "known_share", "unmatched_codes")

    def __init__(self, value, known_share, unmatched_codes):
        self.value = value
        self.known_share = known_share
        self.unmatched_codes = unmatched_codes


#: IFN score columns tried in this order when none is chosen (docs/methodologie.md § 5.2):
#: ``SCORE GLOBAL`` (MedNum dashboard export, national reference), then the
#: team-48 / MedNum CSV columns normalised to the région, the département and the
#: EPCI mean (``SCORE GLOBAL region 1``…). The real Pas-de-Calais files have
#: either the first or the three others.
IFN_SCORE_COLUMNS = ("SCORE GLOBAL", "SCORE GLOBAL region 1", "SCORE GLOBAL departement 1",
                     "SCORE GLOBAL epci 1")


def default_ifn_column(names):
    """The first of ``IFN_SCORE_COLUMNS`` among ``names`` (case and blanks ignored), or None."""
    keys = {" ".join(str(n).split()).lower(): n for n in names}
    for column in IFN_SCORE_COLUMNS:
        if column.lower() in keys:
            return keys[column.lower()]
    return None


def spread_to_cells(n_cells, cell_index, zone_codes, overlap_area, table_codes, table_values,
                    rescale=True, reference=100.0, cell_area=None):
    """Give grid cells the values of the zones (IRIS) they overlap, by area share.

    Parameters: ``cell_index`` (int, 0..n_cells-1), ``zone_codes`` and
    ``overlap_area`` (m²) describe each cell × zone overlap (one row per
    overlapping pair, computed by the caller); ``table_codes`` /
    ``table_values`` are the imported scores (IFN ``SCORE GLOBAL`` per
    ``Code Iris``). Codes are compared after :func:`normalise_iris_code`.
    With ``rescale`` the scores go through :func:`ifn_to_scale` first::

        value(c) = sum_z a_cz v_z / sum_z a_cz     (z with a known v_z)
        known_share(c) = sum_z a_cz [v_z known] / A_c

    ``cell_area`` (m², one per cell) gives ``A_c``, the area of the cell: a
    cell on the edge of the IRIS layer has a known share below 1 even where
    its only overlap has a score (methodology § 5.2). Without it ``A_c`` is
    the overlap area ``sum_z a_cz`` (cells known to lie inside the zones).
    """
    n_cells = int(n_cells)
    cell_index = np.asarray(cell_index, dtype=np.int64).reshape(-1)
    area = _array(overlap_area, tr("overlap area"))
    # one normalisation per distinct code, not per overlap (a département has millions of overlaps)
    keys = {}
    inverse = np.fromiter((keys.setdefault((type(c), c), len(keys)) for c in zone_codes), dtype=np.int64,
                          count=len(zone_codes))
    distinct = [normalise_iris_code(c) for _, c in keys]
    if not (cell_index.size == area.size == inverse.size):
        raise InputError(tr("The overlap arrays must have the same length."))
    if cell_index.size and (cell_index.min() < 0 or cell_index.max() >= n_cells):
        raise InputError(tr("An overlap refers to a cell that does not exist."))
    if (~np.isfinite(area) | (area < 0)).any():
        raise InputError(tr("The overlap areas must be finite and not negative."))
    values = _array(table_values, tr("zone values"))
    if len(table_codes) != values.size:
        raise InputError(tr("The zone table must have one value per code."))
    if rescale:
        values = ifn_to_scale(values, reference)
    else:
        values = np.where(np.isfinite(values), values, np.nan)  # an infinite value is no value
    lookup = {}
    for code, v in zip(table_codes, values):
        key = normalise_iris_code(code)
        if key and key not in lookup:
            lookup[key] = v
    zone_value = np.array([lookup.get(c, np.nan) for c in distinct], dtype=np.float64)[inverse]
    unmatched = sorted({c for c in distinct if c not in lookup})
    known = np.isfinite(zone_value)
    total = np.bincount(cell_index, weights=area, minlength=n_cells)
    known_area = np.bincount(cell_index[known], weights=area[known], minlength=n_cells)
    weighted = np.bincount(
        cell_index[known], weights=area[known] * zone_value[known], minlength=n_cells
    )
    value = np.full(n_cells, np.nan)
    np.divide(weighted, known_area, out=value, where=known_area > 0)
    if cell_area is not None:
        total = _array(cell_area, tr("cell area"), n_cells)
        if (~np.isfinite(total) | (total < 0)).any():
            raise InputError(tr("The cell areas must be finite and not negative."))
    share = np.zeros(n_cells)
    np.divide(known_area, total, out=share, where=total > 0)
    np.minimum(share, 1.0, out=share)  # overlaps computed on curved or invalid geometries
    return SpreadResult(value, share, unmatched)
