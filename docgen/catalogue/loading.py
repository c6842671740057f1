"""What docgen says about where the content and its settings are: the content folder,
its organizations and document files, docgen.toml, and the output folder.

Codes: content.* for the content folder and its files, config.* for docgen.toml,
output-folder.* for an output folder docgen refuses to write in.
"""

from docgen.messages import define

# --- the content folder and its files --------------------------------------------------

NO_CONTENT_FOLDER = define("content.no-folder", "there is no content folder at {folder}",
                           hint="run docgen in your project folder, or pass --content DIR")
NO_ORGANIZATION = define("content.no-organization", "no organization found under {folder}",
                         hint="create a folder per organization holding an {org_file}, e.g. "
                              "{example}")
# Only the first document is named; with more, "..." stands for the others.
NO_ORG_FILE = define(
    "content.no-org-file",
    "the folder holds documents ({first}) but no {org_file}, so they belong to no organization",
    plural="the folder holds documents ({first}, ...) but no {org_file}, so they belong to no "
           "organization", count="count",
    hint="add the organization's {org_file} to the folder (see docs/content-format.md), or "
         "move the documents into an organization's folder")
STRAY_RELEASES = define("content.stray-releases",
                        "release records for {number}, which is not a document of this "
                        "organization",
                        hint="delete the file, or rename it after the document's number")
NUMBER_TOO_LONG = define("content.number-too-long",
                         "the document number {number!q} with its version {version} is too long "
                         "for a file name (at most {most} bytes)",
                         hint="shorten the document number")
NUMBER_TWICE = define("content.number-twice", "document number {number!q} is already used by "
                      "{file}", hint="give each document its own number")

# --- docgen.toml -----------------------------------------------------------------------

# The reason is the system's words (permission denied), or file.not-a-file.
CONFIG_CANNOT_READ = define("config.cannot-read", "cannot read the file: {reason}",
                            hint="check that the file is readable")
CONFIG_NOT_A_FILE = define("config.cannot-read.not-a-file", "cannot read the file: {reason}",
                           hint="docgen reads only regular files: put the configuration file "
                                "itself in its place, or remove it")
# tomllib's own words for the error (its position is given as the problem's place).
TOML_SYNTAX = define("config.toml-syntax", "TOML syntax error: {detail}",
                     hint="fix the TOML syntax, or delete the file to use the default folders")
UNKNOWN_TABLE = define("config.unknown-key", "unknown key {key!q}",
                       hint="docgen.toml holds the table [paths] and the setting language")
PATHS_NOT_TABLE = define("config.paths-not-table", "'paths' must be a table of folders, found "
                         "{found}", hint='e.g. [paths] then content = "content" on the next line')
UNKNOWN_SETTING = define("config.unknown-setting", "unknown setting {key!q} in [paths]",
                         hint="allowed: {allowed:, }")
NOT_A_FOLDER = define("config.not-a-folder", "{key!q} must be a folder, in quotes, found {found}",
                      hint='e.g. {key} = "{default}"')

# What a TOML value is, with the value.
FOUND = {
    "flag": define("config.found.flag", "the value {value}"),
    "number": define("config.found.number", "the number {value}"),
    "text": define("config.found.text", "the text {value!q}"),
    # The text as Python writes it (quoted, escapes shown), so that blanks show.
    "empty-text": define("config.found.empty-text", "the empty text {value}"),
    "list": define("config.found.list", "a list"),
    "table": define("config.found.table", "a table"),
    # A date or time: the name of its type (datetime, date, time).
    "other": define("config.found.other", "a {value}"),
}

# --- the output folder -----------------------------------------------------------------

OUTPUT_IS_LINK = define("output-folder.link", "the output folder {output!q} is a link to "
                        "{target!q}", hint="give the real folder with --output, or remove the "
                                           "link; docgen does not write where a link leads")
OUTPUT_NOT_ITS_OWN = define("output-folder.not-its-own",
                            "the output folder {output!q} is {target}, not a folder of its own",
                            hint="give a folder for docgen's output, e.g. --output output")
OUTPUT_OVERLAPS = define("output-folder.overlaps",
                         "the output folder {output!q} overlaps the content folder {content!q}",
                         hint="keep them apart, e.g. --output output beside --content content: "
                              "docgen replaces and removes files in its output folder")
