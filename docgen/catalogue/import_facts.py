"""What `docgen import` says about the KPIs and activities it found in a Word file's
tables and prose (docgen.importer.facts).

Each guess names what the import did at a value of the document; a table kept as it was
written says why in a reason (facts.reason.*), a message of its own.
"""

from docgen.messages import define

# --- KPI tables --------------------------------------------------------------------------

KPI_TABLE_READ = define(
    "import.facts.kpi-table",
    "read this table as a KPI table: its rows are the KPIs {ids:, } under kpis",
    hint="check each KPI's name, target, formula and period: the table is drawn from them")
KPI_TABLE_KEPT = define(
    "import.facts.kpi-table-kept",
    "this table lists KPIs but stays as it was written, because {reason}; its KPIs {ids:, } "
    "are declared under kpis from it",
    hint="once the KPIs read right, the table may become a kpi_table of their ids")
KPI_TABLE_UNREAD = define(
    "import.facts.kpi-table-unread",
    "this table looks like a KPI table but stays as it was written, because {reason}; no KPI "
    "was declared from it",
    hint="declare its KPIs under kpis by hand if they are KPIs")
KPI_FROM_PROSE = define(
    "import.facts.kpi-from-prose",
    "declared the KPI {name!q} with the target {target} from the sentence {words!q}",
    hint="the sentence stays as it was written; the checks compare it with this KPI")

# --- activity tables ---------------------------------------------------------------------

ACTIVITY_TABLE_READ = define(
    "import.facts.activity-table",
    "read this table as a plan's activities: its rows are the activities {ids:, } under "
    "activities",
    hint="check each activity's departments, owner and dates: the table is drawn from them")
ACTIVITY_TABLE_KEPT = define(
    "import.facts.activity-table-kept",
    "this table plans activities but stays as it was written, because {reason}; its "
    "activities {ids:, } are declared under activities from it",
    hint="once the activities read right, the table may become an activity_table of their "
         "ids")
ACTIVITY_TABLE_UNREAD = define(
    "import.facts.activity-table-unread",
    "this table looks like a plan's activities but stays as it was written, because "
    "{reason}; no activity was declared from it",
    hint="declare its activities under activities by hand if they are a plan's")
ACTIVITY_KIND = define(
    "import.facts.activity-kind",
    "took {name!q} for the recurring activity {kind} by its name",
    hint="kind lets the checks compare it with the same activity in other documents; write "
         "other if it is not that activity")

# --- why a table stays as it was written -----------------------------------------------------

REASON_TARGET = define(
    "import.facts.reason.target",
    "row {row} gives the target {value!q}, which is not a comparator, a number and a unit "
    "(≥95%, ≤2小时, 100%)")
REASON_PERIOD = define(
    "import.facts.reason.period",
    "row {row} gives the period {value!q}, which is none of 周度, 月度, 季度, 半年, 年度")
REASON_EMPTY = define(
    "import.facts.reason.empty", "row {row} leaves the column {column!q} empty")
REASON_COLUMN = define(
    "import.facts.reason.column", "its column {column!q} is none of a KPI's fields")
REASON_SAME_FIELD = define(
    "import.facts.reason.same-field",
    "its columns {first!q} and {second!q} would both give the KPI's {field}")
REASON_ACTIVITY_COLUMNS = define(
    "import.facts.reason.activity-columns",
    "an activity table has the columns {expected:、}, and this one has {found:、}")
REASON_TOTAL = define(
    "import.facts.reason.total", "row {row} is a total ({words!q})")
REASON_SPANNING = define(
    "import.facts.reason.spanning", "row {row} is one cell across the table ({words!q})")
REASON_HEADER_ROWS = define(
    "import.facts.reason.header-rows",
    "its header has {count} rows, and a table drawn from facts has one")
REASON_KEY = define(
    "import.facts.reason.key", "it has the key {key}, which a table drawn from facts cannot have")
REASON_ROWS = define(
    "import.facts.reason.rows",
    "a table drawn from the facts would have {rebuilt} rows instead of {original}")
REASON_COLUMNS = define(
    "import.facts.reason.columns",
    "a table drawn from the facts would have {rebuilt} columns instead of {original}")
REASON_CELL = define(
    "import.facts.reason.cell",
    "row {row}, column {column!q} would read {rebuilt!q} instead of {original!q}")
REASON_MERGE = define(
    "import.facts.reason.merge",
    "row {row}, column {column!q}: the cell {text!q} would span {rebuilt_rows} rows and "
    "{rebuilt_cols} columns instead of {rows} and {cols}")

ACTIVITY_FROM_PROSE = define(
    "import.facts.activity-from-prose",
    "declared the activity {name!q}, run by {who}, from the sentence {words!q}")
