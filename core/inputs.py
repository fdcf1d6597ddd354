"""Checks of the inputs that real open data brings (pure Python, numpy).

One place for the rules that turn raw attribute values into what the
computations accept, with counts for the log and the summary rather than
silent guesses:

* category codes (:func:`normalise_code`, :func:`read_categories`): NULL or
  blank values are *no category* (counted); codes are normalised once
  (case, accents, spaces, punctuation) so that ``wifi``, ``Wifì`` and
  ``WIFI`` are one category, and a code is its own field-name suffix: two
  output fields can never share a suffix;
* parameter mappings keyed by category (:func:`check_category_keys`): every
  key must be a known category or a code the services carry;
* populations (:func:`clean_population`): NULL counts as 0 inhabitants;
  values that are not finite numbers (``inf``, ``NaN``) or are negative are
  excluded (0 inhabitants) and counted;
* summaries read back by the report (:func:`check_coverage_summary`): every
  figure the report computes with must be a finite number.

Values come from the caller as plain Python values (``None`` for NULL).
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from .errors import InputError
from .i18n import tr
from .services import CATEGORIES

__all__ = [
    "normalise_code",
    "split_codes",
    "CategoryReading",
    "read_categories",
    "check_category_keys",
    "check_unique_names",
    "PopulationValues",
    "clean_population",
    "check_coverage_summary",
]

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_SEPARATORS = re.compile(r"[|;,]")


def normalise_code(value):
    """A category code in its one canonical form: ASCII, lowercase, ``_`` between words.

    ``"Wifì"`` → ``wifi``, ``"France Services"`` and ``"france-services"`` →
    ``france_services``, ``" ÉPN "`` → ``epn``. The result is also the code's
    field-name suffix (``dist_<code>``). ``""`` when nothing is left (blank,
    or no letter or digit at all).
    """
    if value is None:
        return ""
    text = str(value).translate(_LIGATURES)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def split_codes(value):
    """The normalised codes of one category value (``|``, ``;`` or ``,`` between codes).

    ``None`` (NULL) and blank values give ``[]``; repeated codes are kept once.
    """
    if value is None:
        return []
    codes = []
    for item in _SEPARATORS.split(str(value)):
        code = normalise_code(item)
        if code and code not in codes:
            codes.append(code)
    return codes


@dataclass
class CategoryReading:
    """Result of :func:`read_categories`.

    * ``codes``: per service, its list of normalised codes (``[]`` = none);
    * ``n_empty``: services whose value is NULL or blank;
    * ``n_unreadable``: services whose value has text but no usable code;
    * ``spellings``: normalised code → the distinct raw spellings met, for
      the codes written in more than one way (merged into one category).
    """

    codes: list
    n_empty: int = 0
    n_unreadable: int = 0
    spellings: dict = field(default_factory=dict)

    @property
    def n_without_category(self):
        return sum(1 for c in self.codes if not c)

    def present(self):
        """Every code carried by at least one service."""
        return {code for codes in self.codes for code in codes}


def read_categories(values):
    """Read the category value of every service (see :class:`CategoryReading`)."""
    codes, seen = [], {}
    n_empty = n_unreadable = 0
    for value in values:
        if value is None or not str(value).strip():
            n_empty += 1
            codes.append([])
            continue
        row = []
        for item in _SEPARATORS.split(str(value)):
            code = normalise_code(item)
            if not code:
                continue
            seen.setdefault(code, set()).add(item.strip())
            if code not in row:
                row.append(code)
        if not row:
            n_unreadable += 1
        codes.append(row)
    spellings = {code: sorted(raw) for code, raw in seen.items() if len(raw) > 1}
    return CategoryReading(codes, n_empty, n_unreadable, spellings)


def check_category_keys(mapping, present, what):
    """Refuse keys of ``mapping`` that are neither a known category nor in ``present``.

    ``mapping`` comes from :func:`core.coverage.parse_mapping` (keys already
    normalised, duplicates already refused); ``present`` are the codes the
    services carry. ``what`` names the parameter in the message.
    """
    allowed = set(CATEGORIES) | set(present)
    unknown = [key for key in mapping if key not in allowed]
    if unknown:
        others = sorted(set(present) - set(CATEGORIES))
        known = ", ".join(list(CATEGORIES) + others)
        raise InputError(
            tr("{what}: unknown category {names}. Use the codes {known}, or correct the spelling.").format(
                what=what, names=", ".join("'{}'".format(k) for k in unknown), known=known
            )
        )
    return mapping


def check_unique_names(names):
    """Refuse a list of output field names holding the same name twice (any case)."""
    seen = set()
    for name in names:
        key = name.lower()
        if key in seen:
            raise InputError(
                tr("Two output fields would be named '{name}': rename the category codes of the "
                   "services so that they differ by more than case, accents or punctuation.").format(name=name)
            )
        seen.add(key)


@dataclass
class PopulationValues:
    """Result of :func:`clean_population`.

    ``values``: inhabitants per unit (0 for NULL and excluded values);
    ``n_null``: NULL values; ``excluded``: indexes of the units whose value
    is not a finite number of 0 or more (``inf``, ``NaN``, negative).
    """

    values: np.ndarray
    n_null: int
    excluded: list


def clean_population(values):
    """Population per unit from raw values (``None`` = NULL), see :class:`PopulationValues`."""
    fast = _clean_numbers(values)
    return fast if fast is not None else _clean_one_by_one(values)


def _clean_one_by_one(values):
    """The reference of :func:`clean_population`: each value through ``float()``."""
    out = np.zeros(len(values), dtype=float)
    n_null = 0
    excluded = []
    for k, value in enumerate(values):
        if value is None:
            n_null += 1
            continue
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):  # OverflowError: an integer past 1.8e308
            excluded.append(k)
            continue
        if not math.isfinite(number) or number < 0:
            excluded.append(k)
            continue
        out[k] = number
    return PopulationValues(out, n_null, excluded)


def _clean_numbers(values):
    """:func:`clean_population` on whole arrays (numpy converts as ``float()`` does, None to NaN);
    None when a value does not convert, for the loop to say which."""
    try:
        numbers = np.array(values, dtype=float).reshape(len(values))
    except (TypeError, ValueError, OverflowError):
        return None
    nan = np.flatnonzero(np.isnan(numbers))
    null = np.zeros(len(numbers), dtype=bool)
    null[nan] = [values[i] is None for i in nan]
    with np.errstate(invalid="ignore"):
        bad = ~null & ~(np.isfinite(numbers) & (numbers >= 0))
    numbers[null | bad] = 0.0
    return PopulationValues(numbers, int(null.sum()), np.flatnonzero(bad).tolist())


# --------------------------------------------------------------------------
# summaries read back by the report

#: Figures of a coverage summary (top level) that must be numbers when present.
_SUMMARY_NUMBERS = ("population_total", "score_mean", "fragile_population_total", "fragility_mean",
                    "priority_mean")
#: Figures of each category of a coverage summary that must be numbers when present.
_CATEGORY_NUMBERS = ("threshold_m", "weight", "n_services", "population_covered", "share_covered",
                     "median_distance_m", "access_mean", "fragile_population_not_covered")


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _bad_value(label, where, key, value):
    shown = repr(value) if not isinstance(value, str) else "'{}'".format(value[:40])
    return InputError(
        tr("The file '{label}' is not a summary as ville_numerique:coverage writes it: {key} of {where} "
           "is {value}, not a number. Choose the Summary (JSON) written with the coverage layer, or "
           "correct that value.").format(label=label, key=key, where=where, value=shown)
    )


def check_coverage_summary(summary, label):
    """Refuse a coverage summary whose figures the report cannot compute with.

    ``summary`` is the parsed JSON object; ``label`` names the file in the
    message. ``None`` is accepted where the coverage writes it (no value).
    """
    categories = summary.get("categories")
    if not isinstance(categories, dict):
        raise InputError(
            tr("The coverage summary has no 'categories': is it the Summary (JSON) of "
               "ville_numerique:coverage?")
        )
    for key in _SUMMARY_NUMBERS:
        value = summary.get(key)
        if value is not None and not _is_number(value):
            raise _bad_value(label, tr("the summary"), key, value)
    for code, entry in categories.items():
        where = tr("category '{code}'").format(code=code)
        if not isinstance(entry, dict):
            raise InputError(
                tr("The file '{label}' is not a summary as ville_numerique:coverage writes it: {where} is not "
                   "a JSON object. Choose the Summary (JSON) written with the coverage layer.").format(
                    label=label, where=where)
            )
        for key in _CATEGORY_NUMBERS:
            value = entry.get(key)
            if value is not None and not _is_number(value):
                raise _bad_value(label, where, key, value)
    inputs = summary.get("inputs")
    if inputs is not None and not isinstance(inputs, dict):
        raise _bad_value(label, tr("the summary"), "inputs", inputs)
    for key in ("thresholds_m", "weights"):
        mapping = (inputs or {}).get(key)
        if mapping is None:
            continue
        if not isinstance(mapping, dict):
            raise _bad_value(label, "inputs", key, mapping)
        for code, value in mapping.items():
            if value is not None and not _is_number(value):
                raise _bad_value(label, "inputs.{}".format(key), code, value)
    return summary
