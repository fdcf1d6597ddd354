"""The native routes of ``bench_end_to_end.py`` as graphical models (one ``qgis_process`` run each).

A QGIS expert without Ville numérique chains QGIS tools: ``native:joinbynearest``
once per category for the nearest services (coverage, and twice for the
scenario), a chain of nine tools for the area-weighted overlay (fragility).
Chained as separate ``qgis_process`` runs, each step pays QGIS's start-up and
writes a GeoPackage; chained in a model (this file writes it, as the Graphical
Modeler would), QGIS starts once and the layers between the steps stay
temporary. The benchmark times both and takes the faster as the anchor.

    /usr/bin/python3 -P bench/native_model.py out.model3 coverage epn france_services …
    /usr/bin/python3 -P bench/native_model.py out.model3 scenario epn france_services …
    /usr/bin/python3 -P bench/native_model.py out.model3 fragility

Inputs of the models: ``POPULATION``; ``SERVICES_<code>`` (and ``AFTER_<code>``
for the scenario: existing + planned services) per category; ``ZONES`` and
``TABLE`` for the overlay. Output: :func:`output_name`.
"""

import os
import sys


def joinbynearest_steps(layers):
    """``native:joinbynearest`` per ``(input name, prefix)``, each on the previous step's output."""
    steps, previous = [], "@param:POPULATION"
    for k, (name, prefix) in enumerate(layers):
        steps.append(("nearest_{}".format(k), "native:joinbynearest", {
            "INPUT": previous, "INPUT_2": "@param:" + name, "FIELDS_TO_COPY": ["categories"],
            "DISCARD_NONMATCHING": False, "PREFIX": prefix, "NEIGHBORS": 1, "MAX_DISTANCE": None}))
        previous = "@child:nearest_{}".format(k)
    return steps


def coverage_layers(categories, after=False):
    layers = [("SERVICES_{}".format(c), "b_{}_".format(c[:3])) for c in categories]
    return layers + ([("AFTER_{}".format(c), "a_{}_".format(c[:3])) for c in categories] if after else [])


#: The area-weighted overlay as QGIS tools: the score onto the zones, cells x zones, area x score and
#: area per piece, their sums per cell, joined back onto the cells, the weighted mean (0-5 scale).
FRAGILITY_STEPS = [
    ("zones", "native:joinattributestable", {
        "INPUT": "@param:ZONES", "FIELD": "code_iris", "INPUT_2": "@param:TABLE", "FIELD_2": "code_iris",
        "FIELDS_TO_COPY": ["score"], "METHOD": 1, "DISCARD_NONMATCHING": True, "PREFIX": ""}),
    ("pieces", "native:intersection", {
        "INPUT": "@param:POPULATION", "OVERLAY": "@child:zones", "INPUT_FIELDS": ["idcar_200m"],
        "OVERLAY_FIELDS": ["score"], "OVERLAY_FIELDS_PREFIX": ""}),
    ("w", "native:fieldcalculator", {
        "INPUT": "@child:pieces", "FIELD_NAME": "w", "FIELD_TYPE": 0, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
        "FORMULA": '$area * "score"'}),
    ("a", "native:fieldcalculator", {
        "INPUT": "@child:w", "FIELD_NAME": "a", "FIELD_TYPE": 0, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
        "FORMULA": "$area"}),
    ("sum_w", "qgis:statisticsbycategories", {
        "INPUT": "@child:a", "VALUES_FIELD_NAME": "w", "CATEGORIES_FIELD_NAME": ["idcar_200m"]}),
    ("sum_a", "qgis:statisticsbycategories", {
        "INPUT": "@child:a", "VALUES_FIELD_NAME": "a", "CATEGORIES_FIELD_NAME": ["idcar_200m"]}),
    ("join_w", "native:joinattributestable", {
        "INPUT": "@param:POPULATION", "FIELD": "idcar_200m", "INPUT_2": "@child:sum_w", "FIELD_2": "idcar_200m",
        "FIELDS_TO_COPY": ["sum"], "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "w_"}),
    ("join_a", "native:joinattributestable", {
        "INPUT": "@child:join_w", "FIELD": "idcar_200m", "INPUT_2": "@child:sum_a", "FIELD_2": "idcar_200m",
        "FIELDS_TO_COPY": ["sum"], "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "a_"}),
    ("out", "native:fieldcalculator", {
        "INPUT": "@child:join_a", "FIELD_NAME": "fragility", "FIELD_TYPE": 0, "FIELD_LENGTH": 0,
        "FIELD_PRECISION": 0, "FORMULA": '"w_sum" / "a_sum" * 5 / 100'}),
]


def steps_of(kind, categories=()):
    if kind == "fragility":
        return FRAGILITY_STEPS
    return joinbynearest_steps(coverage_layers(categories, after=kind == "scenario"))


def inputs_of(steps):
    names = []
    for _, _, parameters in steps:
        for value in parameters.values():
            if isinstance(value, str) and value.startswith("@param:") and value[7:] not in names:
                names.append(value[7:])
    return names


def output_name(steps):
    """The name ``qgis_process`` gives the model's output (its last step's)."""
    return "{}:OUTPUT".format(steps[-1][0])


def write_model(path, steps, name="native_route"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from qgis.core import (
        QgsApplication,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )
    from qgis.PyQt.QtCore import QPointF

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    source = QgsProcessingModelChildParameterSource
    model = QgsProcessingModelAlgorithm(name, "bench")
    for row, input_name in enumerate(inputs_of(steps)):
        model.addModelParameter(QgsProcessingParameterFeatureSource(input_name, input_name),
                                QgsProcessingModelParameter(input_name))
        model.parameterComponent(input_name).setPosition(QPointF(100.0, 80.0 + 100.0 * row))
    for k, (child_id, algorithm, parameters) in enumerate(steps):
        step = QgsProcessingModelChildAlgorithm(algorithm)
        if step.algorithm() is None:
            raise RuntimeError("no algorithm " + algorithm)
        step.setChildId(child_id)
        step.setDescription(child_id)
        step.setPosition(QPointF(400.0, 80.0 + 100.0 * k))
        for parameter, value in parameters.items():
            if isinstance(value, str) and value.startswith("@param:"):
                step.addParameterSources(parameter, [source.fromModelParameter(value[7:])])
            elif isinstance(value, str) and value.startswith("@child:"):
                step.addParameterSources(parameter, [source.fromChildOutput(value[7:], "OUTPUT")])
            else:
                step.addParameterSources(parameter, [source.fromStaticValue(value)])
        if k == len(steps) - 1:
            output = QgsProcessingModelOutput("OUTPUT", "OUTPUT")
            output.setChildId(child_id)
            output.setChildOutputName("OUTPUT")
            step.setModelOutputs({"OUTPUT": output})
        model.addChildAlgorithm(step)
    if not model.toFile(str(path)):
        raise OSError("could not write {}".format(path))
    del model
    app.exitQgis()


if __name__ == "__main__":
    write_model(sys.argv[1], steps_of(sys.argv[2], sys.argv[3:]), "native_" + sys.argv[2])
