"""The service categories and the score classes: the one place where they are defined.

Everything that shows or uses a category reads it from here: the services model
(``core/services.py``), the default walking thresholds and weights of the
coverage (``core/coverage.py``), the map styles (``scripts/build_styles.py`` →
``resources/styles/*.qml``), the report's legend, tables and chart
(``core/report``), the panel's chart and check boxes (``ui/``), the settings
page, and the help pages and docs table (``scripts/build_docs.py``). Adding a
category means adding one :class:`Category` to :data:`CATEGORIES`, then running
``scripts/build_styles.py`` and ``scripts/build_docs.py`` (an icon
``resources/icons/categories/<code>.svg`` is optional: without it the map draws a
disc of the category's colour); ``tests/integration/test_seventh_category.py``
checks that a seventh category then appears everywhere.

Labels are English sources marked with ``QT_TR_NOOP``: the French is in the one
translation catalogue ``i18n/ville_numerique_fr.ts``; :func:`label` translates
into the interface language, :func:`label_in` into a given language (reports).
"""

from dataclasses import dataclass

from .i18n import QT_TR_NOOP, tr, translate_in


@dataclass(frozen=True)
class Category:
    code: str  #: stable code, stored in the ``categories`` field (``|``-separated)
    label: str  #: English label (source of the translation)
    short_label: str  #: English short label, for narrow tables
    colour: str  #: colour of the category in charts, icons and legends (Okabe–Ito)
    threshold_m: float  #: default walking distance, in metres
    weight: float  #: default weight in the score

    @property
    def icon(self):
        """File name of the icon in ``resources/icons/categories/``."""
        return "{}.svg".format(self.code)


#: Every category, in canonical order (the order of ``core.services.join_categories``).
#: Colours are the Okabe–Ito palette, readable by colour-blind readers.
CATEGORIES = (
    Category("epn", QT_TR_NOOP("Digital mediation place"), QT_TR_NOOP("Digital mediation"),
             "#0072b2", 1000.0, 3.0),
    Category("france_services", QT_TR_NOOP("France Services"), QT_TR_NOOP("France Services"),
             "#d55e00", 1500.0, 2.0),
    Category("conseiller_numerique", QT_TR_NOOP("Digital adviser (conseiller numérique)"),
             QT_TR_NOOP("Digital adviser"), "#009e73", 1000.0, 2.0),
    Category("tiers_lieu", QT_TR_NOOP("Third place (tiers-lieu, coworking)"), QT_TR_NOOP("Third place"),
             "#e69f00", 1500.0, 1.0),
    Category("fablab", QT_TR_NOOP("Fab lab"), QT_TR_NOOP("Fab lab"), "#cc79a7", 2000.0, 1.0),
    Category("wifi", QT_TR_NOOP("Public internet access"), QT_TR_NOOP("Public internet"),
             "#56b4e9", 300.0, 1.0),
)
CODES = tuple(category.code for category in CATEGORIES)
BY_CODE = {category.code: category for category in CATEGORIES}

#: Colour of a code that is not a known category (custom codes of a user's layer).
OTHER_COLOUR = "#555555"

#: Walking distance and weight of a code that has no default (e.g. a custom code).
FALLBACK_THRESHOLD_M = 1000.0
FALLBACK_WEIGHT = 1.0


@dataclass(frozen=True)
class ScoreClass:
    lower: float  #: a score s is in the class when lower < s <= upper (the first class includes 0)
    upper: float
    colour: str

    def contains(self, score):
        return self.lower < score <= self.upper or (self.lower == 0.0 and score == 0.0)


#: Classes of the coverage score (0–100) on every map: QGIS style and report (legends are
#: written from the bounds, e.g. "0–20").
#: ColorBrewer RdYlBu, readable by colour-blind readers and in grey print.
SCORE_CLASSES = (
    ScoreClass(0.0, 20.0, "#d7191c"),
    ScoreClass(20.0, 40.0, "#fdae61"),
    ScoreClass(40.0, 60.0, "#ffffbf"),
    ScoreClass(60.0, 80.0, "#abd9e9"),
    ScoreClass(80.0, 100.0, "#2c7bb6"),
)


def score_class(score):
    """The :class:`ScoreClass` of a score (scores are clipped to 0–100)."""
    score = min(max(float(score), 0.0), 100.0)
    for klass in SCORE_CLASSES:
        if klass.contains(score):
            return klass
    return SCORE_CLASSES[-1]


def default_thresholds():
    """``{code: metres}`` of every category."""
    return {category.code: category.threshold_m for category in CATEGORIES}


def default_weights():
    """``{code: weight}`` of every category."""
    return {category.code: category.weight for category in CATEGORIES}


def colour(code):
    category = BY_CODE.get(code)
    return category.colour if category else OTHER_COLOUR


def label(code, short=False):
    """The label of a category in the interface language; a custom code as it is."""
    category = BY_CODE.get(code)
    if category is None:
        return str(code)
    return tr(category.short_label if short else category.label)


def label_in(code, language, short=False):
    """The label of a category in ``language`` (``fr``/``en``), whatever the interface's."""
    category = BY_CODE.get(code)
    if category is None:
        return str(code)
    return translate_in(category.short_label if short else category.label, language)
