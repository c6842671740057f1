"""What `docgen check` says about citations, processes, activities and departments.

An activity is cited as activities.<key> and its line, with its document's number when
it stands in another document: ".elsewhere". See docgen.catalogue.checks for the codes.
"""

from docgen.messages import define

CITES_WITHDRAWN = define(
    "xref.cites-withdrawn", "cites 《{title}》, which was withdrawn",
    hint="cite the document that replaces it, or remove the citation")
CITES_WITHDRAWN_ON = define(
    "xref.cites-withdrawn.dated", "cites 《{title}》, which was withdrawn on {withdrawn_on}",
    hint="cite the document that replaces it, or remove the citation")
CITES_UNKNOWN_TITLE = define(
    "xref.cites-unknown-title",
    "cites 《{title}》, which is neither a document of this set nor listed in org.yaml's "
    "known_documents",
    hint="correct the title, or add the document to known_documents in org.yaml (kind: "
         "document, standard, record or planned)")
CITES_UNKNOWN_TITLE_LIKE = define(
    "xref.cites-unknown-title.did-you-mean",
    "cites 《{title}》, which is neither a document of this set nor listed in org.yaml's "
    "known_documents; did you mean 《{close}》?",
    hint="correct the title, or add the document to known_documents in org.yaml (kind: "
         "document, standard, record or planned)")
CITES_UNKNOWN_NUMBER = define(
    "xref.cites-unknown-number", "cites {number}, which is not a document of this set",
    hint="correct the number, or cite the document by number: {{{{ docs['...'].number }}}}")
PROCESS_NOT_PLANNED = define(
    "xref.process-not-planned",
    "{framework} names {process} a {group}, but no section of this capability plan plans "
    "for it",
    hint="add a section with 'process: {process}', or remove {process} from the framework")

OWNER_MISMATCH = define(
    "xref.owner-mismatch",
    "{activity} is led by {here} here, but {there} in activities.{key}, line {line}",
    hint="decide who owns the activity and state it the same way everywhere")
OWNER_MISMATCH_ELSEWHERE = define(
    "xref.owner-mismatch.elsewhere",
    "{activity} is led by {here} here, but {there} in {document}, activities.{key}, "
    "line {line}",
    hint="decide who owns the activity and state it the same way everywhere")
RESPONSIBLE_MISMATCH = define(
    "xref.responsible-mismatch",
    "{activity} is the responsibility of {here:、} here, but {there:、} in activities.{key}, "
    "line {line}",
    hint="decide who owns the activity and state it the same way everywhere")
RESPONSIBLE_MISMATCH_ELSEWHERE = define(
    "xref.responsible-mismatch.elsewhere",
    "{activity} is the responsibility of {here:、} here, but {there:、} in {document}, "
    "activities.{key}, line {line}",
    hint="decide who owns the activity and state it the same way everywhere")

# How often an activity happens, here and in the statement it contradicts: exactly
# both times, or at least here (or there) and exactly in the other; two "at least"
# never contradict.
SCHEDULE_MISMATCH = define(
    "xref.schedule-mismatch",
    "{activity} happens {here} time(s) a year here ({said}), but {there} time(s) a year in "
    "activities.{key}, line {line}",
    hint="schedule the activity the same way in every document")
SCHEDULE_MISMATCH_ELSEWHERE = define(
    "xref.schedule-mismatch.elsewhere",
    "{activity} happens {here} time(s) a year here ({said}), but {there} time(s) a year in "
    "{document}, activities.{key}, line {line}",
    hint="schedule the activity the same way in every document")
SCHEDULE_AT_LEAST_HERE = define(
    "xref.schedule-mismatch.at-least-here",
    "{activity} happens at least {here} time(s) a year here ({said}), but {there} time(s) a "
    "year in activities.{key}, line {line}",
    hint="schedule the activity the same way in every document")
SCHEDULE_AT_LEAST_HERE_ELSEWHERE = define(
    "xref.schedule-mismatch.at-least-here.elsewhere",
    "{activity} happens at least {here} time(s) a year here ({said}), but {there} time(s) a "
    "year in {document}, activities.{key}, line {line}",
    hint="schedule the activity the same way in every document")
SCHEDULE_AT_LEAST_THERE = define(
    "xref.schedule-mismatch.at-least-there",
    "{activity} happens {here} time(s) a year here ({said}), but at least {there} time(s) a "
    "year in activities.{key}, line {line}",
    hint="schedule the activity the same way in every document")
SCHEDULE_AT_LEAST_THERE_ELSEWHERE = define(
    "xref.schedule-mismatch.at-least-there.elsewhere",
    "{activity} happens {here} time(s) a year here ({said}), but at least {there} time(s) a "
    "year in {document}, activities.{key}, line {line}",
    hint="schedule the activity the same way in every document")

UNKNOWN_DEPARTMENT = define(
    "xref.unknown-department", "{name} is not a department of {organization}",
    hint="name one of: {known:、}; or add the department to org.yaml")
UNKNOWN_OWNER = define(
    "xref.unknown-owner", "{owner} is not a role, person or department of {organization}",
    hint="add it to roles in org.yaml, or name a known owner")
WRONG_KIND = define(
    "xref.wrong-kind", "this {kind} calls itself “{words}”, a {other}",
    hint="write “本{kind}”: the text was probably copied from another document and not "
         "adapted")
