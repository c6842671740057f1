"""docgen import FILE.docx… and docgen check FILE.docx, run as a person runs them.

An import writes content/<org>/<NUMBER>.yaml and org.yaml for the Word files of the
legacy corpus (tests/fixtures/legacy), marks what it guessed, and says so; the result
builds and checks. It writes everything or nothing: a file it cannot read, a content
file that exists, two files of one number or an org.yaml of another company stops it
before anything (not even a folder) is made. docgen check on Word files reads them in
memory, writes nothing, and says where in the Word file each finding is.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.running import run_docgen
from tests.support.trees import REPO, TEMPLATES, demo_project, write_tree

LEGACY = REPO / "tests" / "fixtures" / "legacy"
WORD_STYLE = sorted((LEGACY / "word-style").glob("*.docx"))
HAND = sorted((LEGACY / "hand").glob("*.docx"))
# LibreOffice converts an old .doc; it may take a while on a cold start.
SLOW = 240

# What each bad file of the corpus is, in the words of the refusal.
REFUSED = {
    "encrypted.docx": "is protected by a password",
    "tracked-changes.docx": "still has 3 tracked changes",
    "comments.docx": "has 1 comment",
    "image-only.docx": "holds pictures but no text: it looks like a scan",
    "not-word.docx": "is an Excel workbook (.xlsx), not a Word document",
    "truncated.docx": "is a damaged .docx file",
    "plain.txt.docx": "is plain text, not a Word document",
}

OTHER_COMPANY = """\
# 艾克姆's own org.yaml, kept by hand.
name: 艾克姆信息技术有限公司
prefix: ACME
departments:
  - name: 运维部
people:
  - name: 张三
    signs: [author, approver]
"""

YNTD_BY_HAND = """\
# 云南腾电's organization, kept by hand: do not lose this comment.
name: 云南腾电科技有限公司
prefix: YNTD
departments:
  - name: 运维部   # the department that runs the service desk
people:
  - name: 吴杰
    signs: [author]
"""


def empty_project(root: Path) -> Path:
    """Return `root` as a project with the bundled templates and no content folder."""
    shutil.copytree(TEMPLATES, root / "templates" / "docx")
    return root


def tree(root: Path) -> dict[str, bytes | None]:
    """Return every file (with its bytes) and folder (None) under `root`."""
    return {path.relative_to(root).as_posix(): path.read_bytes() if path.is_file() else None
            for path in sorted(root.rglob("*"))}


def content_files(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix()
                  for path in (root / "content").rglob("*") if path.is_file())


def review_lines(stdout: str) -> list[tuple[str, int, str]]:
    """Return the guesses the summary lists: (file, line, what)."""
    return [(match[1], int(match[2]), match[3]) for match in
            re.finditer(r"^  (content/\S+\.yaml):(\d+): (.*)$", stdout, re.MULTILINE)]


def comment_block_above(text: str, line: int) -> str:
    """Return the comment lines right above line `line` (from 1) of `text`, joined."""
    lines = text.splitlines()
    above = []
    for index in range(line - 2, -1, -1):
        if not lines[index].lstrip().startswith("#"):
            break
        above.insert(0, lines[index].strip().lstrip("# "))
    return " ".join(above)


# --- importing a set ----------------------------------------------------------------------


def test_the_word_style_files_are_written_as_one_folder_per_organization(tmp_path):
    root = empty_project(tmp_path)
    made = run_docgen(root, "import", *map(str, WORD_STYLE))
    assert made.code == 0, made.stderr
    assert made.stderr == ""
    assert content_files(root) == [
        "content/xlsj/XLSJ-ZD-001.yaml", "content/xlsj/org.yaml",
        "content/yntd/YNTD-ITSS-0303.yaml", "content/yntd/YNTD-ITSS-0417.yaml",
        "content/yntd/YNTD-ITSS-0600.yaml", "content/yntd/org.yaml"]
    lines = made.stdout.splitlines()
    assert "wrote content/yntd/org.yaml (organization 'yntd': 云南腾电科技有限公司, prefix YNTD)" \
        in lines
    assert "wrote content/xlsj/org.yaml (organization 'xlsj': 昆明星岚数据服务有限公司, " \
           "prefix XLSJ)" in lines
    assert "the organization folder is 'yntd', from the prefix YNTD" in lines
    # Each organization is followed by the documents imported into it.
    yntd = lines.index("wrote content/yntd/org.yaml (organization 'yntd': 云南腾电科技有限公司, "
                       "prefix YNTD)")
    for offset, number in enumerate(["YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600"],
                                    start=1):
        assert re.fullmatch(
            rf"  imported \S+/word-style/{number}\.docx → content/yntd/{number}\.yaml: "
            r"\d+ sections, \d+ tables?, \d+ KPIs?, \d+ activit(y|ies)", lines[yntd + offset])
    assert re.search(r"content/yntd/YNTD-ITSS-0417\.yaml: \d+ sections, \d+ tables?, "
                     r"0 KPIs, [1-9]\d* activities", made.stdout)
    assert lines[-1] == "next: review the lines above, then run 'docgen check' and " \
                        "'docgen build'"


def test_every_guess_the_summary_lists_is_marked_above_its_line(tmp_path):
    root = empty_project(tmp_path)
    made = run_docgen(root, "import", *map(str, WORD_STYLE))
    guesses = review_lines(made.stdout)
    assert {file for file, _line, _what in guesses} >= {
        "content/yntd/YNTD-ITSS-0303.yaml", "content/yntd/YNTD-ITSS-0417.yaml"}
    heads = re.findall(r"^to review in (\S+) \((\d+) guess(?:es)?\):$", made.stdout,
                       re.MULTILINE)
    assert heads and all(int(count) == sum(1 for file, _l, _w in guesses if file == path)
                         for path, count in heads)
    for file, line, what in guesses:
        text = (root / file).read_text(encoding="utf-8")
        block = comment_block_above(text, line)
        assert "import: guessed: " in block, (file, line)
        shown = what.split("…")[0]  # the summary cuts long quotations
        assert shown[:30] in block, (file, line, what)
    marked = sum(text.count("# import: guessed:") for text in
                 ((root / file).read_text(encoding="utf-8") for file in content_files(root)))
    assert marked == len(guesses)


def test_the_imported_set_builds_and_checks(tmp_path):
    root = empty_project(tmp_path)
    assert run_docgen(root, "import", *map(str, WORD_STYLE)).code == 0
    built = run_docgen(root, "build", timeout=SLOW)
    assert built.code == 0, built.stderr
    written = sorted(path.name for path in (root / "output").rglob("*.docx"))
    assert [name.split(" ")[0] for name in written] == [
        "XLSJ-ZD-001", "YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600"]
    checked = run_docgen(root, "check", "--format", "json")
    assert checked.code == 1
    findings = json.loads(checked.stdout)
    rules = {(finding["document"], finding["rule"]) for finding in findings}
    assert ("YNTD-ITSS-0303", "KPI-PROSE-MISMATCH") in rules  # 变更成功率 computed two ways
    assert ("YNTD-ITSS-0417", "XREF-DOCUMENT-KIND") in rules  # the plan calls itself 本手册
    assert all(finding["file"].startswith("content/") for finding in findings)


def test_the_hand_made_0303s_stale_table_of_contents_is_found_after_importing(tmp_path):
    root = empty_project(tmp_path)
    assert run_docgen(root, "import", *map(str, HAND)).code == 0
    checked = run_docgen(root, "check", "YNTD-ITSS-0303", "--format", "json")
    assert checked.code == 1
    toc = [finding["message"] for finding in json.loads(checked.stdout)
           if finding["rule"] == "STRUCT-TOC-MISMATCH"]
    assert "the table of contents lists '4.1.1. 人员招聘计划', but the heading there is " \
           "'人才招聘计划'" in toc


# --- where the organization goes ----------------------------------------------------------


def test_org_puts_everything_in_the_folder_named(tmp_path):
    root = empty_project(tmp_path)
    yntd = [path for path in WORD_STYLE if path.name.startswith("YNTD")]
    made = run_docgen(root, "import", "--org", "acme", *map(str, yntd))
    assert made.code == 0, made.stderr
    assert content_files(root) == [
        "content/acme/YNTD-ITSS-0303.yaml", "content/acme/YNTD-ITSS-0417.yaml",
        "content/acme/YNTD-ITSS-0600.yaml", "content/acme/org.yaml"]
    assert "wrote content/acme/org.yaml (organization 'acme': 云南腾电科技有限公司, " \
           "prefix YNTD)" in made.stdout.splitlines()
    assert "from the prefix" not in made.stdout


def test_org_for_files_of_two_organizations_is_refused(tmp_path):
    root = empty_project(tmp_path)
    before = tree(root)
    refused = run_docgen(root, "import", "--org", "acme", *map(str, WORD_STYLE))
    assert refused.code == 2
    assert refused.stderr.splitlines()[0].startswith("docgen: error: ")
    assert "would both go into the organization folder 'acme'" in refused.stderr
    assert tree(root) == before


def test_an_org_yaml_of_the_prefix_is_extended_and_keeps_its_comments(tmp_path):
    root = write_tree(empty_project(tmp_path), {"content/tengdian/org.yaml": YNTD_BY_HAND})
    made = run_docgen(root, "import", str(LEGACY / "hand" / "YNTD-ITSS-0417.docx"))
    assert made.code == 0, made.stderr
    assert content_files(root) == ["content/tengdian/YNTD-ITSS-0417.yaml",
                                   "content/tengdian/org.yaml"]
    org = (root / "content" / "tengdian" / "org.yaml").read_text(encoding="utf-8")
    assert "# 云南腾电's organization, kept by hand: do not lose this comment." in org
    assert "# the department that runs the service desk" in org
    assert "- name: 质量部" in org and "- name: 陆涛" in org
    assert re.search(r"^updated content/tengdian/org\.yaml: \d+ people, 1 department added$",
                     made.stdout, re.MULTILINE)
    again = run_docgen(root, "import", "--force", str(LEGACY / "hand" / "YNTD-ITSS-0417.docx"))
    assert again.code == 0
    assert "content/tengdian/org.yaml already lists everyone and every department" \
        in again.stdout.splitlines()


def test_an_org_yaml_of_another_company_in_the_folder_is_refused(tmp_path):
    root = write_tree(empty_project(tmp_path), {"content/yntd/org.yaml": OTHER_COMPANY})
    before = tree(root)
    refused = run_docgen(root, "import", str(LEGACY / "hand" / "YNTD-ITSS-0303.docx"))
    assert refused.code == 2
    assert refused.stderr.splitlines()[0] == (
        "docgen: error: org.yaml names the company '艾克姆信息技术有限公司', but the Word files "
        "name '云南腾电科技有限公司'")
    assert "Traceback" not in refused.stderr
    assert tree(root) == before


# --- everything or nothing ------------------------------------------------------------------


def test_an_existing_content_file_is_kept_unless_forced(tmp_path):
    root = empty_project(tmp_path)
    source = str(LEGACY / "hand" / "YNTD-ITSS-0600.docx")
    assert run_docgen(root, "import", source).code == 0
    target = root / "content" / "yntd" / "YNTD-ITSS-0600.yaml"
    target.write_text("# edited by hand since the import\n" + target.read_text("utf-8"),
                      encoding="utf-8")
    before = tree(root)
    refused = run_docgen(root, "import", source, str(LEGACY / "hand" / "YNTD-ITSS-0417.docx"))
    assert refused.code == 2
    assert refused.stderr.splitlines() == [
        "docgen: error: content/yntd/YNTD-ITSS-0600.yaml exists already",
        "    hint: pass --force to replace it; nothing was written"]
    assert tree(root) == before
    forced = run_docgen(root, "import", "--force", source)
    assert forced.code == 0
    assert not target.read_text("utf-8").startswith("# edited by hand")


def test_two_files_of_one_number_are_refused(tmp_path):
    root = empty_project(tmp_path)
    first, second = LEGACY / "hand" / "YNTD-ITSS-0303.docx", WORD_STYLE[1]
    refused = run_docgen(root, "import", str(first), str(second))
    assert refused.code == 2
    assert refused.stderr.splitlines() == [
        f"docgen: error: {first} and {second} both hold YNTD-ITSS-0303",
        "    hint: import one of them; nothing was written"]
    assert not (root / "content").exists()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_bad_file_is_refused_with_what_to_do_and_nothing_is_written(tmp_path, name):
    root = empty_project(tmp_path)
    bad = LEGACY / "bad" / name
    before = tree(root)
    refused = run_docgen(root, "import", str(bad))
    assert refused.code == 2
    error, hint = refused.stderr.splitlines()
    assert error.startswith(f"docgen: error: {bad} {REFUSED[name]}")
    assert hint.startswith("    hint: ")
    assert refused.stdout == ""
    assert tree(root) == before  # not even the content folder


@pytest.mark.parametrize("name", ["encrypted.docx", "truncated.docx", "not-word.docx"])
def test_a_bad_file_among_good_ones_stops_the_whole_import(tmp_path, name):
    root = write_tree(empty_project(tmp_path), {"content/tengdian/org.yaml": YNTD_BY_HAND})
    before = tree(root)
    refused = run_docgen(root, "import", *map(str, WORD_STYLE), str(LEGACY / "bad" / name))
    assert refused.code == 2
    assert REFUSED[name] in refused.stderr and "Traceback" not in refused.stderr
    assert tree(root) == before


def test_an_old_doc_is_converted_through_libreoffice_and_imported(tmp_path):
    root = empty_project(tmp_path)
    made = run_docgen(root, "import", str(LEGACY / "bad" / "legacy.doc"), timeout=SLOW)
    assert made.code == 0, made.stderr
    assert content_files(root) == ["content/yntd/YNTD-ITSS-0417.yaml", "content/yntd/org.yaml"]
    assert re.search(r"imported \S+/legacy\.doc → content/yntd/YNTD-ITSS-0417\.yaml",
                     made.stdout)
    # What was guessed about the house style is org.yaml's, marked above its setting.
    org = (root / "content" / "yntd" / "org.yaml").read_text("utf-8")
    for file, line, _what in review_lines(made.stdout):
        if file == "content/yntd/org.yaml":
            assert "import: guessed: " in comment_block_above(org, line)
            assert re.match(r"  \w+: ", org.splitlines()[line - 1])


# --- docgen check on Word files -------------------------------------------------------------


def word_folder(root: Path, names: list[str]) -> Path:
    """Return `root` holding hand/ with the hand-made Word files `names`."""
    (root / "hand").mkdir()
    for name in names:
        shutil.copy(LEGACY / "hand" / name, root / "hand" / name)
    return root


def test_check_places_the_findings_in_the_word_file_and_writes_nothing(tmp_path):
    root = word_folder(tmp_path, ["YNTD-ITSS-0303.docx"])
    before = tree(root)
    checked = run_docgen(root, "check", "hand/YNTD-ITSS-0303.docx")
    assert checked.code == 1
    lines = checked.stdout.splitlines()
    assert lines[0].startswith("YNTD-ITSS-0303 运维服务能力管理计划: ")
    assert "hand/YNTD-ITSS-0303.docx [the table of contents, the line '4.1.1. 人员招聘计划']: " \
           "warning STRUCT-TOC-MISMATCH the table of contents lists '4.1.1. 人员招聘计划', but " \
           "the heading there is '人才招聘计划'" in lines
    assert any(re.fullmatch(r"hand/YNTD-ITSS-0303\.docx \[4\.1\.2\. 人员储备计划, the paragraph "
                            r"'[^']+'\]: error STRUCT-REFERENCE .*人才招聘计划.*", line)
               for line in lines)
    assert not any(re.match(r"\S+\.docx:\d", line) for line in lines)  # no YAML lines
    assert re.fullmatch(r"docgen check: \d+ errors?, \d+ warnings? in 1 document", lines[-1])
    assert tree(root) == before  # no content/, no output/


def test_check_without_an_org_yaml_leaves_out_the_register_rules(tmp_path):
    root = word_folder(tmp_path, ["YNTD-ITSS-0303.docx"])
    checked = run_docgen(root, "check", "--format", "json", "hand/YNTD-ITSS-0303.docx")
    findings = json.loads(checked.stdout)
    rules = {finding["rule"] for finding in findings}
    assert rules and not rules & {"XREF-OWNER-UNKNOWN", "XREF-UNKNOWN-DOCUMENT"}
    # The departments the text names more than once are taken as the company's; the one
    # named once in a slip (客户部) is still reported.
    departments = {finding["params"]["name"] for finding in findings
                   if finding["rule"] == "XREF-DEPARTMENT"}
    assert "客户部" in departments and not departments & {"运维部", "质量部", "研发部"}


def test_check_json_says_where_instead_of_lines(tmp_path):
    root = word_folder(tmp_path, ["YNTD-ITSS-0303.docx"])
    checked = run_docgen(root, "check", "--format", "json", "hand/YNTD-ITSS-0303.docx")
    assert checked.code == 1
    findings = json.loads(checked.stdout)
    assert findings and all(finding["file"] == "hand/YNTD-ITSS-0303.docx"
                            and finding["where"] and "line" not in finding
                            for finding in findings)
    assert "the table of contents, the line '4.1.1. 人员招聘计划'" in {
        finding["where"] for finding in findings}


def test_check_reads_every_word_file_in_a_folder_but_words_lock_files(tmp_path):
    root = word_folder(tmp_path, [path.name for path in HAND])
    # What Word leaves beside a file it has open: not a Word document.
    (root / "hand" / "~$NTD-ITSS-0303.docx").write_bytes(b"\x05wujie" + b"\x00" * 157)
    before = tree(root)
    checked = run_docgen(root, "check", "hand")
    assert checked.code == 1, checked.stderr
    assert checked.stderr == ""
    assert checked.stdout.splitlines()[-1].endswith(" in 4 documents")
    # The activity table of 0417 skips 7: found in its row of the Word file.
    assert re.search(r"^hand/YNTD-ITSS-0417\.docx \[table \d+, row \d+ \('8 [^']*'\)\]: "
                     r"warning STRUCT-LIST-NUMBERING .*8 after 6", checked.stdout, re.MULTILINE)
    assert tree(root) == before


def test_check_joins_a_word_file_to_the_projects_organization(tmp_path):
    root = word_folder(empty_project(tmp_path), ["YNTD-ITSS-0303.docx"])
    imported = [path for path in WORD_STYLE if "0417" in path.name or "0600" in path.name]
    assert run_docgen(root, "import", *map(str, imported)).code == 0
    before = tree(root)
    checked = run_docgen(root, "check", "hand/YNTD-ITSS-0303.docx", "YNTD-ITSS-0417")
    assert checked.code == 1
    lines = checked.stdout.splitlines()
    assert lines[-1].endswith(" in 2 documents")
    # org.yaml lists the departments the imported files named; 客户部 is not one of them.
    assert any(re.fullmatch(r"hand/YNTD-ITSS-0303\.docx \[4\.7\.3\. 客户满意度调查与分析, the "
                            r"paragraph '[^']*'\]: error XREF-DEPARTMENT 客户部 is not a "
                            r"department of 云南腾电科技有限公司", line) for line in lines)
    assert any(line.startswith("content/yntd/YNTD-ITSS-0417.yaml:") for line in lines)
    assert tree(root) == before


def test_check_refuses_a_bad_word_file_with_what_to_do(tmp_path):
    bad = LEGACY / "bad" / "tracked-changes.docx"
    checked = run_docgen(tmp_path, "check", str(bad))
    assert checked.code == 2
    error, hint = checked.stderr.splitlines()
    assert error == f"docgen: error: {bad} still has 3 tracked changes"
    assert hint.startswith("    hint: accept or reject them in Word")
    assert list(tmp_path.iterdir()) == []


def test_check_speaks_chinese(tmp_path):
    root = word_folder(tmp_path, ["YNTD-ITSS-0303.docx"])
    checked = run_docgen(root, "--lang", "zh", "check", "hand/YNTD-ITSS-0303.docx")
    assert checked.code == 1
    assert "hand/YNTD-ITSS-0303.docx [目录中的 “4.1.1. 人员招聘计划” 一行]: 警告 STRUCT-TOC-MISMATCH " \
           "目录列出 “4.1.1. 人员招聘计划”，但此处的标题是 “人才招聘计划”" in checked.stdout.splitlines()


def test_a_word_file_is_not_reported_for_its_file_name(tmp_path):
    """A Word file is named as people name files (运维服务能力管理计划.docx), not by its
    number as a content file is: META-FILE-NAME is about content files only."""
    root = word_folder(tmp_path, ["YNTD-ITSS-0303.docx"])
    renamed = root / "运维服务能力管理计划.docx"
    (root / "hand" / "YNTD-ITSS-0303.docx").rename(renamed)
    checked = run_docgen(root, "check", "--format", "json", renamed.name)
    rules = {finding["rule"] for finding in json.loads(checked.stdout)}
    assert rules and "META-FILE-NAME" not in rules


def test_checking_content_does_not_load_the_importer(tmp_path):
    """`docgen check` of document numbers stays as quick as it was: the importer is
    loaded only when Word files are named."""
    root = demo_project(tmp_path)
    program = ("import sys\nfrom click.testing import CliRunner\nfrom docgen.cli import main\n"
               "CliRunner().invoke(main, ['check'])\n"
               "print(sorted(m for m in sys.modules if m.startswith('docgen.importer')))")
    ran = subprocess.run([sys.executable, "-c", program], cwd=root, capture_output=True,
                         text=True, timeout=120, check=True)
    assert ran.stdout.strip() == "[]"
