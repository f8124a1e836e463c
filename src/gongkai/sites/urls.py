from django.urls import path

from gongkai.sites import views

app_name = "sites"

urlpatterns = [
    path("site-theme/<int:pk>.css", views.theme, name="theme"),
    path("region/", views.region, name="region"),
    path("workbench/sites/", views.site_list, name="workbench"),
    path("workbench/sites/reprints/", views.reprints, name="reprints"),
    path("workbench/sites/reprints/<int:pk>/remove/", views.reprint_remove, name="reprint-remove"),
]
