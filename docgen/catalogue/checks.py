"""What `docgen check` says: one entry per finding a rule can make, grouped by family.

Where a finding reads differently by case (a reference in this document or in another,
"at least" or exactly, the first number of a list or a later one), each case is an
entry of its own, so that every sentence is whole. Codes are the family, a dot, and
what is wrong: kpi.target-mismatch; a case is a suffix: kpi.target-mismatch.elsewhere.
"""

from docgen.messages import define

# --- metadata ------------------------------------------------------------------------

VERSION_ORDER = define(
    "meta.version-order",
    "revision {version} follows {previous}: versions must increase from row to row",
    hint="list the revisions oldest first, each with a higher version")
DATED_BEFORE_APPROVAL = define(
    "meta.dated-before-approval",
    "revision {version} is dated {date}, before {previous} was approved on {approved}",
    hint="correct the date, or the order of the revision rows")
REVIEWED_BEFORE_WRITTEN = define(
    "meta.reviewed-before-written",
    "{version} is reviewed on {reviewed}, before it was written on {written}",
    hint="review dates cannot precede the writing date; correct one of them")
APPROVED_BEFORE_REVIEWED = define(
    "meta.approved-before-reviewed",
    "{version} is approved on {approved}, before it was reviewed on {reviewed}",
    hint="approval comes after review; correct one of the dates")
SELF_APPROVAL = define(
    "meta.self-approval", "{author} both wrote and approved {version}",
    hint="have the version approved by someone other than its author")
SELF_REVIEW = define(
    "meta.self-review", "{author} both wrote and reviewed {version}",
    hint="have the version reviewed by someone other than its author")
# The signing roles, as a signer's role and the items of a list of them.
ROLES = {
    "author": define("meta.role.author", "编制 (author)"),
    "reviewer": define("meta.role.reviewer", "审核 (reviewer)"),
    "approver": define("meta.role.approver", "批准 (approver)"),
}
SIGNER_ROLE = define(
    "meta.signer-role",
    "{name} signs {version} as {role_name}, but may sign only as: {allowed:, }",
    hint="choose a signer who may sign as {role}, or add '{role}' to {name}'s signs in org.yaml")
SIGNER_SIGNS_NOTHING = define(
    "meta.signer-role.signs-nothing",
    "{name} signs {version} as {role_name}, but may sign only as: nothing",
    hint="choose a signer who may sign as {role}, or add '{role}' to {name}'s signs in org.yaml")
NUMBER_PREFIX = define(
    "meta.number-prefix", "{number} does not start with the organization's prefix {prefix}-",
    hint="renumber it as {prefix}-..., or check org.yaml's prefix")
FILE_NAME = define(
    "meta.file-name", "the file {file} holds document {number}",
    hint="rename the file to {number}{suffix}")
NUMBER_TAKEN = define(
    "meta.number-taken",
    "{number} is also the number of a document of {organization} ({file})",
    hint="give each document its own number")

# --- document control ----------------------------------------------------------------

RELEASED_CHANGED = define(
    "control.released-changed",
    "{number} {version} was released on {released_on}, but its content has changed since",
    hint="record the change as a new version (docgen bump {number} --minor …), or undo the edit")
RELEASE_UNKNOWN_VERSION = define(
    "control.release-unknown-version",
    "{version} of {number} was released on {released_on}, but the revision history has no "
    "such version",
    hint="restore the revision row; a released version stays in the history")
FORCED_RELEASE = define(
    "control.forced-release",
    "{number} {version} was released on {released_on} with --force, despite errors found by "
    "the checks",
    hint="fix the errors and release a new version")

# --- arithmetic ----------------------------------------------------------------------

# Hints show template syntax: its braces are doubled here.
TOTAL_MISMATCH = define(
    "arith.total-mismatch",
    "the {label} row states {stated} for {column}, but the rows above add up to {computed}",
    hint="correct the figures, or write {{sum: true}} to show the computed sum")
NOT_A_NUMBER = define(
    "arith.not-a-number",
    "“{text}” is not a number, so the total of {column} leaves it out",
    hint="write the figure alone in the cell, e.g. 2 or 2人")
PROSE_SUM = define(
    "arith.prose-sum",
    "“{sentence}” gives {whole}{unit} in all, but its parts add up to {parts: + } = "
    "{sum}{unit}",
    hint="correct the figures; where a table holds them, cite its sum: "
         "{{{{ table.<id>.sum['column'] }}}}")
PROSE_TOTAL = define(
    "arith.prose-total",
    "the text says {label}{stated}{unit}, but the table's {label} {totals:、}",
    hint="cite the table's figure instead of retyping it: {{{{ table.<id>.sum['column'] }}}}")
# One item of the list `totals` above: one column's total.
COLUMN_TOTAL = define("arith.prose-total.column", "for {column} is {figure}")

# --- KPIs ----------------------------------------------------------------------------

# A declaration is cited as kpis.<key> and its line, with its document's number when
# it stands in another document: ".elsewhere".
TARGET_MISMATCH = define(
    "kpi.target-mismatch",
    "{kpi} has the target {here} here, but {there} in kpis.{key}, line {line}",
    hint="state the KPI once and cite it, or make every statement agree")
TARGET_MISMATCH_ELSEWHERE = define(
    "kpi.target-mismatch.elsewhere",
    "{kpi} has the target {here} here, but {there} in {document}, kpis.{key}, line {line}",
    hint="state the KPI once and cite it, or make every statement agree")
PERIOD_MISMATCH = define(
    "kpi.period-mismatch",
    "{kpi} has the assessment period {here} here, but {there} in kpis.{key}, line {line}",
    hint="state the KPI once and cite it, or make every statement agree")
PERIOD_MISMATCH_ELSEWHERE = define(
    "kpi.period-mismatch.elsewhere",
    "{kpi} has the assessment period {here} here, but {there} in {document}, kpis.{key}, "
    "line {line}",
    hint="state the KPI once and cite it, or make every statement agree")
FORMULA_MISMATCH = define(
    "kpi.formula-mismatch",
    "{kpi} has the formula {here} here, but {there} in kpis.{key}, line {line}",
    hint="state the KPI once and cite it, or make every statement agree")
FORMULA_MISMATCH_ELSEWHERE = define(
    "kpi.formula-mismatch.elsewhere",
    "{kpi} has the formula {here} here, but {there} in {document}, kpis.{key}, line {line}",
    hint="state the KPI once and cite it, or make every statement agree")
STATED_TWICE = define(
    "kpi.stated-twice",
    "{kpi} is stated twice in this document (also kpis.{key}, line {line})",
    hint="keep one declaration and cite it where it is needed: {{{{ kpi.{key}.target }}}}")
COUNT_AS_PERCENTAGE = define(
    "kpi.count-as-percentage",
    "{kpi} counts something, but its target {target} is a percentage",
    hint="give a count target such as ≥1次, or rename the KPI as a rate (…率)")
RATE_AS_COUNT = define(
    "kpi.rate-as-count",
    "{kpi} is a rate, but its target {target} counts occurrences",
    hint="give a percentage target such as ≥95%, or rename the KPI as a count (…次数)")
BORROWED_FORMULA = define(
    "kpi.borrowed-formula",
    "the formula given for {kpi} ({formula}) is the formula of {owner} (kpis.{key}, "
    "line {line})",
    hint="give {kpi} its own formula")
BORROWED_FORMULA_ELSEWHERE = define(
    "kpi.borrowed-formula.elsewhere",
    "the formula given for {kpi} ({formula}) is the formula of {owner} ({document}, "
    "kpis.{key}, line {line})",
    hint="give {kpi} its own formula")
RATE_INVERTED = define(
    "kpi.rate-inverted",
    "the formula of {kpi} divides the whole ({numerator}) by the part ({denominator})",
    hint="swap numerator and denominator: part / whole × 100%")
