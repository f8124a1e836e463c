import datetime as dt

import factory
from django.utils import timezone

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.participation.models import Comment, Consultation, Provision

DRAFT = """湛江市公安局重大行政决策程序规定（征求意见稿）
第一章 总则
第一条 为了规范重大行政决策程序，根据《重大行政决策程序暂行条例》，制定本规定。
第二条 本规定适用于湛江市公安局重大行政决策的作出和调整程序。
第二章 决策草案的形成
第三条 决策承办单位应当广泛听取意见。
征求意见期限一般不少于30日。
"""


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A consultation open today (rows written directly: for reads and views only)."""

    class Meta:
        model = Consultation

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"《湛江市公安局规定{n}（征求意见稿）》")
    kind = Consultation.Kind.MAJOR_DECISION
    draft_text = DRAFT
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=1))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    status = Consultation.Status.OPEN


class ProvisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provision

    consultation = factory.SubFactory(ConsultationFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Provision.Kind.ARTICLE
    label = "第一条"
    text = "第一条 为了规范重大行政决策程序，制定本规定。"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    consultation = factory.SubFactory(ConsultationFactory)
    body = factory.Sequence(lambda n: f"建议第{n}条增加听证程序。")
    body_public = factory.LazyAttribute(lambda o: o.body)
    fingerprint = factory.Sequence(lambda n: f"{n:064d}")
    status = Comment.Status.PUBLISHED
