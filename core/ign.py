"""IGN Géoplateforme clients: WFS, geocoding, walking isochrones.

All requests go through the shared :class:`~.http.HttpClient` (rate limits:
WFS 30/s, geocoding 50/s, isochrone 5/s; cache; retries).

* :meth:`IgnClient.get_features` — WFS 2.0.0 GetFeature in GeoJSON, paged
  with ``COUNT`` (≤ 5 000, the service's cap) + ``STARTINDEX`` and a
  ``SORTBY`` key (without it the pages of a changing table may overlap);
* :data:`LAYERS` — the layers the plugin uses, with their sort key and
  geometry column; :func:`normalize_properties` maps current *and* legacy
  attribute names (``nom_officiel``/``nom``, ``code_insee``/``insee_com``…)
  to one set of names;
* :meth:`IgnClient.geocode` — ``/geocodage/search``;
* :meth:`IgnClient.isochrone` — ``/navigation/isochrone`` (pedestrian,
  ``bdtopo-valhalla``).
"""

import math
from dataclasses import dataclass, field

from .errors import InputError
from .http import (
    JSON_TYPES,
    HttpClient,
    HttpStatusError,
    MalformedResponseError,
    PageGuard,
    cancel_check,
    host_of,
    raise_if_canceled,
)
from .i18n import tr

WFS_PATH = "/wfs/ows"
GEOCODE_PATH = "/geocodage/search"
ISOCHRONE_PATH = "/navigation/isochrone"
MAX_COUNT = 5000  # "limité à 5000 objets par requête"
MAX_GET_FILTER = 1500  # longer CQL filters are POSTed (form-encoded)


@dataclass(frozen=True)
class WfsLayer:
    """A WFS feature type with the column used for stable paging."""

    typename: str
    sort_key: str = "cleabs"
    geometry: str = "geometrie"


COMMUNES = WfsLayer("LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune")
COMMUNES_LEGACY = WfsLayer("ADMINEXPRESS-COG.LATEST:commune")
IRIS = WfsLayer("STATISTICALUNITS.IRIS:contours_iris")
BUILDINGS = WfsLayer("BDTOPO_V3:batiment")
ROAD_SECTIONS = WfsLayer("BDTOPO_V3:troncon_de_route")
TRANSPORT_EQUIPMENT = WfsLayer("BDTOPO_V3:equipement_de_transport")
FILOSOFI_200M = WfsLayer("INSEE.FILOSOFI.INDICATORS:carreaux_200m", sort_key="id_inspire", geometry="geom")

LAYERS = {
    "communes": COMMUNES,
    "communes_legacy": COMMUNES_LEGACY,
    "iris": IRIS,
    "buildings": BUILDINGS,
    "road_sections": ROAD_SECTIONS,
    "transport_equipment": TRANSPORT_EQUIPMENT,
    "filosofi_200m": FILOSOFI_200M,
}

# CQL filters (GeoServer ECQL) for the plugin's uses of BD TOPO.
WALKABLE_ROADS_FILTER = (
    "etat_de_l_objet = 'En service' "
    "AND nature NOT IN ('Type autoroutier','Bretelle','Bac ou liaison maritime') "
    "AND (acces_pieton IS NULL OR acces_pieton NOT IN ('Interdit','Restreint aux ayants droit'))"
)
PASSENGER_STATIONS_FILTER = (
    "nature IN ('Gare voyageurs uniquement','Gare voyageurs et fret','Arrêt voyageurs')"
)
HOUSING_BUILDINGS_FILTER = "nombre_de_logements > 0"

# Canonical attribute -> accepted source names (current Géoplateforme first, then legacy).
COMMUNE_FIELDS = {
    "code_insee": ("code_insee", "insee_com"),
    "nom": ("nom_officiel", "nom"),
    "population": ("population",),
    "code_departement": ("code_insee_du_departement", "insee_dep"),
    "code_region": ("code_insee_de_la_region", "insee_reg"),
    "siren_epci": ("codes_siren_des_epci", "siren_epci"),
    "code_postal": ("code_postal",),
    "statut": ("statut",),
}
IRIS_FIELDS = {
    "code_iris": ("code_iris",),
    "nom_iris": ("nom_iris",),
    "type_iris": ("type_iris", "typ_iris"),
    "code_insee": ("code_insee", "insee_com"),
    "nom_commune": ("nom_commune", "nom_com"),
}


def normalize_properties(properties, aliases):
    """``properties`` with each canonical name of ``aliases`` filled.

    The first non-empty source name wins; other attributes are kept as they
    are. Example: ``{"nom": "Penmarch", "insee_com": "29158"}`` gives
    ``code_insee == "29158"`` with :data:`COMMUNE_FIELDS`.
    """
    result = dict(properties or {})
    for canonical, names in aliases.items():
        result[canonical] = next((result[n] for n in names if result.get(n) not in (None, "")), None)
    return result


def canonical_properties(properties, aliases):
    """The canonical attributes of ``aliases`` first, then the others, without the
    source names that were mapped (``nom_officiel`` or ``insee_com`` do not stay
    next to ``nom`` and ``code_insee``)."""
    normalized = normalize_properties(properties, aliases)
    mapped = {name for names in aliases.values() for name in names} - set(aliases)
    result = {name: normalized[name] for name in aliases}
    result.update((k, v) for k, v in normalized.items() if k not in result and k not in mapped)
    return result


#: Text attributes of the INSEE grid (WFS and INSEE files); the others are numbers.
FILOSOFI_TEXT_FIELDS = ("id_inspire", "idcar_200m", "idcar_1km", "idcar_nat", "depcom", "nom_com", "lcog_geo")
#: INSEE counts of the 200 m grid (Filosofi 2019/2021 names; the WFS lacks ind_18_24).
FILOSOFI_COUNT_FIELDS = (
    "ind", "men", "men_pauv", "men_1ind", "men_5ind", "men_prop", "men_fmp", "ind_snv", "men_surf",
    "men_coll", "men_mais", "log_av45", "log_45_70", "log_70_90", "log_ap90", "log_inc", "log_soc",
    "ind_0_3", "ind_4_5", "ind_6_10", "ind_11_17", "ind_18_24", "ind_25_39", "ind_40_54", "ind_55_64",
    "ind_65_79", "ind_80p", "ind_inc",
)


def _number(value):
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def filosofi_properties(properties):
    """Attributes of a 200 m cell with the INSEE indicators as floats.

    Counts (:data:`FILOSOFI_COUNT_FIELDS`) become floats or None (INSEE
    publishes fractional values); other numeric attributes (ratios, flags)
    become floats when they are numbers; identifiers and names stay text.
    """
    result = {}
    for name, value in (properties or {}).items():
        if name in FILOSOFI_TEXT_FIELDS:
            result[name] = None if value is None else str(value)
        elif name in FILOSOFI_COUNT_FIELDS:
            result[name] = _number(value)
        else:
            number = _number(value)
            result[name] = value if number is None and value not in (None, "") else number
    return result


def normalize_features(features, aliases):
    """GeoJSON features with normalised properties (new dicts)."""
    return [dict(f, properties=normalize_properties(f.get("properties"), aliases)) for f in features]


def wfs_bbox(bbox, crs=4326):
    """WFS 2.0 ``BBOX`` value; ``bbox`` is (xmin, ymin, xmax, ymax) in ``crs``.

    EPSG:4326 is written with its URN and lat/lon axis order, as WFS 2.0
    requires (lon/lat order silently returns nothing).
    """
    xmin, ymin, xmax, ymax = bbox
    if int(crs) == 4326:
        return "{},{},{},{},urn:ogc:def:crs:EPSG::4326".format(ymin, xmin, ymax, xmax)
    return "{},{},{},{},EPSG:{}".format(xmin, ymin, xmax, ymax, int(crs))


def cql_bbox(layer, bbox, crs=4326):
    """The same box as an ECQL predicate (x/y order), to combine with a filter."""
    xmin, ymin, xmax, ymax = bbox
    return "BBOX({},{},{},{},{},'EPSG:{}')".format(layer.geometry, xmin, ymin, xmax, ymax, int(crs))


@dataclass
class GeocodeResult:
    """One answer of the geocoder."""

    label: str
    score: float
    lon: float
    lat: float
    citycode: str = None
    postcode: str = None
    city: str = None
    type: str = None
    properties: dict = field(default_factory=dict)


@dataclass
class Isochrone:
    """A walking isochrone and the parameters the service echoed."""

    geometry: dict
    point: tuple
    cost_type: str
    cost_value: float
    time_unit: str
    profile: str
    resource: str
    resource_version: str = None
    direction: str = None
    crs: str = "EPSG:4326"
    raw: dict = field(default_factory=dict)

    def as_feature(self):
        """The isochrone as a GeoJSON Feature (parameters as properties)."""
        properties = {k: v for k, v in self.raw.items() if k != "geometry"}
        return {"type": "Feature", "geometry": self.geometry, "properties": properties}


class PointNotRoutableError(InputError):
    """The isochrone service found no walking network near the point."""


class IgnClient:
    """Clients of the Géoplateforme services on ``base_url`` (settings' ``geopf_url``)."""

    def __init__(self, http=None, base_url=None):
        self.http = http or HttpClient()
        self.base_url = (base_url or self.http.settings.geopf_url).rstrip("/")

    # -- WFS ---------------------------------------------------------------
    def iter_features(
        self,
        layer,
        *,
        bbox=None,
        bbox_crs=4326,
        cql_filter=None,
        srs_name="EPSG:4326",
        properties=None,
        page_size=1000,
        max_features=None,
        progress=None,
        is_canceled=None,
    ):
        """Yield the GeoJSON features of ``layer``, page by page.

        ``layer``: a :class:`WfsLayer`, or a type name (then sorted on
        ``cleabs``, the BD TOPO / ADMIN EXPRESS key: give a WfsLayer with
        another ``sort_key`` for other layers).

        ``bbox`` and ``cql_filter`` may be combined (the box then goes into
        the filter, GeoServer refusing both parameters). ``progress(done,
        matched)`` is called after each page.

        Bounded whatever the server does: more pages than the ``max_pages``
        setting, more features than ``max_features`` (setting), or a page
        bringing no new feature id raise :class:`~.http.PagingError`.
        """
        layer = layer if isinstance(layer, WfsLayer) else WfsLayer(layer)
        check = cancel_check(is_canceled)
        params = self._wfs_params(layer, bbox, bbox_crs, cql_filter, srs_name, properties)
        count = max(1, min(page_size, MAX_COUNT))
        limits = self.http.settings
        guard = PageGuard(
            self.base_url + WFS_PATH,
            tr("features of {layer}").format(layer=layer.typename),
            limits.max_pages,
            limits.max_features,
        )
        start, first_id = 0, None
        while max_features is None or start < max_features:
            raise_if_canceled(check)
            wanted = count if max_features is None else min(count, max_features - start)
            page = self._wfs_page(params, start, wanted, check)
            features = page["features"]
            first_id = _check_progress(features, first_id, self.base_url + WFS_PATH)
            guard.page(f.get("id") if isinstance(f, dict) else None for f in features)
            yield from features
            start += len(features)
            matched = _int_or_none(page.get("numberMatched"))
            if max_features is None or max_features > limits.max_features:
                guard.announced(matched)  # refused before fetching the pages
            if progress is not None:
                progress(start, matched)
            if len(features) < wanted or (matched is not None and start >= matched):
                return

    def get_features(self, layer, **options):
        """All features of :meth:`iter_features` as a list."""
        return list(self.iter_features(layer, **options))

    def communes(self, *, layer=COMMUNES, **options):
        """Communes with normalised attributes (code_insee, nom, population…)."""
        return normalize_features(self.get_features(layer, **options), COMMUNE_FIELDS)

    def _wfs_params(self, layer, bbox, bbox_crs, cql_filter, srs_name, properties):
        params = {
            "SERVICE": "WFS",
            "VERSION": "2.0.0",
            "REQUEST": "GetFeature",
            "TYPENAMES": layer.typename,
            "OUTPUTFORMAT": "application/json",
            "SRSNAME": srs_name,
            "SORTBY": layer.sort_key,
            "EXCEPTIONS": "application/json",
        }
        if properties:
            params["PROPERTYNAME"] = ",".join(properties)
        if bbox is not None and cql_filter:
            cql_filter = "({}) AND {}".format(cql_filter, cql_bbox(layer, bbox, bbox_crs))
        elif bbox is not None:
            params["BBOX"] = wfs_bbox(bbox, bbox_crs)
        if cql_filter:
            params["CQL_FILTER"] = cql_filter
        return params

    def _wfs_page(self, params, start, count, check):
        """One GetFeature page (long filters are POSTed)."""
        url = self.base_url + WFS_PATH
        params = dict(params, STARTINDEX=start, COUNT=count)
        if len(params.get("CQL_FILTER", "")) > MAX_GET_FILTER:
            method, query, form = "POST", None, params
            page = self.http.request(
                method, url, data=form, expect=JSON_TYPES, cache=True, is_canceled=check
            ).json()
        else:
            method, query, form = "GET", params, None
            page = self.http.get_json(url, params=query, is_canceled=check)
        if not isinstance(page, dict) or not isinstance(page.get("features"), list):
            self.http.forget(method, url, query, form)
            raise MalformedResponseError(
                tr("The WFS of {host} did not return features for {layer}{detail}.").format(
                    host=host_of(url), layer=params["TYPENAMES"], detail=_exception_text(page)
                ),
                url,
            )
        return page

    # -- geocoding ---------------------------------------------------------
    def geocode(
        self,
        q,
        *,
        limit=5,
        index="address",
        type=None,
        citycode=None,
        postcode=None,
        lat=None,
        lon=None,
        is_canceled=None,
    ):
        """Addresses (or POIs with ``index="poi"``) matching ``q``, best first."""
        params = {
            "q": q,
            "limit": limit,
            "index": index,
            "type": type,
            "citycode": citycode,
            "postcode": postcode,
            "lat": lat,
            "lon": lon,
        }
        params = {k: v for k, v in params.items() if v not in (None, "")}
        url = self.base_url + GEOCODE_PATH
        payload = self.http.get_json(url, params=params, is_canceled=is_canceled)
        if not isinstance(payload, dict) or not isinstance(payload.get("features"), list):
            raise MalformedResponseError(
                tr("The geocoder of {host} did not return results.").format(host=host_of(url)), url
            )
        results = []
        for feature in payload["features"]:
            try:
                results.append(_geocode_result(feature))
            except (AttributeError, KeyError, TypeError, ValueError):
                continue  # a feature without position, or with fields of the wrong type
        return results

    # -- isochrone ---------------------------------------------------------
    def isochrone(
        self,
        lon,
        lat,
        cost_value,
        *,
        time_unit="minute",
        cost_type="time",
        profile="pedestrian",
        resource="bdtopo-valhalla",
        direction="departure",
        is_canceled=None,
    ):
        """The area reachable from (``lon``, ``lat``) within ``cost_value``.

        Defaults: walking time in minutes on IGN's BD TOPO graph (4 km/h).
        Raises PointNotRoutableError when the point is too far from the graph.
        """
        params = {
            "resource": resource,
            "profile": profile,
            "costType": cost_type,
            "costValue": cost_value,
            "point": "{},{}".format(lon, lat),
            "direction": direction,
            "geometryFormat": "geojson",
            "crs": "EPSG:4326",
        }
        if cost_type == "time":
            params["timeUnit"] = time_unit
        else:
            params["distanceUnit"] = "meter"
        url = self.base_url + ISOCHRONE_PATH
        try:
            payload = self.http.get_json(url, params=params, is_canceled=is_canceled)
            return self._isochrone_from(payload, url, lon, lat)
        except HttpStatusError as error:
            if _no_data(error.server_message):
                raise _not_routable(lon, lat) from None
            raise
        except (MalformedResponseError, PointNotRoutableError):
            self.http.forget("GET", url, params)
            raise

    @staticmethod
    def _isochrone_from(payload, url, lon, lat):
        if isinstance(payload, dict) and isinstance(payload.get("error"), dict):
            message = payload["error"].get("message")
            if _no_data(message):
                raise _not_routable(lon, lat)
            raise MalformedResponseError(
                tr("The isochrone service of {host} answered: {message}").format(
                    host=host_of(url), message=message
                ),
                url,
            )
        geometry = payload.get("geometry") if isinstance(payload, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise MalformedResponseError(
                tr("The isochrone service of {host} did not return a polygon.").format(host=host_of(url)), url
            )
        return Isochrone(
            geometry=geometry,
            point=(lon, lat),
            cost_type=payload.get("costType"),
            cost_value=payload.get("costValue"),
            time_unit=payload.get("timeUnit"),
            profile=payload.get("profile"),
            resource=payload.get("resource"),
            resource_version=payload.get("resourceVersion"),
            direction=payload.get("direction"),
            crs=payload.get("crs") or "EPSG:4326",
            raw=payload,
        )


def _check_progress(features, previous_first, url):
    """Id of the page's first feature; error if the server repeats a page."""
    first = features[0].get("id") if features and isinstance(features[0], dict) else None
    if first is not None and first == previous_first:
        raise MalformedResponseError(
            tr("The WFS of {host} returned the same page twice: it does not honour STARTINDEX.").format(
                host=host_of(url)
            ),
            url,
        )
    return first


def _no_data(message):
    return bool(message) and "no data found" in str(message).lower()


def _not_routable(lon, lat):
    return PointNotRoutableError(
        tr(
            "No walking network was found near the point {lon}, {lat}: it is probably too far from a "
            "street or path of the IGN network, or outside France. "
            "Move the point onto a street and try again."
        ).format(lon=lon, lat=lat)
    )


def _exception_text(page):
    if isinstance(page, dict) and page.get("exceptions"):
        return ": {}".format(page["exceptions"][0].get("text"))
    return ""


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _point_of(feature):
    try:
        lon, lat = feature["geometry"]["coordinates"][:2]
        return float(lon), float(lat)
    except (KeyError, TypeError, ValueError):
        return None


def _geocode_result(feature):
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise TypeError(props)
    lon, lat = _point_of(feature)
    score = float(props.get("score") or 0.0)
    if not math.isfinite(score) or not (math.isfinite(lon) and math.isfinite(lat)):
        raise ValueError(score)
    return GeocodeResult(
        label=str(props.get("label", "")),
        score=score,
        lon=lon,
        lat=lat,
        citycode=props.get("citycode"),
        postcode=props.get("postcode"),
        city=props.get("city"),
        type=props.get("type"),
        properties=props,
    )
