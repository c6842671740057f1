"""docgen: docs-as-code for ITSS controlled documents."""

__version__ = "0.1.0"
