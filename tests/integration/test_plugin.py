"""The plugin class: headless-safe, idempotent registration, clean unload."""

import pytest
from qgis.core import QgsApplication


def registry():
    return QgsApplication.processingRegistry()


#: providers put back for the other tests; Python must keep them alive (the
#: registry holds a raw pointer: a collected provider would leave a dead entry)
_RESTORED = []


@pytest.fixture(autouse=True)
def no_registered_provider(qgis_app, qgis_processing):
    """Each test starts as QGIS does: no Ville numérique provider yet. A provider
    registered by other tests is put back afterwards (a new instance, same id)."""
    existing = registry().providerById("ville_numerique")
    if existing is not None:
        registry().removeProvider(existing)
    yield
    if existing is not None and registry().providerById("ville_numerique") is None:
        from ville_numerique.processing.provider import VilleNumeriqueProvider

        provider = VilleNumeriqueProvider()
        _RESTORED.append(provider)
        registry().addProvider(provider)


def test_headless_class_factory_registers_the_provider_once(qgis_app, qgis_processing):
    from ville_numerique import classFactory

    plugin = classFactory(None)  # what qgis_process does
    plugin.initProcessing()
    plugin.initProcessing()  # idempotent
    provider = registry().providerById("ville_numerique")
    assert provider is plugin.provider
    assert [p.id() for p in registry().providers()].count("ville_numerique") == 1
    assert registry().algorithmById("ville_numerique:coverage") is not None
    assert provider.versionInfo() == plugin_version()
    assert provider.longName().startswith("Ville numérique " + plugin_version())
    assert not provider.icon().isNull()
    plugin.initGui()  # no iface: nothing to build, must not fail
    plugin.unload()
    assert registry().providerById("ville_numerique") is None


def test_gui_actions_and_unload(qgis_app, qgis_processing, qgis_iface):
    from ville_numerique import classFactory

    plugin = classFactory(qgis_iface)
    plugin.initGui()
    names = [a.objectName() for a in plugin.actions]
    assert names == ["VilleNumeriqueCoverageAction", "VilleNumeriqueSampleAction", "VilleNumeriqueHelpAction"]
    assert plugin.toolbar.objectName() == "VilleNumeriqueToolbar"
    assert plugin.actions[0] in plugin.toolbar.actions()
    plugin.unload()
    assert plugin.actions == [] and plugin.toolbar is None
    assert registry().providerById("ville_numerique") is None


def test_sample_action_adds_the_layers(qgis_app, qgis_iface, qgis_new_project):
    from qgis.core import QgsProject
    from ville_numerique.ui.actions import SAMPLE_LAYERS, load_sample

    load_sample(qgis_iface)
    layers = QgsProject.instance().mapLayers().values()
    assert len(layers) == len(SAMPLE_LAYERS)
    assert all(layer.isValid() and layer.featureCount() > 0 for layer in layers)


def test_metadata(qgis_app):
    from ville_numerique.core import about

    meta = about.metadata()
    assert meta["name"] == "Ville numérique"
    assert meta["qgisMinimumVersion"] == "3.22" and meta["qgisMaximumVersion"] == "4.99"
    assert meta["hasProcessingProvider"] == "yes" and meta["supportsQt6"] == "True"
    assert meta["description[fr]"] and meta["about[fr]"]
    import re

    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert (about.PLUGIN_DIR / meta["icon"]).exists()


def plugin_version():
    from ville_numerique.core.about import version

    return version()


def test_every_algorithm_has_its_help_in_french_and_english(qgis_app):
    from ville_numerique.processing.provider import ALGORITHMS
    from ville_numerique.processing.utils import PLUGIN_DIR, help_markdown

    for algorithm in ALGORITHMS:
        name = algorithm.NAME
        for language in ("fr", "en"):  # no silent fallback to English
            assert (PLUGIN_DIR / "resources" / "help" / language / "{}.md".format(name)).is_file(), name
        french, english = help_markdown(name, "fr"), help_markdown(name, "en")
        assert french and english and french != english, name
        assert "## " in french and "## " in english, name
