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
