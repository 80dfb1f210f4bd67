"""Check the keys of a YAML mapping against a small declarative schema.

Each reader (organisation, formats, …) declares which keys it knows; this module
reports unknown keys (with the closest known one), missing ones, wrong types and
values, and hands back only what passed, with the line of every key.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from .diagnostics import Location, Param, Report, Text, suggest
from .yamlfile import YamlList, YamlMap

# \A and \Z, not ^ and $: "$" also matches before a final newline, and "ploeg-9\n" is no id.
ID_PATTERN = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Every object's page is <folder>/<id>.md beside the folder's own index.md, which an id 'index'
# would overwrite (a team's page would replace the list of teams).
RESERVED_IDS = frozenset({"index"})
# Ids become file and folder names (a POP is published at <folder>/<person-id>/index.html, and file
# systems take 255 bytes per name); 100 characters leaves room for what the site adds around them.
MAX_ID_LENGTH = 100
URL_PATTERN = re.compile(r"\A(https?://[^\s]+|mailto:[^\s]+)\Z")

# A person's name as fold_name() writes it → (id, name): to recognise a name written where the id belongs.
PeopleNames = Mapping[str, tuple[str, str]]
# Letters that Unicode does not decompose into a base letter and an accent.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "œ": "oe"})

Kind = Literal["text", "id", "int", "bool", "date", "choice", "url", "ids", "texts", "map", "maps"]


@dataclass(frozen=True, kw_only=True)
class Field:
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()  # for "choice", and for "texts" whose every item is one of them
    schema: Mapping[str, Field] | None = None  # for "map" and "maps"
    item: str = ""  # catalogue key naming one list item, for messages about lists
    minimum: int | None = None  # for "int"
    maximum: int | None = None  # for "int"
    fold_case: bool = False  # for "choice": 'lean' is taken as 'LEAN'
    non_empty: bool = False  # for "texts": an empty list is a mistake (``item`` names what belongs in it)
    people: PeopleNames | None = None  # for "id" and "ids" that name people: a name there is recognised


Schema = Mapping[str, Field]


@dataclass(frozen=True)
class Ref:
    """An id named in the content, with the place that names it."""

    id: str
    location: Location


@dataclass(frozen=True, kw_only=True)
class Checked:
    """The keys of a mapping that passed their checks (others are absent), with their lines."""

    location: Location
    values: Mapping[str, Any]
    key_lines: Mapping[str, int] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def at(self, key: str) -> Location:
        return self.location.at(self.key_lines.get(key, self.location.line))


def example_id(name: str) -> str:
    """A valid id close to what the author wrote, to show in the message ('Yılmaz' → 'yilmaz', not 'y-lmaz')."""
    return re.sub(r"[^a-z0-9]+", "-", _without_accents(name).lower()).strip("-") or "id-1"


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_name(text: str) -> str:
    """A name as compared with others: without accents, case, hyphens and extra spaces."""
    return " ".join(_without_accents(text).casefold().replace("-", " ").split())


def people_by_name(people: Iterable[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """(id, name) pairs by folded name; a name two people share points at neither."""
    found: dict[str, tuple[str, str]] = {}
    shared: set[str] = set()
    for person_id, name in people:
        folded = fold_name(name)
        if folded in found:
            shared.add(folded)
        found[folded] = (person_id, name)
    return {folded: pair for folded, pair in found.items() if folded not in shared}


def person_id_problem(key: str, value: str, people: PeopleNames) -> tuple[str, dict[str, Param]]:
    """The message for something that is no id where a person's id belongs: their name, or something else."""
    if (person := people.get(fold_name(value))) is not None:
        return "person-name-for-id", {"key": key, "value": value, "id": person[0], "name": person[1]}
    example = next(iter(people.values()), ("p-001", ""))[0]
    return "bad-person-id", {"key": key, "value": value, "example": example}


@lru_cache(maxsize=65536)  # the same person and criterion ids recur on every row of a table
def is_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and bool(ID_PATTERN.match(value))


def too_long_id(value: str) -> dict[str, Param] | None:
    """For an id written well but too long: the parameters of its message (``long-id``); else None."""
    if len(value) <= MAX_ID_LENGTH or not ID_PATTERN.match(value):
        return None
    return {"value": value[:40] + "…", "length": len(value), "limit": MAX_ID_LENGTH}


def check_mapping(data: Any, schema: Schema, location: Location, report: Report) -> Checked | None:
    """Check a parsed YAML mapping; None (reported) when it is not a mapping at all."""
    if not isinstance(data, YamlMap):
        where = location.at(data.line) if isinstance(data, YamlList) else location
        report.error(where, "not-a-mapping", found=_type_word(data))
        return None
    mapping_location = location.at(data.line)
    values: dict[str, Any] = {}
    for key, value in data.items():
        key_location = location.at(data.line_of(key))
        spec = schema.get(key)
        if spec is None:
            report.error(key_location, "unknown-key", key=key, hint=hint(key, schema), known=", ".join(schema))
            continue
        checked = _check_value(key, value, data.raw.get(key), spec, key_location, report)
        if checked is not None:
            values[key] = checked
    for key, spec in schema.items():
        if spec.required and key not in data:
            report.error(mapping_location, "missing-key", key=key)
    return Checked(location=mapping_location, values=values, key_lines=dict(data.key_lines))


def _check_value(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    if value is None:
        if spec.required:  # written, but nothing after the colon: what the 'new' templates leave to fill in
            report.error(location, "empty-key", key=key)
        return None
    checker = _CHECKERS[spec.kind]
    return checker(key, value, raw, spec, location, report)


def _check_text(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool) and raw is not None:
        return raw  # "version: 3.10" means the text 3.10, not the number 3.1
    _wrong_type(key, value, "type.text", location, report)
    return None


def _check_id(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    text = _check_text(key, value, raw, spec, location, report)
    if text is None:
        return None
    if long := too_long_id(text):
        report.error(location, "long-id", **long)
        return None
    if not is_id(text):
        code, params = person_id_problem(key, text, spec.people) if spec.people is not None else (
            "bad-id", {"key": key, "value": text, "example": example_id(text)})
        report.error(location, code, **params)
        return None
    if key == "id" and text in RESERVED_IDS:  # where an object is defined; a reference to it is not a second mistake
        report.error(location, "reserved-id", value=text, example=f"{text}-1")
        return None
    return text


def _check_int(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        if spec.minimum is not None and value < spec.minimum:
            report.error(location, "too-small", key=key, minimum=spec.minimum, value=value)
            return None
        if spec.maximum is not None and value > spec.maximum:
            report.error(location, "too-large", key=key, maximum=spec.maximum, value=value)
            return None
        return value
    _wrong_type(key, value, "type.int", location, report)
    return None


def _check_bool(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    if isinstance(value, bool):
        return value
    _wrong_type(key, value, "type.bool", location, report)
    return None


def _check_date(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    report.error(location, "bad-date", key=key, value=str(raw if raw is not None else value))
    return None


def _check_choice(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    text = str(raw if raw is not None else value)
    if text in spec.choices:
        return text
    if spec.fold_case and (same := [c for c in spec.choices if c.casefold() == text.casefold()]):
        return same[0]
    report.error(location, "bad-choice", key=key, value=text, hint=hint(text, spec.choices), allowed=", ".join(spec.choices))
    return None


def _check_url(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    text = _check_text(key, value, raw, spec, location, report)
    if text is not None and not URL_PATTERN.match(text):
        report.error(location, "bad-url", key=key, value=text)
        return None
    return text


def _check_ids(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    items = _as_list(key, value, raw, location, report)
    if items is None:
        return None
    if not items and spec.required:
        report.error(location, "empty-list", key=key, item=Text(spec.item))
        return None
    refs: list[Ref] = []
    for item, line in items:
        item_location = location.at(line)
        text = _check_id(key, item, str(item), spec, item_location, report)
        if text is None:
            continue
        if any(ref.id == text for ref in refs):
            report.error(item_location, "duplicate-in-list", key=key, value=text)
            continue
        refs.append(Ref(text, item_location))
    return tuple(refs)


def _check_texts(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    items = _as_list(key, value, raw, location, report)
    if items is None:
        return None
    if not items and spec.non_empty:
        report.error(location, "empty-list", key=key, item=Text(spec.item))
        return None
    check = _check_choice if spec.choices else _check_text  # a list of choices: each item one of them
    texts = (check(key, item, str(item), spec, location.at(line), report) for item, line in items)
    return tuple(text for text in texts if text is not None)


def _check_map(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    assert spec.schema is not None
    return check_mapping(value, spec.schema, location, report)


def _check_maps(key: str, value: Any, raw: str | None, spec: Field, location: Location, report: Report) -> Any:
    assert spec.schema is not None
    items = _as_list(key, value, raw, location, report)
    if items is None:
        return None
    checked = (check_mapping(item, spec.schema, location.at(line), report) for item, line in items)
    return tuple(item for item in checked if item is not None)


def _as_list(key: str, value: Any, raw: str | None, location: Location, report: Report) -> list[tuple[Any, int]] | None:
    if not isinstance(value, YamlList):
        _wrong_type(key, value, "type.list", location, report)
        return None
    return list(zip(value, value.item_lines, strict=True))


def _wrong_type(key: str, value: Any, expected: str, location: Location, report: Report) -> None:
    report.error(location, "wrong-type", key=key, expected=Text(expected), found=_type_word(value))


def _type_word(value: Any) -> Text | str:
    if value is None:
        return Text("type.nothing")
    if isinstance(value, YamlMap):
        return Text("type.mapping")
    if isinstance(value, YamlList):
        return Text("type.list")
    if isinstance(value, bool):
        return str(value).lower()
    return f"'{value}'"


def hint(word: str, known: Any) -> Text:
    """The "did you mean …?" tail of a message, empty when nothing is close."""
    match = suggest(word, known)
    return Text("hint.did-you-mean", {"word": match}) if match else Text("hint.none")


_CHECKERS = {
    "text": _check_text,
    "id": _check_id,
    "int": _check_int,
    "bool": _check_bool,
    "date": _check_date,
    "choice": _check_choice,
    "url": _check_url,
    "ids": _check_ids,
    "texts": _check_texts,
    "map": _check_map,
    "maps": _check_maps,
}
