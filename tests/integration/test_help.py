"""*Help* opens the guide as HTML pages rendered from docs/*.md, not raw Markdown."""

from pathlib import Path

from qgis.PyQt.QtCore import QUrl


def test_help_opens_the_rendered_guide(qgis_app, monkeypatch, tmp_path):
    from qgis.PyQt.QtGui import QDesktopServices
    from ville_numerique.core import about
    from ville_numerique.ui import actions, help

    monkeypatch.setattr(help.tempfile, "gettempdir", lambda: str(tmp_path))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    actions.open_documentation()
    assert len(opened) == 1 and opened[0].isLocalFile()
    page = Path(opened[0].toLocalFile())
    assert page == tmp_path / "ville_numerique_help" / "guide.html"
    text = page.read_text(encoding="utf-8")
    assert "<h1>Guide d'utilisation — Ville numérique</h1>" in text
    assert "<table>" in text and "<th>algorithme</th>" in text
    assert "**" not in text and "](" not in text
    image = QUrl.fromLocalFile(str(about.PLUGIN_DIR / "docs" / "img" / "panel.png")).toString()
    assert '<img src="{}" alt="Le panneau Ville numérique">'.format(image) in text
    assert '<a href="atelier/README.html">' in text
    tutorial = (page.parent / "atelier" / "README.html").read_text(encoding="utf-8")
    assert "<pre><code>qgis_process.bin --json run ville_numerique:coverage" in tutorial
    assert "<!--" not in tutorial  # the test's check comments are not shown


def test_markdown_page_renders_what_the_guide_uses(qgis_app, tmp_path):
    from ville_numerique.ui.help import markdown_page

    source = tmp_path / "docs" / "page.md"
    markdown = "\n".join([
        "# Title *here*",
        "",
        "Some **bold** and `a < b` with [a link](other.md#part) <!-- hidden -->.",
        "",
        "1. first item",
        "   continued",
        "2. second",
        "",
        "| a | b |",
        "|---|---|",
        "| `x` | **y** |",
        "",
        "```bash",
        "echo <done>",
        "```",
    ])
    page = markdown_page(markdown, source, tmp_path / "docs")
    assert "<title>Title here</title>" in page
    assert "<h1>Title <i>here</i></h1>" in page
    assert ("<p>Some <b>bold</b> and <code>a &lt; b</code> with <a href=\"other.html#part\">a link</a>.</p>"
            in page)
    assert "<ol><li>\nfirst item continued\n</li><li>\nsecond\n</li></ol>" in page
    assert "<table><tr><th>a</th><th>b</th></tr>\n<tr><td><code>x</code></td><td><b>y</b></td></tr>\n</table>" in page
    assert "<pre><code>echo &lt;done&gt;</code></pre>" in page
