"""Run the end-to-end benchmark (issue 14) and B1–B3 (issue 4), print the goals, write ``bench/RESULTS.md``.

``--only e2e`` reruns one benchmark and keeps the others' last figures (with their date).

    .venv/bin/python bench/run_all.py            # full scale (make bench), ~30 min
    .venv/bin/python bench/run_all.py --quick    # smoke scale, a few minutes (make bench-quick); prints only

Each benchmark runs in its own Python process (a clean memory peak, QGIS
started only where a native route is measured); it writes its numbers as
JSON, which this script turns into the report. ``--quick`` shrinks every
size (B1 1/100, B2 1/20, B3 1/10) and writes no report unless
``--results`` is given: its numbers say nothing about performance.
The machine's load average is sampled every 5 s during each benchmark and
written in the report: other work on the machine slows the timings.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import report  # noqa: E402

BENCH = Path(__file__).resolve().parent

FULL = {
    "e2e": ["bench_end_to_end.py"],
    "b1": ["bench_access.py", "b1", "--scale", "1", "--native-points", "200000"],
    "b2": ["bench_network.py", "--scale", "1", "--native-points", "1000", "4000"],
    "b3": ["bench_access.py", "b3", "--scale", "1"],
}
QUICK = {
    "e2e": ["bench_end_to_end.py", "--sizes", "10000"],
    "b1": ["bench_access.py", "b1", "--scale", "0.01", "--native-points", "5000"],
    "b2": ["bench_network.py", "--scale", "0.05", "--native-points", "100", "400"],
    "b3": ["bench_access.py", "b3", "--scale", "0.1"],
}


class LoadSampler:
    """Samples ``os.getloadavg()`` (1-minute) every ``period`` seconds in a thread."""

    def __init__(self, period=5.0):
        self.period = period
        self.samples = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            load = common.load_average()
            if load:
                self.samples.append(load[0])
            self._stop.wait(self.period)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def summary(self):
        s = sorted(self.samples)
        if not s:
            return None
        return {"min": s[0], "median": s[len(s) // 2], "max": s[-1], "samples": len(s)}


def run_one(name, args, repeats, workdir):
    out = Path(workdir) / "{}.json".format(name)
    command = [sys.executable, "-P", str(BENCH / args[0])] + args[1:] + [
        "--repeats", str(repeats), "--json", str(out)]
    print("\n=== {} : {}".format(name.upper(), " ".join(command[2:])), flush=True)
    busy = common.busy_processes()
    started = time.time()
    with LoadSampler() as sampler:
        proc = subprocess.run(command, cwd=str(common.ROOT))
    elapsed = time.time() - started
    if proc.returncode != 0 or not out.exists():
        print("{} FAILED (exit code {})".format(name.upper(), proc.returncode), flush=True)
        return {"failed": proc.returncode, "elapsed_s": elapsed, "load": sampler.summary(),
                "busy_at_start": busy}
    data = json.loads(out.read_text(encoding="utf-8"))[name]
    data["elapsed_s"] = elapsed
    data["load"] = sampler.summary()
    data["busy_at_start"] = busy
    return data


def git_state():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=str(common.ROOT),
                              capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "core"],
                               cwd=str(common.ROOT), capture_output=True, text=True,
                               timeout=10).stdout.strip()
        return head + (" (core/ with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke scale; no report written")
    parser.add_argument("--repeats", type=int, help="rounds per benchmark (full scale: >= 3, the default; "
                        "--quick: 1 by default)")
    parser.add_argument("--only", nargs="+", choices=["e2e", "b1", "b2", "b3"])
    parser.add_argument("--results", help="report path (default bench/RESULTS.md, full scale only)")
    parser.add_argument("--rewrite", action="store_true",
                        help="rewrite bench/RESULTS.md from bench/RESULTS.json (no benchmark run)")
    args = parser.parse_args(argv)
    if args.rewrite:
        raw = json.loads((BENCH / "RESULTS.json").read_text(encoding="utf-8"))
        rows = report.goals(raw["results"])
        (BENCH / "RESULTS.md").write_text(report.markdown(raw["meta"], raw["results"], rows), encoding="utf-8")
        return 0
    plan = QUICK if args.quick else FULL
    names = args.only or list(plan)
    repeats = (args.repeats or 1) if args.quick else max(3, args.repeats or 3)
    started = datetime.datetime.now(datetime.timezone.utc)
    meta = {
        "date_utc": started.strftime("%Y-%m-%d %H:%M UTC"),
        "scale": "quick (smoke)" if args.quick else "full",
        "machine": common.machine(),
        "git": git_state(),
        "command": "bench/run_all.py" + (" --quick" if args.quick else "") + (
            " --only " + " ".join(names) if args.only else ""),
        "repeats": repeats,
    }
    results = {}
    with tempfile.TemporaryDirectory(prefix="vn-bench-") as workdir:
        for name in names:
            results[name] = run_one(name, plan[name], repeats, workdir)
    meta["elapsed_s"] = (datetime.datetime.now(datetime.timezone.utc) - started).total_seconds()
    target = args.results or (None if args.quick else str(BENCH / "RESULTS.md"))
    if args.only and target:  # the other benchmarks keep their last full-scale figures (and their date)
        previous = Path(target).with_suffix(".json")
        if previous.exists():
            old = json.loads(previous.read_text(encoding="utf-8"))
            for name, data in old.get("results", {}).items():
                if name not in results:
                    data.setdefault("measured", old.get("meta", {}).get("date_utc"))
                    data.setdefault("git", old.get("meta", {}).get("git"))
                    results[name] = data
    goals = report.goals(results)
    print("\n=== SUMMARY ({} scale, medians of {} rounds)".format(meta["scale"], repeats))
    if args.quick:
        print("(smoke scale: these sizes say nothing about the goals, which are set at full scale)")
    for goal in goals:
        print("{:<58} {:>24}  {}".format(goal["goal"], goal["measured"],
                                        "met" if goal["met"] else "NOT MET"))
    if target:
        text = report.markdown(meta, results, goals)
        Path(target).write_text(text, encoding="utf-8")
        raw = Path(target).with_suffix(".json")
        raw.write_text(json.dumps({"meta": meta, "results": results}, indent=1, default=float),
                       encoding="utf-8")
        print("\nwrote {} and {}".format(os.path.relpath(target), os.path.relpath(raw)))
    failed = [n for n, r in results.items() if "failed" in r]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
