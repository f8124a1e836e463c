"""Two conflicting actions started at the same moment from two threads (two database
connections): the helper of the race tests of ``proactive`` and ``participation``."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection

from gongkai.core.errors import ServiceError

# The refusal the loser of a race reads (core.locking), in the interface language.
CHANGED_MEANWHILE_ZH = "刚刚已被他人处理"


def race(*actions: Callable[[], object]) -> list[object]:
    """Run ``actions`` at once; each result is the action's return value or the
    ``ServiceError`` it raised (any other exception fails the test)."""
    barrier = threading.Barrier(len(actions))
    results: list[object] = [None] * len(actions)
    unexpected: list[BaseException] = []

    def target(n: int) -> None:
        try:
            barrier.wait()
            results[n] = actions[n]()
        except ServiceError as error:
            results[n] = error
        except BaseException as error:  # reported below, never swallowed
            unexpected.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if unexpected:
        raise unexpected[0]
    return results


def refusals(results: list[object]) -> list[ServiceError]:
    return [r for r in results if isinstance(r, ServiceError)]
