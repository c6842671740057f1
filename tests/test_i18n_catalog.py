"""The Chinese catalog: complete, current with the code, compiled, and true to the
placeholders of every sentence."""

from __future__ import annotations

import importlib.util
import re
import string

import pytest

from tests.support.trees import REPO


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "extract_messages", REPO / "scripts" / "extract_messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


extract = _load_script()


@pytest.fixture(scope="module")
def chinese():
    return extract.read_catalog("zh")


def _ids(catalog) -> set[tuple[str | None, object]]:
    return {(message.context, message.id) for message in catalog if message.id}


def test_the_template_is_what_extraction_gives_now():
    committed = extract.TEMPLATE.read_text(encoding="utf-8")
    fresh = extract.po_text(extract.template())
    assert extract.without_dates(committed) == extract.without_dates(fresh), \
        "run: make messages"


def test_the_chinese_catalog_holds_exactly_the_message_ids_of_the_template(chinese):
    from babel.messages.pofile import read_po

    with extract.TEMPLATE.open("rb") as file:
        template = read_po(file)
    assert _ids(chinese) == _ids(template), "run: make messages"


def test_every_message_has_a_chinese_translation_that_is_not_fuzzy(chinese):
    missing = [(message.context, message.id) for message in chinese if message.id
               and (message.fuzzy or not all(message.string if isinstance(message.string, tuple)
                                             else [message.string]))]
    assert not missing, f"translate in docgen.po: {missing[:5]}"


def test_the_compiled_catalog_is_the_translations_compiled(chinese):
    committed = extract.catalog_file("zh", ".mo").read_bytes()
    assert committed == extract.compiled(chinese), "run: make messages"


def _placeholders(text: str) -> set[str]:
    """Return the names a translation must keep: {fields} and %(fields)s."""
    names = {name for _literal, name, _spec, _conversion in string.Formatter().parse(text)
             if name is not None}
    return names | set(re.findall(r"%\((\w+)\)s", text))


def test_every_translation_keeps_the_placeholders_of_its_sentence(chinese):
    for message in chinese:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # One Chinese form stands for singular and plural: it may use either's names.
        allowed = set().union(*(_placeholders(text) for text in ids))
        for text in strings:
            assert _placeholders(text) <= allowed, (message.context, message.id, text)
            assert _placeholders(text) >= _placeholders(ids[-1]) - {"possibility", "choice",
                                                                     "format", "len"}, \
                (message.context, message.id, text)


def test_chinese_sentences_use_full_width_punctuation(chinese):
    """No half-width comma, semicolon or parenthesis right after a Chinese character."""
    for message in chinese:
        if not message.id or not message.context:
            continue
        for text in (message.string if isinstance(message.string, tuple)
                     else (message.string,)):
            assert not re.search(r"[\u4e00-\u9fff][,;()]", text), (message.context, text)


def test_every_catalogue_entry_is_extracted_with_its_code_as_the_context(chinese):
    import docgen.catalogue  # noqa: F401 - fills the catalogue
    from docgen.messages import CATALOGUE

    contexts = {message.context for message in chinese if message.context}
    codes = {code for code in CATALOGUE if not code.startswith("test.")}
    assert codes <= contexts
