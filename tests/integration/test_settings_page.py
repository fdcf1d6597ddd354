"""The Ville numérique page of QGIS Options: it reads and writes what core/settings.py reads."""

from pathlib import Path

import pytest
from qgis.core import QgsSettings

PREFIX = "ville_numerique/"


@pytest.fixture
def clean_settings(qgis_app):
    """Run with no plugin setting, then put the user's back."""
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in settings.allKeys() if key.startswith(PREFIX)}
    for key in saved:
        settings.remove(key)
    yield settings
    for key in [k for k in settings.allKeys() if k.startswith(PREFIX)]:
        settings.remove(key)
    for key, value in saved.items():
        settings.setValue(key, value)


@pytest.fixture
def page(clean_settings, qtbot):
    from ville_numerique.ui.settings_page import VilleNumeriqueOptionsPage

    widget = VilleNumeriqueOptionsPage(environ={})
    qtbot.addWidget(widget)
    return widget


def test_factory_builds_the_page(qgis_app, clean_settings):
    from ville_numerique.ui.settings_page import VilleNumeriqueOptionsFactory, VilleNumeriqueOptionsPage

    factory = VilleNumeriqueOptionsFactory()
    assert factory.title() == "Ville numérique" and not factory.icon().isNull()
    widget = factory.createWidget(None)
    try:
        assert isinstance(widget, VilleNumeriqueOptionsPage)
    finally:
        widget.deleteLater()


def test_page_shows_the_defaults(page):
    from ville_numerique.core.settings import Settings
    from ville_numerique.processing.defaults import builtin_thresholds_minutes

    defaults = Settings()
    assert page.datagouv_edit.text() == defaults.datagouv_url
    assert page.geopf_edit.text() == defaults.geopf_url
    assert not page.offline_check.isChecked()
    assert page.cache_size_spin.value() == defaults.cache_max_mb
    assert page.cache_widget.filePath() == ""  # the per-user cache folder, shown as placeholder
    assert {code: spin.value() for code, spin in page.threshold_spins.items()} == builtin_thresholds_minutes()
    assert page.threshold_spins["epn"].value() == 15 and page.threshold_spins["wifi"].value() == 4.5


def test_apply_writes_what_core_settings_reads(page, tmp_path):
    from ville_numerique.core.settings import load_settings

    page.datagouv_edit.setText("http://127.0.0.1:8080/")
    page.geopf_edit.setText("http://127.0.0.1:8081")
    page.offline_check.setChecked(True)
    page.cache_widget.setFilePath(str(tmp_path))
    page.cache_size_spin.setValue(250)
    page.read_spin.setValue(30)
    page.apply()
    settings = load_settings(environ={})
    assert settings.datagouv_url == "http://127.0.0.1:8080"
    assert settings.geopf_url == "http://127.0.0.1:8081"
    assert settings.offline is True
    assert settings.cache_dir == tmp_path
    assert settings.cache_max_mb == 250
    assert settings.read_timeout == 30

    page.offline_check.setChecked(False)
    page.datagouv_edit.setText("not an address")  # not kept: the default applies again
    page.cache_widget.setFilePath("")
    page.apply()
    settings = load_settings(environ={})
    assert settings.offline is False
    assert settings.datagouv_url == "https://www.data.gouv.fr"
    assert not QgsSettings().contains(PREFIX + "cache_dir")


def test_default_walking_times_reach_the_panel(page, qgis_iface, qgis_new_project, provider, qtbot):
    from ville_numerique.processing.defaults import default_thresholds_minutes
    from ville_numerique.ui.panel import VilleNumeriquePanel

    page.threshold_spins["epn"].setValue(12)
    page.threshold_spins["wifi"].setValue(6)
    page.apply()
    assert default_thresholds_minutes()["epn"] == 12
    panel = VilleNumeriquePanel(qgis_iface)
    qtbot.addWidget(panel)
    try:
        assert panel.threshold_spins["epn"].value() == 12
        assert "epn=12min;" in panel.thresholds_text() and panel.thresholds_text().endswith("wifi=6min")
    finally:
        panel.unload()


def test_default_walking_times_reach_the_toolbox_and_qgis_process(page, provider, qgis_process_env, tmp_path):
    """12 min of walk for epn on the settings page: 800 m in the dialogs and in qgis_process runs."""
    import json

    from qgis.core import QgsApplication

    from .conftest import SAMPLE, qgis_process_json

    page.threshold_spins["epn"].setValue(12)
    page.apply()
    alg = QgsApplication.processingRegistry().algorithmById("ville_numerique:coverage")
    default = alg.parameterDefinition("THRESHOLDS").defaultValue()
    assert "epn=12min;" in default and "wifi=4.5min" in default  # wifi kept its built-in 300 m (4.5 min)

    # qgis_process with the same setting in its (throwaway) profile, THRESHOLDS not given
    env = dict(qgis_process_env)
    ini = Path(env["HOME"]) / ".local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
    before = ini.read_text(encoding="utf-8") if ini.exists() else ""
    try:
        ini.parent.mkdir(parents=True, exist_ok=True)
        ini.write_text(before + "\n[ville_numerique]\nthresholds_minutes=epn=12\n", encoding="utf-8")
        summary = tmp_path / "s.json"
        code, _, output = qgis_process_json(
            env, "run", "ville_numerique:coverage", "--",
            "POPULATION={}|layername=carreaux_200m".format(SAMPLE), "SERVICES={}|layername=services".format(SAMPLE),
            "OUTPUT=" + str(tmp_path / "c.gpkg"), "SUMMARY=" + str(summary))
        assert code == 0, output
        thresholds = json.loads(summary.read_text(encoding="utf-8"))["inputs"]["thresholds_m"]
        assert thresholds["epn"] == 800 and thresholds["wifi"] == 300
    finally:
        ini.write_text(before, encoding="utf-8")


def test_environment_variables_win_and_are_shown(clean_settings, qtbot):
    from ville_numerique.ui.settings_page import VilleNumeriqueOptionsPage

    environ = {"VILLE_NUMERIQUE_DATAGOUV_URL": "http://127.0.0.1:9999"}
    page = VilleNumeriqueOptionsPage(environ=environ)
    qtbot.addWidget(page)
    assert page.datagouv_edit.text() == "http://127.0.0.1:9999"
    assert not page.datagouv_edit.isEnabled()
    assert "VILLE_NUMERIQUE_DATAGOUV_URL" in page.environment_label.text()
    page.apply()
    assert not clean_settings.contains(PREFIX + "datagouv_url")


def test_restore_defaults(page):
    page.datagouv_edit.setText("http://example.invalid")
    page.threshold_spins["epn"].setValue(40)
    page.offline_check.setChecked(True)
    page.restore_defaults()
    assert page.datagouv_edit.text() == "https://www.data.gouv.fr"
    assert page.threshold_spins["epn"].value() == 15
    assert not page.offline_check.isChecked()


def test_help_opens_the_documentation(page, monkeypatch):
    from qgis.PyQt.QtGui import QDesktopServices
    from ville_numerique.core import about
    from ville_numerique.ui import actions

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    page.help_button.click()
    assert len(opened) == 1
    url = opened[0]
    source = actions.documentation_url()
    if source.isLocalFile():  # the guide, rendered to HTML (tests/integration/test_help.py)
        assert source.toLocalFile().startswith(str(about.PLUGIN_DIR))
        assert url.toLocalFile().endswith(Path(source.toLocalFile()).stem + ".html")
    else:
        assert url.toString() == about.metadata()["homepage"] == source.toString()


def test_the_limits_are_shown_written_and_read(clean_settings, qtbot):
    """Each limit of core.settings has its field; what is applied is what the HTTP client reads."""
    from ville_numerique.core.settings import LIMIT_OPTIONS, Settings, load_settings
    from ville_numerique.ui.settings_page import VilleNumeriqueOptionsPage

    page = VilleNumeriqueOptionsPage(environ={"VILLE_NUMERIQUE_JSON_MAX_MB": "50"})
    qtbot.addWidget(page)
    assert set(page.limit_spins) == set(LIMIT_OPTIONS)
    assert page.limit_spins["request_deadline"].value() == Settings.request_deadline == 300
    assert page.limit_spins["max_pages"].value() == 1000
    assert page.limit_spins["json_max_mb"].value() == 50 and not page.limit_spins["json_max_mb"].isEnabled()
    assert "VILLE_NUMERIQUE_JSON_MAX_MB" in page.environment_label.text()
    page.limit_spins["download_max_mb"].setValue(300)
    page.limit_spins["max_features"].setValue(20000)
    page.apply()
    settings = load_settings(environ={})
    assert settings.download_max_mb == 300 and settings.max_features == 20000
    assert settings.json_max_mb == Settings.json_max_mb  # the environment's value is not written
    page.restore_defaults()
    assert page.limit_spins["download_max_mb"].value() == Settings.download_max_mb
