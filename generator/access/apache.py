"""The access rules as an Apache httpd 2.4 configuration fragment (``apache.conf``).

The organisation includes it in its own configuration, after saying where the site lies::

    Define WGO_SITE_ROOT /var/www/opleiden
    Include /etc/apache2/wgo/apache.conf

It holds one ``<Directory>`` per restricted folder (a folder, not a URL: the rule holds
whatever address reaches the files), each a ``Require`` per group and login that may read
it, and a ``<DirectoryMatch>`` that opens the restricted folder's own index page (the door,
which names no one; it matches that page and its folder's address only, nothing inside). Authentication
(Kerberos, LDAP, a password file) is the server's own; ``AuthzSendForbiddenOnFailure`` makes a
signed-in reader without access get 403 rather than a new login prompt, and ``AuthMerging Off``
keeps a rule from being combined with one the server sets around the site. The file refuses to
load when ``WGO_SITE_ROOT`` is missing or is not the folder of this site.

How a value reaches the server (checked on a real httpd by ``tests/test_apache_rules.py``):
httpd first replaces ``${NAME}`` with its defines, then reads a ``Require`` line as an expression
string (``\\`` and ``%{`` are special there), then splits it into words (quotes, ``\\"``). So a
value is quoted for the words, then escaped for the expression, and ``${`` is broken up. A group
written as an LDAP name (``CN=…,OU=…``) becomes ``Require ldap-group``, which takes the whole rest
of the line as the name: it is escaped for the expression only, never quoted.
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue
from .rules import AccessRule, AccessRules, unwritable_anywhere

SERVER = "apache"
FILE_NAME = "apache.conf"
ROOT_VARIABLE = "WGO_SITE_ROOT"
# attribute=value, separated by commas; a value may hold an escaped comma (CN=Jansen\, Jan) (RFC 4514).
_RDN = r"[A-Za-z][A-Za-z0-9-]*=(?:[^,\\]|\\.)*"
_LDAP_NAME = re.compile(rf"\A{_RDN}(?:,\s*{_RDN})*\Z")


def unwritable(value: str) -> str | None:
    """Why ``value`` cannot be written into the rules (a catalogue key), or None when it can: quoting holds the rest."""
    return unwritable_anywhere(value)


def is_ldap_name(group: str) -> bool:
    """Whether a group is written as an LDAP distinguished name (``CN=GG-Ploeg1,OU=Groepen,DC=voorbeeld,DC=nl``)."""
    return bool(_LDAP_NAME.match(group))


def apache_rules(table: AccessRules, t: Catalogue, site: str) -> str:
    """The configuration fragment, its comment and messages in the site's language (``site``: the organisation's name)."""
    heading = t("access-rules.apache", site=site)
    lines = [*(f"# {line}".rstrip() for line in heading.splitlines()), *_guards(table.door, t)]
    for rule in table.rules:
        lines += ["", f'<Directory "${{{ROOT_VARIABLE}}}/{rule.folder}">', *_requirements(rule), "</Directory>"]
    lines += ["", f'<DirectoryMatch "{_door_pattern(table.door)}">', "    Require all granted", "</DirectoryMatch>"]
    return "\n".join(lines) + "\n"


def _door_pattern(door: str) -> str:
    """The door's folder and the door itself, nothing else: httpd matches a ``<DirectoryMatch>`` against the
    folder a request names and against a file's whole path (checked on a real httpd)."""
    folder, _, name = door.rpartition("/")
    return f"^${{{ROOT_VARIABLE}}}/{folder}(/({re.escape(name)})?)?$"


def _guards(door: str, t: Catalogue) -> list[str]:
    """Lines that stop httpd from loading the rules where they would protect nothing."""
    at_root = f"${{{ROOT_VARIABLE}}}/{door}"
    return ["", f"<IfDefine !{ROOT_VARIABLE}>", f'Error "{t("access-rules.apache-no-root")}"', "</IfDefine>",
            f'<IfFile !"{at_root}">', f'Error "{t("access-rules.apache-wrong-root", door=at_root)}"', "</IfFile>"]


def _requirements(rule: AccessRule) -> list[str]:
    return ["    AuthMerging Off", "    AuthzSendForbiddenOnFailure On", "    <RequireAny>",
            *(f"        {_require_group(group)}" for group in rule.groups),
            *(f"        Require user {_quoted(user)}" for user in rule.users),
            "    </RequireAny>"]


def _require_group(group: str) -> str:
    if is_ldap_name(group):
        return f"Require ldap-group {_expression(group)}"
    return f"Require group {_quoted(group)}"


def _quoted(value: str) -> str:
    """One word of a ``Require`` line: quoted (the word level), then escaped for the expression level."""
    return _expression('"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')


def _expression(text: str) -> str:
    """Text that an expression string reads as it is: backslashes and ``%`` escaped, ``${`` broken up."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("${", "$\\{")
