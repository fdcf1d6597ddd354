"""``ville_numerique:fragility_ifn`` — the national digital-fragility index (IFN) on grid cells.

The IFN (La MedNum / ANSA) is published per IRIS; the population grid is in
200 m cells. Each cell takes the area-weighted mean of the IFN of the IRIS it
overlaps, rescaled to 0–10 (``core.fragility.spread_to_cells``); the result
feeds ``ville_numerique:coverage`` through ``FRAGILITY_FIELD=fragility``.
"""

import numpy as np
from qgis.core import (
    QgsCsException,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..core.crs import legal_crs_warning
from ..core.errors import CanceledError, InputError
from ..core.fragility import IFN_SCORE_COLUMNS, default_ifn_column, ifn_values_unusable, spread_to_cells
from ..core.i18n import tr
from . import fast_io, fragility_fast
from .base import BaseAlgorithm
from .coverage import UnitWriter
from .fragility_fast import overlay_cell
from .layers import (
    POLYGONS,
    check_geometry_type,
    check_not_empty,
    feature_geometry_ok,
    field_index,
    make_transform,
    metric_crs,
    plain,
    to_float,
)
from .parameters import POPULATION_HINT, LayerHint


class _Cells:
    """The ids of the population units in read order (what UnitWriter expects)."""

    def __init__(self, ids):
        self.pop_ids = ids


class FragilityIfnAlgorithm(BaseAlgorithm):
    NAME = "fragility_ifn"
    GROUP_ID = "analysis"
    POPULATION = "POPULATION"
    ZONES = "ZONES"
    ZONE_CODE_FIELD = "ZONE_CODE_FIELD"
    TABLE = "TABLE"
    TABLE_CODE_FIELD = "TABLE_CODE_FIELD"
    TABLE_VALUE_FIELD = "TABLE_VALUE_FIELD"
    RESCALE = "RESCALE"
    OUTPUT = "OUTPUT"

    GUI_DEFAULTS = {
        POPULATION: LayerHint((POLYGONS,), POPULATION_HINT.fields, numeric=True, avoid_fields=("score",)),
        ZONES: LayerHint((POLYGONS,), ("code_iris",)),
        TABLE: LayerHint((), ("Code Iris",)),
    }

    def displayName(self):  # noqa: N802
        return tr("Digital fragility index (IFN) on population units")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION, tr("Population units (polygons, e.g. the INSEE 200 m grid)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("IRIS contours (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_CODE_FIELD, tr("IRIS code field of the contours"), defaultValue="code_iris",
            parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TABLE, tr("IFN table (one row per IRIS)"), [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterField(
            self.TABLE_CODE_FIELD, tr("IRIS code field of the table"), defaultValue="Code Iris",
            parentLayerParameterName=self.TABLE, optional=True))
        param = QgsProcessingParameterField(
            self.TABLE_VALUE_FIELD, tr("IFN score field of the table"),
            parentLayerParameterName=self.TABLE, optional=True)
        param.setHelp(tr("Empty: the first of {columns} found in the table.").format(
            columns=", ".join(IFN_SCORE_COLUMNS)))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterBoolean(
            self.RESCALE, tr("Rescale the IFN (100 = reference) to 0–10"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Population with fragility")))

    def run_algorithm(self, parameters, context, feedback):
        population = self.parameterAsSource(parameters, self.POPULATION, context)
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        table = self.parameterAsSource(parameters, self.TABLE, context)
        check_not_empty(population, tr("Population"))
        check_not_empty(zones, tr("IRIS contours"))
        check_geometry_type(population, (POLYGONS,), tr("Population"))
        check_geometry_type(zones, (POLYGONS,), tr("IRIS contours"))
        if table is None or table.featureCount() == 0:
            raise InputError(tr("The layer '{label}' has no feature.").format(label=tr("IFN table")))
        zone_field = self.parameterAsString(parameters, self.ZONE_CODE_FIELD, context) or "code_iris"
        code_field = self.parameterAsString(parameters, self.TABLE_CODE_FIELD, context) or "Code Iris"
        value_field = self.parameterAsString(parameters, self.TABLE_VALUE_FIELD, context)
        if not value_field:
            value_field = default_ifn_column(table.fields().names())
            if value_field is None:
                raise InputError(tr("The IFN table has none of the score columns {columns}: choose the score "
                                    "field.").format(columns=", ".join(IFN_SCORE_COLUMNS)))
            feedback.pushInfo(tr("IFN score read from the column '{name}'.").format(name=value_field))
        zone_index = field_index(zones, zone_field, tr("IRIS contours"))
        code_index = field_index(table, code_field, tr("IFN table"))
        value_index = field_index(table, value_field, tr("IFN table"))

        table_codes, table_values = [], []
        for feature in table.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
            table_codes.append(plain(feature.attributes()[code_index]))
            table_values.append(to_float(feature.attributes()[value_index]))

        unusable = ifn_values_unusable(table_values, self.parameterAsBoolean(parameters, self.RESCALE, context))
        if unusable:
            feedback.pushWarning(
                tr("{n} row(s) of the IFN table have a score that is empty, not a finite number or not "
                   "positive: those IRIS count as without score.").format(n=unusable))

        # the population's extent only chooses the projection (issue 15)
        crs, crs_name = metric_crs([population], context, [tr("Population")])
        warning = legal_crs_warning(crs.authid(), crs_name)
        if warning:
            feedback.pushWarning(warning)
        zone_transform = make_transform(zones.sourceCrs(), crs, context, tr("IRIS contours"))
        zone_geometries, zone_codes, index = {}, {}, QgsSpatialIndex()
        zones_polygons = QgsWkbTypes.geometryType(zones.wkbType()) == POLYGONS
        skipped_zones = 0
        for feature in zones.getFeatures():
            if feedback.isCanceled():
                raise CanceledError(tr("Canceled."))
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            if not zones_polygons:
                feature_geometry_ok(geometry, (POLYGONS,), tr("IRIS contours"))
            try:
                geometry.transform(zone_transform)
            except QgsCsException:
                skipped_zones += 1
                continue
            zone_geometries[feature.id()] = geometry
            zone_codes[feature.id()] = plain(feature.attributes()[zone_index])
            index.addFeature(feature.id(), geometry.boundingBox())
        feedback.setProgress(20)

        if skipped_zones:
            feedback.pushWarning(tr("{n} IRIS contour(s) cannot be placed in {crs} and are left out.").format(
                n=skipped_zones, crs=crs.authid()))
        cell_transform = make_transform(population.sourceCrs(), crs, context, tr("Population"))
        cells_polygons = QgsWkbTypes.geometryType(population.wkbType()) == POLYGONS
        overlay = None
        spec = fast_io.layer_spec(self, parameters, self.POPULATION, context) if cells_polygons else None
        if spec is not None:
            try:
                overlay = fragility_fast.overlay_bulk(spec, population, crs, context, feedback, cell_transform,
                                                      index, zone_geometries, zone_codes, 20, 60)
            except fast_io.FallbackError as why:
                fast_io.log("per-feature overlay: {!r}".format(why))
        if overlay is None:
            overlay = self._overlay_features(population, cells_polygons, cell_transform, index, zone_geometries,
                                             zone_codes, feedback)
        ids, cells, codes, areas, cell_areas = overlay

        rescale = self.parameterAsBoolean(parameters, self.RESCALE, context)
        result = spread_to_cells(len(ids), np.asarray(cells, dtype=np.int64), codes, np.asarray(areas, dtype=float),
                                 table_codes, np.array(table_values), rescale=rescale,
                                 cell_area=np.asarray(cell_areas, dtype=float))
        if result.unmatched_codes:
            feedback.pushWarning(tr("{n} IRIS code(s) of the contours are not in the table: {codes}.").format(
                n=len(result.unmatched_codes), codes=", ".join(result.unmatched_codes[:10])))
        unknown = int(np.isnan(result.value).sum())
        if unknown == len(ids):
            raise InputError(tr("No population unit overlaps an IRIS of the table: check the codes and the CRS."))
        if unknown:
            feedback.pushWarning(tr("{n} unit(s) overlap no IRIS with a known score: fragility left empty.").format(
                n=unknown))
        columns = [("fragility", "double", result.value), ("fragility_known_share", "double", result.known_share)]
        writer = UnitWriter(self, parameters, context, feedback, _Cells(ids), columns, self.OUTPUT)
        return {self.OUTPUT: writer.write(feedback, 80, 20), "UNITS_WITHOUT_SCORE": unknown}

    @staticmethod
    def _overlay_features(population, cells_polygons, cell_transform, index, zone_geometries, zone_codes,
                          feedback):
        """The reference overlay: one ``QgsGeometry`` per cell, one GEOS intersection per zone it meets."""
        ids, cells, codes, areas, cell_areas = [], [], [], [], []
        total = max(population.featureCount(), 1)
        for count, feature in enumerate(population.getFeatures(QgsFeatureRequest().setNoAttributes())):
            if feedback.isCanceled():
                raise CanceledError(tr("Canceled."))
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            if not cells_polygons:
                feature_geometry_ok(geometry, (POLYGONS,), tr("Population"))
            area = overlay_cell(geometry, cell_transform, index, zone_geometries, zone_codes, len(ids), cells,
                                codes, areas)
            if area is None:
                continue  # not in ids: written with empty results, like a unit without geometry
            ids.append(feature.id())
            cell_areas.append(area)
            if count % 1000 == 0:
                feedback.setProgress(20 + 60 * count / total)
        return ids, cells, codes, areas, cell_areas
