"""What `docgen new` says: why it refuses to start an organization, and what to do next
once it has.

Codes: new.* for the command.
"""

from docgen.messages import define

# --- refusals: nothing was written -------------------------------------------------------

BAD_ORG = define("new.bad-org",
                 "{org!q} cannot name an organization's folder: use the letters a-z and "
                 "A-Z, digits, '-' and '_' only", hint="e.g. docgen new acme")
EXISTS = define("new.exists", "{folder} already exists and is not an empty folder; nothing "
                "was written", hint="choose another name, or move the folder away first")
EMPTY_NAME = define("new.empty-name", "--name is empty: the organization needs a name",
                    hint="give the company's registered name, e.g. --name 艾克姆信息技术有限公司")
BAD_PREFIX = define("new.bad-prefix",
                    "--prefix {prefix!q} is not a document-number prefix: capital letters and "
                    "digits, starting with a letter", hint="e.g. --prefix ACME")
NO_PREFIX = define("new.no-prefix",
                   "{org!q} gives no document-number prefix ({prefix!q} is not one: capital "
                   "letters and digits, starting with a letter)",
                   hint="pass one with --prefix, e.g. --prefix ACME")
PREFIX_TOO_LONG = define("new.prefix-too-long",
                         "the prefix {prefix!q} is too long for document numbers that fit in a "
                         "file name",
                         hint="choose a short prefix with --prefix, e.g. --prefix ACME")
PREFIX_TAKEN = define("new.prefix-taken",
                      "the prefix {prefix} is already used by the organization {org} ({file})",
                      hint="document numbers must tell organizations apart: choose another "
                           "with --prefix")
CANNOT_WRITE = define("new.cannot-write", "cannot write {folder}: {reason}; nothing was written",
                      hint="check that the content folder is writable")

# --- done --------------------------------------------------------------------------------

NEXT_EDIT = define("new.next-edit",
                   "next: in {org_file}, replace the name and the placeholder people "
                   "({people:、}), who also sign the revision row of {document}")
NEXT_BUILD = define("new.next-build",
                    "then: docgen build writes the documents into {output}; docgen check "
                    "finds what an auditor would")
NO_TEMPLATE = define("new.no-template",
                     "note: the template {template}.docx is not in {folder}; docgen build "
                     "needs it there", hint="copy it from docgen's templates/docx folder")
