"""Where each page lives in the generated tree: one place for every URL of the site.

The folder names are Dutch on purpose: they are the site's addresses, which must
stay the same whatever language the labels are shown in.

The functions below give file paths in the generated tree (raw names: MkDocs
and the writer take them as files); :func:`relative_link` turns one into the
URL a page links to, percent-encoding every segment, since attachment and
free-page names are whatever the author called the file. Markdown pages link to
the ``.md`` file and the engine rewrites the link; pages the generator renders to
HTML get the served address from :func:`url_link`, since no engine rewrites it.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

HOME = "index.md"
FORMATS = "formats/index.md"
WORK_PROCESSES = "werkprocessen/index.md"
SOURCES = "bronnen/index.md"
CHECKLISTS = "aftekenlijsten/index.md"
MATRICES = "matrix/index.md"
TEAMS = "teams/index.md"
PLANNING = "planning/index.md"
PEOPLE = "mensen/index.md"
HEALTH = "gezondheid/index.md"
IMPROVEMENTS = "verbeteropdrachten/index.md"
IMPROVEMENTS_FEED = "verbeteropdrachten/feed.xml"


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


def matrix(format_id: str) -> str:
    return f"matrix/{format_id}.md"


def matrix_csv(format_id: str) -> str:
    return f"matrix/{format_id}.csv"


def signoff_sheet(format_id: str, level: int) -> str:
    return f"aftekenlijsten/{format_id}-niveau-{level}.xlsx"


def matrix_xlsx(format_id: str) -> str:
    return f"matrix/{format_id}.xlsx"


def matrix_team(format_id: str, team_id: str) -> str:
    """One team's part of a format's matrix, when the matrix is split (see SPLIT_ROWS)."""
    return f"matrix/{format_id}/{team_id}.md"


def people_team(team_id: str) -> str:
    """One team's part of the people index, when the index is split (see SPLIT_PEOPLE)."""
    return f"mensen/{team_id}.md"


def planning_team(team_id: str) -> str:
    return f"planning/{team_id}.md"


def team(team_id: str) -> str:
    return f"teams/{team_id}.md"


def person(person_id: str) -> str:
    return f"pop/{person_id}.md"


def person_checklist(person_id: str) -> str:
    """The checklist of a person's next level, pre-filled with their name and sign-offs."""
    return f"pop/{person_id}-aftekenlijst.md"


def improvement(improvement_id: str) -> str:
    return f"verbeteropdrachten/{improvement_id}.md"


def free_page(path: str) -> str:
    return path


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
