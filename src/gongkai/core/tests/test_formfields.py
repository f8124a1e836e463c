"""fields_only: the form as as_div/as_p draws it, less its non-field errors."""

from django import forms

from gongkai.core.templatetags.formfields import fields_only


class TokenForm(forms.Form):
    name = forms.CharField()
    token = forms.CharField(widget=forms.HiddenInput)


def test_the_refusal_is_left_to_the_page_and_the_rest_is_as_django_draws_it():
    form = TokenForm({"name": "张三", "token": ""})
    form.is_valid()
    form.add_error(None, "不予受理。")
    assert form.as_div().count("不予受理。") == 1
    for layout, drawn in (("div", form.as_div()), ("p", form.as_p())):
        html = fields_only(form, layout)
        assert "不予受理。" not in html
        assert str(html) == drawn.replace("<li>不予受理。</li>", "")
        assert "token" in html  # the hidden field's own error still shows
    assert form.non_field_errors() == ["不予受理。"]  # the form keeps its errors
