"""Public pages under hdjl/ (互动交流): new-media accounts, open days, the supervisors'
page; the office's pages under workbench/outreach/."""

from django.urls import path

from gongkai.outreach import views

app_name = "outreach"

W = "workbench/outreach/"

urlpatterns = [
    path("hdjl/xmt/", views.channels_public, name="channels_public"),
    path("hdjl/kfr/", views.open_days, name="open_days"),
    path("hdjl/kfr/<int:pk>/", views.open_day, name="open_day"),
    path("hdjl/jdy/", views.supervisor_home, name="supervisor_home"),
    path(W + "channels/", views.channels, name="channels"),
    path(W + "channels/<int:pk>/<str:action>/", views.channel_action, name="channel_action"),
    path(W + "pushes/<int:pk>/retry/", views.push_retry, name="push_retry"),
    path(W + "supervisors/", views.supervisors, name="supervisors"),
    path(W + "supervisors/<int:pk>/dismiss/", views.supervisor_dismiss, name="supervisor_dismiss"),
    path(W + "observations/<int:pk>/", views.observation, name="observation"),
    path(W + "open-days/", views.open_days_manage, name="open_days_manage"),
    path(W + "open-days/<int:pk>/", views.open_day_manage, name="open_day_manage"),
    path(W + "registrations/<int:pk>/attendance/", views.attendance, name="attendance"),
]
