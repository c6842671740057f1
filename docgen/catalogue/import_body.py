"""What `docgen import` says about reading a Word file and turning its body into sections.

Most entries are guesses: the import writes each as a comment `# import: guessed …` at
the value it concerns, so each reads on after "guessed". Codes: import.wordfile.* for
reading the file, import.body.* for its body.
"""

from docgen.messages import define

# --- reading the file ----------------------------------------------------------------------

NOT_A_DOCX = define(
    "import.wordfile.not-a-docx", "{path} is not a Word document that can be read ({reason})",
    hint="save it from Word or WPS as a .docx (Word document) and import that file")

# --- headings --------------------------------------------------------------------------------

HEADING_NUMBER_BREAK = define(
    "import.body.heading-number",
    "the heading's number: the original prints {written!q} where {due!q} was due; a section "
    "keeps no number of its own, so it is numbered in sequence",
    hint="check whether the original lacks a section here, or numbered one twice")
TYPED_HEADINGS = define(
    "import.body.typed-headings",
    "that paragraphs numbered like {written!q} are headings of level {level}: the original "
    "typed their numbers",
    hint="check the headings of this level; docgen numbers them itself")
ARTICLE_WITHOUT_TITLE = define(
    "import.body.article-without-title",
    "an empty title for {written}: the original's article has none, and its text is the "
    "section's body",
    hint="give the article a short title, or leave it empty")
DEEP_HEADING = define(
    "import.body.deep-heading",
    "a heading of level {level} kept as a bold paragraph with its number: sections go four "
    "levels deep")
TEXT_BEFORE_HEADINGS = define(
    "import.body.text-before-headings",
    "a section without a title for the text before the first heading",
    hint="give it a title, or move its text into the section it belongs to")
PICTURE_LEFT_OUT = define(
    "import.body.picture", "that the picture here can be left out: content holds no pictures",
    plural="that the {count} pictures here can be left out: content holds no pictures",
    count="count", hint="describe what the picture shows in words, or keep it in a record")

# --- lists -----------------------------------------------------------------------------------

NESTED_ITEMS = define(
    "import.body.nested-items",
    "that the deeper item under this one belongs to it, as a line of its text",
    plural="that the {count} deeper items under this one belong to it, as lines of its text",
    count="count")
BULLET_REPLACED = define(
    "import.body.bullet", "the bullet •, for the original's {glyph!q}, which docgen has not")

# --- tables ----------------------------------------------------------------------------------

FIRST_ROW_HEADER = define(
    "import.body.first-row-header",
    "that the first row is the table's header: the original marks none")
TOTAL_COLUMN_UNNAMED = define(
    "import.body.total-column",
    "that column {column} of the row {label!q} is no total: no header names that column alone",
    hint="give the column a header of its own, then add it to the row's total:")
ROW_NUMBERS_KEPT = define(
    "import.body.row-numbers",
    "the row numbers as the original writes them ({numbers:, }): they do not count 1, 2, 3")
CAPTION_GUESSED = define(
    "import.body.caption", "that the line above the table is its caption")
CAPTION_NUMBER_KEPT = define(
    "import.body.caption-number",
    "the number the original prints in the caption, {written}, where number {due} was due")
CAPTION_CHAPTER = define(
    "import.body.caption-chapter",
    "the chapter of {written}: the table stands in chapter {chapter}, which the caption will "
    "show")

# --- the house style ---------------------------------------------------------------------------

STYLE_MIXED = define(
    "import.body.style-mixed",
    "{chosen!q}, the form most of the original's labels take; some take others")
STYLE_SCANT = define(
    "import.body.style-scant",
    "{chosen!q}, from the one label of this kind the original shows")
CAPTIONS_MIXED = define(
    "import.body.captions-mixed",
    "captions numbered {numbering} and placed {position}: the original's captions are not "
    "all alike")
DATES_GUESSED = define(
    "import.body.dates",
    "that dates are written like {example!q}: the body has few dates, or writes them in "
    "more than one way")
