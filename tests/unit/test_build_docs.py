"""The category lists of the help pages and of docs/categories.md are written by scripts/build_docs.py
from core/categories.py: the committed files must be what it writes now."""

import importlib.util
from pathlib import Path

import pytest
from ville_numerique.core import categories

ROOT = Path(__file__).resolve().parents[2]


def load_builder():
    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts" / "build_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDER = load_builder()


@pytest.mark.parametrize("relative", sorted(BUILDER.generated_files(), key=str), ids=str)
def test_committed_file_is_what_build_docs_writes(relative):
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == BUILDER.generated_files()[relative], (
        "{} is stale: run .venv/bin/python -P scripts/build_docs.py and commit it".format(relative))


def test_the_help_gives_every_category_and_the_registry_defaults():
    text = (ROOT / "resources" / "help" / "en" / "coverage.md").read_text(encoding="utf-8")
    assert ("`epn=15min;france_services=22.5min;conseiller_numerique=15min;tiers_lieu=22.5min;fablab=30min;"
            "wifi=4.5min`") in text
    assert "`epn=3;france_services=2;conseiller_numerique=2;tiers_lieu=1;fablab=1;wifi=1`" in text
    for category in categories.CATEGORIES:
        assert "`{}` ({})".format(category.code, category.short_label) in text


def test_the_docs_table_has_one_row_per_category_with_its_colour():
    text = (ROOT / "docs" / "categories.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")
            and line.count("|") == 7 and "`#" in line]
    assert [row.split("|")[1].strip(" `") for row in rows] == list(categories.CODES)
    assert "| `wifi` | Accès public à internet | Public internet access | `#56b4e9` | 300\u00a0m | 1 |" in rows


def test_a_table_edited_by_hand_is_rewritten(tmp_path):
    for relative in BUILDER.generated_files():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((ROOT / relative).read_text(encoding="utf-8"), encoding="utf-8")
    docs = tmp_path / "docs" / "categories.md"
    docs.write_text(docs.read_text(encoding="utf-8").replace("| 300\u00a0m |", "| 250\u00a0m |"), encoding="utf-8")
    coverage = tmp_path / "resources" / "help" / "fr" / "coverage.md"
    coverage.write_text(coverage.read_text(encoding="utf-8").replace("wifi=4.5min`", "wifi=4min`", 1), encoding="utf-8")
    generated = BUILDER.generated_files(tmp_path)
    assert "| 300\u00a0m |" in generated[Path("docs", "categories.md")]
    assert generated[Path("resources", "help", "fr", "coverage.md")].count("wifi=4.5min`") == 1
