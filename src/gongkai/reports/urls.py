"""URLs of the reports app: public pages under their portal paths, staff pages under /workbench/."""

from django.urls import path  # noqa: F401 - the app adds its routes here

app_name = "reports"

urlpatterns: list = []
