"""Why a row of a person's sign-off history no longer counts (PRODUCT.md, "Counted sign-offs" and
"Level of a person on a work process"): it expired, or a later direct assessment replaced it."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Signoff, WorkProcess
from .levels import NOT_TRAINED, Standing, counts


class Void(enum.Enum):
    EXPIRED = "expired"
    SUPERSEDED = "superseded"


@dataclass(frozen=True, kw_only=True)
class HistoryRow:
    signoff: Signoff
    void: Void | None = None  # None: the row counts
    superseded_by: Signoff | None = None  # the direct assessment D that replaced it

    @property
    def counts(self) -> bool:
        return self.void is None


def history_row(signoff: Signoff, standing: Standing, work_process: WorkProcess, build_date: dt.date) -> HistoryRow:
    """One row of the history, with the reason it no longer counts, if any.

    ``standing`` is the person's standing on the row's work process: its direct assessment D
    is the latest counted one, so every other assessment before it, and every criterion
    sign-off dated before D's date, no longer counts.
    """
    if not counts(signoff, work_process, build_date):
        return HistoryRow(signoff=signoff, void=Void.EXPIRED)
    assessment = standing.assessment
    if assessment is None or signoff is assessment or not _before(signoff, assessment):  # `is`: one row, not an equal one
        return HistoryRow(signoff=signoff)
    return HistoryRow(signoff=signoff, void=Void.SUPERSEDED, superseded_by=assessment)


def _before(signoff: Signoff, assessment: Signoff) -> bool:
    if signoff.level is not None:  # an earlier assessment: of two on one day, the later row wins
        return (signoff.date, signoff.order) < (assessment.date, assessment.order)
    return signoff.date < assessment.date  # criteria signed on D's own date still count


def history_rows(
    signoffs: Iterable[Signoff], standings: Mapping[str, Standing], work_processes: Mapping[str, WorkProcess],
    build_date: dt.date,
) -> list[HistoryRow]:
    """The rows of one person's history, in the order given, each with its reason."""
    return [
        history_row(s, standings.get(s.work_process, NOT_TRAINED), work_processes[s.work_process], build_date)
        for s in signoffs
    ]
