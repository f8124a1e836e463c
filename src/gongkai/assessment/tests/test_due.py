"""The deadline shown beside a task: an open task past its date is marked overdue."""

import datetime as dt

from django.template.loader import render_to_string

from gongkai.assessment.models import Task

DUE = dt.date(2026, 6, 30)


def _due(task: Task, today: dt.date) -> str:
    return render_to_string("assessment/_due.html", {"task": task, "today": today})


def test_an_open_task_past_its_date_is_overdue():
    task = Task(status=Task.Status.OPEN, due_on=DUE)
    assert task.is_open
    assert "已超期" in _due(task, DUE + dt.timedelta(days=1))
    assert "已超期" not in _due(task, DUE)


def test_a_completed_task_is_never_overdue():
    task = Task(status=Task.Status.DONE, due_on=DUE)
    assert not task.is_open
    assert "已超期" not in _due(task, DUE + dt.timedelta(days=1))
