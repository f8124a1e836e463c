"""URLs of the participation app: public pages under hdjl/ (互动交流), staff pages under
/workbench/participation/."""

from django.urls import path

from gongkai.participation.views import portal
from gongkai.participation.views import workbench_consultation as wc
from gongkai.participation.views import workbench_mailbox as wm
from gongkai.participation.views import workbench_other as wo

app_name = "participation"

WB = "workbench/participation/"

urlpatterns = [
    path("hdjl/", portal.home, name="home"),
    path("hdjl/yjzj/", portal.consultation_list, name="consultations"),
    path("hdjl/yjzj/<int:pk>/", portal.consultation_detail, name="consultation"),
    path("hdjl/yjzj/<int:pk>/comments/", portal.consultation_comments, name="comments"),
    path("hdjl/yjzj/<int:pk>/report/", portal.consultation_report, name="report"),
    path("hdjl/xx/", portal.letter_write, name="letter_write"),
    path("hdjl/xx/follow/", portal.letter_follow, name="letter_follow"),
    path("hdjl/xx/rate/", portal.letter_rate, name="letter_rate"),
    path("hdjl/xx/public/", portal.letters_public, name="letters_public"),
    path("hdjl/xx/public/<int:pk>/", portal.letter_public, name="letter_public"),
    path("hdjl/jyta/", portal.proposals_public, name="proposals"),
    path("hdjl/jyta/<int:pk>/", portal.proposal_public, name="proposal"),
    path(WB + "consultations/", wc.consultations, name="wb_consultations"),
    path(WB + "consultations/new/", wc.consultation_new, name="wb_consultation_new"),
    path(WB + "consultations/<int:pk>/", wc.consultation_detail, name="wb_consultation"),
    # Before the action route, whose <slug:action> would otherwise take "comments".
    path(WB + "consultations/<int:pk>/comments/", wc.consultation_comments, name="wb_comments"),
    path(
        WB + "consultations/<int:pk>/<slug:action>/",
        wc.consultation_action,
        name="wb_consultation_action",
    ),
    path(
        WB + "consultations/<int:pk>/export.<str:fmt>",
        wc.consultation_export,
        name="wb_comments_export",
    ),
    path(WB + "comments/<int:pk>/<slug:action>/", wc.comment_action, name="wb_comment_action"),
    path(WB + "words/", wc.moderation_words, name="wb_words"),
    path(WB + "letters/", wm.letters, name="wb_letters"),
    path(WB + "letters/<int:pk>/", wm.letter_detail, name="wb_letter"),
    path(WB + "letters/<int:pk>/<slug:action>/", wm.letter_action, name="wb_letter_action"),
    path(WB + "categories/", wm.categories, name="wb_categories"),
    path(WB + "dashboard/", wm.dashboard, name="wb_dashboard"),
    path(WB + "proposals/", wo.proposals, name="wb_proposals"),
    path(WB + "proposals/new/", wo.proposal_new, name="wb_proposal_new"),
    path(WB + "proposals/<int:pk>/", wo.proposal_detail, name="wb_proposal"),
    path(WB + "proposals/<int:pk>/reply.docx", wo.proposal_docx, name="wb_proposal_docx"),
    path(WB + "proposals/<int:pk>/<slug:action>/", wo.proposal_action, name="wb_proposal_action"),
    path(WB + "incidents/", wo.incidents, name="wb_incidents"),
    path(WB + "incidents/new/", wo.incident_new, name="wb_incident_new"),
    path(WB + "incidents/<int:pk>/", wo.incident_detail, name="wb_incident"),
    path(WB + "incidents/<int:pk>/<slug:action>/", wo.incident_action, name="wb_incident_action"),
    path(WB + "press/", wo.press_conferences, name="wb_press"),
]
