"""URLs of the proactive app: public pages under xxgk/ (信息公开), staff pages under
workbench/proactive/."""

from django.urls import path

from gongkai.proactive.views import public, registers, settings, workbench

app_name = "proactive"

W = "workbench/proactive/"

urlpatterns = [
    path("xxgk/", public.catalog, name="catalog"),
    path("xxgk/<int:pk>/", public.item, name="item"),
    path("xxgk/<int:pk>/print/", public.item_print, name="item-print"),
    path("xxgk/files/<int:pk>/", public.attachment, name="attachment"),
    path("xxgk/directory/", public.directory, name="directory"),
    path("xxgk/negative-list/", public.negative_list, name="negative_list"),
    path("xxgk/normative/", public.normative, name="normative"),
    path("xxgk/normative/<int:pk>/", public.normative_document, name="normative_document"),
    path(W, workbench.dashboard, name="workbench"),
    path(W + "new/", workbench.item_new, name="item_new"),
    path(W + "<int:pk>/", workbench.item_detail, name="item_detail"),
    path(W + "<int:pk>/edit/", workbench.item_edit, name="item_edit"),
    path(W + "<int:pk>/attach/", workbench.item_attach, name="item_attach"),
    path(W + "<int:pk>/submit/", workbench.item_submit, name="item_submit"),
    path(W + "<int:pk>/review/", workbench.item_review, name="item_review"),
    path(W + "<int:pk>/publish/", workbench.item_publish, name="item_publish"),
    path(W + "<int:pk>/withdraw/", workbench.item_withdraw, name="item_withdraw"),
    path(W + "<int:pk>/revise/", workbench.item_revise, name="item_revise"),
    path(W + "<int:pk>/delete/", settings.item_delete, name="item_delete"),
    path(W + "<int:pk>/diff/", workbench.item_diff, name="item_diff"),
    path(W + "<int:pk>/original/", workbench.item_original, name="item_original"),
    path(W + "findings/<int:pk>/", workbench.finding_decide, name="finding_decide"),
    path(W + "<int:pk>/findings/add/", workbench.finding_add, name="finding_add"),
    path(W + "files/<int:pk>/original/", workbench.attachment_original, name="attachment_original"),
    path(W + "files/<int:pk>/remove/", settings.attachment_remove, name="attachment_remove"),
    path(W + "settings/", settings.index, name="settings"),
    path(W + "settings/vocabulary/<str:kind>/", settings.vocabulary, name="settings_vocabulary"),
    path(W + "settings/review-steps/", settings.review_steps_edit, name="settings_review_steps"),
    path(W + "settings/privacy-rules/", settings.privacy_rules, name="settings_privacy_rules"),
    path(
        W + "settings/privacy-rules/<int:pk>/off/",
        settings.privacy_rule_deactivate,
        name="settings_privacy_rule_off",
    ),
    path(W + "import/", registers.import_files, name="import"),
    path(W + "import/<int:pk>/", registers.import_job, name="import_job"),
    path(W + "negative-list/", registers.negative_manage, name="negative_manage"),
    path(W + "negative-list/<int:pk>/", registers.negative_entry, name="negative_entry"),
    path(W + "normative/", registers.normative_manage, name="normative_manage"),
    path(W + "normative/<int:pk>/change/", registers.normative_change, name="normative_change"),
    path(W + "normative/cleanup/", registers.cleanup_publish, name="cleanup_publish"),
    path(W + "self-check/", registers.self_check, name="self_check"),
    path(W + "self-check/<int:pk>/", registers.self_check_decide, name="self_check_decide"),
    path(W + "self-check/export/", registers.self_check_export, name="self_check_export"),
    path(W + "self-check/sign-off/", registers.self_check_sign_off, name="self_check_sign_off"),
    path(W + "standard-catalog/", registers.standard_catalog, name="standard_catalog"),
]
