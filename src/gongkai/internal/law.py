"""对内公开 (internal disclosure): what a body discloses to its own staff, never to the public.

Sources (seed 004_7efa1cfc17daa203.txt): a public security bureau's plan "强化对内公开工作 …
对领导干部廉洁自律情况、单位财务收支情况、干部任用、考核和奖惩情况、创先争优情况以及干部职工普遍关心
的重要事项，采取有效形式予以公开"; 湛江市公安局's 2010 report: the 政务公开栏 carries "对内人事任免
信息、财务情况、考核评议、后勤管理等内容"; 南宁: "需向本单位、机关干部公开的，以内部管理制度、单位工作
目标及执行、单位财务收支、干部选拔、交流、考核奖惩等情况为重点 … 通过局OA网等形式进行及时公开".
Such information is internal affairs (条例 第十六条), so it is never on the portal or in the site
search: only signed-in staff of the body see it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    FINANCE = "finance", _("Finances")
    APPOINTMENTS = "appointments", _("Appointments and transfers")
    ASSESSMENTS = "assessments", _("Assessments, rewards and sanctions")
    INTEGRITY = "integrity", _("Integrity of leading officials")
    RULES = "rules", _("Internal rules and work targets")
    LOGISTICS = "logistics", _("Logistics")
    OTHER = "other", _("Other matters of concern to staff")
