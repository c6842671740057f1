"""docgen check: rules that read the document set the way an auditor would.

One module per family of rules (metadata, structure, arithmetic, kpis, crossref),
registered in docgen.checks.registry; run them with run_checks().
"""

from typing import Any

from docgen.checks.findings import Finding, Severity, count

__all__ = ["RULES", "Finding", "Severity", "count", "run_checks"]


def __getattr__(name: str) -> Any:
    # The rules import the whole content model. They are loaded when first asked for,
    # so that a command answered from the cache starts at once.
    if name in ("RULES", "run_checks"):
        from docgen.checks import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'docgen.checks' has no attribute {name!r}")
