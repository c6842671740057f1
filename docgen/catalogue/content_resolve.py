"""What docgen says when valid content cannot be resolved: signers, ids, tables, and
the facts prose cites that the content does not state.

Codes: content.* for the document (signers, sections, ids), table.* for the layout of a
table, fact.* for a fact prose cites that is not stated.
"""

from docgen.messages import define

# --- signers ---------------------------------------------------------------------------

SIGNER_EMPTY = define("content.signer-empty", "the {role} of {version} is empty",
                      hint="name the {role_name} of {version}, one of: {may:、}")
SIGNER_EMPTY_NOBODY = define(
    "content.signer-empty.nobody", "the {role} of {version} is empty",
    hint="name the {role_name} of {version}; add them to people in {folder}/org.yaml first")
REVIEW_DATE_MISSING = define(
    "content.review-date-missing", "the review_date of {version} is missing",
    hint="give the date {version} was reviewed, as review_date: 2025-01-07")
NOT_A_PERSON = define("content.not-a-person", "{name!q} is not a person of {organization}",
                      hint="add {name!q} to people in {folder}/org.yaml, or correct the name")

# --- sections, ids, references ---------------------------------------------------------

TOO_DEEP = define("content.too-deep",
                  "sections nest {depth} levels deep here; headings are numbered to {most} "
                  "levels (4.1.1.1.)",
                  hint="move this section up a level, or make its title a paragraph")
SECTION_ID_TWICE = define("content.section-id-twice", "section id {key!q} is used twice",
                          hint="give each section its own id")
TABLE_ID_TWICE = define("content.table-id-twice", "table id {key!q} is used twice",
                        hint="give each table its own id")
NO_PROCESS_GROUP = define("content.no-process-group",
                          "{name!q} is not a process group of this document",
                          hint="known process groups: {known:, }")
NO_KPI = define("content.no-kpi", "no KPI with id {key!q} in this document",
                hint="known kpis: {known:, }")
NO_ACTIVITY = define("content.no-activity", "no activity with id {key!q} in this document",
                     hint="known activities: {known:, }")

# --- tables ----------------------------------------------------------------------------

SPAN_TOO_LONG = define("table.span-too-long",
                       "the cell spans {rows} rows but only {left} row(s) follow from here",
                       hint="reduce 'rows' or add the missing rows")
ROW_WIDTH = define("table.row-width",
                   "this row fills {width} column(s) but the table's first row fills {first}",
                   hint="add or remove cells, or fix a 'rows'/'cols' span; positions covered "
                        "by a merged cell from above are left out of the row")
WIDTHS_COUNT = define("table.widths-count",
                      "'widths' lists {given} column(s) but the table has {columns}",
                      hint="give one width per column")
TOTAL_NO_COLUMN = define("table.total-no-column",
                         "total column {name!q} is not a column of this table",
                         hint="name it as its header says: {columns:, }")
TOTAL_NO_CELL = define("table.total-no-cell",
                       "the total row has no cell of its own in column {name!q}",
                       hint="give the total row a cell there")

# --- facts prose cites that the content does not state ---------------------------------
# Each names the citation ({{ … }}) and the fact: of a KPI or an activity by its id and
# name, of a table by its id.

TABLE_NUMBER = define(
    "fact.table-number",
    "{expression} cites the number of table {table!q}, which has no caption and so no number",
    hint="give the table a caption (the renderer numbers it, 表N-M), or refer to the table by "
         "its title instead of its number")
KPI_FACTS = {
    "formula": define("fact.kpi.formula",
                      "{expression} cites the formula of KPI {key!q} ({name}), which states "
                      "none", hint="add 'formula:' to it, or leave the citation out"),
    "period": define("fact.kpi.period",
                     "{expression} cites the assessment period of KPI {key!q} ({name}), which "
                     "states none", hint="add 'period:' to it, or leave the citation out"),
    "owner": define("fact.kpi.owner",
                    "{expression} cites the owner of KPI {key!q} ({name}), which states none",
                    hint="add 'owner:' to it, or leave the citation out"),
}
ACTIVITY_FACTS = {
    "responsible": define("fact.activity.responsible",
                          "{expression} cites the responsible departments of activity {key!q} "
                          "({name}), which states none",
                          hint="add 'responsible:' to it, or leave the citation out"),
    "cooperating": define("fact.activity.cooperating",
                          "{expression} cites the cooperating departments of activity {key!q} "
                          "({name}), which states none",
                          hint="add 'cooperating:' to it, or leave the citation out"),
    "owner": define("fact.activity.owner",
                    "{expression} cites the owner of activity {key!q} ({name}), which states "
                    "none", hint="add 'owner:' to it, or leave the citation out"),
    "when": define("fact.activity.when",
                   "{expression} cites the planned date of activity {key!q} ({name}), which "
                   "states none", hint="add 'when:' to it, or leave the citation out"),
    "frequency": define("fact.activity.frequency",
                        "{expression} cites the frequency of activity {key!q} ({name}), which "
                        "states none", hint="add 'frequency:' to it, or leave the citation out"),
}
