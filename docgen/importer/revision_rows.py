"""Complete the revision rows a file leaves short, by the trade's conventions: one date
column dates every signature of its row; a first version that does not say what it
changed is a first issue."""

from __future__ import annotations

import datetime as dt

from docgen.catalogue import import_files as files_said
from docgen.catalogue import import_other as other_said
from docgen.importer.model import FrontMatter, Guess

# What the trade writes as the change of a document's first version.
FIRST_ISSUE = "首次发布"
FIRST_VERSION = "V1.0"


def one_date(front: FrontMatter, rows: list[dict[str, object]]) -> None:
    """Give a row of a table with one date column that date both as written and as
    approved: the revision's date is the day it was written and took effect."""
    for index, row in enumerate(rows):
        if "date" not in row and isinstance(row.get("approve_date"), dt.date):
            row["date"] = row["approve_date"]
            front.guesses.append(Guess(("revisions", index, "date"), files_said.GUESS_ONE_DATE(
                date=row["approve_date"])))
        if not isinstance(row.get("date"), dt.date):
            continue
        for signer, key in (("reviewer", "review_date"), ("approver", "approve_date")):
            if key not in row and (signer in row or key == "approve_date"):
                row[key] = row["date"]
                front.guesses.append(Guess(("revisions", index, key),
                                           other_said.GUESS_SIGNED_ON_DATE(date=row["date"])))


def first_issue(front: FrontMatter) -> None:
    """Describe the first revision as a first issue when the file does not say what it
    changed (a revision row made from the cover, a table without a change column)."""
    if not front.revisions or "change" in front.revisions[0]:
        return
    # A row made from the cover of V2.0 follows versions the file no longer lists.
    if len(front.revisions) > 1 or front.revisions[0].get("version") == FIRST_VERSION:
        front.revisions[0]["change"] = FIRST_ISSUE
        front.guesses.append(Guess(("revisions", 0, "change"),
                                   other_said.GUESS_FIRST_ISSUE(change=FIRST_ISSUE)))
