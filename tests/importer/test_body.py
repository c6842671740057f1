"""import_body: a Word body as docgen sections, read back into docgen.

The bundled documents, built by docgen, come back as the content they were built from:
the same headings, paragraphs, lists and tables, merges and totals included. Untidy
files made inline show the rest: typed numbers, empty spacing paragraphs, manual line
breaks, restarted lists, hand-merged cells, captions above and below, text docgen
would read as a template.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from docgen.content.model import Heading, ListBlock, Paragraph, TableBlock
from docgen.importer.body import import_body
from docgen.importer.model import Origin, WordParagraph
from docgen.importer.wordfile import read_word_file
from docgen.pipeline import load_document_set
from tests.importer.making import Bold, T, body_of, guessed, heading, p
from tests.support.trees import ORG_YAML, REPO

BUNDLED = ["YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600", "XLSJ-ZD-001"]


def body_start(blocks: list) -> int:
    """Where the numbered body starts: the first heading that is no TOC entry."""
    return next(index for index, block in enumerate(blocks) if isinstance(block, WordParagraph)
                and block.outline_level and not block.toc_entry)


def comparable(block) -> tuple:
    """A resolved block as what a reader of the printed document sees."""
    if isinstance(block, Heading):
        return ("heading", block.level, block.title)
    if isinstance(block, Paragraph):
        return ("paragraph", block.text)
    if isinstance(block, ListBlock):
        return ("list", block.ordered, block.format,
                [(item.text, item.number) for item in block.items])
    assert isinstance(block, TableBlock)
    return ("table", block.caption, block.header_rows, block.column_count,
            [[(cell.row, cell.column, cell.rows, cell.cols, cell.text) for cell in row]
             for row in block.rows],
            sorted(block.total_rows), [(total.column, total.scope) for total in block.totals])


@pytest.fixture(scope="module")
def reimported(yntd_built, tmp_path_factory) -> Path:
    """The bundled content with each document's sections replaced by those imported from
    its built .docx."""
    root = tmp_path_factory.mktemp("reimported")
    shutil.copytree(REPO / "content", root / "content")
    for number in BUNDLED:
        docx = yntd_built[number]
        word = read_word_file(docx.read_bytes(), docx)
        body = import_body(word, body_start(word.blocks))
        source = next((root / "content").glob(f"*/{number}.yaml"))
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["sections"] = body.sections
        source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    return root / "content"


@pytest.mark.parametrize("number", BUNDLED)
def test_a_built_document_comes_back_as_the_content_it_was_built_from(number, reimported,
                                                                      yntd_set):
    original = next(d for d in yntd_set.documents if d.number == number)
    imported = next(d for d in load_document_set(reimported).documents if d.number == number)
    assert [comparable(block) for block in imported.blocks] == \
        [comparable(block) for block in original.blocks]


def test_the_house_style_of_a_built_document_is_the_one_it_was_built_in(yntd_built):
    docx = yntd_built["XLSJ-ZD-001"]
    word = read_word_file(docx.read_bytes(), docx)
    style = import_body(word, body_start(word.blocks)).style
    assert style == {"headings": "chapters", "numbered_lists": "（1）", "bullets": "■",
                     "captions": {"numbering": "none", "position": "above"}}


def test_every_section_block_item_and_row_has_its_origin(yntd_built):
    docx = yntd_built["YNTD-ITSS-0303"]
    word = read_word_file(docx.read_bytes(), docx)
    body = import_body(word, body_start(word.blocks))

    def paths(value, path=()):
        if isinstance(value, dict):
            if "title" in value or "table" in value or "numbered" in value \
                    or "bullets" in value or "p" in value:
                yield path
            for key, inner in value.items():
                if key in ("sections", "body", "numbered", "bullets", "table", "rows",
                           "header"):
                    yield from paths(inner, (*path, key))
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                if path and path[-1] in ("numbered", "bullets", "rows", "header", "body",
                                         "sections"):
                    yield (*path, index)
                yield from paths(inner, (*path, index))

    expected = set(paths({"sections": body.sections}))
    assert expected <= set(body.origins)
    assert body.origins[("sections", 3, "sections", 0, "sections", 0, "body", 2,
                         "table", "rows", 0)] == Origin(table=2, row=1,
                                                        section="4.1.1. 人才招聘计划",
                                                        words="技术岗 运维部 会议电视")


def test_empty_spacing_paragraphs_are_dropped_and_part_no_list():
    body = body_of(heading("1 要求"), "", "　　为规范管理，特制定本办法。", "  ", "1、日常巡检；", "",
                   "2、故障处理。", "\u3000")
    assert body.sections[0]["body"] == ["为规范管理，特制定本办法。",
                                        {"numbered": ["日常巡检；", "故障处理。"]}]


def test_manual_line_breaks_join_a_wrapped_sentence_and_part_items_and_lines():
    body = body_of(
        heading("1 说明"),
        "质量部负责监督检查各部门的执行情况，\n每季度至少检查一次。",
        "服务台受理用户通过电话、邮件和运维平台提交的全部服务请求\n并在30分钟内响应。",
        "联系人：张三\n电话：0871-12345678",
        "主要工作如下：\n1、日常巡检；\n2、故障处理。",
        "Windows Server\n2019 and Linux")
    assert body.sections[0]["body"] == [
        "质量部负责监督检查各部门的执行情况，每季度至少检查一次。",
        "服务台受理用户通过电话、邮件和运维平台提交的全部服务请求并在30分钟内响应。",
        "联系人：张三", "电话：0871-12345678",
        "主要工作如下：", {"numbered": ["日常巡检；", "故障处理。"]},
        "Windows Server", "2019 and Linux"]


def test_bold_words_are_marked_and_template_marks_and_asterisks_print_as_written():
    body = body_of(heading("1 说明"),
                   p("招聘费用预计", Bold("10000元"), "，由", Bold("人力部"), "承担。"),
                   p("注意：变更须经审批。", bold=True),
                   "公式为实际人数/计划人数*100%，**号照印。",
                   "模板写法{{ kpi.sla.target }}与{% if %}照印。")
    assert body.sections[0]["body"] == [
        "招聘费用预计**10000元**，由**人力部**承担。",
        "**注意：变更须经审批。**",
        r"公式为实际人数/计划人数*100%，\*\*号照印。",
        "{% raw %}模板写法{{ kpi.sla.target }}与{% if %}照印。{% endraw %}"]


def test_imported_prose_prints_what_the_original_printed(tmp_path):
    body = body_of(heading("1 说明"), "公式为实际人数/计划人数*100%，**号照印。",
                   "模板写法{{ kpi.sla.target }}与{% if %}照印。",
                   p("由", Bold("人力部"), "承担。"))
    folder = tmp_path / "content" / "demo"
    folder.mkdir(parents=True)
    (folder / "org.yaml").write_text(ORG_YAML, encoding="utf-8")
    document = {"number": "DEMO-ITSS-0009", "title": "导入的计划", "kind": "计划",
                "revisions": [{"version": "V1.0", "author": "张三", "date": "2025-01-07",
                               "reviewer": "李四", "review_date": "2025-01-08",
                               "approver": "王五", "approve_date": "2025-01-09",
                               "change": "首次发布"}],
                "sections": body.sections}
    (folder / "DEMO-ITSS-0009.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from docgen.wordml.emphasis import segments

    (resolved,) = load_document_set(tmp_path / "content").documents
    printed = [segments(block.text) for block in resolved.blocks
               if isinstance(block, Paragraph)]
    assert printed == [[("公式为实际人数/计划人数*100%，**号照印。", False)],
                       [("模板写法{{ kpi.sla.target }}与{% if %}照印。", False)],
                       [("由", False), ("人力部", True), ("承担。", False)]]


def test_restarted_skipped_and_repeated_typed_numbers_stay_visible():
    body = body_of(heading("1 措施"), "甲项措施：", "1.加强培训；", "2.完善制度；", "4.定期检查。",
                   "乙项措施：", "3.明确职责；", "4.落实考核。",
                   "丙项措施：", "（1）建立台账；", "（1）定期盘点。")
    assert body.sections[0]["body"] == [
        "甲项措施：", {"numbered": ["加强培训；", "完善制度；", {"text": "定期检查。", "number": 4}]},
        "乙项措施：", {"numbered": [{"text": "明确职责；", "number": 3}, "落实考核。"]},
        "丙项措施：", {"numbered": ["建立台账；", {"text": "定期盘点。", "number": 1}],
                   "format": "（1）"}]


def test_typed_bullets_of_each_kind_become_lists_in_their_glyph():
    body = body_of(heading("1 原则"), "• 战略对齐", "● 价值导向", "➢ 资源规划", "Ø 技术前瞻",
                   "■ 过程闭环", "- 合规可控", "★ 持续改进")
    assert body.sections[0]["body"] == [
        {"bullets": ["战略对齐", "价值导向"]}, {"bullets": ["资源规划", "技术前瞻"], "format": "➤"},
        {"bullets": ["过程闭环"], "format": "■"}, {"bullets": ["合规可控"], "format": "-"},
        {"bullets": ["持续改进"]}]
    assert guessed(body)[("sections", 0, "body", 4)] == ["import.body.bullet"]


def test_text_before_the_first_heading_is_kept_in_an_untitled_section_and_guessed():
    body = body_of("本办法由质量部编制。", heading("1 总则"), "甲。")
    assert body.sections == [{"title": "", "body": ["本办法由质量部编制。"]},
                             {"title": "总则", "body": ["甲。"]}]
    assert guessed(body)[("sections", 0, "title")] == ["import.body.text-before-headings"]


def test_a_caption_above_is_the_tables_and_not_a_paragraph():
    body = body_of(heading("3 资源"), p("表3-1 人员配置表", center=True),
                   T([["岗位", "人数"], ["工程师", "2"]], bold_first_row=True),
                   "注：以上人员均需持证上岗。")
    (table, note) = body.sections[0]["body"]
    assert table == {"table": {"caption": "人员配置表", "header": [["岗位", "人数"]],
                               "rows": [["工程师", "2"]]}}
    assert note == "注：以上人员均需持证上岗。"
    assert body.style["captions"] == {"numbering": "chapter", "position": "above"}
