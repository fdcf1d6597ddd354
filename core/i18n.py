"""Translation helper usable from pure-Python code.

``tr()`` goes through Qt's translation system when Qt is importable (inside
QGIS, ``qgis_process`` or the tests) so that every message of ``core`` is
listed in ``i18n/ville_numerique_fr.ts``; without Qt it returns the English
source text unchanged (notebooks, plain Python).

Only literal strings may be passed to ``tr()``; format *after* translating::

    tr("No feature in layer {name}.").format(name=layer_name)
"""

# pylupdate5 files a bare ``tr("...")`` call under the "@default" context,
# wherever it stands: use this one function everywhere (core, processing, ui).
CONTEXT = "@default"

try:  # pragma: no cover - depends on the environment
    from qgis.PyQt.QtCore import QCoreApplication as _QCoreApplication
except ImportError:  # plain Python, no QGIS
    _QCoreApplication = None


def tr(message):
    """Translate ``message`` (an English literal) into the user's language."""
    if _QCoreApplication is None:
        return message
    return _QCoreApplication.translate(CONTEXT, message)


def QT_TR_NOOP(message):  # noqa: N802 - the name pylupdate5 looks for
    """Mark an English literal for the catalogue without translating it now.

    For texts kept in tables (category labels, report texts): translate them when
    they are shown, with :func:`tr` (interface language) or :func:`translate_in`.
    """
    return message


_CATALOGUES = {}


def catalogue(language):
    """``{English source: translation}`` of ``language`` from the committed ``.ts`` file.

    The same catalogue Qt Linguist edits and ``make i18n`` compiles for the
    interface: a report written in French from an English QGIS (or from plain
    Python, without Qt) reads its texts here. English is the identity.
    """
    language = (language or "en")[:2].lower()
    if language == "en":
        return {}
    if language not in _CATALOGUES:
        import xml.etree.ElementTree as ElementTree
        from pathlib import Path

        path = Path(__file__).resolve().parent.parent / "i18n" / "ville_numerique_{}.ts".format(language)
        table = {}
        if path.exists():
            for context in ElementTree.parse(str(path)).getroot().iter("context"):
                if context.findtext("name") != CONTEXT:
                    continue
                for message in context.iter("message"):
                    translation = message.find("translation")
                    if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                        continue
                    if translation.text:
                        table[message.findtext("source")] = translation.text
        _CATALOGUES[language] = table
    return _CATALOGUES[language]


def translate_in(message, language):
    """``message`` (an English source of the catalogue) in ``language`` (``fr``/``en``)."""
    return catalogue(language).get(message, message)
