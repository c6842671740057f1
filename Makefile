# docgen: the two things you do most, on a fresh machine or your own.
#   make build   install docgen in .venv and build the documents in content/ into output/
#   make test    install docgen with its test tools, lint, and run the whole test suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test template clean

$(BIN)/docgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

build: $(BIN)/docgen
	$(BIN)/docgen build

test: $(BIN)/docgen
	$(BIN)/ruff check docgen tests scripts
	$(BIN)/python -m pytest

# Regenerate templates/docx/controlled-document.docx after changing scripts/make_template.py.
template: $(BIN)/docgen
	$(BIN)/python scripts/make_template.py

clean:
	rm -rf $(VENV) output .pytest_cache
