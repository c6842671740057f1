"""docgen import: existing Word documents into content YAML (see docgen.importer.model)."""
