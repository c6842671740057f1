"""The words of the domain, for every rule: numbers, counters, comparators, periods and
the parts and wholes of a ratio, as Chinese quality documents write them.

Rules read any company's documents, not only the ones they were written against, so
they match meanings here rather than the phrases of one document set: 不低于95%,
≥95 %, 95％以上 and 百分之九十五以上 are one target; 每月, 按月 and 月度 one period.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# --- numbers -------------------------------------------------------------------------

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]+"
NUMBER = rf"\d+(?:\.\d+)?|{CHINESE_NUMERAL}"


def chinese_number(text: str) -> int | None:
    """Return the value of a Chinese numeral of any size (五, 十二, 一百零五, 两万), or None."""
    if not text or any(ch not in _DIGITS and ch not in _SMALL_UNITS and ch not in _LARGE_UNITS
                       for ch in text):
        return None
    total = section = digit = 0
    seen_digit = False
    for ch in text:
        if ch in _DIGITS:
            digit, seen_digit = _DIGITS[ch], True
        elif ch in _SMALL_UNITS:
            # 十 alone is ten: 十二 is twelve, 二十 twenty.
            section += (digit if seen_digit else 1) * _SMALL_UNITS[ch]
            digit, seen_digit = 0, False
        else:
            total = (total + section + digit) * _LARGE_UNITS[ch]
            section = digit = 0
            seen_digit = False
    return total + section + digit


def number_value(text: str) -> Decimal | None:
    """Return the value of a number written in digits (full- or half-width) or in Chinese."""
    text = unicodedata.normalize("NFKC", text).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    value = chinese_number(text)
    return Decimal(value) if value is not None else None


# --- units and counters ----------------------------------------------------------------

# What a target counts in: percentages, scores, or things counted with a counter.
COUNTERS = ("人次", "次", "个", "项", "条", "件", "份", "场", "轮", "篇", "套", "台", "名", "位",
            "人", "家", "例", "起", "批")
TIME_UNITS = ("小时", "分钟", "工作日", "天", "日", "周", "月")
SCORE = "分"
PERCENT = "%"


def unit_kind(unit: str) -> str:
    """Return what a unit measures: 'percent', 'score', 'count', 'time' or '' (none)."""
    unit = unicodedata.normalize("NFKC", unit).strip()
    if unit in ("%", "百分比", "个百分点"):
        return "percent"
    if unit == SCORE:
        return "score"
    if unit in COUNTERS:
        return "count"
    if unit in TIME_UNITS:
        return "time"
    return ""


# --- comparators ---------------------------------------------------------------------

# Words before the number, longest first so 不得低于 wins over 低于.
_BEFORE = {
    "≥": ("大于或等于", "大于等于", "不得低于", "不应低于", "不得少于", "不应少于", "不低于",
          "不少于", "不小于", "至少", "最少", "达到", "达", ">=", "≥", "≧", "⩾"),
    "≤": ("小于或等于", "小于等于", "不得超过", "不应超过", "不得高于", "不得多于", "不超过",
          "不高于", "不多于", "不大于", "至多", "最多", "控制在", "<=", "≤", "≦", "⩽"),
    ">": ("高于", "超过", "大于", "多于", ">"),
    "<": ("低于", "少于", "小于", "<"),
    "=": ("=", "等于"),
}
# Words after the number: 95%以上, 1次以内.
_AFTER = {"≥": ("及以上", "以上", "或以上"), "≤": ("及以下", "以下", "以内", "之内")}
COMPARATOR_BEFORE = sorted(((word, sign) for sign, words in _BEFORE.items() for word in words),
                           key=lambda item: -len(item[0]))
_BEFORE_PATTERN = "|".join(re.escape(word) for word, _sign in COMPARATOR_BEFORE)
_AFTER_PATTERN = "|".join(re.escape(word) for words in _AFTER.values() for word in words)
_UNIT_PATTERN = "|".join(re.escape(u) for u in (*COUNTERS, *TIME_UNITS, SCORE, "%"))

# A stated target: comparator, number (digits, Chinese, 百分之…), unit, and a trailing
# comparator word; spaces anywhere (the text is normalized to half-width first).
TARGET = re.compile(
    rf"(?P<before>{_BEFORE_PATTERN})?\s*(?P<percent_words>百分之)?\s*(?P<number>{NUMBER})\s*"
    rf"(?P<unit>{_UNIT_PATTERN})?\s*(?P<after>{_AFTER_PATTERN})?")


@dataclass(frozen=True)
class Quantity:
    """A target as prose states it: comparator (None if unstated), value and unit."""

    comparator: str | None
    value: Decimal
    unit: str

    @property
    def kind(self) -> str:
        return unit_kind(self.unit)

    def __str__(self) -> str:
        value = format(self.value.normalize(), "f") if self.value == self.value.to_integral() \
            else format(self.value, "f")
        return f"{self.comparator or ''}{value}{self.unit}"

    def agrees(self, comparator: str | None, value: Decimal, unit: str) -> bool:
        """Return whether this quantity asks for the same as (comparator, value, unit).

        A comparator left unstated agrees with any ("目标值为95%" means at least 95%), and
        100% needs no comparator: nothing exceeds it.
        """
        if self.value != value or unit_kind(unit) != self.kind:
            return False
        if self.kind == "count" and unit and self.unit and \
                not ({unit, self.unit} <= {"次", "人次"} or unit == self.unit):
            return False
        if self.comparator is None or comparator is None:
            return True
        mine, theirs = self.comparator, comparator
        if self.kind == "percent" and value == 100:
            mine, theirs = mine.replace("≥", "="), theirs.replace("≥", "=")
        return mine == theirs


def quantity(match: re.Match[str]) -> Quantity | None:
    """Return the Quantity a TARGET match states, or None if it states no unit or value."""
    value = number_value(match.group("number"))
    unit = "%" if match.group("percent_words") else (match.group("unit") or "")
    if value is None or (not unit and not match.group("before")):
        return None
    comparator = None
    if match.group("before"):
        comparator = next(sign for word, sign in COMPARATOR_BEFORE
                          if word == match.group("before"))
    elif match.group("after"):
        comparator = next(sign for sign, words in _AFTER.items() if match.group("after") in words)
    return Quantity(comparator, value, unit)


# --- periods -------------------------------------------------------------------------

# The declared periods (月度, 季度 …) and the words that state them. Longest first.
PERIOD_WORDS = sorted((
    ("每周", "周度"), ("每星期", "周度"), ("周度", "周度"), ("按周", "周度"), ("每一周", "周度"),
    ("每月", "月度"), ("每个月", "月度"), ("按月", "月度"), ("逐月", "月度"), ("月度", "月度"),
    ("每一个月", "月度"), ("每季度", "季度"), ("每个季度", "季度"), ("每季", "季度"),
    ("按季度", "季度"), ("按季", "季度"), ("季度", "季度"), ("每一季度", "季度"),
    ("每半年", "半年"), ("半年度", "半年"), ("半年", "半年"), ("每半年度", "半年"),
    ("每年度", "年度"), ("每年", "年度"), ("每一年", "年度"), ("按年度", "年度"), ("按年", "年度"),
    ("年度", "年度"), ("一年中", "年度"), ("一年内", "年度"), ("一年里", "年度"), ("全年", "年度"),
    ("每个年度", "年度"),
), key=lambda item: -len(item[0]))
PERIOD = re.compile("|".join(re.escape(word) for word, _period in PERIOD_WORDS))
_PERIOD_OF = dict(PERIOD_WORDS)


def period_of(word: str) -> str:
    """Return the declared period (月度, 季度, 半年, 年度, 周度) a period word states."""
    return _PERIOD_OF[word]


# --- ratios: parts and wholes ----------------------------------------------------------

# A quantity qualified by one of these is the part of a ratio (the events resolved, the
# projects accepted) or its whole (all events, the projects that applied). Strong words
# decide; weak ones lean.
_PART_STRONG = ("实际", "已", "成功", "通过", "合格", "达标", "满意", "按时", "及时", "准时",
                "有效", "正确", "准确", "解决", "完好", "可用", "无误", "符合")
_PART_WEAK = ("完成", "响应", "回访", "参与", "参加", "覆盖", "关闭", "处理", "执行", "落实",
              "录入", "提交")
_WHOLE_STRONG = ("总数", "总量", "总次数", "总人数", "总和", "总计", "全部", "所有", "申请", "抽检",
                 "抽查", "抽样", "抽取", "调查", "发生", "受理", "送检", "接收", "收到", "报送")
_WHOLE_WEAK = ("总", "参评", "统计", "提出")
_WHOLE_PREFIX = re.compile(r"^(计划|应(?![急用答])|预计|拟|需|要求)")
_PART_PREFIX = re.compile(r"^(实际|实)")

# a/b, a÷b, a除以b, a占b的比例, a与b之比, a和b的比值.
_TIMES_100 = re.compile(r"[×xX*]\s*100\s*%?|乘以?\s*100\s*%?|\s*的?百分比$|\s*[（(]\s*%\s*[)）]$")
_RATIO_WORDS = re.compile(
    r"^(?P<a>.+?)(?:占|在)(?P<b>.+?)(?:中)?的?(?:比例|比重|百分比|比率|占比)$"
    r"|^(?P<c>.+?)(?:与|和|同)(?P<d>.+?)(?:之比|的比值|的比率|的比例|的比)$"
    r"|^(?P<e>.+?)除以(?P<f>.+)$")
_FORMULA_LEAD = re.compile(r"^(?:具体)?(?:计算方式|计算公式|计算方法|公式)?(?:为|是|：|:)*")
_FORMULA_TAIL = re.compile(r"(?:进行)?计算(?:得出|得到)?$|[。；;，,]$")


def ratio(formula: str) -> tuple[str, str] | None:
    """Return (numerator, denominator) of a formula written as a ratio in any common form,
    or None if it is not one: 实际人数/计划人数×100%, （合格数÷抽检数）×100%, 解决数占
    发生数的比例, 满意客户数与调查客户数之比."""
    text = unicodedata.normalize("NFKC", formula)
    text = re.sub(r"\s+", "", text)
    text = _TIMES_100.sub("", text)
    text = _FORMULA_LEAD.sub("", text)
    text = _FORMULA_TAIL.sub("", text)
    text = text.strip("()（）")
    for sign in ("/", "÷"):
        if text.count(sign) == 1:
            numerator, denominator = text.split(sign)
            return _side(numerator), _side(denominator)
        if text.count(sign) > 1:
            return None
    match = _RATIO_WORDS.match(text)
    if match is None:
        return None
    numerator = match.group("a") or match.group("c") or match.group("e")
    denominator = match.group("b") or match.group("d") or match.group("f")
    return _side(numerator), _side(denominator)


def _side(text: str) -> str:
    return text.strip("()（）[]【】 ")


def wholeness(quantity_name: str) -> int:
    """Return how much a quantity reads as the whole of a ratio (positive) rather than
    its part (negative): 计划招聘人数 2, 实际招聘人数 -4, 配置项数量 0."""
    text = quantity_name
    score = 0
    score += 2 * sum(word in text for word in _WHOLE_STRONG)
    score += sum(word in text for word in _WHOLE_WEAK if not any(
        word in strong for strong in _WHOLE_STRONG if strong in text))
    score -= 2 * sum(word in text for word in _PART_STRONG)
    score -= sum(word in text for word in _PART_WEAK)
    if _WHOLE_PREFIX.search(text):
        score += 3
    if _PART_PREFIX.search(text):
        score -= 1
    return score


def inverted(numerator: str, denominator: str) -> bool:
    """Return whether a ratio divides its whole by its part: the numerator reads clearly as
    the whole and the denominator as the part (申请验收项目数量/验收通过项目数量)."""
    top, bottom = wholeness(numerator), wholeness(denominator)
    return top - bottom >= 2 and (top > 0 or bottom < 0) and top > bottom


# --- names -----------------------------------------------------------------------------

RATE_NAME = re.compile(r"(率|比例|占比|百分比)$")
# Words that make a rate's name generic rather than a name: 具体完成率, 该合格率.
GENERIC_NAME = re.compile(r"^(具体|该|此|其|上述|以上|本|各|总体|整体|相应)")
COUNT_NAME = re.compile(r"(次数|数量|条数|个数|人数|件数|项数|场次|数)$")
