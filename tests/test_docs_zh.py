"""The Chinese README: the same commands and sections as the English one, and the
output it shows is what docgen prints to a Chinese locale."""

from __future__ import annotations

import re

from tests.support.trees import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
README_ZH = (REPO / "README.zh-CN.md").read_text(encoding="utf-8")
CHINESE = {"LANG": "zh_CN.UTF-8"}


def two_commands(readme: str) -> list[str]:
    """Return the command lines of the README's first section (its two commands)."""
    section = readme.split("\n## ")[1]
    return [line.split("#")[0].strip() for line in section.splitlines()
            if line.startswith("    make ")]


def test_both_readmes_give_the_same_two_commands():
    assert two_commands(README) == ["make build", "make test"]
    assert two_commands(README_ZH) == two_commands(README)


def test_both_readmes_have_the_same_sections():
    def levels(readme: str) -> list[str]:
        return re.findall(r"^(#{2,3}) ", readme, re.MULTILINE)

    assert levels(README_ZH) == levels(README)


def test_the_readmes_link_to_each_other_and_to_the_chinese_content_format():
    assert "(README.zh-CN.md)" in README
    assert "(README.md)" in README_ZH
    assert "(docs/content-format.zh-CN.md)" in README_ZH
    assert (REPO / "docs" / "content-format.zh-CN.md").exists()


def test_the_chinese_readme_shows_what_docgen_check_prints_in_chinese(runner, in_folder):
    from docgen.cli import main

    in_folder(REPO)
    printed = runner.invoke(main, ["check"], env=CHINESE).stdout.rstrip("\n")
    assert "个错误" in printed
    assert f"```\n{printed}\n```" in README_ZH


def test_the_chinese_readme_shows_what_docgen_list_prints_in_chinese(runner, in_folder):
    from docgen.cli import main

    in_folder(REPO)
    printed = runner.invoke(main, ["list"], env=CHINESE).stdout.splitlines()
    assert printed[0].startswith("文件编号")
    assert "\n".join("    " + line for line in printed) in README_ZH
