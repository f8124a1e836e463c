from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.core import account_views, staff_views, views

app_name = "core"

urlpatterns = [
    path("", views.workbench, name="workbench"),
    path("login/", account_views.StaffLoginView.as_view(), name="login"),
    path("login/code/", account_views.login_code, name="login_code"),
    path("two-factor/", account_views.two_factor_enrol_view, name="two_factor_enrol"),
    path("account/", account_views.account, name="account"),
    path("account/backup-codes/", account_views.backup_codes_renew, name="backup_codes_renew"),
    path("staff/", staff_views.staff_list, name="staff"),
    path("staff/new/", staff_views.staff_new, name="staff_new"),
    path("staff/<int:pk>/", staff_views.staff_edit, name="staff_edit"),
    path("staff/<int:pk>/<slug:name>/", staff_views.staff_action, name="staff_action"),
    path("units/", staff_views.unit_list, name="units"),
    path("units/<int:pk>/rename/", staff_views.unit_rename_view, name="unit_rename"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("calendar/", views.calendar_view, name="calendar"),
    path("workdays/", views.workdays_view, name="workdays"),
    path("clocks/<int:clock_id>/", views.clock_detail, name="clock"),
    path("ledger/", views.ledger_view, name="ledger"),
    path("ledger/export.<str:fmt>", views.ledger_export, name="ledger_export"),
    path("tasks/", views.tasks_view, name="tasks"),
    path("tasks/<int:failure_id>/retry/", views.task_retry, name="task_retry"),
]
