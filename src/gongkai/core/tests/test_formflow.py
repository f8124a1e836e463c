"""service_errors: a refusal lands on the form, anything else passes through."""

import pytest
from django import forms

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.formflow import service_errors


class NameForm(forms.Form):
    name = forms.CharField()
    code = forms.CharField()


def _valid() -> NameForm:
    form = NameForm({"name": "张三", "code": "A1"})
    assert form.is_valid()
    return form


def test_a_refusal_is_a_non_field_error_and_the_code_after_it_does_not_run():
    form, reached = _valid(), []
    with service_errors(form):
        raise ServiceError("duplicate", "该名称已存在。")
        reached.append(True)  # noqa: B018 (unreachable on purpose)
    assert reached == []
    assert form.non_field_errors() == ["该名称已存在。"]


def test_a_refusal_can_name_its_field():
    form = _valid()
    with service_errors(form, "name"):
        raise PermissionDeniedError("forbidden", "无权操作。")
    assert form.errors == {"name": ["无权操作。"]}


def test_success_leaves_the_form_clean_and_other_errors_pass_through():
    form = _valid()
    with service_errors(form):
        pass
    assert form.errors == {}
    with pytest.raises(ValueError, match="bug"), service_errors(form):
        raise ValueError("bug")
    assert form.errors == {}


def test_a_refusal_goes_to_the_field_its_code_names():
    codes = {"duplicate_code": "code", "bad_secret": "secret"}  # no ``secret`` on this form
    form = _valid()
    with service_errors(form, fields=codes):
        raise ServiceError("duplicate_code", "编号已存在。")
    assert form.errors == {"code": ["编号已存在。"]}
    form = _valid()
    with service_errors(form, "name", fields=codes):
        raise ServiceError("bad_secret", "密码不合要求。")
    assert form.errors == {"name": ["密码不合要求。"]}
    form = _valid()
    with service_errors(form, fields=codes):
        raise ServiceError("other", "不予受理。")
    assert form.non_field_errors() == ["不予受理。"]
