"""URLs of the enforcement app: public pages under xxgk/zfgs/ (行政执法公示, inside 信息公开),
staff pages under workbench/enforcement/."""

from django.urls import path

from gongkai.enforcement import views
from gongkai.enforcement.feeds import ChangesFeed

app_name = "enforcement"

P = "xxgk/zfgs/"
W = "workbench/enforcement/"

urlpatterns = [
    path(P, views.index, name="index"),
    path(P + "matters/<int:pk>/", views.matter, name="matter"),
    path(P + "matters/<int:pk>/flowchart.svg", views.matter_svg, name="matter_svg"),
    path(P + "standards/<int:pk>/file", views.standard_file, name="standard_file"),
    path(P + "decisions/", views.decisions, name="decisions"),
    path(P + "decisions/<int:pk>/", views.decision, name="decision"),
    path(P + "draws/", views.draws, name="draws"),
    path(P + "draws/<int:pk>/", views.draw, name="draw"),
    path(P + "changes/", views.changes, name="changes"),
    path(P + "changes.rss", ChangesFeed(), name="feed"),
    path(W, views.manage, name="manage"),
    path(W + "new/", views.decision_new, name="decision_new"),
    path(W + "<int:pk>/", views.decision_edit, name="decision_edit"),
    path(W + "draws/", views.draws_manage, name="draws_manage"),
    path(W + "draws/<int:pk>/", views.draw_manage, name="draw_manage"),
    path(W + "register/", views.register_manage, name="register_manage"),
    path(W + "register/bodies/new/", views.body_new, name="body_new"),
    path(W + "register/bodies/<int:pk>/", views.body_edit, name="body_edit"),
    path(W + "register/officers/new/", views.officer_new, name="officer_new"),
    path(W + "register/officers/<int:pk>/", views.officer_edit, name="officer_edit"),
    path(W + "register/matters/new/", views.matter_new, name="matter_new"),
    path(W + "register/matters/<int:pk>/", views.matter_edit, name="matter_edit"),
    path(W + "register/targets/new/", views.target_new, name="target_new"),
    path(W + "register/targets/<int:pk>/", views.target_edit, name="target_edit"),
]
