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

Only where it is safe and pays: on Linux (elsewhere a fork without exec is unsafe or
missing), in a process that runs no other thread (a child forked from a threaded process
can hang on a lock that thread held: ``mkdocs serve`` forks for its first build, not for
the rebuilds its server threads start), with two CPUs to use, and for at least MIN_ITEMS
items. Otherwise, or if the helper fails in any way, this process renders the items
itself: the result is the same, and so is every error.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Generic, NoReturn, TypeVar

R = TypeVar("R")

log = logging.getLogger(__name__)

MIN_ITEMS = 200  # below this, forking costs about what it saves
CHUNK = 20  # items per claim: small enough for both to finish together, large enough to make claims rare
_MAX_CHUNKS = 1024  # their tokens (4 kB) must fit in a pipe's buffer before anyone reads: at least that, anywhere
_TOKEN = struct.Struct("<I")
_CPU_QUOTA = Path("/sys/fs/cgroup/cpu.max")  # a container's CPU limit (cgroup v2): "max 100000" or "150000 100000"


def worth_sharing(count: int) -> bool:
    """Whether ``count`` items are worth a helper process, and one can be forked safely here."""
    return count >= MIN_ITEMS and sys.platform == "linux" and threading.active_count() == 1 and _cpus() >= 2


def _cpus() -> float:
    """The CPUs this process may use: those it may run on, or fewer if its container has a quota."""
    return min(len(os.sched_getaffinity(0)), _cpu_quota() or float("inf"))


def _cpu_quota() -> float | None:
    try:
        quota, period = _CPU_QUOTA.read_text(encoding="ascii").split()
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError, ArithmeticError):
        return None  # no cgroup v2 limit readable here


class SharedWork(Generic[R]):
    """``render(0) … render(count - 1)``, computed by this process and (where worth it) a forked helper.

    Entering the ``with`` block starts the helper; ``results()`` renders this process's share
    and returns all results in order. Leaving the block stops a helper whose results were
    never asked for (an error elsewhere in the build).
    """

    def __init__(self, count: int, render: Callable[[int], R], *, alone: bool = False) -> None:
        """``alone``: render everything in this process (a build that records what it rendered, inputs.py)."""
        self._count, self._render, self._alone = count, render, alone
        size = max(CHUNK, -(-count // _MAX_CHUNKS))
        self._chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
        self._results: list[R] | None = None
        self._helper: _Helper[R] | None = None

    def __enter__(self) -> SharedWork[R]:
        if not self._alone and worth_sharing(self._count):
            self._helper = _Helper.start(self._chunks, self._render)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._helper is not None:
            self._helper.stop()

    def results(self) -> list[R]:
        """All results in order; the first call renders what the helper has not."""
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
        with _frozen_collector(), _signals_held():
            try:
                pid = os.fork()
            except OSError:
                pid = -1
            if pid == 0:
                os.close(results_read)  # else a helper whose reader is gone would wait to write forever
                _serve(chunks, render, claims_read, results_write)
        os.close(results_write)
        if pid < 0:
            os.close(claims_read)
            os.close(results_read)
            return None
        return cls(pid, claims_read, results_read)

    def receive(self) -> dict[int, list[R]]:
        """The helper's rendered chunks by number, once it has finished; empty if it failed."""
        result: dict[int, list[R]]
        loaded = False
        try:
            with open(self.results, "rb", closefd=False) as pipe:
                result = pickle.load(pipe)  # while the helper writes: the two overlap
            loaded = True
        except (EOFError, pickle.UnpicklingError):
            result = {}  # it ended before it had written everything; its exit status says why
        finally:
            code = self._end(kill=not loaded)  # also on any other error here: a helper left writing is stopped
        if code != 0:
            log.warning("the helper process ended with exit status %s; its pages were rendered in this process", code)
            return {}
        return result

    def stop(self) -> None:
        """End a helper whose results were not collected (the build failed elsewhere)."""
        if self._running:
            self._end(kill=True)

    def _end(self, *, kill: bool) -> int | None:
        """Close the pipes (a helper still writing then stops), reap the helper, and return its exit
        status; None when it cannot be known (SIGCHLD ignored: the system reaped the helper itself)."""
        self._running = False
        if kill:
            os.kill(self.pid, signal.SIGKILL)
        os.close(self.claims)
        os.close(self.results)
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return None if kill else 0  # a complete result was read: it finished
        return os.waitstatus_to_exitcode(status)


@contextmanager
def _frozen_collector() -> Iterator[None]:
    """Objects that exist at the fork are left out of the helper's collections: scanning writes to
    every object, and the kernel would copy each page of memory the two processes now share.
    (Left alone if the program has frozen objects of its own: unfreezing would release them too.)"""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # in this process; the helper never returns here


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl+C held back over the fork, so that it cannot reach the helper before it is in ``_serve``
    (where it ends it); this process gets it as soon as the fork is done."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _serve(chunks: list[range], render: Callable[[int], R], claims: int, results: int) -> NoReturn:
    """The helper's whole life: render the chunks it claims, send them back, and leave without
    running anything of the parent's (exit handlers, buffered output, ``finally`` clauses)."""
    code = 1
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        done = {number: [render(index) for index in chunks[number]] for number in _claims(claims)}
        with open(results, "wb") as pipe:
            pickle.dump(done, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)
