"""Build small content trees inline and run the checks over them.

    findings = check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": document(...)})

Every test shows its whole input: the organization (ORG, or your own), and each
document built with document(), which fills in a valid header and revision row.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from docgen.checks import Finding, run_checks
from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from tests.support.trees import write_tree

ORG = """\
name: 示例科技有限公司
prefix: DEMO
departments:
  - name: 运维部
    units: [服务台]
  - name: 质量部
  - name: 人力部
roles: [总经理, 管理者代表, 运维部经理]
people:
  - name: 张三
    department: 质量部
    signs: [author]
  - name: 李四
    signs: [reviewer]
  - name: 王五
    signs: [approver]
known_documents:
  - {title: 信息安全管理制度}
"""

REVISION = """\
  - version: V1.0
    author: 张三
    date: 2025-01-07
    reviewer: 李四
    review_date: 2025-01-08
    approver: 王五
    approve_date: 2025-01-09
    change: 首次发布
"""


def document(number: str = "DEMO-ITSS-0001", *, title: str = "示例管理计划", kind: str = "计划",
             role: str = "other", revisions: str = REVISION, facts: str = "",
             sections: str = "  - title: 目的\n    body:\n      - 为了规范运维服务。\n") -> str:
    """Return a document's YAML: the header and revisions given, then `facts`, then sections.

    `facts` (kpis:, activities:, processes: ...) and `sections` are YAML text; they are
    dedented, and sections indented under 'sections:'.
    """
    sections_text = textwrap.indent(textwrap.dedent(sections), "  ") \
        if not sections.startswith("  - ") else sections
    return (f"number: {number}\ntitle: {title}\nkind: {kind}\nrole: {role}\n"
            f"revisions:\n{revisions}" + textwrap.dedent(facts)
            + "sections:\n" + sections_text)


def check_tree(root: Path, *, documents: dict[str, str], org: str = ORG) -> list[Finding]:
    """Write the tree, load and resolve it, and return every finding of every rule."""
    files = {"content/demo/org.yaml": org}
    files.update({f"content/demo/{name}": text for name, text in documents.items()})
    write_tree(root, files)
    return run_checks(resolve_content(load_content(root / "content")))


def of_rule(findings: list[Finding], rule: str) -> list[tuple[str, int, str]]:
    """Return (document, line, sentence) of the findings of one rule."""
    return [(f.document, f.location.line, f.text) for f in findings if f.rule == rule]


# A document whose author approved V1.0 (META-SELF-APPROVAL), in an organization where
# the author may approve, so that no other rule fires.
SELF_APPROVED = document(revisions="""\
  - version: V1.0
    author: 张三
    date: 2025-01-07
    reviewer: 李四
    review_date: 2025-01-08
    approver: 张三
    approve_date: 2025-01-09
    change: 首次发布
""")
ORG_WHO_MAY_APPROVE = ORG.replace("signs: [author]", "signs: [author, approver]")
