"""Every clause of "Level of a person on a work process" and "Counted sign-offs" (PRODUCT.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.dates import add_months, build_date, months_before
from generator.derive import PersonFacts, next_steps
from generator.derive.levels import (
    Overall,
    Standing,
    Status,
    counts,
    finished_authors,
    is_finished,
    overall_level,
    qualification_status,
    standing,
)
from generator.diagnostics import Location
from generator.fields import Ref
from generator.model import Criterion, Improvement, Person, Signoff, TrainingFormat, WorkProcess

HERE = Location(path="test")
TODAY = dt.date(2026, 11, 1)
MAX = 4


def work_process(criteria_per_level: dict[int, int], valid_months: int | None = None, retired: tuple[str, ...] = ()) -> WorkProcess:
    criteria = tuple(
        Criterion(id=f"c-{level}-{n}", work_process="wp", level=level, kind="skill", text="", sources=(),
                  retired=f"c-{level}-{n}" in retired, retired_on=None, location=HERE)
        for level, count in criteria_per_level.items()
        for n in range(1, count + 1)
    )
    return WorkProcess(id="wp", title="WP", code="", valid_months=valid_months, criteria=criteria, retired=False, body="", location=HERE)


def signed(criterion: str | None = None, level: int | None = None, on: str = "2026-01-01", order: int = 0) -> Signoff:
    return Signoff(person="p", work_process="wp", criterion=criterion, level=level, date=dt.date.fromisoformat(on),
                   assessor="a", note="", location=HERE, order=order)


def level_of(wp: WorkProcess, *signoffs: Signoff) -> int:
    return standing(signoffs, wp, MAX, TODAY).level


WP = work_process({1: 2, 2: 1, 3: 1})
ALL_1 = (signed("c-1-1"), signed("c-1-2"))


def test_nothing_signed_is_level_0() -> None:
    assert level_of(WP) == 0


def test_every_criterion_of_a_level_is_needed() -> None:
    assert level_of(WP, signed("c-1-1")) == 0
    assert level_of(WP, *ALL_1) == 1


def test_levels_rise_in_order_only() -> None:
    """Signing a level-2 criterion without the level-1 ones raises nothing."""
    assert level_of(WP, signed("c-2-1"), signed("c-3-1")) == 0
    assert level_of(WP, *ALL_1, signed("c-3-1")) == 1
    assert level_of(WP, *ALL_1, signed("c-2-1"), signed("c-3-1")) == 3


def test_a_level_without_criteria_is_passed_only_by_assessment() -> None:
    wp = work_process({1: 1, 3: 1})
    assert level_of(wp, signed("c-1-1"), signed("c-3-1")) == 1
    assert level_of(wp, signed(level=2), signed("c-3-1", on="2026-02-01")) == 3


def test_direct_assessment_sets_the_level() -> None:
    assert level_of(WP, signed(level=4)) == 4
    assert level_of(WP, signed(level=2)) == 2


def test_later_assessment_lowers_the_level_and_voids_earlier_criteria() -> None:
    earlier = (*ALL_1, signed("c-2-1"), signed("c-3-1"))
    assert level_of(WP, *earlier, signed(level=1, on="2026-03-01")) == 1


def test_criteria_signed_after_an_assessment_raise_it() -> None:
    assessed = signed(level=1, on="2026-03-01")
    assert level_of(WP, assessed, signed("c-2-1", on="2026-04-01")) == 2
    assert level_of(WP, assessed, signed("c-2-1", on="2026-03-01")) == 2  # the same day counts
    assert level_of(WP, assessed, signed("c-2-1", on="2026-02-28")) == 1


def test_latest_assessment_wins_and_on_the_same_day_the_later_line() -> None:
    assert level_of(WP, signed(level=4, on="2026-05-01"), signed(level=1, on="2026-02-01")) == 4
    assert level_of(WP, signed(level=3, on="2026-05-01", order=7), signed(level=1, on="2026-05-01", order=3)) == 3
    assert level_of(WP, signed(level=3, on="2026-05-01", order=3), signed(level=1, on="2026-05-01", order=7)) == 1


def test_expiry_boundary_day_still_counts() -> None:
    wp = work_process({1: 1}, valid_months=12)
    assert level_of(wp, signed("c-1-1", on="2025-11-01")) == 1
    assert level_of(wp, signed("c-1-1", on="2025-10-31")) == 0


def test_expired_assessments_do_not_count_and_the_previous_one_applies() -> None:
    wp = work_process({1: 1}, valid_months=24)
    assert level_of(wp, signed(level=4, on="2024-10-31")) == 0
    assert level_of(wp, signed(level=2, on="2025-01-01"), signed(level=4, on="2024-10-31")) == 2
    # The boundary day: exactly 24 months before the build date still counts.
    assert level_of(wp, signed(level=4, on="2024-11-01")) == 4


def test_retired_criteria_are_not_needed_and_do_not_count() -> None:
    wp = work_process({1: 2, 2: 1}, retired=("c-1-2", "c-2-1"))
    assert level_of(wp, signed("c-1-1")) == 1
    assert level_of(work_process({1: 1, 2: 1}, retired=("c-2-1",)), signed("c-1-1"), signed("c-2-1")) == 1


def test_counts_uses_months_before_the_build_date() -> None:
    wp = work_process({1: 1}, valid_months=36)
    assert counts(signed("c-1-1", on="2023-11-01"), wp, TODAY)
    assert not counts(signed("c-1-1", on="2023-10-31"), wp, TODAY)
    assert counts(signed("c-1-1", on="2000-01-01"), work_process({1: 1}), TODAY)


def test_expiry_date_of_the_evidence() -> None:
    wp = work_process({1: 1}, valid_months=12)
    result = standing([signed("c-1-1", on="2026-01-15")], wp, MAX, TODAY)
    assert result.expires == dt.date(2027, 1, 16)
    assert standing([signed("c-1-1")], WP, MAX, TODAY).expires is None
    month_end = work_process({1: 1}, valid_months=1)
    # counts on 2026-03-31 (one month before is 02-28), no longer on 04-01
    assert standing([signed("c-1-1", on="2026-02-28")], month_end, MAX, dt.date(2026, 3, 31)).expires == dt.date(2026, 4, 1)
    assert counts(signed("c-1-1", on="2026-02-28"), month_end, dt.date(2026, 3, 31))
    assert not counts(signed("c-1-1", on="2026-02-28"), month_end, dt.date(2026, 4, 1))


def test_months_before_clamps_to_the_end_of_the_month() -> None:
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2025, 12, 15), 3) == dt.date(2026, 3, 15)


def test_build_date_follows_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1780000000"}) == dt.date(2026, 5, 28)
    assert build_date({}) == dt.date.today()


def test_overall_level_and_qualification_status() -> None:
    assert overall_level([3, 1, 2], None, False) == Overall(level=1, lowest=1)
    assert overall_level([], None, False) == Overall(level=0, lowest=0)
    assert qualification_status(1, 3) is Status.UNDER
    assert qualification_status(3, 3) is Status.ON_TARGET
    assert qualification_status(4, 3) is Status.OVER


def test_overall_level_without_improvement_level_is_the_lowest_level() -> None:
    assert overall_level([4, 4, 3], None, False) == Overall(level=3, lowest=3)


def test_overall_level_is_held_below_the_improvement_level_without_a_finished_improvement() -> None:
    assert overall_level([3, 3, 4], 3, False) == Overall(level=2, lowest=3)
    assert overall_level([3, 3, 4], 3, False).capped
    assert overall_level([4, 4], 3, False) == Overall(level=2, lowest=4)
    # With a finished improvement the cap does not apply.
    assert overall_level([3, 3, 4], 3, True) == Overall(level=3, lowest=3)
    # Below the improvement level the rule changes nothing, and does not mark the level as held.
    assert overall_level([2, 3], 3, False) == Overall(level=2, lowest=2)
    assert not overall_level([2, 3], 3, False).capped
    assert overall_level([1, 3], 3, False) == Overall(level=1, lowest=1)
    # The clause works for any improvement level on the organisation's scale.
    assert overall_level([4, 4], 4, False) == Overall(level=3, lowest=4)
    assert overall_level([1], 1, False) == Overall(level=0, lowest=1)


def improvement(status: str = "done", finished: str | None = "2026-05-15", author: str = "p-1",
                co_authors: tuple[str, ...] = ()) -> Improvement:
    return Improvement(
        id="i", title="I", author=Ref(author, HERE), co_authors=tuple(Ref(c, HERE) for c in co_authors), method="PDCA",
        status=status, started=dt.date(2026, 1, 1), finished=dt.date.fromisoformat(finished) if finished else None,
        work_processes=(Ref("wp", HERE),), savings="", team=None, tags=(), body="", location=HERE,
    )


def test_an_improvement_counts_when_done_and_finished_on_or_before_the_build_date() -> None:
    assert is_finished(improvement(finished="2026-11-01"), TODAY)
    assert not is_finished(improvement(finished="2026-11-02"), TODAY)
    assert not is_finished(improvement(status="running", finished="2026-05-15"), TODAY)
    assert not is_finished(improvement(status="idea", finished=None), TODAY)


def test_authors_and_co_authors_of_finished_improvements_count() -> None:
    found = finished_authors([
        improvement(author="p-1", co_authors=("p-2", "p-3")),
        improvement(status="running", finished=None, author="p-4", co_authors=("p-5",)),
    ], TODAY)
    assert found == {"p-1", "p-2", "p-3"}


def _person_facts(target: int, standings: dict[str, Standing]) -> PersonFacts:
    person = Person(id="p", name="P", team="t", format="f", target_level=target, active=True, location=HERE)
    training_format = TrainingFormat(id="f", title="F", description="", qualification=None, target_level=target,
                                     core_tasks=(), location=HERE)
    lowest = min(s.level for s in standings.values())
    return PersonFacts(person=person, format=training_format, target=target, standings=standings,
                       overall=lowest, lowest=lowest, status=Status.UNDER)


def test_next_steps_below_target_name_the_next_level_and_what_it_still_needs() -> None:
    low, done, top = replace(WP, id="low"), replace(WP, id="done"), replace(WP, id="top")
    standings = {
        "low": standing(ALL_1, WP, MAX, TODAY),  # level 1: c-2-1 is what level 2 needs
        "done": standing((*ALL_1, signed("c-2-1")), WP, MAX, TODAY),  # level 2
        "top": standing((*ALL_1, signed("c-2-1"), signed("c-3-1")), WP, MAX, TODAY),  # level 3
    }
    steps = next_steps(_person_facts(2, standings), (low, done, top), MAX)
    assert [(wp.id, level, [c.id for c in missing]) for wp, level, missing in steps] == [("low", 2, ["c-2-1"])]
    # Target 4: level 4 has no criteria, so it is reached by a direct assessment only (nothing to list).
    steps = next_steps(_person_facts(4, standings), (low, done, top), MAX)
    assert [(wp.id, level, [c.id for c in missing]) for wp, level, missing in steps] == [
        ("low", 2, ["c-2-1"]), ("done", 3, ["c-3-1"]), ("top", 4, [])]
    # A target above the scale stops at its top.
    assert [wp.id for wp, _, _ in next_steps(_person_facts(4, standings), (low, done, top), 3)] == ["low", "done"]
