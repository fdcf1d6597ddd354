"""Reading for ``ville_numerique:report``: JSON files, the coverage units, the place name, infrastructure.

Everything here reads :class:`QgsFeatureSource` objects (the thread-safe
sources the algorithm gets in ``prepareAlgorithm``), so it runs in the
Processing task's thread, not in the main thread.
"""

import json
import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsWkbTypes,
)

from ..core import report as core_report
from ..core.errors import CanceledError, InputError
from ..core.i18n import tr
from ..core.report import infrastructure as infra
from .coverage import field_suffix
from .layers import WGS84, to_float

#: Fields tried, in order, to name a unit in the fragile areas table.
LABEL_FIELDS = ("nom", "name", "libelle", "lib_iris", "nom_iris", "libiris", "idcar_200m", "idcar",
                "code_iris", "iris", "code")
#: Fields naming the place: in the perimeter layer (its own name), in the services layer (their commune).
PERIMETER_NAME_FIELDS = ("nom", "name", "libelle", "nom_com", "nom_commune", "commune", "lib_com", "libcom")
SERVICES_PLACE_FIELDS = ("commune", "nom_com", "nom_commune", "lib_com", "libcom")
#: Columns of the ``fetch_infrastructure`` commune table read for the report (shares by best
#: technology, wired thresholds); ``edition`` names the files' date.
COMMUNE_TEXT_FIELDS = ("code_insee", "nom_com", "edition")


def read_json(path, label):
    """A JSON object from ``path``; clear :class:`InputError` otherwise."""
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except OSError as error:
        raise InputError(tr("The file '{label}' cannot be read ({path}): {error}").format(
            label=label, path=path, error=error.strerror or error)) from None
    except ValueError as error:
        raise InputError(tr("The file '{label}' is not valid JSON ({path}): {error}").format(
            label=label, path=path, error=error)) from None
    if not isinstance(data, dict):
        raise InputError(tr("The file '{label}' does not hold a JSON object ({path}).").format(
            label=label, path=path))
    return data


def lookup(fields, *names):
    """Index of the first of ``names`` present in ``fields`` (case-insensitive), else -1."""
    for name in names:
        index = fields.lookupField(name)
        if index >= 0:
            return index
    return -1


def check_canceled(feedback):
    if feedback is not None and feedback.isCanceled():
        raise CanceledError(tr("Canceled."))


def is_polygon(source):
    return QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry


def map_crs(summary, source):
    """The metric CRS of the distances (from the summary), else the layer's."""
    authid = (summary.get("distance_crs") or {}).get("authid")
    crs = QgsCoordinateReferenceSystem(authid) if authid else QgsCoordinateReferenceSystem()
    if not crs.isValid() or crs.isGeographic():
        crs = source.sourceCrs()
    return crs


def _number(attrs, index):
    if index < 0:
        return None
    value = to_float(attrs[index])
    return None if math.isnan(value) else value


def _flag(attrs, index):
    value = to_float(attrs[index])
    return None if math.isnan(value) else int(value)


def _text(attrs, index):
    if index < 0:
        return ""
    value = attrs[index]
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value)


def read_units(source, summary, transform_context, feedback):
    """:class:`core.report.Unit` objects of the coverage layer, the map points of the units, and
    the connectivity values of each unit when the layer has ``ville_numerique:connectivity``'s fields.

    Returns ``(units, centroids, infra_units)``; ``infra_units`` is empty without ``share_no_thd``.
    """
    fields = source.fields()
    inputs = summary.get("inputs") or {}
    pop_name = inputs.get("population_field") or "ind"
    pop_index = lookup(fields, pop_name, "ind")
    if pop_index < 0:
        raise InputError(tr("The coverage layer has no population field '{name}' (named in the summary): "
                            "choose the layer written with this summary.").format(name=pop_name))
    codes = list(summary["categories"])
    dist_index = {c: fields.lookupField("dist_{}".format(field_suffix(c))) for c in codes}
    cov_index = {c: fields.lookupField("cov_{}".format(field_suffix(c))) for c in codes}
    score_index = fields.lookupField("score")
    if score_index < 0 and all(i < 0 for i in dist_index.values()):
        raise InputError(tr("The coverage layer has neither a score field nor dist_<category> fields: "
                            "choose the Coverage output of ville_numerique:coverage that goes with "
                            "this summary."))
    missing = [c for c, i in dist_index.items() if i < 0]
    if missing:
        feedback.pushWarning(tr("Fields missing from the coverage layer, left out of the report: {names}.").format(
            names=", ".join("dist_{}".format(field_suffix(c)) for c in missing)))
    fragility_index = fields.lookupField("fragility")
    priority_index = fields.lookupField("priority")
    label_index = lookup(fields, *LABEL_FIELDS)
    infra_index = {name: fields.lookupField(name) for name in infra.UNIT_FIELDS}
    with_infra = infra_index[infra.MAP_FIELD] >= 0
    to_wgs84 = QgsCoordinateTransform(source.sourceCrs(), WGS84, transform_context)
    polygons = is_polygon(source)
    units, centroids, infra_units = [], {}, []
    total = max(source.featureCount(), 1)
    for count, feature in enumerate(source.getFeatures()):
        if count % 500 == 0:
            check_canceled(feedback)
            feedback.setProgress(25 * count / total)
        attrs = feature.attributes()  # once: each call copies every value
        population = to_float(attrs[pop_index])
        unit = core_report.Unit(
            fid=feature.id(),
            population=0.0 if math.isnan(population) else population,
            score=_number(attrs, score_index),
            distances={c: _number(attrs, i) for c, i in dist_index.items() if i >= 0},
            covered={c: _flag(attrs, cov_index[c]) for c in codes if cov_index[c] >= 0},
            label=_text(attrs, label_index),
            fragility=_number(attrs, fragility_index),
            priority=_number(attrs, priority_index),
        )
        if with_infra:
            infra_units.append({name: _number(attrs, i) for name, i in infra_index.items()})
        geometry = feature.geometry()
        if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
            point = geometry.pointOnSurface() if polygons else geometry.centroid()
            if not point.isNull():
                centroids[feature.id()] = point.asPoint()
                try:
                    p = to_wgs84.transform(point.asPoint())
                    unit.lon, unit.lat = p.x(), p.y()
                except QgsCsException:
                    pass
        units.append(unit)
    return units, centroids, infra_units


def read_infra_units(source, feedback):
    """The connectivity values of each unit of a ``ville_numerique:connectivity`` output."""
    fields = source.fields()
    if fields.lookupField(infra.MAP_FIELD) < 0:
        raise InputError(tr("The connectivity layer has no field {name}: choose the output of "
                            "ville_numerique:connectivity.").format(name=infra.MAP_FIELD))
    index = {name: fields.lookupField(name) for name in infra.UNIT_FIELDS}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
        [i for i in index.values() if i >= 0])
    rows = []
    for feature in source.getFeatures(request):
        check_canceled(feedback)
        attrs = feature.attributes()
        rows.append({name: _number(attrs, i) for name, i in index.items()})
    return rows


def read_communes(source, feedback):
    """Rows of the ``ville_numerique:fetch_infrastructure`` commune table (dicts; shares as floats)."""
    fields = source.fields()
    if fields.lookupField("code_insee") < 0:
        raise InputError(tr("The commune table has no field code_insee: choose the output of "
                            "ville_numerique:fetch_infrastructure."))
    names = fields.names()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    rows = []
    for feature in source.getFeatures(request):
        check_canceled(feedback)
        attrs = feature.attributes()
        row = {}
        for index, name in enumerate(names):
            row[name] = _text(attrs, index) if name in COMMUNE_TEXT_FIELDS else _number(attrs, index)
        rows.append(row)
    return rows


def place_name(perimeter, services):
    """Names of the perimeter (up to three), else the commune most services are in."""
    for source, join, names in ((perimeter, True, PERIMETER_NAME_FIELDS), (services, False, SERVICES_PLACE_FIELDS)):
        if source is None:
            continue
        index = lookup(source.fields(), *names)
        if index < 0:
            continue
        request = QgsFeatureRequest().setSubsetOfAttributes([index]).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        values = [f.attribute(index) for f in source.getFeatures(request)]
        values = [str(n).strip() for n in values if n is not None and not (hasattr(n, "isNull") and n.isNull())]
        values = [n for n in values if n]
        if not values:
            continue
        distinct = list(dict.fromkeys(values))
        if join:
            if len(distinct) <= 3:
                return ", ".join(distinct)
            continue  # a perimeter of many areas: name the place from the services
        return core_report.guess_place_name(values)
    return ""
