"""The plain comparison: a MkDocs project of as many trivial pages as the generator made, with the same theme,
features, Markdown extensions and search, but no wgo plugin; what a full build is measured against."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from organisation import MARKER, REPO, WORDS, clear_output, to_yaml

PLAIN_FOLDER = 100  # pages per folder in the plain comparison's "folders" layout
PLAIN_LAYOUTS = ("folders", "same")  # "folders" is the one the targets compare against


def plain_paths(page_paths: Sequence[str], layout: str) -> list[str]:
    """``same``: the generator's own paths. ``folders``: ``index.md`` and folders of ``PLAIN_FOLDER`` pages each.

    Without an explicit nav MkDocs lists every page, and each page carries its whole section:
    with ``same`` every POP page lists all the others, which grows as the square of the people.
    """
    if layout == "same":
        return list(page_paths)
    return ["index.md"] + [f"deel-{i // PLAIN_FOLDER + 1:03d}/pagina-{i + 1}.md" for i in range(len(page_paths) - 1)]


def plain_page(number: int, layout: str) -> str:
    """``folders``: a page of 42 lines (headings, prose, a list, a table, a link); ``same``: one line of text."""
    if layout == "same":
        return f"# Pagina {number}\n\nEen korte pagina.\n"
    prose = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(40)).capitalize() + "."
    rows = [f"| stap {i} | {WORDS[(number * 3 + i) % len(WORDS)]} | {i * number % 97} |" for i in range(1, 9)]
    lines = [
        f"# Pagina {number}", "", prose, "", "## Werkwijze", "", prose, "",
        *[f"- {WORDS[(number + i) % len(WORDS)]} {WORDS[(number + 2 * i) % len(WORDS)]}" for i in range(7)], "",
        "## Stappen", "", "| stap | onderwerp | waarde |", "|---|---|--:|", *rows, "",
        "## Zie ook", "", prose, "", "Lees ook [de startpagina](#pagina-" + str(number) + ").", "",
        "## Opmerkingen", "", prose, "", prose, "", prose,
    ]
    return "\n".join(lines) + "\n"


def write_plain_project(folder: Path, page_paths: Sequence[str], layout: str) -> None:
    """A page per path, with the same theme, features and Markdown extensions and search, but no wgo plugin and no nav."""
    clear_output(folder)
    (folder / MARKER).write_text("{}", encoding="utf-8")
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))  # MkDocs' loader knows its !ENV tag
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plain = {"site_name": "Plain MkDocs", "docs_dir": "docs", "use_directory_urls": True, "theme": theme,
             "markdown_extensions": config["markdown_extensions"], "plugins": ["search"]}
    (folder / "mkdocs.yml").write_text(to_yaml(plain), encoding="utf-8")
    for number, path in enumerate(page_paths, 1):
        target = folder / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_page(number, layout), encoding="utf-8")


