"""Interpolate facts into prose through one sandboxed Jinja environment.

Prose such as "目标值为{{ kpi.recruitment.target }}" is rendered here, and only here.
The environment comes from docgen.sandbox; here includes, imports and macros are
refused as well, because prose may only show facts. A name that does not exist is
reported from what Jinja knows of it (the name, and whether it was looked up at the
top or in a fact), never by reading Jinja's sentence.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.utils import missing

from docgen.catalogue import grammar
from docgen.catalogue import prose as said
from docgen.catalogue.report import NONE
from docgen.content.model import Where, Within, place
from docgen.content.schema import ContentModel
from docgen.content.yaml_source import XML_ILLEGAL
from docgen.errors import Location, Problem
from docgen.messages import MessageType, Param
from docgen.sandbox import (
    MAX_RESULT_LENGTH,
    PROSE,
    TAGS,
    Refused,
    SafeEnvironment,
    check_grammar,
    make_environment,
)

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
    environment.undefined = _Undefined
    # Prose shows facts; Jinja's globals (range, lipsum, cycler, ...) are not needed.
    environment.globals.clear()
    environment.filters["join_cn"] = join_cn
    environment.filters["join_and"] = join_and
    return environment


def join_cn(items: Any) -> str:
    """Return items joined the Chinese way: 运维部、质量部、人力部."""
    return _separator(items).join(str(item) for item in _as_list(items))


def join_and(items: Any) -> str:
    """Return items joined with 和 before the last: 服务台和质量部, 甲、乙和丙."""
    words = [str(item) for item in _as_list(items)]
    if len(words) < 2:
        return "".join(words)
    return "和".join([_separator(items).join(words[:-1]), words[-1]])


def _as_list(items: Any) -> list[Any]:
    # One fact (a string) is a list of one, never split into its characters.
    return [items] if isinstance(items, str) else list(items)


def _separator(items: Any) -> str:
    # A house list (docgen.style.Listing) knows its separator; a plain list takes 、.
    return getattr(items, "separator", "、")


def needs_interpolation(text: str) -> bool:
    """Return True if `text` holds Jinja syntax that must be rendered."""
    return "{{" in text or "{%" in text or "{#" in text


class UndefinedName(UndefinedError):
    """Prose named something that does not exist: the name, and how it was looked up."""

    def __init__(self, message: str, *, name: Any, top_level: bool, hinted: bool):
        super().__init__(message)
        self.name = name
        """The name looked up: a top-level name, an attribute or a key."""
        self.top_level = top_level
        """Whether the name was looked up among the top-level names, not in a fact."""
        self.hinted = hinted
        """Whether Jinja explained the error in words of its own (message)."""


class _Undefined(StrictUndefined):
    """StrictUndefined whose error carries the name it stands for (UndefinedName)."""

    __slots__ = ()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: Any = UndefinedError):
        # Another exception (the sandbox's SecurityError for an unsafe attribute) is
        # raised as asked.
        if exc is UndefinedError:
            exc = functools.partial(UndefinedName, name=name, top_level=obj is missing,
                                    hinted=hint is not None)
        super().__init__(hint, obj, name, exc)


class ProseError(Exception):
    """A prose expression could not be rendered; carries the problem for its location."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.message)


class AbsentFact(Exception):
    """Prose cited a fact that the content does not state (a table without a number)."""

    def __init__(self, name: str, fact: MessageType, params: dict[str, Param]):
        self.name = name
        self.fact = fact
        self.params = params
        super().__init__(fact.code)


class Absent:
    """Stands for a fact the content does not state, in what prose may cite.

    Citing it is an error at the citation, never an empty string: showing it, taking an
    attribute of it or iterating over it raises AbsentFact. It is false, so that
    {% if kpi.x.formula %} can still ask whether a fact is stated.
    """

    __slots__ = ("name", "fact", "params")

    def __init__(self, name: str, fact: MessageType, params: dict[str, Param]):
        self.name = name
        """The id that names the fact's owner (a table's, a KPI's), to find the citation."""
        self.fact = fact
        """What citing it says (given the citation as `expression`): the fact, and why
        there is none, "{{ … }} cites the number of table 'team', which has …"."""
        self.params = params
        """The values `fact` names besides the citation."""

    def _cited(self) -> AbsentFact:
        return AbsentFact(self.name, self.fact, self.params)

    def __str__(self) -> str:
        raise self._cited()

    def __getattr__(self, name: str) -> Any:
        raise self._cited()

    def __iter__(self) -> Any:
        raise self._cited()

    def __len__(self) -> int:
        raise self._cited()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return f"Absent({self.fact.code!r}, {self.params!r})"


def interpolate(text: str, context: dict[str, Any], written: Where) -> str:
    """Return `text` with its {{ ... }} expressions replaced by facts from `context`."""
    if not needs_interpolation(text):
        return text
    environment = prose_environment()
    try:
        result = _simple(text, context, environment)
        if result is None:
            tree = environment.parse(text)
            for node_type, tag in _FORBIDDEN_TAGS.items():
                if tree.find(node_type) is not None:
                    raise ProseError(Problem(place(written), said.FORBIDDEN_TAG(tag=tag)))
            breach = check_grammar(tree, PROSE)  # before anything is evaluated
            if breach is not None:
                expression = _tag_on_line(text, breach.line)
                raise ProseError(Problem(citation_place(written, expression),
                                         grammar.PROSE_REFUSED(expression=expression,
                                                               what=breach.what)))
            result = environment.from_string(tree).render(context)
    except ProseError:
        raise
    except AbsentFact as error:
        expression = _expression_naming(text, error.name)
        raise ProseError(Problem(citation_place(written, expression),
                                 error.fact(expression=expression or "{{ … }}",
                                            **error.params))) from None
    except TemplateSyntaxError as error:
        raise ProseError(Problem(place(written),
                                 said.SYNTAX_ERROR(detail=str(error.message)))) from None
    except UndefinedName as error:
        raise ProseError(_undefined_problem(text, error, context, written)) from None
    except UndefinedError as error:
        raise ProseError(Problem(place(written),
                                 said.UNDEFINED(detail=error.message or ""))) from None
    except SecurityError as error:
        reason = error.reason if isinstance(error, Refused) else str(error)
        raise ProseError(Problem(place(written), said.REFUSED(reason=reason))) from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as error:
        raise ProseError(Problem(place(written), said.FAILED(detail=str(error)))) from None
    if len(result) > MAX_RESULT_LENGTH:
        raise ProseError(Problem(place(written), said.TOO_LONG()))
    illegal = XML_ILLEGAL.search(result)
    if illegal:
        # Facts are checked when the content is read; what a citation gives is checked
        # the same way, so that no control character reaches the Word file.
        expression = next(iter(TAGS.findall(text)), "{{ … }}")
        raise ProseError(Problem(citation_place(written, expression), grammar.CONTROL_CHARACTER(
            expression=expression, character=f"U+{ord(illegal.group()):04X}")))
    return result




def _tag_on_line(text: str, line: int) -> str:
    """Return the first {{ … }} or {% … %} of `text` that starts on `line` (1-based)."""
    for match in TAGS.finditer(text):
        if text.count("\n", 0, match.start()) + 1 >= line:
            return match.group(0)
    return next(iter(TAGS.findall(text)), "{{ … }}")


# {{ kpi.sla.target }}, {{ table.t.sum['人数'] }}, {{ processes.core | join_cn }}: a name,
# attributes or keys, and filters. Nearly all prose is written so; evaluating it directly
# spares compiling a template for every sentence.
_SIMPLE = re.compile(
    r"\{\{\s*(?P<path>[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*|\s*\[\s*(?:'[^'\\]*'|\"[^\"\\]*\""
    r"|\d+)\s*\])*)\s*(?P<filters>(?:\|\s*[A-Za-z_]\w*\s*)*)\}\}")
_STEP = re.compile(r"\.\s*([A-Za-z_]\w*)|\[\s*(?:'([^'\\]*)'|\"([^\"\\]*)\"|(\d+))\s*\]")


def _simple(text: str, context: dict[str, Any], environment: SafeEnvironment) -> str | None:
    """Return `text` interpolated without compiling it, or None when it is not simple.

    Attributes and keys go through the sandbox's own getattr and getitem, and missing
    names through StrictUndefined, so results and errors are those of the full path.
    """
    if needs_interpolation(_SIMPLE.sub("", text)):
        return None  # more than simple citations: the full path compiles it
    for match in _SIMPLE.finditer(text):
        if any(name not in _SIMPLE_FILTERS for name in _filters(match)):
            return None

    def evaluate(match: re.Match[str]) -> str:
        path = match.group("path")
        name = re.match(r"[A-Za-z_]\w*", path).group(0)
        value = context[name] if name in context else environment.undefined(name=name)
        for step in _STEP.finditer(path, len(name)):
            attribute, single, double, index = step.groups()
            if attribute is not None:
                value = environment.getattr(value, attribute)
            else:
                key = int(index) if index is not None else (single if single is not None
                                                             else double)
                value = environment.getitem(value, key)
        for filter_name in _filters(match):
            value = environment.filters[filter_name](value)
        return str(value)

    return _SIMPLE.sub(evaluate, text)


def _filters(match: re.Match[str]) -> list[str]:
    return [name.strip() for name in match.group("filters").split("|")[1:]]


_SIMPLE_FILTERS = {"join_cn", "join_and"}


def _expression_naming(text: str, name: str) -> str:
    """Return the first {{ … }} of `text` that mentions `name` ("" if none does)."""
    mentions = rf"(?<![\w]){re.escape(name)}(?![\w])"
    return next((found.group(0) for found in re.finditer(r"\{\{.*?\}\}", text)
                 if re.search(mentions, found.group(0))), "")


def citation_place(written: Where, expression: str) -> Location:
    """Return where `expression` stands in the text written at `written`: the citation's
    own line and column when the file shows it as written, else the text's start."""
    if expression and isinstance(written, ContentModel | Within):
        model, parts = (written, ()) if isinstance(written, ContentModel) else \
            (written.model, written.parts)
        return model.locate_text(expression, *parts)
    return place(written)


def _undefined_problem(text: str, error: UndefinedName, context: dict[str, Any],
                       written: Where) -> Problem:
    """Explain a name that does not exist: which kind of fact, and which ones do."""
    name = error.name
    # A fact's attribute or key that the text cites under one of the namespaces: a KPI,
    # an activity, ... that does not exist.
    if not error.hinted and not error.top_level and isinstance(name, str) and name:
        for namespace, no_such in said.NO_SUCH.items():
            cited = rf"\b{namespace}\s*(?:\.\s*|\[\s*['\"]){re.escape(name)}\b"
            if re.search(cited, text):
                expression = next((found.group(0) for found in re.finditer(r"\{\{.*?\}\}", text)
                                   if re.search(cited, found.group(0))),
                                  f"{{{{ {namespace}.{name} }}}}")
                known = sorted(context.get(namespace, {}))
                return Problem(citation_place(written, expression),
                               no_such(expression=expression, name=name, known=known or NONE()))
    if not error.hinted and error.top_level and isinstance(name, str) and name:
        expression = _expression_naming(text, name)
        return Problem(citation_place(written, expression),
                       said.UNKNOWN_NAME(name=name, known=sorted(context)))
    return Problem(place(written), said.UNDEFINED(detail=error.message or ""))
