"""Build small project trees inline, so that each test shows its whole input."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from docgen.cache import MANIFEST_FILE

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates" / "docx"

ORG_YAML = """\
name: 示例科技有限公司
prefix: DEMO
departments:
  - name: 运维部
    units: [服务台]
  - name: 质量部
roles: [总经理, 管理者代表]
people:
  - name: 张三
    department: 质量部
    signs: [author]
  - name: 李四
    signs: [reviewer]
  - name: 王五
    signs: [approver]
"""

DOCUMENT_YAML = """\
number: DEMO-ITSS-0001
title: 示例管理计划
kind: 计划
department: 质量部
revisions:
  - version: V1.0
    author: 张三
    date: 2025-01-07
    reviewer: 李四
    review_date: 2025-01-08
    approver: 王五
    approve_date: 2025-01-09
    change: 首次发布
sections:
  - title: 目的
    body:
      - 为了规范运维服务。
"""


# A second revision row of the demo document, as `bump --minor` would add it.
SECOND_REVISION = """\
  - version: V1.1
    author: 张三
    date: 2025-03-01
    reviewer: 李四
    review_date: 2025-03-02
    approver: 王五
    approve_date: 2025-03-03
    change: 修订目的
"""


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (relative path -> text or bytes) under `root`; return `root`."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def demo_project(root: Path, *, org: str = ORG_YAML, documents: dict[str, str] | None = None,
                 templates: bool = True) -> Path:
    """Write a project with one organization 'demo' and the given document files."""
    files: dict[str, str | bytes] = {"content/demo/org.yaml": org}
    for name, text in (documents if documents is not None
                       else {"DEMO-ITSS-0001.yaml": DOCUMENT_YAML}).items():
        files[f"content/demo/{name}"] = text
    write_tree(root, files)
    if templates:
        shutil.copytree(TEMPLATES, root / "templates" / "docx")
    return root


def document_yaml(sections: str = "", *, extra: str = "") -> str:
    """Return the demo document with `extra` top-level keys and, if given, other sections."""
    head, default_sections = DOCUMENT_YAML.split("sections:\n")
    body = textwrap.indent(textwrap.dedent(sections), "  ") if sections else default_sections
    return head + textwrap.dedent(extra) + "sections:\n" + body


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under `folder` with its bytes (nothing, if there is no folder)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()} if folder.exists() else {}


def outputs_in(folder: Path) -> list[str]:
    """Return the files docgen wrote under `folder`, leaving out its build manifest."""
    return sorted(name for name in snapshot(folder) if name != MANIFEST_FILE)
