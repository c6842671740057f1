"""What docgen import and docgen check FILE.docx say about the document as a whole: what
they made of a Word file, what they guessed about it, what they refuse, and where in the
Word file a finding is.

Codes: import.*. What the stages say of a file's pages lives in import_files, import_body
and import_facts.
"""

from docgen.messages import define

# --- the document as a whole -------------------------------------------------------------

NO_NUMBER = define("import.no-number",
                   "{file}: found no document number that docgen can use (found {found!q})",
                   hint="name the file by its number (ABC-QM-01.docx), or put the number on "
                        "its cover (文件编号：ABC-QM-01); a number is capital letters and digits "
                        "in parts joined by '-'")
NO_TITLE = define("import.no-title", "{file}: found no title on its cover",
                  hint="put the title on the cover, or name the file after it")
GUESSED_TITLE_FROM_NAME = define("import.guessed.title-from-name",
                                 "the title is the file's name; the cover shows none")
GUESSED_NUMBER_FROM_NAME = define("import.guessed.number-from-name",
                                  "the number is the file's name; the cover shows none")
NUMBER_FITTED = define("import.guessed.number-fitted",
                       "the original's number {written!q} is written with '-' between its parts")
GUESSED_KIND = define("import.guessed.kind",
                      "the kind of document (计划, 制度, …) is not in the title: set it here")
GUESSED_ROLE = define("import.guessed.role",
                      "its part in the set ({role}) is read from its title")

# --- into the project -----------------------------------------------------------------

BAD_ORG_KEY = define("import.bad-org", "--org {key!q} is not a folder name",
                    hint="use letters, digits, '-' and '_', e.g. --org acme")
ALREADY_IMPORTED = define("import.exists", "{path} exists already",
                          hint="pass --force to replace it; nothing was written")
SAME_NUMBER_TWICE = define("import.same-number", "{first} and {second} both hold {number}",
                           hint="import one of them; nothing was written")
TWO_PREFIXES_ONE_FOLDER = define(
    "import.two-prefixes", "{first} ({first_prefix}) and {second} ({second_prefix}) would both "
    "go into the organization folder {folder!q}, whose org.yaml has one prefix",
    hint="import the files of each organization on their own, each with its own --org; "
         "nothing was written")
HEADER = define("import.header",
                "Imported by docgen from {file}. Review the lines marked `import: guessed`, "
                "then delete those comments.")

# --- what the command says -----------------------------------------------------------------

IMPORTED = define("import.imported", "imported {source} → {target}: {sections}, {tables}, "
                  "{kpis}, {activities}")
ORG_CREATED = define("import.org-created", "wrote {path} (organization {key!q}: {company}, "
                     "prefix {prefix})")
ORG_EXTENDED = define("import.org-extended", "updated {path}: {people}, {departments} added")
ORG_UNCHANGED = define("import.org-unchanged", "{path} already lists everyone and every "
                       "department")
ORG_DERIVED = define("import.org-derived",
                     "the organization folder is {key!q}, from the prefix {prefix}",
                     hint="pass --org KEY to choose another")
TO_REVIEW = define("import.to-review", "{place}: {text}")
REVIEW_HEAD = define("import.review-head", "to review in {path} ({count} guess):",
                     plural="to review in {path} ({count} guesses):", count="count")
NOTHING_TO_REVIEW = define("import.nothing-to-review", "nothing guessed in {path}")
DOES_NOT_LOAD = define("import.does-not-load",
                       "{path} needs editing before docgen can build it:",
                       hint="fill in what is missing at the lines shown, then run docgen check")
NEXT_STEPS = define("import.next", "next: review the lines above, then run 'docgen check' and "
                    "'docgen build'")

SECTIONS = define("import.count.sections", "{count} section", plural="{count} sections",
                  count="count")
TABLES = define("import.count.tables", "{count} table", plural="{count} tables", count="count")
KPIS = define("import.count.kpis", "{count} KPI", plural="{count} KPIs", count="count")
ACTIVITIES = define("import.count.activities", "{count} activity", plural="{count} activities",
                    count="count")
PEOPLE = define("import.count.people", "{count} person", plural="{count} people", count="count")
DEPARTMENTS = define("import.count.departments", "{count} department",
                     plural="{count} departments", count="count")

# --- where in a Word file ------------------------------------------------------------------

IN_TABLE_ROW = define("import.where.table-row", "table {table}, row {row} ({words!q})")
IN_TABLE = define("import.where.table", "table {table}")
IN_SECTION_PARAGRAPH = define("import.where.paragraph", "{section}, the paragraph {words!q}")
IN_PARAGRAPH = define("import.where.paragraph-only", "the paragraph {words!q}")
IN_SECTION = define("import.where.section", "{section}")
IN_TOC = define("import.where.toc", "the table of contents")
IN_TOC_LINE = define("import.where.toc-line", "the table of contents, the line {words!q}")
ON_COVER = define("import.where.cover", "the cover or revision table")
