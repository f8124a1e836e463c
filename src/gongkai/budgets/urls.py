"""URLs of the budgets app: public pages under xxgk/ (信息公开), staff pages under
workbench/budgets/."""

from django.urls import path

from gongkai.budgets import views
from gongkai.budgets.feeds import BudgetsFeed

app_name = "budgets"

W = "workbench/budgets/"

urlpatterns = [
    path("xxgk/budgets/", views.budgets, name="budgets"),
    path("xxgk/budgets/<int:pk>/", views.document, name="document"),
    path("xxgk/budgets/feed.rss", BudgetsFeed(), name="feed"),
    path(W, views.manage, name="manage"),
    path(W + "<int:pk>/", views.edit, name="edit"),
]
