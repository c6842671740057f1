"""What `docgen import` says about the files it is given and the front matter it reads:
a file that is not a Word document (and how to make it one), a Word file not fit to
import as it is, what it guessed on the cover and in the revision table, the comments it
writes into YAML, and an org.yaml that names another company.

Codes: import.source.* for the file, import.unfit.* for a Word file refused, import.guess.*
for what was guessed, import.yaml.* and import.org.* for the files written.
"""

from docgen.messages import define

# --- the file --------------------------------------------------------------------------

_SAVE_AS_DOCX = ("open it in Word or WPS and choose File → Save As → 'Word Document (.docx)' "
                 "(文件 → 另存为 → Word 文档), then import the .docx")

# The reason is the system's words (no such file, permission denied).
CANNOT_READ = define("import.source.cannot-read", "cannot read {file}: {reason}",
                     hint="check the file name and that the file exists and is readable")
# The reason is file.not-a-file.
NOT_A_FILE = define("import.source.not-a-file", "cannot read {file}: {reason}",
                    hint="name the Word file itself")
EMPTY = define("import.source.empty", "{file} is empty (0 bytes)",
               hint="import the original Word file, or save it again from Word or WPS")
# What a file too large unpacks to: template.found.parts or template.found.megabytes.
TOO_LARGE = define("import.source.too-large",
                   "{file} unpacks to {found}; docgen reads Word files of at most {megabytes} MB "
                   "and {parts} parts",
                   hint="save it again from Word or WPS, leaving out large images and embedded "
                        "files")
DAMAGED = define("import.source.damaged", "{file} is a damaged .docx file: {detail}",
                 hint="open it in Word or WPS, which may repair it, and save it again as .docx")

# Office files of other kinds, by what they are.
OFFICE_KINDS = {
    "xlsx": define("import.source.kind.xlsx", "an Excel workbook (.xlsx)"),
    "xls": define("import.source.kind.xls", "an old Excel workbook (.xls)"),
    "pptx": define("import.source.kind.pptx", "a PowerPoint presentation (.pptx)"),
    "ppt": define("import.source.kind.ppt", "an old PowerPoint presentation (.ppt)"),
    "odt": define("import.source.kind.odt", "an OpenDocument text (.odt)"),
    "ods": define("import.source.kind.ods", "an OpenDocument spreadsheet (.ods)"),
    "odp": define("import.source.kind.odp", "an OpenDocument presentation (.odp)"),
}
OTHER_OFFICE = define("import.source.other-office", "{file} is {kind}, not a Word document",
                      hint="docgen imports Word documents: copy the text into Word or WPS, or "
                           "open an .odt in LibreOffice or WPS, and save it as 'Word Document "
                           "(.docx)'")
ZIP_NOT_WORD = define("import.source.zip-not-word",
                      "{file} is a zip archive, but not a Word document",
                      hint=_SAVE_AS_DOCX)
ENCRYPTED = define("import.source.encrypted", "{file} is protected by a password",
                   hint="open it in Word and clear the password (File → Info → Protect Document "
                        "→ Encrypt with Password; WPS: 文件 → 文档加密 → 密码加密), save it, and "
                        "import it again")
# Old binary formats that LibreOffice converts, by what they are.
OLD_KINDS = {
    "doc": define("import.source.kind.doc", "an old Word 97-2003 document (.doc)"),
    "wps": define("import.source.kind.wps", "a WPS document (.wps)"),
    "word-xml": define("import.source.kind.word-xml", "a Word 2003 XML document"),
}
NO_LIBREOFFICE = define("import.source.no-libreoffice",
                        "{file} is {kind}; docgen converts it to .docx with LibreOffice, which is "
                        "not installed",
                        hint=_SAVE_AS_DOCX + "; or install LibreOffice (make pdf installs it) "
                                             "and import it again")
# The detail is LibreOffice's own words, or what it left.
CONVERSION_FAILED = define("import.source.conversion-failed",
                           "LibreOffice could not convert {file} to .docx: {detail}",
                           hint=_SAVE_AS_DOCX)
CONVERSION_TIMED_OUT = define("import.source.conversion-timed-out",
                              "LibreOffice did not convert {file} within {seconds} s; it was "
                              "stopped", hint=_SAVE_AS_DOCX)
NOTHING_WRITTEN = define("import.source.nothing-written", "it wrote no .docx file")
PDF = define("import.source.pdf", "{file} is a PDF, not a Word document",
             hint="import the Word file the PDF was made from; or open the PDF in Word (File → "
                  "Open) or WPS (PDF 转 Word), check the text it makes, and save it as .docx")
RTF = define("import.source.rtf", "{file} is an RTF file, not a Word document",
             hint=_SAVE_AS_DOCX)
HTML = define("import.source.html", "{file} is a web page (HTML or MHT), not a Word document",
              hint=_SAVE_AS_DOCX)
TEXT = define("import.source.text", "{file} is plain text, not a Word document",
              hint="paste the text into a new Word document, apply heading styles to the "
                   "headings, and save it as .docx")
UNKNOWN = define("import.source.unknown",
                 "{file} is not a Word document: it is neither a .docx (zip) nor an old .doc file",
                 hint=_SAVE_AS_DOCX)

# --- a Word file not fit to import as it is -------------------------------------------

TRACKED_CHANGES = define(
    "import.unfit.tracked-changes", "{file} still has {count} tracked change",
    plural="{file} still has {count} tracked changes", count="count",
    hint="accept or reject them in Word (Review → Accept → Accept All Changes; 审阅 → 接受 → "
         "接受所有修订), save the file, and import it again")
COMMENTS = define(
    "import.unfit.comments", "{file} has {count} comment",
    plural="{file} has {count} comments", count="count",
    hint="delete them in Word (Review → Delete → Delete All Comments; 审阅 → 删除 → 删除所有批注) "
         "once they are dealt with, save the file, and import it again")
IMAGE_ONLY = define(
    "import.unfit.image-only", "{file} holds pictures but no text: it looks like a scan",
    hint="docgen reads text, not images: import the original Word file, or run the scan "
         "through OCR and check the text it makes first")
NO_TEXT = define("import.unfit.no-text", "{file} has no text in its body",
                 hint="check that this is the document meant; its text may be in text boxes, "
                      "which docgen does not read: move it into the body")

# --- what the front matter reading guessed ---------------------------------------------

GUESS_TITLE = define("import.guess.title",
                     "guessed the title from the cover's most prominent line")
GUESS_NUMBER_HEADER = define("import.guess.number-header",
                             "took the document number from the page header")
GUESS_NUMBER_PATTERN = define("import.guess.number-pattern",
                              "guessed that {number!q} on the cover is the document number")
GUESS_COMPANY_HEADER = define("import.guess.company-header",
                              "took the company {company!q} from the page header")
GUESS_VERSION = define("import.guess.version", "read the version {written!q} as {version}")
GUESS_KIND = define("import.guess.kind",
                    "guessed the kind {kind} from the title {title!q}")
GUESS_FROM_COVER = define("import.guess.from-cover",
                          "took {value!q} for this row from the cover")
GUESS_ONE_DATE = define("import.guess.one-date",
                        "the revision table gives one date per row; took {date} as the date "
                        "written too")
GUESS_SHARED_DATE = define("import.guess.shared-date",
                           "the cover gives one date for all signers; took {date} for this one")
GUESS_NEWEST_FIRST = define("import.guess.newest-first",
                            "the revision table lists the newest version first; the rows are "
                            "put oldest first")
GUESS_ROW_FROM_COVER = define("import.guess.row-from-cover",
                              "the file has no revision table; this row is made from the cover")

# --- the YAML written ------------------------------------------------------------------

# What is written above a value the import guessed: the guess itself.
YAML_GUESS = define("import.yaml.guess", "import: guessed: {what}")

# --- org.yaml --------------------------------------------------------------------------

ORG_HEADER = define("import.org.header",
                    "{company}: the organization behind these controlled documents, as "
                    "docgen import found it in its Word files. Check the departments and "
                    "people, and add what the files do not say.")
ORG_DEPARTMENTS = define("import.org.departments",
                         "The departments that draft documents or own activities.")
ORG_PEOPLE = define("import.org.people",
                    "Everyone who signs controlled documents, and in which role they may sign: "
                    "author (编制), reviewer (审核), approver (批准).")
ORG_STYLE = define("import.org.style", "The house style the Word files are written in.")
ORG_TEMPLATE = define("import.org.template",
                      "The Word template whose cover and revision table fit the files best.")
ORG_COMPANY_DIFFERS = define(
    "import.org.company-differs",
    "org.yaml names the company {existing!q}, but the Word files name {found!q}",
    hint="import into another organization's folder with --org, or correct the name in org.yaml "
         "if it is wrong")
ORG_PREFIX_DIFFERS = define(
    "import.org.prefix-differs",
    "org.yaml gives the document-number prefix {existing!q}, but the Word files use {found!q}",
    hint="import into another organization's folder with --org, or correct the prefix in "
         "org.yaml if it is wrong")
