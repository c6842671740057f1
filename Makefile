# docgen: the things you do most, on a fresh machine or your own.
#   make build   install docgen in .venv and build the documents in content/ into output/
#   make pdf     also install LibreOffice and the CJK fonts (apt-get), and write PDFs
#   make test    install docgen with its test tools, lint, and run the whole test suite
#   make bench   measure speed and memory on 100 synthetic documents (bench/bench.py)
#   make recall  inject defects into clean document sets and measure what the checks find
#   make messages  extract docgen's sentences into docgen/locale and compile the translations
#   make pictures  draw docs/styles/, the pictures of each house-style setting (needs LibreOffice)
#   make corpus  regenerate the legacy Word files the import is tested on (tests/fixtures/legacy)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build pdf test bench recall messages pictures system-deps template corpus clean

# LibreOffice (for PDFs), Noto CJK fonts and poppler (to read PDFs back in the tests), and
# Chromium (the browser tests of docgen serve drive it through Playwright).
SYSTEM_PACKAGES := libreoffice-writer-nogui python3-uno fonts-noto-cjk poppler-utils chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# setuptools announces every editable install with an "Editable installation" banner
# that is information, not a warning; real warnings still show.
$(BIN)/docgen: pyproject.toml
	@echo "installing docgen and what it needs into $(VENV) (once)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --upgrade pip
	@PYTHONWARNINGS="ignore:Editable installation" $(BIN)/pip install --quiet -e ".[test]"
	@touch $@

build: $(BIN)/docgen
	$(BIN)/docgen build

pdf: $(BIN)/docgen system-deps
	$(BIN)/docgen build --pdf

system-deps:
	@if command -v soffice >/dev/null && command -v pdftotext >/dev/null \
	    && /usr/bin/python3 -c "import uno" 2>/dev/null \
	    && fc-list | grep -q "Noto Serif CJK SC" && [ -x /usr/bin/chromium ]; then \
	  echo "LibreOffice, python3-uno, fonts, poppler and Chromium are installed"; \
	else \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	    $(SYSTEM_PACKAGES); \
	fi

test: $(BIN)/docgen
	$(BIN)/ruff check docgen tests scripts bench
	$(BIN)/python -m pytest

# pandoc (for the comparison) and LibreOffice (for PDFs) are measured when installed.
bench: $(BIN)/docgen
	$(BIN)/python bench/bench.py

# Recall per defect class and false alarms per clean set (tests/recall); bench/recall.json.
recall: $(BIN)/docgen
	$(BIN)/python bench/recall.py

# After adding or changing a sentence (docgen/catalogue, a help text): refresh
# docgen/locale/docgen.pot and docgen.po, translate what is new, run it again to compile.
messages: $(BIN)/docgen
	$(BIN)/python scripts/extract_messages.py

# After changing a template or how a setting renders: the pictures docs/content-format.md
# shows of the house-style settings, cut from PDFs of small sample documents.
pictures: $(BIN)/docgen system-deps
	$(BIN)/python scripts/make_style_pictures.py

# Regenerate templates/docx/controlled-document.docx after changing scripts/make_template.py.
template: $(BIN)/docgen
	$(BIN)/python scripts/make_template.py

# Regenerate tests/fixtures/legacy after changing scripts/make_legacy_corpus.py or
# scripts/legacy_corpus/. Needs LibreOffice and poppler (make system-deps) and pandoc;
# msoffcrypto-tool (to encrypt one file) goes into .venv only, not into docgen's dependencies.
corpus: $(BIN)/docgen
	@command -v pandoc >/dev/null || $(SUDO) apt-get install -y -qq pandoc
	@$(BIN)/python -c "import msoffcrypto" 2>/dev/null || $(BIN)/pip install --quiet msoffcrypto-tool==6.1.0
	$(BIN)/python scripts/make_legacy_corpus.py

clean:
	rm -rf $(VENV) output .pytest_cache
