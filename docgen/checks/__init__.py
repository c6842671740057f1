"""docgen check: rules that read the document set the way an auditor would.

One module per family of rules (metadata, structure, arithmetic, kpis, crossref),
registered in docgen.checks.registry; run them with run_checks().
"""

from docgen.checks.engine import count, run_checks
from docgen.checks.findings import Finding, Severity
from docgen.checks.registry import RULES

__all__ = ["RULES", "Finding", "Severity", "count", "run_checks"]
