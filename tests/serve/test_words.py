"""The dashboard's own words come from the catalogue, so a translation covers them."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.catalogue.serve import UI
from docgen.serve import app

TEMPLATES = Path(app.__file__).parent / "templates"


def named_words() -> set[str]:
    """Return the keys of the words the templates name, t("key") or t(role) over a list."""
    names = set()
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        names |= set(re.findall(r"""\bt\(\s*["']([\w-]+)["']""", text))
        for loop in re.findall(r"for \w+ in \(([^)]*)\)", text):
            names |= set(re.findall(r'"([\w-]+)"', loop))
    return names


def test_every_word_a_template_names_is_in_the_catalogue_and_every_word_is_used():
    assert named_words() <= set(UI)
    assert set(UI) <= named_words()


def test_the_templates_hold_no_words_of_their_own():
    for template in TEMPLATES.glob("*.html"):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", template.read_text(encoding="utf-8"),
                      flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        assert re.findall(r"[A-Za-z]{2,}", text) == [], template.name
