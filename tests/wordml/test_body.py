"""Column widths: short columns get what they need, long ones share the rest."""

from __future__ import annotations

from docgen.wordml.body import _fitted, _proportional


def test_columns_that_fit_share_the_width_in_proportion():
    widths = _fitted([4, 8], 8000)
    assert sum(widths) == 8000
    assert widths[0] < widths[1]


def test_short_columns_keep_their_natural_width_when_text_is_long():
    natural = [4, 6, 60, 4, 80]  # 序号, 部门, long text, 人数, long text
    widths = _fitted(natural, 8312)
    assert sum(widths) == 8312
    needs = [width * 105 + 160 for width in natural]
    assert widths[0] >= needs[0] and widths[1] >= needs[1] and widths[3] >= needs[3]
    assert widths[4] > widths[2] > widths[1]


def test_explicit_widths_are_proportional():
    assert _proportional([1, 3], 8000) == [2000, 6000]
