"""Pieces that pages repeat thousands of times: level badges, links, and the long tables of a POP page.

They are Python rather than Jinja macros because a macro call costs tens of
microseconds, and on a large organisation the POP and matrix pages make
hundreds of thousands of them (most of the generator's time, when they were macros).
For the same reason the HTML pages read links by subscript (``wp_links[id]``,
``person_links[id]``): even a plain call from a template costs about as much as a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence

from markupsafe import Markup, escape

from ..catalogue import Catalogue
from ..derive import PersonFacts
from ..derive.history import HistoryRow, Void
from ..derive.levels import Standing
from ..fields import Ref
from ..model import Content, CoreTask, Criterion, Signoff, WorkProcess
from . import paths
from .escape import escape_text
from .paths import Layout, relative_link, url_link


class Snippets:
    def __init__(
        self, content: Content, t: Catalogue, date: Callable[[dt.date | None], str], warn_until: dt.date, layout: Layout,
    ) -> None:
        self.content, self.t, self.date, self.warn_until, self.layout = content, t, date, warn_until, layout
        labels = {level.level: escape_text(level.label) for level in content.organisation.levels}
        self._badges = {n: Markup(f'<span class="wgo-level wgo-level-{n}" title="{label}">{n}</span>') for n, label in labels.items()}
        # Links depend only on the page's folder and whether it may name people.
        self._folders: dict[tuple[str, bool], FolderLinks] = {}
        self._html_folders: dict[tuple[str, bool, bool | None, bool], HtmlLinks] = {}
        needed = content.organisation.improvement_level
        capped = escape_text(t("label.capped-mark", level=needed or 0))
        self.capped_mark = Markup(f' <span class="wgo-capped" title="{capped}">⚑</span>')

    def level_badge(self, level: int) -> Markup:
        """The level as a number on its colour (the number carries the meaning; the colour helps)."""
        return self._badges.get(level) or Markup(f'<span class="wgo-level">{level}</span>')

    def level_cell(self, standing: Standing) -> Markup:
        """A level badge with its expiry mark: a matrix or POP cell."""
        badge = self.level_badge(standing.level)
        return badge + self.expiry_mark(standing) if self._expiring(standing) else badge

    def overall_cell(self, person: PersonFacts) -> Markup:
        """The overall level, marked when the improvement rule rather than a work process holds it down."""
        badge = self.level_badge(person.overall)
        return badge + self.capped_mark if person.capped else badge

    def _expiring(self, standing: Standing) -> bool:
        return standing.expires is not None and standing.expires <= self.warn_until

    def expiry_mark(self, standing: Standing) -> Markup:
        """A mark on a level whose evidence stops counting within the warning period."""
        if not self._expiring(standing):
            return Markup("")
        title = escape_text(self.t("label.expires-on", date=self.date(standing.expires)))
        return Markup(f' <span class="wgo-expiring" title="{title}">!</span>')

    def links_from(self, page_path: str, names: bool) -> FolderLinks:
        """Links for a page (``names``: whether it may name people); pages in one folder share them (and their cache)."""
        key = (page_path.rpartition("/")[0], names)
        if key not in self._folders:
            self._folders[key] = FolderLinks(self, page_path, names)
        return self._folders[key]

    def html_links_from(self, page_path: str, directory_urls: bool | None, names: bool) -> HtmlLinks:
        """HTML links for a page rendered to HTML; the pages of one folder share them (and their cache).

        With directory URLs every page is served from a folder of its own, one level deeper than its
        folder's index page, so the links are made from a page of no name at that depth: the same
        for all of them (a page's link to itself reads ``../page/`` rather than ``./``).
        """
        folder, _, name = page_path.rpartition("/")
        key = (folder, name == "index.md", directory_urls, names)
        if key not in self._html_folders:
            anyone = page_path if name == "index.md" else f"{folder}/\0.md".lstrip("/")
            self._html_folders[key] = HtmlLinks(self, anyone, directory_urls, names)
        return self._html_folders[key]


class FolderLinks:
    """Links to people, work processes, criteria and sources, relative to the pages of one folder.

    Each kind has its own cache by id: the same few thousand links appear on thousands of pages.
    """

    def __init__(self, snippets: Snippets, page_path: str, names: bool) -> None:
        self.snippets, self.content, self.page_path, self.names = snippets, snippets.content, page_path, names
        self._people: dict[str, Markup] = {}
        self._work_processes: dict[str, Markup] = {}
        self._criteria: dict[str, Markup] = {}
        self._sources: dict[tuple[str, ...], Markup] = {}

    def person(self, person_id: str) -> Markup:
        """A name linking to the POP page; inactive people have none, unknown ids show as they are, and so
        does everyone's on a page that may not name people."""
        link = self._people.get(person_id)
        if link is None:
            link = self._people[person_id] = self._person(person_id)
        return link

    def _person(self, person_id: str) -> Markup:
        person = self.content.people.get(person_id) if self.names else None
        if person is None:
            return escape_text(person_id)
        if not person.active:
            return escape_text(person.name)
        return self._link(person.name, self.snippets.layout.person(person_id).path)

    def work_process(self, wp_id: str) -> Markup:
        """The work process's title, linking to its page."""
        link = self._work_processes.get(wp_id)
        if link is None:
            title = self.content.work_processes[wp_id].title
            link = self._work_processes[wp_id] = self._link(title, paths.work_process(wp_id))
        return link

    def criterion(self, criterion_id: str) -> Markup:
        """A criterion's text with its id, and the sources it cites (as POP pages list them)."""
        item = self._criteria.get(criterion_id)
        if item is None:
            criterion = self.content.criteria[criterion_id]
            item = Markup(f'{escape_text(criterion.text)} <small class="wgo-id">{escape_text(criterion.id)}</small>')
            if criterion.sources:
                item += Markup(" — ") + self.sources(criterion.sources)
            self._criteria[criterion_id] = item
        return item

    def _link(self, text: str, target: str) -> Markup:
        return Markup(f"[{escape_text(text)}]({relative_link(self.page_path, target)})")

    def sources(self, refs: Iterable[Ref]) -> Markup:
        ids = tuple(ref.id for ref in refs)
        links = self._sources.get(ids)
        if links is None:
            links = self._sources[ids] = Markup(", ").join(self.source(source_id) for source_id in ids)
        return links

    def source(self, source_id: str) -> Markup:
        """A source's title linking to its page; an unknown id shows as it is."""
        source = self.content.sources.get(source_id)
        if source is None:
            return escape_text(source_id)
        return self._link(source.title, paths.source(source_id))


_CRITERION = Markup('{} <small class="wgo-id">{}</small>')
_CHECKLIST_ROW_START = Markup('<tr>\n<td>{} <small class="wgo-id">{}</small></td>\n<td>{}</td>\n<td>{}</td>\n')
_CHECKLIST_ROW_END = "<td>&nbsp;</td>\n<td>&nbsp;</td>\n<td>&nbsp;</td>\n</tr>\n"
_EXPIRED_FLAG = Markup(' <span class="wgo-flag wgo-expired">{}</span>')
_SUPERSEDED_FLAG = Markup(' <span class="wgo-flag wgo-superseded">{}</span>')
_SIGNED_CELLS = Markup('<td class="wgo-signed">{}</td>\n<td class="wgo-signed">{}</td>\n<td>&nbsp;</td>\n</tr>\n')


class HtmlLinks(FolderLinks):
    """Links as HTML, to served addresses, for the pages rendered to HTML (their templates use autoescape).

    ``directory_urls`` None links to the source files, for engines that rewrite links in HTML.
    """

    def __init__(self, snippets: Snippets, page_path: str, directory_urls: bool | None, names: bool) -> None:
        super().__init__(snippets, page_path, names)
        self.directory_urls = directory_urls
        # For rows repeated thousands of times: in a template a subscript costs a fraction of a call.
        self.person_links = LinkLookup(self.person)
        self.wp_links = LinkLookup(self.work_process)
        self._checklist_rows: dict[str, str] = {}
        self._signed_cells: dict[dt.date, str] = {}
        self._signed_cells_by_key: dict[str, Markup] = {}
        self._dates: dict[dt.date, str] = {}
        self._void_flags: dict[dt.date | None, str] = {}

    def _link(self, text: str, target: str) -> Markup:
        # An f-string of escaped parts: Markup.format is a pure-Python formatter, ten times slower.
        return Markup(f'<a href="{escape(url_link(self.page_path, target, self.directory_urls))}">{escape(text)}</a>')

    def _person(self, person_id: str) -> Markup:
        person = self.content.people.get(person_id) if self.names else None
        if person is None or not person.active:
            return Markup.escape(person.name if person else person_id)
        return self._link(person.name, self.snippets.layout.person(person_id).path)

    def criterion(self, criterion_id: str) -> Markup:
        """A criterion's text with its id, and the sources it cites (as POP pages list them)."""
        item = self._criteria.get(criterion_id)
        if item is None:
            criterion = self.content.criteria[criterion_id]
            item = _CRITERION.format(criterion.text, criterion.id)
            if criterion.sources:
                item = Markup("{} — {}").format(item, self.sources(criterion.sources))
            self._criteria[criterion_id] = item
        return item

    def checklist_sections(
        self, groups: Iterable[tuple[CoreTask, Iterable[WorkProcess]]], level: int, signed: Mapping[str, dt.date],
        anchor: Callable[[str], str], head: str,
    ) -> Markup:
        """A checklist's core tasks, and under each its work processes with their criteria at ``level`` as a
        table (``head`` its header row). ``anchor`` is the page's own, so heading ids stay unique on it."""
        parts = []
        for task, wps in groups:
            text = f"{task.code} {task.title}"
            parts.append(f'<h2 id="{escape(anchor(text))}">{escape(text)}</h2>\n')
            for wp in wps:
                text = f"{wp.title} ({wp.code})" if wp.code else wp.title
                parts.append(f'<h3 id="{escape(anchor(text))}">{escape(text)}</h3>\n<div class="wgo-checklist">\n<table>\n{head}\n'
                             f"<tbody>\n{self.checklist_rows(wp.criteria_at(level), signed)}</tbody>\n</table>\n</div>\n")
        return Markup("".join(parts))

    def checklist_rows(self, criteria: Iterable[Criterion], signed: Mapping[str, dt.date]) -> Markup:
        """The rows of a checklist table: criterion, kind, sources, then date and initials, filled in
        where ``signed`` has the criterion. A row is made once per criterion and date: the pre-filled
        checklist of every person repeats them (a fifth of the generator's time, as a template loop)."""
        return Markup("".join([self._checklist_row(criterion, signed.get(criterion.id)) for criterion in criteria]))

    # The row parts below are escaped HTML kept as plain str and made Markup once per table:
    # each Markup operation escapes its operands again, which cost more than the row itself.

    def _checklist_row(self, criterion: Criterion, signed_on: dt.date | None) -> str:
        start = self._checklist_rows.get(criterion.id)
        if start is None:
            kind = self.snippets.t(f"kind.{criterion.kind}")
            start = self._checklist_rows[criterion.id] = str(_CHECKLIST_ROW_START.format(
                criterion.text, criterion.id, kind, self.sources(criterion.sources)))
        if signed_on is None:
            return start + _CHECKLIST_ROW_END
        cells = self._signed_cells.get(signed_on)
        if cells is None:
            date, signed = self.snippets.date(signed_on), self.snippets.t("label.signed")
            cells = self._signed_cells[signed_on] = str(_SIGNED_CELLS.format(date, signed))
        return start + cells

    def level_rows(self, person: PersonFacts, work_processes: Iterable[WorkProcess]) -> Markup:
        """A POP's rows of work process, level (with its expiry mark), target and gap."""
        target = person.target
        rows = []
        for wp in work_processes:
            standing = person.standings[wp.id]
            level, gap = self.snippets.level_cell(standing), max(target - standing.level, 0)
            rows.append(
                f'<tr>\n<td>{self.wp_links[wp.id]}</td>\n<td align="center">{level}</td>\n'
                f'<td align="center">{target}</td>\n<td align="center">{gap}</td>\n</tr>\n'
            )
        return Markup("".join(rows))

    def next_step_sections(self, steps: Iterable[tuple[WorkProcess, int, Sequence[Criterion]]], anchor: Callable[[str], str]) -> Markup:
        """A POP's next steps: per work process the next level as a heading (``anchor`` the page's own),
        then the criteria still to sign as a list, or that the level is reached by assessment only."""
        t = self.snippets.t
        level_word, assessment_only = t("label.level"), escape(t("label.assessment-only"))
        parts = []
        for wp, level, missing in steps:
            text = f"{wp.title} → {level_word} {level}"
            parts.append(f'<h3 id="{escape(anchor(text))}">{escape(text)}</h3>\n')
            parts.append(f"{self.criteria_list(missing)}\n" if missing else f"<p>{assessment_only}</p>\n")
        return Markup("".join(parts).removesuffix("\n"))

    def criteria_list(self, criteria: Iterable[Criterion]) -> str:
        """The criteria still to sign as a list, each with its sources; several items are paragraphs,
        as Python-Markdown makes a list whose items are apart."""
        items = [self.criterion(criterion.id) for criterion in criteria]
        if len(items) == 1:
            return f"<ul>\n<li>{items[0]}</li>\n</ul>"
        return "<ul>\n" + "".join([f"<li>\n<p>{item}</p>\n</li>\n" for item in items]) + "</ul>"

    def history_rows(self, rows: Iterable[HistoryRow]) -> Markup:
        """The rows of a POP's sign-off history: date (and why it no longer counts), work process, what was
        signed, assessor, note. Every sign-off is a row on one page; as a template loop they took a third
        of the POP pages' time."""
        return Markup("".join([self._history_row(row) for row in rows]))

    def _history_row(self, row: HistoryRow) -> str:
        signoff = row.signoff
        return (
            f"<tr>\n<td>{self._date(signoff.date)}{self._void_flag(row)}</td>\n<td>{self.wp_links[signoff.work_process]}</td>\n"
            f"<td>{self._signed(signoff)}</td>\n<td>{self.person_links[signoff.assessor]}</td>\n"
            f"<td>{escape(signoff.note) if signoff.note else ''}</td>\n</tr>\n"
        )

    def _void_flag(self, row: HistoryRow) -> str:
        if row.void is None:
            return ""
        superseded_on = None if row.void is Void.EXPIRED or row.superseded_by is None else row.superseded_by.date
        flag = self._void_flags.get(superseded_on)
        if flag is None:
            if superseded_on is None:
                flag = _EXPIRED_FLAG.format(self.snippets.t("label.expired"))
            else:
                flag = _SUPERSEDED_FLAG.format(self.snippets.t("label.superseded", date=self.snippets.date(superseded_on)))
            self._void_flags[superseded_on] = flag
        return flag

    def _signed(self, signoff: Signoff) -> str:
        """What a sign-off signed: a criterion (marked when retired since) or the whole work process at a level."""
        key = signoff.criterion or f"\0{signoff.level or 0}"
        cell = self._signed_cells_by_key.get(key)
        if cell is None:
            if signoff.criterion:
                criterion = self.content.criteria[signoff.criterion]
                cell = _CRITERION.format(criterion.text, criterion.id)
                if criterion.retired:
                    cell += Markup(" ({})").format(self.snippets.t("label.retired"))
            else:
                cell = Markup.escape(self.snippets.t("label.assessment", level=signoff.level or 0))
            self._signed_cells_by_key[key] = cell
        return cell

    def _date(self, date: dt.date) -> str:
        text = self._dates.get(date)
        if text is None:
            text = self._dates[date] = str(escape(self.snippets.date(date)))
        return text


class LinkLookup(dict[str, Markup]):
    """Links by id that a template reads as ``wp_links[id]``, made on first use."""

    def __init__(self, make: Callable[[str], Markup]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> Markup:
        value = self[key] = self.make(key)
        return value
