#!/usr/bin/env python3
"""Build the Processing model ``resources/models/ville_numerique_pipeline.model3``.

The model chains, for the communes given by their INSEE codes:

1. ``ville_numerique:fetch_population`` — the INSEE 200 m grid of the communes;
2. ``ville_numerique:fetch_services`` — the digital services of the communes
   and of a band of ``SERVICES_BUFFER_M`` metres around them (the services
   just across the boundary serve the inhabitants too);
3. ``ville_numerique:coverage`` — who is within walking reach of what;
4. ``ville_numerique:report`` — the HTML report (and the PDF).

The file is generated, then committed: edit this script, not the ``.model3``,
and run it again (tests/integration/test_model.py checks that both agree)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -P scripts/build_model.py

``--output PATH`` writes the model elsewhere. The script starts a QGIS
application without interface and registers the plugin's Processing provider
(the model needs the child algorithms' parameter definitions).
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import ROOT, import_plugin  # noqa: E402

OUTPUT = ROOT / "resources" / "models" / "ville_numerique_pipeline.model3"

PROVIDER = "ville_numerique"
MODEL_NAME = "Ville numérique — couverture d'une commune"
MODEL_GROUP = "Ville numérique"
DEFAULT_COMMUNES = "62765"  # Saint-Omer (INSEE code; its postal code is 62500)
#: Services up to this distance outside the communes are fetched: they serve the inhabitants too.
SERVICES_BUFFER_M = 1000.0

#: Child ids, in execution order (the parameter names of the model outputs start with them).
POPULATION, SERVICES, COVERAGE, REPORT = "fetch_population", "fetch_services", "coverage", "report"

HELP = {
    "ALG_DESC": (
        "Couverture numérique d'une ou plusieurs communes, de bout en bout : grille de population INSEE "
        "200 m (IGN Géoplateforme), lieux de médiation numérique et France Services (data.gouv.fr) dans "
        "les communes et à moins de {buffer_fr} m autour, couverture à pied par catégorie, puis rapport HTML "
        "(et PDF).\n\nDigital services coverage of one or several communes, end to end: INSEE 200 m "
        "population grid, lieux de médiation numérique and France Services within the communes and "
        "{buffer_en} m around them, walking coverage per category, then the HTML (and PDF) report."
    ),
    "ALG_CREATOR": "Ville numérique",
    "ALG_HELP_CREATOR": "Ville numérique",
    "ALG_VERSION": "1",
    "COMMUNES": "Codes INSEE séparés par des virgules (pas les codes postaux : Saint-Omer = 62765). "
    "/ INSEE codes separated by commas (not postal codes).",
    "THRESHOLDS": "categorie=minutes ou mètres séparés par ; (epn=15min;wifi=300) — les catégories absentes "
    "gardent leur seuil par défaut. / category=minutes or metres separated by ; (epn=15min;wifi=300) — "
    "categories not listed keep their default.",
    "LANGUAGE": "fr (français, par défaut) ou en (anglais). / fr (French, default) or en (English).",
}


def start_qgis():
    """A QGIS application without interface, with the plugin's provider registered."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # a fixed hash seed: the XML attributes come out in the same order at each run (stable diffs)
    os.environ.setdefault("QT_HASH_SEED", "0")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    register_provider()
    return app


def register_provider():
    """The plugin's provider in the Processing registry (kept if already there); returns it."""
    from qgis.core import QgsApplication
    from ville_numerique.processing.provider import VilleNumeriqueProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById(PROVIDER)
    if provider is None:
        provider = VilleNumeriqueProvider()
        if not registry.addProvider(provider):
            raise RuntimeError("the Processing provider {} could not be registered".format(PROVIDER))
        register_provider.kept = provider  # the registry holds a raw pointer: keep it alive
    return provider


def build_model():
    """The model (a ``QgsProcessingModelAlgorithm``); the provider must be registered."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF, QSizeF
    from ville_numerique.core import report as core_report
    from ville_numerique.core.report.formats import format_number
    from ville_numerique.processing.coverage import CoverageAlgorithm
    from ville_numerique.processing.defaults import builtin_thresholds_minutes
    from ville_numerique.processing.fetch import FetchPopulationAlgorithm
    from ville_numerique.processing.fetch_services import FetchServicesAlgorithm
    from ville_numerique.processing.parameters import thresholds_text
    from ville_numerique.processing.report import ReportAlgorithm

    cov, fetch, pop, rep = CoverageAlgorithm, FetchServicesAlgorithm, FetchPopulationAlgorithm, ReportAlgorithm

    Source = QgsProcessingModelChildParameterSource  # noqa: N806

    model = QgsProcessingModelAlgorithm(MODEL_NAME, MODEL_GROUP)
    helps = dict(HELP)
    helps["ALG_DESC"] = helps["ALG_DESC"].format(buffer_fr=format_number(SERVICES_BUFFER_M, "fr"),
                                                 buffer_en=format_number(SERVICES_BUFFER_M, "en"))
    model.setHelpContent(helps)

    # ------------------------------------------------------------------ inputs
    inputs = [
        QgsProcessingParameterString(pop.COMMUNES, "Codes INSEE des communes", defaultValue=DEFAULT_COMMUNES),
        QgsProcessingParameterString(
            cov.THRESHOLDS,
            "Seuils à pied par catégorie (minutes ou mètres)",
            defaultValue=thresholds_text(builtin_thresholds_minutes()),
        ),
        QgsProcessingParameterEnum(
            rep.LANGUAGE,
            "Langue du rapport",
            options=list(rep.LANGUAGES),
            defaultValue=core_report.DEFAULT_LANGUAGE,
            usesStaticStrings=True,
        ),
    ]
    for row, definition in enumerate(inputs):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120.0, 80.0 + 110.0 * row))
        component.setSize(QSizeF(200.0, 60.0))
        model.addModelParameter(definition, component)
    model.setParameterOrder([definition.name() for definition in inputs])

    def child(child_id, algorithm_id, description, row, sources):
        """A step whose parameters not wired in ``sources`` keep the algorithm's default
        (as a static value, like the Graphical Modeler does when a step is added)."""
        step = QgsProcessingModelChildAlgorithm(algorithm_id)
        if step.algorithm() is None:
            raise RuntimeError("algorithm {} not found: is the provider registered?".format(algorithm_id))
        step.setChildId(child_id)
        step.setDescription(description)
        step.setPosition(QPointF(460.0, 80.0 + 150.0 * row))
        step.setSize(QSizeF(260.0, 60.0))
        for definition in step.algorithm().parameterDefinitions():
            name = definition.name()
            if name in sources:
                step.addParameterSources(name, [sources.pop(name)])
            elif not definition.isDestination() and definition.defaultValue() is not None:
                step.addParameterSources(name, [Source.fromStaticValue(definition.defaultValue())])
        if sources:
            raise RuntimeError("{} has no parameter {}".format(algorithm_id, ", ".join(sources)))
        return step

    def output(child_id, name, child_output, description, mandatory=True, row=0, first=True):
        """A model output, its box right of its step's (``row``), above or below its middle."""
        result = QgsProcessingModelOutput(name, description)
        result.setChildId(child_id)
        result.setChildOutputName(child_output)
        result.setDescription(description)
        result.setMandatory(mandatory)
        result.setPosition(QPointF(820.0, 80.0 + 150.0 * row + (-35.0 if first else 35.0)))
        result.setSize(QSizeF(200.0, 60.0))
        return result

    def param(name):
        return Source.fromModelParameter(name)

    def of(child_id, name):
        return Source.fromChildOutput(child_id, name)

    # ---------------------------------------------------------------- children
    population = child(
        POPULATION,
        "{}:fetch_population".format(PROVIDER),
        "Grille de population INSEE 200 m",
        0,
        {pop.COMMUNES: param(pop.COMMUNES)},
    )
    services = child(
        SERVICES,
        "{}:fetch_services".format(PROVIDER),
        "Lieux de médiation numérique et France Services",
        1,
        {
            fetch.COMMUNES: param(pop.COMMUNES),
            fetch.BUFFER: Source.fromStaticValue(SERVICES_BUFFER_M),
            fetch.LIEUX: Source.fromStaticValue(True),
            fetch.FRANCE_SERVICES: Source.fromStaticValue(True),
        },
    )
    coverage = child(
        COVERAGE,
        "{}:coverage".format(PROVIDER),
        "Couverture des services numériques",
        2,
        {
            cov.POPULATION: of(POPULATION, pop.OUTPUT),
            cov.POPULATION_FIELD: Source.fromStaticValue("ind"),
            cov.SERVICES: of(SERVICES, fetch.OUTPUT),
            cov.CATEGORY_FIELD: Source.fromStaticValue("categories"),
            cov.THRESHOLDS: param(cov.THRESHOLDS),
        },
    )
    coverage.setModelOutputs({
        "COVERAGE": output(COVERAGE, "COVERAGE", cov.OUTPUT, "Couverture", row=2),
        "SUMMARY": output(COVERAGE, "SUMMARY", cov.SUMMARY, "Synthèse (JSON)", row=2, first=False),
    })
    report = child(
        REPORT,
        "{}:report".format(PROVIDER),
        "Rapport de couverture (HTML et PDF)",
        3,
        {
            rep.COVERAGE: of(COVERAGE, cov.OUTPUT),
            rep.SUMMARY: of(COVERAGE, cov.SUMMARY),
            rep.SERVICES: of(SERVICES, fetch.OUTPUT),
            rep.LANGUAGE: param(rep.LANGUAGE),
        },
    )
    report.setModelOutputs({
        "OUTPUT_HTML": output(REPORT, "OUTPUT_HTML", rep.OUTPUT_HTML, "Rapport (HTML)", row=3),
        "OUTPUT_PDF": output(
            REPORT, "OUTPUT_PDF", rep.OUTPUT_PDF, "Rapport (PDF)", mandatory=False, row=3, first=False
        ),
    })
    # one chain, population → services → coverage → report: the services are fetched once the
    # population is (a wrong commune code stops the model at the first step, and the log reads in order)
    services.setDependencies([QgsProcessingModelChildDependency(POPULATION)])
    for step in (population, services, coverage, report):
        model.addChildAlgorithm(step)
    model.updateDestinationParameters()
    return model


def write_model(path):
    """Build the model and write it to ``path``; returns the model."""
    model = build_model()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(path)):
        raise RuntimeError("the model could not be written to {}".format(path))
    return model


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(OUTPUT), help="the .model3 file to write (default: %(default)s)")
    args = parser.parse_args(argv)
    import_plugin()
    app = start_qgis()
    try:
        model = write_model(args.output)
        valid, problems = model.validate()
        if not valid:
            raise SystemExit("the model is not valid:\n" + "\n".join(problems))
        print("{} written ({} steps)".format(args.output, len(model.childAlgorithms())))
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
