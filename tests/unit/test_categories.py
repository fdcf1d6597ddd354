"""One source of truth: every map, icon and legend uses the classes and colours of core/categories.py."""

import base64
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ville_numerique.core import categories, report
from ville_numerique.core.coverage import DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS

ROOT = Path(__file__).resolve().parents[2]


def rgb(hex_colour):
    value = hex_colour.lstrip("#")
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def qml_ranges(path):
    """``[(lower, upper, (r, g, b))]`` of a graduated .qml, in class order."""
    root = ET.parse(path).getroot()
    renderer = root.find("renderer-v2")
    symbols = {}
    for symbol in renderer.find("symbols"):
        layer = symbol.find("layer")
        colour = None
        for option in layer.iter("Option"):
            if option.get("name") == "color":
                colour = tuple(int(v) for v in option.get("value").split(",")[:3])
                break
        if colour is None:
            colour = tuple(int(v) for v in layer.find("prop[@k='color']").get("v").split(",")[:3])
        symbols[symbol.get("name")] = colour
    return [(float(r.get("lower")), float(r.get("upper")), symbols[r.get("symbol")])
            for r in renderer.find("ranges")]


def test_the_qgis_coverage_style_uses_the_score_classes():
    expected = [(k.lower, k.upper, rgb(k.colour)) for k in categories.SCORE_CLASSES]
    assert qml_ranges(ROOT / "resources" / "styles" / "coverage.qml") == expected


def test_every_committed_style_of_the_score_uses_the_score_classes():
    expected = [(k.lower, k.upper, rgb(k.colour)) for k in categories.SCORE_CLASSES]
    of_the_score = []
    for path in sorted((ROOT / "resources" / "styles").glob("*.qml")):
        renderer = ET.parse(path).getroot().find("renderer-v2")
        if renderer is not None and renderer.get("attr") == "score":
            of_the_score.append(path.name)
            assert renderer.get("type") == "graduatedSymbol", path.name
            assert qml_ranges(path) == expected, path.name
    assert of_the_score == ["coverage.qml"]


@pytest.mark.parametrize("name", ["services.qml", "services_project.qml"])
def test_the_services_styles_draw_each_category_with_its_colour_and_label(name):
    renderer = ET.parse(ROOT / "resources" / "styles" / name).getroot().find("renderer-v2")
    icons = {}
    for symbol in renderer.find("symbols"):
        for layer in symbol.findall("layer"):
            for option in layer.iter("Option"):
                if option.get("name") == "name" and (option.get("value") or "").startswith("base64:"):
                    icons[symbol.get("name")] = base64.b64decode(option.get("value")[len("base64:"):]).decode()
    rules = {rule.get("description"): rule for rule in renderer.find("rules").iter("rule")}
    for category in categories.CATEGORIES:
        rule = rules["category:" + category.code]
        assert rule.get("label") == category.label
        first_fill = re.search(r'fill="(#[0-9a-fA-F]{6})"', icons[rule.get("symbol")]).group(1).lower()
        assert first_fill == category.colour, category.code


def test_the_pdf_layout_legend_uses_the_score_classes():
    texts = report.layout_texts({"population_total": 10, "score_mean": 70, "categories": {}}, [], language="en")
    assert texts["classes"] == ["{:g}–{:g}".format(k.lower, k.upper) for k in categories.SCORE_CLASSES]


def test_the_report_legend_uses_the_score_classes():
    html = report.build_html({"population_total": 10, "score_mean": 70, "categories": {}}, [],
                             language="fr", map_image=b"\x89PNG", map_info={})
    legend = re.search(r'<div class="legend">.*?</div>', html, re.S).group(0)
    swatches = re.findall(r'background:(#[0-9a-f]{6})"></i>([^<]+)</span>', legend)
    assert swatches == [(k.colour, "{:g}–{:g}".format(k.lower, k.upper)) for k in categories.SCORE_CLASSES]


@pytest.mark.parametrize("score, colour", [(0, "#d7191c"), (20, "#d7191c"), (20.5, "#fdae61"),
                                           (70, "#abd9e9"), (100, "#2c7bb6")])
def test_a_score_falls_in_one_class(score, colour):
    assert categories.score_class(score).colour == colour


def test_each_category_icon_has_the_category_colour():
    for category in categories.CATEGORIES:
        svg = (ROOT / "resources" / "icons" / "categories" / category.icon).read_text(encoding="utf-8")
        first_fill = re.search(r'fill="(#[0-9a-fA-F]{6})"', svg).group(1).lower()
        assert first_fill == category.colour, category.code


def test_report_colours_and_defaults_come_from_the_registry():
    assert report.category_colour("tiers_lieu") == "#e69f00" and report.category_colour("fablab") == "#cc79a7"
    assert report.category_colour("piscine") == categories.OTHER_COLOUR
    assert DEFAULT_THRESHOLDS == {c.code: c.threshold_m for c in categories.CATEGORIES}
    assert DEFAULT_WEIGHTS == {c.code: c.weight for c in categories.CATEGORIES}
