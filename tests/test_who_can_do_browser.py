""""Who can do work process X at level 2 or higher in team Y?" answered from the work-process page in a few
clicks, in headless Chromium (issue 23: it took two matrices and about 11 interactions before).

The expected names come from derive (the level rule on the example's content), not from a page.
"""

from __future__ import annotations

import pytest

from generator.derive import derive_facts
from generator.derive.deployable import Deployability

from .conftest import BUILD_DATE, ROOT, OpenPage, checked_content

pytestmark = pytest.mark.browser

WORK_PROCESS, TEAM, TEAM_NAME, AT_LEAST = "installatie-opstarten", "ploeg-2", "Ploeg 2", 2

# The names listed in the opened list at a level of at least ``least``, and whether each is on screen.
LISTED = """([anchor, least]) => {
  const list = document.getElementById(anchor);
  const rows = Array.from(list.querySelectorAll(':scope > li'));
  return rows.filter((li) => Number(li.querySelector('.wgo-level').textContent) >= least).flatMap((li) =>
    Array.from(li.querySelectorAll('a')).map((a) => {
      const r = a.getBoundingClientRect();
      const onScreen = a.checkVisibility() && r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;
      return [a.textContent.trim(), onScreen];
    }));
}"""


def _expected() -> set[str]:
    content = checked_content(ROOT / "content")
    facts = derive_facts(content, BUILD_DATE)
    team = next(t for t in content.organisation.teams if t.id == TEAM)
    deployment = Deployability(content, facts).in_team(team, content.work_processes[WORK_PROCESS])
    return {p.person.name for g in deployment.groups if g.level >= AT_LEAST for p in g.people}


def test_who_can_do_it_at_level_2_in_a_team_takes_one_click_from_the_work_process_page(open_page: OpenPage, site_url: str) -> None:
    expected = _expected()
    assert len(expected) >= 3  # the question has a real answer in the example
    tab = open_page(f"{site_url}/werkprocessen/{WORK_PROCESS}/", viewport=(1366, 768))
    interactions = 0
    table = tab.locator("#wie-kan-dit ~ div table").first
    headers = [text.strip() for text in table.locator("thead th").all_inner_texts()]
    column = next(i for i, text in enumerate(headers) if text.startswith(f"Niveau {AT_LEAST}"))
    row = table.locator("tbody tr").filter(has=tab.get_by_role("link", name=TEAM_NAME, exact=True))
    row.locator("td").nth(column).get_by_role("link").click()
    interactions += 1
    tab.wait_for_load_state()
    assert tab.url.endswith(f"/beperkt/{TEAM}/#wp-{WORK_PROCESS}-wie")
    listed = tab.evaluate(LISTED, [f"wp-{WORK_PROCESS}-wie", AT_LEAST])
    assert {name for name, _ in listed} == expected
    assert all(on_screen for _, on_screen in listed), listed  # the fold opened and the list is in view
    assert interactions <= 3
