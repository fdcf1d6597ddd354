"""The workshop tutorial (docs/atelier/README.md): run every command, check every figure.

Code blocks opened with ```bash atelier are run in order in one shell, as a trainee
would type them. Each figure the text announces is followed by a comment
``<!-- check: FILE PATH = VALUE -->`` (or ``% VALUE`` for a share shown in percent):
the value read at PATH in FILE (JSON written by the commands, dotted path, list
indexes allowed) must round to VALUE, and the line must show VALUE in French
(``15 174,5``), so that the text can never drift from the code.
"""

import json
import re
import subprocess

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow
TUTORIAL = ROOT / "docs" / "atelier" / "README.md"
BLOCK = re.compile(r"```bash atelier\n(.*?)```", re.S)
CHECK = re.compile(r"<!-- check: (\S+) (\S+) ([=%]) (-?[\d.]+) -->")


def french(number_text):
    """'15174.5' -> '15 174,5' (same decimals as written)."""
    whole, _, decimals = number_text.partition(".")
    grouped = "{:,}".format(int(whole)).replace(",", " ")
    return grouped + ("," + decimals if decimals else "")


def lookup(data, path):
    for key in path.split("."):
        data = data[int(key)] if isinstance(data, list) else data[key]
    return data


def checks():
    found = []
    for number, line in enumerate(TUTORIAL.read_text(encoding="utf-8").splitlines(), 1):
        for match in CHECK.finditer(line):
            visible = re.sub(r"<!--.*?-->", "", line[: match.start()])  # the text before this comment
            found.append((number, visible, *match.groups()))
    return found


def test_the_tutorial_has_commands_and_figures():
    text = TUTORIAL.read_text(encoding="utf-8")
    assert len(BLOCK.findall(text)) >= 8
    assert len(checks()) >= 15


def test_every_command_runs_and_every_figure_is_right(qgis_process_env, tmp_path):
    script = "set -euo pipefail\n" + "\n".join(BLOCK.findall(TUTORIAL.read_text(encoding="utf-8")))
    env = dict(qgis_process_env, VN=str(ROOT), ATELIER=str(tmp_path / "atelier"))
    proc = subprocess.run(["bash", "-c", script], cwd=str(ROOT), env=env, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    problems = []
    for number, line, filename, path, kind, expected in checks():
        value = lookup(json.loads((tmp_path / "atelier" / filename).read_text(encoding="utf-8")), path)
        decimals = len(expected.partition(".")[2])
        shown = round(float(value) * (100 if kind == "%" else 1), decimals)
        if shown != pytest.approx(float(expected), abs=10 ** -(decimals + 6)):
            problems.append("line {}: {} {} is {} (shown {}), the text says {}".format(
                number, filename, path, value, shown, expected))
        if french(expected) not in line:
            problems.append("line {}: the text does not show {}".format(number, french(expected)))
    assert not problems, "\n".join(problems)
