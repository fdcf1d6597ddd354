"""Shared helpers of the benchmarks: import path, timing, memory, profile, machine.

Importing this module makes the plugin importable as ``ville_numerique``
(the same link ``.build/plugins/ville_numerique`` -> repository root as
``tests/conftest.py``) without putting the repository root on ``sys.path``
(its ``processing/`` folder would shadow QGIS's ``processing`` package).
"""

import cProfile
import io
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
_PLUGINS = ROOT / ".build" / "plugins"
_LINK = _PLUGINS / "ville_numerique"
if not _LINK.exists():
    _PLUGINS.mkdir(parents=True, exist_ok=True)
    try:
        _LINK.symlink_to(ROOT, target_is_directory=True)
    except FileExistsError:  # created by a parallel run
        pass
sys.path[:] = [p for p in sys.path if p not in ("", ".") and Path(p).resolve() != ROOT]
if str(_PLUGINS) not in sys.path:
    sys.path.insert(0, str(_PLUGINS))
if str(BENCH) not in sys.path:
    sys.path.insert(1, str(BENCH))

MIN_REPEATS = 3


# --------------------------------------------------------------------------
# timing


def once(fn):
    """``(seconds, result)`` of one call of ``fn()``."""
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def timed(fn, repeats=MIN_REPEATS):
    """Median wall time of ``repeats`` runs of ``fn()`` (at least 3) and the last result."""
    times, result = [], None
    for _ in range(max(MIN_REPEATS, int(repeats))):
        seconds, result = once(fn)
        times.append(seconds)
    return statistics.median(times), result


def median(values):
    return statistics.median(values) if values else float("nan")


# --------------------------------------------------------------------------
# memory (Linux /proc): the peak resident set size, resettable


def _status(key):
    with open("/proc/self/status") as stream:
        for line in stream:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024  # kB -> bytes
    return None


def rss():
    """Current resident set size of this process (bytes)."""
    return _status("VmRSS")


def reset_peak():
    """Reset the kernel's peak RSS (VmHWM) of this process; False when not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")
        return True
    except OSError:
        return False


def peak_memory(fn):
    """Run ``fn()`` once; returns ``(result, info)`` on the process's resident memory.

    ``info``: ``baseline`` (RSS before), ``peak`` (VmHWM during the call —
    everything resident: Python, numpy, cKDTree's C++ buffers, libraries),
    ``increase`` (peak − baseline) and ``method``. The peak is reset just
    before the call (``/proc/self/clear_refs``); without that right it
    falls back to ``getrusage(RUSAGE_SELF).ru_maxrss``, the peak since the
    process started (an upper bound).
    """
    baseline = rss()
    exact = reset_peak()
    result = fn()
    peak = _status("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return result, {
        "baseline": baseline,
        "peak": peak,
        "increase": peak - baseline,
        "method": "VmHWM reset by /proc/self/clear_refs" if exact else "ru_maxrss (process lifetime)",
    }


def gib(n_bytes):
    return n_bytes / 2**30


# --------------------------------------------------------------------------
# profile


def profile_top(fn, limit=12, sort="tottime"):
    """Run ``fn()`` under cProfile; the ``limit`` top functions as text."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        fn()
    finally:
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(sort).print_stats(limit)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    # keep the table, drop the preamble; shorten the plugin paths
    start = next((k for k, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    text = "\n".join(line for line in lines[start:] if line.strip())
    for prefix in (str(_LINK) + "/", str(ROOT) + "/", sys.prefix + "/lib/"):
        text = text.replace(prefix, "")
    total = next((line.strip() for line in lines if "function calls" in line), "")
    return total + "\n" + text


# --------------------------------------------------------------------------
# machine


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as stream:
            for line in stream:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_bytes():
    try:
        with open("/proc/meminfo") as stream:
            for line in stream:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _os_name():
    try:
        with open("/etc/os-release") as stream:
            for line in stream:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.platform()


def load_average():
    try:
        return os.getloadavg()
    except OSError:
        return None


def busy_processes(limit=6):
    """Other processes using the CPU (``ps``: average share over their lifetime), to describe the load."""
    try:
        out = subprocess.run(
            ["ps", "-eo", "pid,pcpu,comm", "--sort=-pcpu", "--no-headers"],
            capture_output=True, text=True, timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    rows = []
    own = {os.getpid(), os.getppid()}
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3:
            try:
                pid, cpu = int(parts[0]), float(parts[1])
            except ValueError:
                continue
            if cpu >= 5.0 and pid not in own:  # not the benchmark itself
                rows.append("{} {:.0f} %".format(parts[2].strip(), cpu))
    return rows[:limit]


def versions():
    import numpy
    import scipy

    result = {
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
    }
    try:
        import pandas

        result["pandas"] = pandas.__version__
    except ImportError:
        pass
    try:
        from importlib.metadata import version

        result["access (PySAL)"] = version("access")
    except Exception:  # noqa: BLE001 - informative only
        pass
    try:
        from qgis.core import Qgis

        result["QGIS"] = Qgis.QGIS_VERSION
    except ImportError:
        result["QGIS"] = "not importable"
    return result


def machine():
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": round(gib(_ram_bytes() or 0), 1),
        "os": _os_name(),
        "kernel": platform.release(),
        "versions": versions(),
    }
