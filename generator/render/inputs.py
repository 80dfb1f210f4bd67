"""The dependency model: what each page is made from, and which pages a rebuild may take from the last one.

Every page is rendered by ``PageContext.page`` or ``html_page`` from three things::

    site-wide inputs ──┐          (the organisation, the names and titles every link shows,
                       │           the levels, the build date, the address, the templates)
    the page's inputs ─┼──► template ──► Page
                       │          (the keyword arguments its ``_render_*`` function passes:
    template, place, ──┘           the facts it shows, nothing else)
    title

A template sees its page's inputs and the shared globals of ``PageContext._shared`` only.
The shared globals are derived from the site-wide inputs, so ``site_key`` digests those
once per build: when it differs from the last build's, nothing is reused. Otherwise each
page's inputs are digested (``Digests``) and a page whose digest equals the last build's
at the same path is taken as it was, unrendered. The files beside the pages (the
spreadsheets) declare their inputs the same way, through ``PageContext.file``.

The digest is a pickle of the inputs with each model object (anything carrying a
``location``) replaced by a digest of its fields once per build, without two of them:

- ``location``: where an object was read; no page shows it (messages do);
- ``order``: a table row's position, which only orders rows that the inputs already hold in order;
- ``body``: an author's Markdown text; a page shows a body only through the sanitised
  ``body`` input its render function passes, so the text is an input of that page alone.
  A work-process text is then an input of its own page, not of every POP that names it.

``tests/test_incremental.py`` holds the model to its promise: after each kind of edit the
pages rebuilt from reused ones equal a fresh full build, byte for byte, and the pages
rendered again are the ones the edit reaches.

A new page type declares its inputs by passing them as keyword arguments, nothing more;
what it needs from the whole site comes through the shared globals, which are then
listed in ``site_key`` too. A template must not reach facts by any other way.
"""

from __future__ import annotations

import hashlib
import io
import operator
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup

from .. import model
from ..derive import PersonFacts
from ..derive.matrix import FormatMatrix
from ..derive.teams import TeamFacts
from ..diagnostics import Location
from ..fields import Ref
from .site import Page, StaticFile

T = TypeVar("T")

# Fields of model objects that no page shows through the object (see the module's docstring).
NOT_SHOWN = frozenset({"location", "body", "order"})
# What many pages show alike: digested once per build, then stood for by that digest.
SHARED = (model.Organisation, model.Team, model.TrainingFormat, model.CoreTask, model.WorkProcess, model.Criterion, model.Source,
          model.Person, model.Improvement, PersonFacts, TeamFacts, FormatMatrix)
# Model objects of which there are many, each shown on a few pages: their fields as a tuple, without a location.
MANY = (model.Signoff, model.SelfAssessment, model.PlannedTraining, Ref)


@dataclass
class RenderMemo:
    """What one build rendered, by path with the digest of its inputs: for the next build of the same ``serve``."""

    site: bytes = b""
    pages: dict[str, tuple[bytes, Page]] = field(default_factory=dict)
    files: dict[str, tuple[bytes, StaticFile]] = field(default_factory=dict)
    bodies: dict[tuple[str, str, bool | None], Markup] = field(default_factory=dict)  # sanitised bodies by text, page, links


class Reuse:
    """One build's side of the model: renders what changed, takes the rest from ``previous``.

    ``off()`` for a build that keeps nothing (a plain build: no digests at all);
    ``plan()`` for ``check``: pages and files with their paths and titles only, nothing rendered.
    """

    def __init__(self, previous: RenderMemo | None, *, keep: bool, render: bool = True) -> None:
        self.keep, self.render = keep, render
        self.previous = previous or RenderMemo()
        self.next = RenderMemo()
        self.rendered: list[str] = []  # paths of the pages and files made in this build, in order
        self._digests = Digests()

    @classmethod
    def off(cls) -> Reuse:
        return cls(None, keep=False)

    @classmethod
    def plan(cls) -> Reuse:
        return cls(None, keep=False, render=False)

    @classmethod
    def after(cls, previous: RenderMemo | None) -> Reuse:
        """A build that reuses what ``previous`` rendered (None: the first build of a ``serve``)."""
        return cls(previous, keep=True)

    def start(self, site: bytes) -> None:
        """Set this build's site-wide key; the last build's pages are reusable only under the same."""
        self.next.site = site
        if self.previous.site != site:
            self.previous = RenderMemo(bodies=self.previous.bodies)

    def page(self, path: str, inputs: tuple[Any, ...], make: Callable[[], Page], stub: Callable[[], Page]) -> Page:
        """The page at ``path`` made from ``inputs``: the last build's if they are the same, else ``make()``."""
        if not self.render:
            return stub()
        return self._reused(path, inputs, make, self.previous.pages, self.next.pages)

    def file(self, path: str, inputs: tuple[Any, ...], make: Callable[[], StaticFile], stub: Callable[[], StaticFile]) -> StaticFile:
        """A file beside the pages made from ``inputs`` (a spreadsheet), as ``page`` does for pages."""
        if not self.render:
            return stub()
        return self._reused(path, inputs, make, self.previous.files, self.next.files)

    def body(self, text: str, path: str, links: bool | None, make: Callable[[], Markup]) -> Markup:
        """An author's body, sanitised once per text and page for the whole ``serve``."""
        if not self.keep:
            return make()
        key = (text, path, links)
        done = self.previous.bodies.get(key)
        if done is None:
            done = make()
        self.next.bodies[key] = done
        return done

    def _reused(self, path: str, inputs: tuple[Any, ...], make: Callable[[], T],
                   previous: dict[str, tuple[bytes, T]], kept: dict[str, tuple[bytes, T]]) -> T:
        if not self.keep:
            return make()
        key = self._digests.of(inputs)
        old = previous.get(path)
        if key is not None and old is not None and old[0] == key:
            made = old[1]
        else:
            made = make()
            self.rendered.append(path)
        if key is not None:
            kept[path] = (key, made)
        return made

    def digest(self, *parts: Any) -> bytes:
        """The digest of ``parts`` as the model compares inputs (for the site-wide key)."""
        key = self._digests.of(parts)
        if key is None:
            raise TypeError("site-wide inputs must be digestible")
        return key


class Digests:
    """Digests of inputs within one build: a pickle in which a ``Location`` is nothing, and each object of a
    type in ``SHARED`` is the digest of its fields but ``NOT_SHOWN``, made once per build however many pages
    show it. Only those types reach Python code (through the pickler's dispatch table); the rest is
    pickled in C. The shared objects are kept referenced for the build, so that an identity never
    stands for two objects.
    """

    def __init__(self) -> None:
        self._known: dict[int, tuple[object, bytes]] = {}
        self._table: dict[type, Callable[[Any], tuple[Any, ...]]] = {Location: _nothing}
        self._table.update({kind: _as_tuple(kind) for kind in MANY})
        self._table.update(dict.fromkeys(SHARED, self._by_digest))

    def of(self, inputs: tuple[Any, ...]) -> bytes | None:
        """The digest of ``inputs``; None when they hold something that cannot be compared (then never reused)."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self._table
        try:
            pickler.dump(inputs)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        return hashlib.blake2b(buffer.getvalue(), digest_size=16).digest()

    def _by_digest(self, obj: Any) -> tuple[Any, ...]:
        known = self._known.get(id(obj))
        if known is None:
            kind: type[object] = type(obj)
            digest = self.of((kind.__qualname__, _shown(kind)(obj)))
            if digest is None:
                raise pickle.PicklingError(kind.__qualname__)
            known = self._known[id(obj)] = (obj, digest)
        return (bytes, (known[1],))


def _nothing(location: Location) -> tuple[Any, ...]:
    return (Location, ())


_GETTERS: dict[type[object], Callable[[Any], tuple[Any, ...]]] = {}


def _shown(kind: type[object]) -> Callable[[Any], tuple[Any, ...]]:
    """A C-speed getter of the fields of ``kind`` that pages may show, as a tuple."""
    getter = _GETTERS.get(kind)
    if getter is None:
        names = [f.name for f in fields(kind) if f.name not in NOT_SHOWN]  # type: ignore[arg-type]
        one = operator.attrgetter(*names)
        getter = _GETTERS[kind] = one if len(names) > 1 else lambda obj: (one(obj),)
    return getter


def _as_tuple(kind: type[object]) -> Callable[[Any], tuple[Any, ...]]:
    shown = _shown(kind)
    return lambda obj: (tuple, (shown(obj),))


def template_files(folders: Iterable[Path]) -> tuple[tuple[str, bytes], ...]:
    """Every template an environment may load, with its bytes: an edited template changes the site-wide key."""
    found: list[tuple[str, bytes]] = []
    for folder in folders:
        if folder.is_dir():
            found.extend((str(path), path.read_bytes()) for path in sorted(folder.rglob("*")) if path.is_file())
    return tuple(found)
