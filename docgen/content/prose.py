"""Interpolate facts into prose through one sandboxed Jinja environment.

Prose such as "目标值为{{ kpi.recruitment.target }}" is rendered here, and only here.
The environment comes from docgen.sandbox; here includes, imports and macros are
refused as well, because prose may only show facts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError, TemplateError

from docgen.errors import Location, Problem
from docgen.sandbox import MAX_RESULT_LENGTH, SafeEnvironment, make_environment

_FORBIDDEN_TAGS = {
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.Extends: "{% extends %}",
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
}


@lru_cache(maxsize=1)
def prose_environment() -> SafeEnvironment:
    """Return the one environment in which all prose is interpolated."""
    # No autoescape: prose becomes Word text, and the Word layer escapes it for XML.
    environment = make_environment(autoescape=False)
    environment.filters["join_cn"] = join_cn
    environment.filters["join_and"] = join_and
    return environment


def join_cn(items: Any) -> str:
    """Return items joined the Chinese way: 运维部、质量部、人力部."""
    return "、".join(str(item) for item in _as_list(items))


def join_and(items: Any) -> str:
    """Return items joined with 和 before the last: 服务台和质量部, 甲、乙和丙."""
    words = [str(item) for item in _as_list(items)]
    return "和".join(["、".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)


def _as_list(items: Any) -> list[Any]:
    # Activities expose departments joined by 、; split them back for the filters.
    return items.split("、") if isinstance(items, str) else list(items)


def needs_interpolation(text: str) -> bool:
    """Return True if `text` holds Jinja syntax that must be rendered."""
    return "{{" in text or "{%" in text or "{#" in text


class ProseError(Exception):
    """A prose expression could not be rendered; carries the problem for its location."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.message)


def interpolate(text: str, context: dict[str, Any], where: Location) -> str:
    """Return `text` with its {{ ... }} expressions replaced by facts from `context`."""
    if not needs_interpolation(text):
        return text
    environment = prose_environment()
    try:
        tree = environment.parse(text)
        for node_type, tag in _FORBIDDEN_TAGS.items():
            if tree.find(node_type) is not None:
                raise ProseError(Problem(where, f"{tag} is not allowed in prose",
                                         "prose may only show facts: {{ kpi.<id>.target }}"))
        result = environment.from_string(tree).render(context)
    except ProseError:
        raise
    except TemplateSyntaxError as error:
        raise ProseError(Problem(where, f"error in {{{{ ... }}}}: {error.message}",
                                 "check the braces: an expression is written {{ name.field }}"
                                 )) from None
    except UndefinedError as error:
        raise ProseError(Problem(where, f"{{{{ ... }}}} names something that does not exist: "
                                        f"{_explain_undefined(error.message or '')}",
                                 "check the id against the document's kpis, activities, "
                                 "tables and sections")) from None
    except SecurityError as error:
        raise ProseError(Problem(where, f"expression refused by the sandbox: {error}",
                                 "prose may only show facts: {{ kpi.<id>.target }}")) from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as error:
        raise ProseError(Problem(where, f"error in {{{{ ... }}}}: {error}",
                                 "prose may only show facts: {{ kpi.<id>.target }}")) from None
    if len(result) > MAX_RESULT_LENGTH:
        raise ProseError(Problem(where, "the interpolated text is too long",
                                 "prose may only show facts: {{ kpi.<id>.target }}"))
    return result


def _explain_undefined(message: str) -> str:
    # Jinja says "'dict object' has no attribute 'x'"; name the missing part plainly.
    return message.replace("'dict object' has no attribute", "no") \
                  .replace("'dict object' has no element", "no")
