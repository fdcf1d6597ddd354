"""Fixtures for the tests that need QGIS (pytest-qgis provides the application)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS_DIR = ROOT / ".build" / "plugins"
SAMPLE = ROOT / "resources" / "sample" / "saint_omer" / "saint_omer.gpkg"
SHARED_DATA = Path(os.environ["VILLE_NUMERIQUE_SHARED_DATA"])  # set by tests/conftest.py


#: providers registered by the tests; Python keeps them alive (the registry
#: holds a raw pointer: a collected provider would leave a dead entry)
_PROVIDERS = []


@pytest.fixture
def provider(qgis_app, qgis_processing):
    """The Ville numérique provider, registered if no test has done it yet."""
    from qgis.core import QgsApplication
    from ville_numerique.processing.provider import VilleNumeriqueProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("ville_numerique")
    if existing is not None:
        return existing
    instance = VilleNumeriqueProvider()
    _PROVIDERS.append(instance)
    assert registry.addProvider(instance)
    return instance


@pytest.fixture
def run_alg(provider):
    """Run a Processing algorithm in-process, like the GUI does; returns its results."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def _run(alg_id, params, feedback=None):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(alg_id, params, context=context, feedback=feedback or QgsProcessingFeedback())

    return _run


def sample_layer(name):
    return "{}|layername={}".format(SAMPLE, name)


@pytest.fixture(scope="session")
def qgis_process_env(tmp_path_factory):
    """Environment for qgis_process.bin: throwaway HOME with the plugin enabled."""
    if shutil.which("qgis_process.bin") is None:
        pytest.fail("qgis_process.bin is not installed (make deps installs QGIS)")
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ)
    # pytest-qgis points QGIS at a settings folder through these variables; a
    # qgis_process child must use its own throwaway profile instead.
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
        env.pop(name, None)
    env.update(
        HOME=str(home),
        QGIS_PLUGINPATH=str(PLUGINS_DIR),
        QT_QPA_PLATFORM="offscreen",
        XDG_RUNTIME_DIR=str(home),
        VILLE_NUMERIQUE_LANG="en",
    )
    enable_plugin(env)
    return env


def enable_plugin(env):
    """``qgis_process.bin plugins enable`` in the profile of ``env`` (idempotent)."""
    proc = subprocess.run(["qgis_process.bin", "plugins", "enable", "ville_numerique"],
                          env=env, capture_output=True, text=True, timeout=120)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0 or "already enabled" in output, output


def qgis_process_json(env, *args, timeout=300):
    """Run ``qgis_process.bin --json <args>``; returns (returncode, parsed JSON or None, stderr)."""
    proc = subprocess.run(["qgis_process.bin", "--json", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        data = None
    return proc.returncode, data, proc.stdout + proc.stderr
