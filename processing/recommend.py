"""``ville_numerique:recommend_sites`` — the best sites for K new services."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.coverage import FALLBACK_THRESHOLD
from ..core.errors import CanceledError, InputError
from ..core.files import write_json_atomically
from ..core.i18n import tr
from ..core.inputs import check_category_keys, normalise_code
from ..core.recommend import candidate_grid, greedy_max_cover, priority_weights
from . import fast_io
from .base import BaseAlgorithm
from .compat import make_field
from .coverage import metadata
from .coverage_inputs import CoverageInputsMixin
from .defaults import default_thresholds_metres
from .layers import POINTS, read_points
from .styles import apply_style, default_layer_name


class RecommendSitesAlgorithm(CoverageInputsMixin, BaseAlgorithm):
    NAME = "recommend_sites"
    GROUP_ID = "analysis"
    CATEGORY = "CATEGORY"
    CANDIDATES = "CANDIDATES"
    GRID_SPACING = "GRID_SPACING"
    K = "K"
    THRESHOLD = "THRESHOLD"
    USE_FRAGILITY = "USE_FRAGILITY"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return tr("Recommend sites for new services")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_population_parameters()
        self.add_services_parameters(optional=True)
        self.addParameter(QgsProcessingParameterString(
            self.CATEGORY, tr("Category of the new services"), defaultValue="epn"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, tr("Candidate sites (points) — a regular grid when empty"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.GRID_SPACING, tr("Spacing of the candidate grid (metres)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=200.0, minValue=10.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K, tr("Number of sites to choose"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=2, minValue=1, maxValue=1000))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, tr("Walking distance covered by a site (metres; 0 = the category's default)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.USE_FRAGILITY, tr("Weight the population by its fragility"), defaultValue=True))
        self.add_network_parameters()
        self.add_fragility_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Recommended sites"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.SUMMARY, tr("Summary (JSON)"), fileFilter=tr("JSON files (*.json)"),
            optional=True, createByDefault=True))

    def run_algorithm(self, parameters, context, feedback):
        code = normalise_code(self.parameterAsString(parameters, self.CATEGORY, context) or "epn")
        if not code:
            raise InputError(tr("Give the category of the new services (e.g. epn)."))
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context) or default_thresholds_metres().get(
            code, FALLBACK_THRESHOLD)
        k = self.parameterAsInt(parameters, self.K, context)
        inputs = self.read_coverage_inputs(parameters, context, feedback, require_services=False)
        check_category_keys({code: threshold}, {c for cats in inputs.categories for c in cats}, tr("Category"))
        engine = inputs.engine
        existing = np.array([code in cats for cats in inputs.categories], dtype=bool)
        existing_xy = inputs.svc_xy[existing] if len(inputs.svc_xy) else np.empty((0, 2))

        candidates, candidate_ids = self._candidates(parameters, context, feedback, inputs)
        use_fragility = self.parameterAsBoolean(parameters, self.USE_FRAGILITY, context)
        if use_fragility and inputs.fragility is None:
            feedback.pushWarning(tr("No fragility available: sites are chosen for the population alone."))
        weights = priority_weights(inputs.population, inputs.fragility if use_fragility else None)
        feedback.setProgress(50)

        canceled = feedback.isCanceled
        already = (engine.nearest(inputs.pop_xy, existing_xy, is_canceled=canceled) <= threshold
                   if len(existing_xy) else None)
        pairs = engine.pairs(inputs.pop_xy, candidates, threshold, is_canceled=canceled)
        if feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        feedback.setProgress(70)
        rec = greedy_max_cover(pairs, weights, k, already_covered=already, is_canceled=canceled)
        if len(rec) < k:
            feedback.pushWarning(
                tr("Only {n} site(s) add coverage: every other candidate covers nobody new.").format(n=len(rec))
            )
        newly = rec.newly_covered
        pop_gain = np.bincount(newly[newly >= 0], weights=inputs.population[newly >= 0], minlength=len(rec))

        fields = QgsFields()
        for name, kind in (("rank", "int"), ("candidate", "longlong"), ("category", "string"),
                           ("gain", "double"), ("cumulative_gain", "double"),
                           ("population_gain", "double"), ("threshold_m", "double")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.Point, inputs.crs)
        if sink is None:
            raise InputError(tr("The output layer could not be created."))
        sites = []
        for rank, site in enumerate(rec.sites):
            x, y = candidates[site]
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
            entry = {
                "rank": rank + 1,
                "candidate": int(candidate_ids[site]),
                "x": round(float(x), 2),
                "y": round(float(y), 2),
                "gain": round(float(rec.marginal_gain[rank]), 6),
                "cumulative_gain": round(float(rec.cumulative_gain[rank]), 6),
                "population_gain": round(float(pop_gain[rank]), 6),
            }
            sites.append(entry)
            feature.setAttributes([entry["rank"], entry["candidate"], code, entry["gain"],
                                   entry["cumulative_gain"], entry["population_gain"], float(threshold)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

        summary = {
            "category": code,
            "k": k,
            "threshold_m": float(threshold),
            "weighting": "population_x_fragility" if use_fragility and inputs.fragility is not None
            else "population",
            "candidates": int(len(candidates)),
            "existing_services": int(len(existing_xy)),
            "total_weight": round(rec.total_weight, 6),
            "weight_already_covered": round(float(weights[rec.already_covered].sum()), 6),
            "total_gain": round(rec.total_gain, 6),
            "sites": sites,
        }
        summary.update(metadata(inputs))
        summary["inputs"] = dict(inputs.inputs, candidates=self.input_record(parameters, self.CANDIDATES) or "grid")
        outputs = {self.OUTPUT: dest_id, "TOTAL_GAIN": summary["total_gain"]}
        apply_style(context, dest_id, "recommended", default_layer_name("recommended"))
        path = self.parameterAsFileOutput(parameters, self.SUMMARY, context)
        if path:
            write_json_atomically(path, summary)
            outputs[self.SUMMARY] = path
        for entry in sites:
            feedback.pushInfo(
                tr("Site {rank}: +{gain:.1f} weighted inhabitant(s) covered ({pop:.1f} inhabitants).").format(
                    rank=entry["rank"], gain=entry["gain"], pop=entry["population_gain"]
                )
            )
        feedback.setProgress(100)
        return outputs

    def _candidates(self, parameters, context, feedback, inputs):
        """Candidate points in the metric CRS and their ids (feature ids, or grid numbers)."""
        source = self.parameterAsSource(parameters, self.CANDIDATES, context)
        if source is not None:
            xy, _, ids, skipped = read_points(source, inputs.crs, context, feedback, [], 40, 5, explode=True,
                                              kinds=(POINTS,), label=tr("Candidate sites"),
                                              bulk=fast_io.layer_spec(self, parameters, self.CANDIDATES, context))
            if skipped:
                feedback.pushWarning(tr("{n} candidate(s) without geometry skipped.").format(n=len(skipped)))
            if len(xy) == 0:
                raise InputError(tr("No candidate site has a usable geometry."))
            return xy, np.asarray(ids)
        spacing = self.parameterAsDouble(parameters, self.GRID_SPACING, context)
        (xmin, ymin), (xmax, ymax) = inputs.pop_xy.min(axis=0), inputs.pop_xy.max(axis=0)
        grid = candidate_grid(xmin - spacing / 2, ymin - spacing / 2, xmax + spacing / 2, ymax + spacing / 2,
                              spacing)
        feedback.pushInfo(tr("{n} candidate sites on a {spacing:g} m grid.").format(n=len(grid), spacing=spacing))
        return grid, np.arange(len(grid))

