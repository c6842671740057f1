"""The text of a Word paragraph as a person reads it, and how it looks.

Text sits in runs, and runs sit inside hyperlinks, smart tags, custom XML, simple
fields, content controls and tracked insertions; all of that is shown. Deleted text
(w:del, w:moveFrom) and hidden text (w:vanish) are not. A complex field (w:fldChar
begin … separate … end) shows its result, never its instruction; fields nest, and a
field may span paragraphs, as a table of contents does, so the state of the open fields
is kept across paragraphs. Tabs read as \\t, soft line breaks as \\n, symbols (w:sym) as
the character they draw.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from lxml import etree

from docgen.importer.word_styles import Look, StyleSheet
from docgen.wordml.xml import w

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VML = "{urn:schemas-microsoft-com:vml}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_DRAWING_MAIN = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"

R, T, TAB, PTAB, BR, CR, SYM = w("r"), w("t"), w("tab"), w("ptab"), w("br"), w("cr"), w("sym")
RPR, RSTYLE, FLD_CHAR, INSTR = w("rPr"), w("rStyle"), w("fldChar"), w("instrText")
DRAWING, PICT, OBJECT = w("drawing"), w("pict"), w("object")
NO_BREAK_HYPHEN = w("noBreakHyphen")
ALTERNATE, CHOICE, FALLBACK = f"{_MC}AlternateContent", f"{_MC}Choice", f"{_MC}Fallback"
SDT, SDT_CONTENT = w("sdt"), w("sdtContent")
DELETED = {w("del"), w("moveFrom")}
# Wrappers whose runs are shown as they are.
_SHOWN = {w("hyperlink"), w("smartTag"), w("customXml"), w("fldSimple"), w("ins"),
          w("moveTo"), w("dir"), w("bdo")}
_MATH_TEXT, _MATH_PARAGRAPHS = f"{_MATH}t", {f"{_MATH}oMath", f"{_MATH}oMathPara"}
_IMAGE_DATA = f"{_VML}imagedata"
_TEXTBOX = w("txbxContent")

# Symbol fonts draw these private-use code points (w:sym, and bullets in numbering.xml)
# as the characters a person sees.
SYMBOLS = {"\uf0b7": "•", "\uf06c": "●", "\uf0a7": "■", "\uf06e": "■", "\uf0d8": "➤",
           "\uf0d7": "➤", "\uf0e8": "➤", "\uf076": "❖", "\uf0fc": "✔", "\uf0a8": "□",
           "\uf06f": "□", "\uf0fe": "☑", "\uf0b2": "◆", "\uf075": "◆", "\uf0a1": "○",
           "\uf0de": "➢", "\uf071": "❑", "\uf0d2": "®"}


def symbol(character: str) -> str:
    """Return what a symbol-font character shows (a private-use code point mapped)."""
    return SYMBOLS.get(character, character)


class Fields:
    """The complex fields open at the current place in the document."""

    def __init__(self) -> None:
        self._open: list[list] = []  # [instruction parts, showing its result]

    @property
    def showing(self) -> bool:
        """Whether text here is shown: no open field is still in its instruction."""
        return all(entry[1] for entry in self._open)

    @property
    def in_toc(self) -> bool:
        """Whether the result of a TOC field is being shown here."""
        return any(entry[1] and _is_toc("".join(entry[0])) for entry in self._open)

    def character(self, node: etree._Element) -> None:
        kind = node.get(w("fldCharType"))
        if kind == "begin":
            self._open.append([[], False])
        elif kind == "separate" and self._open:
            self._open[-1][1] = True
        elif kind == "end" and self._open:
            self._open.pop()

    def instruction(self, text: str) -> None:
        if self._open and not self._open[-1][1]:
            self._open[-1][0].append(text)


def _is_toc(instruction: str) -> bool:
    return instruction.strip().upper().startswith("TOC")


@dataclass
class Piece:
    """Shown text of one look."""

    text: str
    look: Look


@dataclass
class ParagraphText:
    """What a paragraph shows: its pieces of text, pictures, page breaks, TOC membership."""

    pieces: list[Piece] = field(default_factory=list)
    images: int = 0
    break_before_text: bool = False
    break_after_text: bool = False
    toc: bool = False
    textboxes: list[etree._Element] = field(default_factory=list)
    """Paragraphs in text boxes anchored here, read after this paragraph."""

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    def bold_ranges(self) -> list[tuple[int, int]]:
        """Return the [start, end) ranges of the text shown bold, touching ranges joined."""
        ranges: list[tuple[int, int]] = []
        position = 0
        for piece in self.pieces:
            end = position + len(piece.text)
            if piece.look.bold and piece.text:
                if ranges and ranges[-1][1] == position:
                    ranges[-1] = (ranges[-1][0], end)
                else:
                    ranges.append((position, end))
            position = end
        return ranges

    def all_bold(self) -> bool:
        """Whether every visible character is bold (and there is one)."""
        visible = [piece for piece in self.pieces if piece.text.strip()]
        return bool(visible) and all(piece.look.bold for piece in visible)

    def largest_size(self) -> float | None:
        sizes = [piece.look.size for piece in self.pieces
                 if piece.text.strip() and piece.look.size is not None]
        return max(sizes) if sizes else None

    def east_asian_font(self) -> str:
        """Return the font most of its Chinese text is in (else most of its text)."""
        fonts = {piece.look.font for piece in self.pieces if piece.look.font}
        if len(fonts) < 2:
            return next(iter(fonts), "")
        chinese: dict[str, int] = {}
        other: dict[str, int] = {}
        for piece in self.pieces:
            if not piece.look.font:
                continue
            wide = sum(1 for char in piece.text if unicodedata.east_asian_width(char) in "WF")
            chinese[piece.look.font] = chinese.get(piece.look.font, 0) + wide
            other[piece.look.font] = other.get(piece.look.font, 0) + len(piece.text.strip())
        counts = chinese if any(chinese.values()) else other
        return max(counts, key=lambda font: counts[font]) if any(counts.values()) else ""


class TextReader:
    """Reads paragraphs in document order, keeping the state of fields between them."""

    def __init__(self, styles: StyleSheet):
        self.styles = styles
        self.fields = Fields()

    def read(self, paragraph: etree._Element, base: Look) -> ParagraphText:
        """Return what `paragraph` shows, its runs' looks resolved over `base`."""
        shown = ParagraphText()
        self._walk(paragraph, base, shown)
        return shown

    def _walk(self, node: etree._Element, base: Look, shown: ParagraphText) -> None:
        for child in node:
            tag = child.tag
            if tag == R:
                self._run(child, base, shown)
            elif tag in _SHOWN:
                self._walk(child, base, shown)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._walk(content, base, shown)
            elif tag in _MATH_PARAGRAPHS:
                text = "".join(node.text or "" for node in child.iter(_MATH_TEXT))
                self._add(shown, text, base)
            elif tag == ALTERNATE:
                self._walk(_chosen(child), base, shown)

    def _run(self, run: etree._Element, base: Look, shown: ParagraphText) -> None:
        look = base
        for child in run:
            tag = child.tag
            if tag == T:
                self._add(shown, child.text or "", look)
            elif tag == RPR:
                look = self._run_look(child, base)
            elif tag in (TAB, PTAB):
                self._add(shown, "\t", look)
            elif tag == BR:
                kind = child.get(w("type"))
                if kind == "page":
                    self._page_break(shown)
                elif kind != "column":
                    self._add(shown, "\n", look)
            elif tag == CR:
                self._add(shown, "\n", look)
            elif tag == FLD_CHAR:
                self.fields.character(child)
            elif tag == INSTR:
                self.fields.instruction(child.text or "")
            elif tag == SYM:
                self._add(shown, _symbol_of(child), look)
            elif tag == NO_BREAK_HYPHEN:
                self._add(shown, "-", look)
            elif tag in (DRAWING, PICT, OBJECT, ALTERNATE):
                self._picture(child, shown)

    def _run_look(self, properties: etree._Element, base: Look) -> Look:
        look = self.styles.run_look(properties)
        character = properties.find(RSTYLE)
        if character is not None:
            base = self.styles.character(character.get(w("val"), "")).over(base)
        return look.over(base)

    def _add(self, shown: ParagraphText, text: str, look: Look) -> None:
        if not text or not self.fields.showing or look.hidden:
            return
        if self.fields.in_toc:
            shown.toc = True
        if shown.pieces and shown.pieces[-1].look == look:
            shown.pieces[-1].text += text
        else:
            shown.pieces.append(Piece(text, look))
        if text.strip() and shown.break_after_text:
            shown.break_after_text = False  # the page break was inside its text
            shown.break_before_text = True

    def _page_break(self, shown: ParagraphText) -> None:
        if shown.text.strip():
            shown.break_after_text = True  # until more text follows it
        else:
            shown.break_before_text = True

    def _picture(self, node: etree._Element, shown: ParagraphText) -> None:
        if node.tag == ALTERNATE:
            node = _chosen(node)
        pictures = any(True for _ in node.iter(f"{_DRAWING_MAIN}blip", _IMAGE_DATA,
                                               f"{_CHART}chart"))
        if pictures and self.fields.showing:
            shown.images += 1
        shown.textboxes.extend(box for box in node.iter(_TEXTBOX))


def _chosen(alternate: etree._Element) -> etree._Element:
    """Return the branch of mc:AlternateContent a reader shows: the first choice."""
    choice = alternate.find(CHOICE)
    if choice is None:
        choice = alternate.find(FALLBACK)
    return choice if choice is not None else alternate


def _symbol_of(node: etree._Element) -> str:
    """Return the character a w:sym draws."""
    try:
        value = int(node.get(w("char"), ""), 16)
    except ValueError:
        return ""
    font = node.get(w("font"), "").lower()
    if value < 0x100 and any(name in font for name in _SYMBOL_FONTS):
        value += 0xF000  # older producers write B7 for Word's F0B7
    character = symbol(chr(value))
    if "\ue000" <= character <= "\uf8ff":  # a glyph no table names: its plain character
        plain = chr(value - 0xF000) if 0xF020 <= value < 0xF07F else ""
        return plain
    return character


_SYMBOL_FONTS = ("symbol", "wingdings", "webdings")
