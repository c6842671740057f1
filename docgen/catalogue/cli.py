"""What the commands say: usage errors, what bump, release, withdraw and register did,
an interrupt, and an internal error."""

from docgen.messages import define

INTERRUPTED = define(
    "cli.interrupted",
    "docgen: interrupted; files already written are complete, the others were not touched.")
INTERNAL_ERROR = define(
    "cli.internal-error", "docgen: internal error: {kind}: {error}",
    hint="this is a bug in docgen; set DOCGEN_DEBUG=1 to see the traceback and report it")
OUTPUT_UNWRITTEN = define("cli.output-unwritten",
                          "docgen: error: cannot write the output: {reason}")
STRICT_FAILED = define("cli.strict-failed",
                       "docgen: --strict: the checks found errors; nothing was written.")

# --- which documents --------------------------------------------------------------------

NO_SUCH_DOCUMENT = define("usage.no-such-document", "no document numbered {numbers:, }",
                          hint="known documents: {known:, }")
WITHDRAWN = define("usage.withdrawn", "{numbers:, } is withdrawn and no longer built",
                   hint="it is listed in the register's 作废文件清单 (docgen register)")

# --- bump -------------------------------------------------------------------------------

MINOR_OR_MAJOR = define("usage.minor-or-major",
                        "say either --minor (V1.0 -> V1.1) or --major (V1.3 -> V2.0)",
                        hint="--minor for a revision, --major for a rewrite")
BUMP_DRY_RUN = define("cli.bump.dry-run",
                      "{number}: {previous} -> {version} (dry run: nothing written)")
BUMPED = define("cli.bump.done",
                "{number}: {previous} -> {version}, a draft until released; {path} updated")

# --- release, withdraw ------------------------------------------------------------------

ALREADY_RELEASED = define("cli.release.already",
                          "{number} {version} was already released; {path} is up to date")
RELEASED = define("cli.release.done", "released {number} {version}")
RELEASED_FORCED = define("cli.release.forced",
                         "released {number} {version} (forced despite errors)")
RECORDED = define("cli.release.recorded", "recorded in {path}: commit it with the content")
WITHDRAWN_DONE = define("cli.withdraw.done", "{number} withdrawn; {path} updated")
