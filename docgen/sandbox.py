"""The one factory for Jinja environments: sandboxed, strict, size-capped.

Prose and Word templates are both rendered here. The sandbox refuses attribute tricks
({{ ''.__class__ }}) and file access; StrictUndefined turns a misspelt name into an
error instead of an empty string; arithmetic cannot build huge strings or numbers.
"""

from __future__ import annotations

import operator
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from docgen.catalogue.prose import BIG_EXPONENT, TOO_LONG_TEXT
from docgen.messages import Message, render_text

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
    """Return a fresh sandboxed environment; autoescape for XML, not for plain prose."""
    return SafeEnvironment(undefined=StrictUndefined, autoescape=autoescape,
                           keep_trailing_newline=False)
