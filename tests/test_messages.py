"""Messages as data: codes and parameters, rendered from the catalogue's whole sentences."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from docgen.messages import CATALOGUE, Message, define, render

SAMPLE = define("test.sample", "{name!q} is not one of: {known:、}",
                hint="name one of {count} people, e.g. {first}")
PLURAL = define("test.plural", "{count} problem in the content",
                plural="{count} problems in the content", count="count")
DATED = define("test.dated", "approved on {day}")


def test_a_message_renders_its_sentence_and_hint_from_the_catalogue():
    message = SAMPLE(name="王 五", known=["张三", "李四"], count=2, first="张三")
    assert render(message) == ("'王 五' is not one of: 张三、李四", "name one of 2 people, e.g. 张三")


def test_an_empty_value_shows_as_quoted_nothing():
    assert render(SAMPLE(name="", known=[], count=0, first=""))[0] == "'' is not one of: "


@pytest.mark.parametrize("count, text", [(1, "1 problem in the content"),
                                         (0, "0 problems in the content"),
                                         (3, "3 problems in the content")])
def test_the_count_chooses_the_plural_form(count, text):
    assert render(PLURAL(count=count)) == (text, "")


def test_dates_show_as_iso_dates_and_come_back_from_json_as_dates():
    message = DATED(day=dt.date(2025, 1, 7))
    again = Message.from_json(json.loads(json.dumps(message.as_json())))
    assert again == message
    assert isinstance(again.params["day"], dt.date)
    assert render(again)[0] == "approved on 2025-01-07"


def test_a_message_must_name_exactly_the_values_its_sentences_use():
    with pytest.raises(TypeError, match="missing \\['known'\\]"):
        SAMPLE(name="x", count=1, first="x")
    with pytest.raises(TypeError, match="unknown \\['extra'\\]"):
        DATED(day=dt.date(2025, 1, 7), extra=1)


def test_a_code_is_defined_once():
    with pytest.raises(ValueError, match="defined twice"):
        define("test.sample", "again")


def test_every_catalogue_entry_renders_with_the_values_it_names():
    import docgen.catalogue  # noqa: F401 - fills the catalogue

    class Anything:
        """A value that any placeholder can show, whatever its format spec."""

        def __format__(self, spec: str) -> str:
            return "x"

    for code, entry in CATALOGUE.items():
        values = {name: Anything() for name in entry.fields()}
        text, hint = render(Message(code, values))
        assert text, code


COUNTED = define("test.counted", "{count} error", plural="{count} errors", count="count")
SUMMARY = define("test.summary", "found {errors} in {where:、}")
PLACE = define("test.place", "§{number}")


def test_a_message_may_hold_messages_each_rendered_from_its_own_entry():
    message = SUMMARY(errors=COUNTED(count=2), where=[PLACE(number="1.2"), PLACE(number="3")])
    assert render(message) == ("found 2 errors in §1.2、§3", "")
    again = Message.from_json(json.loads(json.dumps(message.as_json())))
    assert again == message
    assert hash(again) == hash(message)
