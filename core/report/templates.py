"""The Jinja2 environment of the report: templates in ``resources/templates/``, autoescaped.

Jinja2 and MarkupSafe are dependencies of Debian's QGIS (``python3-jinja2``,
``python3-markupsafe``) and of the OSGeo4W/macOS builds. Every value put in a
template is escaped unless it is :class:`markupsafe.Markup` (catalogue texts,
which are trusted HTML, and the drawings built by ``core/report``).
"""

from functools import cache

from .. import about

#: Folder of the report's templates (HTML, CSS and the PDF print layout).
TEMPLATE_DIR = about.resource_path("templates")
#: The page template of the HTML report.
PAGE = "report.html.j2"


@cache
def environment(folder=TEMPLATE_DIR):
    """The (cached) Jinja2 environment; ``autoescape`` is on for every template."""
    from jinja2 import Environment, FileSystemLoader  # with the first report, not with the plugin

    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,  # .j2 and .css alike: nothing reaches the page unescaped unless it is Markup
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def render(name, **context):
    """Template ``name`` rendered with ``context`` (a str)."""
    return environment().get_template(name).render(**context)
