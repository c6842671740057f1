"""What docgen says about a house style: a date example it cannot read, a table number the
style cannot print."""

from docgen.messages import define

NOT_A_DATE_EXAMPLE = define(
    "style.date-example", "{value!q} is not 7 January 2025 written as a date",
    hint="write that day as your documents write dates: 2025.01.07, 2025.1.7, 2025年1月7日, "
         "2025-01-07 or 2025/1/7")
TABLE_NUMBER_UNPRINTED = define(
    "style.table-number-unnumbered",
    "the table is given the number {number}, but the house style does not number tables",
    hint="remove 'number:', or number the captions (captions: {{numbering: chapter}})")
TABLE_UNNUMBERED = define(
    "fact.table-unnumbered",
    "{expression} cites the number of table {table!q}, but the house style does not number "
    "tables", hint="refer to the table by its title: {{{{ table.<id>.caption }}}}")
NOT_A_HEADING_SCHEME = define(
    "style.heading-scheme", "{value!q} is not a heading scheme",
    hint="name one ({names:, }), or write how your four heading levels look, each number with "
         "or without its final dot, from the top: \"1. / 1.1 / 1.1.1 / 1.1.1.1\" (the last "
         "form given counts for the levels below it)")
HEADING_LEVEL_MIXED = define(
    "import.style.heading-level-mixed",
    "{chosen!q}, the form most headings take; headings of level {level} end both with a dot "
    "and without ({examples:, })")
