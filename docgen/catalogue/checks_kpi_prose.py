"""What `docgen check` says about KPIs stated in prose (KPI-PROSE-MISMATCH).

The other statement is a declaration (kpis.<key>, line) or another sentence (its
line), each with its document's number when it stands in another document: `place`.
"""

from docgen.messages import define

_HINT = "cite the declared KPI instead of retyping it: {{{{ kpi.<id>.{field} }}}}"
_AGREE = "make the sentences agree, or declare the KPI once under kpis: and cite it"
MISMATCH = {
    "target": {
        "declared": define(
            "kpi.prose-target-mismatch",
            "this sentence gives {kpi} the target {here}, but it is declared {there} in {place}",
            hint=_HINT.replace("{field}", "target")),
        "stated": define(
            "kpi.prose-target-mismatch.prose",
            "this sentence gives {kpi} the target {here}, but {place} gives it {there}",
            hint=_AGREE),
    },
    "period": {
        "declared": define(
            "kpi.prose-period-mismatch",
            "this sentence gives {kpi} the assessment period {here}, but it is declared {there} "
            "in {place}",
            hint=_HINT.replace("{field}", "period")),
        "stated": define(
            "kpi.prose-period-mismatch.prose",
            "this sentence gives {kpi} the assessment period {here}, but {place} gives it "
            "{there}",
            hint=_AGREE),
    },
    "formula": {
        "declared": define(
            "kpi.prose-formula-mismatch",
            "this sentence computes {kpi} as {here}, but it is declared as {there} in {place}",
            hint=_HINT.replace("{field}", "formula")),
        "stated": define(
            "kpi.prose-formula-mismatch.prose",
            "this sentence computes {kpi} as {here}, but {place} computes it as {there}",
            hint=_AGREE),
    },
}
DECLARED = define("kpi.place.declared", "kpis.{key}, line {line}")
DECLARED_ELSEWHERE = define("kpi.place.declared-elsewhere", "{document}, kpis.{key}, line {line}")
STATED = define("kpi.place.stated", "the sentence at line {line}")
STATED_ELSEWHERE = define("kpi.place.stated-elsewhere", "the sentence in {document}, line {line}")
