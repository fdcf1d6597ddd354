"""The French translation is complete: every tr() string of the sources is translated."""

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from .conftest import ROOT

TS = ROOT / "i18n" / "ville_numerique_fr.ts"


def messages(path):
    """{(context, source): translation or None when unfinished/empty}."""
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "obsolete")
            text = translation.text if done and translation is not None else None
            result[(name, message.findtext("source"))] = text or None
    return result


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    fresh = tmp_path_factory.mktemp("ts") / "fresh.ts"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n_update.py"), str(fresh)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return messages(fresh)


def test_every_string_is_in_the_committed_ts(extracted):
    committed = messages(TS)
    missing = sorted(source for key, source in ((k, k[1]) for k in extracted) if key not in committed)
    assert not missing, "run `make i18n-update` and translate:\n" + "\n".join(missing)


def test_every_string_is_translated(extracted):
    committed = messages(TS)
    unfinished = sorted(key[1] for key in extracted if key in committed and not committed[key])
    assert not unfinished, "untranslated in {}:\n{}".format(TS.name, "\n".join(unfinished))


def test_placeholders_are_kept(extracted):
    import re

    committed = messages(TS)
    for key in extracted:
        translation = committed.get(key)
        if translation:
            assert sorted(re.findall(r"\{[a-z_]*(?::[^}]*)?\}", key[1])) == \
                sorted(re.findall(r"\{[a-z_]*(?::[^}]*)?\}", translation)), key[1]


def test_qm_is_built():
    assert (ROOT / "i18n" / "ville_numerique_fr.qm").exists(), "make i18n builds it"


def test_french_messages_reach_the_user(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    from ville_numerique.core.coverage import parse_mapping
    from ville_numerique.core.errors import InputError

    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "ville_numerique_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        with pytest.raises(InputError) as error:
            parse_mapping("epn=loin", "Seuils")
        assert "n'est pas un nombre" in str(error.value)
    finally:
        QCoreApplication.removeTranslator(translator)
