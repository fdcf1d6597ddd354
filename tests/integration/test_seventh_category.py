"""Adding a seventh category to ``core/categories.py`` alone makes it appear everywhere (issue 12).

The test does what a newcomer does: it adds one ``Category(...)`` line to the ``CATEGORIES``
tuple of ``core/categories.py`` (on a copy of its text, the file is untouched) and imports the
plugin afresh with that registry. Then the new category, "Media library" (``bibliotheque``,
colour ``#999933``, 800 m, weight 1.5), must be in:

* the styles built by ``scripts/build_styles.py`` (into ``tmp_path``): the services rule with
  its label and colour, and the score classes of ``coverage.qml`` unchanged;
* the services model (codes, order, strict reading), the coverage defaults and the Processing
  defaults: ``THRESHOLDS``/``WEIGHTS`` default strings, walking minutes, the category choice of
  *Fetch the digital services*;
* the report: the table, the chart (its colour) and the category functions;
* the help pages and the docs table written by ``scripts/build_docs.py`` (into ``tmp_path``);
* the panel's chart colours.

No icon file is added: a category without ``resources/icons/categories/<code>.svg`` gets a disc of
its colour on the map. Its French label is its English source until the lead translates it
(the ``.ts`` is not edited here).
"""

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES_PY = ROOT / "core" / "categories.py"

CODE, LABEL, COLOUR, THRESHOLD_M, WEIGHT = "bibliotheque", "Media library", "#999933", 800.0, 1.5
NEW_LINE = '    Category("{}", QT_TR_NOOP("{}"), QT_TR_NOOP("{}"), "{}", {!r}, {!r}),\n'.format(
    CODE, LABEL, LABEL, COLOUR, THRESHOLD_M, WEIGHT)


def _with_seventh_category(source):
    """The text of core/categories.py with one more Category at the end of CATEGORIES."""
    start = source.index("\nCATEGORIES = (\n")
    end = source.index("\n)\n", start)
    return source[: end + 1] + NEW_LINE + source[end + 1:]


def _load_script(name):
    spec = importlib.util.spec_from_file_location("{}_seventh".format(name), ROOT / "scripts" / "{}.py".format(name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def plugin(qgis_app):
    """The plugin imported afresh with the edited registry; the usual modules are put back after."""
    saved = {name: module for name, module in sys.modules.items()
             if name == "ville_numerique" or name.startswith("ville_numerique.")}
    for name in saved:
        del sys.modules[name]
    try:
        import ville_numerique.core as core_package

        spec = importlib.util.spec_from_loader("ville_numerique.core.categories", loader=None,
                                               origin=str(CATEGORIES_PY))
        registry = importlib.util.module_from_spec(spec)
        registry.__file__ = str(CATEGORIES_PY)
        registry.__package__ = "ville_numerique.core"
        sys.modules[spec.name] = registry
        exec(compile(_with_seventh_category(CATEGORIES_PY.read_text(encoding="utf-8")), str(CATEGORIES_PY), "exec"),
             registry.__dict__)
        core_package.categories = registry
        assert [c.code for c in registry.CATEGORIES][-1] == CODE and len(registry.CATEGORIES) == 7
        yield registry
    finally:
        for name in [n for n in sys.modules if n == "ville_numerique" or n.startswith("ville_numerique.")]:
            del sys.modules[name]
        sys.modules.update(saved)


def test_the_seventh_category_is_in_the_styles(plugin, tmp_path):
    from qgis.core import QgsVectorLayer

    builder = _load_script("build_styles")
    written = {path.name for path in builder.build_services_and_maps(tmp_path)}
    assert {"services.qml", "services_project.qml", "coverage.qml"} <= written

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=categories:string&field=nom:string", "s", "memory")
    message, ok = layer.loadNamedStyle(str(tmp_path / "services.qml"))
    assert ok, message
    rules = {rule.description(): rule for rule in layer.renderer().rootRule().children()}
    rule = rules["category:" + CODE]
    assert rule.label() == LABEL
    assert rule.symbol().color().name() == COLOUR
    assert CODE in rule.filterExpression()
    # the six others keep their embedded icons and come first
    assert list(rules)[:7] == ["category:" + code for code in builder.ICON_PRIORITY]

    root = ET.parse(tmp_path / "coverage.qml").getroot()
    ranges = [(float(r.get("lower")), float(r.get("upper"))) for r in root.find("renderer-v2").find("ranges")]
    assert ranges == [(k.lower, k.upper) for k in plugin.SCORE_CLASSES]


def test_the_seventh_category_is_in_the_model_and_the_processing_defaults(plugin):
    from ville_numerique.core import coverage, services
    from ville_numerique.processing import defaults
    from ville_numerique.processing.coverage import CoverageAlgorithm
    from ville_numerique.processing.fetch_services import FetchServicesAlgorithm

    assert services.CATEGORIES[-1] == CODE
    assert services.category_label(CODE) == LABEL
    assert services.split_categories("Bibliotheque|epn", strict=True) == [CODE, "epn"]
    assert services.join_categories([CODE, "wifi", "epn"]) == "epn|wifi|" + CODE
    assert coverage.DEFAULT_THRESHOLDS[CODE] == THRESHOLD_M and coverage.DEFAULT_WEIGHTS[CODE] == WEIGHT
    assert defaults.builtin_thresholds_minutes()[CODE] == 12.0  # 800 m at 4 km/h

    algorithm = CoverageAlgorithm()
    algorithm.initAlgorithm({})
    thresholds = algorithm.parameterDefinition(algorithm.THRESHOLDS).defaultValue()
    weights = algorithm.parameterDefinition(algorithm.WEIGHTS).defaultValue()
    assert "{}=12min".format(CODE) in thresholds.split(";")  # the dialog shows minutes
    assert "{}=1.5".format(CODE) in weights.split(";")

    fetch = FetchServicesAlgorithm()
    fetch.initAlgorithm({})
    choice = fetch.parameterDefinition(fetch.CATEGORIES)
    assert choice.options()[-1] == "{} ({})".format(LABEL, CODE)
    assert len(choice.defaultValue()) == 7  # every category chosen by default


def _summary():
    return {
        "population_total": 30.0,
        "score_mean": 50.0,
        "categories": {
            "epn": {"threshold_m": 1000.0, "weight": 3.0, "n_services": 1, "population_covered": 30.0,
                    "share_covered": 1.0, "median_distance_m": 500.0},
            CODE: {"threshold_m": THRESHOLD_M, "weight": WEIGHT, "n_services": 1, "population_covered": 10.0,
                   "share_covered": 1 / 3, "median_distance_m": 900.0},
        },
        "distance_method": "straight_line",
        "counts": {"population_units": 2, "services": 2},
        "inputs": {"thresholds_m": {"epn": 1000.0, CODE: THRESHOLD_M}, "weights": {"epn": 3.0, CODE: WEIGHT}},
    }


def test_the_seventh_category_is_in_the_report(plugin):
    from ville_numerique.core import report

    assert report.category_colour(CODE) == COLOUR
    assert report.category_label(CODE, "en") == LABEL
    units = [report.Unit(fid=1, population=10.0, score=100.0, distances={"epn": 0.0, CODE: 100.0},
                         covered={"epn": 1, CODE: 1}, label="A"),
             report.Unit(fid=2, population=20.0, score=50.0, distances={"epn": 900.0, CODE: 1200.0},
                         covered={"epn": 1, CODE: 0}, label="B")]
    svg = report.coverage_chart_svg(_summary(), units, "en")
    assert 'stroke="{}"'.format(COLOUR) in svg and LABEL in svg
    html = report.build_html(_summary(), units, language="en")
    assert re.search(r"<td[^>]*>{}</td>".format(LABEL), html), "no table row for the new category"
    assert svg in html


def test_the_seventh_category_is_in_the_help_and_the_docs(plugin, tmp_path):
    builder = _load_script("build_docs")
    builder.write(tmp_path)
    help_en = (tmp_path / "resources" / "help" / "en" / "coverage.md").read_text(encoding="utf-8")
    assert "`{}` ({})".format(CODE, LABEL) in help_en
    assert ";{}=12min`".format(CODE) in help_en and ";{}=1.5`".format(CODE) in help_en
    help_fr = (tmp_path / "resources" / "help" / "fr" / "fetch_services.md").read_text(encoding="utf-8")
    assert "`{}` ({})".format(CODE, LABEL) in help_fr  # English until the .ts has its French
    docs = (tmp_path / "docs" / "categories.md").read_text(encoding="utf-8")
    assert "| `{0}` | {1} | {1} | `{2}` | 800\u00a0m | 1.5 |".format(CODE, LABEL, COLOUR) in docs
    # the committed files are untouched
    assert CODE not in (ROOT / "resources" / "help" / "en" / "coverage.md").read_text(encoding="utf-8")


def test_the_seventh_category_is_in_the_panel(plugin, qgis_iface, qtbot):
    """Its check box on the data page (label, tooltip colour-free), its walking time on the
    analysis page (12 min = 800 m at 4 km/h); the chart is the report's (checked above)."""
    from qgis.PyQt.QtWidgets import QCheckBox
    from ville_numerique.ui.panel import VilleNumeriquePanel

    panel = VilleNumeriquePanel(qgis_iface)
    qtbot.addWidget(panel)
    try:
        boxes = [box for box in panel.findChildren(QCheckBox) if box.text() == LABEL]
        assert len(boxes) == 1
        assert CODE in panel.checked_categories()  # every category ticked by default
        assert panel.threshold_spins[CODE].value() == 12
        assert "{}=12min".format(CODE) in panel.thresholds_text().split(";")
    finally:
        panel.unload()
