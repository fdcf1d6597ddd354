"""``ville_numerique:connectivity`` — fixed broadband (ARCEP) and 4G coverage per unit.

Thin: the files are found or downloaded here, everything else is in
``core.arcep`` (buildings, eligibility, shares) and ``core.arcep_mobile``
(4G coverage).
"""

import math
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPoint,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core import about, arcep
from ..core.arcep_mobile import cached_coverage, file_identity, operators_at, read_coverage
from ..core.arcep_sources import ArcepClient, is_url, local_edition, local_source
from ..core.errors import DataError, InputError
from ..core.i18n import tr
from .base import BaseAlgorithm
from .compat import make_field
from .coverage import number, write_json_atomically
from .layers import WGS84, check_not_empty, metric_crs
from .open_data import advanced, check_canceled, open_clients, progress_callback
from .parameters import POPULATION_HINT
from .styles import apply_style, default_layer_name

MOBILE_FIELDS = ("mobile_ops_tbc", "mobile_ops_any")
MAX_RADIUS_M = 5000.0


def file_list(alg, parameters, name, context):
    """Files, URLs or layer sources of a multiple-file parameter."""
    items = alg.parameterAsFileList(parameters, name, context) or []
    if not items and parameters.get(name):
        raw = parameters[name]
        items = raw if isinstance(raw, (list, tuple)) else [raw]
    return [str(item).strip() for item in items if str(item or "").strip()]


def layer_bbox(source, context, margin_m=0.0):
    """WGS 84 bounding box of a feature source, widened by ``margin_m``."""
    transform = QgsCoordinateTransform(source.sourceCrs(), WGS84, context.transformContext())
    try:
        rect = transform.transformBoundingBox(source.sourceExtent())
    except QgsCsException:
        raise InputError(tr("The population layer cannot be placed in WGS 84: check its CRS.")) from None
    lat = (rect.yMinimum() + rect.yMaximum()) / 2.0
    d_lat = margin_m / 111_320.0
    d_lon = margin_m / (111_320.0 * max(math.cos(math.radians(lat)), 0.1))
    return (rect.xMinimum() - d_lon, rect.yMinimum() - d_lat, rect.xMaximum() + d_lon, rect.yMaximum() + d_lat)


class ConnectivityAlgorithm(BaseAlgorithm):
    NAME = "connectivity"
    GROUP_ID = "analysis"

    POPULATION = "POPULATION"
    RADIUS = "RADIUS"
    BUILDINGS = "BUILDINGS"
    ELIGIBILITY = "ELIGIBILITY"
    MOBILE = "MOBILE"
    DEPARTMENTS = "DEPARTMENTS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    GUI_DEFAULTS = {
        POPULATION: POPULATION_HINT,
    }

    def displayName(self):  # noqa: N802
        return tr("Broadband and mobile coverage (ARCEP)")

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterFeatureSource(
            self.POPULATION, tr("Population units (grid cells, IRIS… or points)"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
        )
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.RADIUS, tr("Radius around points (metres)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=100.0, minValue=1.0, maxValue=MAX_RADIUS_M,
        )
        param.setHelp(tr("Points only: the buildings within this distance make the unit."))
        self.addParameter(param)
        for name, label, help_text in (
            (self.BUILDINGS, tr("ARCEP buildings (base_imb files or addresses)"),
             tr("base_imb_<département>.csv.gz files (.csv, .csv.gz or .7z) or their addresses; "
                "downloaded from data.arcep.fr for the area's départements when empty.")),
            (self.ELIGIBILITY, tr("ARCEP eligibility (files or addresses)"),
             tr("actuel_<département>.csv.gz files (.csv, .csv.gz or .7z) or their addresses; "
                "downloaded from data.arcep.fr for the area's départements when empty.")),
            (self.MOBILE, tr("4G coverage of Mon réseau mobile (files or addresses, optional)"),
             tr("One GeoPackage (.gpkg or .gpkg.7z) per operator, 4G data. Large files: they are read "
                "once and the part covering the area is kept in the cache.")),
        ):
            param = QgsProcessingParameterMultipleLayers(name, label, QgsProcessing.SourceType.TypeFile,
                                                         optional=True)
            param.setHelp(help_text)
            self.addParameter(param)
        param = QgsProcessingParameterString(self.DEPARTMENTS, tr("Départements to download"), optional=True)
        param.setHelp(tr("e.g. 62, 59. When empty, found from the communes under the population layer."))
        self.addParameter(advanced(param))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Connectivity")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.SUMMARY, tr("Summary (JSON)"), fileFilter=tr("JSON files (*.json)"),
            optional=True, createByDefault=True,
        ))
        self.addOutput(QgsProcessingOutputNumber("PREMISES_TOTAL", tr("Premises in the units")))
        self.addOutput(QgsProcessingOutputNumber("SHARE_NO_THD", tr("Share of premises without 30 Mbit/s")))

    # ------------------------------------------------------------------
    def run_algorithm(self, parameters, context, feedback):
        population = self.parameterAsSource(parameters, self.POPULATION, context)
        check_not_empty(population, tr("Population"))
        is_points = QgsWkbTypes.geometryType(population.wkbType()) == QgsWkbTypes.GeometryType.PointGeometry
        radius = self.parameterAsDouble(parameters, self.RADIUS, context) or 100.0
        bbox = layer_bbox(population, context, radius + 50.0 if is_points else 50.0)
        building_refs = file_list(self, parameters, self.BUILDINGS, context)
        eligibility_refs = file_list(self, parameters, self.ELIGIBILITY, context)
        mobile_refs = file_list(self, parameters, self.MOBILE, context)
        clients = None
        editions = []
        with tempfile.TemporaryDirectory(prefix="arcep_", dir=QgsProcessingUtils.tempFolder()) as folder:
            if not building_refs or not eligibility_refs:
                clients = open_clients(feedback)
                deps = self._departements(parameters, context, feedback, clients, bbox)
                arcep_client = ArcepClient(clients.http)
                building_refs = building_refs or [arcep_client.buildings_url(d) for d in deps]
                eligibility_refs = eligibility_refs or [arcep_client.eligibility_url(d) for d in deps]
            building_paths = self._resolve(building_refs, folder, feedback, clients, editions, 0, 15)
            eligibility_paths = self._resolve(eligibility_refs, folder, feedback, clients, editions, 15, 20)
            feedback.pushInfo(tr("Reading the buildings…"))
            buildings = arcep.read_buildings(building_paths, bbox, progress=lambda f: feedback.setProgress(35 + 10 * f),
                                             is_canceled=feedback)
            feedback.pushInfo(
                tr("{kept} building(s) in the area out of {read} read.").format(
                    kept=len(buildings), read=buildings.n_read)
            )
            if buildings.n_no_premises:
                feedback.pushWarning(
                    tr("{n} building(s) without a number of premises (imb_nbr_logloc) counted as 0.").format(
                        n=buildings.n_no_premises)
                )
            feedback.pushInfo(tr("Reading the eligibility rows (one per building, operator and technology)…"))
            eligibility = arcep.read_eligibility(
                eligibility_paths, buildings, progress=lambda f: feedback.setProgress(45 + 25 * f), is_canceled=feedback
            )
            feedback.pushInfo(
                tr("{rows} eligibility row(s) read, {matched} for the buildings of the area.").format(
                    rows=eligibility.n_rows, matched=eligibility.n_matched)
            )
            if eligibility.unknown_classes:
                feedback.pushWarning(tr("Unknown speed classes, counted as no speed: {classes}.").format(
                    classes=", ".join(sorted(eligibility.unknown_classes))))
            if not len(buildings):
                feedback.pushWarning(tr("No ARCEP building lies under the population layer: check that the files "
                                        "are those of its département(s)."))
            units = self._units(population, context, feedback)
            members = self._members(units, buildings, population, context, feedback, is_points, radius)
            indicators = arcep.unit_indicators(len(units["ids"]), members[0], members[1], buildings.premises,
                                               eligibility.flags)
            mobile, mobile_editions = self._mobile(mobile_refs, units, bbox, folder, feedback, clients)
        feedback.setProgress(85)
        columns = [("premises", "longlong", indicators["premises"])]
        columns += [(name, "double", indicators[name]) for name in arcep.UNIT_FIELDS[1:]]
        columns += [(name, "int", mobile[k] if mobile is not None else None) for k, name in enumerate(MOBILE_FIELDS)]
        dest_id = self._write(parameters, context, feedback, population, units, columns)
        in_units = np.unique(members[1])
        area = arcep.area_indicators(buildings.premises[in_units], eligibility.flags[in_units])
        summary = self._summary(area, units, indicators, buildings, eligibility, mobile, mobile_editions, editions,
                                is_points, radius)
        outputs = {self.OUTPUT: dest_id, "PREMISES_TOTAL": area["premises_total"],
                   "SHARE_NO_THD": area["share_no_thd"]}
        summary_path = self.parameterAsFileOutput(parameters, self.SUMMARY, context)
        if summary_path:
            write_json_atomically(summary_path, summary)
            outputs[self.SUMMARY] = summary_path
        apply_style(context, dest_id, "connectivity", default_layer_name("connectivity"))
        if area["share_no_thd"] is not None:
            feedback.pushInfo(tr("{premises} premises; {share:.1%} without a line at 30 Mbit/s or more "
                                 "(satellite not counted).").format(premises=area["premises_total"],
                                                                    share=area["share_no_thd"]))
        feedback.setProgress(100)
        return outputs

    # ------------------------------------------------------------------
    def _departements(self, parameters, context, feedback, clients, bbox):
        text = self.parameterAsString(parameters, self.DEPARTMENTS, context)
        if text and text.strip():
            return arcep.parse_departements(text)
        feedback.pushInfo(tr("Finding the départements of the area from the IGN commune layer…"))
        features = clients.ign.communes(bbox=bbox, is_canceled=feedback)
        codes = [str((f.get("properties") or {}).get("code_insee") or "") for f in features]
        deps = arcep.departements_of([c for c in codes if c])
        if not deps:
            raise DataError(tr("No commune found under the population layer: give the départements "
                               "(e.g. 62) or the ARCEP files."))
        feedback.pushInfo(tr("Départements: {deps}.").format(deps=", ".join(deps)))
        return deps

    @staticmethod
    def _resolve(references, folder, feedback, clients, editions, start, span):
        """Local paths of ARCEP files given as paths, .7z archives or addresses."""
        paths = []
        step = span / max(len(references), 1)
        for k, reference in enumerate(references):
            check_canceled(feedback)
            if is_url(reference):
                if clients is None:
                    clients = open_clients(feedback)
                feedback.pushInfo(tr("Downloading {url}…").format(url=reference))
                path, edition = ArcepClient(clients.http).download(
                    reference, folder, progress=progress_callback(feedback, start + k * step, step),
                    is_canceled=feedback)
            else:
                path = local_source(reference, folder, is_canceled=feedback)
                edition = local_edition(reference)
            editions.append(edition)
            paths.append(path)
        return paths

    @staticmethod
    def _units(population, context, feedback):
        """Ids, geometries (layer CRS) and WGS 84 centroids of the population units."""
        to_wgs84 = QgsCoordinateTransform(population.sourceCrs(), WGS84, context.transformContext())
        ids, geometries, lon, lat = [], [], [], []
        for feature in population.getFeatures():
            check_canceled(feedback)
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                continue
            try:
                centre = to_wgs84.transform(geometry.centroid().asPoint())
            except QgsCsException:
                continue
            ids.append(feature.id())
            geometries.append(QgsGeometry(geometry))
            lon.append(centre.x())
            lat.append(centre.y())
        if not ids:
            raise InputError(tr("No population unit has a usable geometry."))
        return {"ids": ids, "geometries": geometries, "lon": np.array(lon), "lat": np.array(lat)}

    @staticmethod
    def _members(units, buildings, population, context, feedback, is_points, radius):
        """(unit, building) pairs: buildings inside the polygons, or within ``radius`` of the points."""
        lon, lat = buildings.lonlat()
        if is_points:
            crs, _name = metric_crs([population], context)
            to_metric = QgsCoordinateTransform(WGS84, crs, context.transformContext())
            unit_xy = [to_metric.transform(QgsPointXY(x, y)) for x, y in zip(units["lon"], units["lat"])]
            building_xy = [to_metric.transform(QgsPointXY(x, y)) for x, y in zip(lon, lat)]
            return arcep.buildings_within([(p.x(), p.y()) for p in unit_xy], [(p.x(), p.y()) for p in building_xy],
                                          radius)
        to_layer = QgsCoordinateTransform(WGS84, population.sourceCrs(), context.transformContext())
        xs, ys = np.empty(len(lon)), np.empty(len(lon))
        for k, (x, y) in enumerate(zip(lon, lat)):
            point = to_layer.transform(QgsPointXY(x, y))
            xs[k], ys[k] = point.x(), point.y()
        order = np.argsort(xs)
        sorted_x = xs[order]
        pairs_unit, pairs_building = [], []
        for u, geometry in enumerate(units["geometries"]):
            if u % 200 == 0:
                check_canceled(feedback)
            box = geometry.boundingBox()
            lo, hi = np.searchsorted(sorted_x, [box.xMinimum(), box.xMaximum()], side="left")
            candidates = order[lo:hi + 1 if hi < len(order) else hi]
            candidates = candidates[(ys[candidates] >= box.yMinimum()) & (ys[candidates] <= box.yMaximum())]
            if not candidates.size:
                continue
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            for b in candidates:
                if engine.intersects(QgsPoint(float(xs[b]), float(ys[b]))):
                    pairs_unit.append(u)
                    pairs_building.append(int(b))
        return np.array(pairs_unit, dtype=np.int64), np.array(pairs_building, dtype=np.int64)

    @staticmethod
    def _mobile(references, units, bbox, folder, feedback, clients):
        """(ops_tbc, ops_any) per unit and the editions of the coverage files; (None, []) without files."""
        if not references:
            return None, []
        if clients is None:
            clients = open_clients(feedback)
        cache_dir = clients.http.settings.cache_dir
        features, editions = [], []
        for reference in references:
            check_canceled(feedback)
            if not is_url(reference) and not Path(reference).is_file():
                raise DataError(tr("The file {path} does not exist.").format(path=reference))
            identity = reference if is_url(reference) else file_identity(reference)
            coverage = cached_coverage(cache_dir, identity, bbox, reference)
            if coverage is None:
                archive = reference
                if is_url(reference):
                    feedback.pushInfo(tr("Downloading {url} once (a large file): its part covering the area "
                                         "is then kept in the cache.").format(url=reference))
                    archive = Path(folder) / (Path(reference.split("?")[0]).name or "coverage.gpkg")
                    clients.http.download(reference, archive, progress=progress_callback(feedback, 70, 10),
                                          is_canceled=feedback, cache=False)
                path = local_source(archive, folder, suffixes=(".gpkg", ".shp", ".geojson"), is_canceled=feedback)
                coverage = read_coverage(path, bbox, cache_dir, feedback, identity=identity)
            else:
                feedback.pushInfo(tr("{name}: the part covering the area is taken from the cache.").format(
                    name=Path(reference.split("?")[0]).name))
            if coverage.skipped:
                feedback.pushInfo(tr("{name}: features left out (not 4G data): {details}.").format(
                    name=Path(reference).name,
                    details=", ".join("{} {}".format(k, v) for k, v in sorted(coverage.skipped.items()))))
            if not coverage.features:
                feedback.pushWarning(
                    tr("{name} has no 4G data coverage in the area.").format(name=Path(reference).name))
            features += coverage.features
            editions.append(coverage.edition())
        tbc, anywhere = operators_at(units["lon"], units["lat"], features)
        return (tbc, anywhere), editions

    def _write(self, parameters, context, feedback, population, units, columns):
        added = QgsFields()
        for name, kind, _ in columns:
            added.append(make_field(name, kind))
        fields = QgsFields()
        kept = []
        for index, input_field in enumerate(population.fields()):
            if added.lookupField(input_field.name()) >= 0:
                feedback.pushWarning(tr("Field '{name}' of the population layer replaced by the new result.").format(
                    name=input_field.name()))
                continue
            fields.append(input_field)
            kept.append(index)
        for f in added:
            fields.append(f)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, population.wkbType(),
                                             population.sourceCrs())
        if sink is None:
            raise InputError(tr("The output layer could not be created."))
        row_of = {fid: row for row, fid in enumerate(units["ids"])}
        for feature in population.getFeatures():
            check_canceled(feedback)
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            values_in = feature.attributes()  # once per feature: each call copies every value
            attributes = [values_in[i] for i in kept]
            row = row_of.get(feature.id())
            for _name, kind, values in columns:
                value = None if row is None or values is None else values[row]
                if value is None or (isinstance(value, float) and not math.isfinite(value)):
                    attributes.append(None)
                elif kind in ("int", "longlong"):
                    attributes.append(int(value))
                else:
                    attributes.append(number(value))
            out.setAttributes(attributes)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return dest_id

    @staticmethod
    def _summary(area, units, indicators, buildings, eligibility, mobile, mobile_editions, editions, is_points,
                 radius):
        summary = dict(area)
        summary["units"] = len(units["ids"])
        summary["units_with_premises"] = int(np.isfinite(indicators["premises"]).sum())
        summary["unit_kind"] = "points" if is_points else "polygons"
        if is_points:
            summary["radius_m"] = radius
        summary["buildings"] = {
            "in_bbox": len(buildings), "read": buildings.n_read, "without_premises": buildings.n_no_premises,
            "without_eligibility_row": int(((eligibility.flags & arcep.FLAG_ROW) == 0).sum()),
        }
        summary["eligibility_rows"] = {"read": eligibility.n_rows, "in_area": eligibility.n_matched}
        summary["fixed_operators"] = eligibility.operator_summary()
        if mobile is not None:
            tbc, anywhere = mobile
            summary["mobile"] = {
                "operators": sorted({op for e in mobile_editions for op in e["operators"]}),
                "units_without_good_4g": int((tbc == 0).sum()),
                "mean_ops_tbc": round(float(tbc.mean()), 4) if tbc.size else None,
                "mean_ops_any": round(float(anywhere.mean()), 4) if anywhere.size else None,
            }
        summary["sources"] = editions + mobile_editions
        summary["definitions"] = {
            "share_no_thd": "premises with no row other than satellite at THD30 or better / premises",
            "share_below_8": "premises with no row other than satellite at BHD8 or better / premises",
            "share_wired_30": "premises with a FO, COAX or CU row at THD30 or better / premises",
            "share_ftth": "premises of buildings with a FO row / premises",
        }
        summary["plugin"] = {"name": about.PLUGIN_ID, "version": about.version()}
        summary["qgis_version"] = Qgis.QGIS_VERSION
        summary["generated_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return summary
