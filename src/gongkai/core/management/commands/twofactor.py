"""Two-factor sign-in from the command line: ``gongkai twofactor status USERNAME`` and
``gongkai twofactor reset USERNAME`` (removes the authenticator and backup codes; the user
sets them up again at the next sign-in). The reset is recorded in the ledger.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.core.services.accounts import two_factor_reset_by_operator
from gongkai.core.twofactor import (
    backup_codes_left,
    second_factor_enrolled,
    second_factor_required,
)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["status", "reset"])
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(_("No such user: %(name)s") % {"name": options["username"]})
        if options["action"] == "reset":
            two_factor_reset_by_operator(user=user)
            self.stdout.write(
                _("Two-factor sign-in of %(name)s was reset.") % {"name": user.get_username()}
            )
            return
        self.stdout.write(
            _("%(name)s: two-factor sign-in %(state)s, %(required)s; %(left)d backup codes left.")
            % {
                "name": user.get_username(),
                "state": _("on") if second_factor_enrolled(user) else _("off"),
                "required": _("required") if second_factor_required(user) else _("optional"),
                "left": backup_codes_left(user),
            }
        )
