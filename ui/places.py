"""Communes and stations the Territory section offers (offline sample or found online).

A :class:`Place` keeps its geometry in its own CRS; the panel asks it for a
point in another CRS (to sort stations by distance) or to write itself as a
one-point layer in a metric CRS, the input of the perimeter algorithms.
"""

import re
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.crs import metric_crs_for_extent
from ..core.errors import InputError
from ..core.i18n import tr

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")

SOURCE_SAMPLE = "sample"  # communes of the offline sample (ADMIN EXPRESS)
SOURCE_IGN = "ign"  # communes found by the IGN geocoder (a point, no boundary yet)
SOURCE_SNCF = "sncf"  # stations of the offline sample (SNCF open data)
SOURCE_BDTOPO = "bdtopo"  # stations of IGN's BD TOPO, fetched online


@dataclass(eq=False)
class Place:
    name: str
    code: str  # INSEE code of a commune; UIC code or BD TOPO cleabs of a station
    town: str  # the commune of a station; the context (department, region) of a commune found online
    geometry: QgsGeometry
    crs: QgsCoordinateReferenceSystem
    source: str

    def point(self, crs, project=None):
        """The centroid (a point on the surface for polygons) in ``crs``, or None."""
        if self.geometry is None or self.geometry.isNull() or self.geometry.isEmpty():
            return None
        polygon = self.geometry.type() == QgsWkbTypes.GeometryType.PolygonGeometry
        geometry = self.geometry.pointOnSurface() if polygon else self.geometry.centroid()
        if crs != self.crs:
            transform = QgsCoordinateTransform(self.crs, crs, project or QgsProject.instance())
            try:
                geometry.transform(transform)
            except QgsCsException:
                return None
        return geometry

    def write_point(self, path, project=None):
        """Write the place as a one-point GeoPackage (fields ``name``, ``code``) in a metric CRS.

        The CRS is Lambert-93 in metropolitan France, else the local metric CRS
        (``core.crs``), so that a buffer of N metres is N metres. Returns ``path``.
        """
        wgs84 = self.point(WGS84, project)
        if wgs84 is None:
            raise InputError(tr("The station {name} has no usable position.").format(name=self.name))
        lon, lat = wgs84.asPoint().x(), wgs84.asPoint().y()
        epsg, _name = metric_crs_for_extent(lon, lat, lon, lat)
        metric = QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))
        point = self.point(metric, project)
        layer = QgsVectorLayer("Point?crs=EPSG:{}&field=name:string&field=code:string".format(epsg),
                               "station", "memory")
        feature = QgsFeature(layer.fields())
        feature.setGeometry(point)
        feature.setAttributes([self.name, self.code])
        layer.dataProvider().addFeatures([feature])
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        context = (project or QgsProject.instance()).transformContext()
        result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), context, options)
        if result[0] != QgsVectorFileWriter.WriterError.NoError:
            raise InputError(tr("The station could not be written to {path}: {error}").format(
                path=path, error=result[1]))
        return str(path)


_SAINT = re.compile(r"\b(Ste|St)(?:-|\.-?|\.?\s+)(?=[A-ZÀ-ÖØ-Þ])")


def expand_saint(name):
    """SNCF abbreviations written out, as in the official names: ``St-Omer`` → ``Saint-Omer``.

    ``St-``, ``St.``, ``St `` (then a capital) become ``Saint-``; ``Ste…`` become
    ``Sainte-``. Other words are left alone (``Stade``, ``Stains``, ``Gare St``).
    """
    return _SAINT.sub(lambda match: "Sainte-" if match.group(1) == "Ste" else "Saint-", str(name))
