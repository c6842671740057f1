"""Draw the pictures of docs/styles/: what each house-style setting and revision layout
produces, as docgen's PDF shows it.

    python scripts/make_style_pictures.py        (or: make pictures)

It writes a small organization and one sample document per setting value into a
temporary project, builds them with `docgen build --pdf` (LibreOffice), and cuts each
picture out of a PDF page. Where a picture starts and ends is found from the text, not
from fixed coordinates: pdftotext -bbox-layout gives the lines holding the region's first
and last words, pdftoppm renders the page, and the crop is trimmed to what is printed
between them, so a change of template or font moves the crop with the text. Needs
LibreOffice, pdftotext and pdftoppm (poppler-utils).

docs/content-format.md shows the pictures beside the settings; tests/test_doc_pictures.py
checks that docs/styles/ holds the pictures this script draws, that the guide shows each,
and that every setting is captioned under one.
"""

from __future__ import annotations

import math
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PICTURES = REPO / "docs" / "styles"
DPI = 120
INK = 200  # a pixel darker than this is printed; lighter is paper or anti-aliasing haze
INK_AT = re.compile(b"[\\x00-" + re.escape(bytes([INK - 1])) + b"]")
PADDING = 10  # white pixels around what is printed
REACH = 16.0  # points: how far a region may reach past its first and last line (table rules)
XHTML = "{http://www.w3.org/1999/xhtml}"

ORG = {
    "name": "示例科技有限公司",
    "prefix": "DEMO",
    "departments": [{"name": "运维部", "units": ["服务台"]}, {"name": "质量部"}],
    "roles": ["总经理", "管理者代表"],
    "people": [{"name": "张三", "department": "质量部", "signs": ["author"]},
               {"name": "李四", "signs": ["reviewer"]},
               {"name": "王五", "signs": ["approver"]}],
}
FIRST_RELEASE = {"version": "V1.0", "author": "张三", "date": "2025-01-07", "reviewer": "李四",
                 "review_date": "2025-01-08", "approver": "王五",
                 "approve_date": "2025-01-09", "change": "首次发布"}
SECOND_RELEASE = {"version": "V1.1", "author": "张三", "date": "2025-03-02", "reviewer": "李四",
                  "review_date": "2025-03-05", "approver": "王五",
                  "approve_date": "2025-03-06", "change": "修订职责"}

# Four heading levels, and articles that run on through the chapters (第三条 in 第二章).
HEADINGS = [
    {"title": "总则", "sections": [
        {"title": "目的", "body": ["为了规范运维服务，制定本制度。"]},
        {"title": "适用范围", "body": ["本制度适用于运维部和质量部。"]}]},
    {"title": "职责", "sections": [
        {"title": "质量部", "sections": [
            {"title": "内部审核", "sections": [
                {"title": "审核计划", "body": ["质量部每年制订内部审核计划。"]}]}]},
        {"title": "运维部", "body": ["运维部负责日常运行维护。"]}]},
]
# Two chapters and two tables, so chapter and document numbering differ (表2-1, 表2).
CAPTIONS = [
    {"title": "职责", "body": [
        "各部门的职责如下表。",
        {"table": {"caption": "部门职责表", "header": [["部门", "职责"]],
                   "rows": [["运维部", "运行维护和事件处理"], ["质量部", "内部审核和质量检查"]]}}]},
    {"title": "人员", "body": [
        {"table": {"caption": "岗位配置表", "header": [["岗位", "人数"]],
                   "rows": [["运维工程师", "3"], ["质量专员", "1"]]}},
        "各岗位人员按上表配置。"]},
]
LIST_ITEMS = ["制订年度运维服务计划；", "按计划组织实施并检查。"]
BULLET_ITEMS = ["服务台受理用户请求；", "运维部处理事件和问题。"]
# Consecutive KPIs of one category share one merged 指标域 cell.
KPIS = {
    "availability": {"name": "系统可用率", "formula": "系统正常运行时间/总时间×100%",
                     "target": "≥99.9%", "period": "月度", "owner": "运维部",
                     "category": "服务质量"},
    "response_rate": {"name": "事件及时响应率", "formula": "及时响应的事件数/事件总数×100%",
                      "target": "≥95%", "period": "月度", "owner": "服务台",
                      "category": "服务质量"},
    "satisfaction": {"name": "客户满意度", "formula": "满意度调查得分的平均值",
                     "target": "≥90分", "period": "季度", "owner": "质量部",
                     "category": "客户"},
    "training_rate": {"name": "培训计划完成率", "formula": "完成培训次数/计划培训次数×100%",
                      "target": "100%", "period": "年度", "owner": "质量部",
                      "category": "人员能力"},
    "certified_rate": {"name": "持证上岗率", "formula": "持证人数/在岗人数×100%",
                       "target": "≥90%", "period": "年度", "owner": "质量部",
                       "category": "人员能力"},
}
KPI_COLUMNS = ["number", "category", "name", {"formula": "计算公式"}, "target", "period", "owner"]
KPI_SECTIONS = [{"title": "考核指标", "body": [
    {"kpi_table": list(KPIS), "caption": "运维服务管理指标体系"},
    "指标每季度统计一次。"]}]


@dataclass(frozen=True)
class Region:
    """A part of a sample document's PDF: from the line holding `first` down to the line
    holding `last`, or down to just above the line holding `before`."""

    first: str
    last: str | None = None
    before: str | None = None


@dataclass(frozen=True)
class Sample:
    """One sample document, and the region of its PDF a picture shows."""

    settings: dict
    sections: list
    region: Region
    revisions: list = field(default_factory=lambda: [FIRST_RELEASE])
    kpis: dict = field(default_factory=dict)


def headings(scheme: str) -> Sample:
    """Return the sample of a heading scheme: its four levels on the first body page."""
    return Sample({"style": {"headings": scheme}}, HEADINGS,
                  Region("总则", last="运维部负责日常运行维护"))


def captions(numbering: str, position: str) -> Sample:
    """Return the sample of a caption style: two chapters with a table each."""
    return Sample({"style": {"captions": {"numbering": numbering, "position": position}}},
                  CAPTIONS, Region("职责", last="各岗位人员按上表配置"))


def numbered_list(label: str) -> Sample:
    """Return the sample of a numbered-list label: a list of two items."""
    return Sample({"style": {"numbered_lists": label}},
                  [{"title": "要求", "body": [{"numbered": LIST_ITEMS}]}],
                  Region(LIST_ITEMS[0], last=LIST_ITEMS[-1]))


def bulleted_list(bullet: str) -> Sample:
    """Return the sample of a bullet: a bulleted list of two items."""
    return Sample({"style": {"bullets": bullet}},
                  [{"title": "要求", "body": [{"bullets": BULLET_ITEMS}]}],
                  Region(BULLET_ITEMS[0], last=BULLET_ITEMS[-1]))


def dates(example: str) -> Sample:
    """Return the sample of a date format: the cover's first signoff line, 编制人 and
    编制时间 (its date wrapped onto a second line where the cell is too narrow)."""
    return Sample({"style": {"dates": example}}, HEADINGS[:1], Region("编制人", before="审核人"))


def revisions(template: str, title: str) -> Sample:
    """Return the sample of a revision layout: its table, with two revision rows."""
    return Sample({"template": template}, HEADINGS[:1],
                  Region(title, last=SECOND_RELEASE["change"]),
                  revisions=[FIRST_RELEASE, SECOND_RELEASE])


# Each picture, and the samples it shows (several are stacked, ruled apart).
PICTURES_MADE: dict[str, list[Sample]] = {
    "headings-1dot": [headings("1.")],
    "headings-1": [headings("1")],
    "headings-mixed": [headings("1. / 1.1")],
    "headings-gbt9704": [headings("gbt9704")],
    "headings-chapters": [headings("chapters")],
    "lists-numbered": [numbered_list(label)
                       for label in ("1.", "1、", "(1)", "（1）", "1)", "①", "a.")],
    "lists-bullets": [bulleted_list(bullet) for bullet in ("•", "➤", "■", "-")],
    "captions-chapter-above": [captions("chapter", "above")],
    "captions-document-below": [captions("document", "below")],
    "captions-none": [captions("none", "above")],
    "dates": [dates(example) for example in ("2025.01.07", "2025.1.7", "2025. 1. 7",
                                             "2025年1月7日", "2025-01-07", "2025/1/7")],
    "revisions-8col": [revisions("controlled-document", "文件编制和变更履历")],
    "revisions-4col": [revisions("controlled-document-4col", "修订记录")],
    "revisions-6col": [revisions("controlled-document-6col", "修订记录")],
    "kpi-columns": [Sample({"style": {"kpi_columns": KPI_COLUMNS}}, KPI_SECTIONS,
                           Region("运维服务管理指标体系", before="指标每季度统计一次"),
                           kpis=KPIS)],
}


# --- The sample project ------------------------------------------------------------------


def write_project(root: Path) -> dict[str, list[str]]:
    """Write the organization and one document per sample under `root`; return each
    picture's document numbers."""
    folder = root / "content" / "demo"
    folder.mkdir(parents=True)
    dump(folder / "org.yaml", ORG)
    shutil.copytree(REPO / "templates" / "docx", root / "templates" / "docx")
    numbers: dict[str, list[str]] = {}
    count = 0
    for picture, samples in PICTURES_MADE.items():
        for sample in samples:
            count += 1
            number = f"DEMO-ITSS-{count:04d}"
            dump(folder / f"{number}.yaml", {
                "number": number, "title": f"样式示例{count}", "kind": "制度",
                "department": "质量部", **sample.settings, "revisions": sample.revisions,
                **({"kpis": sample.kpis} if sample.kpis else {}),
                "sections": sample.sections})
            numbers.setdefault(picture, []).append(number)
    return numbers


def dump(path: Path, value: dict) -> None:
    """Write `value` to `path` as YAML, in its order and with its Chinese as written."""
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def build(root: Path) -> None:
    """Build the sample project's documents and their PDFs, as `docgen build --pdf` does."""
    subprocess.run([sys.executable, "-m", "docgen", "build", "--pdf", "--quiet", "--lang", "en",
                    "--content", str(root / "content"), "--templates",
                    str(root / "templates" / "docx"), "--output", str(root / "output")],
                   cwd=root, check=True)


# --- Finding a region on its page ----------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A line of text on a PDF page, in points from the page's top left corner."""

    text: str
    top: float
    bottom: float


def pages(pdf: Path) -> list[list[Line]]:
    """Return the lines of each page of `pdf`, top to bottom, their text without spaces."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                            capture_output=True).stdout
    found = []
    for page in ET.fromstring(layout).iter(f"{XHTML}page"):
        lines = [Line("".join(word.text or "" for word in line.iter(f"{XHTML}word")),
                      float(line.get("yMin")), float(line.get("yMax")))
                 for line in page.iter(f"{XHTML}line")]
        found.append(sorted(lines, key=lambda line: line.top))
    return found


def locate(pdf: Path, region: Region) -> tuple[int, float, float]:
    """Return the page (from 1) holding `region` and how far down it the region starts and
    ends, in points: from above its first line to below its last one (where a table's rules
    are), never reaching into the lines before and after it."""
    marker = region.last or region.before
    assert marker, f"{region} has no end"
    for number, lines in enumerate(pages(pdf), start=1):
        ends = [line for line in lines if squeezed(marker) in line.text]
        if not ends:
            continue
        firsts = [line for line in lines if squeezed(region.first) in line.text
                  and line.top <= ends[0].top]
        if not firsts:
            raise SystemExit(f"{pdf.name}: {region.first!r} is not above {marker!r}")
        top = reach_up(lines, min(line.top for line in beside(lines, firsts[0])))
        if region.before:
            return number, top, ends[0].top
        bottom = max(line.bottom for line in beside(lines, ends[0]))
        return number, top, reach_down(lines, bottom)
    raise SystemExit(f"{pdf.name}: no page holds {marker!r}")


def beside(lines: list[Line], line: Line) -> list[Line]:
    """Return the lines of `lines` level with `line`: the other cells of its table row."""
    return [other for other in lines if other.bottom > line.top and other.top < line.bottom]


def reach_up(lines: list[Line], top: float) -> float:
    """Return how far above `top` a region may start: halfway to the line above, at most
    REACH points."""
    above = [line.bottom for line in lines if line.bottom <= top]
    return max((max(above) + top) / 2 if above else 0.0, top - REACH)


def reach_down(lines: list[Line], bottom: float) -> float:
    """Return how far below `bottom` a region may end: halfway to the line below, at most
    REACH points."""
    below = [line.top for line in lines if line.top >= bottom]
    return min((min(below) + bottom) / 2 if below else math.inf, bottom + REACH)


def squeezed(text: str) -> str:
    """Return `text` without spaces, as it is compared with a line of the PDF."""
    return re.sub(r"\s+", "", text)


# --- Pictures ------------------------------------------------------------------------------


@dataclass
class Picture:
    """A grayscale picture: `rows` of `width` bytes, 0 black to 255 white."""

    width: int
    rows: list[bytes]

    def cut(self, left: int, top: int, right: int, bottom: int) -> Picture:
        """Return the part of this picture from (left, top) up to (right, bottom)."""
        return Picture(right - left, [row[left:right] for row in self.rows[top:bottom]])

    def printed(self) -> Picture:
        """Return the part of this picture that holds everything printed in it."""
        marked = [(index, first.start(), len(row) - INK_AT.search(row[::-1]).end())
                  for index, row in enumerate(self.rows) if (first := INK_AT.search(row))]
        if not marked:
            raise SystemExit("nothing is printed in the region")
        return self.cut(min(left for _i, left, _r in marked), marked[0][0],
                        max(right for _i, _l, right in marked) + 1, marked[-1][0] + 1)

    def padded(self, width: int, padding: int = PADDING) -> Picture:
        """Return this picture widened with white to `width`, then `padding` of white all
        round it."""
        blank = b"\xff" * (width + 2 * padding)
        rows = [b"\xff" * padding + row + b"\xff" * (width - self.width + padding)
                for row in self.rows]
        return Picture(width + 2 * padding, [blank] * padding + rows + [blank] * padding)


def render(pdf: Path, page: int, top: float, bottom: float, folder: Path) -> Picture:
    """Return what is printed on `page` of `pdf` between `top` and `bottom` (points)."""
    stem = folder / "page"
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    data = (folder / "page.pgm").read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header, "pdftoppm -gray wrote no 8-bit PGM"
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end():]
    rows = [pixels[y * width:(y + 1) * width] for y in range(height)]
    scale = DPI / 72
    return Picture(width, rows).cut(0, math.floor(top * scale), width,
                                    math.ceil(bottom * scale)).printed()


def stacked(parts: list[Picture]) -> Picture:
    """Return `parts` one under another, on one width, a thin rule between them."""
    width = max(part.width for part in parts)
    rows: list[bytes] = []
    for index, part in enumerate(parts):
        if index:
            gap = [b"\xff" * (width + 2 * PADDING)] * PADDING
            rows += gap + [b"\xff" * PADDING + b"\xc0" * width + b"\xff" * PADDING] + gap
        rows += part.padded(width).rows
    return Picture(width + 2 * PADDING, rows)


def write_png(picture: Picture, path: Path) -> None:
    """Write `picture` to `path` as an 8-bit grayscale PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    # Filter type 0 (none) on every row: text on white compresses well without one.
    raw = b"".join(b"\x00" + row for row in picture.rows)
    header = struct.pack(">IIBBBBB", picture.width, len(picture.rows), 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main() -> None:
    """Build the samples and write every picture into docs/styles/."""
    for program in ("pdftotext", "pdftoppm"):
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is not installed (poppler-utils)")
    PICTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="docgen-pictures-") as temporary:
        root = Path(temporary)
        numbers = write_project(root)
        build(root)
        for picture, samples in PICTURES_MADE.items():
            parts = []
            for sample, number in zip(samples, numbers[picture], strict=True):
                [pdf] = (root / "output" / "demo").glob(f"{number} *.pdf")
                page, top, bottom = locate(pdf, sample.region)
                parts.append(render(pdf, page, top, bottom, root))
            path = PICTURES / f"{picture}.png"
            write_png(stacked(parts), path)
            print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
