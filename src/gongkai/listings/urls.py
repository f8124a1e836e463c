"""URLs of the listings app: public lists under xxgk/ (信息公开), staff pages under
workbench/listings/."""

from django.urls import path

from gongkai.listings import views
from gongkai.listings.feeds import AdjustmentsFeed

app_name = "listings"

W = "workbench/listings/"

urlpatterns = [
    path("xxgk/powers/", views.powers, name="powers"),
    path("xxgk/powers/<int:pk>/", views.power, name="power"),
    path("xxgk/powers/changes.rss", AdjustmentsFeed(), name="powers_feed"),
    path("xxgk/jgzn/", views.organisation, name="organisation"),
    path("xxgk/jgzn/<int:pk>/", views.organisation, name="organisation_other"),
    path("xxgk/jgzn/changes.<str:fmt>", views.organisation_changes, name="organisation_changes"),
    path(
        "xxgk/jgzn/<int:pk>/changes.<str:fmt>",
        views.organisation_changes,
        name="organisation_changes_other",
    ),
    path(W, views.manage, name="manage"),
    path(W + "profile/", views.profile_manage, name="profile_manage"),
    path(W + "imports/<int:pk>/", views.import_preview, name="import_preview"),
    path(W + "new/", views.power_new, name="power_new"),
    path(W + "<int:pk>/", views.power_edit, name="power_edit"),
]
