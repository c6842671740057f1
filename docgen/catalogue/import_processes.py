"""What `docgen import` says about the process groups it found in a Word file
(docgen.importer.processes): a group its prose enumerates, a table that details a group,
and a capability plan's section that plans for a process.

Codes: import.processes.*.
"""

from docgen.messages import define

GROUP_FOUND = define(
    "import.processes.group",
    "read “{words}” as the process group {name} ({id}) of {count} processes: {processes:、}",
    hint="check the group's processes against the original; the checks compare them with "
         "the tables that detail the group and with the capability plan")
GROUP_OF_MANAGEMENT = define(
    "import.processes.management-group",
    "read {name} as the framework's own processes (kind: management), which the capability "
    "plan need not plan for",
    hint="remove 'kind: management' if the capability plan must plan for these processes")
TABLE_DETAILS_GROUP = define(
    "import.processes.table-details",
    "this table's first column names {matched} of the {count} processes of {name}: read it "
    "as the table that details {name} (details: {id})",
    hint="remove 'details' if the table is not meant to have a row for each process of "
         "the group")
SECTION_PLANS_PROCESS = define(
    "import.processes.section-plans",
    "read this section as the plan for the process {process}",
    hint="check that the process is named as the process framework names it; remove "
         "'process' if the section plans for no framework process")
