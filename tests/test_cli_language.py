"""docgen speaks Chinese to a Chinese locale, English otherwise; --lang and docgen.toml
choose too. Rule ids, JSON keys and exit codes are the same in both languages."""

from __future__ import annotations

import gettext
import json
import os
import re

import pytest

from docgen.cli import main
from docgen.i18n import language_of_locale, language_option, speaking
from docgen.scaffold import PRESETS
from tests.checks.support import ORG_WHO_MAY_APPROVE, SELF_APPROVED, document
from tests.support.trees import write_tree

CHINESE = {"LANG": "zh_CN.UTF-8"}
ENGLISH = {"LANG": "en_US.UTF-8"}



def project(root, text=SELF_APPROVED, org=ORG_WHO_MAY_APPROVE, config=None):
    files = {"content/demo/org.yaml": org, "content/demo/DEMO-ITSS-0001.yaml": text}
    if config is not None:
        files["docgen.toml"] = config
    write_tree(root, files)
    return root


# --- which language ---------------------------------------------------------------------

@pytest.mark.parametrize("environ, language", [
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "zh_CN:en", "LC_ALL": "en_US.UTF-8"}, "zh"),
    ({"LANGUAGE": "", "LANG": "zh_CN.GBK"}, "zh"),
])
def test_the_locale_variables_are_read_in_the_gnu_order(environ, language):
    assert language_of_locale(environ) == language


@pytest.mark.parametrize("args, language", [
    (["--lang", "zh", "check"], "zh"), (["check", "--lang=en"], "en"),
    (["check"], None), (["--lang", "fr"], None), (["--", "--lang", "zh"], None),
])
def test_lang_is_found_before_click_parses_the_command_line(args, language):
    assert language_option(args) == language


def test_lang_overrides_the_configuration_which_overrides_the_locale(runner, tmp_path,
                                                                     in_folder):
    in_folder(project(tmp_path, config='language = "zh"\n'))
    assert "1 个错误" in runner.invoke(main, ["check"], env=ENGLISH).stdout
    assert "1 error" in runner.invoke(main, ["--lang", "en", "check"], env=CHINESE).stdout
    assert "1 error" in runner.invoke(main, ["check", "--lang", "en"]).stdout


def test_an_unknown_language_in_the_configuration_is_a_content_error(runner, tmp_path,
                                                                     in_folder):
    in_folder(project(tmp_path, config='language = "fr"\n'))
    result = runner.invoke(main, ["check"], env=CHINESE)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "docgen.toml:1:12: 错误：未知的语言“fr”",
        "    提示：可选：zh、en（zh 为中文，en 为英文；不设置时由系统区域设置决定）"]


def test_speaking_restores_the_gettext_domain_and_the_environment():
    before = (gettext.textdomain(), os.environ.get("LANGUAGE"))
    with speaking("zh"):
        assert gettext.gettext("Usage:") == "用法："
    assert (gettext.textdomain(), os.environ.get("LANGUAGE")) == before
    assert gettext.gettext("Usage:") == "Usage:"


# --- help ---------------------------------------------------------------------------------

# Words that may stay in Latin letters in Chinese help: names, formats, commands, keys.
NAMES = {"docgen", "YAML", "ITSS", "Word", "PDF", "LibreOffice", "JSON", "LANG", "CPU", "Ctrl",
         "docx", "xlsx", "toml", "yaml", "content", "templates", "output", "org", "zh", "en",
         "language", "released", "releases", "NUMBER", "KPI", "text", "json", "doc", "wps",
         # docgen new: its presets, and the prefix of its example
         *PRESETS, "ACME",
         # the mark docgen import leaves on what it guessed (# import: guessed)
         "guessed"}


def english_words(text: str) -> list[str]:
    """Return the words of English prose in `text`: not options, paths, versions, names."""
    text = re.sub(r"(?<![\w-])--?[\w-]+|[\w./<>-]*/[\w./<>-]*|\[[a-z|]+\]|V\d\.\d|x>=1", " ",
                  text)
    return [word for word in re.findall(r"[A-Za-z][A-Za-z0-9]+", text)
            if word not in NAMES and word not in main.commands]


@pytest.mark.parametrize("command", [[], *[[name] for name in sorted(main.commands)]])
def test_help_speaks_chinese_to_a_chinese_locale(runner, command):
    result = runner.invoke(main, [*command, "--help"], env=CHINESE, prog_name="docgen")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"用法：docgen {' '.join(command)}".rstrip() + " [选项]")
    assert "选项：" in result.stdout
    assert "显示本帮助并退出。" in result.stdout
    assert english_words(result.stdout) == []


def test_help_speaks_english_otherwise(runner):
    result = runner.invoke(main, ["--help"], env=ENGLISH, prog_name="docgen")
    assert result.stdout.startswith("Usage: docgen [OPTIONS] COMMAND [ARGS]...")
    assert "  -h, --help      Show this message and exit." in result.stdout
    assert "  check     Check the document set the way an auditor would." in result.stdout


def test_the_chinese_help_lines_up_and_fits_the_terminal(runner):
    from docgen.content.text_width import display_width

    lines = runner.invoke(main, ["bump", "--help"], env=CHINESE).stdout.splitlines()
    assert max(display_width(line) for line in lines) <= 80
    # Every option's help begins in one column, whatever the width of its metavar.
    starts = {display_width(match.group(1)) for line in lines
              if (match := re.match(r"(  --\S+(?: \S+)?\s{2,})\S", line))}
    assert len(starts) == 1


# --- usage errors -------------------------------------------------------------------------

def test_click_says_its_usage_errors_in_chinese(runner):
    result = runner.invoke(main, ["check", "--bogus"], env=CHINESE, prog_name="docgen")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "用法：docgen check [选项] [文件编号|文件.docx|文件夹]...",
        "运行“docgen check --help”查看帮助。",
        "",
        "错误：没有选项 '--bogus'。"]
    missing = runner.invoke(main, ["bump"], env=CHINESE, prog_name="docgen")
    assert missing.exit_code == 2
    assert "错误：缺少参数 '文件编号'" in missing.stderr


def test_click_says_its_usage_errors_in_english_otherwise(runner):
    result = runner.invoke(main, ["check", "--bogus"], env=ENGLISH)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: No such option: --bogus" or \
        result.stderr.splitlines()[-1] == "Error: No such option '--bogus'."


# --- content errors, findings, summaries ----------------------------------------------------

def test_a_misspelt_key_is_reported_in_either_language(runner, tmp_path, in_folder):
    in_folder(project(tmp_path, document().replace("title:", "titel:", 1)))
    chinese = runner.invoke(main, ["build"], env=CHINESE)
    english = runner.invoke(main, ["build"], env=ENGLISH)
    assert chinese.exit_code == english.exit_code == 2
    assert "错误：未知的键“titel”" in chinese.stderr
    assert "    提示：是否指“title”？" in chinese.stderr
    assert chinese.stderr.splitlines()[-1] == "docgen：内容中有 2 个问题，未写出任何文件。"
    assert "error: unknown key 'titel'" in english.stderr
    assert english.stderr.splitlines()[-1] == \
        "docgen: 2 problems in the content; nothing was written."


def test_a_finding_and_the_summary_speak_chinese(runner, tmp_path, in_folder):
    in_folder(project(tmp_path))
    result = runner.invoke(main, ["check"], env=CHINESE)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "DEMO-ITSS-0001 示例管理计划：1 个错误，0 个警告",
        "content/demo/DEMO-ITSS-0001.yaml:11:15: 错误 META-SELF-APPROVAL 张三 既是 V1.0 的"
        "编制人，又是批准人",
        "    提示：由编制人以外的人批准该版本",
        "",
        "docgen check：1 份文件，1 个错误，0 个警告"]


def test_a_finding_and_the_summary_speak_english_otherwise(runner, tmp_path, in_folder):
    in_folder(project(tmp_path))
    result = runner.invoke(main, ["check"], env=ENGLISH)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "docgen check: 1 error, 0 warnings in 1 document"


def test_json_keeps_its_keys_and_rule_ids_and_gives_the_message_in_the_language(
        runner, tmp_path, in_folder):
    in_folder(project(tmp_path))
    chinese = runner.invoke(main, ["check", "--format", "json"], env=CHINESE)
    english = runner.invoke(main, ["check", "--format", "json"], env=ENGLISH)
    assert chinese.exit_code == english.exit_code == 1
    [zh], [en] = json.loads(chinese.stdout), json.loads(english.stdout)
    assert zh.keys() == en.keys()
    assert {key: zh[key] for key in zh if key not in ("message", "hint")} == \
        {key: en[key] for key in en if key not in ("message", "hint")}
    assert zh["rule"] == "META-SELF-APPROVAL"
    assert zh["message"] == "张三 既是 V1.0 的编制人，又是批准人"
    assert en["message"] == "张三 both wrote and approved V1.0"


def test_the_list_speaks_the_register_s_terms(runner, tmp_path, in_folder):
    in_folder(project(tmp_path))
    lines = runner.invoke(main, ["list"], env=CHINESE).stdout.splitlines()
    assert lines[0].split() == ["文件编号", "文件名称", "版本", "状态", "变更日期", "检查结果"]
    assert lines[1].split() == ["DEMO-ITSS-0001", "示例管理计划", "V1.0", "草稿", "2025-01-07",
                                "1", "个错误，0", "个警告"]


def test_the_version_line_speaks_the_chosen_language(runner):
    assert runner.invoke(main, ["--version"], env=CHINESE, prog_name="docgen").stdout == \
        "docgen，版本 0.1.0\n"
    assert runner.invoke(main, ["--version"], env=ENGLISH, prog_name="docgen").stdout == \
        "docgen, version 0.1.0\n"
