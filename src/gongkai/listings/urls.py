"""URLs of the listings app: public lists under xxgk/ (信息公开), staff pages under
workbench/listings/."""

from django.urls import path

from gongkai.listings import views

app_name = "listings"

W = "workbench/listings/"

urlpatterns = [
    path("xxgk/powers/", views.powers, name="powers"),
    path("xxgk/powers/<int:pk>/", views.power, name="power"),
    path(W, views.manage, name="manage"),
    path(W + "imports/<int:pk>/", views.import_preview, name="import_preview"),
    path(W + "new/", views.power_new, name="power_new"),
    path(W + "<int:pk>/", views.power_edit, name="power_edit"),
]
