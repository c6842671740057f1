"""Reading YAML: every value stays the text its author wrote, and every node has a place."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.content.yaml_source import decode_utf8, parse_yaml, read_yaml_file
from docgen.errors import ContentError

FILE = Path("doc.yaml")


def parse(text: str):
    return parse_yaml(text, FILE)


def problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(ContentError) as raised:
        parse(text)
    return [(p.location.line, p.location.column, p.message) for p in raised.value.problems]


@pytest.mark.parametrize("written", ["1.10", "1.0", "NO", "no", "off", "yes", "On", "1:30",
                                     "0123", "2025-01-07", "0x1F", "1e3", ".inf", "true"])
def test_scalars_stay_the_text_the_author_wrote(written):
    assert parse(f"value: {written}\n").data == {"value": written}


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL"])
def test_empty_values_are_none(written):
    assert parse(f"value: {written}\n").data == {"value": None}


def test_quoted_empty_text_stays_text():
    assert parse("a: ''\nb: \"null\"\n").data == {"a": "", "b": "null"}


def test_positions_of_values_and_keys_are_one_based():
    source = parse("title: 计划\nsections:\n  - title: 目的\n    body: [甲, 乙]\n").source
    assert source.values[("title",)] == (1, 8)
    assert source.keys[("sections", 0, "title")] == (3, 5)
    assert source.values[("sections", 0, "body", 1)] == (4, 15)


def test_a_missing_path_is_located_at_its_nearest_ancestor():
    source = parse("sections:\n  - title: 目的\n").source
    assert (source.locate(("sections", 0, "body", 3)).line,
            source.locate(("sections", 0, "body", 3)).column) == (2, 5)


def test_duplicate_keys_name_both_lines():
    assert problems("title: 甲\nkind: 计划\ntitle: 乙\n") == [
        (3, 1, "duplicate key 'title' (first given on line 1)")]


def test_aliases_are_refused_where_they_are_used():
    assert problems("a: &x 甲\nb: *x\n") == [
        (2, 4, "YAML anchors and aliases (&name / *name) are not supported")]


def test_an_alias_bomb_is_refused_before_it_expands():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    found = problems("\n".join(lines) + "\n")
    assert found and all("aliases" in message for _line, _column, message in found)


def test_custom_tags_are_refused():
    assert problems("a: !!python/object/apply:os.system [ls]\n") == [
        (1, 4, "YAML tag '!!python/object/apply:os.system' is not allowed")]


def test_a_bom_and_crlf_line_ends_are_accepted():
    raw = "\ufefftitle: 计划\r\nkind: 制度\r\n".encode()
    parsed = parse_yaml(decode_utf8(raw, FILE), FILE)
    assert parsed.data == {"title": "计划", "kind": "制度"}
    assert parsed.source.values[("kind",)] == (2, 7)


def test_gbk_is_recognised_and_the_fix_is_explained(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_bytes("title: 运维服务能力管理计划\n".encode("gbk"))
    with pytest.raises(ContentError) as raised:
        read_yaml_file(path)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (1, 8)
    assert problem.message.startswith("the file is not UTF-8: it looks like GBK/GB18030")
    assert "iconv -f GB18030 -t UTF-8" in problem.hint


def test_invalid_utf8_names_its_line_and_column():
    with pytest.raises(ContentError) as raised:
        decode_utf8(b"title: ok\nkind: \xff\xfe\xfa\n", FILE)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column, problem.message) == (
        2, 7, "invalid UTF-8 byte 0xFF")


def test_utf16_is_refused_with_the_way_out():
    with pytest.raises(ContentError) as raised:
        decode_utf8("title: 计划\n".encode("utf-16"), FILE)
    assert raised.value.problems[0].hint == "save it again choosing the encoding 'UTF-8'"


@pytest.mark.parametrize("character, column", [("\x0b", 12), ("\x0c", 12), ("\x00", 12)])
def test_control_characters_pasted_from_word_are_refused_where_they_are(character, column):
    [(line, found_column, message)] = problems(f"kind: 计划\ntitle: 运维服务{character}计划\n")
    assert (line, found_column) == (2, column)
    assert message.startswith(f"illegal control character U+{ord(character):04X}")


def test_control_characters_written_as_escapes_are_refused_too():
    assert problems('title: "运维\\x0b计划"\n') == [
        (1, 8, "illegal control character U+000B (vertical tab (a manual line break pasted "
               "from Word)) in this value")]


def test_tabs_used_for_indentation_are_explained():
    [(line, _column, message)] = problems("sections:\n\t- title: 目的\n")
    assert line == 2
    assert message == "a tab character is used for indentation; YAML needs spaces"


def test_an_empty_file_is_explained():
    assert problems("# only a comment\n") == [(1, 1, "the file is empty")]


def test_two_documents_in_one_file_are_refused():
    [(_line, _column, message)] = problems("title: 甲\n---\ntitle: 乙\n")
    assert message == "the file holds more than one YAML document ('---')"


def test_a_carriage_return_is_a_line_break():
    assert parse('a: "甲\\r\\n乙\\r丙"\n').data == {"a": "甲\n乙\n丙"}
