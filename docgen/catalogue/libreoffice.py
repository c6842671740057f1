"""What docgen says when LibreOffice cannot make the PDFs: not installed, not startable,
too slow, or failing on a document.

LibreOffice's own words (an error its worker reports, the last lines of its log) are
shown as values; docgen's sentence says what it was doing. Codes: libreoffice.*.
"""

from docgen.messages import define

_INSTALL = ("install it: sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk "
            "python3-uno (on Debian or Ubuntu)")

BAD_TIMEOUT = define("libreoffice.bad-timeout",
                     "{variable} must be a number of seconds greater than 0, not {written!q}",
                     hint="unset it, or set it to e.g. {default:.0f}")
NAMED_MISSING = define("libreoffice.named-missing", "DOCGEN_SOFFICE names {path}, which does not "
                       "exist; LibreOffice is needed for PDFs", hint=_INSTALL)
NAMED_NOT_RUNNABLE = define("libreoffice.named-not-runnable",
                            "DOCGEN_SOFFICE names {path}, which is not a program this user may "
                            "run", hint="point DOCGEN_SOFFICE at LibreOffice's soffice, or make "
                                        "the file executable (chmod +x)")
NOT_INSTALLED = define("libreoffice.not-installed", "LibreOffice is not installed; PDFs need it",
                       hint=_INSTALL)
NO_UNO = define("libreoffice.no-uno",
                "LibreOffice is installed, but no Python with its 'uno' module was found",
                hint=_INSTALL)
# The reason is the system's words.
CANNOT_START = define("libreoffice.cannot-start",
                      "LibreOffice could not be started from {path}: {reason}", hint=_INSTALL)
NOT_RUNNING = define("libreoffice.not-running", "LibreOffice is not running")

# What LibreOffice last wrote to its logs, added to a hint (or "" when it wrote nothing).
SAID = define("libreoffice.said", "; it said: {lines: / }")
# What LibreOffice was doing: starting, or converting a file (its name).
STARTING = define("libreoffice.starting", "start")

# The error is the words of LibreOffice (or of its Python bridge).
DID_NOT_START = define("libreoffice.did-not-start", "LibreOffice did not start: {error}",
                       hint="check that LibreOffice runs (soffice --headless --version){said}")
CANNOT_CONVERT = define("libreoffice.cannot-convert",
                        "LibreOffice could not convert {file}: {error}",
                        hint="open the .docx in LibreOffice to see what it reports")
EXITED_STARTING = define("libreoffice.exited.start",
                         "LibreOffice did not start: it exited with exit code {code}",
                         hint="check that LibreOffice runs: soffice --headless --version{said}")
EXITED = define("libreoffice.exited",
                "LibreOffice exited (exit code {code}) before it finished {what}",
                hint="check that LibreOffice runs: soffice --headless --version{said}")
TIMED_OUT = define("libreoffice.timed-out",
                   "LibreOffice did not finish {what} within {seconds:.0f} s; it was stopped",
                   hint="try again; if it keeps happening, raise DOCGEN_LIBREOFFICE_TIMEOUT or "
                        "open the .docx in LibreOffice to see what it does")
CRASHED = define("libreoffice.crashed",
                 "LibreOffice stopped unexpectedly while working on {what}",
                 hint="try again; if it keeps happening, convert the .docx by hand to see what "
                      "LibreOffice reports{said}")
