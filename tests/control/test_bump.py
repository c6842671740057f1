"""docgen bump: one new revision row, and nothing else in the content file changes.

Every case compares the file's bytes before and after. Refusals exit 2 with one
"docgen: error:" message and its hint, no traceback, and a file left byte-identical.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.content.values import Version
from docgen.control.bump import BumpRequest, apply_bump, plan_bump
from docgen.errors import UsageError
from docgen.pipeline import load_document_set
from docgen.project import load_project
from docgen.wordml.reader import read_docx
from tests.support.trees import (
    DOCUMENT_YAML,
    ORG_YAML,
    REPO,
    TEMPLATES,
    demo_project,
    document_yaml,
    snapshot,
)

DOC = "content/demo/DEMO-ITSS-0001.yaml"
SIGNERS = ["--author", "张三", "--reviewer", "李四", "--approver", "王五"]
FIRST_ROW_END = "    change: 首次发布\n"


def row(version: str, date: str, review_date: str, approve_date: str, change: str = "修订",
        *, author: str = "张三", reviewer: str = "李四", approver: str = "王五") -> str:
    """Return the revision row bump writes into the demo document, as text."""
    return (f"  - version: {version}\n"
            f"    author: {author}\n"
            f"    date: {date}\n"
            f"    reviewer: {reviewer}\n"
            f"    review_date: {review_date}\n"
            f"    approver: {approver}\n"
            f"    approve_date: {approve_date}\n"
            f"    change: {change}\n")


def with_row(text: str, new_row: str) -> str:
    """Return the demo document `text` with `new_row` right after its first revision row."""
    assert text.count(FIRST_ROW_END) == 1
    return text.replace(FIRST_ROW_END, FIRST_ROW_END + new_row)


def bump(runner, *args: str):
    return runner.invoke(main, ["bump", *args])


def updated(number: str = "DEMO-ITSS-0001", previous: str = "V1.0", version: str = "V1.1",
            path: str = DOC) -> str:
    return f"{number}: {previous} -> {version}, a draft until released; {path} updated\n"


@pytest.fixture
def today() -> str:
    return dt.date.today().isoformat()


# --- the acceptance case: the bundled capability plan -----------------------------------


def yntd_copy(root: Path) -> Path:
    """Copy the bundled content and templates into `root`; return `root`."""
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(TEMPLATES, root / "templates" / "docx")
    return root


def test_a_minor_bump_of_the_capability_plan_adds_one_row_and_the_built_document_follows(
        runner, tmp_path, in_folder):
    root = in_folder(yntd_copy(tmp_path))
    plan_file = root / "content" / "yntd" / "YNTD-ITSS-0303.yaml"
    old_name = "YNTD-ITSS-0303 运维服务能力管理计划 V1.0.docx"
    new_name = "YNTD-ITSS-0303 运维服务能力管理计划 V1.1.docx"
    assert runner.invoke(main, ["build", "YNTD-ITSS-0303"]).exit_code == 0
    assert (root / "output" / "yntd" / old_name).is_file()
    before = plan_file.read_bytes()
    lines = before.splitlines(keepends=True)
    assert lines[19] == "    change: 首次发布\n".encode()  # line 20 ends the only revision row

    result = bump(runner, "YNTD-ITSS-0303", "--minor", "--change", "修订KPI目标",
                  "--author", "吴杰", "--reviewer", "赵建中", "--approver", "陆涛")

    assert result.exit_code == 0, result.output
    assert result.stdout == updated("YNTD-ITSS-0303", path="content/yntd/YNTD-ITSS-0303.yaml")
    assert result.stderr == ""
    today = dt.date.today()
    new_row = (f"  - version: V1.1\n"
               f"    author: 吴杰\n"
               f"    date: {today.isoformat()}\n"
               f"    reviewer: 赵建中\n"
               f"    review_date: {today.isoformat()}\n"
               f"    approver: 陆涛\n"
               f"    approve_date: {today.isoformat()}\n"
               f"    change: 修订KPI目标\n").encode()
    assert plan_file.read_bytes() == b"".join(lines[:20]) + new_row + b"".join(lines[20:])

    result = runner.invoke(main, ["build", "YNTD-ITSS-0303"])

    assert result.exit_code == 0, result.output
    assert result.stdout == (f"wrote output/yntd/{new_name}\n"
                             f"removed output/yntd/{old_name} (superseded by V1.1, the version in "
                             f"force)\n")
    read = read_docx(root / "output" / "yntd" / new_name)
    assert read.paragraphs[3].text == "版本：V1.1"
    revisions = read.tables[1]
    on = f"{today:%Y.%m.%d}"
    assert [cell.text for cell in revisions.rows[-2]][0] == "V1.0"
    assert [cell.text for cell in revisions.rows[-1]] == [
        "V1.1", "吴杰", on, "赵建中", on, "陆涛", on, "修订KPI目标"]
    assert read.headers == ["云南腾电科技有限公司\tYNTD-ITSS-0303 V1.1"]
    assert sorted(path.name for path in (root / "output" / "yntd").iterdir()) == [new_name]


# --- versions and dates ------------------------------------------------------------------


def test_a_major_bump_turns_v1_3_into_v2_0(runner, tmp_path, in_folder):
    text = DOCUMENT_YAML.replace("version: V1.0", "version: V1.3")
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = bump(runner, "DEMO-ITSS-0001", "--major", "--change", "全面改版", *SIGNERS,
                  "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == updated(previous="V1.3", version="V2.0")
    assert (tmp_path / DOC).read_text(encoding="utf-8") == with_row(
        text, row("V2.0", "2025-03-01", "2025-03-01", "2025-03-01", "全面改版"))


def test_a_minor_bump_turns_v1_9_into_v1_10_because_versions_are_not_floats(
        runner, tmp_path, in_folder):
    text = DOCUMENT_YAML.replace("version: V1.0", "version: V1.9")
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = bump(runner, "DEMO-ITSS-0001", "--minor", *SIGNERS, "--change", "修订",
                  "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == updated(previous="V1.9", version="V1.10")
    assert (tmp_path / DOC).read_text(encoding="utf-8") == with_row(
        text, row("V1.10", "2025-03-01", "2025-03-01", "2025-03-01"))
    [document] = load_document_set(load_project(tmp_path)).documents
    assert document.version == Version(1, 10)


def test_without_dates_the_change_review_and_approval_are_all_dated_today(
        runner, demo, in_folder, today):
    in_folder(demo)
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS)
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", today, today, today))


def test_date_alone_dates_the_change_the_review_and_the_approval(runner, demo, in_folder):
    in_folder(demo)
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", "2025-03-01", "2025-03-01", "2025-03-01"))


def test_review_date_alone_dates_the_review_and_the_approval_and_the_change_is_today(
        runner, demo, in_folder, today):
    in_folder(demo)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--review-date", tomorrow)
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", today, tomorrow, tomorrow))


def test_review_date_with_date_leaves_the_approval_on_the_review_date(runner, demo, in_folder):
    in_folder(demo)
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-03-01", "--review-date", "2025-03-05")
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", "2025-03-01", "2025-03-05", "2025-03-05"))


def test_approve_date_with_date_leaves_the_review_on_the_date_of_the_change(
        runner, demo, in_folder):
    in_folder(demo)
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-03-01", "--approve-date", "2025-03-09")
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", "2025-03-01", "2025-03-01", "2025-03-09"))


def test_three_dates_in_any_accepted_form_are_written_as_yyyy_mm_dd(runner, demo, in_folder):
    in_folder(demo)
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025.3.1", "--review-date", "2025年3月2日",
                  "--approve-date", "2025-03-03")
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", "2025-03-01", "2025-03-02", "2025-03-03"))


def test_a_change_dated_the_day_the_previous_version_was_approved_is_accepted(
        runner, demo, in_folder):
    in_folder(demo)
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-01-09")
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", "2025-01-09", "2025-01-09", "2025-01-09"))


def test_a_change_text_yaml_would_misread_is_quoted_and_read_back_as_given(
        runner, demo, in_folder):
    in_folder(demo)
    change = "修订: KPI目标 #2"
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", change, *SIGNERS,
                  "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML, row("V1.1", "2025-03-01", "2025-03-01", "2025-03-01",
                           '"修订: KPI目标 #2"'))
    [document] = load_document_set(load_project(demo)).documents
    assert document.current.change == change


def test_any_change_text_leaves_content_that_docgen_still_loads(runner, demo, in_folder):
    in_folder(demo)
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "=", *SIGNERS)
    assert result.exit_code == 0, result.output
    [document] = load_document_set(load_project(demo)).documents
    assert document.current.change == "="


# --- dry run -------------------------------------------------------------------------


def test_dry_run_prints_a_diff_of_exactly_the_new_row_and_writes_nothing(runner, demo, in_folder):
    in_folder(demo)
    before = (demo / DOC).read_bytes()
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-03-01", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("--- a/DEMO-ITSS-0001.yaml\n"
                             "+++ b/DEMO-ITSS-0001.yaml\n"
                             "@@ -11,6 +11,14 @@\n"
                             "     approver: 王五\n"
                             "     approve_date: 2025-01-09\n"
                             "     change: 首次发布\n"
                             "+  - version: V1.1\n"
                             "+    author: 张三\n"
                             "+    date: 2025-03-01\n"
                             "+    reviewer: 李四\n"
                             "+    review_date: 2025-03-01\n"
                             "+    approver: 王五\n"
                             "+    approve_date: 2025-03-01\n"
                             "+    change: 修订\n"
                             " sections:\n"
                             "   - title: 目的\n"
                             "     body:\n"
                             "DEMO-ITSS-0001: V1.0 -> V1.1 (dry run: nothing written)\n")
    assert (demo / DOC).read_bytes() == before
    assert sorted(p.name for p in (demo / "content" / "demo").iterdir()) == [
        "DEMO-ITSS-0001.yaml", "org.yaml"]
    assert not (demo / "output").exists()


def test_dry_run_of_a_file_without_a_final_newline_prints_one_diff_line_per_line(
        runner, tmp_path, in_folder):
    text = ("number: DEMO-ITSS-0001\ntitle: 示例管理计划\nkind: 计划\n"
            "sections:\n  - title: 目的\n    body:\n      - 为了规范运维服务。\n"
            "revisions:\n  - {version: V1.0, author: 张三, date: 2025-01-07, reviewer: 李四, "
            "review_date: 2025-01-08, approver: 王五, approve_date: 2025-01-09, change: 首次发布}")
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-03-01", "--dry-run")
    assert result.exit_code == 0, result.output
    last = text.rsplit("\n", 1)[1]
    assert result.stdout.endswith(
        f"-{last}\n"
        "\\ No newline at end of file\n"
        f"+{last}\n"
        "+  - {version: V1.1, author: 张三, date: 2025-03-01, reviewer: 李四, "
        "review_date: 2025-03-01, approver: 王五, approve_date: 2025-03-01, change: 修订}\n"
        "DEMO-ITSS-0001: V1.0 -> V1.1 (dry run: nothing written)\n")


# --- what a bump keeps ---------------------------------------------------------------


def test_a_bump_keeps_every_comment_blank_line_and_quote_of_the_document(
        runner, tmp_path, in_folder):
    text = ("# 示例管理计划: 每年修订一次\n"
            "\n"
            "number: DEMO-ITSS-0001   # 受控编号\n"
            "title: '示例管理计划'\n"
            "kind: 计划\n"
            "department: 质量部\n"
            "\n"
            "# 文件编制和变更履历\n"
            "revisions:\n"
            "  - version: V1.0\n"
            "    author: 张三\n"
            "    date: 2025-01-07\n"
            "    reviewer: 李四\n"
            "    review_date: \"2025-01-08\"\n"
            "    approver: 王五\n"
            "    approve_date: 2025-01-09\n"
            "    change: 首次发布    # 原稿如此\n"
            "  # 新版本写在上面\n"
            "\n"
            "sections:\n"
            "  - title: 目的\n"
            "    body:\n"
            "      - 为了规范运维服务。   # 第一段\n")
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    anchor = "    change: 首次发布    # 原稿如此\n"
    assert (tmp_path / DOC).read_text(encoding="utf-8") == text.replace(
        anchor, anchor + row("V1.1", "2025-03-01", "2025-03-01", "2025-03-01"))


def test_a_file_with_a_bom_and_crlf_line_ends_keeps_both(runner, tmp_path, in_folder):
    text = DOCUMENT_YAML.replace("\n", "\r\n")
    in_folder(demo_project(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": b"\xef\xbb\xbf" + text.encode("utf-8")}))
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    new_row = row("V1.1", "2025-03-01", "2025-03-01", "2025-03-01").replace("\n", "\r\n")
    anchor = FIRST_ROW_END.replace("\n", "\r\n")
    assert (tmp_path / DOC).read_bytes() == b"\xef\xbb\xbf" + text.replace(
        anchor, anchor + new_row).encode("utf-8")
    [document] = load_document_set(load_project(tmp_path)).documents
    assert document.version == Version(1, 1)


def test_a_flow_style_revision_history_gets_a_flow_style_row(runner, tmp_path, in_folder):
    text = DOCUMENT_YAML.replace(
        "  - version: V1.0\n"
        "    author: 张三\n"
        "    date: 2025-01-07\n"
        "    reviewer: 李四\n"
        "    review_date: 2025-01-08\n"
        "    approver: 王五\n"
        "    approve_date: 2025-01-09\n"
        "    change: 首次发布\n",
        "  - {version: V1.0, author: 张三, date: 2025-01-07, reviewer: 李四,\n"
        "     review_date: 2025-01-08, approver: 王五, approve_date: 2025-01-09, change: 首次发布}\n")
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订, 补充", *SIGNERS,
                  "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    anchor = "change: 首次发布}\n"
    assert (tmp_path / DOC).read_text(encoding="utf-8") == text.replace(
        anchor, anchor + "  - {version: V1.1, author: 张三, date: 2025-03-01, reviewer: 李四, "
                         "review_date: 2025-03-01, approver: 王五, approve_date: 2025-03-01, "
                         "change: \"修订, 补充\"}\n")


# --- the library: plan_bump and apply_bump ------------------------------------------


def request(**changes) -> BumpRequest:
    fields = dict(number="DEMO-ITSS-0001", level="minor", change="修订", author="张三",
                  reviewer="李四", approver="王五", date=dt.date(2025, 3, 1),
                  review_date=dt.date(2025, 3, 2), approve_date=dt.date(2025, 3, 3))
    fields.update(changes)
    return BumpRequest(**fields)


def test_plan_bump_describes_the_edit_and_writes_nothing_until_it_is_applied(demo):
    project = load_project(demo)
    path = demo / DOC
    plan = plan_bump(project, request())
    assert (plan.path, plan.previous, plan.version) == (path, Version(1, 0), Version(1, 1))
    expected = with_row(DOCUMENT_YAML, row("V1.1", "2025-03-01", "2025-03-02", "2025-03-03"))
    assert plan.new_bytes == expected.encode("utf-8")
    assert [line for line in plan.diff.splitlines() if line.startswith(("+", "-"))] == [
        "--- a/DEMO-ITSS-0001.yaml", "+++ b/DEMO-ITSS-0001.yaml",
        *("+" + line for line in row("V1.1", "2025-03-01", "2025-03-02",
                                     "2025-03-03").splitlines())]
    assert path.read_text(encoding="utf-8") == DOCUMENT_YAML
    apply_bump(plan)
    assert path.read_bytes() == plan.new_bytes
    [document] = load_document_set(project).documents
    assert (document.version, document.current.review_date) == (Version(1, 1),
                                                                dt.date(2025, 3, 2))


def test_plan_bump_of_a_major_version_starts_the_minor_number_again(demo):
    plan = plan_bump(load_project(demo), request(level="major"))
    assert (plan.previous, plan.version) == (Version(1, 0), Version(2, 0))


def test_bumping_twice_gives_two_new_rows_in_order(demo):
    project = load_project(demo)
    apply_bump(plan_bump(project, request(change="第一次")))
    apply_bump(plan_bump(project, request(change="第二次", date=dt.date(2025, 3, 3),
                                             review_date=dt.date(2025, 3, 3),
                                             approve_date=dt.date(2025, 3, 3))))
    assert (demo / DOC).read_text(encoding="utf-8") == with_row(
        DOCUMENT_YAML,
        row("V1.1", "2025-03-01", "2025-03-02", "2025-03-03", "第一次")
        + row("V1.2", "2025-03-03", "2025-03-03", "2025-03-03", "第二次"))


def test_plan_bump_refuses_a_date_before_the_previous_approval_with_a_usage_error(demo):
    with pytest.raises(UsageError) as refused:
        plan_bump(load_project(demo), request(date=dt.date(2025, 1, 8)))
    assert (refused.value.message, refused.value.hint) == (
        "the new revision is dated 2025-01-08, before V1.0 was approved on 2025-01-09",
        "give a date on or after the previous approval")
    assert (demo / DOC).read_text(encoding="utf-8") == DOCUMENT_YAML


# --- refusals ------------------------------------------------------------------------


ORG_WITH_A_SIGNER_OF_NOTHING = ORG_YAML + "  - name: 孙七\n    department: 运维部\n"
ORG_WHERE_THE_AUTHOR_MAY_APPROVE = ORG_YAML.replace("signs: [author]", "signs: [author, approver]")
WITHDRAWN = document_yaml(extra="status: withdrawn\nwithdrawn_on: 2025-06-01\n"
                                "withdrawn_reason: 并入其他文件\n")
BROKEN_SECOND = (DOCUMENT_YAML.replace("DEMO-ITSS-0001", "DEMO-ITSS-0002")
                 .replace("title: 示例管理计划", "titel: 第二份计划"))

REFUSALS = {
    "an unknown signer": (
        ["--minor", "--author", "张三", "--reviewer", "赵六", "--approver", "王五"], {}, [
            "docgen: error: '赵六' is not a person of 示例科技有限公司",
            "    hint: known people: 张三、李四、王五; add new people to org.yaml first"]),
    "an empty author": (
        ["--minor", "--author", "", "--reviewer", "李四", "--approver", "王五"], {}, [
            "docgen: error: --author is empty: the revision row must name its 编制 (author)",
            "    hint: name one of: 张三"]),
    "a signer without the role": (
        ["--minor", "--author", "张三", "--reviewer", "李四", "--approver", "李四"], {}, [
            "docgen: error: '李四' may not sign as 批准 (approver); '李四' may sign only as: "
            "审核 (reviewer)",
            "    hint: choose another approver, or add 'approver' to 李四's signs in org.yaml"]),
    "a signer who may sign nothing": (
        ["--minor", "--author", "孙七", "--reviewer", "李四", "--approver", "王五"],
        {"org": ORG_WITH_A_SIGNER_OF_NOTHING}, [
            "docgen: error: '孙七' may not sign as 编制 (author); '孙七' may sign only as: nothing",
            "    hint: choose another author, or add 'author' to 孙七's signs in org.yaml"]),
    "the author as approver": (
        ["--minor", "--author", "张三", "--reviewer", "李四", "--approver", "张三"],
        {"org": ORG_WHERE_THE_AUTHOR_MAY_APPROVE}, [
            "docgen: error: '张三' cannot approve a version they wrote",
            "    hint: name another approver"]),
    "a date before the previous approval": (
        ["--minor", *SIGNERS, "--date", "2025-01-08"], {}, [
            "docgen: error: the new revision is dated 2025-01-08, before V1.0 was approved on "
            "2025-01-09",
            "    hint: give a date on or after the previous approval"]),
    "a review before the change": (
        ["--minor", *SIGNERS, "--date", "2025-03-02", "--review-date", "2025-03-01"], {}, [
            "docgen: error: the dates are out of order: written 2025-03-02, reviewed "
            "2025-03-01, approved 2025-03-01",
            "    hint: a version is reviewed after it is written, and approved after review"]),
    "an approval before the review": (
        ["--minor", *SIGNERS, "--date", "2025-03-01", "--review-date", "2025-03-03",
         "--approve-date", "2025-03-02"], {}, [
            "docgen: error: the dates are out of order: written 2025-03-01, reviewed "
            "2025-03-03, approved 2025-03-02",
            "    hint: a version is reviewed after it is written, and approved after review"]),
    "a withdrawn document": (
        ["--minor", *SIGNERS], {"documents": {"DEMO-ITSS-0001.yaml": WITHDRAWN}}, [
            "docgen: error: DEMO-ITSS-0001 is withdrawn; a withdrawn document gets no new "
            "versions",
            "    hint: set its status back to current first"]),
    "an unknown document number": (
        ["--minor", *SIGNERS], {"number": "DEMO-ITSS-9999"}, [
            "docgen: error: no document numbered 'DEMO-ITSS-9999'",
            "    hint: known documents: DEMO-ITSS-0001"]),
    "content with load errors in another document": (
        ["--minor", *SIGNERS], {"documents": {"DEMO-ITSS-0001.yaml": DOCUMENT_YAML,
                                              "DEMO-ITSS-0002.yaml": BROKEN_SECOND}}, [
            "content/demo/DEMO-ITSS-0002.yaml:1:1: error: missing required key 'title'",
            "    hint: add 'title: ...' to this mapping",
            "content/demo/DEMO-ITSS-0002.yaml:2:1: error: unknown key 'titel'",
            "    hint: did you mean 'title'?",
            "docgen: 2 problems in the content; nothing was written."]),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_a_refused_bump_says_why_exits_2_and_leaves_every_file_as_it_was(
        case, runner, tmp_path, in_folder):
    args, setup, expected = REFUSALS[case]
    setup = dict(setup)
    number = setup.pop("number", "DEMO-ITSS-0001")
    in_folder(demo_project(tmp_path, **setup))
    before = snapshot(tmp_path / "content")
    result = bump(runner, number, "--change", "修订", *args)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected
    assert "Traceback" not in result.output
    assert snapshot(tmp_path / "content") == before
    assert not (tmp_path / "output").exists()


def test_a_refused_dry_run_prints_no_diff(runner, demo, in_folder):
    in_folder(demo)
    before = (demo / DOC).read_bytes()
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", "--author", "张三",
                  "--reviewer", "李四", "--approver", "张三", "--dry-run")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "docgen: error: '张三' may not sign as 批准 (approver); '张三' may sign only as: 编制 (author)",
        "    hint: choose another approver, or add 'approver' to 张三's signs in org.yaml"]
    assert (demo / DOC).read_bytes() == before


def test_a_date_that_does_not_exist_is_refused_by_the_option(runner, demo, in_folder):
    in_folder(demo)
    before = (demo / DOC).read_bytes()
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "修订", *SIGNERS,
                  "--date", "2025-02-30")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for '--date': '2025-02-30' is not a date "
                                  "that exists (2025-02 has no day 30)\n")
    assert "Traceback" not in result.output
    assert (demo / DOC).read_bytes() == before


def test_without_minor_or_major_the_bump_is_refused_with_exit_2(runner, demo, in_folder):
    in_folder(demo)
    before = (demo / DOC).read_bytes()
    result = bump(runner, "DEMO-ITSS-0001", "--change", "修订", *SIGNERS)
    assert result.exit_code == 2
    assert "say either --minor (V1.0 -> V1.1) or --major (V1.3 -> V2.0)" in result.stderr
    assert "internal error" not in result.stderr
    assert "Traceback" not in result.output
    assert (demo / DOC).read_bytes() == before


def test_minor_and_major_together_are_refused(runner, demo, in_folder):
    in_folder(demo)
    before = (demo / DOC).read_bytes()
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--major", "--change", "修订", *SIGNERS)
    assert result.exit_code == 2
    assert "--minor" in result.stderr and "--major" in result.stderr
    assert "Traceback" not in result.output
    assert (demo / DOC).read_bytes() == before


def test_an_empty_change_description_is_refused(runner, demo, in_folder):
    in_folder(demo)
    before = (demo / DOC).read_bytes()
    result = bump(runner, "DEMO-ITSS-0001", "--minor", "--change", "", *SIGNERS)
    assert result.exit_code == 2
    assert "change" in result.stderr
    assert "Traceback" not in result.output
    assert (demo / DOC).read_bytes() == before
