from django.shortcuts import render

from gongkai.core.models import Organisation
from gongkai.core.selectors import site_organisation


def home(request):
    organisation = site_organisation()
    bodies = (
        Organisation.objects.filter(parent=organisation, kind=Organisation.Kind.BODY)
        if organisation
        else Organisation.objects.none()
    )
    return render(request, "portal/home.html", {"organisation": organisation, "bodies": bodies})
