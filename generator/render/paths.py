"""Where each page lives in the generated tree: one place for every URL of the site.

The folder names are Dutch on purpose: they are the site's addresses, which must
stay the same whatever language the labels are shown in.

The functions below give file paths in the generated tree (raw names: MkDocs
and the writer take them as files); :func:`relative_link` turns one into the
URL a page links to, percent-encoding every segment, since attachment and
free-page names are whatever the author called the file. Markdown pages link to
the ``.md`` file and the engine rewrites the link; pages the generator renders to
HTML get the served address from :func:`url_link`, since no engine rewrites it.

The pages that name people live where their audience may read them: :class:`Layout`
gives their places (paths with audiences), the functions here those of public pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from ..audience import PLANNERS, PUBLIC, Audience, Readers, person_and_leaders, team_leaders
from ..model import Organisation, Person

HOME = "index.md"
FORMATS = "formats/index.md"
FUNCTION_HOUSE = "functiehuis/index.md"
WORK_PROCESSES = "werkprocessen/index.md"
SOURCES = "bronnen/index.md"
CHECKLISTS = "aftekenlijsten/index.md"
HEALTH = "gezondheid/index.md"
IMPLEMENTATION = "invoering/index.md"
IMPROVEMENTS = "verbeteropdrachten/index.md"
# At the site's root: the pages announce it with <link rel="alternate">, and Material's script then fetches
# "sitemap.xml" beside the feed (it takes every alternate for a language version); only at the root is one there.
IMPROVEMENTS_FEED = "feed.xml"


def training_format(format_id: str) -> str:
    return f"formats/{format_id}.md"


def work_process(wp_id: str) -> str:
    return f"werkprocessen/{wp_id}.md"


def source(source_id: str) -> str:
    return f"bronnen/{source_id}.md"


def attachment(file: str) -> str:
    """An attachment, by its path relative to ``sources/`` (e.g. ``files/sop.pdf``)."""
    return f"bronnen/{file}"


def checklist(format_id: str, level: int) -> str:
    return f"aftekenlijsten/{format_id}-niveau-{level}.md"


def signoff_sheet(format_id: str, level: int) -> str:
    return f"aftekenlijsten/{format_id}-niveau-{level}.xlsx"


def improvement(improvement_id: str) -> str:
    return f"verbeteropdrachten/{improvement_id}.md"


def free_page(path: str) -> str:
    return path


# Anchors on the pages of a team's folder that public pages link to (where they count people per team).


def work_process_anchor(wp_id: str) -> str:
    """A work process's row on the team page: who in the team can do it."""
    return f"wp-{wp_id}"


def who_anchor(wp_id: str) -> str:
    """The names by level inside that row: a link here opens their folded list (the browser
    reveals a closed ``<details>`` that holds the target of the address)."""
    return f"wp-{wp_id}-wie"


def source_anchor(source_id: str) -> str:
    """A source's section on the team's re-instruction page."""
    return f"src-{source_id}"


# Sections of the health page that the implementation monitor links to.
HEALTH_REVIEWS_ANCHOR = "te-herzien"
HEALTH_UNSOURCED_ANCHOR = "zonder-bron"


# The pages that name people, by their path inside their audience's folder (see Layout).
MATRICES = "matrix/index.md"
TEAMS = "teams/index.md"
PEOPLE = "mensen/index.md"
PLANNING = "planning/index.md"
HEALTH_NAMES = "gezondheid/namen.md"
TEAMS_FOLDER = "teams"  # without access: the folder of the teams' folders
PEOPLE_FOLDER = "pop"  # the folder of the people's folders: in a team's folder, or (without access) at the root
# Inside the restricted folder: the organisation-wide views, which only the planners read.
ALL_TEAMS = "alle"
# Folders that MkDocs and Material write beside the pages: a restricted folder of that name would mix with them.
ENGINE_FOLDERS = ("assets", "search")
# The site's own top folders: the public pages', and those of the pages that name people where nothing is restricted.
GENERATED_FOLDERS = tuple(dict.fromkeys(path.partition("/")[0] for path in (
    FORMATS, FUNCTION_HOUSE, WORK_PROCESSES, SOURCES, CHECKLISTS, HEALTH, IMPLEMENTATION, IMPROVEMENTS, MATRICES, TEAMS, PEOPLE,
    PLANNING, HEALTH_NAMES,
    TEAMS_FOLDER, PEOPLE_FOLDER,
)))


@dataclass(frozen=True)
class Place:
    """Where a page or file lives, and who may read it (``public`` for those that name no one, ``Layout`` for the rest)."""

    path: str
    audience: Audience


class Layout:
    """The places of the pages that name people, and whether a page may show names.

    Without ``access:`` in organisation.yml they live where everyone reads them: ``pop/<person>/``,
    ``teams/<team>/``, and ``matrix/``, ``planning/``, ``mensen/`` at the root. With it, under the
    restricted folder: ``<folder>/<team>/`` holds the team's page, its matrices, planning and
    re-instruction, and its people's pages under ``pop/<person>/``;
    ``<folder>/alle/`` the organisation-wide views; ``<folder>/index.md`` lists them and names no one.
    Each folder is one set of readers, so that one rule per folder (of a web server, or of a file
    share) protects it.
    """

    def __init__(self, organisation: Organisation, people: Mapping[str, Person]) -> None:
        self.personal_data = organisation.personal_data
        self._authors_public = organisation.improvement_authors == "public"
        access = organisation.access if organisation.personal_data else None
        self.restricted = access.restricted_folder if access else None  # None: nothing is restricted
        teams = {team.id for team in organisation.teams}
        self._people = {person.id: person_and_leaders(person, teams) for person in people.values()}

    def shows_names(self, audience: Audience) -> bool:
        """Whether a page for ``audience`` may name people: with personal data, on restricted pages, or
        on every page when nothing is restricted (then every reader of the site sees every name)."""
        return self.personal_data and (audience.restricted or self.restricted is None)

    @property
    def credits_authors(self) -> bool:
        """Whether the public improvement pages and feed name their authors: where every page may name people, or
        where the organisation chose to (``improvement_authors: public``); never without personal data."""
        return self.shows_names(PUBLIC) or (self.personal_data and self._authors_public)

    def folder(self, audience: Audience) -> str:
        """The folder of an audience's pages, relative to the site root: '' or ending in '/'."""
        if audience.readers is Readers.PUBLIC:
            return ""
        if self.restricted is None:
            folders = {Readers.TEAM: f"{TEAMS_FOLDER}/{audience.team}/", Readers.PERSON: f"{PEOPLE_FOLDER}/{audience.person}/"}
            return folders.get(audience.readers, "")
        team = f"{self.restricted}/{audience.team or ALL_TEAMS}/"
        if audience.readers is Readers.PERSON:
            return f"{team}{PEOPLE_FOLDER}/{audience.person}/"
        return team if audience.readers is Readers.TEAM else f"{self.restricted}/{ALL_TEAMS}/"

    def _place(self, audience: Audience, name: str) -> Place:
        return Place(self.folder(audience) + name, audience)

    def restricted_index(self) -> str | None:
        """The page at the restricted folder that leads to the teams' folders (it names no one); None without one."""
        return f"{self.restricted}/index.md" if self.restricted else None

    # --- the organisation-wide views: for the planners -------------------------------------------

    def matrices(self) -> Place:
        return self._place(PLANNERS, MATRICES)

    def matrix(self, format_id: str) -> Place:
        return self._place(PLANNERS, f"{_folder(MATRICES)}{format_id}.md")

    def matrix_csv(self, format_id: str) -> Place:
        return self._place(PLANNERS, f"{_folder(MATRICES)}{format_id}.csv")

    def matrix_xlsx(self, format_id: str) -> Place:
        return self._place(PLANNERS, f"{_folder(MATRICES)}{format_id}.xlsx")

    def teams(self) -> Place:
        return self._place(PLANNERS, TEAMS)

    def people(self) -> Place:
        return self._place(PLANNERS, PEOPLE)

    def people_team(self, team_id: str) -> Place:
        """One team's part of the people index, when the index is split (see SPLIT_PEOPLE)."""
        return self._place(PLANNERS, f"{_folder(PEOPLE)}{team_id}.md")

    def planning(self) -> Place:
        return self._place(PLANNERS, PLANNING)

    def health_names(self) -> Place:
        """The names behind the health page's counts (levels that drop, training overdue)."""
        return self._place(PLANNERS, HEALTH_NAMES)

    # --- a team's folder: for its leaders and the planners ----------------------------------------

    def team(self, team_id: str) -> Place:
        return self._place(team_leaders(team_id), "index.md")

    def team_matrix(self, format_id: str, team_id: str) -> Place:
        return self._place(team_leaders(team_id), f"matrix/{format_id}.md")

    def team_matrix_csv(self, format_id: str, team_id: str) -> Place:
        return self._place(team_leaders(team_id), f"matrix/{format_id}.csv")

    def team_matrix_xlsx(self, format_id: str, team_id: str) -> Place:
        return self._place(team_leaders(team_id), f"matrix/{format_id}.xlsx")

    def team_planning(self, team_id: str) -> Place:
        return self._place(team_leaders(team_id), "planning.md")

    def team_reinstruction(self, team_id: str) -> Place:
        return self._place(team_leaders(team_id), "herinstructie.md")

    # --- a person's folder: also for the person -------------------------------------------------

    def person(self, person_id: str) -> Place:
        """The POP page."""
        return self._place(self._people[person_id], "index.md")

    def person_checklist(self, person_id: str) -> Place:
        """The checklist of a person's next level, pre-filled with their name and sign-offs."""
        return self._place(self._people[person_id], "aftekenlijst.md")

    def person_conversation(self, person_id: str) -> Place:
        """The conversation sheet: the assessed levels beside the person's own view, for the coach's conversation."""
        return self._place(self._people[person_id], "gesprek.md")

    def person_recognition(self, person_id: str) -> Place:
        """The overview for recognition: per MBO work process of the format the level shown, with date and assessor."""
        return self._place(self._people[person_id], "erkenning.md")

    def person_selfassessment_sheet(self, person_id: str) -> Place:
        """The self-assessment sheet (.xlsx) the person fills in: their work processes and assessed levels."""
        return self._place(self._people[person_id], "zelfbeoordeling.xlsx")


def _folder(index: str) -> str:
    """The folder of an index page, ending in '/'."""
    return index.removesuffix("index.md")


def public(path: str) -> Place:
    """A page or file that everyone may read: it names no one."""
    return Place(path, PUBLIC)


def in_any_sibling(path: str) -> str:
    """The same page in a sibling folder of no name (``pop/\0/index.md`` for ``pop/p-001/index.md``): links made
    from there are right from every sibling, so pages of many alike folders can share them."""
    folder, _, name = path.rpartition("/")
    return f"{folder.rpartition('/')[0]}/\0/{name}".lstrip("/")


def path_of(target: str | Place) -> str:
    """The path of a page or file in the tree, whether public (a path) or restricted (a place)."""
    return target if isinstance(target, str) else target.path


def relative_link(from_page: str, target: str) -> str:
    """The URL of ``target`` (a file of the tree) relative to the page ``from_page``: every path segment
    percent-encoded, so that no name can end the link, add a query or fragment, or start a scheme."""
    folder, _, _ = from_page.rpartition("/")
    return _relative_link(folder, target)


@lru_cache(maxsize=65536)
def _relative_link(folder: str, target: str) -> str:
    # Both are clean relative paths (no '.' or '..'), so this is plain segment arithmetic;
    # posixpath.relpath resolves both against the working directory first, which was most
    # of the rendering time on a large site. Pages in one folder share their links: cached.
    folders, parts = folder.split("/") if folder else [], target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    # A relative first segment holding ':' would read as a scheme; quoting ':' as %3A prevents that too.
    return "/".join([".."] * (len(folders) - common) + [quote(part, safe="") for part in parts[common:]])


def page_url(path: str, directory_urls: bool) -> str:
    """Where a file of the tree is served, relative to the site root: a page at ``folder/page/``
    (or ``folder/page.html``), ``index.md`` at its folder; any other file at its own path."""
    if not path.endswith(".md"):
        return path
    if path == "index.md" or path.endswith("/index.md"):
        stem = path.removesuffix("index.md")
        return stem if directory_urls else stem + "index.html"
    return path.removesuffix(".md") + ("/" if directory_urls else ".html")


def url_link(from_page: str, target: str, directory_urls: bool | None) -> str:
    """The served address of ``target`` relative to the served page ``from_page``, every segment
    percent-encoded: what an engine makes of a Markdown link, for pages handed over as HTML.
    With ``directory_urls`` None, the source link (:func:`relative_link`), for an engine to rewrite."""
    if directory_urls is None:
        return relative_link(from_page, target)
    return _url_link(page_url(from_page, directory_urls).rpartition("/")[0], page_url(target, directory_urls))


@lru_cache(maxsize=65536)
def _url_link(folder: str, url: str) -> str:
    # As MkDocs words it (mkdocs.utils.get_relative_url): '..' per folder left, '.' for the
    # page's own folder, and a trailing '/' kept on directory addresses.
    folders, parts = folder.split("/") if folder else [], url.rstrip("/").split("/") if url.rstrip("/") else []
    common = 0
    while common < len(folders) and common < len(parts) and folders[common] == parts[common]:
        common += 1
    relative = "/".join([".."] * (len(folders) - common) + [quote(part, safe="") for part in parts[common:]]) or "."
    return relative + "/" if url.endswith("/") or not url else relative
