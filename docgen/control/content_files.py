"""Write the edits of bump, release and withdraw: only text docgen itself can read back.

A command that edits content must never leave a file that the next build refuses. So
the text a person types into an option is checked before it goes into the file, and
the edited file is parsed and validated before it replaces the old one. A content
file that is a symbolic link (content shared between projects) is edited where the
link points, and stays a link.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

from docgen.catalogue import control as said
from docgen.content.validation import validate
from docgen.content.yaml_source import XML_ILLEGAL, decode_utf8, describe_character, parse_yaml
from docgen.errors import ContentError, UsageError
from docgen.output import write_atomically

# Python keeps the bytes of a command line that are not UTF-8 as these code points.
_FIRST_ESCAPED_BYTE, _LAST_ESCAPED_BYTE = 0xDC80, 0xDCFF


def check_option_text(option: str, value: str) -> None:
    """Raise UsageError if `value`, typed as `option`, holds what a content file cannot."""
    for char in value:
        if _FIRST_ESCAPED_BYTE <= ord(char) <= _LAST_ESCAPED_BYTE:
            raise UsageError(said.OPTION_NOT_UTF8(option=option, byte=ord(char) - 0xDC00))
    illegal = XML_ILLEGAL.search(value)
    if illegal:
        raise UsageError(said.OPTION_ILLEGAL_CHARACTER(
            option=option, character=describe_character(illegal.group())))


def write_content_file(path: Path, data: bytes, model: type[BaseModel]) -> None:
    """Replace the content file `path` by `data` after checking that `data` loads as a
    `model`; a link is followed and its target replaced, atomically there."""
    verify_content(path, data, model)
    write_atomically(Path(os.path.realpath(path)), data)


def verify_content(path: Path, data: bytes, model: type[BaseModel]) -> None:
    """Raise UsageError unless `data`, the edited text of `path`, loads as a `model`."""
    try:
        validate(model, parse_yaml(decode_utf8(data, path), path))
    except ContentError as error:
        first = error.problems[0]
        raise UsageError(said.EDIT_BREAKS_FILE(path=str(path), place=str(first.location),
                                               problem=first.what)) from None
