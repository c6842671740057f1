"""The numbered body of a Word file as docgen `sections`, and the house style it is in.

The body is read once, in order: a heading opens a section at its level (up to four;
a deeper one is kept as a bold paragraph with its number), paragraphs become prose,
consecutive list items become a list, a table becomes a `table:` block with the caption
above or below it. Everything produced carries an Origin (the paragraph or table row
it came from, the section it stood in as the original numbers it, its first words)
under its path in the document's data; what was only guessed carries a Guess there.

Text before the first heading is kept in a section without a title, and guessed.
Paragraphs without text (spacing, page breaks) are dropped; pictures are left out and
guessed, since content has no pictures.
"""

from __future__ import annotations

from docgen.catalogue import import_body as said
from docgen.importer.captions import Caption, find_captions
from docgen.importer.headings import find_headings
from docgen.importer.house_style import house_style
from docgen.importer.lists import Item, list_item, make_lists
from docgen.importer.model import (
    DataPath,
    Guess,
    ImportedBody,
    Origin,
    WordBlock,
    WordFile,
    WordParagraph,
    WordTable,
)
from docgen.importer.outline import Heading
from docgen.importer.prose import (
    escape_template,
    paragraph_texts,
    plain_text,
    split_items,
    with_label,
)
from docgen.importer.tables import table_content
from docgen.messages import Message

MAX_LEVEL = 4
_WORDS = 12


def import_body(word: WordFile, start: int) -> ImportedBody:
    """Return `word.blocks[start:]`, the numbered body, as sections in content format with
    the house style it is written in, the guesses made and where everything came from."""
    blocks = word.blocks[start:]
    headings = find_headings(blocks)
    captions = find_captions(blocks, set(headings))
    captioned = {caption.position for caption in captions.values()}
    items = [item for position, paragraph in _paragraphs(blocks)
             if position not in headings and position not in captioned
             for piece in split_items(paragraph)
             if (item := list_item(position, piece)) is not None]
    items += [item for block in blocks if isinstance(block, WordTable)
              for row in block.rows for cell in row for paragraph in cell.paragraphs
              for piece in split_items(paragraph, every_line=True)
              if (item := list_item(-1, piece)) is not None]
    style, style_notes = house_style(headings.values(), items, captions.values(),
                                     _texts(blocks))
    builder = _Builder(style)
    builder.guesses.extend(Guess(path, note) for path, note in style_notes)
    for position, block in enumerate(blocks):
        if position in headings:
            builder.heading(headings[position], block)  # type: ignore[arg-type]
        elif isinstance(block, WordTable):
            builder.table(block, captions.get(position))
        elif position in captioned or block.toc_entry:
            continue
        elif not block.text.strip():  # spacing: it parts no list
            if block.images:
                builder.picture(block)
        else:
            for piece in split_items(block):
                item = list_item(position, piece)
                if item is not None:
                    builder.pending.append(item)
                else:
                    builder.paragraph(piece)
    builder.flush()
    return ImportedBody(builder.finish(), style, builder.guesses, builder.origins)


def _paragraphs(blocks: list[WordBlock]):
    for position, block in enumerate(blocks):
        if isinstance(block, WordParagraph) and block.text.strip() and not block.toc_entry:
            yield position, block


def _texts(blocks: list[WordBlock]):
    for block in blocks:
        if isinstance(block, WordParagraph):
            yield block.text
        else:
            for row in block.rows:
                for cell in row:
                    yield cell.text


def shown_heading(heading: Heading) -> str:
    """Return the heading as the original shows it: 4.1 招聘计划, 一、目的."""
    if not heading.shown:
        return heading.title
    joined = heading.shown.endswith(("、", "）", ")"))
    return f"{heading.shown}{'' if joined else ' '}{heading.title}".strip()


class _Builder:
    """Collects sections as the body is read; `origins` and `guesses` by path."""

    def __init__(self, style: dict[str, object]):
        self.sections: list[dict[str, object]] = []
        self.open: list[tuple[dict[str, object], DataPath, str]] = []
        self.pending: list[Item] = []
        self.origins: dict[DataPath, Origin] = {}
        self.guesses: list[Guess] = []
        self.numbered_form = str(style.get("numbered_lists", "1."))
        self.bullet = str(style.get("bullets", "•"))
        captions = style.get("captions")
        self.caption_numbering = captions.get("numbering", "chapter") \
            if isinstance(captions, dict) else "chapter"
        self.table_numbers: dict[int, int] = {}

    # --- sections ----------------------------------------------------------------------

    def heading(self, heading: Heading, paragraph: WordParagraph) -> None:
        self.flush()
        level = min(heading.level, len(self.open) + 1)  # a level skipped is no level
        if level > MAX_LEVEL:
            self._deep_heading(heading, paragraph)
            return
        del self.open[level - 1:]
        section: dict[str, object] = {"title": heading.title, "body": [], "sections": []}
        siblings = self.open[-1][0]["sections"] if self.open else self.sections
        assert isinstance(siblings, list)
        path = (*self.open[-1][1], "sections", len(siblings)) if self.open \
            else ("sections", len(siblings))
        siblings.append(section)
        self.open.append((section, path, shown_heading(heading)))
        self.origins[path] = Origin(paragraph=paragraph.index, section=shown_heading(heading),
                                    words=heading.title[:_WORDS])
        self.guesses.extend(Guess((*path, "title"), note) for note in heading.notes)
        if heading.body:
            start = paragraph.text.rfind(heading.body)
            self._prose(paragraph, paragraph_texts(paragraph, max(start, 0)))

    def _deep_heading(self, heading: Heading, paragraph: WordParagraph) -> None:
        shown = shown_heading(heading).replace("**", r"\*\*")
        path = self._add(escape_template(f"**{shown}**"),
                         Origin(paragraph=paragraph.index, section=self._section(),
                                words=shown[:_WORDS]))
        self.guesses.append(Guess(path, said.DEEP_HEADING(level=heading.level)))
        if heading.body:
            start = paragraph.text.rfind(heading.body)
            self._prose(paragraph, paragraph_texts(paragraph, max(start, 0)))

    def _body(self) -> tuple[list[object], DataPath]:
        """Return the body blocks are added to, opening an untitled section if need be."""
        if not self.open:
            section: dict[str, object] = {"title": "", "body": [], "sections": []}
            path = ("sections", len(self.sections))
            self.sections.append(section)
            self.open.append((section, path, ""))
            self.guesses.append(Guess((*path, "title"), said.TEXT_BEFORE_HEADINGS()))
        section, path, _shown = self.open[-1]
        body = section["body"]
        assert isinstance(body, list)
        return body, path

    def _section(self) -> str:
        return self.open[-1][2] if self.open else ""

    def _add(self, block: object, origin: Origin) -> DataPath:
        body, path = self._body()
        block_path = (*path, "body", len(body))
        body.append(block)
        self.origins[block_path] = origin
        return block_path

    # --- paragraphs and lists ------------------------------------------------------------

    def paragraph(self, paragraph: WordParagraph) -> None:
        self.flush()
        if paragraph.images:
            self.picture(paragraph)
        paragraph = with_label(paragraph)
        self._prose(paragraph, paragraph_texts(paragraph))

    def picture(self, paragraph: WordParagraph) -> None:
        """Note the pictures of a paragraph, which content cannot hold."""
        _body, path = self._body()
        self.guesses.append(Guess(path, said.PICTURE_LEFT_OUT(count=paragraph.images)))

    def _prose(self, paragraph: WordParagraph, texts: list[str]) -> None:
        words = plain_text(paragraph)[:_WORDS]
        for text in texts:
            self._add(text, Origin(paragraph=paragraph.index, section=self._section(),
                                   words=words))

    def flush(self) -> None:
        """Add the list items read so far as lists."""
        items, self.pending = self.pending, []
        for draft in make_lists(items):
            block, notes = draft.content()
            default = self.numbered_form if draft.ordered else self.bullet
            if block.get("format") == default:
                del block["format"]
            first = draft.items[0].paragraph
            path = self._add(block, Origin(paragraph=first.index, section=self._section(),
                                           words=plain_text(first)[:_WORDS]))
            key = "numbered" if draft.ordered else "bullets"
            for index, item in enumerate(draft.items):
                self.origins[(*path, key, index)] = Origin(
                    paragraph=item.paragraph.index, section=self._section(),
                    words=plain_text(item.paragraph, item.start)[:_WORDS])
            self.guesses.extend(Guess(path if index is None else (*path, key, index), note)
                                for index, note in notes)

    # --- tables --------------------------------------------------------------------------

    def table(self, table: WordTable, caption: Caption | None) -> None:
        self.flush()
        content = table_content(table, self.numbered_form, self.bullet)
        block: dict[str, object] = {}
        notes: list[tuple[tuple[str | int, ...], Message]] = list(content.notes)
        if caption is not None:
            block["caption"] = escape_template(caption.title)
            notes.extend(self._caption_number(caption, block))
        block.update(content.table)
        first_row = " ".join(cell.text.strip() for cell in table.rows[0]) if table.rows else ""
        path = self._add({"table": block}, Origin(table=table.index, section=self._section(),
                                                  words=first_row[:_WORDS]))
        for relative, row in content.rows:
            words = " ".join(cell.text.strip() for cell in table.rows[row])
            self.origins[(*path, *relative)] = Origin(
                table=table.index, row=row, section=self._section(), words=words[:_WORDS])
        self.guesses.extend(Guess((*path, *relative), note) for relative, note in notes)

    def _caption_number(self, caption: Caption, block: dict[str, object]
                        ) -> list[tuple[tuple[str | int, ...], Message]]:
        """Keep the number a caption printed where it breaks the house's sequence."""
        notes: list[tuple[tuple[str | int, ...], Message]] = []
        if caption.guessed:
            notes.append((("table", "caption"), said.CAPTION_GUESSED()))
        if caption.number is None or self.caption_numbering == "none":
            return notes
        chapter = len(self.sections) if self.caption_numbering == "chapter" else 0
        due = self.table_numbers.get(chapter, 0) + 1
        if caption.number != due:
            block["number"] = caption.number
            notes.append((("table", "number"), said.CAPTION_NUMBER_KEPT(
                written=caption.written, due=due)))
        if caption.chapter is not None and chapter and caption.chapter != chapter:
            notes.append((("table", "caption"), said.CAPTION_CHAPTER(
                written=caption.written, chapter=chapter)))
        self.table_numbers[chapter] = caption.number
        return notes

    def finish(self) -> list[dict[str, object]]:
        """Return the sections, without the empty bodies and subsection lists."""
        def tidy(sections: list[dict[str, object]]) -> None:
            for section in sections:
                for key in ("body", "sections"):
                    if not section.get(key):
                        section.pop(key, None)
                tidy(section.get("sections", []))  # type: ignore[arg-type]
        tidy(self.sections)
        return self.sections
