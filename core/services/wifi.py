"""Public Wi-Fi site lists (rule W of docs/categories.md): category ``wifi`` only.

Part of the :mod:`core.services` package; pure Python.
"""

from __future__ import annotations

from ..i18n import tr
from .records import (
    REASON_MISSING_NAME,
    RecordRejectedError,
    _clean_address,
    _fallback_id,
    _feature_parts,
    _position,
    _record,
)
from .vocabulary import WIFI, _text, normalise_text, slug

# ---------------------------------------------------------------------------
# Public Wi-Fi
# ---------------------------------------------------------------------------

#: Dataset name of the Wi-Fi files (prefix of ``source_ids``).
DATASET_WIFI = "wifi"
#: Reason of rejection of a Wi-Fi site that is closed, planned or being installed.
REASON_NOT_OPERATIONAL = "not_operational"

#: Accepted column names (compared after ``normalise_text``, spaces as ``_``),
#: first found wins: the OpenDataFrance draft "Bornes Wifi public" (``WIFI_*``,
#: ``COLL_*``), the Paris files (CSV export "Nom du site", "Etat du site"…, and
#: the API names ``nom_site``, ``arc_adresse``, ``cp``, ``etat2``) and generic names.
WIFI_COLUMNS = {
    "id": ("wifi_id", "code_site", "id_site", "site_id", "idpw", "identifiant", "id", "code"),
    "nom": ("wifi_nom", "nom_du_site", "nom_site", "nom", "name", "libelle", "nom_borne"),
    "ssid": ("wifi_ssid_1", "wifi_ssid", "ssid"),
    "adresse": ("wifi_adresse", "adresse", "arc_adresse", "adresse_postale", "address"),
    "code_postal": ("wifi_code_postal", "code_postal", "cp", "codepostal"),
    "commune": ("wifi_commune", "commune", "nom_commune", "ville"),
    "code_insee": ("wifi_code_insee", "code_insee", "insee", "insee_com", "coll_insee"),
    "etat": ("wifi_etat", "etat_du_site", "etat2", "etat_site", "etat", "statut", "status"),
    "lon": ("wifi_long", "wifi_lon", "longitude", "lon", "lng"),
    "lat": ("wifi_lat", "latitude", "lat"),
    "producteur": ("coll_nom",),
}
#: ``etat`` values (``normalise_text``) of a working site; any other non-empty value
#: (Fermé pour travaux, En déploiement, En étude, Hors service…) means not operational.
WIFI_OPERATIONAL = frozenset((
    "operationnel", "operationnelle", "en service", "en fonctionnement", "fonctionnel", "actif",
    "active", "ouvert", "installe", "deploye", "oui", "1", "true", "ok", "operational", "open",
    "in service",
))


def _column_key(name):
    return normalise_text(name).replace(" ", "_")


def _wifi_value(props, keys, role):
    for name in WIFI_COLUMNS[role]:
        original = keys.get(name)
        if original is not None and _text(props.get(original)):
            return props.get(original)
    return None


def wifi_is_operational(value):
    """False when a site's state (``Etat du site``…) says it is not in service; unknown is True."""
    state = normalise_text(value)
    return not state or state in WIFI_OPERATIONAL


def from_wifi_row(row, lon=None, lat=None, source=None, dataset=DATASET_WIFI):
    """Normalise one public Wi-Fi site; category ``wifi`` only.

    Reads the OpenDataFrance draft fields (``WIFI_Id``, ``WIFI_Nom``,
    ``WIFI_LAT``, ``WIFI_LONG``, ``COLL_NOM``…), the Paris files ("Nom du
    site", "Adresse", "Code postal", "Code Site", "Etat du site" or the API
    names ``nom_site``, ``arc_adresse``, ``cp``, ``etat2``) and generic names
    (:data:`WIFI_COLUMNS`). The position is ``lon``/``lat`` when given (the
    loader found it, e.g. in ``geo_point_2d``), else the longitude/latitude
    columns. ``source``: producer name (default: ``COLL_NOM``, else
    ``wifi``). The name falls back on the SSID, then the address.

    A site whose state is not operational (:func:`wifi_is_operational`)
    raises :class:`RecordRejectedError` with reason
    :data:`REASON_NOT_OPERATIONAL`, so that it is counted, not dropped
    silently. A Wi-Fi file says nothing about mediation: no other category is
    inferred, not even from the name (a library's hotspot is not an EPN).
    """
    props, geometry = _feature_parts(row)
    keys = {}
    for name in props:
        keys.setdefault(_column_key(name), name)
    original_id = _text(_wifi_value(props, keys, "id"))
    nom = _text(_wifi_value(props, keys, "nom") or _wifi_value(props, keys, "ssid")
                or _wifi_value(props, keys, "adresse"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=original_id or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    state = _text(_wifi_value(props, keys, "etat"))
    if not wifi_is_operational(state):
        message = tr("Wi-Fi site {name} is not operational ({state}).").format(name=nom, state=state)
        raise RecordRejectedError(REASON_NOT_OPERATIONAL, message)
    if lon is None and lat is None and not (isinstance(geometry, dict) and geometry.get("type") == "Point"):
        lon, lat = _wifi_value(props, keys, "lon"), _wifi_value(props, keys, "lat")
    lon, lat = _position(props, geometry, lon, lat, nom)
    producer = slug(source or _wifi_value(props, keys, "producteur")) or DATASET_WIFI
    if not original_id:
        original_id = _fallback_id(nom, lon, lat)
    return _record(
        id=f"{producer}:{original_id}",
        nom=nom,
        adresse=_clean_address(_wifi_value(props, keys, "adresse")),
        code_postal=_text(_wifi_value(props, keys, "code_postal")),
        commune=_text(_wifi_value(props, keys, "commune")),
        code_insee=_text(_wifi_value(props, keys, "code_insee")),
        lon=lon,
        lat=lat,
        categories=WIFI,
        sources=producer,
        source_ids=f"{dataset}:{original_id}",
    )
