from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.core import views

app_name = "core"

urlpatterns = [
    path("", views.workbench, name="workbench"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="core/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("workdays/", views.workdays_view, name="workdays"),
    path("clocks/<int:clock_id>/", views.clock_detail, name="clock"),
    path("ledger/", views.ledger_view, name="ledger"),
    path("ledger/export.<str:fmt>", views.ledger_export, name="ledger_export"),
    path("tasks/", views.tasks_view, name="tasks"),
    path("tasks/<int:failure_id>/retry/", views.task_retry, name="task_retry"),
]
