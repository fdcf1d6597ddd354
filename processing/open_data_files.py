"""Downloads of the open-data algorithms: a data.gouv.fr resource (identifier
or address) or any file address, saved under a safe name with the extension of
its content."""

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.datagouv import resource_id_of
from ..core.errors import DataError, InputError
from ..core.i18n import tr
from ..core.loaders import LOADABLE, sniff_suffix
from .utils import check_canceled, progress_callback

FORMAT_SUFFIXES = {
    "csv": ".csv",
    "geojson": ".geojson",
    "json": ".json",
    "zip": ".zip",
    "shp": ".zip",
    "gpkg": ".gpkg",
    "geopackage": ".gpkg",
}


UNSUPPORTED_SUFFIXES = (".xls", ".xlsx", ".ods", ".pdf", ".doc", ".docx", ".odt", ".html", ".htm", ".xml")


def safe_file_name(name, default="resource"):
    """A file name without path or odd characters."""
    text = unicodedata.normalize("NFKD", unquote(str(name or ""))).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(text).name).strip("._")
    return text[:120] or default


def is_url(text):
    return urlsplit(str(text or "")).scheme in ("http", "https")


def split_references(text):
    """Resource ids / URLs of a text: one per line, or separated by commas, spaces or ;."""
    return [t for t in re.split(r"[\s,;]+", text or "") if t]


def download_reference(clients, reference, folder, feedback, start=0.0, span=50.0):
    """Download a data.gouv.fr resource (id or URL) or a direct file URL into ``folder``.

    Returns ``(path, label)``; the path has the extension of its content.
    """
    reference = str(reference or "").strip()
    rid = resource_id_of(reference, clients.datagouv.base_url)
    if rid:
        resource, dataset_id = clients.datagouv.resource(rid, is_canceled=feedback)
        url = resource.stable_url
        name = safe_file_name(Path(urlsplit(resource.url).path).name)
        declared = {Path(name).suffix.lower(), "." + (resource.format or "").lower()}
        if Path(name).suffix.lower() not in LOADABLE:
            name = safe_file_name(resource.title or rid) + FORMAT_SUFFIXES.get(resource.format, "")
        label = resource.title or rid
        feedback.pushInfo(
            tr('data.gouv.fr resource "{title}" ({format}, updated {date}) of the dataset {dataset}.').format(
                title=label,
                format=resource.format or "?",
                date=resource.last_modified.date().isoformat() if resource.last_modified else "?",
                dataset=dataset_id or "?",
            )
        )
    elif is_url(reference):
        url = reference
        name = safe_file_name(Path(urlsplit(reference).path).name)
        declared = {Path(name).suffix.lower()}
        label = reference
    else:
        raise InputError(
            tr(
                "'{reference}' is neither a data.gouv.fr resource identifier, nor a data.gouv.fr resource "
                "address, nor an http(s) address of a file."
            ).format(reference=reference)
        )
    check_canceled(feedback)
    unsupported = sorted(declared & set(UNSUPPORTED_SUFFIXES))
    if unsupported:
        raise DataError(
            tr(
                "{name}: this format ({suffix}) cannot be loaded. Look for a CSV, GeoJSON, zipped Shapefile "
                "or GeoPackage version of the data, or save it as CSV."
            ).format(name=label, suffix=unsupported[0])
        )
    feedback.pushInfo(tr("Downloading {url}…").format(url=url))
    dest = Path(folder) / name
    clients.http.download(url, dest, progress=progress_callback(feedback, start, span), is_canceled=feedback)
    if dest.suffix.lower() not in LOADABLE:
        target = dest.with_name(dest.name + sniff_suffix(dest))
        dest.rename(target)
        dest = target
    return dest, label
