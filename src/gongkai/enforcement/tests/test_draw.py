"""双随机 draws: recorded with their seed and list snapshots, and re-run by anyone."""

import contextlib
import hashlib
import io
import json
import random

import pytest

from gongkai.core.errors import ServiceError
from gongkai.enforcement import services
from gongkai.enforcement.draw import python_snippet, run_draw, snapshot_sha256, snapshot_text
from gongkai.enforcement.models import ChangeRecord
from gongkai.enforcement.tests.factories import make_targets

pytestmark = pytest.mark.django_db


def test_the_draw_is_a_pure_function_of_seed_and_sorted_lists():
    targets = ["YZ-001", "LG-002", "YL-001", "LG-001", "YL-002"]
    inspectors = ["44080010475", "44080010231", "44080010232"]
    first = run_draw(20261201, targets, inspectors, 3, 2)
    again = run_draw(20261201, list(reversed(targets)), list(reversed(inspectors)), 3, 2)
    assert first == again
    # The documented recipe, written out by hand.
    rng = random.Random(20261201)
    expected = rng.sample(sorted(targets), 3)
    assert [p.target for p in first] == expected
    assert [p.inspectors for p in first] == [rng.sample(sorted(inspectors), 2) for _ in range(3)]


def test_snapshot_hash_is_of_the_sorted_compact_json():
    entries = [{"code": "B", "name": "乙"}, {"code": "A", "name": "甲"}]
    text = '[{"code":"A","name":"甲"},{"code":"B","name":"乙"}]'
    assert snapshot_text(entries) == text
    assert snapshot_sha256(entries) == hashlib.sha256(text.encode()).hexdigest()


def test_a_draw_is_recorded_and_the_published_snippet_reproduces_it(office, body, agency):
    make_targets(office, body)
    draw = services.draw_run(actor=office, organisation=body, title="2026年第四季度抽查",
                             category="hotel", target_count=2, inspectors_per_target=2,
                             seed=12345678901234567890)  # fmt: skip
    assert [t["code"] for t in draw.targets] == ["LG-001", "LG-002", "LG-003"]
    assert [i["code"] for i in draw.inspectors] == ["44080010231", "44080010232", "44080010475"]
    assert draw.targets_sha256 == snapshot_sha256(draw.targets)
    assert draw.seed == "12345678901234567890"
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(python_snippet(draw), {})  # noqa: S102 - the program printed on the public page
    printed = [line.split(" ", 1) for line in output.getvalue().splitlines()]
    assert [(t, json.loads(i.replace("'", '"'))) for t, i in printed] == [
        (c["target"], c["inspectors"]) for c in draw.chosen
    ]
    assert ChangeRecord.objects.filter(subject="draw", subject_id=draw.pk).count() == 1


def test_a_fresh_seed_when_none_is_given(office, body, agency):
    make_targets(office, body)
    one = services.draw_run(actor=office, organisation=body, title="甲", category="",
                            target_count=3)  # fmt: skip
    two = services.draw_run(actor=office, organisation=body, title="乙", category="",
                            target_count=3)  # fmt: skip
    assert one.seed != two.seed and int(one.seed) < 2**64


@pytest.mark.parametrize(
    ("count", "per_target", "code"),
    [(0, 2, "invalid_count"), (8, 2, "invalid_count"), (2, 4, "too_few_inspectors"),
     (2, 1, "too_few_inspectors")],
)  # fmt: skip
def test_impossible_draws_are_refused(office, body, agency, count, per_target, code):
    make_targets(office, body)
    with pytest.raises(ServiceError) as error:
        services.draw_run(actor=office, organisation=body, title="抽查", category="",
                          target_count=count, inspectors_per_target=per_target)  # fmt: skip
    assert error.value.code == code


def test_results_only_for_drawn_targets_and_masked(office, body, agency):
    import datetime as dt

    make_targets(office, body)
    draw = services.draw_run(actor=office, organisation=body, title="抽查", category="",
                             target_count=2, seed=7)  # fmt: skip
    drawn = {c["target"] for c in draw.chosen}
    other = next(t["code"] for t in draw.targets if t["code"] not in drawn)
    with pytest.raises(ServiceError) as error:
        services.result_publish(actor=office, draw=draw, target_code=other,
                                inspected_on=draw.drawn_on, outcome="no_problem", summary="")  # fmt: skip
    assert error.value.code == "not_drawn"
    result = services.result_publish(
        actor=office, draw=draw, target_code=draw.chosen[0]["target"],
        inspected_on=draw.drawn_on, outcome="rectify",
        summary="经营者手机13902601234未登记，责令整改。",
    )  # fmt: skip
    assert result.summary == "经营者手机139****1234未登记，责令整改。"
    with pytest.raises(ServiceError) as error:
        services.result_publish(actor=office, draw=draw, target_code=draw.chosen[0]["target"],
                                inspected_on=draw.drawn_on - dt.timedelta(days=1),
                                outcome="no_problem", summary="")  # fmt: skip
    assert error.value.code == "invalid_date"
