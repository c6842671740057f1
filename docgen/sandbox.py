"""The one factory for Jinja environments, and what prose and templates may say.

Prose and Word templates are both rendered here, and both are held to a grammar that
is checked before anything is evaluated (check_grammar): they may only show facts.

- Prose may cite a fact: a name, its fields and keys ({{ kpi.sla.target }},
  {{ table.t.sum['人数'] }}), through the filters prose has (join_cn, join_and), and
  choose with {% if %} whether to say something. Nothing else: no loops, no
  arithmetic, no calls of methods, no text of its own inside {{ }}.
- A template may also loop over the lists docgen gives it ({%tr for r in revisions
  %}), at most MAX_LOOP_DEPTH loops deep, compare values, and use a few text filters
  (date, number, upper, replace, ...) with literal arguments.

So the work a render does is bounded by the size of the content, whatever is written:
no expression can build a large value or loop on its own. The sandbox, StrictUndefined
and the size caps below stay as a second line: the sandbox refuses attribute tricks
({{ ''.__class__ }}), StrictUndefined turns a misspelt name into an error instead of
an empty string.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from docgen.catalogue import grammar as said
from docgen.catalogue.prose import BIG_EXPONENT, TOO_LONG_TEXT
from docgen.messages import Message, MessageType, render_text

# What one expression may build with * (a guard against 'x' * 10**9), and what a whole
# interpolated text may be: the author's own text can be long, an expression cannot.
MAX_PRODUCT_LENGTH = 100_000
MAX_RESULT_LENGTH = 10_000_000


class Refused(SecurityError):
    """An expression docgen's own guards refuse, with the message that says why."""

    def __init__(self, reason: Message):
        self.reason = reason
        super().__init__(render_text(reason))


class SafeEnvironment(ImmutableSandboxedEnvironment):
    """A sandbox whose * and ** cannot exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if not isinstance(right, int | float) or abs(right) > 100:
                raise Refused(BIG_EXPONENT())
            return operator.pow(left, right)
        sizes = [len(side) for side in (left, right) if isinstance(side, str | list | tuple)]
        counts = [side for side in (left, right) if isinstance(side, int)]
        if sizes and counts and sizes[0] * counts[0] > MAX_PRODUCT_LENGTH:
            raise Refused(TOO_LONG_TEXT())
        return operator.mul(left, right)


def make_environment(*, autoescape: bool) -> SafeEnvironment:
    """Return a fresh sandboxed environment without Jinja's globals (range, lipsum, ...);
    autoescape for XML, not for plain prose."""
    environment = SafeEnvironment(undefined=StrictUndefined, autoescape=autoescape,
                                  keep_trailing_newline=False)
    environment.globals.clear()
    return environment


# --- the grammar -----------------------------------------------------------------------

PROSE_FILTERS = frozenset({"join_cn", "join_and"})
TEMPLATE_FILTERS = frozenset({"date", "number", "upper", "lower", "title", "capitalize",
                              "trim", "replace", "default", "d", "join", "length", "count",
                              "first", "last", "e", "escape", "join_cn", "join_and"})
MAX_LOOP_DEPTH = 2
MAX_LITERAL_LENGTH = 200


@dataclass(frozen=True)
class Grammar:
    """What one kind of text may say: its filters, and whether it may loop and compare."""

    filters: frozenset[str]
    loops: bool
    comparisons: bool


PROSE = Grammar(PROSE_FILTERS, loops=False, comparisons=False)
TEMPLATE = Grammar(TEMPLATE_FILTERS, loops=True, comparisons=True)


@dataclass(frozen=True)
class Breach:
    """The first thing in a text that its grammar does not allow, and on which line."""

    line: int
    what: Message


def check_grammar(tree: nodes.Template, grammar: Grammar) -> Breach | None:
    """Return the first construct of `tree` that `grammar` does not allow, or None."""
    try:
        _Checker(grammar).statements(tree.body, depth=0)
    except _Breached as breached:
        return breached.breach
    return None


class _Breached(Exception):
    def __init__(self, breach: Breach):
        self.breach = breach


# What each construct is called in a refusal, by the Jinja node that stands for it.
_CONSTRUCTS: dict[type[nodes.Node], MessageType] = {
    nodes.For: said.LOOP, nodes.Call: said.CALL, nodes.BinExpr: said.ARITHMETIC,
    nodes.UnaryExpr: said.ARITHMETIC, nodes.Concat: said.ARITHMETIC,
    nodes.Const: said.LITERAL, nodes.TemplateData: said.LITERAL, nodes.Slice: said.SLICE,
    nodes.CondExpr: said.CONDITION, nodes.Compare: said.COMPARISON,
    nodes.Literal: said.LITERAL, nodes.Assign: said.ASSIGNMENT,
    nodes.AssignBlock: said.ASSIGNMENT, nodes.Macro: said.TAG, nodes.CallBlock: said.TAG,
    nodes.Include: said.TAG, nodes.Import: said.TAG, nodes.FromImport: said.TAG,
    nodes.Extends: said.TAG, nodes.With: said.TAG, nodes.FilterBlock: said.TAG,
}


class _Checker:
    """Walks a template's tree and raises _Breached at the first construct not allowed."""

    def __init__(self, grammar: Grammar):
        self.grammar = grammar

    def refuse(self, node: nodes.Node, what: Message | None = None) -> None:
        kind = next((message for node_type, message in _CONSTRUCTS.items()
                     if isinstance(node, node_type)), said.CONSTRUCT)
        raise _Breached(Breach(node.lineno or 1, what or kind()))

    def statements(self, body: list[nodes.Node], depth: int) -> None:
        for node in body:
            if isinstance(node, nodes.Output):
                for child in node.nodes:
                    if not isinstance(child, nodes.TemplateData):
                        self.value(child)
            elif isinstance(node, nodes.If):
                self.condition(node.test)
                self.statements(node.body, depth)
                for branch in node.elif_:
                    self.condition(branch.test)
                    self.statements(branch.body, depth)
                self.statements(node.else_, depth)
            elif isinstance(node, nodes.For) and self.grammar.loops:
                if depth >= MAX_LOOP_DEPTH:
                    self.refuse(node, said.DEEP_LOOP(depth=MAX_LOOP_DEPTH))
                if node.test is not None or node.recursive:
                    self.refuse(node)
                self.target(node.target)
                self.value(node.iter)
                self.statements(node.body, depth + 1)
                self.statements(node.else_, depth)
            else:
                self.refuse(node)

    def target(self, node: nodes.Node) -> None:
        names = node.items if isinstance(node, nodes.Tuple) else [node]
        if not all(isinstance(name, nodes.Name) for name in names):
            self.refuse(node)

    def condition(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Not):
            self.condition(node.node)
        elif isinstance(node, nodes.And | nodes.Or):
            self.condition(node.left)
            self.condition(node.right)
        elif isinstance(node, nodes.Test) and node.name in ("defined", "undefined", "none") \
                and not node.args and not node.kwargs:
            self.value(node.node)
        elif isinstance(node, nodes.Compare) and self.grammar.comparisons:
            for operand in [node.expr, *(operand.expr for operand in node.ops)]:
                if isinstance(operand, nodes.Const):
                    self.literal(operand)
                else:
                    self.value(operand)
        else:
            self.value(node)

    def value(self, node: nodes.Node) -> None:
        """A name, its attributes and keys, and the grammar's filters."""
        if isinstance(node, nodes.Name):
            return
        if isinstance(node, nodes.Getattr):
            self.value(node.node)
        elif isinstance(node, nodes.Getitem):
            if not isinstance(node.arg, nodes.Const) or \
                    not isinstance(node.arg.value, str | int) or isinstance(node.arg.value, bool):
                self.refuse(node.arg)
            self.literal(node.arg)
            self.value(node.node)
        elif isinstance(node, nodes.Filter):
            if node.name not in self.grammar.filters:
                self.refuse(node, said.FILTER(name=node.name,
                                              allowed=sorted(self.grammar.filters)))
            if node.kwargs or node.dyn_args or node.dyn_kwargs:
                self.refuse(node)
            for argument in node.args:
                if not isinstance(argument, nodes.Const):
                    self.refuse(argument)
                self.literal(argument)
            if node.node is not None:
                self.value(node.node)
        else:
            self.refuse(node)

    def literal(self, node: nodes.Const) -> None:
        # Keys and filter arguments: short text or a whole number, nothing to evaluate.
        value = node.value
        if isinstance(value, str) and len(value) > MAX_LITERAL_LENGTH:
            self.refuse(node, said.LONG_LITERAL(limit=MAX_LITERAL_LENGTH))
        if not isinstance(value, str | int) or (isinstance(value, int) and abs(value) > 10**6):
            self.refuse(node, said.LONG_LITERAL(limit=MAX_LITERAL_LENGTH))


# Every {{ … }} and {% … %} of a text, as written.
TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_OPENING = re.compile(r"\{%-?\s*(for|if)\b")


def check_template(source: str, environment: SafeEnvironment) -> None:
    """Refuse a template's source (as docxtpl hands it over) that says more than the
    template grammar allows, naming the tag that does."""
    breach = check_grammar(environment.parse(source), TEMPLATE)
    if breach is None:
        return
    raise Refused(said.TEMPLATE_REFUSED(tag=_offending_tag(source, environment) or "{% for %}",
                                        what=breach.what))


def _offending_tag(source: str, environment: SafeEnvironment) -> str | None:
    """Return the first tag of `source` that breaks the template grammar on its own."""
    for tag in TAGS.findall(source):
        opening = _OPENING.match(tag)
        probe = tag + ("{% endfor %}" if opening and opening.group(1) == "for" else
                       "{% endif %}" if opening else "")
        try:
            tree = environment.parse(probe)
        except TemplateSyntaxError:
            continue  # a closing or middle tag: {% endfor %}, {% else %}
        if check_grammar(tree, TEMPLATE) is not None:
            return " ".join(tag.split())
    return None
