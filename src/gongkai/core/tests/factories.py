import factory
from django.contrib.auth import get_user_model

from gongkai.core.demo import credit_code
from gongkai.core.models import Organisation, Role, StaffProfile
from gongkai.core.services.organisation import role_group


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"测试公安局{n}")
    code = factory.Sequence(lambda n: f"org{n}")
    kind = Organisation.Kind.BODY
    credit_code = factory.Sequence(lambda n: credit_code(f"114408000070{n:05d}"))


class UnitFactory(OrganisationFactory):
    kind = Organisation.Kind.UNIT
    credit_code = ""
    name = factory.Sequence(lambda n: f"测试科{n}")
    parent = factory.SubFactory(OrganisationFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-1")


def make_staff(organisation, *, roles=(Role.HANDLER,), units=(), username=None):
    user = UserFactory(username=username) if username else UserFactory()
    user.is_staff = True
    user.save()
    user.groups.set([role_group(r) for r in roles])
    profile = StaffProfile.objects.create(
        user=user, organisation=organisation, full_name=f"职员{user.pk}"
    )
    profile.units.set(units)
    return user
