"""URLs of the guides app: public pages under xxgk/ (信息公开), staff pages under
workbench/guides/."""

from django.urls import path

from gongkai.guides import views, workbench
from gongkai.guides.feeds import GazetteFeed, GuideChangesFeed

app_name = "guides"

W = "workbench/guides/"

urlpatterns = [
    path("xxgk/guides/", views.guides, name="guides"),
    path("xxgk/guides/one-visit/", views.one_visit, name="one_visit"),
    path("xxgk/guides/changes.rss", GuideChangesFeed(), name="guides_feed"),
    path("xxgk/guides/<int:pk>/", views.guide, name="guide"),
    path("xxgk/guides/<int:pk>/flowchart.svg", views.guide_flowchart, name="flowchart"),
    path("xxgk/guides/<int:pk>/files/<int:file_pk>/", views.guide_file, name="file"),
    path("xxgk/map/", views.service_map, name="map"),
    path("xxgk/map/<int:pk>/", views.point, name="point"),
    path("xxgk/gazette/", views.issues, name="issues"),
    path("xxgk/gazette/feed.rss", GazetteFeed(), name="gazette_feed"),
    path("xxgk/gazette/<int:pk>/", views.issue, name="issue"),
    path("xxgk/gazette/<int:pk>/issue.pdf", views.issue_download, name="issue_pdf"),
    path(W, workbench.manage, name="manage"),
    path(W + "import/", workbench.guide_import, name="guide_import"),
    path(W + "new/", workbench.guide_new, name="guide_new"),
    path(W + "<int:pk>/", workbench.guide_edit, name="guide_edit"),
    path(W + "versions/<int:pk>/", workbench.version_edit, name="version_edit"),
    path(W + "map/", workbench.map_manage, name="map_manage"),
    path(W + "map/<int:pk>/", workbench.point_edit, name="point_edit"),
    path(W + "gazette/", workbench.gazette_manage, name="gazette_manage"),
]
