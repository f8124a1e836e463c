from django.urls import path

from gongkai.monitor import views

app_name = "monitor"

urlpatterns = [
    path("workbench/monitor/", views.workbench, name="workbench"),
    path("workbench/monitor/run/", views.run_now, name="run-now"),
    path("workbench/monitor/day/<str:day>/", views.day_report, name="day"),
    path("workbench/monitor/year/<int:year>/", views.year_report, name="year"),
]
