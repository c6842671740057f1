"""What docgen says when a file cannot be read as YAML: the file itself, its encoding,
its characters, and YAML's syntax.

PyYAML's own words (its `problem`) appear only as `detail`, where docgen has no sentence
of its own for what PyYAML found. Codes: file.* for the file, yaml.* for its text.
"""

from docgen.messages import define

# --- the file --------------------------------------------------------------------------

# What stands where a file was expected.
FILE_KINDS = {
    "fifo": define("file.kind.fifo", "a named pipe (FIFO)"),
    "character-device": define("file.kind.character-device", "a character device"),
    "block-device": define("file.kind.block-device", "a block device"),
    "socket": define("file.kind.socket", "a socket"),
    "folder": define("file.kind.folder", "a folder"),
    "other": define("file.kind.other", "not a regular file"),
}
NOT_A_FILE = define("file.not-a-file", "it is {kind}, not a file")

# The reason is the system's words (a file that does not exist) or NOT_A_FILE.
CANNOT_READ = define("yaml.cannot-read", "cannot read the file: {reason}",
                     hint="check that the file exists and is readable")
CANNOT_READ_NOT_A_FILE = define(
    "yaml.cannot-read.not-a-file", "cannot read the file: {reason}",
    hint="docgen reads only regular files: put the YAML file itself in its place")

# --- encoding and characters -----------------------------------------------------------

UTF16 = define("file.utf-16", "the file is saved as UTF-16, not UTF-8",
               hint="save it again choosing the encoding 'UTF-8'")
GB18030 = define("file.gb18030",
                 "the file is not UTF-8: it looks like GBK/GB18030, the encoding Chinese "
                 "Windows editors save in",
                 hint="convert it to UTF-8: in Notepad use 'Save As' with encoding 'UTF-8', or "
                      "run: iconv -f GB18030 -t UTF-8 {name!q} -o '{name}.utf8' and replace the "
                      "file with the result")
NOT_UTF8 = define("file.not-utf-8", "invalid UTF-8 byte 0x{byte:02X}",
                  hint="save the file as UTF-8; if text was pasted from another program, retype "
                       "the characters on this line")

# A character, by its code point, with its name when it has one (a Unicode name, or
# one of CONTROL_NAMES).
CHARACTER = define("yaml.character", "U+{code:04X}")
CHARACTER_NAMED = define("yaml.character.named", "U+{code:04X} ({name})")
CONTROL_NAMES = {
    "\x00": define("yaml.character.nul", "NUL"),
    "\x0b": define("yaml.character.vertical-tab",
                   "vertical tab (a manual line break pasted from Word)"),
    "\x0c": define("yaml.character.form-feed", "form feed (a page break pasted from Word)"),
}
ILLEGAL_CHARACTER = define(
    "yaml.illegal-character", "illegal control character {character}",
    hint="delete it; if the text was pasted from Word, retype the line break as a new list "
         "item or paragraph")
ILLEGAL_ESCAPE = define("yaml.illegal-escape",
                        "illegal control character {character} in this value",
                        hint="remove the escape sequence from the quoted text")

# --- the file as YAML ------------------------------------------------------------------

EMPTY = define("yaml.empty", "the file is empty",
               hint="write the document's content as a YAML mapping")
TOO_DEEP = define("yaml.too-deep",
                  "lists and mappings are nested more than {most} levels deep here",
                  hint="content needs only a few levels (sections, lists, tables); look for "
                       "runs of '[' or '{{' or ever deeper indentation on this line")
ALIAS = define("yaml.alias", "YAML anchors and aliases (&name / *name) are not supported",
               hint="write the value out where it is needed")
TAG = define("yaml.tag", "YAML tag {tag!q} is not allowed",
             hint="remove the tag; content is plain text, lists and mappings")
KEY_NOT_TEXT = define("yaml.key-not-text", "a mapping key must be plain text",
                      hint="write the key as a simple word followed by ': '")
DUPLICATE_KEY = define("yaml.duplicate-key", "duplicate key {key!q} (first given on line {line})",
                       hint="remove one of the two, or merge their values")
UNQUOTED_BRACES = define(
    "yaml.unquoted-braces",
    "the text {text!q} is not quoted, so YAML reads its '{{' as the start of a mapping, not "
    "as text", hint="put the whole text in quotes: {quoted}")

# --- syntax errors: docgen's sentence for what PyYAML found, or PyYAML's words ----------

SYNTAX_UNQUOTED_BRACES = define(
    "yaml.syntax.unquoted-braces",
    "YAML syntax error: the text {text!q} is not quoted, so YAML reads its '{{' as the start "
    "of a mapping, not as text", hint="put the whole text in quotes: {quoted}")
TAB_INDENT = define("yaml.syntax.tab", "a tab character is used for indentation; YAML needs spaces",
                    hint="replace the tab with spaces (set your editor to insert spaces for Tab)")
COLON_IN_VALUE = define("yaml.syntax.colon-in-value",
                        "YAML syntax error: a ': ' inside a value that is not quoted",
                        hint="put the whole value in quotes, or check the indentation of this "
                             "line")
MORE_THAN_ONE_DOCUMENT = define("yaml.syntax.more-than-one-document",
                                "the file holds more than one YAML document ('---')",
                                hint="keep one document per file")

_CHECK_THE_LINE = "check the indentation, quotes and brackets on this line and the lines above"
SYNTAX = define("yaml.syntax", "YAML syntax error: {detail}", hint=_CHECK_THE_LINE)
SYNTAX_WHILE = define("yaml.syntax.while", "YAML syntax error: {detail} ({context})",
                      hint=_CHECK_THE_LINE)
SYNTAX_WHILE_FROM = define(
    "yaml.syntax.while-from",
    "YAML syntax error: {detail} ({context} that starts at line {line}, column {column})",
    hint=_CHECK_THE_LINE)
# An error of PyYAML's without a place in the file.
YAML_ERROR = define("yaml.error", "YAML error: {detail}", hint="check the YAML syntax of the file")
