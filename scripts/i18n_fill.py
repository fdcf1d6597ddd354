"""Fill unfinished entries of i18n/ville_numerique_fr.ts from a JSON file {source: translation}.

For translators who work outside Qt Linguist: `make i18n-update` marks new strings
"unfinished"; list their translations in a JSON object and run
``python scripts/i18n_fill.py translations.json``. Prints what is still unfinished.
"""

import html
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "ville_numerique_fr.ts"
ENTITIES = {"'": "&apos;", '"': "&quot;"}
MESSAGE = re.compile(r"(<source>)([^<]*)(</source>\s*(?:<(?:comment|extracomment|translatorcomment)>[^<]*"
                     r"</(?:comment|extracomment|translatorcomment)>\s*)*)"
                     r"<translation type=\"unfinished\">([^<]*)</translation>")


def fill(ts_text, translations):
    def replace(match):
        source = html.unescape(match.group(2))  # pylupdate5 escapes quotes in some strings only
        if source in translations:
            return "{}{}{}<translation>{}</translation>".format(
                match.group(1), match.group(2), match.group(3), escape(translations[source], ENTITIES))
        return match.group(0)

    return MESSAGE.sub(replace, ts_text)


def unfinished(ts_text):
    return [m.group(2) for m in MESSAGE.finditer(ts_text)]


if __name__ == "__main__":
    table = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    text = fill(TS.read_text(encoding="utf-8"), table)
    TS.write_text(text, encoding="utf-8")
    left = unfinished(text)
    print("{} unfinished".format(len(left)))
    for source in left:
        print("  " + source)
