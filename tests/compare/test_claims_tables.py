"""Rows of a table are no statements: their columns are nowhere in the row."""

from __future__ import annotations

import pytest

from newsline.compare.claims import is_table_row


@pytest.mark.parametrize("row", ["Production 451 451 460 460", "Wheat 2.55 2.40 IV 4.6", "Corn 1,406.5 1,397.0",
                                 "Gr Total 1,141.3 1,094.6 10.2-x nil", "GABON 0.15 0.15 0.152"])
def test_a_label_and_a_run_of_figures_is_a_table_row(row):
    assert is_table_row(row)


@pytest.mark.parametrize("sentence", ["The rig sank on 22 April , 2010 , killing 11 of 126 workers .",
                                      "In 2009 , 11 died .", "Sales rose 5 pct to 1.2 billion dlrs.",
                                      "Mexico reported 159 deaths, the US 1 and Canada 6 cases."])
def test_sentences_with_figures_are_not(sentence):
    assert not is_table_row(sentence)
