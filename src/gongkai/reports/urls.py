"""URLs of the reports app: public pages under xxgk/ndbg/, staff pages under workbench/reports/."""

from django.urls import path

from gongkai.reports.views import dashboard, portal, workbench

app_name = "reports"

urlpatterns = [
    path("xxgk/ndbg/", portal.report_list, name="public_list"),
    path("xxgk/ndbg/<slug:organisation>/<int:year>/", portal.report_page, name="public_report"),
    path(
        "xxgk/ndbg/<slug:organisation>/<int:year>/report.<str:file_format>",
        portal.report_file,
        name="public_file",
    ),
    path("workbench/reports/", workbench.report_list, name="workbench"),
    path("workbench/reports/generate/", workbench.report_generate, name="generate"),
    path("workbench/reports/<int:pk>/", workbench.report_detail, name="detail"),
    path("workbench/reports/<int:pk>/prose/", workbench.report_prose, name="prose"),
    path("workbench/reports/<int:pk>/tables/", workbench.report_tables, name="tables"),
    path("workbench/reports/<int:pk>/regenerate/", workbench.report_regenerate, name="regenerate"),
    path(
        "workbench/reports/<int:pk>/request-sign-off/",
        workbench.report_request_sign_off,
        name="request_sign_off",
    ),
    path("workbench/reports/<int:pk>/sign-off/", workbench.report_sign_off, name="sign_off"),
    path("workbench/reports/<int:pk>/publish/", workbench.report_publish, name="publish"),
    path(
        "workbench/reports/<int:pk>/report.<str:file_format>",
        workbench.report_file,
        name="file",
    ),
    path("workbench/reports/dashboard/", dashboard.dashboard_view, name="dashboard"),
    path("workbench/reports/ledger/", dashboard.ledger_view, name="ledger"),
]
