"""Which normaliser for a file, batch normalisation and the file readers.

Part of the :mod:`core.services` package; pure Python.
"""

from __future__ import annotations

from ..errors import DataError
from ..i18n import tr
from .records import (
    NAME_COLUMNS,
    Normalised,
    NotOpenError,
    RecordRejectedError,
    _feature_parts,
    check_france_services_columns,
    from_france_services_row,
    from_lieu,
    from_tiers_lieu,
)
from .vocabulary import _text, slug
from .wifi import _column_key, from_wifi_row

# ---------------------------------------------------------------------------
# Which normaliser for a file
# ---------------------------------------------------------------------------

KIND_LIEUX = "lieux"
KIND_FRANCE_SERVICES = "france_services"
KIND_TIERS_LIEUX = "tiers_lieux"
KIND_WIFI = "wifi"
_PARIS_WIFI_COLUMNS = frozenset(("nom_du_site", "etat_du_site", "code_site", "nom_site", "etat2"))


def source_kind(columns, sources=()):
    """The kind of a file of places from its column names, or None.

    ``france_services`` (``id_fs`` and ``lib_fs``), ``tiers_lieux`` (CGET
    ``NOM_TL``, or a lieux file whose records all come from
    ``france-tiers-lieux``: give their ``source`` values in ``sources``),
    ``wifi`` (a ``WIFI_*`` or ``SSID`` column, or the Paris columns) or
    ``lieux`` (a ``nom``, ``name`` or ``title`` column: schema v0 or v1, or a
    generic list such as a fab-lab GeoJSON).
    """
    keys = {_column_key(c) for c in columns}
    if {"id_fs", "lib_fs"} <= keys:
        return KIND_FRANCE_SERVICES
    if "nom_tl" in keys:
        return KIND_TIERS_LIEUX
    if any(k.startswith("wifi_") or k == "ssid" for k in keys) or keys & _PARIS_WIFI_COLUMNS:
        return KIND_WIFI
    if keys & set(NAME_COLUMNS):
        values = {slug(s) for s in sources}
        if values == {"france-tiers-lieux"}:
            return KIND_TIERS_LIEUX
        return KIND_LIEUX
    return None


def normaliser_for(kind):
    """The normaliser of a :func:`source_kind` (called as ``f(record, lon, lat)``)."""
    return {
        KIND_LIEUX: from_lieu,
        KIND_FRANCE_SERVICES: lambda row, lon=None, lat=None: from_france_services_row(row),
        KIND_TIERS_LIEUX: from_tiers_lieu,
        KIND_WIFI: from_wifi_row,
    }[kind]


def normalise_all(items, normaliser, keep_not_open=False, **kwargs):
    """Apply ``normaliser`` to each item; return :data:`Normalised` (records, rejected).

    Items refused with :class:`RecordRejectedError` are listed in ``rejected`` with
    their reason, never dropped silently. Records that are not open (rule O,
    reason ``not_open``) are rejected too, unless ``keep_not_open``.
    """
    records, rejected = [], []
    for item in items:
        try:
            records.append(normaliser(item, **kwargs))
        except NotOpenError as error:
            if keep_not_open:
                records.append(error.record)
                continue
            props, _ = _feature_parts(item)
            rejected.append({
                "reason": error.reason,
                "message": str(error),
                "id": _text(props.get("id") or props.get("ID")),
                "nom": error.record["nom"],
                "record": item,
            })
        except RecordRejectedError as error:
            props, _ = _feature_parts(item)
            rejected.append({
                "reason": error.reason,
                "message": str(error),
                "id": _text(props.get("id") or props.get("id_fs") or props.get("ID")),
                "nom": _text(props.get("nom") or props.get("lib_fs") or props.get("NOM_TL")),
                "record": item,
            })
    return Normalised(records, rejected)


def read_france_services_csv(path):
    """Rows (dicts) of a France Services CSV; ``,`` or ``;`` separated, UTF-8 (BOM allowed)."""
    import csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = handle.readline()
            handle.seek(0)
            delimiter = ";" if header.count(";") > header.count(",") else ","
            reader = csv.DictReader(handle, delimiter=delimiter)
            check_france_services_columns(reader.fieldnames or [])
            return list(reader)
    except OSError as error:
        raise DataError(tr("Cannot read {path}: {error}").format(path=path, error=error)) from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise DataError(tr("{path} is not a readable CSV file: {error}").format(
            path=path, error=error)) from None
