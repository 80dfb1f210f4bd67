"""The navigation: the few pages every page links to. Index pages list the many.

It lists public pages only, and at most one entry into the pages that name people: with
``access:`` the restricted folder's index, which names no one (a list of people in the
navigation would be on every page).
"""

from __future__ import annotations

from ..catalogue import Catalogue
from ..model import Content
from . import paths
from .paths import Layout
from .site import NavItem, Page


def build_nav(content: Content, pages: tuple[Page, ...], t: Catalogue, layout: Layout) -> tuple[NavItem, ...]:
    formats = tuple(NavItem(title=f.title, path=paths.training_format(f.id)) for f in content.formats.values())
    nav = [
        NavItem(title=t("label.home"), path=paths.HOME),
        NavItem(title=t("label.formats"), children=(NavItem(title=t("label.overview"), path=paths.FORMATS), *formats)),
        NavItem(title=t("house.title"), path=paths.FUNCTION_HOUSE),
        NavItem(title=t("label.work-processes"), path=paths.WORK_PROCESSES),
        NavItem(title=t("label.sources"), path=paths.SOURCES),
        NavItem(title=t("label.checklists"), path=paths.CHECKLISTS),
    ]
    nav.extend(_people_entries(layout, t))
    nav.append(NavItem(title=t("label.improvements"), path=paths.IMPROVEMENTS))
    nav.append(NavItem(title=t("label.health"), path=paths.HEALTH))
    nav.append(NavItem(title=t("implementation.nav"), path=paths.IMPLEMENTATION))
    free = {paths.free_page(p.path) for p in content.pages if p.path != "index.md"}
    nav.extend(NavItem(title=page.title, path=page.path) for page in pages if page.path in free)
    return tuple(nav)


def _people_entries(layout: Layout, t: Catalogue) -> list[NavItem]:
    """The way to the pages that name people: one entry to the restricted folder, or (where everyone
    reads them) the organisation-wide views themselves; nothing without personal data."""
    if not layout.personal_data:
        return []
    if (index := layout.restricted_index()) is not None:
        return [NavItem(title=t("label.restricted"), path=index)]
    return [NavItem(title=t("label.deployability"), children=(
        NavItem(title=t("label.matrices"), path=layout.matrices().path),
        NavItem(title=t("label.teams"), path=layout.teams().path),
        NavItem(title=t("label.people-index"), path=layout.people().path),
        NavItem(title=t("label.planning"), path=layout.planning().path),
    ))]
