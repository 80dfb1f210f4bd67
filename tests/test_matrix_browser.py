"""The matrix page as planners read it: on a laptop, on a tablet and on paper, in headless Chromium.

The example site is served on loopback (conftest's site_url); PDFs are read with tests/chromium.py's reader.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.derive import derive_facts

from .chromium import pdf_pages_text
from .conftest import BUILD_DATE, ROOT, OpenPage, checked_content

pytestmark = pytest.mark.browser

MATRIX = "/beperkt/alle/matrix/procesoperator/"
VIEWPORTS = [(1366, 900), (768, 1024)]

# Where a row's name cell is after the team's matrix is scrolled fully to the right: inside the
# viewport, and the element at its centre is the cell (or what it holds), not a cell scrolled over it.
NAME_CELL_AFTER_SCROLL = """() => {
  const box = document.querySelector('.wgo-matrix');
  window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 150);
  box.scrollLeft = box.scrollWidth;
  const cell = box.querySelector('tbody th[scope=row]');
  const rect = cell.getBoundingClientRect();
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  return {
    scrolled: box.scrollLeft, overflow: box.scrollWidth - box.clientWidth,
    left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom,
    width: window.innerWidth, height: window.innerHeight,
    covered: !(hit && cell.contains(hit)), name: cell.textContent.trim(),
  };
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["laptop", "tablet"])
def test_the_page_never_scrolls_sideways_and_names_stay_in_view(open_page: OpenPage, site_url: str, viewport: tuple[int, int]) -> None:
    def check(page: Any) -> None:
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        cell = page.evaluate(NAME_CELL_AFTER_SCROLL)
        assert cell["scrolled"] >= cell["overflow"], cell
        assert cell["left"] >= 0 and cell["right"] <= cell["width"], cell
        assert cell["top"] >= 0 and cell["bottom"] <= cell["height"], cell
        assert not cell["covered"], cell
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    check(open_page(site_url + MATRIX, viewport=viewport))


def test_on_a_tablet_the_matrix_scrolls_in_its_own_box(open_page: OpenPage, site_url: str) -> None:
    """At 768 px the table is wider than its box: the box scrolls, Material adds no box of its own."""

    def check(page: Any) -> None:
        sizes = page.evaluate("""() => [...document.querySelectorAll('.wgo-matrix')].map((box) => ({
            box: box.clientWidth, table: box.querySelector('table').offsetWidth,
            overflow: getComputedStyle(box).overflowX,
            wrapped: Boolean(box.closest('.md-typeset__scrollwrap, .md-typeset__table')),
        }))""")
        assert sizes and all(size["table"] > size["box"] and size["overflow"] == "auto" for size in sizes), sizes
        assert not any(size["wrapped"] for size in sizes), sizes

    check(open_page(site_url + MATRIX, viewport=VIEWPORTS[1]))


def test_headers_show_titles_and_the_filter_and_sort_work(open_page: OpenPage, site_url: str) -> None:
    def check(page: Any) -> None:
        header = page.locator("th.wgo-matrix-wp").filter(has_text="B1-K1-W2").first
        text = " ".join(header.inner_text().split())
        assert "Installatie opstarten" in text and "B1-K1-W2" in text, text
        assert header.locator(".wgo-wp-title").bounding_box()["height"] > 0  # shown, not a tooltip

        page.locator("th.wgo-matrix-wp").filter(has_text="B1-K1-W5").first.locator("button.wgo-sort").click()
        column = page.evaluate("""() => {
            const table = document.querySelector('.wgo-matrix-table');
            const index = [...table.tHead.rows[0].cells].findIndex((th) => th.textContent.includes('B1-K1-W5'));
            return [...table.tBodies[0].rows].map((row) => Number(row.cells[index].querySelector('.wgo-level').textContent));
        }""")
        assert column == sorted(column, reverse=True) and len(set(column)) > 1, column

        page.select_option("select[name=team]", "ploeg-2")
        shown = page.evaluate("""() => [...document.querySelectorAll('.wgo-matrix-team')]
            .filter((section) => section.offsetParent !== null).map((section) => section.dataset.team)""")
        assert shown == ["ploeg-2"]
        names = page.locator(".wgo-matrix-table tbody th[scope=row]:visible").all_inner_texts()
        assert "Rob Robberts" in names and "Henk de Vries" not in names, names
        page.fill("input[name=name]", "robb")
        rows = page.locator(".wgo-matrix-table > tbody:first-of-type > tr:visible").all_inner_texts()
        assert len(rows) == 1 and rows[0].startswith("Rob Robberts"), rows

    check(open_page(site_url + MATRIX))


def test_without_javascript_the_matrix_is_complete_and_the_controls_stay_hidden(open_page: OpenPage, site_url: str) -> None:
    def check(page: Any) -> None:
        assert not page.locator("form.wgo-matrix-filter").is_visible()
        assert page.locator(".wgo-matrix-team:visible").count() == 3
        assert page.locator(".wgo-matrix-table tbody th[scope=row]:visible").count() > 10

    check(open_page(site_url + MATRIX, javascript=False))


def test_print_one_team_on_landscape_a4_and_every_team_on_a_page_of_its_own(open_page: OpenPage, site_url: str) -> None:
    def check(page: Any) -> None:
        pages = ["".join(text.split()) for text in pdf_pages_text(page.pdf(prefer_css_page_size=True))]
        teams = ["Ploeg1", "Ploeg2", "Dagdienst"]
        assert len(pages) == len(teams), len(pages)
        for text, team in zip(pages, teams, strict=True):
            assert team in text and "Totaal" in text, (team, text[:200])

        # The header row, which repeats on every printed page of a team, names the team on paper only.
        page.emulate_media(media="print")
        assert page.locator(".wgo-matrix-table thead th").first.inner_text().startswith("Ploeg 1")
        page.emulate_media(media="null")  # as the browser is: screen, and print for page.pdf()
        assert page.locator(".wgo-matrix-table thead th").first.inner_text().strip().startswith("Naam")

        page.select_option("select[name=team]", "ploeg-2")
        titles = page.locator("th.wgo-matrix-wp .wgo-wp-title").all_inner_texts()
        names = page.locator(".wgo-matrix-team:visible tbody th[scope=row]").all_inner_texts()
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        boxes = [(round(float(w)), round(float(h))) for w, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)]
        assert boxes == [(842, 595)], boxes  # one A4 landscape page
        # Skia leaves out some spaces, so the text is compared without any.
        text = "".join(pdf_pages_text(pdf)[0].split())
        assert "Ploeg2" in text and "Ploeg1" not in text
        for title in [*titles, *names, "Totaal"]:
            assert "".join(title.split()) in text, title

    check(open_page(site_url + MATRIX))


def test_the_sort_button_shows_the_direction_of_its_column(open_page: OpenPage, site_url: str) -> None:
    """⇅ until a column is sorted; then ▼ (highest first) or ▲ on that column's button, ⇅ on the others."""
    page = open_page(site_url + MATRIX)
    table = page.locator(".wgo-matrix-table").first
    button = table.locator("th.wgo-matrix-wp").filter(has_text="B1-K1-W5").first.locator("button.wgo-sort")
    other = table.locator("th.wgo-matrix-wp").filter(has_text="B1-K1-W2").first.locator("button.wgo-sort")
    assert button.inner_text() == "⇅" and other.inner_text() == "⇅"
    button.click()
    assert (button.inner_text(), other.inner_text()) == ("▼", "⇅")
    button.click()
    assert (button.inner_text(), other.inner_text()) == ("▲", "⇅")
    other.click()
    assert (button.inner_text(), other.inner_text()) == ("⇅", "▼")


# Issue 23: the first row on screen at once, the header row in view while its table is, and filters by
# work process and minimum level.

LAPTOP = (1366, 768)
MATRIX_PAGES = [MATRIX, "/beperkt/alle/matrix/laborant/", "/beperkt/ploeg-2/matrix/procesoperator/"]


@pytest.mark.parametrize("path", MATRIX_PAGES)
def test_on_a_laptop_the_first_person_row_is_in_view_without_scrolling(open_page: OpenPage, site_url: str, path: str) -> None:
    page = open_page(site_url + path, viewport=LAPTOP)
    first_row = page.evaluate("document.querySelector('.wgo-matrix-table tbody tr').getBoundingClientRect().bottom")
    assert first_row <= LAPTOP[1], first_row
    # The legend moved below the tables, one click away.
    page.get_by_role("link", name="Legenda en uitleg").click()
    assert 0 <= page.evaluate("document.getElementById('legenda').getBoundingClientRect().top") < LAPTOP[1] - 100


# For every team's table and each of its rows but the first: scroll the page so that the row would be the
# first under the header row if that stood right under Material's top bar; then where the header row is,
# and what is on top at the centre of a work-process header cell and of the row's name cell.
HEADER_WHILE_SCROLLING = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const bar = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const found = [];
  for (const table of document.querySelectorAll('.wgo-matrix-table')) {
    const height = table.tHead.offsetHeight;
    for (const row of [...table.tBodies[0].rows].slice(1)) {
      window.scrollTo({ top: window.scrollY + row.getBoundingClientRect().top - bar - height, behavior: 'instant' });
      await frame();
      const head = table.tHead.rows[0].cells[0].getBoundingClientRect();
      const on = (element) => {
        const r = element.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return Boolean(hit && element.contains(hit));
      };
      found.push({ team: table.closest('section').dataset.team, row: row.rowIndex, bar, top: head.top,
                   header: on(table.querySelector('th.wgo-matrix-wp')), name: on(row.cells[0]) });
    }
  }
  return found;
}"""


@pytest.mark.parametrize("viewport", [LAPTOP, VIEWPORTS[1]], ids=["laptop", "tablet"])
def test_the_header_row_stays_under_the_top_bar_while_its_table_is_on_screen(
    open_page: OpenPage, site_url: str, viewport: tuple[int, int],
) -> None:
    page = open_page(site_url + MATRIX, viewport=viewport)
    found = page.evaluate(HEADER_WHILE_SCROLLING)
    assert len({f["team"] for f in found}) == 3 and len(found) >= 10
    for where in found:
        assert abs(where["top"] - where["bar"]) <= 1.5 and where["header"] and where["name"], where


def _expected_rows(wp_id: str | None, least: int) -> dict[str, list[str]]:
    """Per team, the Procesoperators the filter should leave: level on ``wp_id`` (else overall) at least ``least``."""
    content = checked_content(ROOT / "content")
    facts = derive_facts(content, BUILD_DATE)
    rows: dict[str, list[str]] = {}
    for team in content.organisation.teams:
        members = [f for f in facts.members(team.id) if f.format.id == "procesoperator"]
        kept = [f.person.name for f in members if (facts.level(f.person.id, wp_id) if wp_id else f.overall) >= least]
        if kept:
            rows[team.id] = kept
    return rows


VISIBLE_ROWS = """() => Object.fromEntries([...document.querySelectorAll('.wgo-matrix-team')]
  .filter((section) => !section.hidden)
  .map((section) => [section.dataset.team, [...section.querySelector('tbody').rows]
    .filter((row) => !row.hidden).map((row) => row.cells[0].textContent.trim())]))"""


def test_the_work_process_and_minimum_level_filters_leave_who_can_do_it(open_page: OpenPage, site_url: str) -> None:
    page = open_page(site_url + MATRIX)
    page.select_option("select[name=wp]", "installatie-opstarten")
    page.select_option("select[name=level]", "2")
    expected = _expected_rows("installatie-opstarten", 2)
    assert sum(len(names) for names in expected.values()) >= 5
    assert page.evaluate(VISIBLE_ROWS) == expected
    columns = page.locator(".wgo-matrix-team:visible").first.locator("th.wgo-matrix-wp:visible").all_inner_texts()
    assert len(columns) == 1 and "B1-K1-W2" in columns[0], columns
    # Without a work process the minimum applies to the overall level; every column is back.
    page.select_option("select[name=wp]", "")
    page.select_option("select[name=level]", "3")
    assert page.evaluate(VISIBLE_ROWS) == _expected_rows(None, 3)
    assert page.locator(".wgo-matrix-team:visible").first.locator("th.wgo-matrix-wp:visible").count() == 9
