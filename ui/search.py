"""The results of ``ville_numerique:datagouv_search`` as the panel's table rows.

The algorithm returns one layer (``DataGouvSearchAlgorithm.OUTPUT``) with one
row per resource (the fields of ``processing.datagouv.SEARCH_FIELDS``); the
panel shows one row per dataset, and "Add to the map" loads its best
resource.
"""

from qgis.core import NULL, QgsFeatureRequest, QgsVectorLayer

from ..processing.datagouv import DataGouvSearchAlgorithm

#: Resource formats in the order "Add to the map" prefers them.
LOADABLE_FORMATS = ("geojson", "gpkg", "geopackage", "csv", "shp", "zip", "json", "xlsx", "xls")


def search_records(results):
    """The rows of the OUTPUT layer of a search run (``results`` of the run), as dicts."""
    value = results.get(DataGouvSearchAlgorithm.OUTPUT)
    layer = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(str(value or ""), "search", "ogr")
    if not layer.isValid():
        return []
    names = layer.fields().names()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return [{n: (None if v is None or v == NULL else v) for n, v in zip(names, feature.attributes())}
            for feature in layer.getFeatures(request)]


def _text(value):
    return "" if value is None else str(value)


def search_rows(results):
    """One row per dataset: ``id``, ``title``, ``organization``, ``last_update`` (a date),
    ``formats`` (joined) and ``resource``: the resource "Add to the map" loads (the
    first in a format of ``LOADABLE_FORMATS``, by its id, else its address)."""
    rows, by_id = [], {}
    for record in search_records(results):
        title = _text(record.get("title"))
        if not title:
            continue
        key = _text(record.get("id")) or title
        row = by_id.get(key)
        if row is None:
            row = {"id": key, "title": title, "organization": _text(record.get("organization")),
                   "last_update": _text(record.get("last_update"))[:10], "formats": [], "resources": []}
            by_id[key] = row
            rows.append(row)
        fmt = _text(record.get("format")).lower()
        if fmt and fmt not in row["formats"]:
            row["formats"].append(fmt)
        resource = _text(record.get("resource_id")) or _text(record.get("stable_url")) or _text(record.get("url"))
        if resource:
            row["resources"].append((fmt, resource))
    for row in rows:
        ranked = sorted(row.pop("resources"), key=lambda r: LOADABLE_FORMATS.index(r[0])
                        if r[0] in LOADABLE_FORMATS else len(LOADABLE_FORMATS))
        row["resource"] = ranked[0][1] if ranked else ""
        row["formats"] = ", ".join(row["formats"])
    return rows
