"""What docgen says when it refuses to edit the content: bump, release and withdraw
asked for what cannot be, an option holds what a content file cannot, or the file to
edit is not as docgen writes it.

Codes: bump.*, release.*, withdraw.* for the commands, option.* for what was typed,
edit.* for the file edited.
"""

from docgen.messages import define

# --- bump ------------------------------------------------------------------------------

BUMP_RACE = define("bump.file-changed", "{path} changed while docgen was preparing the bump",
                   hint="run the bump again; nothing was written")
NO_CHANGE = define("bump.no-change",
                   "--change is empty: the revision row must say what changed (更改记录)",
                   hint='describe the change, e.g. --change "修订KPI目标"')
BUMP_WITHDRAWN = define("bump.withdrawn",
                        "{number} is withdrawn; a withdrawn document gets no new versions",
                        hint="set its status back to current first")
NO_SIGNER = define("bump.no-signer", "--{role} is empty: the revision row must name its "
                   "{role_name}", hint="name one of: {may:、}")
NO_SIGNER_NOBODY = define("bump.no-signer.nobody", "--{role} is empty: the revision row must "
                          "name its {role_name}", hint="add the person to org.yaml first")
NOT_A_PERSON = define("bump.not-a-person", "{name!q} is not a person of {organization}",
                      hint="known people: {known:、}; add new people to org.yaml first")
# What a person may sign as: the roles, or NOTHING.
MAY_NOT_SIGN = define("bump.may-not-sign",
                      "{name!q} may not sign as {role_name}; {name!q} may sign only as: {may:, }",
                      hint="choose another {role}, or add {role!q} to {name}'s signs in org.yaml")
NOTHING = define("bump.nothing", "nothing")
SELF_APPROVAL = define("bump.self-approval", "{name!q} cannot approve a version they wrote",
                       hint="name another approver")
BEFORE_APPROVAL = define("bump.before-approval",
                         "the new revision is dated {date}, before {previous} was approved on "
                         "{approved}", hint="give a date on or after the previous approval")
DATES_OUT_OF_ORDER = define("bump.dates-out-of-order",
                            "the dates are out of order: written {written}, reviewed {reviewed}, "
                            "approved {approved}",
                            hint="a version is reviewed after it is written, and approved after "
                                 "review")

# --- release, withdraw -----------------------------------------------------------------

RELEASE_WITHDRAWN = define("release.withdrawn", "{number} is withdrawn and cannot be released",
                           hint="set its status back to current first")
RELEASE_BEFORE_APPROVAL = define("release.before-approval",
                                 "{number} {version} cannot be released on {on}, before it was "
                                 "approved on {approved}",
                                 hint="give a release date on or after the approval (--date)")
CHANGED_SINCE_RELEASE = define("release.changed-since",
                               "{number} {version} was released on {released}, and its content "
                               "has changed since",
                               hint="record the change as a new version: docgen bump {number} "
                                    "--minor …")
RELEASE_CHECKS_FAILED = define("release.checks-failed",
                               "docgen release: the checks found errors in {number}; nothing was "
                               "released.",
                               hint="fix them, or release anyway with --force (the release "
                                    "record will say it was forced)")
RECORDS_DAMAGED = define("release.records-damaged", "{path}: the release records are damaged",
                         hint="restore the file from version control")
ALREADY_WITHDRAWN = define("withdraw.already", "{number} is already withdrawn",
                           hint="nothing to do")
NO_REASON = define("withdraw.no-reason",
                   "--reason is empty: the 作废文件清单 must say why it was withdrawn",
                   hint='give the reason, e.g. --reason "由YNTD-ITSS-0304代替"')

# --- what was typed --------------------------------------------------------------------

OPTION_NOT_UTF8 = define("option.not-utf-8",
                         "{option} is not UTF-8 text (it holds the byte 0x{byte:02X}): the "
                         "terminal's encoding is not UTF-8",
                         hint="switch the terminal to UTF-8 (e.g. export LANG=C.UTF-8; on "
                              "Windows, chcp 65001) and type the text again")
OPTION_ILLEGAL_CHARACTER = define("option.illegal-character",
                                  "{option} holds the character {character}, which a content "
                                  "file cannot hold",
                                  hint="type the text again without it; a line break or page "
                                       "break pasted from Word is such a character")

# --- the file edited -------------------------------------------------------------------

EDIT_BREAKS_FILE = define("edit.breaks-file",
                          "{path}: docgen's edit would make the file unreadable ({place}: "
                          "{problem}); nothing was written",
                          hint="this is a bug in docgen: please report it with the command you "
                               "ran")
LOCKED = define("edit.locked", "another docgen has been editing {content} for {seconds:.0f} s",
                hint="wait until it has finished, then run the command again")
# PyYAML's own words for the error (the reader explains it when the content is checked).
EDIT_YAML_ERRORS = define("edit.yaml-errors", "{path}: cannot edit a file with YAML errors: "
                          "{detail}", hint="run docgen check and fix the file first")
_FIX_FIRST = "fix the file first"
EDIT_NOT_MAPPING = define("edit.not-mapping", "{path}: the file is not a mapping",
                          hint=_FIX_FIRST)
EDIT_NO_LIST = define("edit.no-list", "{path}: there is no '{key}:' list to add to",
                      hint="add '{key}:' to the file first")
EDIT_NOT_BLOCK_LIST = define("edit.not-block-list",
                             "{path}: {key!q} must be a list written with '- ' lines to be "
                             "edited by docgen",
                             hint="write each item of {key!q} on its own line starting with '- '")
EDIT_ITEMS_NOT_MAPPINGS = define("edit.items-not-mappings",
                                 "{path}: the items of {key!q} must be mappings", hint=_FIX_FIRST)
EDIT_NOT_SINGLE_LINE = define("edit.not-single-line", "{path}: {key!q} must be a single-line "
                              "value", hint=_FIX_FIRST)
EDIT_NO_ANCHOR = define("edit.no-anchor", "{path}: there is no top-level '{key}:'",
                        hint=_FIX_FIRST)
