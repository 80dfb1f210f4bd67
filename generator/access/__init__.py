"""Who may read the pages that name people, as rules a web server enforces.

A static site cannot check who is reading; a web server (or a file share) can. With
``access:`` in organisation.yml every page that names people lies in a folder of one
audience (``audience.py``, ``render/paths.py``), and this package turns the audiences of
the built pages into one table of rules — folder, the groups and the logins that may read
it (``rules.py``) — and writes that table in the form each server reads: Apache httpd 2.4
(``apache.py``) and IIS (``iis.py``). ``checks.py`` refuses, at its line, every value that a
rule file could not hold.
"""

from __future__ import annotations

from .checks import advise_access, check_access
from .rules import AccessRule, AccessRules, access_rules
from .writing import rule_files, rules_folder, write_access_rules, write_rule_files

__all__ = [
    "AccessRule", "AccessRules", "access_rules", "advise_access", "check_access", "rule_files", "rules_folder", "write_access_rules",
    "write_rule_files",
]
