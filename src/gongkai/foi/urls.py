"""URLs of the foi app: public pages under "foi/", staff pages under "workbench/foi/"."""

from django.urls import path

from gongkai.foi.views import public, staff

app_name = "foi"

urlpatterns = [
    path("foi/apply/", public.apply, name="apply"),
    path("foi/receipt/<str:code>/", public.receipt, name="receipt"),
    path("foi/track/", public.track, name="track"),
    path("foi/track/letters/<int:pk>/", public.letter, name="letter"),
    path("workbench/foi/", staff.queue, name="queue"),
    path("workbench/foi/overdue/", staff.overdue, name="overdue"),
    path("workbench/foi/register/", staff.register, name="register"),
    path("workbench/foi/<int:pk>/", staff.detail, name="detail"),
    path("workbench/foi/<int:pk>/act/<slug:name>/", staff.act, name="act"),
    path("workbench/foi/<int:pk>/files/<int:seq>/", staff.attachment, name="attachment"),
]
