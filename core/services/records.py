"""Normalisers: every source file becomes the same plain record (``RECORD_FIELDS``).

Part of the :mod:`core.services` package (see docs/categories.md, section 4).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, namedtuple

from ..errors import DataError, InputError
from ..i18n import tr
from .itinerance import ITINERANT, REASON_NOT_OPEN, STATUS_NOT_OPEN, is_itinerant_name, itinerance_of, status_of
from .vocabulary import (
    _V0_DISPOSITIFS,
    _V0_FORMATIONS,
    FABLAB,
    FRANCE_SERVICES,
    TIERS_LIEU,
    _join,
    _key,
    _text,
    categories_from_name,
    infer_categories,
    join_categories,
    normalise_text,
    slug,
    split_categories,
    split_values,
)

# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

RECORD_FIELDS = (
    "id", "nom", "adresse", "code_postal", "commune", "code_insee", "lon", "lat",
    "categories", "sources", "source_ids", "n_sources", "horaires", "services",
    "labels", "date_maj", "itinerance",
)

#: Names of the datasets a record can be read from (prefix of ``source_ids``),
#: highest priority first (see ``record_priority``).
DATASET_FRANCE_SERVICES_CSV = "france-services-csv"
DATASET_LIEUX = "lieux"
DATASET_TIERS_LIEUX = "tiers-lieux"
DATASET_CGET_TIERS_LIEUX = "cget-tiers-lieux"
DATASET_PRIORITY = (DATASET_FRANCE_SERVICES_CSV, DATASET_LIEUX, DATASET_TIERS_LIEUX,
                    DATASET_CGET_TIERS_LIEUX)
#: Producers, most trusted first for the name and position of a merged place.
SOURCE_PRIORITY = ("france-services", "assembleurs", "conseiller-numerique", "dora",
                   "france-tiers-lieux", "cget-tiers-lieux")

# Reasons of rejection (``RecordRejectedError.reason``).
REASON_MISSING_COORDINATES = "missing_coordinates"
REASON_INVALID_COORDINATES = "invalid_coordinates"
REASON_OUT_OF_RANGE = "coordinates_out_of_range"
REASON_NULL_ISLAND = "coordinates_zero"
REASON_MISSING_NAME = "missing_name"


class RecordRejectedError(DataError):
    """A source record that cannot become a normalised place (``reason`` code)."""

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason


class NotOpenError(RecordRejectedError):
    """A record whose status or name says it is not open (rule O); ``record`` is its normalised form."""

    def __init__(self, message, record):
        super().__init__(REASON_NOT_OPEN, message)
        self.record = record


#: Name columns accepted by the lieux normaliser, first filled one wins.
NAME_COLUMNS = ("nom", "name", "title", "titre", "libelle")


def _name(props):
    for column in NAME_COLUMNS:
        value = _text(props.get(column))
        if value:
            return value
    return ""


def _check_open(props, record):
    status, why = status_of(props, record["nom"])
    if status == STATUS_NOT_OPEN:
        if why is None:
            message = tr("Place {name} is not open: its name says so.").format(name=record["nom"])
        else:
            message = tr("Place {name} is not open ({field}: {value}).").format(
                name=record["nom"], field=why[0], value=why[1])
        raise NotOpenError(message, record)
    return record


Normalised = namedtuple("Normalised", "records rejected")
Normalised.__doc__ = """Result of a batch normalisation.

``records``: normalised dicts; ``rejected``: one dict per refused input,
``{"reason": code, "message": translated text, "id": source id, "nom": name,
"record": the input}``. ``Counter(r["reason"] for r in rejected)`` counts them.
"""


def rejected_counts(rejected):
    """``Counter`` of rejection reasons."""
    return Counter(item["reason"] for item in rejected)


def _parse_coordinate(value):
    """float, or ``None`` when missing; raises ValueError when not a number."""
    if value is None or isinstance(value, bool):
        return None if value is None else float("nan")
    if isinstance(value, (int, float)):
        return float(value)
    text = _text(value)
    if not text:
        return None
    return float(text.replace(",", ".").replace("\u2212", "-"))


def _checked_position(lon, lat, label):
    """Validated ``(lon, lat)`` floats, or raise :class:`RecordRejectedError`."""
    try:
        lon = _parse_coordinate(lon)
        lat = _parse_coordinate(lat)
    except (TypeError, ValueError):
        message = tr("Place {name}: its coordinates are not numbers.").format(name=label)
        raise RecordRejectedError(REASON_INVALID_COORDINATES, message) from None
    if lon is None or lat is None:
        message = tr("Place {name} has no coordinates.").format(name=label)
        raise RecordRejectedError(REASON_MISSING_COORDINATES, message)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        message = tr("Place {name}: its coordinates are not numbers.").format(name=label)
        raise RecordRejectedError(REASON_INVALID_COORDINATES, message)
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        message = tr("Place {name}: longitude {lon} / latitude {lat} are out of range.").format(
            name=label, lon=lon, lat=lat)
        raise RecordRejectedError(REASON_OUT_OF_RANGE, message)
    if lon == 0.0 and lat == 0.0:
        message = tr("Place {name}: coordinates 0, 0 are a placeholder, not a position.").format(name=label)
        raise RecordRejectedError(REASON_NULL_ISLAND, message)
    return lon, lat


def _feature_parts(feature_or_props):
    """``(properties, geometry)`` of a GeoJSON feature or of a bare properties dict."""
    if not isinstance(feature_or_props, dict):
        raise InputError(tr("A place record must be a dictionary of fields."))
    props = feature_or_props.get("properties")
    if isinstance(props, dict) and ("geometry" in feature_or_props
                                    or feature_or_props.get("type") == "Feature"):
        return props, feature_or_props.get("geometry")
    return feature_or_props, None


def _position(props, geometry, lon, lat, label):
    if lon is not None or lat is not None:
        return _checked_position(lon, lat, label)
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        coords = geometry.get("coordinates") or []
        if len(coords) >= 2:
            return _checked_position(coords[0], coords[1], label)
    return _checked_position(props.get("longitude"), props.get("latitude"), label)


_ONLY_PUNCTUATION = re.compile(r"^[\W_]*$")


def _clean_address(value):
    text = _text(value)
    return "" if _ONLY_PUNCTUATION.match(text) else text


def _fallback_id(*parts):
    return hashlib.sha1("|".join(_text(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _iso_date(value):
    text = _text(value)
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    return match.group(1) if match else ""


def _record(**fields):
    record = {field: "" for field in RECORD_FIELDS}
    record.update(fields)
    record["n_sources"] = len(split_values(record["sources"]))
    return record


def _labels_v1(props):
    values = []
    for value in split_values(props.get("labels_nationaux")):
        key = _key(value)
        values.append(_V0_DISPOSITIFS.get(key) or _V0_FORMATIONS.get(key) or value)
    values += split_values(props.get("dispositif_programmes_nationaux"))
    values += split_values(props.get("formations_labels"))
    return _join(values)


def from_lieu(feature_or_props, lon=None, lat=None, dataset=DATASET_LIEUX):
    """Normalise one lieu de médiation numérique (schema v0 or v1).

    ``feature_or_props`` is a GeoJSON feature or a properties dict (a CSV row).
    The position is ``lon``/``lat`` when given, else the GeoJSON Point, else
    the ``longitude``/``latitude`` fields. ``dataset`` names the file it was
    read from (prefix of ``source_ids``). Raises :class:`RecordRejectedError`.

    ``id`` is ``"<source>:<local id>"``: the national v0 ids
    ``"<local>-mediation-numerique-<source>"`` lose their suffix, so that the
    same upstream record read from two files gets the same ``id``.

    The name is ``nom``, else ``name``, ``title``… (``NAME_COLUMNS``);
    ``itinerance`` follows rule I (fields, then name); a record that is not
    open (rule O) raises :class:`NotOpenError`.
    """
    props, geometry = _feature_parts(feature_or_props)
    nom = _name(props)
    original_id = _text(props.get("id"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=original_id or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    lon, lat = _position(props, geometry, lon, lat, nom)
    source = slug(props.get("source")) or dataset
    local_id = original_id
    suffix = "-mediation-numerique-" + source
    if local_id.endswith(suffix) and len(local_id) > len(suffix):
        local_id = local_id[: -len(suffix)]
    if not local_id:
        local_id = original_id = _fallback_id(nom, lon, lat)
    return _check_open(props, _record(
        id=f"{source}:{local_id}",
        nom=nom,
        adresse=_clean_address(props.get("adresse") or props.get("address")),
        code_postal=_text(props.get("code_postal")),
        commune=_text(props.get("commune")),
        code_insee=_text(props.get("code_insee")),
        lon=lon,
        lat=lat,
        categories=join_categories(infer_categories(dict(props, nom=nom))),
        sources=source,
        source_ids=f"{dataset}:{original_id}",
        horaires=_text(props.get("horaires")),
        services=_join(split_values(props.get("services"))),
        labels=_labels_v1(props),
        date_maj=_iso_date(props.get("date_maj")),
        itinerance=itinerance_of(props, nom),
    ))


#: France Services CSV columns of opening hours, with their OSM day codes.
FRANCE_SERVICES_DAYS = (
    ("h_lundi", "Mo"), ("h_mardi", "Tu"), ("h_mercredi", "We"), ("h_jeudi", "Th"),
    ("h_vendredi", "Fr"), ("h_samedi", "Sa"), ("h_dimanche", "Su"),
)
FRANCE_SERVICES_REQUIRED_COLUMNS = ("id_fs", "lib_fs", "latitude", "longitude")

_TIME_RANGE = re.compile(
    r"(\d{1,2})\s*[:hH]\s*(\d{2})?\s*(?:-|–|—|à|a)\s*(\d{1,2})\s*[:hH]\s*(\d{2})?")
_RANGE_LEFTOVER = re.compile(r"^[\s/;,&+]*(?:et[\s/;,&+]*)*$")
#: A day cell saying the desk is closed that day (compared without accents, case or punctuation).
_CLOSED_DAY = {"", "ferme", "fermee", "closed"}


def parse_time_ranges(cell):
    """``"09:00 - 12:00 / 14:00 - 17:30"`` -> ``["09:00-12:00", "14:00-17:30"]``.

    ``""``, ``"Fermé"``, ``"-"`` -> ``[]`` (closed / unknown). Returns ``None`` when the
    cell holds text that is not a list of ranges, or a range that ends before it starts.
    """
    text = _text(cell)
    if normalise_text(text).strip() in _CLOSED_DAY:
        return []
    ranges = []
    for match in _TIME_RANGE.finditer(text):
        h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 * 60 + m1) >= (h2 * 60 + m2):
            return None
        ranges.append(f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}")
    if not ranges or not _RANGE_LEFTOVER.match(_TIME_RANGE.sub("", text)):
        return None
    return ranges


def france_services_opening_hours(row):
    """OSM ``opening_hours`` built from the ``h_lundi`` … ``h_samedi`` columns.

    Consecutive days with the same hours are grouped (``Mo-Fr``). Returns
    ``""`` when no day is filled, or when one filled day cannot be read
    (unknown hours rather than wrong ones).
    """
    days = []
    for column, code in FRANCE_SERVICES_DAYS:
        ranges = parse_time_ranges(row.get(column))
        if ranges is None:
            return ""
        days.append((code, ",".join(ranges)))
    rules = []
    index = 0
    while index < len(days):
        end = index
        while end + 1 < len(days) and days[end + 1][1] == days[index][1]:
            end += 1
        if days[index][1]:
            span = days[index][0] if end == index else f"{days[index][0]}-{days[end][0]}"
            rules.append(f"{span} {days[index][1]}")
        index = end + 1
    return "; ".join(rules)


def _itinerance_france_services(row):
    flag = normalise_text(row.get("itinerance"))
    if flag in ("oui", "true", "1"):
        return "Itinérant"
    if flag in ("non", "false", "0"):
        return "Fixe"
    fmt = normalise_text(row.get("format_fs_anct") or row.get("format_fs"))
    if any(word in fmt for word in ("mobile", "itinerant", "bus")):
        return "Itinérant"
    return "Fixe" if fmt else ""


def check_france_services_columns(columns):
    """Raise :class:`DataError` when a France Services table lacks a required column."""
    missing = [c for c in FRANCE_SERVICES_REQUIRED_COLUMNS if c not in set(columns)]
    if missing:
        raise DataError(tr("The France Services table lacks the columns: {columns}.").format(
            columns=", ".join(missing)))


def from_france_services_row(row):
    """Normalise one row of the ANCT France Services CSV (``id_fs``, ``lib_fs``…).

    Category ``france_services`` plus the name rules; ``horaires`` from the
    ``h_*`` columns; ``itinerance`` from ``itinerance`` (Oui/Non) or
    ``format_fs_anct``. Raises :class:`RecordRejectedError` (row) or
    :class:`DataError` (missing columns).
    """
    if not isinstance(row, dict):
        raise InputError(tr("A place record must be a dictionary of fields."))
    check_france_services_columns(row.keys())
    nom = _text(row.get("lib_fs"))
    id_fs = _text(row.get("id_fs"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=id_fs or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    lon, lat = _checked_position(row.get("longitude"), row.get("latitude"), nom)
    if not id_fs:
        id_fs = _fallback_id(nom, lon, lat)
    return _record(
        id=f"france-services:{id_fs}",
        nom=nom,
        adresse=_clean_address(row.get("adresse")),
        code_postal=_text(row.get("code_postal")),
        commune=_text(row.get("lib_com")),
        code_insee=_text(row.get("insee_com")),
        lon=lon,
        lat=lat,
        categories=join_categories([FRANCE_SERVICES] + categories_from_name(nom)),
        sources="france-services",
        source_ids=f"{DATASET_FRANCE_SERVICES_CSV}:{id_fs}",
        horaires=france_services_opening_hours(row),
        labels="France Services",
        itinerance=ITINERANT if is_itinerant_name(nom) else _itinerance_france_services(row),
    )


def from_tiers_lieu(feature_or_props, lon=None, lat=None):
    """Normalise one tiers-lieu record; category ``tiers_lieu`` is always set.

    Two shapes are read: the France Tiers-Lieux records in the lieux schema v0
    (``tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson``: same fields as
    :func:`from_lieu`), and the CGET 2019 base (``NOM_TL``, ``TYPO``, ``LAT``,
    ``LONG``…), where ``TYPO`` "à dominante fablab" adds ``fablab``.
    """
    props, geometry = _feature_parts(feature_or_props)
    if "NOM_TL" not in props:
        record = from_lieu(feature_or_props, lon, lat, dataset=DATASET_TIERS_LIEUX)
        record["categories"] = join_categories(split_categories(record["categories"]) + [TIERS_LIEU])
        return record
    nom = _text(props.get("NOM_TL"))
    original_id = _text(props.get("ID"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=original_id or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    if lon is None and lat is None and not (isinstance(geometry, dict) and geometry.get("type") == "Point"):
        lon, lat = props.get("LONG"), props.get("LAT")
    lon, lat = _position(props, geometry, lon, lat, nom)
    if not original_id:
        original_id = _fallback_id(nom, lon, lat)
    categories = [TIERS_LIEU] + categories_from_name(nom)
    if "fablab" in normalise_text(props.get("TYPO")).replace(" ", ""):
        categories.append(FABLAB)
    return _check_open(props, _record(
        id=f"cget-tiers-lieux:{original_id}",
        nom=nom,
        adresse=_clean_address(props.get("ADRESSE")),
        code_postal=_text(props.get("CP")),
        commune=_text(props.get("NOMCOM")),
        code_insee=_text(props.get("INSEECOM")),
        lon=lon,
        lat=lat,
        categories=join_categories(categories),
        sources="cget-tiers-lieux",
        source_ids=f"{DATASET_CGET_TIERS_LIEUX}:{original_id}",
        itinerance=itinerance_of(props, nom),
    ))
