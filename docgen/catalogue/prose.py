"""What docgen says when prose cannot be interpolated: a name that does not exist, a
tag prose may not use, a syntax error, an expression the sandbox refuses.

Jinja's own words are shown (as `detail`) only where Jinja alone knows what is wrong: a
syntax error, or an error while evaluating that docgen does not name.
"""

from docgen.messages import define

# A name that does not exist, by the namespace it was looked up in.
NO_SUCH = {
    "kpi": define("prose.no-such.kpi",
                  "{expression} names a KPI that does not exist: no KPI with id {name!q} in "
                  "this document", hint="known kpis: {known:, }"),
    "activity": define("prose.no-such.activity",
                       "{expression} names a activity that does not exist: no activity with id "
                       "{name!q} in this document", hint="known activities: {known:, }"),
    "table": define("prose.no-such.table",
                    "{expression} names a table that does not exist: no table with id {name!q} "
                    "in this document", hint="known tables with an id: {known:, }"),
    "section": define("prose.no-such.section",
                      "{expression} names a section that does not exist: no section with id "
                      "{name!q} in this document", hint="known sections with an id: {known:, }"),
    "docs": define("prose.no-such.document",
                   "{expression} names a document that does not exist: no document with id "
                   "{name!q} in this document",
                   hint="known documents of the organization: {known:, }"),
    "processes": define("prose.no-such.process-group",
                        "{expression} names a process group that does not exist: no process "
                        "group with id {name!q} in this document",
                        hint="known process groups: {known:, }"),
}
UNKNOWN_NAME = define("prose.unknown-name", "{{{{ {name} }}}} names nothing docgen knows",
                      hint="prose may cite: {known:, }")
UNDEFINED = define("prose.undefined",
                   "{{{{ ... }}}} names something that does not exist ({detail})",
                   hint="check the id against the document's kpis, activities, tables and "
                        "sections")

FORBIDDEN_TAG = define("prose.forbidden-tag", "{tag} is not allowed in prose",
                       hint="prose may only show facts: {{{{ kpi.<id>.target }}}}")
SYNTAX_ERROR = define("prose.syntax-error", "error in {{{{ ... }}}}: {detail}",
                      hint="check the braces: an expression is written {{{{ name.field }}}}")
REFUSED = define("prose.refused", "expression refused by the sandbox: {reason}",
                 hint="prose may only show facts: {{{{ kpi.<id>.target }}}}")
FAILED = define("prose.failed", "error in {{{{ ... }}}}: {detail}",
                hint="prose may only show facts: {{{{ kpi.<id>.target }}}}")
TOO_LONG = define("prose.too-long", "the interpolated text is too long",
                  hint="prose may only show facts: {{{{ kpi.<id>.target }}}}")

# Why the sandbox refuses an expression docgen's own guards stop.
BIG_EXPONENT = define("sandbox.big-exponent", "exponents above 100 are not allowed")
TOO_LONG_TEXT = define("sandbox.too-long-text",
                       "the expression would build a text that is too long")
