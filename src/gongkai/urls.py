from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from gongkai.api import api
from gongkai.core.views import health_view

admin.site.site_header = _("gongkai administration")
admin.site.site_title = _("gongkai")
admin.site.index_title = _("Administration")

# A lost database answers 503 with a Chinese page (core/outage.py), other errors 500.
handler500 = "gongkai.core.outage.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("healthz", health_view, name="health"),
    path("workbench/", include("gongkai.core.urls")),
    # Each domain app mounts its own public and workbench paths.
    path("", include("gongkai.foi.urls")),
    path("", include("gongkai.proactive.urls")),
    path("", include("gongkai.participation.urls")),
    path("", include("gongkai.reports.urls")),
    path("", include("gongkai.listings.urls")),
    path("", include("gongkai.sites.urls")),
    path("", include("gongkai.guides.urls")),
    path("", include("gongkai.budgets.urls")),
    path("", include("gongkai.internal.urls")),
    path("", include("gongkai.enforcement.urls")),
    path("", include("gongkai.monitor.urls")),
    path("", include("gongkai.assessment.urls")),
    path("", include("gongkai.opendata.urls")),
    path("", include("gongkai.subscriptions.urls")),
    path("", include("gongkai.outreach.urls")),
    path("", include("gongkai.search.urls")),
    path("", include("gongkai.portal.urls")),
]
