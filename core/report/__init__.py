"""The report of a coverage result, for elected officials (pure Python, no QGIS).

Used by ``ville_numerique:report`` (``processing/report.py``), which reads the
coverage layer into :class:`Unit` objects, renders the map image and calls
:func:`build_html` (the self-contained HTML report) and :func:`layout_texts`
(the texts and tables put into the PDF print layout). Everything here runs in
a notebook::

    from ville_numerique.core import report
    html_text = report.build_html(summary, units, language="en")

Language
--------
The report is written in the language asked for (``"fr"`` by default,
``"en"`` on request), whatever the language of the QGIS interface. Its texts
are English sources in :data:`CATALOGUE` (marked with ``QT_TR_NOOP`` so that
``make i18n-update`` lists them in ``i18n/ville_numerique_fr.ts``, the one
catalogue of the plugin, beside the interface's texts); :func:`text` reads
them in the report's language with ``core.i18n.translate_in``. Catalogue texts
are trusted HTML (they may hold ``<sub>``, ``<b>``…); the values put into
them with :func:`text` are escaped. Category labels, colours and the score
classes come from ``core/categories.py``.

Templates and escaping
----------------------
The HTML is rendered from the Jinja2 templates of ``resources/templates/``
(``report.html.j2`` and its sections, ``core/report/templates.py``) with
autoescaping on: any text that comes from a dataset (place and layer names,
field values, titles, file paths, JSON values) is escaped — a place named
``<script>alert(1)</script>`` is shown as text. Catalogue texts and the
drawings (chart, map overlay) are :class:`markupsafe.Markup`. Python builds
the data of each section (``document.py``, ``infrastructure.py``); the
markup lives in the templates.

Numbers
-------
French: ``15 174,5`` (no-break space U+00A0 between thousands, decimal
comma), ``94,3 %``; English: ``15,174.5``, ``94.3%`` (:func:`format_number`,
:func:`format_percent`).

Units
-----
A :class:`Unit` is one population unit of the coverage layer: population,
score, and per category the distance to the nearest service (``None`` or
``inf``: no service of that category) and the 0/1 coverage flag; optional
``fragility`` (0–10, 10 = most fragile), ``priority`` (higher = first), a
label and the WGS 84 position of its centroid."""

from .chart import (  # noqa: F401 - the package's API
    SVG_FONT,
    _svg_line,
    _svg_text,
    chart_categories,
    chart_max_distance,
    coverage_chart_svg,
    nice_ceil,
    nice_step,
)
from .document import (  # noqa: F401 - the package's API
    build_html,
    scenario_table,
)
from .drawing import (  # noqa: F401 - the package's API
    data_uri,
    map_overlay_svg,
    scale_bar_metres,
)
from .figures import (  # noqa: F401 - the package's API
    CumulativeCoverage,
    Unit,
    _distance,
    _first_number,
    _fold,
    _looks_like_summary,
    _number_or_none,
    access_method,
    access_words,
    as_unit,
    crs_words,
    default_title,
    display_source,
    distance_method,
    format_position,
    fragile_units,
    guess_place_name,
    key_figures,
    mapping_text,
    method_words,
    missing_categories,
    scenario_comparison,
    unit_label,
    uses_sample,
)
from .formats import (  # noqa: F401 - the package's API
    _MONTHS_EN,
    _MONTHS_FR,
    _finite,
    format_datetime,
    format_distance,
    format_number,
    format_percent,
    format_points,
    format_population,
    format_score,
    format_signed,
    score_class_label,
)
from .infrastructure import (  # noqa: F401 - the package's API
    Infrastructure,
    area_figures,
    share_classes,
)
from .layout import (  # noqa: F401 - the package's API
    layout_texts,
)
from .texts import (  # noqa: F401 - the package's API
    CATALOGUE,
    DEFAULT_LANGUAGE,
    FRAGILE_COUNT,
    LANGUAGES,
    LOW_SCORE,
    NBSP,
    PERIMETER_COLOUR,
    SCORE_CLASSES,
    SERVICE_COLOUR,
    SOURCES,
    Markup,
    _lang_value,
    category_colour,
    category_label,
    category_short_label,
    check_language,
    esc,
    plain,
    text,
)
