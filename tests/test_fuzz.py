"""Fuzz test: generate() on mutated copies of the example content never raises, never hangs,
and every message names a file under the content folder.

The mutations and the worker process are in ``fuzzing.py``. The default is a
short run; ``--fuzz-runs N`` (or ``FUZZ_RUNS``) makes a longer one and
``--fuzz-seed S`` (or ``FUZZ_SEED``) other trees. Each failure prints its seed
and mutations; ``--fuzz-seed <seed> --fuzz-runs 1`` runs that one tree again, and
``python -m tests.fuzzing --mutation name#seed`` replays single mutations.
"""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path

import pytest

from generator.generate import generate
from tests import fuzzing

TIMEOUT = 30.0  # only catches hangs: a normal run takes well under a second
STOP_AFTER = 5  # failing runs; enough to show several distinct bugs without waiting for every hang
JOBS = min(2, os.cpu_count() or 1)


def test_generate_survives_mutated_content(fuzz_plan: tuple[int, int], tmp_path: Path) -> None:
    runs, seed = fuzz_plan
    done = 0
    failing: list[fuzzing.Run] = []
    for run in fuzzing.fuzz(list(range(seed, seed + runs)), tmp_path, TIMEOUT, JOBS, stop_after=STOP_AFTER):
        done += 1
        assert run.mutations, f"seed {run.seed}: no mutation applied"
        if run.problem is not None:
            failing.append(run)
    distinct: dict[str | None, fuzzing.Run] = {}
    for run in failing:
        distinct.setdefault(fuzzing.same_bug(run.problem), run)  # the first run of each bug
    reports = "\n\n".join(run.report() for run in distinct.values())
    if failing:
        pytest.fail(
            f"{len(failing)} of {done} fuzz runs failed (seeds {seed}..{seed + runs - 1}; "
            f"stops after {STOP_AFTER} failures), {len(distinct)} distinct:\n\n{reports}",
            pytrace=False,  # the reports say all; the harness's own traceback would only hide them
        )


# --- the harness itself: it must be able to fail ------------------------------------------------


def test_a_raise_in_the_generator_fails_the_run(tmp_path: Path) -> None:
    run_dir = _example_run(tmp_path)
    worker = fuzzing.Worker(tmp_path)
    try:
        outcome = worker.generate(run_dir, TIMEOUT, inject="raise")
        assert outcome.kind == "raised"
        assert "RuntimeError('injected')" in outcome.signature
        assert "generator/generate.py" in outcome.signature  # the innermost frame of the generator
        assert fuzzing.check(outcome, run_dir) == outcome.signature
    finally:
        worker.close()


def test_a_hang_fails_the_run_and_the_next_run_gets_a_fresh_worker(tmp_path: Path) -> None:
    run_dir = _example_run(tmp_path)
    worker = fuzzing.Worker(tmp_path)
    try:
        hung = worker.generate(run_dir, 1.0, inject="hang")
        assert hung.kind == "hang", hung
        assert "hang (> 1 s)" in hung.signature
        assert "generator/generate.py" in hung.signature  # from faulthandler's dump
        again = worker.generate(run_dir, TIMEOUT)
        assert again.kind == "ok", again
        assert fuzzing.check(again, run_dir) is None
    finally:
        worker.close()


def test_a_message_outside_the_content_folder_fails_the_run(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    inside = fuzzing.Outcome("ok", paths=["content/people.csv", "content", "SOURCE_DATE_EPOCH"])
    assert fuzzing.check(inside, run_dir) is None
    for path in ["outside/people.csv", "people.csv", "content/../outside/x.md", "/etc/passwd", "contentx/a.md"]:
        assert fuzzing.check(fuzzing.Outcome("ok", paths=[path]), run_dir), path


def test_script_or_an_outside_load_in_the_output_fails_the_run(tmp_path: Path) -> None:
    site = generate(_example_run(tmp_path) / "content", build_date=fuzzing.BUILD_DATE).site
    assert site is not None and fuzzing.unsafe_output(site) == []
    page = site.pages[0]
    for unsafe in ("<script>x</script>", '<img src="https://x.example/p.gif">', '<a onclick="x()">', "[x](javascript:x)",
                   '<p style="background: url(//x.example/a)">'):
        broken = replace(site, pages=(replace(page, markdown=page.markdown + unsafe), *site.pages[1:]))
        assert fuzzing.unsafe_output(broken), unsafe
        assert fuzzing.check(fuzzing.Outcome("ok", unsafe=fuzzing.unsafe_output(broken)), tmp_path)
    shown = replace(site, pages=(replace(page, markdown=page.markdown + "<code>&lt;script&gt;</code>"), *site.pages[1:]))
    assert fuzzing.unsafe_output(shown) == []  # an example shown as code is no script


def test_every_mutation_applies_to_the_example_and_is_reproducible(tmp_path: Path) -> None:
    names = sorted(fuzzing.MUTATIONS)
    if os.geteuid() == 0:
        names.remove("unreadable")  # chmod 000 means nothing to root
    for name in names:
        seeds = [random.Random(name).randrange(2**32) + i for i in range(2)]
        applied = [_applied(tmp_path, name, seed) for seed in seeds]
        assert any(applied), f"{name} applied to none of 2 fresh trees"
        assert applied == [_applied(tmp_path, name, seed) for seed in seeds], name


def _example_run(tmp_path: Path) -> Path:
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    fuzzing.make_tree(run_dir)
    return run_dir


def _applied(tmp_path: Path, name: str, seed: int) -> str | None:
    run_dir = tmp_path / f"{name}-{seed}"
    run_dir.mkdir()
    try:
        done = fuzzing.apply(name, seed, fuzzing.make_tree(run_dir))
        return None if done is None else done.what
    finally:
        fuzzing.remove_tree(run_dir)
