"""``python -m generator new``: start a new source, work process or improvement from a template.

The template names every required key with a one-line comment in the site's
language. Where only the author knows the answer (a title, an owner, a person or
work-process id, a type or method to choose) the value is left empty, so that
``check`` fails with the file and line until it is filled in; where a default is
honest it is written out (a source starts as ``draft``, an improvement as
``idea``, dates start on the build date, a first criterion at level 1 with an id
that follows the usual pattern). Optional keys are listed commented out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue
from .diagnostics import Param, Report, display_path
from .fields import RESERVED_IDS, example_id, is_id, too_long_id
from .invocation import printed_command
from .model import IMPROVEMENT_METHODS, IMPROVEMENT_STATUSES, KINDS, SOURCE_STATUSES, SOURCE_TYPES, Organisation
from .read.organisation import read_organisation

FOLDERS = {"source": "sources", "work-process": "work-processes", "improvement": "improvements"}
IMPROVEMENT_SECTIONS = ("background", "plan", "do", "check", "act", "result")


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What ``new`` did: the file written (None when it refused) and the lines to show, worded."""

    written: Path | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class _Key:
    name: str
    value: str = ""  # the YAML after the colon; empty where only the author knows the answer
    optional: bool = False  # written commented out
    params: Mapping[str, Param] = field(default_factory=dict)
    nested: tuple[str, ...] = ()  # lines of a list of mappings under the key, already indented


def create(kind: str, new_id: str, content_dir: Path, today: dt.date) -> Outcome:
    """Write ``<content_dir>/<folder of kind>/<new_id>.md`` from its template; never overwrites."""
    if not content_dir.is_dir():
        return _refused(Catalogue(), "new.no-content", folder=display_path(content_dir))
    organisation = read_organisation(content_dir, Report())  # only the language and scale; check reports the rest
    words = Catalogue(organisation.language)
    if long := too_long_id(new_id):
        return _refused(words, "long-id", **long)
    if not is_id(new_id):
        return _refused(words, "new.bad-id", id=new_id, example=example_id(new_id.removesuffix(".md")))
    if new_id in RESERVED_IDS:
        return _refused(words, "reserved-id", value=new_id, example=f"{new_id}-1")
    folder = content_dir / FOLDERS[kind]
    if not folder.resolve().is_relative_to(content_dir.resolve()):  # a symlinked folder must not lead us out
        return _refused(words, "new.outside", folder=display_path(folder), content=display_path(content_dir))
    path = folder / f"{new_id}.md"
    if problem := _write_new(path, template(kind, new_id, organisation, today)):
        return _refused(words, problem[0], **problem[1])
    shown = display_path(path)
    check = printed_command("check", display_path(content_dir))
    return Outcome(written=path, lines=(words("new.written", path=shown), words("new.next", command=check)))


def template(kind: str, new_id: str, organisation: Organisation, today: dt.date) -> str:
    """The text of a new file of ``kind`` in the organisation's language."""
    words = Catalogue(organisation.language)
    if kind == "source":
        keys, body = _source_keys(organisation, today), ""
    elif kind == "work-process":
        keys, body = _work_process_keys(new_id, organisation, words), ""
    else:
        keys, body = _improvement_keys(today), _improvement_body(words)
    head = [f"# {words(f'new.{kind}.intro', id=new_id)}", f"# {words('new.optional')}"]
    meta = [*head, *_key_lines(words, kind, keys), f"# {words(f'new.{kind}.body')}"]
    return "\n".join(["---", *meta, "---", body])


def _source_keys(organisation: Organisation, today: dt.date) -> list[_Key]:
    return [
        _Key("title"),
        _Key("type", params={"choices": ", ".join(SOURCE_TYPES)}),
        _Key("owner"),
        _Key("version", '"1.0"', optional=True),
        _Key("reviewed", today.isoformat()),
        _Key("changed", today.isoformat(), optional=True),
        _Key("review_months", str(organisation.source_review_months), optional=True),
        _Key("status", "draft", params={"choices": ", ".join(SOURCE_STATUSES)}),
        _Key("url", "https://", optional=True),
        _Key("file", "files/", optional=True),
    ]


def _work_process_keys(new_id: str, organisation: Organisation, words: Catalogue) -> list[_Key]:
    criterion = [
        _Key("id", f"{new_id}-1-01"),
        _Key("level", "1", params={"high": organisation.max_level}),
        _Key("kind", params={"choices": ", ".join(KINDS)}),
        _Key("text"),
        _Key("sources", "[]"),
    ]
    nested = _key_lines(words, "criterion", criterion, indent="    ", first="  - ")
    return [
        _Key("title"),
        _Key("code", "B1-K1-W1", optional=True),
        _Key("valid_months", "36", optional=True),
        _Key("criteria", nested=tuple(nested)),
    ]


def _improvement_keys(today: dt.date) -> list[_Key]:
    return [
        _Key("title"),
        _Key("author"),
        _Key("method", params={"choices": ", ".join(IMPROVEMENT_METHODS)}),
        _Key("status", "idea", params={"choices": ", ".join(IMPROVEMENT_STATUSES)}),
        _Key("started", today.isoformat()),
        _Key("finished", today.isoformat(), optional=True),
        _Key("work_processes", "[]"),
        _Key("savings", optional=True),
        _Key("team", optional=True),
        _Key("co_authors", "[]", optional=True),
        _Key("tags", "[]", optional=True),
    ]


def _improvement_body(words: Catalogue) -> str:
    return "".join(f"\n## {words(f'new.section.{section}')}\n" for section in IMPROVEMENT_SECTIONS)


def _key_lines(words: Catalogue, kind: str, keys: Sequence[_Key], *, indent: str = "", first: str | None = None) -> list[str]:
    """Each key as a comment line and a ``key: value`` line; optional keys commented out."""
    lines = []
    for number, key in enumerate(keys):
        comment = words(f"new.{kind}.{key.name}", **key.params)
        if key.optional:
            comment = f"{comment} {words('new.optional-mark')}"
        entry = f"{key.name}: {key.value}".rstrip(" ")
        prefix = first if number == 0 and first is not None else indent
        comment_indent = prefix.replace("- ", "")  # the comment on a list item's first key stands above its dash
        lines += [f"{comment_indent}# {comment}", f"{indent}# {entry}" if key.optional else f"{prefix}{entry}", *key.nested]
    return lines


def _write_new(path: Path, text: str) -> tuple[str, dict[str, Param]] | None:
    """Create ``path`` with ``text``; the catalogue key and parameters of the reason when it could not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # e.g. a file where the folder should be
        return "new.failed", {"path": display_path(path), "problem": error.strerror or str(error)}
    try:
        # "x" refuses an existing file, also one created meanwhile or a symlink, instead of overwriting it.
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        return "new.exists", {"path": display_path(path)}
    except OSError as error:
        return "new.failed", {"path": display_path(path), "problem": error.strerror or str(error)}
    return None


def _refused(words: Catalogue, key: str, **params: Param) -> Outcome:
    return Outcome(written=None, lines=(f"{words('severity.error')}: {words(key, **params)}",))
