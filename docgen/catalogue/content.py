"""What docgen says when the content does not fit its schema: keys, types, forms, values.

Pydantic reports each error as a type and a path; docgen.content.validation gives each
type its own entry here. What was found instead of what was expected is a message of
its own (FOUND), so that each sentence stays whole. Codes: schema.* for the shape of
the YAML, value.* for a value that does not parse (a version, a date, a target).
"""

from docgen.messages import define

# --- what was found instead ------------------------------------------------------------

FOUND = {
    "nothing": define("schema.found.nothing", "nothing"),
    "mapping": define("schema.found.mapping", "a mapping (key: value lines)"),
    "list": define("schema.found.list", "a list ('- ' lines)"),
}
FOUND_TEXT = define("schema.found.text", "the text {value!q}")

# --- keys ------------------------------------------------------------------------------

MISSING_KEY = define("schema.missing-key", "missing required key '{key}'",
                     hint="add '{key}: ...' to this mapping")
UNKNOWN_KEY = define("schema.unknown-key", "unknown key {key!q}", hint="remove it")
UNKNOWN_KEY_CLOSE = define("schema.unknown-key.close", "unknown key {key!q}",
                           hint="did you mean '{close}'?")
UNKNOWN_KEY_KNOWN = define("schema.unknown-key.known", "unknown key {key!q}",
                           hint="allowed keys here: {known:, }")
BAD_KEY = define("schema.bad-key", "{error}", hint="rename the key")

# --- types -----------------------------------------------------------------------------

EMPTY = define("schema.empty", "'{field}' is empty", hint="give '{field}' a value")
NOT_TEXT = define("schema.not-text", "'{field}' must be text, found {found}",
                  hint="write the value on the same line after ': '")
NOT_LIST = define("schema.not-list", "'{field}' must be a list, found {found}",
                  hint="write each item on its own line starting with '- '")
FILE_NOT_MAPPING = define("schema.file-not-mapping",
                          "the file must be a mapping of keys, found {found}",
                          hint="start the file with 'key: value' lines such as 'number: ...'")
NOT_MAPPING = define("schema.not-mapping",
                     "'{field}' must be a mapping (key: value lines), found {found}",
                     hint="indent its keys under it, one 'key: value' per line")
NOT_WHOLE_NUMBER = define("schema.not-whole-number", "'{field}' must be a whole number, found "
                          "{found}", hint="write digits only, e.g. 2")
NOT_NUMBER = define("schema.not-number", "'{field}' must be a number, found {found}",
                    hint="write a number such as 1.5")
NOT_FLAG = define("schema.not-flag", "'{field}' must be true or false, found {found}",
                  hint="write true or false")

# --- values of a fixed set, forms, sizes -------------------------------------------------

# The choices are listed as pydantic words them: quoted, the last after "or".
NOT_ALLOWED = define("schema.not-allowed", "{value!q} is not allowed for '{field}'",
                     hint="use one of: {choices:, } or {last}")
NOT_ALLOWED_ONE = define("schema.not-allowed.one", "{value!q} is not allowed for '{field}'",
                         hint="use one of: {last}")
# A field whose choices docgen cannot name: pydantic's list of them.
NOT_ALLOWED_EXPECTED = define("schema.not-allowed.expected",
                              "{value!q} is not allowed for '{field}'",
                              hint="use one of: {expected}")
NOT_A_NUMBER = define("schema.pattern.number", "{value!q} is not a document number",
                      hint="write it as PREFIX-SERIES-NNNN, e.g. YNTD-ITSS-0303")
NOT_A_PREFIX = define("schema.pattern.prefix", "{value!q} is not a document-number prefix",
                      hint="use capital letters and digits, e.g. YNTD")
BAD_FORM = define("schema.pattern", "{value!q} does not have the expected form",
                  hint="check the value")
TOO_FEW = define("schema.too-few", "'{field}' needs at least {least} item(s)",
                 hint="add the missing items")
TOO_SMALL = define("schema.too-small",
                   "'{field}' is too small: input should be greater than or equal to {limit}")
NOT_ABOVE = define("schema.too-small.strict",
                   "'{field}' is too small: input should be greater than {limit}")

# A body item that is no block: what was found is its keys, or (none) what it is.
BLOCK_KIND_CLOSE = define(
    "schema.block-kind.close",
    "a body item must be text, or a mapping with exactly one of: {kinds:, }; found: {keys:, }",
    hint="did you mean '{close}'?")
BLOCK_KIND_KEYS = define(
    "schema.block-kind.keys",
    "a body item must be text, or a mapping with exactly one of: {kinds:, }; found: {keys:, }",
    hint="check the spelling of the block's key")
BLOCK_KIND = define(
    "schema.block-kind",
    "a body item must be text, or a mapping with exactly one of: {kinds:, }; found: {found}",
    hint="check the spelling of the block's key")

# A validator that is not docgen's refused the value: its words.
REFUSED = define("schema.refused", "{detail}")
# Any other error pydantic reports: its own words.
INVALID = define("schema.invalid", "'{field}': {detail}")

# --- values ----------------------------------------------------------------------------

NOT_A_VERSION = define("value.not-a-version", "{value!q} is not a version",
                       hint="write it as V1.0, V1.1 or V2.0 (V, major, dot, minor)")
NOT_A_DATE = define("value.not-a-date", "{value!q} is not a date",
                    hint="write it as YYYY-MM-DD, e.g. 2025-01-07")
NO_SUCH_DAY = define("value.no-such-day",
                     "{value!q} is not a date that exists ({year}-{month:02d} has no day {day})",
                     hint="write a date that exists, as YYYY-MM-DD")
NO_SUCH_MONTH = define("value.no-such-month",
                       "{value!q} is not a date that exists (there is no month {month})",
                       hint="write a date that exists, as YYYY-MM-DD")
NOT_AN_ID = define("value.not-an-id", "{value!q} is not a valid id",
                   hint="use letters, digits and '_', starting with a letter "
                        "(e.g. recruitment_plan)")
NOT_A_TARGET = define("value.not-a-target", "{value!q} is not a KPI target",
                      hint="write a comparator, a number and a unit, e.g. ≥95%, ≤1次, ≥95分, 100%")
NO_NUMBER = define("value.no-number", "{value!q} does not state a number")
NOT_TRUE_OR_FALSE = define("value.not-true-or-false", "{value!q} is not true or false",
                           hint="write true or false (yes, no, on and off are not accepted)")

# --- KPI tables ------------------------------------------------------------------------

NO_KPI_COLUMN = define(
    "value.kpi-column", "{name!q} is not a column of a KPI table",
    hint="columns are: {known:, }")
KPI_COLUMN_FORM = define(
    "value.kpi-column-form", "a column of a KPI table is a field or one field with its header word",
    hint="write it as formula or as formula: 计算公式")
