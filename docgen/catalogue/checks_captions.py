"""What `docgen check` says about table numbers: numbers two tables print, and references
by number that point at no table, at two, or at a table of another subject."""

from docgen.messages import define

CAPTION_DUPLICATE = define(
    "struct.caption-duplicate",
    "{number} “{caption}” has the number of another table: {number} “{other}”, line {line}",
    hint="give each table its own number, or let the renderer number the captions")
NO_SUCH_TABLE = define(
    "struct.no-such-table", "refers to {table}, which this document does not have",
    hint="correct the table number, or cite the table by id: {{{{ table.<id>.number }}}}")
AMBIGUOUS_TABLE = define(
    "struct.ambiguous-table",
    "refers to {table}, but two tables have that number: “{first}” (line {first_line}) and "
    "“{second}” (line {second_line})",
    hint="number each table once, then cite it by id: {{{{ table.<id>.number }}}}")
WRONG_TABLE = define(
    "struct.wrong-table",
    "“{said}” cites {table} for its subject, but {table} is “{caption}”; {meant} is "
    "“{meant_caption}”",
    hint="cite the table by id, so the number follows it: {{{{ table.<id>.number }}}}")
WRONG_SECTION = define(
    "struct.wrong-section",
    "“{said}” cites {number} for its subject, but {number} is titled “{title}”; {meant} is "
    "“{meant_title}”",
    hint="cite the section by id, so the number follows it: {{{{ section.<id>.number }}}}")
