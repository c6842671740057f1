"""A Word table cell as a content cell: a string, or a mapping with its spans, its
paragraphs and the list it holds.

A cell prints its text, then its other paragraphs, then a bulleted list, then a
numbered one (docgen.content.tables); a cell whose parts come in that order is written
so, and any other is written as paragraphs with the labels as the original printed them.
Every line of a cell is its own paragraph (docgen.importer.prose). Bold that covers a
whole cell is the table's look, not emphasis, and is not marked.
"""

from __future__ import annotations

from docgen.importer.labels import read_label
from docgen.importer.lists import list_item
from docgen.importer.model import WordCell, WordParagraph
from docgen.importer.prose import escape_template, paragraph_texts, plain_text, split_items

_ORDER = {"text": 0, "bullet": 1, "number": 2}


def cell_value(cell: WordCell | None, rows: int, cols: int, numbered_form: str, bullet: str,
               *, header: bool = False) -> object:
    """Return the cell in content format: "" for a filler, its text, or a mapping."""
    lines, numbers = _lines(cell, numbered_form, bullet, header=header) \
        if cell is not None else ([], [])
    value: dict[str, object] = {}
    kinds = [kind for kind, _text in lines]
    if kinds != sorted(kinds, key=_ORDER.__getitem__) or \
            numbers != list(range(1, len(numbers) + 1)):
        lines = [("text", text) for text in _as_written(cell)]
    texts = [text for kind, text in lines if kind == "text"]
    if len(texts) == 1:
        value["text"] = texts[0]
    elif texts:
        value["paragraphs"] = texts
    for kind, key in (("bullet", "bullets"), ("number", "numbered")):
        items = [text for line_kind, text in lines if line_kind == kind]
        if items:
            value[key] = items
    if rows > 1:
        value["rows"] = rows
    if cols > 1:
        value["cols"] = cols
    if set(value) <= {"text"}:
        return value.get("text", "")
    return value


def _lines(cell: WordCell, numbered_form: str, bullet: str, *, header: bool
           ) -> tuple[list[tuple[str, str]], list[int]]:
    """Return the cell's lines as (kind, text), and the numbers its numbered items show."""
    whole_bold = all(p.bold for p in cell.paragraphs if p.text.strip())
    lines: list[tuple[str, str]] = []
    numbers: list[int] = []
    for paragraph in _pieces(cell):
        item = list_item(-1, paragraph)
        kind = "text"
        if item is not None and not item.ordered and item.form == bullet:
            kind = "bullet"
        elif item is not None and item.ordered and item.form == numbered_form:
            kind = "number"
            numbers.append(item.value)
        start = item.start if kind != "text" and item is not None else 0
        for text in _texts(paragraph, start, plain=header or whole_bold):
            lines.append((kind, text))
    return lines, numbers


def _texts(paragraph: WordParagraph, start: int, *, plain: bool) -> list[str]:
    if plain:
        return [escape_template(line.replace("**", r"\*\*"))
                for line in plain_text(paragraph, start, every_line=True).split("\n") if line]
    return paragraph_texts(paragraph, start, every_line=True)


def _pieces(cell: WordCell) -> list[WordParagraph]:
    """Return the cell's lines, each a paragraph: every line of a cell is one."""
    return [piece for paragraph in cell.paragraphs
            for piece in split_items(paragraph, every_line=True)]


def _as_written(cell: WordCell | None) -> list[str]:
    """Return the cell's lines with their labels as text, as the original printed them."""
    if cell is None:
        return []
    texts: list[str] = []
    for paragraph in _pieces(cell):
        label = paragraph.label.strip()
        for index, text in enumerate(paragraph_texts(paragraph, every_line=True)):
            joined = f"{label}{text}" if index == 0 and label and read_label(text) is None \
                else text
            texts.append(joined)
    return texts
