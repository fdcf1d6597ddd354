"""The workshop tutorial against the French interface (issue 13, point 8).

The tutorial (docs/atelier/*.md) writes every label of the extension it names — a page of the
panel, a button, a field, a layer — in bold between French quotes, as the French interface shows
it: **« Lancer l'analyse »**. Each such label must be a text of the French interface: the French
translation (``i18n/*_fr.ts``, neither unfinished nor vanished) of an English text that the code
still holds (a string literal in the plugin's Python files or a text of a ``ui/**/*.ui`` file),
or a text of a ``.ui`` file itself. Labels of QGIS itself (*Exécuter*, *Extensions*) stay in
italics and are not checked. The pages the steps name follow the panel's own order, starting
with the page the panel opens on.
"""

import ast
import re
import xml.etree.ElementTree as ElementTree

import pytest

from .conftest import ROOT

TUTORIALS = sorted((ROOT / "docs" / "atelier").glob("*.md"))
LABEL = re.compile(r"\*\*«\s*(.+?)\s*»\*\*", re.S)
SOURCES = ("core", "processing", "ui")


def normal(text):
    """Spaces (non-breaking, narrow, line breaks) as one space; typographic apostrophes as '; no &."""
    text = re.sub(r"&(?=\w)", "", text or "").replace("&&", "&")
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.replace("’", "'")).strip()


def code_texts():
    """Every string literal of the plugin's Python files and every text of its .ui files."""
    texts = set()
    files = [ROOT / "plugin.py", ROOT / "__init__.py"]
    for folder in SOURCES:
        files += sorted((ROOT / folder).rglob("*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.add(node.value)
    for path in sorted((ROOT / "ui").rglob("*.ui")):
        texts.update(element.text for element in ElementTree.parse(str(path)).getroot().iter("string")
                     if element.text)
    return texts


def french_interface():
    """The French texts of the interface: translations of texts the code holds, and .ui texts."""
    held = code_texts()
    french = set()
    for path in sorted((ROOT / "ui").rglob("*.ui")):
        french.update(normal(element.text) for element in ElementTree.parse(str(path)).getroot().iter("string")
                      if element.text)
    translations = {}
    for path in sorted((ROOT / "i18n").glob("*_fr.ts")):
        for message in ElementTree.parse(str(path)).getroot().iter("message"):
            source, translation = message.find("source"), message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue  # not shown: lrelease leaves them out
            translations[source.text] = translation.text
            if source.text in held:
                french.add(normal(translation.text))
    return french, translations


def matches(label, french):
    """``label`` is one of the French texts, or a formatted message ({placeholders} filled in)."""
    if label in french:
        return True
    for text in french:
        if "{" in text:
            pattern = re.sub(r"\\\{\w*\\\}", ".+?", re.escape(text))
            if re.fullmatch(pattern, label):
                return True
    return False


def tutorial_labels():
    found = []
    for path in TUTORIALS:
        text = path.read_text(encoding="utf-8")
        for match in LABEL.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append((path.relative_to(ROOT).as_posix(), line, normal(match.group(1))))
    return found


def test_the_tutorial_marks_the_labels_it_names():
    labels = [label for _path, _line, label in tutorial_labels()]
    assert len(labels) >= 25
    # the steps done in QGIS name the panel's pages and main buttons
    for label in ("2. Données", "Charger l'échantillon de Saint-Omer", "3. Analyse", "Lancer l'analyse",
                  "4. Résultats", "Scénario", "Rapport", "Recommander des sites"):
        assert label in labels, label
    # no label of the extension left in the old, unchecked spelling (italics or plain quotes)
    for path in TUTORIALS:
        text = path.read_text(encoding="utf-8")
        stale = re.findall(r"(?<!\*)\*(\d\. [A-ZÉ]\w+|Lancer|Scénario|Rapport)\*(?!\*)", text)
        assert not stale, "{}: {}".format(path.name, stale)


def test_every_label_the_tutorial_names_exists_in_the_french_interface():
    french, _translations = french_interface()
    missing = ["{}:{}: « {} »".format(path, line, label) for path, line, label in tutorial_labels()
               if not matches(label, french)]
    assert not missing, "not in the French interface:\n" + "\n".join(missing)


def test_a_label_that_leaves_the_interface_is_caught():
    french, translations = french_interface()
    assert matches("Lancer l'analyse", french)
    assert matches("Scénario : score moyen 78,6 → 80,8 (+2,1 points)", french)
    assert not matches("Lancer", french)  # the old tutorial's word
    assert not matches("Charger l'échantillon Saint-Omer", french)
    assert translations["Run the analysis"] == "Lancer l'analyse"


@pytest.fixture
def page_titles(qgis_app, qgis_iface, qgis_new_project, provider):
    """The French titles of the panel's pages, in the panel's order, and the page it opens on."""
    from qgis.PyQt.QtWidgets import QStackedWidget, QTabWidget, QToolBox
    from ville_numerique.ui.panel import VilleNumeriquePanel

    panel = VilleNumeriquePanel(qgis_iface)
    try:
        for kind in (QToolBox, QTabWidget):
            containers = [w for w in panel.findChildren(kind) if w.count() > 1]
            if containers:
                container = max(containers, key=lambda w: w.count())
                title = container.itemText if kind is QToolBox else container.tabText
                titles = [title(index) for index in range(container.count())]
                break
        else:
            stacks = [w for w in panel.findChildren(QStackedWidget) if w.count() > 1]
            assert stacks, "no page container in the panel"
            container = max(stacks, key=lambda w: w.count())
            titles = [container.widget(index).windowTitle() for index in range(container.count())]
        first = container.currentIndex()
    finally:
        panel.unload()
        panel.deleteLater()
    _french, translations = french_interface()
    return [normal(translations.get(title, title)) for title in titles], first


def test_the_tutorial_names_the_pages_in_the_panels_order(page_titles):
    titles, first = page_titles
    assert len(titles) >= 3 and all(titles), titles
    named = [label for _path, _line, label in tutorial_labels() if label in titles]
    order = [titles.index(label) for label in named]
    assert order, "the tutorial names none of the pages {}".format(titles)
    assert order[0] == first, "the tutorial starts on « {} », the panel opens on « {} »".format(
        named[0], titles[first])
    assert order == sorted(order), "pages named out of the panel's order: {} (panel: {})".format(
        " → ".join(named), " → ".join(titles))
