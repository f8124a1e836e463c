"""URLs of the foi app: public pages under "foi/", staff pages under "workbench/foi/"."""

from django.urls import path

from gongkai.foi.views import letters, personal_data, public, staff

app_name = "foi"

urlpatterns = [
    path("foi/apply/", public.apply, name="apply"),
    path("foi/receipt/<str:code>/", public.receipt, name="receipt"),
    path("foi/track/", public.track, name="track"),
    path("foi/track/letters/<int:pk>/", public.letter, name="letter"),
    path("workbench/foi/", staff.queue, name="queue"),
    path("workbench/foi/overdue/", staff.overdue, name="overdue"),
    path("workbench/foi/identity-views/", personal_data.identity_view_list, name="identity_views"),
    path(
        "workbench/foi/identity-views/export.<str:fmt>",
        personal_data.identity_view_export,
        name="identity_views_export",
    ),
    path("workbench/foi/retention/", personal_data.retention, name="retention"),
    path("workbench/foi/register/", staff.register, name="register"),
    path("workbench/foi/assign/", staff.assign_many, name="assign_many"),
    path("workbench/foi/<int:pk>/", staff.detail, name="detail"),
    path("workbench/foi/<int:pk>/act/<slug:name>/", staff.act, name="act"),
    path("workbench/foi/<int:pk>/files/<int:file_pk>/", staff.attachment, name="attachment"),
    path("workbench/foi/<int:pk>/letters/", letters.letter_generate, name="letter_generate"),
    path(
        "workbench/foi/<int:pk>/letters/<int:letter_pk>.<str:fmt>",
        letters.letter_file,
        name="letter_file",
    ),
    path(
        "workbench/foi/<int:pk>/letters/<int:letter_pk>/delivery/",
        letters.letter_delivery,
        name="letter_delivery",
    ),
    path("workbench/foi/<int:pk>/proactive/", letters.make_proactive, name="make_proactive"),
    path("workbench/foi/letters/", letters.letter_settings, name="letter_settings"),
    path("workbench/foi/letters/template/", letters.template_upload, name="template_upload"),
    path("workbench/foi/letters/prefix/", letters.numbering_set, name="numbering_set"),
    path("workbench/foi/settings/", letters.body_settings_set, name="body_settings_set"),
    path(
        "workbench/foi/letters/<slug:kind>/<slug:which>.docx",
        letters.template_download,
        name="template_download",
    ),
]
