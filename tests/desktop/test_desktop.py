"""The real QGIS desktop, as a student of the workshop sees it (issue 13).

``qgis.bin`` under Xvfb, in French (``--lang fr`` and the French number format in the profile),
main window 1366×768, the Ville numérique dock at its default width. ``driver.py`` runs inside
QGIS: it looks at every page of the dock, runs the workshop's flow from the panel (sample →
analysis → scenario → report → recommendation, each follow-up through its real Processing
dialog), saves, closes and reopens the project, and writes what it saw to a JSON file; the tests
below assert on it. Screenshots of each page are kept in ``.build/test-artifacts/desktop/``.

``VN_DESKTOP_PLUGIN_DIR`` runs the driver against another checkout of the plugin (a folder
holding ``ville_numerique``); the default is this repository (``.build/plugins``).
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "driver.py"
ARTIFACTS = ROOT / ".build" / "test-artifacts" / "desktop"
TIMEOUT_S = 240  # the whole QGIS process; the run takes about a minute
SCREEN = "1366x768x24"
TOOLS = ("xvfb-run", "qgis.bin", "qgis_process.bin")


def french_profile(home):
    """A throwaway profile with the plugin enabled and the French number format."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH", "DISPLAY", "XAUTHORITY")}
    plugins = Path(os.environ.get("VN_DESKTOP_PLUGIN_DIR") or ROOT / ".build" / "plugins")
    assert (plugins / "ville_numerique" / "metadata.txt").is_file(), plugins
    env.update(HOME=str(home), QGIS_PLUGINPATH=str(plugins), XDG_RUNTIME_DIR=str(home / "runtime"),
               VILLE_NUMERIQUE_LANG="fr", LANG="fr_FR.UTF-8", LC_ALL="C.UTF-8", PYTHONDONTWRITEBYTECODE="1")
    (home / "runtime").mkdir(mode=0o700)
    (home / "tmp").mkdir()
    env["TMPDIR"] = str(home / "tmp")  # Processing's outputs and the rendered help, kept apart
    enable = subprocess.run(["qgis_process.bin", "plugins", "enable", "ville_numerique"],
                            env=dict(env, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True,
                            timeout=120)
    assert enable.returncode == 0 or "already" in enable.stdout + enable.stderr, enable.stdout + enable.stderr
    ini = home / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    with ini.open("a", encoding="utf-8") as stream:  # Settings › Options › General › Locale
        stream.write("\n[locale]\noverrideFlag=true\nuserLocale=fr\nglobalLocale=fr_FR\nshowGroupSeparator=true\n")
    return env


@pytest.fixture(scope="module")
def desktop(tmp_path_factory):
    """One run of the desktop; the driver's JSON result."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail("{} missing: `make deps` installs QGIS, xvfb and xauth".format(", ".join(missing)))
    home = tmp_path_factory.mktemp("desktop_home")
    env = french_profile(home)
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    result_path = home / "result.json"
    env.update(VN_DESKTOP_RESULT=str(result_path), VN_DESKTOP_ARTIFACTS=str(ARTIFACTS),
               VN_DESKTOP_WORK=str(home / "work"), VN_DESKTOP_TIMEOUT=str(TIMEOUT_S - 40),
               QT_QPA_PLATFORM="")  # "offscreen" makes the QGIS 3.22 desktop abort at start-up
    command = ["xvfb-run", "-a", "-s", "-screen 0 {}".format(SCREEN), "qgis.bin", "--nologo",
               "--noversioncheck", "--lang", "fr", "--code", str(DRIVER)]
    try:
        proc = subprocess.run(command, env=env, cwd=str(home), capture_output=True, text=True,
                              timeout=TIMEOUT_S)
        output = proc.stdout + proc.stderr
    except subprocess.TimeoutExpired as expired:
        output = "{}{}".format(expired.stdout or "", expired.stderr or "")
        pytest.fail("QGIS did not exit within {} s:\n{}".format(TIMEOUT_S, output[-4000:]))
    (ARTIFACTS / "qgis.log").write_text(output, encoding="utf-8", errors="replace")
    print("\ndesktop test artefacts (screenshots, report, QGIS output): {}".format(ARTIFACTS))
    if not result_path.is_file():
        pytest.fail("the driver wrote no result; QGIS said:\n{}".format(output[-4000:]))
    result = json.loads(result_path.read_text(encoding="utf-8"))
    (ARTIFACTS / "result.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return result


def joined(texts):
    return "\n".join(texts)


def test_the_run_went_through_the_whole_workshop(desktop):
    assert not desktop["errors"], "\n".join(desktop["errors"])
    assert desktop["finished"], desktop["steps"]
    assert desktop["window_px"] == [1366, 768]
    assert desktop["locale"].startswith("fr")
    assert desktop["screenshots"] and all(Path(p).is_file() for p in desktop["screenshots"])


def test_help_opens_the_guide_as_html(desktop):
    from urllib.parse import unquote, urlparse

    assert len(desktop["help_urls"]) == 1, desktop["help_urls"]
    url = urlparse(desktop["help_urls"][0])
    assert url.scheme == "file" and url.path.endswith("/guide.html"), url  # rendered, not raw Markdown
    page = Path(unquote(url.path))
    assert page.is_file() and "<h1>" in page.read_text(encoding="utf-8")


def test_every_page_fits_the_dock_at_its_default_width(desktop):
    assert desktop["pages"], "no page inspected"
    assert desktop["dock_width_px"] < 400  # the dock as QGIS opens it, not widened for the test
    problems = []
    for page in desktop["pages"]:
        where = "{} · {}".format(page["when"], page["title"])
        for area in page["horizontal_scroll"]:
            problems.append("{}: scrolls sideways by {} px ({} {})".format(
                where, area["overflow_px"], area["widget"], area["name"]))
        for button in page["clipped_buttons"]:
            problems.append("{}: button “{}” needs {} px, has {}".format(
                where, button["text"], button["needs_px"], button["width_px"]))
        for label in page["clipped_labels"]:
            problems.append("{}: text “{}” needs {} px, has {}".format(
                where, label["text"], label["needs_px"], label["width_px"]))
    assert not problems, "dock {} px wide:\n".format(desktop["dock_width_px"]) + "\n".join(problems)


def test_the_analysis_shows_the_workshops_figures(desktop):
    assert desktop["sample_layers"], "load_sample() added nothing"
    assert desktop["analysis_ok"] is True and desktop["has_results"] is True
    shown = joined(desktop["after_analysis_labels"])
    assert "15 174,5" in shown  # docs/atelier step 1: the population, in the French format
    assert "78,6" in shown  # step 3: mean score


def test_the_scenario_runs_from_its_dialog_and_shows_before_after(desktop):
    record = desktop["follow_ups"]["scenario"]
    assert desktop["scenario_opened"] is True and record["opened"] and record["ran"], record
    assert record["algorithm"] == "ville_numerique:scenario"
    planned = record["layers"].get("PLANNED") or {"source": record["parameters"]["PLANNED"]}
    assert planned["source"].endswith("layername=projet_gare"), record  # the sample's station project
    shown = joined(desktop["after_scenario_labels"])
    assert re.search(r"78,6 → 80,8 \(\+2,\d points\)", shown), shown  # step 5


def test_the_report_contains_the_scenario(desktop):
    record = desktop["follow_ups"]["report"]
    assert desktop["report_opened"] is True and record["opened"] and record["ran"], record
    # the scenario run just before, carried into the report's dialog by the panel
    assert record["parameters"].get("SCENARIO_SUMMARY") == desktop["follow_ups"]["scenario"]["results"]["SUMMARY"]
    html = desktop.get("report_html") or ""
    assert 'id="scenario"' in html
    assert "78,6" in html and "80,8" in html
    assert "15 174,5" in html or "15 174" in html
    # for elected officials: layer names, not the project's internal layer ids
    leaked = [layer_id for layer_id in desktop["layer_ids_at_report"] if layer_id in html]
    assert not leaked, leaked


def test_the_recommendation_serves_the_tutorials_inhabitants(desktop):
    record = desktop["follow_ups"]["recommend"]
    assert desktop["recommend_opened"] is True and record["opened"] and record["ran"], record
    summary = desktop["recommend_summary"]
    assert summary["candidates"] == 182
    assert round(summary["sites"][0]["population_gain"]) == 6727  # step 6
    assert round(summary["total_gain"], 1) == 4316.6
    # the category the panel proposes (the least covered, weighted by fragility), not every category
    assert record["parameters"]["CATEGORY"] == "conseiller_numerique" == summary["category"]


def test_results_come_back_with_the_saved_project(desktop):
    source = desktop["results_layer_source"] or ""
    assert "atelier" in source and ".gpkg" in source, source  # a file in the project's folder
    assert desktop["after_close_has_results"] is False
    coverage = [layer for layer in desktop["reopened_layers"] if layer["source"] == source]
    assert coverage and coverage[0]["valid"] and coverage[0]["features"] == 125, desktop["reopened_layers"]
    assert "score" in coverage[0]["fields"]
    assert desktop["reopened_has_results"] is True
    assert any("15 174,5" in joined(texts) and "78,6" in joined(texts) for texts in desktop["reopened_labels"])


def test_the_follow_ups_layers_come_back_too(desktop):
    """The scenario's and the recommendation's layers: not memory layers reopened empty, without a word."""
    emptied = [layer["name"] for layer in desktop["reopened_layers"]
               if layer["source"].startswith("memory") and not layer["features"]]
    assert not emptied, "empty after reopening the project: {}".format(", ".join(emptied))


def test_no_python_error(desktop):
    fatal = [entry for entry in desktop["log"] if entry.get("fatal")]
    assert not fatal, "\n\n".join("[{}] {}".format(entry["tag"], entry["message"]) for entry in fatal)
    assert not desktop["error_dialogs"]
