"""Small builders for WordprocessingML elements.

Body content is built as lxml elements directly rather than through python-docx's
proxy objects: `table.cell()` recomputes the whole grid on every call and style
lookups by name scan every style, both far too slow for documents of real size.
"""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS}


def w(tag: str) -> str:
    """Return the Clark name of a w: tag or attribute: w('p') -> '{...main}p'."""
    return f"{{{W_NS}}}{tag}"


def element(tag: str, attributes: dict[str, str] | None = None, *children: etree._Element
            ) -> etree._Element:
    """Return a new w:`tag` element with w: attributes and children."""
    node = etree.Element(w(tag), nsmap=NSMAP)
    for name, value in (attributes or {}).items():
        node.set(w(name), value)
    node.extend(children)
    return node


def sub(parent: etree._Element, tag: str, attributes: dict[str, str] | None = None
        ) -> etree._Element:
    """Return a new w:`tag` element appended to `parent`."""
    node = etree.SubElement(parent, w(tag))
    for name, value in (attributes or {}).items():
        node.set(w(name), value)
    return node


def text_runs(text: str, run_properties: etree._Element | None = None) -> list[etree._Element]:
    """Return runs showing `text`: newlines become line breaks, tabs become tab stops."""
    runs = []
    for line_index, line in enumerate(text.split("\n")):
        run = element("r")
        if run_properties is not None:
            run.append(_copy(run_properties))
        if line_index:
            sub(run, "br")
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                sub(run, "tab")
            if part:
                node = sub(run, "t")
                node.text = part
                if part != part.strip():
                    node.set(f"{{{XML_NS}}}space", "preserve")
        runs.append(run)
    return runs


def _copy(node: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(node))
