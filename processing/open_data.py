"""What the open-data algorithms share: the HTTP clients, and (re-exported
from their modules) the area (``open_data_area``), downloads
(``open_data_files``) and GeoJSON records → QGIS features with the output
written at the very end (``geojson_records``).

Every algorithm fetches and checks *everything* first and only then creates
its output (``write_sink``): an error, a time-out or a cancellation never
leaves a half-written layer behind.
"""

from dataclasses import dataclass

from ..core.datagouv import DataGouvClient
from ..core.http import HttpClient
from ..core.i18n import tr
from ..core.ign import COMMUNE_FIELDS, IgnClient, canonical_properties
from ..core.settings import load_settings
from .geojson_records import (  # noqa: F401 - the open-data algorithms import them from here
    WGS84,
    Schema,
    convert,
    family_label,
    features_to_rows,
    geojson_to_wkt,
    geometry_family,
    geometry_from_geojson,
    infer_kind,
    schema_of,
    unique_names,
    wkb_type,
    write_sink,
)
from .open_data_area import (  # noqa: F401
    AREA,
    BUFFER,
    COMMUNE_CODE,
    COMMUNES,
    EXTENT,
    MAX_BUFFER_M,
    Area,
    AreaParameters,
    add_area_parameters,
    area_from_parameters,
    buffered,
    communes_geometry,
    layer_geometry,
    parse_commune_codes,
)
from .open_data_files import (  # noqa: F401
    FORMAT_SUFFIXES,
    UNSUPPORTED_SUFFIXES,
    download_reference,
    is_url,
    safe_file_name,
    split_references,
)
from .utils import advanced, check_canceled, progress_callback  # noqa: F401


# --------------------------------------------------------------------------
# Clients
# --------------------------------------------------------------------------
def make_http_client():
    """The shared HTTP client: settings (and their environment overrides),
    cache, rate limits, retries and QGIS's proxy (read by HttpClient from the
    QGIS network settings, as in QGIS and qgis_process)."""
    return HttpClient(load_settings())


@dataclass
class Clients:
    http: HttpClient
    datagouv: DataGouvClient
    ign: IgnClient


def open_clients(feedback):
    """HTTP, data.gouv.fr and IGN clients; tells the user about offline mode and proxy.

    The cache's warnings (a damaged entry removed, an unusable folder) go to the log of the run.
    """
    http = make_http_client()
    http.set_warn(feedback.pushWarning)
    if http.offline:
        feedback.pushInfo(
            tr("Offline mode: only the data already in the cache ({folder}) is used.").format(
                folder=http.settings.cache_dir
            )
        )
    if http.proxy is not None:
        feedback.pushInfo(tr("Requests go through the proxy set in the QGIS network settings."))
    return Clients(http, DataGouvClient(http), IgnClient(http))


def commune_properties(properties):
    """Commune attributes with the canonical names (current or legacy WFS)."""
    return canonical_properties(properties, COMMUNE_FIELDS)
