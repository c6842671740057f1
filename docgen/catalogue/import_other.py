"""What `docgen import` says about files laid out unlike the bundled documents: facts it
completes by the trade's conventions where the original leaves them out.

Each entry is a guess, written as a comment `# import: guessed …` at the value it
concerns, so each reads on after "guessed". Codes: import.other.*.
"""

from docgen.messages import define

GUESS_FIRST_ISSUE = define(
    "import.other.first-issue",
    "the file does not say what its first version changed; wrote {change!q}, as a first "
    "issue is described")
GUESS_SIGNED_ON_DATE = define(
    "import.other.signed-on-date",
    "the revision table gives one date per row; took {date} as the date this was signed too")
