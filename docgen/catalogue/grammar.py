"""What docgen says when prose or a template says more than showing facts (the grammar
of docgen.sandbox): the construct it found, and what is allowed instead."""

from docgen.messages import define

# The constructs a grammar may refuse, as they are named inside the refusals below.
LOOP = define("grammar.loop", "a loop ({{% for %}})")
CALL = define("grammar.call", "a call of a method or function")
ARITHMETIC = define("grammar.arithmetic", "arithmetic or joining of values")
LITERAL = define("grammar.literal", "text or a number of its own")
SLICE = define("grammar.slice", "a slice")
CONDITION = define("grammar.condition", "an inline if … else")
COMPARISON = define("grammar.comparison", "a comparison")
ASSIGNMENT = define("grammar.assignment", "an assignment ({{% set %}})")
TAG = define("grammar.tag", "a tag that defines, includes or wraps templates")
CONSTRUCT = define("grammar.construct", "this kind of expression")
DEEP_LOOP = define("grammar.deep-loop", "a loop nested more than {depth} deep")
FILTER = define("grammar.filter", "the filter {name!q} (allowed: {allowed:, })")
LONG_LITERAL = define("grammar.long-literal",
                      "a literal larger than {limit} characters or a million")

PROSE_REFUSED = define(
    "grammar.prose-refused", "{expression} may only cite facts: {what} is not allowed in prose",
    hint="cite a fact by its name, fields and keys, e.g. {{{{ kpi.<id>.target }}}} or "
         "{{{{ processes.core | join_cn }}}}, and choose with {{% if %}}")
TEMPLATE_REFUSED = define(
    "grammar.template-refused",
    "the tag {tag} may only show values: {what} is not allowed in a template",
    hint="tags show values ({{{{ doc.number }}}}), loop over the lists docgen gives "
         "({{%tr for r in revisions %}}) and use a few filters ({{{{ r.date | date }}}})")
CONTROL_CHARACTER = define(
    "grammar.control-character",
    "{expression} gives text with the control character {character}, which a Word file "
    "cannot hold", hint="cite a fact instead; the content's own text is checked when it "
                        "is read")
