"""The README documents every rule, and its example output is what docgen prints."""

from __future__ import annotations

import re

from docgen.checks import RULES
from tests.support.trees import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_rule_is_documented_with_its_severity_and_an_example():
    rows = {match.group(1): (match.group(2), match.group(3), match.group(4))
            for match in re.finditer(r"^\| `([A-Z-]+)` \| (\w+) \| ([^|]+) \| ([^|]+) \|$",
                                     README, re.MULTILINE)}
    assert set(rows) == set(RULES)
    for rule_id, (severity, what, example) in rows.items():
        assert severity == RULES[rule_id].severity, rule_id
        assert what.strip() and example.strip(), rule_id


def test_the_readme_shows_what_docgen_check_prints_on_the_bundled_documents(runner, in_folder):
    from docgen.cli import main

    in_folder(REPO)
    printed = runner.invoke(main, ["check"]).stdout.rstrip("\n")
    assert f"```\n{printed}\n```" in README


def test_the_readme_shows_what_docgen_list_prints_on_the_bundled_documents(runner, in_folder):
    from docgen.cli import main

    in_folder(REPO)
    printed = runner.invoke(main, ["list"]).stdout.splitlines()
    assert "\n".join("    " + line for line in printed) in README


def test_every_command_is_described_in_the_readme():
    from docgen.cli import main

    for name in main.commands:
        assert f"docgen {name}" in README, name


# --- the content reference ---------------------------------------------------------------


def test_the_committed_reference_is_what_the_schema_says():
    from docgen.reference import content_reference

    committed = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    assert committed == content_reference(), "run: python scripts/make_reference.py"


def test_every_key_of_the_schema_is_in_the_reference_with_its_meaning():
    from docgen.reference import SECTIONS

    reference = (REPO / "docs" / "reference.md").read_text(encoding="utf-8")
    for _title, model, _where in SECTIONS:
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no docstring"
            assert f"| `{name}`" in reference


def test_the_reference_covers_every_model_a_content_file_may_hold():
    import typing

    from docgen.content.schema import ContentModel, Document, Organization, ReleaseRecord
    from docgen.reference import SECTIONS

    def models(annotation, found):
        if isinstance(annotation, type) and issubclass(annotation, ContentModel) \
                and annotation not in found:
            found.add(annotation)
            for field in annotation.model_fields.values():
                models(field.annotation, found)
        for argument in typing.get_args(annotation):
            models(argument, found)
        return found

    reachable = models(Document, set()) | models(Organization, set()) | {ReleaseRecord}
    assert reachable == {model for _title, model, _where in SECTIONS}


def flattened(value, prefix=""):
    """Return the dotted names of every value in a template's frame: doc.number, rows[].x."""
    if isinstance(value, dict):
        names = set()
        for key, item in value.items():
            names |= flattened(item, f"{prefix}{key}.")
        return names
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return {prefix.rstrip(".")} | flattened(value[0], prefix.rstrip(".") + "[].")
    return {prefix.rstrip(".")}


def test_every_value_a_document_template_may_show_is_documented(yntd_set):
    from docgen.reference import TEMPLATE_VALUES
    from docgen.render.docx import frame_context

    shown = flattened(frame_context(yntd_set.documents[0])) | {"body"}
    assert shown == set(TEMPLATE_VALUES)


def test_every_value_the_register_template_may_show_is_documented(yntd_set):
    from docgen.control.register import build_register
    from docgen.reference import REGISTER_VALUES
    from docgen.render.register import register_frame

    frame = register_frame(build_register(yntd_set.organizations[0]))
    documented = set(REGISTER_VALUES) | {name.replace("current", "withdrawn", 1)
                                         for name in REGISTER_VALUES
                                         if name.startswith("current[]")}
    frame["withdrawn"] = frame["current"]  # the bundled set withdraws nothing
    assert flattened(frame) == documented


def test_everything_prose_may_cite_is_documented(tmp_path):
    import dataclasses

    from docgen.content import views
    from docgen.reference import PROSE_VALUES

    names = {"kpi": views.KpiView, "activity": views.ActivityView,
             "section": views.SectionView, "table": views.TableView,
             "doc": views.DocumentView}
    for name, view in names.items():
        for field in dataclasses.fields(view):
            assert f"`.{field.name}" in PROSE_VALUES[name], f"{name}.{field.name}"
    document = resolve_one(tmp_path)
    assert set(document) == set(PROSE_VALUES)


def resolve_one(tmp_path):
    """Return the names prose may cite in a small document."""
    from docgen.content import resolve
    from docgen.content.loader import load_content
    from docgen.content.views import document_view
    from tests.support.trees import demo_project

    demo_project(tmp_path, templates=False)
    [organization] = load_content(tmp_path / "content")
    resolver = resolve._DocumentResolver(organization, organization.documents[0], {
        loaded.model.number: document_view(loaded.model)
        for loaded in organization.documents})
    return resolver.context


def test_the_content_format_names_every_key_the_bundled_documents_use():
    import yaml

    guide = (REPO / "docs" / "content-format.md").read_text(encoding="utf-8")

    def keys(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                if key in ("kpis", "activities"):  # mappings of the author's own ids
                    for fact in item.values():
                        yield from keys(fact)
                else:
                    yield from keys(item)
        elif isinstance(value, list):
            for item in value:
                yield from keys(item)

    used = set()
    for path in (REPO / "content").rglob("*.yaml"):
        used |= set(keys(yaml.safe_load(path.read_text(encoding="utf-8"))))
    missing = sorted(key for key in used if f"{key}:" not in guide and f"`{key}`" not in guide)
    assert missing == []
