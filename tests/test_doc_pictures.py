"""The pictures the documentation shows: every one it names is there, and every house-style
setting is shown in one, captioned with its YAML."""

from __future__ import annotations

import importlib.util
import re
import sys
import typing

import pytest

from docgen.content.schema import ContentModel, StyleSettings
from tests.support.trees import REPO

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GUIDE = REPO / "docs" / "content-format.md"
PICTURES = REPO / "docs" / "styles"
PAGES = sorted([*REPO.glob("README*.md"), *(REPO / "docs").glob("*.md")])
# ![alt](path) and ![alt](path "title"), and <img src="path">.
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
                   r"|<img\b[^>]*\bsrc=[\"']([^\"']+)[\"']")


def images(text: str) -> list[str]:
    """Return the address of every image `text` shows, in order."""
    return [found.group(1) or found.group(2) for found in IMAGE.finditer(text)]


def section(text: str, title: str) -> str:
    """Return the section of a Markdown page headed `## title`, up to the next `## `."""
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else None]


def cells(row: str) -> list[str]:
    """Return the cells of a Markdown table row."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip().strip("|"))]


def captioned_pictures(text: str) -> list[tuple[str, str]]:
    """Return (picture, caption) for every picture in `text`. A picture in a table is
    captioned by its cell, its column's header, and its row's first cell with that
    column's header; elsewhere by its paragraph."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().splitlines()
        if lines and all(line.startswith("|") for line in lines):
            header = cells(lines[0])
            for line in lines[:1] + lines[2:]:
                row = cells(line)
                for column, cell in enumerate(row):
                    found += [(picture, " ".join([cell, header[column], row[0], header[0]]))
                              for picture in images(cell)]
        else:
            found += [(picture, block) for picture in images(block)]
    return found


def setting_names(model: type[ContentModel]) -> set[str]:
    """Return the keys a `style:` may hold, those of its nested mappings too."""
    names = set()
    for name, field in model.model_fields.items():
        names.add(name)
        for argument in (field.annotation, *typing.get_args(field.annotation)):
            if isinstance(argument, type) and issubclass(argument, ContentModel):
                names |= setting_names(argument)
    return names


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_picture_a_page_shows_is_a_png_beside_it(page):
    shown = images(page.read_text(encoding="utf-8"))
    for address in shown:
        assert "://" not in address, f"{page.name} shows a picture from elsewhere: {address}"
        picture = page.parent / address
        assert picture.suffix == ".png" and picture.is_file(), f"{page.name}: {address}"
        assert picture.read_bytes()[:8] == PNG_SIGNATURE, f"{address} is not a PNG"


def test_every_house_style_setting_is_captioned_under_a_picture_of_what_it_produces():
    pictures = captioned_pictures(section(GUIDE.read_text(encoding="utf-8"), "House styles"))
    captions = " ".join(caption for _picture, caption in pictures)
    assert {"numbering", "position"} < setting_names(StyleSettings)
    missing = sorted(name for name in setting_names(StyleSettings)
                     if not re.search(rf"\b{name}:", captions))
    assert missing == [], "settings without a captioned picture in House styles"


def test_the_style_pictures_are_the_ones_the_script_draws_and_the_guide_shows(monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "make_style_pictures", REPO / "scripts" / "make_style_pictures.py")
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)  # its dataclasses look it up there
    spec.loader.exec_module(script)
    drawn = {f"{name}.png" for name in script.PICTURES_MADE}
    kept = {picture.name for picture in PICTURES.glob("*")}
    assert kept == drawn, "run: make pictures"
    shown = {address.removeprefix("styles/")
             for address in images(GUIDE.read_text(encoding="utf-8"))
             if address.startswith("styles/")}
    assert shown == drawn
    for name in kept:
        assert (PICTURES / name).stat().st_size < 150_000, f"{name} is over 150 KB"
