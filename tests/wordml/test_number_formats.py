"""Numbers written in Word's list formats, against a table of known values.

The Chinese forms are those Word shows: chineseCounting 一, 十, 一○○ and
chineseCountingThousand 一, 十, 一百 (Microsoft's MS-DOCX §2.4 lists these as each
format's sample), read out with 零 for missing places in the thousand form (ECMA-376
§17.18.59); the larger values are the ordinary written Chinese numerals.
"""

from __future__ import annotations

import pytest

from docgen.wordml.number_formats import format_number

KNOWN = {
    "chineseCounting": {
        1: "一", 2: "二", 9: "九", 10: "十", 11: "十一", 15: "十五", 19: "十九", 20: "二十",
        21: "二十一", 23: "二十三", 30: "三十", 99: "九十九", 100: "一○○", 101: "一○一",
        110: "一一○", 1000: "一○○○", 2025: "二○二五"},
    "chineseCountingThousand": {
        1: "一", 10: "十", 11: "十一", 19: "十九", 20: "二十", 99: "九十九", 100: "一百",
        101: "一百零一", 110: "一百一十", 111: "一百一十一", 200: "二百", 909: "九百零九",
        999: "九百九十九", 1000: "一千", 1001: "一千零一", 1010: "一千零一十",
        1020: "一千零二十", 1100: "一千一百", 1234: "一千二百三十四", 9999: "九千九百九十九",
        10000: "一万", 10001: "一万零一", 10010: "一万零一十", 10100: "一万零一百",
        11000: "一万一千", 12345: "一万二千三百四十五", 100000: "十万", 110000: "十一万",
        1000000: "一百万", 10000000: "一千万", 100000000: "一亿", 100000001: "一亿零一",
        100010000: "一亿零一万", 123456789: "一亿二千三百四十五万六千七百八十九"},
    "chineseLegalSimplified": {
        1: "壹", 2: "贰", 3: "叁", 4: "肆", 5: "伍", 6: "陆", 7: "柒", 8: "捌", 9: "玖",
        10: "壹拾", 11: "壹拾壹", 20: "贰拾", 101: "壹佰零壹", 1020: "壹仟零贰拾",
        10000: "壹万"},
    "ideographDigital": {1: "一", 10: "一〇", 100: "一〇〇"},
    "ideographTraditional": {1: "甲", 2: "乙", 10: "癸"},
    "ideographZodiac": {1: "子", 2: "丑", 12: "亥"},
    "decimalEnclosedCircle": {1: "①", 10: "⑩", 11: "⑪", 20: "⑳", 21: "21"},
    "decimalEnclosedParen": {1: "⑴", 20: "⒇"},
    "decimalEnclosedFullstop": {1: "⒈", 20: "⒛"},
    "ideographEnclosedCircle": {1: "㈠", 10: "㈩"},
    "decimal": {1: "1", 10: "10", 0: "0"},
    "decimalZero": {1: "01", 9: "09", 10: "10", 100: "100"},
    "decimalFullWidth": {1: "１", 12: "１２"},
    "lowerLetter": {1: "a", 26: "z", 27: "aa", 28: "bb", 52: "zz", 53: "aaa"},
    "upperLetter": {1: "A", 27: "AA"},
    "lowerRoman": {1: "i", 4: "iv", 9: "ix", 14: "xiv", 40: "xl", 90: "xc", 1994: "mcmxciv"},
    "upperRoman": {3: "III", 3999: "MMMCMXCIX"},
    "ordinal": {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th",
                21: "21st", 112: "112th"},
    "none": {1: "", 7: ""},
    "bullet": {1: ""},
}


@pytest.mark.parametrize(("number_format", "value", "shown"), [
    (number_format, value, shown) for number_format, table in KNOWN.items()
    for value, shown in table.items()])
def test_a_number_is_written_as_word_shows_it(number_format, value, shown):
    assert format_number(value, number_format) == shown


@pytest.mark.parametrize("number_format", ["chineseCounting", "chineseCountingThousand",
                                           "chineseLegalSimplified"])
def test_chinese_numerals_of_any_size_read_back_to_their_value(number_format):
    # Every numeral from 1 to 100 000 (and some beyond) parses back to the number it
    # was made from, with no place or 零 doubled or lost.
    for value in [*range(1, 100001), 10 ** 8, 10 ** 8 + 10 ** 4 + 1, 2 * 10 ** 8 + 3 * 10 ** 3]:
        assert _parse_chinese(format_number(value, number_format)) == value, value


def test_an_unknown_format_falls_back_to_decimal():
    assert format_number(12, "bahtText") == "12"


_DIGIT_VALUES = {char: index for index, char in enumerate("〇一二三四五六七八九")} | {
    char: index for index, char in enumerate("零壹贰叁肆伍陆柒捌玖")} | {"○": 0}
_PLACES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_GROUPS = {"万": 10 ** 4, "亿": 10 ** 8}


def _parse_chinese(text: str) -> int:
    """Return the value of a Chinese numeral, written by hand to check the formatter.

    Digit-by-digit numerals (一○○) have no place characters; read out numerals use
    十/百/千 within a group and 万/亿 between groups; 零 only marks a gap.
    """
    if not any(char in _PLACES or char in _GROUPS for char in text):
        return int("".join(str(_DIGIT_VALUES[char]) for char in text))
    total = section = digit = 0
    for char in text:
        if char in _PLACES:
            section += (digit or 1) * _PLACES[char]
            digit = 0
        elif char in _GROUPS:
            total = (total + section + digit) * _GROUPS[char] if _GROUPS[char] > total else \
                total + (section + digit) * _GROUPS[char]
            section = digit = 0
        else:
            digit = _DIGIT_VALUES[char]
    return total + section + digit
