"""*Help*: the user guide (``docs/*.md``) rendered as HTML pages for the web browser.

The Markdown of ``docs/`` is written for GitHub; a browser shows it raw. The
pages are rendered into a folder of the user's temporary directory (the
plugin's folder may be read-only), the links between them point to the
rendered pages, the images to the plugin's own files. Only what the guide
uses is read: titles, paragraphs, lists, tables, code blocks, links, images,
bold, italics and code.
"""

import html
import re
import tempfile
from pathlib import Path

from qgis.PyQt.QtCore import QUrl

CSS = """body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
code,pre{font-family:monospace;background:#f4f4f4}pre{padding:.6em;overflow-x:auto}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}
img{max-width:100%}h1,h2,h3{line-height:1.2}"""

_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")


def _inline(text, source, root):
    """Escape ``text`` and render its code, bold, italics, links and images."""
    codes = []

    def keep(match):
        codes.append("<code>{}</code>".format(html.escape(match.group(1))))
        return "\x00{}\x00".format(len(codes) - 1)

    text = html.escape(re.sub(r"`([^`]+)`", keep, text), quote=False)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"<i>\1</i>", text)

    def link(match):
        image, label, target = match.groups()
        return _link(image, label, html.unescape(target), source, root)

    text = _LINK.sub(link, text)
    return re.sub("\x00(\\d+)\x00", lambda match: codes[int(match.group(1))], text)


def _link(image, label, target, source, root):
    if re.match(r"^[a-z]+:", target) or target.startswith("#"):
        url = target
    else:
        path, _, anchor = target.partition("#")
        resolved = (source.parent / path).resolve()
        if image or resolved.suffix.lower() != ".md" or root.resolve() not in resolved.parents:
            url = QUrl.fromLocalFile(str(resolved)).toString()  # the plugin's own file
        else:
            url = path[: -len(".md")] + ".html" + ("#" + anchor if anchor else "")
    if image:
        return '<img src="{}" alt="{}">'.format(html.escape(url), label)
    return '<a href="{}">{}</a>'.format(html.escape(url), label)


def markdown_page(markdown, source, root):
    """A complete HTML page for the Markdown text of the file ``source`` (under ``root``)."""
    markdown = re.sub(r"[ \t]*<!--.*?-->", "", markdown, flags=re.S)
    lines = markdown.splitlines()
    out, paragraph, lists = [], [], []
    title = source.stem

    def inline(text):
        return _inline(text, source, root)

    def flush():
        if paragraph:
            text = inline(" ".join(paragraph))
            out.append(text if lists else "<p>{}</p>".format(text))  # a list item's text without <p>
            paragraph.clear()

    def close_lists():
        while lists:
            out.append("</li></{}>".format(lists.pop()))

    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            close_lists()
            code = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith("```"):
                code.append(lines[index])
                index += 1
            out.append("<pre><code>{}</code></pre>".format(html.escape("\n".join(code))))
            index += 1
            continue
        if stripped.startswith("|") and index + 1 < len(lines) and re.match(r"^\|?[\s:|-]+\|?$",
                                                                              lines[index + 1].strip()):
            flush()
            close_lists()
            rows = []
            while index < len(lines) and lines[index].strip().startswith("|"):
                rows.append([cell.strip() for cell in lines[index].strip().strip("|").split("|")])
                index += 1
            header, body = rows[0], rows[2:]
            out.append("<table><tr>{}</tr>".format("".join("<th>{}</th>".format(inline(c)) for c in header)))
            for row in body:
                out.append("<tr>{}</tr>".format("".join("<td>{}</td>".format(inline(c)) for c in row)))
            out.append("</table>")
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        item = re.match(r"^(\d+\.|[-*])\s+(.*)$", stripped)
        if heading:
            flush()
            close_lists()
            level = len(heading.group(1))
            if level == 1:
                title = heading.group(2)
            out.append("<h{0}>{1}</h{0}>".format(level, inline(heading.group(2))))
        elif item and not line.startswith("    "):
            flush()
            kind = "ol" if item.group(1)[0].isdigit() else "ul"
            depth = 1 + (len(line) - len(line.lstrip())) // 2
            while len(lists) > depth:
                out.append("</li></{}>".format(lists.pop()))
            if len(lists) == depth and lists[-1] == kind:
                out.append("</li><li>")
            else:
                if len(lists) == depth:
                    out.append("</li></{}>".format(lists.pop()))
                out.append("<{}><li>".format(kind))
                lists.append(kind)
            paragraph.append(item.group(2))
        elif not stripped:
            flush()
            if lists and not (index + 1 < len(lines) and lines[index + 1].startswith(" ")):
                close_lists()
        else:
            if lists and not line.startswith(" "):
                flush()
                close_lists()
            paragraph.append(stripped)
        index += 1
    flush()
    close_lists()
    body = "\n".join(out)
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{}</title><style>{}</style></head>\n'
            '<body>\n{}\n</body></html>\n').format(html.escape(re.sub(r"[*`]", "", title)), CSS, body)


def render_docs(docs, target=None):
    """Every ``*.md`` under ``docs`` rendered into ``target`` (same tree, ``.html``); the target folder."""
    target = Path(target or Path(tempfile.gettempdir()) / "ville_numerique_help")
    for source in sorted(Path(docs).rglob("*.md")):
        page = target / source.relative_to(docs).with_suffix(".html")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(markdown_page(source.read_text(encoding="utf-8"), source, Path(docs)), encoding="utf-8")
    return target


def rendered_url(url):
    """``url`` of a Markdown file of the plugin's ``docs/``: the URL of its rendered page (else ``url``)."""
    if not url.isLocalFile() or not url.toLocalFile().lower().endswith(".md"):
        return url
    source = Path(url.toLocalFile())
    docs = source.parent
    while docs.name != "docs" and docs.parent != docs:
        docs = docs.parent
    if docs.name != "docs":
        docs = source.parent
    try:
        target = render_docs(docs)
    except OSError:
        return url  # the Markdown itself rather than nothing
    return QUrl.fromLocalFile(str(target / source.relative_to(docs).with_suffix(".html")))
