"""``ville_numerique:scenario`` — what a project's planned services would change."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
)

from ..core import categories
from ..core.coverage import compare_scenarios, compute_coverage
from ..core.errors import CanceledError
from ..core.files import write_json_atomically
from ..core.i18n import tr
from ..core.inputs import check_unique_names
from ..core.report.formats import format_number, format_signed
from .base import BaseAlgorithm
from .coverage import UnitWriter, field_suffix, metadata
from .coverage_inputs import CoverageInputsMixin
from .layers import POINTS, check_not_empty
from .parameters import SERVICES_HINT, LayerHint
from .styles import apply_style, default_layer_name
from .utils import user_language


class ScenarioAlgorithm(CoverageInputsMixin, BaseAlgorithm):
    NAME = "scenario"
    GROUP_ID = "analysis"
    PLANNED = "PLANNED"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    GUI_DEFAULTS = dict(CoverageInputsMixin.GUI_DEFAULTS, **{
        PLANNED: LayerHint((POINTS,), SERVICES_HINT.fields, not_same_as=CoverageInputsMixin.SERVICES),
    })

    def displayName(self):  # noqa: N802
        return tr("Scenario: coverage before and after planned services")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_population_parameters()
        self.add_services_parameters()
        self.add_services_parameters(self.PLANNED, tr("Planned services (points, same category field)"))
        self.add_method_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Scenario")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.SUMMARY, tr("Summary (JSON)"), fileFilter=tr("JSON files (*.json)"),
            optional=True, createByDefault=True,
        ))

    def run_algorithm(self, parameters, context, feedback):
        planned = self.parameterAsSource(parameters, self.PLANNED, context)
        check_not_empty(planned, tr("Planned services"))
        inputs = self.read_coverage_inputs(parameters, context, feedback,
                                           extra_services=[(planned, tr("Planned services"), self.PLANNED)])
        n_existing = inputs.n_main_services
        kwargs = inputs.compute_kwargs()
        supply = kwargs.pop("supply")
        existing = slice(0, n_existing)
        feedback.pushInfo(tr("Before: {n} existing service(s).").format(n=n_existing))
        before = compute_coverage(
            inputs.pop_xy, inputs.population, inputs.svc_xy[existing], inputs.categories[existing],
            supply=None if supply is None else supply[existing], is_canceled=feedback.isCanceled, **kwargs
        )
        if feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        feedback.setProgress(55)
        feedback.pushInfo(
            tr("After: {n} planned service(s) added.").format(n=len(inputs.svc_xy) - n_existing)
        )
        after = compute_coverage(
            inputs.pop_xy, inputs.population, inputs.svc_xy, inputs.categories,
            supply=supply, categories=list(dict.fromkeys(list(before.categories) + _codes(inputs.categories))),
            is_canceled=feedback.isCanceled, **kwargs
        )
        feedback.setProgress(65)
        per_unit, delta = compare_scenarios(before, after, fragility=inputs.fragility)

        columns = []
        for code, r_after in after.categories.items():
            name = field_suffix(code)
            r_before = before.categories.get(code)
            columns += [
                ("dist_{}_before".format(name), "double", None if r_before is None else r_before.distance),
                ("dist_{}_after".format(name), "double", r_after.distance),
                ("new_{}".format(name), "int", per_unit["newly_covered"][code]),
            ]
        columns += [
            ("score_before", "double", before.score),
            ("score_after", "double", after.score),
            ("score_delta", "double", per_unit["score_delta"]),
        ]
        if after.fragility is not None:
            columns += [("fragility", "double", after.fragility), ("priority_before", "double", before.priority),
                        ("priority_after", "double", after.priority)]
        check_unique_names([name for name, _, _ in columns])
        writer = UnitWriter(self, parameters, context, feedback, inputs, columns, self.OUTPUT)
        dest_id = writer.write(feedback)
        apply_style(context, dest_id, "scenario", default_layer_name("scenario"))

        summary = {"before": before.summary(), "after": after.summary(), "delta": delta}
        summary.update(metadata(inputs))
        summary["inputs"] = dict(inputs.inputs, planned=self.input_record(parameters, self.PLANNED),
                                 thresholds_m={c: r.threshold_m for c, r in after.categories.items()})
        outputs = {self.OUTPUT: dest_id, "SCORE_MEAN_CHANGE": delta["score_mean_change"],
                   "POPULATION_NEWLY_COVERED": delta["population_newly_covered_any"]}
        path = self.parameterAsFileOutput(parameters, self.SUMMARY, context)
        if path:
            write_json_atomically(path, summary)
            outputs[self.SUMMARY] = path
        language = user_language()
        for code, entry in delta["categories"].items():
            feedback.pushInfo(
                tr("{category}: {pop} inhabitant(s) newly within reach.").format(
                    category=categories.label(code),
                    pop=format_number(entry["population_newly_covered"], language, 1)
                )
            )
        feedback.pushInfo(tr("Mean score: {before} → {after} ({change} point(s)).").format(
            before=format_number(before.score_mean, language, 1),
            after=format_number(after.score_mean, language, 1),
            change=format_signed(delta["score_mean_change"] or 0, language, 1)))
        feedback.setProgress(100)
        return outputs


def _codes(categories):
    return [code for codes in categories for code in codes]

