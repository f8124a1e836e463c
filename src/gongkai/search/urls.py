"""The search app's workbench page; the public search page is the portal's."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("workbench/search/synonyms/", views.synonyms, name="synonyms"),
]
