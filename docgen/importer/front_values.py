"""The values a cover and a revision table hold, as people type them: labels with spaces
inside (编  制, 编　制), dates in any of the usual forms, versions as V1.0, 1.0, 第2版 or
A/1, document numbers, company names."""

from __future__ import annotations

import datetime as dt
import re

# Whitespace people put inside labels and around values: spaces, tabs, 全角空格, NBSP.
_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_DATE = re.compile(r"(?<!\d)(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?!\d)")
_COMPACT_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)")
_VERSION_NUMBER = re.compile(r"^[Vv]\s*(\d{1,3})(?:\s*\.\s*(\d{1,3}))?(?:\.\d+)*$"
                             r"|^(\d{1,3})\.(\d{1,3})(?:\.\d+)*$")
_EDITION = re.compile(r"^第\s*(\d{1,3}|[一二三四五六七八九十]+)\s*版$")
_LETTER_REVISION = re.compile(r"^([A-Za-z])\s*(?:[/.\-]?\s*(\d{1,2}))?\s*版?$")
_CHINESE_DIGITS = "一二三四五六七八九十"
# A document number: letters, then letters or digits in parts joined by - / _ . and at
# least one digit: YNTD-ITSS-0303, XLSJ-ZD-001, ABC/QM-01-2024, Q/XX 001-2024.
NUMBER = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:\s?[-/_.－—]\s?[A-Z0-9]+)+(?![A-Za-z0-9])")
COMPANY_ENDINGS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "研究院", "研究所",
                   "设计院", "中心", "事务所", "委员会", "管理局", "医院", "大学", "学院")
# Words an issuer line adds after the company's name: 昆明星岚数据服务有限公司　发布.
_ISSUED = re.compile(r"[\s\u3000]*(发布|印发|颁布|制定|编制|发)$")


def compact(text: str) -> str:
    """Return `text` without any whitespace (编  制 -> 编制)."""
    return _SPACE.sub("", text)


def tidy(text: str) -> str:
    """Return `text` with its runs of whitespace made one space, stripped."""
    return _SPACE.sub(" ", text).strip()


def find_date(text: str) -> dt.date | None:
    """Return the first calendar date written in `text` (2025.01.07, 2025.1.7, 2025年1月7日,
    2025-01-07, 2025/1/7, 20250107), or None."""
    for pattern in (_DATE, _COMPACT_DATE):
        for match in pattern.finditer(text):
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                continue
    return None


def without_date(text: str) -> str:
    """Return `text` with the dates written in it taken out."""
    return tidy(_COMPACT_DATE.sub(" ", _DATE.sub(" ", text)))


def normal_version(written: str) -> tuple[str, bool] | None:
    """Return the version `written` in docgen's form (V1.0) and whether that is a guess,
    or None when it is no version: V1.0 and 1.0 are sure; V1, 第2版, A/1, A and 0 guessed."""
    text = compact(written).strip("()（）【】[]")
    text = re.sub(r"^(版本号?|版次)[:：]?", "", text)
    match = _VERSION_NUMBER.match(text)
    if match:
        major = match.group(1) or match.group(3)
        minor = match.group(2) if match.group(1) else match.group(4)
        exact = re.fullmatch(r"[Vv]?\d{1,3}\.\d{1,3}", text) is not None
        return f"V{int(major)}.{int(minor or 0)}", not exact
    match = _EDITION.match(text)
    if match:
        edition = match.group(1)
        number = int(edition) if edition.isdigit() else _chinese_number(edition)
        return (f"V{number}.0", True) if number else None
    match = _LETTER_REVISION.match(text)
    if match:
        # A/0 is the first edition (A) at revision 0; B/1 the second, revised once.
        return f"V{ord(match.group(1).upper()) - ord('A') + 1}.{int(match.group(2) or 0)}", True
    if re.fullmatch(r"\d{1,2}", text):
        # A bare revision counter: 0 is the first release.
        return f"V{max(int(text), 1)}.0", True
    return None


def _chinese_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CHINESE_DIGITS.index(text[1]) + 1
    if len(text) == 1:
        return _CHINESE_DIGITS.index(text) + 1
    if text.endswith("十"):
        return (_CHINESE_DIGITS.index(text[0]) + 1) * 10
    return 0


def find_number(text: str) -> str | None:
    """Return the document number written in `text`, or None."""
    for match in NUMBER.finditer(text.upper() if text.isascii() else text):
        found = re.sub(r"\s", "", match.group()).replace("－", "-").replace("—", "-")
        if any(char.isdigit() for char in found) and not re.fullmatch(
                r"V?\d+(\.\d+)*", found) and not found.startswith(("GB", "ISO", "IEC")):
            return found
    return None


def company_in(text: str) -> str | None:
    """Return the company's name if `text` is one (an issuer line's 发布 left out)."""
    name = _ISSUED.sub("", tidy(text))
    if 4 <= len(name) <= 40 and name.endswith(COMPANY_ENDINGS) and not re.search(
            r"[，。；：:,;]", name) and not name.startswith(("本", "由")):
        return name
    return None
