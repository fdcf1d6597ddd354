"""Build dist/ville_numerique-<version>.zip: runtime files only, top folder ville_numerique/.

What ships: metadata, entry points, core/, processing/, ui/, resources/, docs/
(the guide, the workshop tutorial, the methodology and their images: *Help*
renders them, ui/help.py), the compiled translations and the licence. Tests,
benchmarks, scripts and CI stay out.
"""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / ".build" / "plugins"))
PLUGIN = "ville_numerique"

TOP_FILES = ("metadata.txt", "__init__.py", "plugin.py", "LICENSE", "README.md")
PACKAGES = ("core", "processing", "ui", "resources", "docs")
EXCLUDED_SUFFIXES = (".pyc", ".pyo")


def tracked_files():
    listing = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [Path(p) for p in listing.stdout.splitlines()]


def runtime_files():
    files = [Path(f) for f in TOP_FILES if (ROOT / f).exists()]
    for path in tracked_files():
        if path.parts[0] in PACKAGES and path.suffix not in EXCLUDED_SUFFIXES and (ROOT / path).exists():
            files.append(path)
    files += sorted(p.relative_to(ROOT) for p in (ROOT / "i18n").glob("*.qm"))
    return sorted(set(files))


def build(destination=None):
    from ville_numerique.core.about import version

    destination = Path(destination or ROOT / "dist" / "{}-{}.zip".format(PLUGIN, version()))
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in runtime_files():
            archive.write(ROOT / path, "{}/{}".format(PLUGIN, path.as_posix()))
    tmp.replace(destination)
    return destination


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else None))
