"""The access rules as an IIS ``web.config`` (URL Authorization), for Windows intranets.

One ``<location>`` per restricted folder: the inherited rules cleared, then an ``Allow`` per
group (``roles``) and login (``users``) that may read it; whoever no rule allows is refused. The
restricted folder's own index page (the door, which names no one) is open to everyone.
IIS reads ``web.config`` from the site's root folder and never serves it, so the organisation
copies it there after each build (README). Groups and logins are written as Windows knows them:
``DOMEIN\\groep``, ``DOMEIN\\gebruiker``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..catalogue import Catalogue
from .rules import AccessRules, unwritable_anywhere

SERVER = "iis"
FILE_NAME = "web.config"


def unwritable(value: str) -> str | None:
    """Why ``value`` cannot be written into the rules (a catalogue key), or None when it can: ``roles`` and
    ``users`` are comma-separated lists, and ``*`` and ``?`` stand for everyone and anonymous visitors."""
    if reason := unwritable_anywhere(value):
        return reason
    if "," in value:
        return "access-reason.iis-comma"
    return "access-reason.iis-wildcard" if value.strip() in ("*", "?") else None


def iis_rules(table: AccessRules, t: Catalogue, site: str) -> str:
    """The ``web.config``, its comment in the site's language (``site``: the organisation's name)."""
    configuration = ET.Element("configuration")
    for rule in table.rules:
        authorization = _location(configuration, rule.folder)
        for group in rule.groups:
            ET.SubElement(authorization, "add", accessType="Allow", roles=group)
        for user in rule.users:
            ET.SubElement(authorization, "add", accessType="Allow", users=user)
    ET.SubElement(_location(configuration, table.door), "add", accessType="Allow", users="*")
    ET.indent(configuration)
    comment = ET.tostring(ET.Comment(f" {_comment_text(t('access-rules.iis', site=site))} "), encoding="unicode")
    body = ET.tostring(configuration, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{comment}\n{body}\n'


def _location(configuration: ET.Element, path: str) -> ET.Element:
    """A ``<location>`` whose inherited rules are cleared; its ``<authorization>`` to add rules to."""
    location = ET.SubElement(configuration, "location", path=path)
    authorization = ET.SubElement(ET.SubElement(ET.SubElement(location, "system.webServer"), "security"), "authorization")
    ET.SubElement(authorization, "clear")
    return authorization


def _comment_text(text: str) -> str:
    """An XML comment may not hold ``--`` (nor end in ``-``)."""
    return re.sub(r"-(?=-|$)", "- ", "\n     ".join(text.splitlines()))
