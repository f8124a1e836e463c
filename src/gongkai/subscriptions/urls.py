"""Public subscription pages under dingyue/ (订阅), the office's list under workbench/."""

from django.urls import path

from gongkai.subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("dingyue/", views.subscribe, name="subscribe"),
    path("dingyue/application/", views.subscribe_request, name="subscribe_request"),
    path("dingyue/confirm/<str:token>/", views.confirm, name="confirm"),
    path("dingyue/end/<str:token>/", views.end, name="end"),
    path("workbench/subscriptions/", views.manage, name="manage"),
    path("workbench/subscriptions/<int:pk>/end/", views.manage_end, name="manage_end"),
]
