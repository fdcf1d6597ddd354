"""`make zip` (scripts/build_zip.py): what the installed plugin holds, and that *Help* works from it.

The guide, the workshop tutorial, the methodology and their images ship in ``docs/`` so that
*Help* (ui/help.py) renders them as HTML pages from the installed plugin: every link and image of
the rendered pages must point at a file that is in the zip.
"""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QUrl

from .conftest import ROOT

PLUGIN = "ville_numerique/"
USER_DOCS = ("docs/guide.md", "docs/atelier/README.md", "docs/methodologie.md", "docs/methodology.md",
             "docs/categories.md", "docs/img/panel_fr.png")


@pytest.fixture(scope="module")
def built_zip(tmp_path_factory):
    target = tmp_path_factory.mktemp("zip") / "vn.zip"
    build = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_zip.py"), str(target)],
                           capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stderr
    with zipfile.ZipFile(target) as archive:
        return target, archive.namelist()


def tracked(prefix):
    listing = subprocess.run(["git", "ls-files", prefix], cwd=ROOT, capture_output=True, text=True, check=True)
    return [line for line in listing.stdout.splitlines() if line]


def test_zip_ships_the_user_documentation(built_zip):
    _path, names = built_zip
    for name in USER_DOCS:
        assert PLUGIN + name in names, name
    # every tracked file of docs/ (guide, atelier, methodology, images) and nothing untracked
    shipped = sorted(n[len(PLUGIN):] for n in names if n.startswith(PLUGIN + "docs/"))
    assert shipped == sorted(tracked("docs"))
    assert not any(part in n for n in names for part in ("/tests/", "/bench/", "/scripts/", "/.venv/",
                                                         "__pycache__", ".pyc"))


def test_help_renders_the_installed_guide_with_working_links(built_zip, qgis_app, monkeypatch, tmp_path):
    from ville_numerique.ui import help

    zip_path, _names = built_zip
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(tmp_path / "plugins")
    installed = tmp_path / "plugins" / "ville_numerique"
    monkeypatch.setattr(help.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    url = help.rendered_url(QUrl.fromLocalFile(str(installed / "docs" / "guide.md")))
    page = Path(url.toLocalFile())
    assert page == tmp_path / "tmp" / "ville_numerique_help" / "guide.html"
    broken = []
    pages = sorted(page.parent.rglob("*.html"))
    assert {p.relative_to(page.parent).as_posix() for p in pages} >= {
        "guide.html", "atelier/README.html", "methodologie.html", "methodology.html", "categories.html"}
    images = 0
    for rendered in pages:
        text = rendered.read_text(encoding="utf-8")
        assert "**" not in text and "](" not in text, rendered  # Markdown rendered, not shown raw
        for kind, target in re.findall(r'<(img src|a href)="([^"#]+)', text):
            if re.match(r"^(https?|mailto):", target):
                continue
            if target.startswith("file:"):
                resolved = Path(QUrl(target).toLocalFile())
                # images and non-Markdown files come from the installed plugin itself
                if installed.resolve() not in resolved.resolve().parents:
                    broken.append("{}: {} outside the plugin".format(rendered.name, target))
            else:
                resolved = rendered.parent / target
            images += kind == "img src"
            if not resolved.exists():
                broken.append("{}: {}".format(rendered.relative_to(page.parent), target))
    assert images >= 1
    assert not broken, "\n".join(broken)
