"""scripts/batch_communes.py on the sample communes, interrupted in the middle, then resumed."""

import csv
import os
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow
SCRIPT = ROOT / "scripts" / "batch_communes.py"
# Cell centroids fall in Saint-Omer (12 445 inh.), Longuenesse (2 705) and
# Saint-Martin-lez-Tatinghem (24.5): resources/sample/saint_omer/PROVENANCE.md
EXPECTED = {"62765": 12445.0, "62525": 2705.0, "62757": 24.5, "62040": None}


def batch(out, *extra, env=None):
    return subprocess.Popen([sys.executable, str(SCRIPT), *EXPECTED, "--out", str(out), "--workers", "1",
                             "--no-report", *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def test_interrupted_batch_resumes_without_redoing_finished_communes(qgis_process_env, tmp_path):
    out = tmp_path / "batch"
    first = batch(out, env=qgis_process_env)
    deadline = time.time() + 300
    while time.time() < deadline and not list(out.glob("*/done.json")):
        time.sleep(0.2)
    os.killpg(first.pid, signal.SIGKILL)  # an interruption, as a crash or Ctrl-C would
    first.wait()
    finished = {p.parent.name: p.stat().st_mtime_ns for p in out.glob("*/done.json")}
    assert finished and len(finished) < len(EXPECTED), "interrupted after the first commune"
    assert not (out / "summary.csv").exists()

    second = batch(out, env=qgis_process_env)
    output, _ = second.communicate(timeout=600)
    assert second.returncode == 0, output
    for code, mtime in finished.items():
        assert (out / code / "done.json").stat().st_mtime_ns == mtime  # not redone
        assert "{}  ok             score".format(code) in output or "(resumed)" in output
    assert "(resumed)" in output
    assert not list(out.glob("*.part"))
    with open(out / "summary.csv", encoding="utf-8") as stream:
        rows = {row["code"]: row for row in csv.DictReader(stream)}
    assert list(rows) == list(EXPECTED)
    for code, population in EXPECTED.items():
        if population is None:
            assert rows[code]["status"] == "no_population"
        else:
            assert rows[code]["status"] == "ok"
            assert float(rows[code]["population_total"]) == pytest.approx(population)
            assert 0 <= float(rows[code]["share_epn"]) <= 1
    assert sum(float(r["population_total"] or 0) for r in rows.values()) == pytest.approx(15174.5)
