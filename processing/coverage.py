"""``ville_numerique:coverage`` — who is within reach of which digital service."""

import gc
import math
from datetime import datetime, timezone

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
)

from ..core import about, categories
from ..core.coverage import compute_coverage
from ..core.errors import CanceledError, InputError
from ..core.files import write_json_atomically
from ..core.i18n import tr
from ..core.inputs import check_unique_names, normalise_code
from ..core.report.formats import format_number, format_percent
from . import fast_io
from .base import BaseAlgorithm
from .compat import make_field
from .coverage_inputs import CoverageInputsMixin
from .styles import apply_style
from .utils import user_language


def field_suffix(code):
    """A category code as a safe field-name suffix (ASCII, lowercase, ``_``).

    The codes read from the services are already in this form
    (``core.inputs.normalise_code``), so two categories never share a suffix.
    """
    return normalise_code(code) or "cat"


def number(value):
    """A float for an output field, full precision (styles and reports round); NULL for NaN/inf."""
    value = float(value)
    return value if math.isfinite(value) else None


def metadata(inputs):
    """The part of a summary that says how and when it was made."""
    return {
        "distance_crs": {"authid": inputs.crs.authid(), "name": inputs.crs_name},
        "counts": inputs.counts(),
        **({"itinerant_stops": inputs.itinerant_stops} if getattr(inputs, "itinerant_stops", None) else {}),
        "plugin": {"name": about.PLUGIN_ID, "version": about.version()},
        "qgis_version": Qgis.QGIS_VERSION,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


class UnitWriter:
    """Writes the population layer with added result fields, in input order.

    ``columns`` is a list of ``(field_name, kind, values)``: ``values`` is
    indexed by the row of the unit in the computed arrays; units skipped for
    their geometry get NULL. Input fields with the name of an added field
    are replaced (a result scored again), with a warning.
    """

    def __init__(self, algorithm, parameters, context, feedback, inputs, columns, output_name):
        self.population = algorithm.parameterAsSource(parameters, algorithm.POPULATION, context)
        added = QgsFields()
        for name, kind, _ in columns:
            added.append(make_field(name, kind))
        fields = QgsFields()
        for input_field in self.population.fields():
            if added.lookupField(input_field.name()) >= 0:
                feedback.pushWarning(
                    tr("Field '{name}' of the population layer replaced by the new result.").format(
                        name=input_field.name()
                    )
                )
                continue
            fields.append(input_field)
        self.kept = [self.population.fields().lookupField(f.name()) for f in fields]
        for f in added:
            fields.append(f)
        self.fields = fields
        self.columns = columns
        self.inputs = inputs
        self.sink, self.dest_id = algorithm.parameterAsSink(
            parameters, output_name, context, fields, self.population.wkbType(), self.population.sourceCrs()
        )
        if self.sink is None:
            raise InputError(tr("The output layer could not be created."))
        # GeoPackage to GeoPackage: QGIS has made the empty table (and registered the
        # output to load); GDAL fills it in bulk (processing/fast_io.py)
        self.bulk = None
        spec = fast_io.layer_spec(algorithm, parameters, algorithm.POPULATION, context)
        table = fast_io.bulk_output_table(algorithm, parameters, output_name, context, spec)
        if table is not None:
            self.bulk = (spec, table)

    def write(self, feedback, start=70.0, span=25.0):
        if self.bulk is not None:
            spec, (path, table) = self.bulk
            self.sink = None  # closes the table QGIS created, so that GDAL and SQLite can fill it
            gc.collect()
            try:
                fast_io.fill_geopackage(path, table, spec, [f.name() for f in self.fields][:len(self.kept)],
                                        self.columns, self.inputs.pop_ids, feedback, start, span)
                return self.dest_id
            except fast_io.FallbackError:
                fast_io.log("per-feature write")
            except OSError as error:
                raise InputError(tr("The output layer could not be written: {error}").format(error=error)) \
                    from None
        return self._write_features(feedback, start, span)

    def _write_features(self, feedback, start, span):
        """The reference path: one ``QgsFeature`` per unit through the ``QgsFeatureSink``."""
        if self.sink is None:
            raise InputError(tr("The output layer could not be created."))
        row_of = {fid: row for row, fid in enumerate(self.inputs.pop_ids)}
        total = max(self.population.featureCount(), 1)
        kept = self.kept
        columns = [(kind == "int", None if values is None else np.asarray(values))
                   for _, kind, values in self.columns]
        for count, feature in enumerate(self.population.getFeatures()):
            if feedback.isCanceled():
                raise CanceledError(tr("Canceled."))
            out = QgsFeature(self.fields)
            out.setGeometry(feature.geometry())
            feature_attributes = feature.attributes()
            attributes = [feature_attributes[i] for i in kept]
            row = row_of.get(feature.id())
            for is_int, values in columns:
                if row is None or values is None:
                    attributes.append(None)
                elif is_int:
                    attributes.append(int(values[row]))
                else:
                    attributes.append(number(values[row]))
            out.setAttributes(attributes)
            self.sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
            if count % 1000 == 0:
                feedback.setProgress(start + span * count / total)
        return self.dest_id


def coverage_columns(result, suffix=""):
    """The ``dist_``/``cov_``/``acc_`` fields per category, then ``score``, ``fragility``, ``priority``."""
    columns = []
    for code, r in result.categories.items():
        name = field_suffix(code)
        columns.append(("dist_{}{}".format(name, suffix), "double", r.distance))
        columns.append(("cov_{}{}".format(name, suffix), "int", r.covered))
        columns.append(("acc_{}{}".format(name, suffix), "double", r.access))
    columns.append(("score{}".format(suffix), "double", result.score))
    check_unique_names([name for name, _, _ in columns])
    return columns


def fragility_columns(result):
    if result.fragility is None:
        return []
    return [("fragility", "double", result.fragility), ("priority", "double", result.priority)]


class CoverageAlgorithm(CoverageInputsMixin, BaseAlgorithm):
    NAME = "coverage"
    GROUP_ID = "analysis"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return tr("Digital services coverage")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_population_parameters()
        self.add_services_parameters()
        self.add_method_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Coverage")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.SUMMARY, tr("Summary (JSON)"), fileFilter=tr("JSON files (*.json)"),
            optional=True, createByDefault=True,
        ))

    def run_algorithm(self, parameters, context, feedback):
        inputs = self.read_coverage_inputs(parameters, context, feedback)
        feedback.setProgress(50)
        result = compute_coverage(
            inputs.pop_xy, inputs.population, inputs.svc_xy, inputs.categories,
            is_canceled=feedback.isCanceled,
            progress=lambda f: feedback.setProgress(50 + 20 * f),
            **inputs.compute_kwargs(),
        )
        writer = UnitWriter(self, parameters, context, feedback, inputs,
                            coverage_columns(result) + fragility_columns(result), self.OUTPUT)
        dest_id = writer.write(feedback)

        summary = result.summary()
        summary.update(metadata(inputs))
        summary["inputs"] = dict(
            inputs.inputs,
            thresholds_m={c: r.threshold_m for c, r in result.categories.items()},
            weights={c: r.weight for c, r in result.categories.items()},
        )
        outputs = {self.OUTPUT: dest_id, "POPULATION_TOTAL": summary["population_total"],
                   "SCORE_MEAN": summary["score_mean"]}
        summary_path = self.parameterAsFileOutput(parameters, self.SUMMARY, context)
        if summary_path:
            write_json_atomically(summary_path, summary)
            outputs[self.SUMMARY] = summary_path
        language = user_language()
        for code, r in result.categories.items():
            feedback.pushInfo(
                tr("{category}: {share} of the population within {threshold} m ({n} service(s)).").format(
                    category=categories.label(code), share=format_percent(r.share_covered, language),
                    threshold=format_number(r.threshold_m, language), n=r.n_services
                )
            )
        apply_style(context, dest_id, "coverage", tr("Digital services coverage"))
        feedback.setProgress(100)
        return outputs
