"""Clock pages read in Chinese: rule sources cited as 《政府信息公开条例》第三十三条第二款, not
"art. 33 para. 2", and coded pause reasons labelled (third_party → 第三方)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.core.law import CLOCK_RULES
from gongkai.core.models import Clock, ClockEvent

pytestmark = pytest.mark.django_db

# A Latin word of three letters or more is a code word or an English citation.
LATIN_WORD = re.compile(r"[A-Za-z_]{3,}")


@pytest.mark.parametrize("code", sorted(CLOCK_RULES))
def test_every_rule_source_is_cited_in_chinese(code):
    assert LATIN_WORD.findall(CLOCK_RULES[code].source) == []


def test_the_demo_clock_pages_show_no_code_words(client):
    call_command("demo", verbosity=0)
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="gongkaiban"))
    noted = ClockEvent.objects.exclude(note="").values_list("clock_id", flat=True)
    clocks = list(Clock.objects.filter(pk__in=noted)[:10]) + list(Clock.objects.all()[:10])
    assert any(event.note for clock in clocks for event in clock.events.all())
    for clock in clocks:
        html = client.get(reverse("core:clock", args=[clock.pk])).content.decode()
        main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
        text = re.sub(r"<[^>]+>", " ", main.split(">", 1)[1])
        assert LATIN_WORD.findall(text) == [], clock.label
