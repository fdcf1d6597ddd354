"""Small helpers shared by the Processing algorithms (QGIS, no widget)."""

import html
import os
import re

from qgis.core import QgsProcessingParameterDefinition, QgsSettings
from qgis.PyQt.QtCore import QLocale

from ..core.about import PLUGIN_DIR
from ..core.errors import CanceledError
from ..core.i18n import tr

SUPPORTED_LANGUAGES = ("fr", "en")


def user_locale():
    """The locale QGIS uses: the override chosen in QGIS options, else the system's.

    ``VILLE_NUMERIQUE_LANG`` (``fr``/``en``) wins, for batch runs and tests.
    """
    forced = os.environ.get("VILLE_NUMERIQUE_LANG")
    if forced:
        return forced
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        value = settings.value("locale/userLocale", "", type=str)
        if value:
            return value
    return QLocale.system().name()


def user_language():
    """``fr`` or ``en`` (French for any French locale, English otherwise)."""
    code = (user_locale() or "en")[:2].lower()
    return code if code in SUPPORTED_LANGUAGES else "en"


def _inline(text):
    text = html.escape(text, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    return re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", text)


def markdown_to_html(markdown):
    """The little Markdown our help files use: titles, paragraphs, bullet lists."""
    out, paragraph, in_list = [], [], False

    def flush():
        if paragraph:
            out.append("<p>{}</p>".format(_inline(" ".join(paragraph))))
            paragraph.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        bullet = re.match(r"^[-*] (.*)", stripped)
        if bullet:
            flush()
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append("<li>{}</li>".format(_inline(bullet.group(1))))
            continue
        if in_list and (not stripped or not line.startswith(" ")):
            out.append("</ul>")
            in_list = False
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            level = min(len(stripped) - len(stripped.lstrip("#")) + 2, 4)
            out.append("<h{0}>{1}</h{0}>".format(level, _inline(stripped.lstrip("# "))))
        elif in_list:
            out[-1] = out[-1][: -len("</li>")] + " " + _inline(stripped) + "</li>"
        else:
            paragraph.append(stripped)
    flush()
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def help_markdown(name, language=None):
    """Text of ``resources/help/<lang>/<name>.md`` (English when missing)."""
    language = language or user_language()
    for lang in (language, "en"):
        path = PLUGIN_DIR / "resources" / "help" / lang / "{}.md".format(name)
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


def help_html(name, language=None):
    return markdown_to_html(help_markdown(name, language))


def check_canceled(feedback):
    if feedback.isCanceled():
        raise CanceledError(tr("The operation was canceled."))


def progress_callback(feedback, start, span):
    """A ``progress(done, total)`` callback mapping to [start, start + span] %."""

    def progress(done, total):
        if total:
            feedback.setProgress(start + span * min(1.0, done / total))

    return progress


def advanced(param):
    """``param`` shown under the dialog's advanced parameters."""
    param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return param
