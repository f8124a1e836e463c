"""Deadline phrases as plans write them (seeds 000 and 001), each date computed by hand."""

import datetime as dt

import pytest

from gongkai.assessment.deadlines import deadline_parse

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("phrase", "due_on", "recurrence", "starts_year"),
    [
        ("2017年6月底前完成", D("2017-06-30"), "", None),
        ("2017年底前完成", D("2017-12-31"), "", None),
        ("2019年年底前完成", D("2019-12-31"), "", None),
        ("2016年2月底前", D("2016-02-29"), "", None),  # a leap year
        ("2018年3月前", D("2018-02-28"), "", None),  # before March begins
        ("2018年5月10日前", D("2018-05-10"), "", None),
        ("二〇一八年第三季度", D("2018-09-30"), "", None),
        ("2018年上半年", D("2018-06-30"), "", None),
        ("年内完成", D("2018-12-31"), "", None),  # no year: the plan's year (2018)
        ("从2017年起每年实施", None, "yearly", 2017),
        ("每季度", None, "quarterly", 2018),
        ("每月", None, "monthly", 2018),
        ("长期坚持", None, "ongoing", None),
        ("持续推进", None, "ongoing", None),
    ],
)
def test_phrases(phrase, due_on, recurrence, starts_year):
    deadline = deadline_parse(phrase, plan_year=2018)
    assert (deadline.due_on, deadline.recurrence, deadline.starts_year) == (
        due_on, recurrence, starts_year
    )  # fmt: skip
    assert deadline.understood
    assert deadline.reasons


def test_measurable_target_after_the_date():
    deadline = deadline_parse(
        "2018年年底前实现规范性文件在规定载体上统一发布率达100%", plan_year=2017
    )
    assert deadline.due_on == D("2018-12-31")
    assert deadline.target == "规范性文件在规定载体上统一发布率达100%"


@pytest.mark.parametrize(
    ("phrase", "due_on", "target"),
    [
        # Seed 001 (四)1: the measure written before 实现, the date with no year (the plan's).
        ("年底前70%的行政许可事项实现网上办理", D("2018-12-31"), "70%的行政许可事项实现网上办理"),
        # Seed 000 task 7: 实现 then the rates.
        ("2017年6月底前实现行政审批标准录入提交率和审查通过率100%", D("2017-06-30"),
         "行政审批标准录入提交率和审查通过率100%"),
        ("2019年年底前政务公开事项标准化覆盖率达到70%", D("2019-12-31"),
         "政务公开事项标准化覆盖率达到70%"),
        ("2018年底前依申请公开按期答复率不低于90%", D("2018-12-31"),
         "依申请公开按期答复率不低于90%"),
        ("2018年6月底前力争网上办理率达到80%以上", D("2018-06-30"), "网上办理率达到80%以上"),
        ("年底前完成,按期答复率不低于百分之九十", D("2018-12-31"), "按期答复率不低于百分之九十"),
        ("年底前实现政务服务事项全部网上可办", D("2018-12-31"), ""),  # no measure: no target
        ("2017年6月底前完成基础性制度梳理", D("2017-06-30"), ""),
        ("时间不少于7个工作日", None, ""),  # a rule of the work, not a target
    ],
)  # fmt: skip
def test_measurable_targets_wherever_the_measure_is_written(phrase, due_on, target):
    deadline = deadline_parse(phrase, plan_year=2018)
    assert (deadline.due_on, deadline.target) == (due_on, target)
    if target:
        assert any(target in str(reason) for reason in deadline.reasons)


def test_a_target_and_ongoing_work():
    deadline = deadline_parse("长期坚持,群众满意率保持在95%以上", plan_year=2018)
    assert (deadline.recurrence, deadline.target) == ("ongoing", "群众满意率保持在95%以上")


def test_two_milestones_due_at_the_last():
    deadline = deadline_parse(
        "2017年6月底前完成基础性制度梳理,2020年年底前全面完善", plan_year=2017
    )
    assert [(m.due_on, m.what) for m in deadline.milestones] == [
        (D("2017-06-30"), "基础性制度梳理"),
        (D("2020-12-31"), "全面完善"),
    ]
    assert deadline.due_on == D("2020-12-31")


def test_next_occurrences_of_recurring_work():
    today = D("2026-08-15")
    assert deadline_parse("每季度", plan_year=2017).next_due(today) == D("2026-09-30")
    assert deadline_parse("每月", plan_year=2017).next_due(today) == D("2026-08-31")
    assert deadline_parse("从2017年起每年实施", plan_year=2017).next_due(today) == D("2026-12-31")
    assert deadline_parse("长期坚持", plan_year=2017).next_due(today) is None


def test_a_phrase_without_a_time_is_not_understood():
    deadline = deadline_parse("按上级要求", plan_year=2017)
    assert not deadline.understood
    assert deadline.due_on is None
