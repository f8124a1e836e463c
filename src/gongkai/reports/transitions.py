"""The yearly report's life in one place: its statuses, the table of allowed status changes,
who may do what, and which actions a person may take on a report now.

A report is a draft until it is published (条例 art. 50: made public, then final). Inside the
draft the office edits, submits it to the body's leaders, a leader signs it off (领导审签) or
sends it back, and only a signed-off draft is published.

Services guard their writes with ``TRANSITIONS`` and the role sets below; the workbench page
asks ``report_actions(report, user)`` which buttons to show. To add a transition: add it to
``TRANSITIONS``, add the ``Action`` (its roles and condition), write the service, and let the
template test ``"name" in actions`` (docs/reports.md; tests/test_transitions.py checks every
status × role).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gongkai.core.access import has_role
from gongkai.core.models import Role
from gongkai.core.types import AnyUser
from gongkai.reports.models import Status, YearlyReport

__all__ = ["ACTIONS", "EDITORS", "READERS", "SIGNERS", "TRANSITIONS", "Status", "report_actions"]

# A published report is final; corrections go through a new publication outside this app.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.PUBLISHED}),
    Status.PUBLISHED: frozenset(),
}

# The openness office prepares and publishes; a leader of the body signs off; both read.
EDITORS: frozenset[Role] = frozenset({Role.OFFICE, Role.ADMIN})
SIGNERS: frozenset[Role] = frozenset({Role.LEADER})
READERS: frozenset[Role] = EDITORS | SIGNERS


@dataclass(frozen=True)
class Action:
    """From which statuses, to which (``None``: the status stays), who, and on what condition."""

    name: str
    sources: frozenset[str]
    target: str | None
    roles: frozenset[Role]
    when: Callable[[YearlyReport], bool] | None = None

    def available(self, report: YearlyReport, user: AnyUser) -> bool:
        return (
            report.status in self.sources
            and has_role(user, *self.roles)
            and (self.when is None or self.when(report))
        )


_DRAFT = frozenset({Status.DRAFT})
ACTIONS: tuple[Action, ...] = (
    # The text, the staff-entered figures and recomputing the tables (each withdraws a
    # sign-off: the leader signs what is published).
    Action("edit", _DRAFT, None, EDITORS),
    Action(
        "request_sign_off", _DRAFT, None, EDITORS, when=lambda r: r.sign_off_requested_at is None
    ),
    Action("sign_off", _DRAFT, None, SIGNERS, when=lambda r: r.awaiting_sign_off),
    Action(
        "publish", _DRAFT, Status.PUBLISHED, EDITORS, when=lambda r: r.signed_off_at is not None
    ),
)


def report_actions(report: YearlyReport, user: AnyUser) -> frozenset[str]:
    return frozenset(action.name for action in ACTIONS if action.available(report, user))
