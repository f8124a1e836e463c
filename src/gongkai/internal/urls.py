"""对内公开 lives only under workbench/ (signed-in staff)."""

from django.urls import path

from gongkai.internal import views

app_name = "internal"

W = "workbench/internal/"

urlpatterns = [
    path(W, views.notices, name="notices"),
    path(W + "new/", views.notice_new, name="notice_new"),
    path(W + "<int:pk>/", views.notice, name="notice"),
]
