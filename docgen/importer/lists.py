"""Lists in a Word body: paragraphs Word numbers or bullets, and ones people number by hand.

Word's own lists give their label, format and level (WordParagraph.label,
numbering_format, numbering_level); typed ones give theirs in the text: "1、", "1.",
"（1）", "(1)", "1)", "①", "a.", "•", "➤", "■", "-". Consecutive items of one kind form
one list. A deeper item (Word's level 2, or "（1）" under "1.") stays with the item
above it, as a line of its text with its label: docgen's lists have one level, and
splitting the list would break its numbering. Numbers are docgen's to print, so an
item keeps the number the original printed (`number:`) only where it does not follow
on from the item before: a list restarted by hand at the wrong number, a skip, a
repeat, so that the checks still find them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docgen.catalogue import import_body as said
from docgen.importer.labels import Label, label_of, read_label
from docgen.importer.model import WordParagraph
from docgen.importer.prose import paragraph_texts
from docgen.messages import Message
from docgen.style_options import BULLETS, NUMBERED_LIST_FORMATS

# What each bullet glyph people use is in docgen's four.
_BULLET_GLYPHS = {"•": "•", "●": "•", "·": "•", "∙": "•", "◦": "•", "○": "•",
                  "➤": "➤", "➢": "➤", "Ø": "➤", "►": "➤", "▶": "➤", "→": "➤",
                  "■": "■", "▪": "■", "◆": "■", "◼": "■", "□": "■", "❖": "■", "◇": "■",
                  "-": "-", "–": "-", "—": "-", "－": "-"}


@dataclass
class Item:
    """A paragraph read as a list item."""

    position: int
    paragraph: WordParagraph
    ordered: bool
    form: str
    """1. 1、 (1) （1） 1) ① a. for numbers docgen can print; the glyph of a bullet."""
    value: int
    level: int
    start: int
    """Where the item's own text starts in the paragraph's text (after a typed label)."""
    shown: str
    automatic: bool
    list_id: str

    @property
    def key(self) -> tuple[bool, str, str, int]:
        """What items of one list share: kind, label, Word's list, level."""
        return self.ordered, self.form, self.list_id, self.level


@dataclass
class ListDraft:
    """A list made of consecutive items: its kind, its label, and its items in content
    format, with where each came from and what was guessed about them."""

    ordered: bool
    form: str
    items: list[Item] = field(default_factory=list)
    nested: dict[int, list[Item]] = field(default_factory=dict)
    """Deeper items, by the index of the item they stand under."""

    def content(self) -> tuple[dict[str, object], list[tuple[int | None, Message]]]:
        """Return the list in content format ({numbered: [...], format: …}) and the
        guesses, each at an item's index (None: at the list)."""
        notes: list[tuple[int | None, Message]] = []
        entries: list[object] = []
        expected = 1
        for index, item in enumerate(self.items):
            lines = paragraph_texts(item.paragraph, item.start) or [""]
            for deeper in self.nested.get(index, []):
                texts = paragraph_texts(deeper.paragraph, deeper.start)
                joined = "" if deeper.shown[-1:] > "\u2e80" else " "
                lines.append(f"{deeper.shown}{joined}{' '.join(texts)}".strip())
            text = "\n".join(lines)
            if self.ordered and item.value != expected:
                entries.append({"text": text, "number": item.value})
            else:
                entries.append(text)
            expected = item.value + 1
            if self.nested.get(index):
                notes.append((index, said.NESTED_ITEMS(count=len(self.nested[index]))))
        key = "numbered" if self.ordered else "bullets"
        form = self.form
        if not self.ordered and form not in BULLETS:
            notes.append((None, said.BULLET_REPLACED(glyph=form)))
            form = "•"
        return {key: entries, "format": form}, notes


def list_item(position: int, paragraph: WordParagraph) -> Item | None:
    """Return the paragraph as a list item, or None if it is not one docgen can print as
    such (a number in a form docgen has no list for, 一、 or 第一项, stays text)."""
    if paragraph.label:
        label = label_of(paragraph.label)
        if paragraph.numbering_format == "bullet" or (label and label.kind == "bullet"):
            glyph = paragraph.label.strip()
            return Item(position, paragraph, False, _BULLET_GLYPHS.get(glyph, glyph), 0,
                        paragraph.numbering_level, 0, glyph, True, paragraph.numbering_list)
        if label is None or label.form not in NUMBERED_LIST_FORMATS:
            return None
        return Item(position, paragraph, True, label.form, label.value,
                    paragraph.numbering_level, 0, paragraph.label.strip(), True,
                    paragraph.numbering_list)
    label = read_label(paragraph.text)
    if label is None or not paragraph.text[label.end:].strip():
        return None
    return _typed(position, paragraph, label)


def _typed(position: int, paragraph: WordParagraph, label: Label) -> Item | None:
    if label.kind == "bullet":
        return Item(position, paragraph, False, _BULLET_GLYPHS.get(label.written,
                                                                  label.written),
                    0, 0, label.end, label.written, False, "typed")
    if label.form not in NUMBERED_LIST_FORMATS or label.depth != 1:
        return None
    return Item(position, paragraph, True, label.form, label.value, 0, label.end,
                label.written, False, "typed")


def make_lists(items: list[Item]) -> list[ListDraft]:
    """Return consecutive items as lists: a new list where the kind, the label or Word's
    list changes; deeper items under the item above them."""
    drafts: list[ListDraft] = []
    for index, item in enumerate(items):
        draft = drafts[-1] if drafts else None
        if draft is None:
            drafts.append(ListDraft(item.ordered, item.form, [item]))
            continue
        first = draft.items[0]
        alike = (item.ordered, item.form, item.level) == (first.ordered, first.form, first.level)
        if alike and (item.list_id == first.list_id or item.automatic and first.automatic):
            if item.ordered and item.value == 1 and draft.items[-1].value > 1:
                drafts.append(ListDraft(item.ordered, item.form, [item]))  # counted afresh
            else:
                # Word restarts a list with a list of its own (another numId): a number
                # other than 1 there continues this list, or breaks its count.
                draft.items.append(item)
        elif _under(item, first, draft, items[index + 1:]):
            draft.nested.setdefault(len(draft.items) - 1, []).append(item)
        else:
            drafts.append(ListDraft(item.ordered, item.form, [item]))
    return drafts


def _under(item: Item, first: Item, draft: ListDraft, rest: list[Item]) -> bool:
    """Whether `item` stands under the list's last item rather than starting a list."""
    if item.automatic and first.automatic and item.list_id == first.list_id:
        return item.level > first.level
    if item.automatic != first.automatic and item.level > first.level:
        return True
    lead_in = draft.items[-1].paragraph.text.rstrip().endswith(("：", ":"))
    resumes = any(later.key == first.key for later in rest)
    return lead_in or resumes
