"""URLs of the assessment app: every page is in the workbench (nothing here is public)."""

from django.urls import path

from gongkai.assessment import views

app_name = "assessment"

W = "workbench/assessment/"

urlpatterns = [
    path(W, views.home, name="home"),
    path(W + "imports/<int:pk>/", views.import_preview, name="import_preview"),
    path(W + "plans/<int:pk>/", views.plan_detail, name="plan"),
    path(W + "tasks/", views.my_tasks, name="my_tasks"),
    path(W + "tasks/<int:pk>/", views.task_detail, name="task"),
    path(W + "overdue/", views.overdue, name="overdue"),
    path(W + "notices/", views.notices, name="notices"),
    path(W + "notices/<int:pk>/", views.notice_detail, name="notice"),
    path(W + "scores/", views.scores, name="scores"),
    path(W + "scores/<int:rubric_pk>/<int:organisation_pk>/", views.score_detail, name="score"),
    path(W + "rubrics/<int:pk>/", views.rubric_edit, name="rubric_edit"),
    path(W + "scores/<int:rubric_pk>/final/", views.score_final, name="score_final"),
    path(
        W + "scores/<int:rubric_pk>/<int:organisation_pk>/self-assessment.docx",
        views.score_docx,
        name="score_docx",
    ),
    path(W + "ledgers/", views.ledger_home, name="ledgers"),
    path(W + "ledgers/<slug:code>/", views.ledger_one, name="ledger"),
    path(W + "bundles/<int:pk>/", views.bundle_detail, name="bundle"),
    path(W + "enquiries/", views.enquiries, name="enquiries"),
    path(W + "trainings/", views.trainings, name="trainings"),
    path(W + "overview/", views.overview, name="overview"),
]
