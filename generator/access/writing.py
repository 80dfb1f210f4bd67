"""The rule files, written beside the built site: ``site`` → ``site-access/``.

Never inside the site: they name groups and logins, and the site's folder is what gets copied
to a web root or a share. (IIS wants its ``web.config`` in the site's root; the README says to
copy it there, where IIS refuses to serve it.)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ..catalogue import Catalogue
from ..model import Organisation
from . import apache, iis
from .rules import AccessRules

RULES_FOLDER_SUFFIX = "-access"

# Server (as ``rules:`` in organisation.yml names it) → its file and how to write it.
_WRITERS: dict[str, tuple[str, Callable[[AccessRules, Catalogue, str], str]]] = {
    apache.SERVER: (apache.FILE_NAME, apache.apache_rules),
    iis.SERVER: (iis.FILE_NAME, iis.iis_rules),
}


def rules_folder(site_dir: Path) -> Path:
    """Where the rules of a site built into ``site_dir`` go: beside it."""
    return site_dir.with_name(site_dir.name + RULES_FOLDER_SUFFIX)


def write_access_rules(site_dir: Path, table: AccessRules | None, organisation: Organisation, catalogue: Catalogue) -> list[Path]:
    """Write the rule files of the servers that organisation.yml names beside the site built into ``site_dir``
    (none, and earlier ones removed, without ``access:``); the files written."""
    servers = organisation.access.servers if organisation.access and table is not None else ()
    files = rule_files(table, servers, catalogue, organisation.name) if table is not None else {}
    folder = rules_folder(site_dir)
    write_rule_files(folder, files)
    return [folder / name for name in files]


def rule_files(table: AccessRules, servers: Iterable[str], t: Catalogue, site: str) -> dict[str, str]:
    """File name → text of the rules for each server, in the site's language (``site``: the organisation's name)."""
    return {_WRITERS[server][0]: _WRITERS[server][1](table, t, site) for server in servers}


def write_rule_files(folder: Path, files: Mapping[str, str]) -> None:
    """Write the rule files into ``folder``, removing rule files an earlier build wrote there that are not
    among them (rules that no longer hold must not linger where an administrator would pick them up)."""
    for name in _rule_file_names():
        if name not in files and (folder / name).is_file():
            (folder / name).unlink()
    if not files:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        temporary = folder / f".{name}.tmp"
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, folder / name)  # whole or not at all: a server may read it any moment


def _rule_file_names() -> Iterable[str]:
    return (name for name, _ in _WRITERS.values())
