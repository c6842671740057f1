"""Producers of the legacy Word corpus in tests/fixtures/legacy (scripts/make_legacy_corpus.py).

source         the bundled documents as docgen builds them, read back into plain blocks
direct_format  paragraphs, runs and tables with direct formatting (python-docx)
hand           files typed the way people type in Word: no heading styles, typed numbers
hand_front     their cover, revision table and stale typed TOC
hand_variants  how each person typed each document
html           HTML pages of a document, for LibreOffice and pandoc to convert
markdown       Markdown of a document, for pandoc
converted      LibreOffice's, pandoc's and docgen's files, and docgen's re-saved
tools          running LibreOffice and pandoc
bad            damaged and special files (encrypted, truncated, not Word at all, …)
expected       what a produced file holds, read back, for expected.json
"""
