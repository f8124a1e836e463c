from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "gongkai.budgets"
    label = "budgets"
    verbose_name = _("Budgets and final accounts")

    def ready(self):
        # Published documents feed the site search (gongkai.search).
        from gongkai.budgets.indexing import register_budget_source

        register_budget_source()
