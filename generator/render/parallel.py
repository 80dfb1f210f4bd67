"""Independent pieces of rendering shared with a forked helper process: a build machine's second core.

On a large organisation the per-person pages (a POP and a pre-filled checklist for
each of 3,000 people) are half of the generator's time, and each is independent of
all others. As Sphinx's parallel build does, a forked helper inherits everything
already read and derived; it renders a share of the items while this process
renders the rest of the site, and only the finished results travel back, pickled
through a pipe. Both then take chunks of items until none are left, so neither
waits long for the other, whatever the shape of the organisation.

The chunks are handed out through a pipe filled before the fork: a fixed-size token
per chunk, read by whichever process is free (a read of a few bytes from a pipe is
one piece, so a token is never split). Nothing else is shared.

Only where it is safe and pays: ``os.fork`` exists, this process runs no other
thread (``mkdocs serve`` runs a server thread, and a child forked from a threaded
process can hang on a lock that thread held), there are two CPUs, and there are
at least MIN_ITEMS items. Otherwise, or if the helper fails in any way, this process
renders the items itself: the result is the same, and so is every error.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
import threading
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Generic, NoReturn, TypeVar

R = TypeVar("R")

MIN_ITEMS = 200  # below this, forking costs about what it saves
CHUNK = 20  # items per claim: small enough for both to finish together, large enough to make claims rare
_MAX_CHUNKS = 1024  # their tokens (4 kB) must fit in a pipe's buffer before anyone reads: at least that, anywhere
_TOKEN = struct.Struct("<I")


def worth_sharing(count: int) -> bool:
    """Whether ``count`` items are worth a helper process, and one can be forked safely here."""
    return count >= MIN_ITEMS and hasattr(os, "fork") and threading.active_count() == 1 and _cpus() >= 2


def _cpus() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


class Shared(Generic[R]):
    """``render(0) … render(count - 1)``, computed by this process and (where worth it) a forked helper.

    The helper starts when the object is made; ``results()`` renders this process's share
    and returns all results in order. Use it as a context manager: leaving it stops a helper
    whose results were never asked for (an error elsewhere in the build).
    """

    def __init__(self, count: int, render: Callable[[int], R]) -> None:
        self._render = render
        size = max(CHUNK, -(-count // _MAX_CHUNKS))
        self._chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
        self._results: list[R] | None = None
        self._helper: _Helper[R] | None = _Helper.start(self._chunks, render) if worth_sharing(count) else None

    def __enter__(self) -> Shared[R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._helper is not None:
            self._helper.stop()

    def results(self) -> list[R]:
        if self._results is None:
            self._results = self._collect()
        return self._results

    def _collect(self) -> list[R]:
        if self._helper is None:
            return [self._render(index) for chunk in self._chunks for index in chunk]
        mine = {number: [self._render(index) for index in self._chunks[number]] for number in _claims(self._helper.claims)}
        theirs = self._helper.receive()  # empty when the helper failed: its chunks are rendered here
        results: list[R] = []
        for number, chunk in enumerate(self._chunks):
            part = mine.get(number)
            if part is None:
                part = theirs.get(number)
            results.extend(part if part is not None else [self._render(index) for index in chunk])
        return results


def _claims(fd: int) -> Iterator[int]:
    """The numbers of the chunks this process takes, one at a time, until the pipe is empty."""
    while token := os.read(fd, _TOKEN.size):
        yield _TOKEN.unpack(token)[0]


class _Helper(Generic[R]):
    """The forked process: its id, the pipe of chunk tokens and the pipe its results come back on."""

    def __init__(self, pid: int, claims: int, results: int) -> None:
        self.pid, self.claims, self.results = pid, claims, results
        self._running = True

    @classmethod
    def start(cls, chunks: list[range], render: Callable[[int], R]) -> _Helper[R] | None:
        """Fork the helper; None (nothing started) when the system will not."""
        claims_read, claims_write = os.pipe()
        os.write(claims_write, b"".join(_TOKEN.pack(number) for number in range(len(chunks))))
        os.close(claims_write)  # an empty pipe now reads as the end: no chunks left
        results_read, results_write = os.pipe()
        # Inherited objects are not to be scanned by the helper's collector: scanning writes to every
        # object, and the kernel would copy each page of memory the two processes now share.
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:
            pid = -1
        if pid == 0:
            _serve(chunks, render, claims_read, results_write)
        gc.unfreeze()
        os.close(results_write)
        if pid < 0:
            os.close(claims_read)
            os.close(results_read)
            return None
        return cls(pid, claims_read, results_read)

    def receive(self) -> dict[int, list[R]]:
        """The helper's rendered chunks by number, once it has finished; empty if it failed."""
        result: dict[int, list[R]]
        try:
            with open(self.results, "rb", closefd=False) as pipe:
                result = pickle.load(pipe)  # while the helper writes: the two overlap
        except (EOFError, pickle.UnpicklingError):
            result = {}  # it ended before it had written everything; its exit status says so
        finally:
            code = self._end(kill=False)
        return result if code == 0 else {}

    def stop(self) -> None:
        """End a helper whose results were not collected (the build failed elsewhere)."""
        if self._running:
            self._end(kill=True)

    def _end(self, *, kill: bool) -> int:
        """Close the pipes (a helper still writing then stops), reap the helper, and return its exit code."""
        self._running = False
        if kill:
            os.kill(self.pid, signal.SIGKILL)
        os.close(self.claims)
        os.close(self.results)
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def _serve(chunks: list[range], render: Callable[[int], R], claims: int, results: int) -> NoReturn:
    """The helper's whole life: render the chunks it claims, send them back, and leave without
    running anything of the parent's (exit handlers, buffered output, ``finally`` clauses)."""
    code = 1
    try:
        done = {number: [render(index) for index in chunks[number]] for number in _claims(claims)}
        with open(results, "wb") as pipe:
            pickle.dump(done, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)
