"""The navigation: the few pages every page links to. Index pages list the many."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..model import Content
from . import paths
from .site import NavItem, Page


def build_nav(content: Content, pages: tuple[Page, ...], t: Catalogue) -> tuple[NavItem, ...]:
    formats = tuple(NavItem(title=f.title, path=paths.training_format(f.id)) for f in content.formats.values())
    nav = [
        NavItem(title=t("label.home"), path=paths.HOME),
        NavItem(title=t("label.formats"), children=(NavItem(title=t("label.overview"), path=paths.FORMATS), *formats)),
        NavItem(title=t("label.work-processes"), path=paths.WORK_PROCESSES),
        NavItem(title=t("label.sources"), path=paths.SOURCES),
        NavItem(title=t("label.checklists"), path=paths.CHECKLISTS),
    ]
    if content.organisation.personal_data:
        nav.append(NavItem(title=t("label.deployability"), children=(
            NavItem(title=t("label.matrices"), path=paths.MATRICES),
            NavItem(title=t("label.teams"), path=paths.TEAMS),
            NavItem(title=t("label.people-index"), path=paths.PEOPLE),
            NavItem(title=t("label.planning"), path=paths.PLANNING),
        )))
    nav.append(NavItem(title=t("label.improvements"), path=paths.IMPROVEMENTS))
    nav.append(NavItem(title=t("label.health"), path=paths.HEALTH))
    free = {paths.free_page(p.path) for p in content.pages if p.path != "index.md"}
    nav.extend(NavItem(title=page.title, path=page.path) for page in pages if page.path in free)
    return tuple(nav)
