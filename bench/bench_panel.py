"""The panel as a planner waits for it (issue 14): the real QGIS desktop under Xvfb.

1. The Saint-Omer sample analysed from the panel, twice: the second run is "QGIS warm"
   (goal: under 1 s from *Run the analysis* to the results).
2. A generated grid of ``--cells`` 200 m cells (``bench_end_to_end.generate``) analysed from
   the panel while a 10 ms heartbeat timer of the main thread measures how long the interface
   stays frozen at a time (goal: never more than 200 ms).

    .venv/bin/python bench/bench_panel.py --cells 500000 [--json out.json]

Prints the figures with the machine, the date and the load average (before and after).
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import common  # noqa: E402
from bench_end_to_end import generate  # noqa: E402


def desktop_env(home, result):
    env = {k: v for k, v in os.environ.items()
           if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH", "DISPLAY", "XAUTHORITY")}
    plugins = ROOT / ".build" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    if not (plugins / "ville_numerique").exists():
        (plugins / "ville_numerique").symlink_to(ROOT, target_is_directory=True)
    (home / "runtime").mkdir(mode=0o700)
    env.update(HOME=str(home), QGIS_PLUGINPATH=str(plugins), XDG_RUNTIME_DIR=str(home / "runtime"),
               VILLE_NUMERIQUE_LANG="fr", VN_BENCH_RESULT=str(result), PYTHONDONTWRITEBYTECODE="1")
    subprocess.run(["qgis_process.bin", "plugins", "enable", "ville_numerique"],
                   env=dict(env, QT_QPA_PLATFORM="offscreen"), capture_output=True, timeout=300)
    env["QT_QPA_PLATFORM"] = ""  # the QGIS 3.22 desktop aborts with "offscreen"
    return env


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=500_000)
    parser.add_argument("--rounds", type=int, default=2, help="sample analyses (the last ones are warm)")
    parser.add_argument("--json", help="write the figures here too")
    args = parser.parse_args(argv)
    for tool in ("xvfb-run", "qgis.bin", "qgis_process.bin"):
        if shutil.which(tool) is None:
            raise SystemExit("{} is missing: make deps installs QGIS and xvfb".format(tool))
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="vn-bench-panel-") as tmp:
        tmp = Path(tmp)
        (tmp / "home").mkdir()
        env = desktop_env(tmp / "home", tmp / "result.json")
        if args.cells:
            cells, services, *_ = generate(args.cells, tmp)
            env.update(VN_BENCH_CELLS=str(cells), VN_BENCH_SERVICES=str(services))
        env["VN_BENCH_ROUNDS"] = str(args.rounds)
        proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "qgis.bin", "--nologo",
                               "--noversioncheck", "--lang", "fr", "--code", str(BENCH / "panel_driver.py")],
                              env=env, cwd=str(tmp), capture_output=True, text=True, timeout=1200)
        if not (tmp / "result.json").is_file():
            raise SystemExit("QGIS wrote no result:\n" + (proc.stdout + proc.stderr)[-3000:])
        figures = json.loads((tmp / "result.json").read_text(encoding="utf-8"))
    figures.update(machine=common.machine(), date=datetime.datetime.now(datetime.timezone.utc).strftime(
        "%Y-%m-%d %H:%M UTC"), load_before=round(load_before, 2), load_after=round(os.getloadavg()[0], 2))
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 1 if figures.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main())
