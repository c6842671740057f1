"""Generate a synthetic organization for the benchmark: N documents shaped like
YNTD-ITSS-0303 (about 150 paragraphs counting headings and list items, 10 tables with
merged cells and totals, 30 KPIs cited in prose), citing each other, plus the same
content as Markdown for pandoc.

    python bench/synthetic.py FOLDER [N]

Everything is derived from the document's index, so the same N gives the same files.
"""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path

PREFIX = "SYN"
DEPARTMENTS = ["运维部", "质量部", "人力部", "研发部"]
PERIODS = ["月度", "季度", "半年", "年度"]
WORDS = [
    "运维服务", "能力管理", "质量保证", "过程改进", "事件管理", "问题管理",
    "变更管理", "发布管理", "配置管理", "服务级别", "客户满意度", "持续优化",
    "人员培训", "资源配置", "技术支撑", "应急响应", "知识库", "服务台",
    "备件管理", "信息安全", "容量规划", "可用性", "连续性", "监控告警",
    "自动化", "闭环管理", "考核指标", "年度计划", "专项整治", "风险评估",
]


def number(index: int) -> str:
    return f"{PREFIX}-ITSS-{index:04d}"


def title(index: int) -> str:
    return f"第{index}号运维服务管理计划"


def sentence(rng: random.Random, length: int = 4) -> str:
    return "，".join("".join(rng.sample(WORDS, 3)) for _ in range(length)) + "。"


def org_yaml() -> str:
    return textwrap.dedent("""\
        name: 合成测试科技有限公司
        prefix: SYN
        departments:
          - name: 运维部
            units: [服务台]
          - name: 质量部
          - name: 人力部
          - name: 研发部
        roles: [总经理, 管理者代表, 运维部经理]
        people:
          - {name: 张三, department: 质量部, signs: [author]}
          - {name: 李四, signs: [reviewer]}
          - {name: 王五, signs: [approver]}
        known_documents:
          - {title: 信息安全管理制度}
        """)


def kpi_name(shared: int) -> str:
    return f"共享指标{shared:02d}完成率"


def document(index: int, count: int) -> tuple[str, str]:
    """Return the YAML and the Markdown of document `index` of `count`."""
    rng = random.Random(index)
    other = (index % count) + 1
    yaml = [f"number: {number(index)}", f"title: {title(index)}", "kind: 计划",
            f"department: {DEPARTMENTS[index % 4]}",
            "revisions:",
            "  - {version: V1.0, author: 张三, date: 2025-01-07, reviewer: 李四, "
            "review_date: 2025-01-08, approver: 王五, approve_date: 2025-01-09, change: 首次发布}",
            "kpis:"]
    markdown = [f"# {title(index)} ({number(index)})", ""]
    kpis = []
    for k in range(30):
        shared = k % 20  # the same 20 KPIs recur across documents, with the same targets
        kpis.append(f"k{k}")
        unique = shared if k < 20 else f"{index}x{k}"
        name = kpi_name(shared) if k < 20 else f"第{index}号专项指标{k}完成率"
        yaml.append(f"  k{k}: {{name: {name}, "
                    f"formula: 实际完成数{unique}/计划完成数{unique}×100%, "
                    f"target: ≥{90 + shared % 10}%, period: {PERIODS[shared % 4]}}}")
    yaml.append("sections:")
    table_number = 0
    for chapter in range(1, 9):
        yaml += [f"  - title: 第{chapter}章 {rng.choice(WORDS)}", "    sections:"]
        markdown += [f"## {chapter}. 第{chapter}章", ""]
        for part in range(1, 4):
            yaml += [f"      - title: {rng.choice(WORDS)}{part}", "        body:"]
            markdown += [f"### {chapter}.{part}. {rng.choice(WORDS)}", ""]
            for _ in range(2):
                text = sentence(rng)
                yaml.append(f"          - {text}")
                markdown += [text, ""]
            kpi = kpis[(chapter * 3 + part) % 30]
            cited = (f"{{{{ kpi.{kpi}.name }}}}的目标值为{{{{ kpi.{kpi}.target }}}}，"
                     f"考核周期为{{{{ kpi.{kpi}.period }}}}，详见《{title(other)}》。")
            yaml.append(f'          - "{cited}"')
            markdown += [f"本节指标的目标值见《{title(other)}》。", ""]
            items = [sentence(rng, 2) for _ in range(2)]
            yaml.append("          - numbered:")
            yaml += [f"              - {item}" for item in items]
            markdown += [f"{n}. {item}" for n, item in enumerate(items, 1)] + [""]
            if table_number < 10 and part != 2:
                table_number += 1
                table_yaml, table_markdown = table(rng, table_number)
                yaml += table_yaml
                markdown += table_markdown
    yaml.append("  - title: KPI指标")
    yaml.append("    body:")
    yaml.append(f"      - kpi_table: [{', '.join(kpis)}]")
    return "\n".join(yaml) + "\n", "\n".join(markdown) + "\n"


def table(rng: random.Random, index: int) -> tuple[list[str], list[str]]:
    """Return a table with merged cells and a total row, as YAML and as Markdown."""
    rows = rng.randint(4, 8)
    yaml = ["          - table:", f"              id: t{index}",
            f"              caption: 表格{index}",
            "              header:", "                - [类别, 部门, 项目, 人数, 说明, 时间]",
            "              rows:"]
    markdown = ["| 类别 | 部门 | 项目 | 人数 | 说明 | 时间 |", "|---|---|---|---|---|---|"]
    total = 0
    for row in range(rows):
        people = rng.randint(1, 9)
        total += people
        project, note = rng.choice(WORDS), sentence(rng, 1)
        if row % 4 == 0:  # a category merged over four rows
            span = min(4, rows - row)
            yaml.append(f"                - [{{text: 类别{row // 4}, rows: {span}}}, "
                        f"{DEPARTMENTS[row % 4]}, {project}, {people}, {note}, "
                        f"2025年{row % 12 + 1}月]")
        else:
            yaml.append(f"                - [{DEPARTMENTS[row % 4]}, {project}, {people}, {note}, "
                        f"2025年{row % 12 + 1}月]")
        markdown.append(f"| 类别{row // 4} | {DEPARTMENTS[row % 4]} | {project} | {people} | "
                        f"{note} | 2025年{row % 12 + 1}月 |")
    yaml += ["                - cells: [{text: 合计, cols: 3}, " f"{total}, '', '']",
             "                  total: [人数]"]
    markdown += [f"| 合计 | | | {total} | | |", ""]
    return yaml, markdown


def write(folder: Path, count: int) -> list[Path]:
    """Write the organization under folder/content/syn and Markdown under folder/markdown."""
    content = folder / "content" / "syn"
    markdown = folder / "markdown"
    content.mkdir(parents=True, exist_ok=True)
    markdown.mkdir(parents=True, exist_ok=True)
    (content / "org.yaml").write_text(org_yaml(), encoding="utf-8")
    written = []
    for index in range(1, count + 1):
        yaml, text = document(index, count)
        path = content / f"{number(index)}.yaml"
        path.write_text(yaml, encoding="utf-8")
        (markdown / f"{number(index)}.md").write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100)
