"""Write a number the way Word's list numbering shows it in each w:numFmt.

Pure functions, no XML: the reader uses them to compute list labels, and any other
code (a house style writing 第一章, （一）, ①) can format numbers exactly as Word does.

Where Word's output is documented, the forms follow Microsoft's own description of
its format strings (MS-DOCX §2.4 "numFmt Extensions": chineseCounting counts 一, 十,
一○○; chineseCountingThousand 一, 十, 一百) and its implementation notes on ECMA-376
§17.18.59 (MS-OI29500); the rest follows ECMA-376 Part 1 §17.18.59 ST_NumberFormat.
"""

from __future__ import annotations

_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "十", "百", "千")
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")
_ZERO = "零"
# Word writes chineseCounting's zero as U+25CB WHITE CIRCLE (MS-DOCX §2.4: 一○○),
# ideographDigital's as U+3007 IDEOGRAPHIC NUMBER ZERO (一〇〇).
_COUNTING_ZERO = "○"
_IDEOGRAPH_ZERO = "〇"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
# ①..⑳, ⑴..⒇, ⒈..⒛ and ㈠..㈩ are runs of consecutive code points.
_ENCLOSED = {
    "decimalEnclosedCircle": (0x2460, 20),
    "decimalEnclosedCircleChinese": (0x2460, 20),
    "decimalEnclosedParen": (0x2474, 20),
    "decimalEnclosedFullstop": (0x2488, 20),
    "ideographEnclosedCircle": (0x3220, 10),
}
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# Word counts letters a..z, aa..zz, ... up to 780 (30 × 26), then starts again at a.
_LETTER_CYCLE = 780


def format_number(value: int, number_format: str) -> str:
    """Return `value` written in the w:numFmt `number_format`, as Word shows it.

    "none" and "bullet" show no number. A format this module does not know, and a value
    a format cannot show (0 or less in letters and Roman numerals), comes out in decimal,
    as Word falls back to decimal for formats it does not implement (MS-OI29500 on
    §17.18.59, bahtText).
    """
    if number_format in ("none", "bullet"):
        return ""
    if value <= 0 and number_format not in ("decimal", "decimalZero"):
        return str(value)
    writer = _WRITERS.get(number_format)
    return writer(value) if writer else str(value)


def chinese_counting(value: int) -> str:
    """Return `value` in chineseCounting: 一 … 十 十一 … 九十九, then digit by digit (一○○)."""
    if value < 100:
        return _tens_and_ones(value, _DIGITS, "十", leading_one=False)
    return "".join(_COUNTING_ZERO if digit == "0" else _DIGITS[int(digit)]
                   for digit in str(value))


def chinese_counting_thousand(value: int) -> str:
    """Return `value` in chineseCountingThousand: 十, 十一, 一百零一, 一千零二十, 一万 …"""
    return _with_units(value, _DIGITS, _UNITS, _GROUPS, leading_one=False)


def chinese_legal_simplified(value: int) -> str:
    """Return `value` in chineseLegalSimplified: 壹 贰 … 壹拾 壹拾壹 … 壹佰零壹."""
    return _with_units(value, _LEGAL_DIGITS, _LEGAL_UNITS, _GROUPS, leading_one=True)


def ideograph_digital(value: int) -> str:
    """Return `value` in ideographDigital: each digit written alone, 一〇〇 for 100."""
    return "".join(_IDEOGRAPH_ZERO if digit == "0" else _DIGITS[int(digit)]
                   for digit in str(value))


def roman(value: int) -> str:
    """Return `value` in upper-case Roman numerals (thousands as repeated M)."""
    parts = []
    for amount, symbol in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(symbol * count)
    return "".join(parts)


def letters(value: int) -> str:
    """Return `value` as lower-case letters: a … z, aa … zz, aaa …"""
    position = (value - 1) % _LETTER_CYCLE
    repeat, index = divmod(position, 26)
    return chr(ord("a") + index) * (repeat + 1)


def _tens_and_ones(value: int, digits: str, ten: str, *, leading_one: bool) -> str:
    tens, ones = divmod(value, 10)
    if not tens:
        return digits[ones]
    prefix = "" if tens == 1 and not leading_one else digits[tens]
    return prefix + ten + (digits[ones] if ones else "")


def _with_units(value: int, digits: str, units: tuple[str, ...], groups: tuple[str, ...],
                *, leading_one: bool) -> str:
    """Return `value` read out with 十/百/千 inside groups of four digits and 万/亿 between
    them; one 零 stands for each run of missing places (一百零一, 一万零一十)."""
    if value < 20 and not leading_one:
        return _tens_and_ones(value, digits, units[1], leading_one=False)
    parts: list[str] = []
    group_values = []
    while value:
        value, group = divmod(value, 10000)
        group_values.append(group)
    pending_zero = False
    for index in range(len(group_values) - 1, -1, -1):
        group = group_values[index]
        if not group:
            pending_zero = bool(parts)
            continue
        if parts and (pending_zero or group < 1000):
            parts.append(_ZERO)
        parts.append(_four_places(group, digits, units) + _group_name(index, groups))
        pending_zero = False
    text = "".join(parts)
    # Spoken Chinese drops the 一 of a leading 一十 (十万, 十一万), as it does for 十一.
    if not leading_one and text.startswith(digits[1] + units[1]):
        text = text[1:]
    return text


def _group_name(index: int, groups: tuple[str, ...]) -> str:
    # Beyond the named groups, 亿 repeats: 10^16 is 亿亿.
    if index < len(groups):
        return groups[index]
    return groups[index % 2] + "亿" * (index // 2)


def _four_places(group: int, digits: str, units: tuple[str, ...]) -> str:
    parts = []
    zero = False
    for place in range(3, -1, -1):
        digit = group // 10 ** place % 10
        if digit:
            if zero:
                parts.append(_ZERO)
                zero = False
            parts.append(digits[digit] + units[place])
        elif parts:
            zero = True
    return "".join(parts)


def _cycle(characters: str):
    def write(value: int) -> str:
        return characters[value - 1] if value <= len(characters) else str(value)
    return write


def _enclosed(first: int, count: int):
    # Beyond its last glyph Word shows the plain number (⑳ then 21).
    def write(value: int) -> str:
        return chr(first + value - 1) if value <= count else str(value)
    return write


def _ordinal(value: int) -> str:
    suffix = "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(
        value % 10, "th")
    return f"{value}{suffix}"


_WRITERS = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}" if 0 <= value < 10 else str(value),
    "decimalFullWidth": lambda value: "".join(chr(ord(d) + 0xFEE0) for d in str(value)),
    "decimalHalfWidth": str,
    "upperRoman": roman,
    "lowerRoman": lambda value: roman(value).lower(),
    "upperLetter": lambda value: letters(value).upper(),
    "lowerLetter": letters,
    "ordinal": _ordinal,
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting_thousand,
    "chineseLegalSimplified": chinese_legal_simplified,
    "ideographDigital": ideograph_digital,
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    **{name: _enclosed(first, count) for name, (first, count) in _ENCLOSED.items()},
}
