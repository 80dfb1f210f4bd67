"""Issue 21: the pure helpers behind messages at the real cause."""

from __future__ import annotations

from generator.diagnostics import suggest
from generator.fields import example_id, fold_name, people_by_name
from generator.yamlfile import _indent_for_tab, _where_closing_belongs


def test_no_suggestion_between_ids_that_differ_only_in_their_numbers() -> None:
    assert suggest("p-042", ["p-023", "p-024"]) is None
    assert suggest("analyse-3-01", ["analyse-3-02"]) is None
    assert suggest("p-42", ["p-042"]) == "p-042"  # the same number
    assert suggest("bewaaken", ["bewaken"]) == "bewaken"
    assert suggest("opstartn-1-01", ["opstarten-1-01"]) == "opstarten-1-01"


def test_names_compare_without_case_accents_or_hyphens() -> None:
    assert fold_name("Mehmet  Yılmaz") == fold_name("mehmet-yilmaz") == "mehmet yilmaz"
    assert fold_name("Zoë Bakker") == fold_name("ZOE BAKKER")
    assert example_id("Mehmet Yılmaz") == "mehmet-yilmaz"


def test_a_name_two_people_share_points_at_neither() -> None:
    found = people_by_name([("p-001", "Jan Jansen"), ("p-002", "jan jansen"), ("p-003", "Bea de Boer")])
    assert found == {"bea de boer": ("p-003", "Bea de Boer")}


def test_the_closing_dashes_belong_after_the_last_line_of_front_matter() -> None:
    lines = ["---\n", "title: A\n", "criteria:\n", "  - id: a-1-01\n", "\n", "# Kop\n", "Tekst: met een dubbele punt\n"]
    assert _where_closing_belongs(lines) == 5
    assert _where_closing_belongs(["---\n", "# uitleg\n", "title:\n"]) == 4


def test_a_tab_in_the_indentation_gets_the_spaces_of_its_place() -> None:
    lines = ["criteria:", "  - id: a-1-01", "    level: 1", "\tkind: skill"]
    assert _indent_for_tab(lines, 3) == 4
    assert _indent_for_tab(["criteria:", "\t- id: a"], 1) == 2
    assert _indent_for_tab(["  - id: a-1-01", "\tlevel: 1"], 1) == 4
    assert _indent_for_tab(["title:\tA"], 0) is None  # not in the indentation
