"""What a build says about its output: each file written, left or removed (and why),
the one-line summaries on a terminal, and the labels of its progress bars."""

from docgen.messages import define

WROTE = define("output.wrote", "wrote {path}")
UNCHANGED = define("output.unchanged", "unchanged {path}")
REMOVED = define("output.removed", "removed {path} ({why})")

# Why a build removed a file; with a released copy of the same version, where it stays.
WHY = {
    "withdrawn": define("output.why.withdrawn", "the document is withdrawn"),
    "superseded": define("output.why.superseded", "superseded by {now}, the version in force"),
    "renamed": define("output.why.renamed", "the document's file is now {now}"),
}
WHY_KEPT = {
    "withdrawn": define("output.why.withdrawn.kept",
                        "the document is withdrawn; its released copy stays in {copy}"),
    "superseded": define("output.why.superseded.kept",
                         "superseded by {now}, the version in force; its released copy stays "
                         "in {copy}"),
    "renamed": define("output.why.renamed.kept",
                      "the document's file is now {now}; its released copy stays in {copy}"),
}
WHY_OUTDATED = define(
    "output.why.outdated",
    "it showed the content before this build; 'docgen build --pdf' makes it again from the "
    "content as it is now")

# On a terminal, a build of more than a few documents says what it did in one line.
FILES = define("output.files", "{count} file", plural="{count} files", count="count")
PDFS = define("output.pdfs", "{count} PDF", plural="{count} PDFs", count="count")
TABLES_OF_CONTENTS = define("output.tables-of-contents", "{count} table of contents",
                            plural="{count} tables of contents", count="count")
WROTE_FILES = define("output.wrote-files", "wrote {files}, {unchanged} unchanged, in {folders:, }")
WROTE_PDFS = define("output.wrote-pdfs", "wrote {pdfs}")
WROTE_PDFS_PAGED = define("output.wrote-pdfs.paged",
                          "wrote {pdfs}, and page numbers in {tables}")

# The label of a progress bar, by stage.
STAGES = {
    "rendering": define("output.stage.rendering", "rendering"),
    "pdf": define("output.stage.pdf", "making PDFs"),
}

# --- what stops a file from being written ------------------------------------------------

# What became of the earlier output, said at the end of each hint below.
STATE_UNCHANGED = define("output.state.unchanged", "earlier output is unchanged")
STATE_REPLACED = define("output.state.replaced", "these files were already replaced: {files:, }; "
                        "the others are unchanged")
DISK_FULL = define("output.disk-full", "the disk is full",
                   hint="free some space and build again; {state}")
PERMISSION_DENIED = define("output.permission-denied", "permission denied",
                           hint="make the output folder writable, and close the file if Word or "
                                "WPS has it open; {state}")
FOLDER_IN_THE_WAY = define("output.folder-in-the-way", "a folder of that name is in the way",
                           hint="remove or rename that folder; {state}")
FILE_IN_THE_WAY = define("output.file-in-the-way", "it is a file, not a folder",
                         hint="rename or remove that file: docgen writes the documents of this "
                              "organization into a folder of that name; earlier output is "
                              "unchanged")
NO_TEMPORARY_NAME = define("output.no-temporary-name", "no free temporary file name",
                           hint="check the output folder; {state}")
# The system's words for what went wrong.
CANNOT_WRITE = define("output.cannot-write", "{reason}", hint="check the output folder; {state}")
OUTSIDE = define("output.outside", "this output path would fall outside the output folder",
                 hint="document numbers and titles must not contain path separators")
