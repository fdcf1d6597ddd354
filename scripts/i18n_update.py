"""Refresh i18n/ville_numerique_fr.ts from the sources (pylupdate5), keeping translations.

Run by `make i18n-update`. New strings appear as "unfinished": translate them
(Qt Linguist or by hand) before committing — tests/integration/test_i18n.py fails otherwise.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("core", "processing", "ui")
TOP = ("plugin.py", "__init__.py")


def sources():
    files = [ROOT / name for name in TOP]
    for folder in SOURCE_DIRS:
        files += sorted((ROOT / folder).rglob("*.py")) + sorted((ROOT / folder).rglob("*.ui"))
    return [str(f.relative_to(ROOT)) for f in files]


def update(ts_path):
    subprocess.run(["pylupdate5", "-noobsolete", *sources(), "-ts", str(ts_path)], cwd=ROOT, check=True)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "i18n" / "ville_numerique_fr.ts"
    update(target)
    print(target)
