"""Phase 4: the pages of the site, one ``_render_*`` function per kind of page."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from markupsafe import Markup

from ..derive import Facts, PersonFacts, checklist_groups, criteria_levels, grouped
from ..derive.deployable import Deployability
from ..derive.health import (
    EXPIRY_HORIZONS,
    REVIEW_AHEAD_DAYS,
    citing_criteria,
    criteria_without_source,
    expiring_levels,
    expiry_counts,
    hard_to_read,
    is_overdue,
    is_reached,
    is_review_due,
    overdue_training,
    people_to_reinstruct,
    planned_training,
    review_due_on,
    sources_due_for_review,
    sources_due_soon,
    unused_sources,
)
from ..derive.matrix import format_matrix, team_coverage
from ..derive.readability import DIFFICULT_BELOW, EASY_FROM, readability
from ..model import Content, TrainingFormat
from ..spreadsheets.signoff_sheet import signoff_sheet
from ..spreadsheets.xlsx import matrix_xlsx
from . import paths
from .context import PageContext
from .improvements import improvement_feed, improvements_on, latest_finished, render_improvement_pages
from .renderer import Renderer
from .site import Page, SiteAddress, StaticFile

if TYPE_CHECKING:
    from .person_pages import PersonPages

T = TypeVar("T")
# Above this many rows a matrix or the planning is split into a page per team: pages that grow
# with the organisation would otherwise pass 1 MB (about 300 matrix rows) and load slowly on the floor.
SPLIT_ROWS = 200
# The people index has one short row per person and a filter, so it stays one page longer: 1,000
# people make about 450 kB; more, and it is split per team like the planning (a page stays under 1 MB).
SPLIT_PEOPLE = 1000


def render_pages(c: PageContext, people: PersonPages | None) -> Iterator[Page]:
    """Every page; those that name people only when the organisation publishes personal data: ``people``
    (rendering their POPs and pre-filled checklists) is None when it does not."""
    deployability = Deployability(c.content, people.facts) if people else None
    yield _render_home(c)
    yield from _render_formats(c)
    yield from _render_work_processes(c, deployability)
    yield from _render_sources(c)
    yield from _render_checklists(c)
    yield _render_health(c)
    yield from render_improvement_pages(c)
    yield from _render_free_pages(c)
    if people and deployability:
        yield from _render_matrices(c, people.facts)
        yield from _render_teams(c, people.facts, deployability)
        yield from people.pops()
        yield from people.checklists()
        yield from _render_people_index(c, people.facts)
        yield from _render_planning(c, people.facts)


def render_files(content: Content, facts: Facts, renderer: Renderer, address: SiteAddress) -> Iterator[StaticFile]:
    yield improvement_feed(content, renderer.catalogue, renderer.build_date, address)
    for file in content.attachments:
        yield StaticFile(path=paths.attachment(file), source=content.root / "sources" / file)
    for page_file in content.page_files:
        yield StaticFile(path=paths.free_page(page_file), source=content.root / "pages" / page_file)
    yield from _signoff_sheets(content, renderer)
    if content.organisation.personal_data:
        for training_format in content.formats.values():
            yield StaticFile(path=paths.matrix_csv(training_format.id), content=matrix_csv(content, facts, training_format))
            matrix = format_matrix(content, facts, training_format)
            workbook = matrix_xlsx(matrix, content.organisation.coverage, renderer.catalogue, renderer.build_date)
            yield StaticFile(path=paths.matrix_xlsx(training_format.id), content=workbook)


def _signoff_sheets(content: Content, renderer: Renderer) -> Iterator[StaticFile]:
    """A sign-off sheet (.xlsx) beside each printable checklist; it names no one, so it is published always."""
    for training_format in content.formats.values():
        for level in criteria_levels(content):
            title = renderer.catalogue("label.checklist-title", format=training_format.title, level=level,
                                       label=content.organisation.label(level))
            wps = [wp for _, group in checklist_groups(content, training_format, level) for wp in group]
            sheet = signoff_sheet(training_format, level, wps, renderer.catalogue, title, renderer.build_date)
            yield StaticFile(path=paths.signoff_sheet(training_format.id, level), content=sheet)


def matrix_csv(content: Content, facts: Facts, training_format: TrainingFormat) -> bytes:
    """The matrix as ``team,id,name,<work processes>,overall``: teams in order, then people.csv order."""
    matrix = format_matrix(content, facts, training_format)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["team", "id", "name", *(wp.id for wp in matrix.work_processes), "overall"])
    for section in matrix.sections:
        for row in section.rows:
            levels = (row.standings[wp.id].level for wp in matrix.work_processes)
            writer.writerow([section.team.id, row.person.id, _spreadsheet_text(row.person.name), *levels, row.overall])
    return out.getvalue().encode("utf-8")


def _spreadsheet_text(text: str) -> str:
    """Free text for a CSV that people open in Excel: a leading ``=``, ``+``, ``-`` or ``@`` would make
    the cell a formula (OWASP "CSV injection"), so such text gets a leading apostrophe."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _formats_of(content: Content) -> dict[str, list[TrainingFormat]]:
    result: dict[str, list[TrainingFormat]] = {wp_id: [] for wp_id in content.work_processes}
    for training_format in content.formats.values():
        for wp_id in training_format.work_process_ids:
            result.setdefault(wp_id, []).append(training_format)
    return result


def _render_home(c: PageContext) -> Page:
    intro = next((p for p in c.content.pages if p.path == "index.md"), None)
    return c.page(
        "home.md.j2", paths.HOME, c.content.organisation.name,
        intro=Markup(intro.text if intro else ""), formats=list(c.content.formats.values()),
        latest_improvements=latest_finished(c.content, c.renderer.build_date),
    )


def _render_formats(c: PageContext) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.page("formats.md.j2", paths.FORMATS, c.t("label.formats"), formats=formats)
    for training_format in formats:
        members = [f for f in c.facts.people.values() if f.format.id == training_format.id] if c.facts else []
        yield c.page("format.md.j2", paths.training_format(training_format.id), training_format.title,
                     format=training_format, members=members)


def _render_work_processes(c: PageContext, deployability: Deployability | None) -> Iterator[Page]:
    formats_of, improved = _formats_of(c.content), improvements_on(c.content)
    work_processes = sorted(c.content.work_processes.values(), key=lambda wp: (wp.retired, wp.code or "~", wp.title))
    yield c.page("work_processes.md.j2", paths.WORK_PROCESSES, c.t("label.work-processes"),
                 work_processes=work_processes, formats_of=formats_of)
    for wp in work_processes:
        yield c.page("work_process.md.j2", paths.work_process(wp.id), wp.title,
                     wp=wp, body=Markup(wp.body), formats_of=formats_of[wp.id], improvements=improved.get(wp.id, []),
                     who=deployability.who_can_do(wp) if deployability else None)


def _render_sources(c: PageContext) -> Iterator[Page]:
    org, build_date = c.content.organisation, c.renderer.build_date
    cited = citing_criteria(c.content)
    review_due = {s.id: review_due_on(s, org) for s in c.content.sources.values()}
    overdue = {s.id for s in sources_due_for_review(c.content, build_date)}
    readable = {s.id: readability(s.body, org.language) for s in c.content.sources.values()}
    # The count needs the levels also when personal data is off; names reach the page only when it is on.
    found = c.reinstructions
    people_count = people_to_reinstruct(found)
    team_order = {team.id: i for i, team in enumerate(org.teams)}
    names = [(r, c.facts.people[r.person_id].person.team) for r in found] if c.facts else []
    by_source = grouped(sorted(names, key=lambda row: team_order[row[1]]), lambda row: row[0].source.id)
    sources_list = sorted(c.content.sources.values(), key=lambda s: s.title.lower())
    yield c.page("sources.md.j2", paths.SOURCES, c.t("label.sources"),
                 sources_list=sources_list, review_due=review_due, overdue=overdue, readable=readable)
    for source in sources_list:
        yield c.page("source.md.j2", paths.source(source.id), source.title, source=source, body=Markup(source.body),
                     citing=cited[source.id], review_due=review_due[source.id],
                     overdue=is_review_due(source, org, build_date), readability=readable[source.id],
                     reinstruction_count=people_count.get(source.id, 0), reinstruction=by_source.get(source.id, []))


def _render_checklists(c: PageContext) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.html_page("checklists.html.j2", paths.CHECKLISTS, c.t("label.checklists"), formats=formats)
    for training_format in formats:
        for level in c.levels:
            title = c.t("label.checklist-title", format=training_format.title, level=level,
                        label=c.content.organisation.label(level))
            yield c.html_page("checklist.html.j2", paths.checklist(training_format.id, level), title,
                         format=training_format, level=level, groups=checklist_groups(c.content, training_format, level))


def _render_health(c: PageContext) -> Page:
    org, build_date = c.content.organisation, c.renderer.build_date
    # Counts need the levels also when personal data is off; lists with names only when it is on.
    facts = c.counts
    people_count = people_to_reinstruct(c.reinstructions)
    reinstruction = sorted(((c.content.sources[s], n) for s, n in people_count.items()),
                           key=lambda sn: (-sn[1], sn[0].title.lower()))
    expiring = expiring_levels(c.content, facts)
    counts_per_wp = expiry_counts(expiring, build_date)
    # Most levels dropping soonest first: the work processes to plan re-assessments on.
    expiry_rows = sorted(((c.content.work_processes[wp], n) for wp, n in counts_per_wp.items()),
                         key=lambda wn: ([-n for n in wn[1]], wn[0].title))
    overdue = overdue_training(c.content, facts)
    return c.page(
        "health.md.j2", paths.HEALTH, c.t("label.health"),
        due_sources=sources_due_for_review(c.content, build_date),
        due_soon=sources_due_soon(c.content, build_date), review_ahead_days=REVIEW_AHEAD_DAYS,
        review_due={s.id: review_due_on(s, org) for s in c.content.sources.values()},
        reinstruction=reinstruction,
        expiry_horizons=EXPIRY_HORIZONS, expiry_rows=expiry_rows, expiring_count=len(expiring),
        expiring=[(e, facts.people[e.person_id].person.team) for e in expiring] if c.facts else [],
        unsourced=criteria_without_source(c.content),
        unused=unused_sources(c.content),
        overdue=overdue if c.facts else [], overdue_count=len(overdue),
        hard_to_read=hard_to_read(c.content), easy_from=EASY_FROM, difficult_below=DIFFICULT_BELOW,
    )


def _render_free_pages(c: PageContext) -> Iterator[Page]:
    for free in c.content.pages:
        if free.path == "index.md":
            continue  # the home page's introduction
        title = _first_heading(free.text) or free.path.removesuffix(".md")
        yield Page(path=paths.free_page(free.path), title=title, markdown=free.text)


def _first_heading(markdown: str) -> str | None:
    """The text of the first ``# heading``, as the page shows it: ``&amp;`` there is ``&`` in a title."""
    heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), None)
    return None if heading is None else html.unescape(heading)


def _render_matrices(c: PageContext, facts: Facts) -> Iterator[Page]:
    formats = list(c.content.formats.values())
    yield c.html_page("matrices.html.j2", paths.MATRICES, c.t("label.matrices"), formats=formats)
    for training_format in formats:
        matrix = format_matrix(c.content, facts, training_format)
        title = c.t("label.matrix-of", format=training_format.title)
        split = sum(len(section.rows) for section in matrix.sections) > SPLIT_ROWS
        page = c.html_page("matrix.html.j2", paths.matrix(training_format.id), title, matrix=matrix, split=split)
        yield page if split else _wide(page)
        for section in matrix.sections if split else ():
            yield _wide(c.html_page("matrix_team.html.j2", paths.matrix_team(training_format.id, section.team.id),
                                    f"{title} — {section.team.name}", matrix=matrix, section=section))


def _wide(page: Page) -> Page:
    """A page whose table needs the whole width: the theme's sidebars are left out."""
    return replace(page, hide=("navigation", "toc"))


def _render_teams(c: PageContext, facts: Facts, deployability: Deployability) -> Iterator[Page]:
    rows = []
    teams = c.content.organisation.teams
    scale = max(1, c.content.organisation.coverage.count * 2, *(len(facts.members(team.id)) for team in teams))
    for team in c.content.organisation.teams:
        bars = team_coverage(c.content, facts, team)
        members = facts.members(team.id)
        rows.append((team, len(members), sum(bar.short for bar in bars)))
        yield c.html_page("team.html.j2", paths.team(team.id), team.name, bars=bars, members=members, scale=scale,
                          deployed=deployability.team_work_processes(team))
    yield c.html_page("teams.html.j2", paths.TEAMS, c.t("label.teams"), rows=rows)


def _render_people_index(c: PageContext, facts: Facts) -> Iterator[Page]:
    """Every active person, teams in organisation.yml order; names, so kept out of search as the POPs are.

    Per team when there are more than SPLIT_PEOPLE, with the index listing the teams."""
    teams = [team for team in c.content.organisation.teams if facts.members(team.id)]
    title = c.t("label.people-index")
    people = [person for team in teams for person in facts.members(team.id)]
    if len(people) <= SPLIT_PEOPLE:
        yield c.html_page("people.html.j2", paths.PEOPLE, title, search=False, people=people, team_counts=[],
                          team_choices=[(team.id, team.name) for team in teams], format_choices=_format_choices(c, people))
        return
    team_counts = [(team, len(facts.members(team.id))) for team in teams]
    yield c.html_page("people.html.j2", paths.PEOPLE, title, search=False, people=[], team_counts=team_counts,
                      team_choices=[], format_choices=[])
    for team in teams:
        members = facts.members(team.id)
        yield c.html_page("people_team.html.j2", paths.people_team(team.id), f"{title} — {team.name}", search=False,
                          people=members, format_choices=_format_choices(c, members))


def _format_choices(c: PageContext, people: Sequence[PersonFacts]) -> list[tuple[str, str]]:
    used = {person.format.id for person in people}
    return [(f.id, f.title) for f in c.content.formats.values() if f.id in used]


def _render_planning(c: PageContext, facts: Facts) -> Iterator[Page]:
    """All planned training by due date, overdue first; per team when there is too much for one page."""
    rows = [(p, facts.level(p.person, p.work_process), is_overdue(p, facts), is_reached(p, facts))
            for p in planned_training(c.content, facts)]
    rows.sort(key=lambda row: (not row[2], row[0].due))
    title = c.t("label.planning")
    people_by_id = c.content.people
    if len(rows) <= SPLIT_ROWS:
        planned_teams = {people_by_id[row[0].person].team for row in rows}
        team_choices = [(team.id, team.name) for team in c.content.organisation.teams if team.id in planned_teams]
        yield c.html_page("planning.html.j2", paths.PLANNING, title, rows=rows, team_counts=[],
                          people_by_id=people_by_id, team_choices=team_choices)
        return
    by_team = grouped(rows, lambda row: facts.people[row[0].person].person.team)
    team_counts = [(team, len(by_team[team.id]), sum(row[2] for row in by_team[team.id])) for team in c.content.organisation.teams]
    yield c.html_page("planning.html.j2", paths.PLANNING, title, rows=[], team_counts=team_counts)
    for team in c.content.organisation.teams:
        yield c.html_page("planning_team.html.j2", paths.planning_team(team.id), f"{title} — {team.name}",
                          rows=by_team[team.id], people_by_id=people_by_id)
