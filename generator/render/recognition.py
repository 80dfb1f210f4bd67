"""A person's overview for recognition (``erkenning.md`` in their folder): what they have shown per MBO
work process of their format, for a school or an EVC assessor; the facts are ``derive/recognition.py``'s."""

from __future__ import annotations

from ..derive import PersonFacts
from ..derive.recognition import recognition
from .context import PageContext
from .paths import in_any_sibling
from .site import Page


def recognition_page(c: PageContext, person: PersonFacts) -> Page:
    """The overview of one active person: printable on A4 portrait, the person's name on every page."""
    place = c.layout.person_recognition(person.person.id)
    title = c.t("recognition.title", name=person.person.name)
    labels = {level.level: level.label for level in c.content.organisation.levels}
    overview = recognition(c.content, person)
    # Only the assessors' formats: a page takes as input what it shows (render/inputs.py).
    formats = {a.format: c.content.formats[a.format] for a in overview.assessors if a.format in c.content.formats}
    return c.html_page("recognition.html.j2", place, title, links_as=in_any_sibling(place.path),
                       overview=overview, formats=formats, labels=labels)
