#!/usr/bin/env python3
"""Write the category lists of the help pages and of ``docs/categories.md`` from ``core/categories.py``.

The help pages and the docs are prose written by hand, except for the facts that
``core/categories.py`` holds: which categories exist, their labels, colours, default walking
distances and weights. Those parts are rewritten here, in place:

* in ``resources/help/{en,fr}/coverage.md``: the list of codes of the *Category field* line,
  the default ``THRESHOLDS`` and ``WEIGHTS`` strings;
* in ``resources/help/{en,fr}/fetch_services.md``: the list of codes under *Categories*;
* in ``docs/categories.md``: the table of section 1 (code, labels, colour, threshold, weight).

``tests/unit/test_build_docs.py`` fails when a committed file differs from what this script
writes. Run it after editing ``core/categories.py`` (no QGIS needed)::

    .venv/bin/python -P scripts/build_docs.py
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plugin_path import ROOT, import_plugin  # noqa: E402

import_plugin()
from ville_numerique.core import categories  # noqa: E402
from ville_numerique.core.coverage import format_mapping  # noqa: E402
from ville_numerique.core.report.formats import format_distance  # noqa: E402
from ville_numerique.core.walking import walking_minutes  # noqa: E402

#: ``` `epn` (label), `france_services` (label), … ```: three or more codes, labels optional.
_LABEL = r"(?: \((?:[^()`]|\([^()`]*\))*\))?"  # " (label)", the label may hold one "(…)"
CODE_LIST = re.compile(r"`[a-z_]+`{0}(?:, `[a-z_]+`{0}){{2,}}".format(_LABEL))
#: ``` `epn=15min;…;wifi=4.5min` ``` or ``` `epn=3;…;wifi=1` ```
MAPPING = re.compile(r"`(?:[a-z_]+=[0-9.]+(?:min)?;)+[a-z_]+=[0-9.]+(?:min)?`")

#: Header of the generated table of docs/categories.md (the table runs to the next blank line).
TABLE_HEADER = "| code | libellé | label (anglais, source traduite par `tr`) | couleur | seuil par défaut | poids |"


def code_list(language):
    """```epn` (Digital mediation), `france_services` (France Services), …`` (short labels) in ``language``."""
    return ", ".join("`{}` ({})".format(c.code, categories.label_in(c.code, language, short=True))
                     for c in categories.CATEGORIES)


def thresholds():
    """The default THRESHOLDS in minutes of walk, as the dialogs show them (``epn=15min;…``)."""
    return "`{}`".format(";".join("{}={:g}min".format(code, round(float(walking_minutes(metres)), 2))
                                  for code, metres in categories.default_thresholds().items()))


def weights():
    return "`{}`".format(format_mapping(categories.default_weights()))


def categories_table():
    rows = [TABLE_HEADER, "|---|---|---|---|---:|---:|"]
    for c in categories.CATEGORIES:
        rows.append("| `{}` | {} | {} | `{}` | {} | {:g} |".format(
            c.code, categories.label_in(c.code, "fr"), c.label, c.colour, format_distance(c.threshold_m, "fr"),
            c.weight))
    return "\n".join(rows)


def _replace_in_line(text, prefix, pattern, replacement, where):
    """``text`` with ``pattern`` replaced in the one line starting with ``prefix``."""
    lines = text.split("\n")
    found = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    if len(found) != 1:
        raise SystemExit("{}: expected one line starting with {!r}, found {}".format(where, prefix, len(found)))
    line = lines[found[0]]
    if len(pattern.findall(line)) != 1:
        raise SystemExit("{}: the line {!r}… does not hold exactly one generated list".format(where, prefix))
    lines[found[0]] = pattern.sub(lambda _match: replacement, line)
    return "\n".join(lines)


def _replace_table(text, where):
    start = text.find(TABLE_HEADER + "\n")
    if start < 0:
        raise SystemExit("{}: the categories table (header {!r}) is missing".format(where, TABLE_HEADER))
    end = text.find("\n\n", start)
    return text[:start] + categories_table() + text[end:]


#: (path, [(line prefix, pattern, replacement function)]) of the help pages.
HELP_PARTS = {
    ("en", "coverage"): [("- **Category field**:", CODE_LIST, lambda: code_list("en")),
                         ("- **Thresholds**:", MAPPING, thresholds),
                         ("- **Weights** (advanced):", MAPPING, weights)],
    ("fr", "coverage"): [("- **Champ des catégories** :", CODE_LIST, lambda: code_list("fr")),
                         ("- **Seuils** :", MAPPING, thresholds),
                         ("- **Poids** (avancé) :", MAPPING, weights)],
    ("en", "fetch_services"): [("`epn` ", CODE_LIST, lambda: code_list("en"))],
    ("fr", "fetch_services"): [("`epn` ", CODE_LIST, lambda: code_list("fr"))],
}


def generated_files(source_root=ROOT):
    """``{relative path: text}`` of every generated file, from the files under ``source_root``."""
    out = {}
    for (language, name), parts in HELP_PARTS.items():
        relative = Path("resources", "help", language, name + ".md")
        text = (source_root / relative).read_text(encoding="utf-8")
        for prefix, pattern, replacement in parts:
            text = _replace_in_line(text, prefix, pattern, replacement(), relative)
        out[relative] = text
    relative = Path("docs", "categories.md")
    out[relative] = _replace_table((source_root / relative).read_text(encoding="utf-8"), relative)
    return out


def write(target_root=ROOT, source_root=ROOT):
    """Write the generated files under ``target_root``; the paths written."""
    written = []
    for relative, text in generated_files(source_root).items():
        path = target_root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main():
    for path in write():
        print("wrote", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
