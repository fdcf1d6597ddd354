"""QGIS 4 / Qt6 readiness checks (run by `make lint`), in the spirit of QGIS's
pyqt5_to_pyqt6 script: prints every finding and exits 1 if there is any.

Rules: Qt only through qgis.PyQt; no exec_(); no QtWebKit; enums fully scoped
(``Qt.AlignmentFlag.AlignLeft``, not ``Qt.AlignLeft``); no ``QVariant.<Type>``
shortcuts.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("core", "processing", "ui", "plugin.py", "__init__.py")

RULES = (
    (re.compile(r"^\s*(from|import)\s+(PyQt5|PyQt6|PySide2|PySide6)\b"), "import Qt through qgis.PyQt"),
    (re.compile(r"\.exec_\("), "exec_() is gone in Qt6: use exec()"),
    (re.compile(r"QtWebKit"), "QtWebKit is gone in Qt6"),
    (re.compile(r"\bQVariant\.(Int|UInt|LongLong|ULongLong|Double|String|Bool|Date|DateTime)\b"),
     "unscoped QVariant type (use QVariant.Type.X / QMetaType.Type.X)"),
)
# Class.Member where Member is CamelCase and not followed by '.', '(' or more name:
# an enum value reached without its enum's name.
UNSCOPED = re.compile(r"\b(Qt|Qgs[A-Za-z]+|Qgis|Q[A-Z][A-Za-z]+)\.([A-Z][a-z][A-Za-z0-9]*)\b(?![.(\w])")
# Names that are classes / types rather than enum values.
ALLOWED_MEMBERS = {
    "Type", "Flag", "Flags", "SourceType", "GeometryType", "WkbType", "AlignmentFlag",
    "Orientation", "ItemDataRole", "CheckState", "WindowType", "DockWidgetArea", "MessageLevel",
    "StandardButton", "Policy", "Shape", "ToolButtonStyle", "Icon", "ButtonRole",
    "Source", "ProcessingModelChildParameterSource",  # enum classes (processing/compat.py)
}


def files():
    for name in CHECKED:
        path = ROOT / name
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from sorted(path.rglob("*.py"))


def findings():
    for path in files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for pattern, message in RULES:
                if pattern.search(line):
                    yield path, number, message, line.strip()
            for match in UNSCOPED.finditer(code):
                if match.group(2) not in ALLOWED_MEMBERS:
                    message = "unscoped enum {} (use the enum's full name)".format(match.group(0))
                    yield path, number, message, line.strip()


def main():
    found = list(findings())
    for path, number, message, line in found:
        print("{}:{}: {}\n    {}".format(path.relative_to(ROOT), number, message, line))
    print("{} finding(s)".format(len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
