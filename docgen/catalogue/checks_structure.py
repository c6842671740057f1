"""What `docgen check` says about the structure of a document: numbering, references,
empty sections, and enumerations that disagree with their tables.

A number that does not follow on from the one before is one of six cases, and each
case is a whole sentence for each thing that is numbered: the number repeats the one
before it, goes backwards, skips one number or several, or a list starts past 1. The
rule looks its sentence up by thing and case: NUMBERING["list-item"]["skip-one"].
"""

from docgen.messages import define

_RENUMBER_LIST = "renumber the list, or drop 'number:' and let the renderer number it"
_RENUMBER_ROWS = "renumber the rows, or leave the numbering to the renderer"
_RENUMBER_TABLES = "number the tables in order, or let the renderer number captions"

NUMBERING = {
    "list-item": {
        "repeat": define(
            "struct.list-item.repeats",
            "in §{number} {title}, a list item repeats the number {value}",
            hint=_RENUMBER_LIST),
        "backwards": define(
            "struct.list-item.backwards",
            "in §{number} {title}, a list item is numbered {value} after {previous}",
            hint=_RENUMBER_LIST),
        "skip-one": define(
            "struct.list-item.skips-one",
            "in §{number} {title}, a list item is numbered {value} after {previous}: "
            "{missing} is skipped",
            hint=_RENUMBER_LIST),
        "skip-many": define(
            "struct.list-item.skips-many",
            "in §{number} {title}, a list item is numbered {value} after {previous}: "
            "{first} to {last} are skipped",
            hint=_RENUMBER_LIST),
        "late-one": define(
            "struct.list-item.starts-late",
            "in §{number} {title}, a list item starts at {value}: 1 is skipped",
            hint=_RENUMBER_LIST),
        "late-many": define(
            "struct.list-item.starts-late-many",
            "in §{number} {title}, a list item starts at {value}: 1 to {last} are skipped",
            hint=_RENUMBER_LIST),
    },
    "table-row": {
        "repeat": define(
            "struct.table-row.repeats",
            "in §{number} {title}, a table row repeats the number {value}",
            hint=_RENUMBER_ROWS),
        "backwards": define(
            "struct.table-row.backwards",
            "in §{number} {title}, a table row is numbered {value} after {previous}",
            hint=_RENUMBER_ROWS),
        "skip-one": define(
            "struct.table-row.skips-one",
            "in §{number} {title}, a table row is numbered {value} after {previous}: "
            "{missing} is skipped",
            hint=_RENUMBER_ROWS),
        "skip-many": define(
            "struct.table-row.skips-many",
            "in §{number} {title}, a table row is numbered {value} after {previous}: "
            "{first} to {last} are skipped",
            hint=_RENUMBER_ROWS),
        "late-one": define(
            "struct.table-row.starts-late",
            "in §{number} {title}, a table row starts at {value}: 1 is skipped",
            hint=_RENUMBER_ROWS),
        "late-many": define(
            "struct.table-row.starts-late-many",
            "in §{number} {title}, a table row starts at {value}: 1 to {last} are skipped",
            hint=_RENUMBER_ROWS),
    },
    "activity-row": {
        "repeat": define(
            "struct.activity-row.repeats",
            "in §{number} {title}, an activity repeats the number {value}",
            hint=_RENUMBER_ROWS),
        "backwards": define(
            "struct.activity-row.backwards",
            "in §{number} {title}, an activity is numbered {value} after {previous}",
            hint=_RENUMBER_ROWS),
        "skip-one": define(
            "struct.activity-row.skips-one",
            "in §{number} {title}, an activity is numbered {value} after {previous}: "
            "{missing} is skipped",
            hint=_RENUMBER_ROWS),
        "skip-many": define(
            "struct.activity-row.skips-many",
            "in §{number} {title}, an activity is numbered {value} after {previous}: "
            "{first} to {last} are skipped",
            hint=_RENUMBER_ROWS),
        "late-one": define(
            "struct.activity-row.starts-late",
            "in §{number} {title}, an activity starts at {value}: 1 is skipped",
            hint=_RENUMBER_ROWS),
        "late-many": define(
            "struct.activity-row.starts-late-many",
            "in §{number} {title}, an activity starts at {value}: 1 to {last} are skipped",
            hint=_RENUMBER_ROWS),
    },
    "table-number": {
        "repeat": define(
            "struct.table-number.repeats",
            "table number 表{chapter}-… repeats the number {value}",
            hint=_RENUMBER_TABLES),
        "backwards": define(
            "struct.table-number.backwards",
            "table number 表{chapter}-… is numbered {value} after {previous}",
            hint=_RENUMBER_TABLES),
        "skip-one": define(
            "struct.table-number.skips-one",
            "table number 表{chapter}-… is numbered {value} after {previous}: {missing} is skipped",
            hint=_RENUMBER_TABLES),
        "skip-many": define(
            "struct.table-number.skips-many",
            "table number 表{chapter}-… is numbered {value} after {previous}: "
            "{first} to {last} are skipped",
            hint=_RENUMBER_TABLES),
        "late-one": define(
            "struct.table-number.starts-late",
            "table number 表{chapter}-… starts at {value}: 1 is skipped",
            hint=_RENUMBER_TABLES),
        "late-many": define(
            "struct.table-number.starts-late-many",
            "table number 表{chapter}-… starts at {value}: 1 to {last} are skipped",
            hint=_RENUMBER_TABLES),
    },
}

_CITE_SECTION = "quote the section's title as it is, or cite it by id: {{{{ section.<id> }}}}"
NO_SUCH_SECTION_NUMBER = define(
    "struct.no-such-section-number",
    "refers to section {number}, which this document does not have",
    hint="correct the section number, or cite the section by id: "
         "{{{{ section.<id>.number }}}}")
ORDINAL_TITLE_MISMATCH = define(
    "struct.ordinal-title-mismatch",
    "refers to “{cited}” as {ordinal} ({number}), but {number} is titled “{title}”",
    hint=_CITE_SECTION)
NO_SUCH_SECTION_TITLE = define(
    "struct.no-such-section-title",
    "refers to section “{cited}”, which this document does not have",
    hint=_CITE_SECTION)
NO_SUCH_SECTION_TITLE_LIKE = define(
    "struct.no-such-section-title.did-you-mean",
    "refers to section “{cited}”, which this document does not have; did you mean "
    "{number} “{title}”?",
    hint=_CITE_SECTION)
EMPTY_SECTION = define(
    "struct.empty-section", "section {number} {title} is empty",
    hint="write its content, or state 无 if there is nothing to say")
PROCESS_WITHOUT_ROW = define(
    "struct.process-without-row",
    "{name} is named a {group}, but the table in §{number} {title}, which details the "
    "{group}, has no row for it",
    hint="add a row for {name} to the table, or remove it from the {group}")
ROW_WITHOUT_PROCESS = define(
    "struct.row-without-process",
    "the table in §{number} {title} details {cell} as a {group}, but the list of {group} "
    "does not name it",
    hint="add {cell} to the {group} ({id}), or remove its row")
