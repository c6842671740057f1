"""What docgen says when it cannot find the Word templates the content asks for, or a
template cannot be read or does not fit: its file, its tags, its styles, its body.

Jinja's and zipfile's own words are shown (as `detail`) only where they alone know what
is wrong: a syntax error in a tag, a damaged archive. Codes: template.*.
"""

from docgen.messages import define

NO_TEMPLATES_FOLDER = define(
    "template.no-folder", "there is no templates folder at {folder}",
    hint="run docgen in your project folder, or pass --templates DIR")
NO_SUCH_TEMPLATE = define("template.no-such", "there is no such template",
                          hint="available templates: {available:, }")
NO_TEMPLATE_FOR = define("template.missing", "there is no template {name!q} in the templates "
                         "folder", hint="available templates: {available:, }")

# --- the file --------------------------------------------------------------------------

# The reason is the system's words (no such file), or file.not-a-file.
CANNOT_READ = define("template.cannot-read", "cannot read the template: {reason}",
                     hint="check the template name and that the file exists")
CANNOT_READ_NOT_A_FILE = define("template.cannot-read.not-a-file",
                                "cannot read the template: {reason}",
                                hint="docgen reads only regular files: put the .docx file itself "
                                     "in its place")
NOT_A_ZIP = define("template.not-a-zip", "the template is not a .docx file (not a zip archive)",
                   hint="save the template from Word or WPS as 'Word Document (.docx)'")
NOT_WORD = define("template.not-word", "the template is a zip archive but not a Word document",
                  hint="save the template from Word or WPS as .docx")
TOO_LARGE = define("template.too-large",
                   "the template unpacks to {found}; docgen reads Word files of at most "
                   "{megabytes} MB and {parts} parts",
                   hint="save it again from Word or WPS, leaving out large images and embedded "
                        "files")
# What a template too large unpacks to: too many parts, or too many bytes.
PARTS = define("template.found.parts", "{count} parts")
AT_LEAST_MEGABYTES = define("template.found.megabytes", "at least {megabytes} MB")
DAMAGED = define("template.damaged", "the template file is damaged: {detail}",
                 hint="restore it from version control or save it again")
CANNOT_OPEN = define("template.cannot-open",
                     "the template cannot be opened as a Word document: {detail}",
                     hint="save it again from Word or WPS")

# --- tags and styles -------------------------------------------------------------------

NO_BODY_TAG = define("template.no-body-tag", "the template has no {{{{ body }}}} tag",
                     hint="put {{{{ body }}}} alone in the paragraph where the numbered body "
                          "should start")
MISSING_TAGS = define("template.missing-tags", "the template lacks the tags that show {tags:, }",
                      hint="restore them from the bundled template, e.g. {{{{ doc.number }}}} "
                           "and the {{%tr for r in revisions %}} row of the revision table")
MISSING_STYLES = define("template.missing-styles", "the template lacks the style(s) {styles:, }",
                        hint="add them in Word (Styles pane) or start again from "
                             "templates/docx/controlled-document.docx")
_FIX_THE_TAG = ("open the template in Word and fix the tag; tags look like {{{{ doc.number }}}} "
                "or {{%tr for r in revisions %}}")
SYNTAX_ERROR = define("template.syntax-error", "Jinja syntax error {detail}", hint=_FIX_THE_TAG)
SYNTAX_ERROR_IN_TAG = define("template.syntax-error.tag",
                             "Jinja syntax error in the tag {tag}: {detail}", hint=_FIX_THE_TAG)
# A tag that names a value docgen does not provide; the tag and the name when known.
ASKS_FOR = define("template.asks-for",
                  "the tag {tag} asks for {asks}, which docgen does not provide",
                  hint="remove the tag in Word, or use one of: {offered:, }")
SOME_TAG = define("template.some-tag", "{{{{ … }}}}")
A_VALUE = define("template.a-value", "a value")
NOT_RENDERED = define("template.not-rendered", "the template's tags could not be rendered: "
                      "{detail}", hint="tags may only show values: {{{{ doc.number }}}}")

# --- the {{ body }} tag ----------------------------------------------------------------

BODY_OUTSIDE = define("template.body.outside", "the {{{{ body }}}} tag is not in the document "
                      "body", hint="move {{{{ body }}}} out of headers, footers and tables")
BODY_TWICE = define("template.body.twice",
                    "the template has {count} {{{{ body }}}} tags; a document has one body",
                    hint="keep one {{{{ body }}}}, alone in the paragraph where the numbered body "
                         "should start, and delete the others")
BODY_SHARED = define("template.body.shared",
                     "the {{{{ body }}}} tag shares its paragraph with other text",
                     hint="put {{{{ body }}}} alone in its own paragraph")
# Where a {{ body }} tag may not stand.
CONTAINERS = {
    "cell": define("template.container.cell", "a table cell"),
    "frame": define("template.container.frame", "a text box or frame"),
}
BODY_CONTAINED = define("template.body.contained",
                        "the {{{{ body }}}} tag is in {container}, where the body's headings and "
                        "tables cannot go",
                        hint="put {{{{ body }}}} alone in its own paragraph, in the main text (not "
                             "in a table, text box, header or footer)")
