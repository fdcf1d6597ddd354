"""``ville_numerique:isochrone`` — walking isochrones of points (IGN Géoplateforme)."""

import re

from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.errors import InputError
from ..core.i18n import tr
from ..core.ign import PointNotRoutableError
from .base import BaseAlgorithm
from .layers import check_not_empty, field_index
from .open_data import WGS84, Schema, check_canceled, geometry_from_geojson, open_clients, write_sink
from .styles import apply_style

ISOCHRONE_RATE = 5.0  # requests per second allowed by the service (core.http applies it)
OUTPUT_FIELDS = (
    ("source_id", "string"),
    ("minutes", "double"),
    ("lon", "double"),
    ("lat", "double"),
    ("profile", "string"),
    ("resource", "string"),
    ("resource_version", "string"),
)


def parse_minutes(text):
    """Walking times of a text such as ``5,10,15`` (also ``;`` or spaces), sorted."""
    values = []
    for item in re.split(r"[\s,;]+", str(text or "").strip()):
        if not item:
            continue
        try:
            value = float(item)
        except ValueError:
            value = float("nan")
        if not value > 0 or value > 600:
            raise InputError(
                tr("'{value}' is not a walking time: give minutes between 1 and 600, e.g. 5,10,15.").format(
                    value=item
                )
            )
        if value not in values:
            values.append(value)
    if not values:
        raise InputError(tr("Give at least one walking time in minutes, e.g. 15 or 5,10,15."))
    return sorted(values)


class IsochroneAlgorithm(BaseAlgorithm):
    NAME = "isochrone"
    GROUP_ID = "data"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    MINUTES = "MINUTES"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Walking isochrones")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Starting points"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        param = QgsProcessingParameterField(
            self.ID_FIELD, tr("Identifier field"), parentLayerParameterName=self.INPUT, optional=True
        )
        param.setHelp(tr("Copied to source_id in the output; the feature id when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.MINUTES, tr("Walking times (minutes)"), defaultValue="15")
        param.setHelp(
            tr("One or several times separated by commas, e.g. 5,10,15 (4 km/h on the IGN network).")
        )
        self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Walking isochrones"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of isochrones")))
        self.addOutput(QgsProcessingOutputNumber("NOT_ROUTABLE", tr("Points off the walking network")))

    def run_algorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        check_not_empty(source, tr("Starting points"))
        minutes = parse_minutes(self.parameterAsString(parameters, self.MINUTES, context))
        id_name = self.parameterAsString(parameters, self.ID_FIELD, context)
        id_index = field_index(source, id_name, tr("Starting points")) if id_name else -1

        points, skipped = self._points(source, id_index, context, feedback)
        if not points:
            raise InputError(tr("No starting point has a usable geometry."))
        if skipped:
            feedback.pushWarning(tr("{n} feature(s) without geometry skipped.").format(n=skipped))
        total = len(points) * len(minutes)
        if total > 300:
            feedback.pushInfo(
                tr("{n} isochrones to compute: about {minutes:.0f} min at 5 requests per second.").format(
                    n=total, minutes=total / ISOCHRONE_RATE / 60
                )
            )
        clients = open_clients(feedback)
        results, not_routable, done = [], [], 0
        for source_id, lon, lat in points:
            for value in minutes:
                check_canceled(feedback)
                try:
                    isochrone = clients.ign.isochrone(lon, lat, value, is_canceled=feedback)
                except PointNotRoutableError as error:
                    not_routable.append(source_id)
                    feedback.pushWarning(tr("Point {id}: {message}").format(id=source_id, message=error))
                    done += len(minutes) - minutes.index(value)
                    break
                geometry = geometry_from_geojson(isochrone.geometry)
                if geometry is not None:
                    geometry.convertToMultiType()
                    results.append(
                        (
                            geometry,
                            {
                                "source_id": source_id,
                                "minutes": value,
                                "lon": lon,
                                "lat": lat,
                                "profile": isochrone.profile,
                                "resource": isochrone.resource,
                                "resource_version": isochrone.resource_version,
                            },
                        )
                    )
                done += 1
                feedback.setProgress(95 * done / total)
        if not results:
            raise InputError(
                tr(
                    "None of the {n} point(s) could be reached on the IGN walking network: move them onto "
                    "streets or paths."
                ).format(n=len(points))
            )
        if not_routable:
            feedback.pushWarning(
                tr("{n} point(s) off the walking network were left out: {ids}.").format(
                    n=len(not_routable), ids=", ".join(not_routable[:10])
                )
            )
        results.sort(key=lambda item: -item[1]["minutes"])  # the largest first, drawn below
        names = [name for name, _ in OUTPUT_FIELDS]
        schema = Schema(names, names, [kind for _, kind in OUTPUT_FIELDS])
        rows = [(geometry, schema.attributes(values)) for geometry, values in results]
        dest_id = write_sink(
            self,
            parameters,
            self.OUTPUT,
            context,
            schema.fields(),
            QgsWkbTypes.Type.MultiPolygon,
            WGS84,
            rows,
        )
        feedback.pushInfo(tr("{n} isochrone(s) written.").format(n=len(rows)))
        apply_style(context, dest_id, "perimeter", tr("Walking isochrones"))
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "COUNT": len(rows), "NOT_ROUTABLE": len(not_routable)}

    @staticmethod
    def _points(source, id_index, context, feedback):
        """(source id, lon, lat) of every feature, and the number without geometry."""
        transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
        points, skipped = [], 0
        for feature in source.getFeatures():
            check_canceled(feedback)
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                skipped += 1
                continue
            try:
                point = transform.transform(geometry.centroid().asPoint())
            except QgsCsException:
                skipped += 1
                continue
            value = feature.attributes()[id_index] if id_index >= 0 else feature.id()
            source_id = "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
            points.append((source_id, round(point.x(), 7), round(point.y(), 7)))
        return points, skipped
