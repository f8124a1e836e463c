"""URLs of the open data app: the portal under opendata/, staff pages under
workbench/opendata/. The DCAT catalogue's address is stable: harvesters keep it."""

from django.urls import path

from gongkai.opendata import views

app_name = "opendata"

P = "opendata/"
W = "workbench/opendata/"

urlpatterns = [
    path(P, views.catalog, name="catalog"),
    path(P + "catalog.jsonld", views.catalogue, name="catalogue"),
    path(P + "requests/<str:token>/", views.follow, name="follow"),
    path(P + "<slug:slug>/", views.dataset, name="dataset"),
    path(P + "<slug:slug>/apply/", views.apply, name="apply"),
    path(P + "<slug:slug>/download.<str:file_format>", views.download, name="download"),
    path(W, views.manage, name="manage"),
    path(W + "new/", views.dataset_new, name="dataset_new"),
    path(W + "<int:pk>/", views.dataset_edit, name="dataset_edit"),
    path(W + "requests/<int:pk>/", views.request_decide, name="request_decide"),
    path(W + "keys/", views.keys, name="keys"),
    path(W + "keys/<int:pk>/revoke/", views.key_revoke, name="key_revoke"),
]
