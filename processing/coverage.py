"""``ville_numerique:coverage`` — who is within reach of which digital service."""

import json
import math
import os
import re
import tempfile
import unicodedata
from datetime import datetime, timezone

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterDefinition,
)

from ..core import about
from ..core.coverage import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    compute_coverage,
    format_mapping,
    parse_mapping,
)
from ..core.errors import CanceledError, InputError
from ..core.i18n import tr
from ..core.services import split_categories
from .base import BaseAlgorithm
from .compat import make_field
from .layers import check_not_empty, field_index, metric_crs, read_points, to_float


def field_suffix(code):
    """A category code as a safe field-name suffix (ASCII, lowercase, ``_``)."""
    text = unicodedata.normalize("NFKD", code).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "cat"


def write_json_atomically(path, data):
    """Write ``data`` as JSON to ``path`` through a temporary file (no half-written file)."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, tmp = tempfile.mkstemp(suffix=".json.part", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=2, allow_nan=False)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


class CoverageAlgorithm(BaseAlgorithm):
    NAME = "coverage"
    GROUP_ID = "analysis"

    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    SERVICES = "SERVICES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    THRESHOLDS = "THRESHOLDS"
    WEIGHTS = "WEIGHTS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return tr("Digital services coverage")

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterFeatureSource(
            self.POPULATION,
            tr("Population (grid cells, IRIS, buildings… or points)"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
        )
        param.setHelp(tr("Population units; polygons are represented by their centroid."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.POPULATION_FIELD,
            tr("Population field"),
            defaultValue="ind",
            parentLayerParameterName=self.POPULATION,
            optional=True,  # QGIS 3.22 does not apply a field default when omitted
        )
        param.setHelp(tr("Number of inhabitants of each unit (INSEE grid: ind)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.SERVICES, tr("Digital services (points)"), [QgsProcessing.SourceType.TypeVectorPoint]
        )
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.CATEGORY_FIELD,
            tr("Category field"),
            defaultValue="categories",
            parentLayerParameterName=self.SERVICES,
            optional=True,
        )
        param.setHelp(tr("Category codes of each service, several separated by | (e.g. epn|wifi)."))
        self.addParameter(param)
        param = QgsProcessingParameterString(
            self.THRESHOLDS,
            tr("Walking distance thresholds (metres, per category)"),
            defaultValue=format_mapping(DEFAULT_THRESHOLDS),
        )
        param.setHelp(tr("category=metres separated by ; — categories not listed keep their default."))
        self.addParameter(param)
        param = QgsProcessingParameterString(
            self.WEIGHTS,
            tr("Category weights in the score"),
            defaultValue=format_mapping(DEFAULT_WEIGHTS),
        )
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Coverage")))
        param = QgsProcessingParameterFileDestination(
            self.SUMMARY,
            tr("Summary (JSON)"),
            fileFilter=tr("JSON files (*.json)"),
            optional=True,
            createByDefault=True,
        )
        self.addParameter(param)

    def run_algorithm(self, parameters, context, feedback):
        population = self.parameterAsSource(parameters, self.POPULATION, context)
        services = self.parameterAsSource(parameters, self.SERVICES, context)
        check_not_empty(population, tr("Population"))
        check_not_empty(services, tr("Digital services"))
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "ind"
        cat_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "categories"
        pop_index = field_index(population, pop_field, tr("Population"), numeric=True)
        cat_index = field_index(services, cat_field, tr("Digital services"))
        thresholds = parse_mapping(
            self.parameterAsString(parameters, self.THRESHOLDS, context), tr("Thresholds")
        )
        weights = parse_mapping(self.parameterAsString(parameters, self.WEIGHTS, context), tr("Weights"))

        crs, crs_name = metric_crs([population, services], context)
        feedback.pushInfo(
            tr("Distances measured in {crs} ({name}).").format(crs=crs.authid(), name=crs_name)
        )

        pop_xy, pop_values, pop_ids, pop_skipped = read_points(
            population, crs, context, feedback, [pop_index], 0, 40
        )
        svc_xy, svc_values, _, svc_skipped = read_points(
            services, crs, context, feedback, [cat_index], 40, 10
        )
        if pop_skipped:
            feedback.pushWarning(
                tr("{n} population unit(s) without geometry skipped (kept in the output with empty results).").format(
                    n=len(pop_skipped)
                )
            )
        if svc_skipped:
            feedback.pushWarning(
                tr("{n} service(s) without geometry skipped.").format(n=len(svc_skipped))
            )
        if len(pop_xy) == 0:
            raise InputError(
                tr("No population unit has a usable geometry: they are empty or cannot be placed "
                   "in {crs} from the layer's CRS {source}. Check the CRS of the layer.").format(
                    crs=crs.authid(), source=population.sourceCrs().authid()
                )
            )
        categories = [split_categories(v[0]) for v in svc_values]
        uncategorised = sum(1 for c in categories if not c)
        if uncategorised == len(categories):
            raise InputError(
                tr("No service has a category in field '{field}': fill it with codes such as epn, "
                   "france_services, conseiller_numerique, tiers_lieu, fablab, wifi.").format(field=cat_field)
            )
        if uncategorised:
            feedback.pushWarning(
                tr("{n} service(s) without category ignored.").format(n=uncategorised)
            )
        pop = np.array([to_float(v[0]) for v in pop_values], dtype=float)
        n_null_pop = int(np.isnan(pop).sum())
        if n_null_pop:
            feedback.pushWarning(
                tr("{n} population unit(s) with an empty population counted as 0.").format(n=n_null_pop)
            )
        if feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        feedback.setProgress(55)

        result = compute_coverage(pop_xy, pop, svc_xy, categories, thresholds=thresholds, weights=weights)
        codes = list(result.categories)
        feedback.setProgress(70)

        sink_fields, added = self._output_fields(population.fields(), codes, feedback)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, sink_fields, population.wkbType(), population.sourceCrs()
        )
        if sink is None:
            raise InputError(tr("The output layer could not be created."))
        row_of = {fid: row for row, fid in enumerate(pop_ids)}
        kept = [population.fields().lookupField(name) for name in sink_fields.names()[: len(sink_fields) - len(added)]]
        total = max(population.featureCount(), 1)
        for count, feature in enumerate(population.getFeatures()):
            if feedback.isCanceled():
                raise CanceledError(tr("Canceled."))
            out = QgsFeature(sink_fields)
            out.setGeometry(feature.geometry())
            attrs = [feature.attributes()[i] for i in kept]
            row = row_of.get(feature.id())
            for code in codes:
                if row is None:
                    attrs += [None, None]
                else:
                    r = result.categories[code]
                    d = r.distance[row]
                    attrs += [float(round(d, 2)) if math.isfinite(d) else None, int(r.covered[row])]
            attrs.append(None if row is None else float(round(result.score[row], 4)))
            out.setAttributes(attrs)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            if count % 1000 == 0:
                feedback.setProgress(70 + 25 * count / total)

        summary = result.summary()
        summary.update(
            {
                "distance_method": "straight_line",
                "distance_crs": {"authid": crs.authid(), "name": crs_name},
                "counts": {
                    "population_units": len(pop_ids),
                    "population_units_skipped_null_geometry": len(pop_skipped),
                    "population_units_null_population": n_null_pop,
                    "services": len(svc_xy),
                    "services_skipped_null_geometry": len(svc_skipped),
                    "services_without_category": uncategorised,
                },
                "inputs": {
                    "population": str(parameters.get(self.POPULATION)),
                    "population_field": pop_field,
                    "services": str(parameters.get(self.SERVICES)),
                    "category_field": cat_field,
                    "thresholds_m": {c: result.categories[c].threshold_m for c in codes},
                    "weights": {c: result.categories[c].weight for c in codes},
                },
                "plugin": {"name": about.PLUGIN_ID, "version": about.version()},
                "qgis_version": Qgis.QGIS_VERSION,
                "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
        )
        outputs = {self.OUTPUT: dest_id, "POPULATION_TOTAL": summary["population_total"],
                   "SCORE_MEAN": summary["score_mean"]}
        summary_path = self.parameterAsFileOutput(parameters, self.SUMMARY, context)
        if summary_path:
            write_json_atomically(summary_path, summary)
            outputs[self.SUMMARY] = summary_path
        for code in codes:
            r = result.categories[code]
            feedback.pushInfo(
                tr("{code}: {share:.1%} of the population within {threshold:g} m ({n} service(s)).").format(
                    code=code, share=r.share_covered, threshold=r.threshold_m, n=r.n_services
                )
            )
        feedback.setProgress(100)
        return outputs

    @staticmethod
    def _output_fields(input_fields, codes, feedback):
        """Input fields + ``dist_<cat>``, ``cov_<cat>`` per category + ``score``.

        An input field with the name of an added field (a coverage layer scored
        again) is replaced, with a warning.
        """
        added = QgsFields()
        for code in codes:
            suffix = field_suffix(code)
            added.append(make_field("dist_{}".format(suffix), "double"))
            added.append(make_field("cov_{}".format(suffix), "int"))
        added.append(make_field("score", "double"))
        fields = QgsFields()
        for field in input_fields:
            if added.lookupField(field.name()) >= 0:
                feedback.pushWarning(
                    tr("Field '{name}' of the population layer replaced by the new result.").format(
                        name=field.name()
                    )
                )
                continue
            fields.append(field)
        for field in added:
            fields.append(field)
        return fields, added
