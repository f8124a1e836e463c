"""Issue an API token for a staff account: ``gongkai apitoken USERNAME NAME``.

The token is printed once; only its hash is stored.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.core.services.organisation import api_token_create


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(_("No such user: %(name)s") % {"name": options["username"]})
        _record, token = api_token_create(actor=None, user=user, name=options["name"])
        self.stdout.write(token)
